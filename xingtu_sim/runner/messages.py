"""Cucumber Messages (NDJSON): the run as the Cucumber ecosystem's tools read it, in the order its spec gives.

The source, the Gherkin document and the pickles come from the official parser (gherkin-official); every
message is a `cucumber_messages` type. The order is the compatibility kit's: meta; per file its source,
document and pickles; the step definitions and the hook; testRunStarted; every testCase; then per test
case its steps' started/finished (a suggestion before an undefined step's finish); testRunFinished.
"""

from __future__ import annotations

import json
import platform
import re
import time
from collections import defaultdict
from collections.abc import Generator, Iterator, Mapping, Sequence
from dataclasses import dataclass
from importlib.metadata import version
from itertools import count
from pathlib import Path
from typing import Any

import cucumber_messages as cm
from gherkin.ast_builder import AstBuilder
from gherkin.parser import Parser
from gherkin.pickles.compiler import Compiler, GherkinDocumentWithURI
from gherkin.stream.id_generator import IdGenerator
from gherkin.token_matcher import TokenMatcher

from xingtu_sim.i18n import render
from xingtu_sim.runner.results import RunResult, ScenarioResult, Status, StepResult
from xingtu_sim.runner.suggest import nearest_phrasing
from xingtu_sim.runner.text_reports import shown_path
from xingtu_sim.runner.tool_reports import neutralised as visible_values
from xingtu_sim.steps.vocabulary import LANGUAGES, VOCABULARY, Phrase, vocabulary_lang

_STATUS = {
    Status.PASSED: cm.TestStepResultStatus.passed,
    Status.FAILED: cm.TestStepResultStatus.failed,
    Status.UNDEFINED: cm.TestStepResultStatus.undefined,
    Status.SKIPPED: cm.TestStepResultStatus.skipped,
}
_VOCABULARY_FILE = "xingtu_sim/steps/vocabulary.py"
_HOOK_FILE = "xingtu_sim/steps/context.py"
_NANOSECONDS = 1_000_000_000
_GHERKIN = cm.SourceMediaType.text_x_cucumber_gherkin_plain


@dataclass(frozen=True)
class _Definition:
    id: str
    phrase: Phrase
    lang: str
    pattern: re.Pattern[str]  # the phrasing's, or one of its variants'


def messages_ndjson(run: RunResult) -> str:
    """The whole run as Cucumber Messages, one JSON object a line."""
    lines = (json.dumps(neutralised(envelope), ensure_ascii=False) for envelope in messages(run))
    return "".join(f"{line}\n" for line in lines)


def neutralised(envelope: cm.Envelope) -> Any:
    """The message as JSON values, a name's or step's control and format characters shown as �."""
    return visible_values(cm.message_converter.to_dict(envelope))


def messages(run: RunResult) -> Iterator[cm.Envelope]:
    """Every message of the run, in the order of the Cucumber Messages spec."""
    ids = (str(n) for n in count())
    yield cm.Envelope(meta=_meta())
    pickles = yield from _documents(run.scenarios, ids)
    definitions = [
        _Definition(next(ids), phrase, lang, pattern)
        for phrase in VOCABULARY
        for lang in LANGUAGES
        for pattern in phrase.patterns(lang)
    ]
    for definition in definitions:
        yield cm.Envelope(step_definition=_step_definition(definition))
    hook = cm.Hook(
        id=next(ids),
        name="every refused action is checked by a Then step",
        type=cm.HookType.after_test_case,
        source_reference=cm.SourceReference(uri=_HOOK_FILE),
    )
    yield cm.Envelope(hook=hook)
    run_id = next(ids)
    clock = _Clock(run.started_at)
    yield cm.Envelope(test_run_started=cm.TestRunStarted(id=run_id, timestamp=clock.now()))
    cases = [_TestCase.build(scenario, pickle, definitions, hook, ids) for scenario, pickle in pickles]
    for case in cases:
        yield cm.Envelope(test_case=case.message(run_id))
    for case in cases:
        yield from case.run(clock, ids)
    clock.advance(time.time() - clock.seconds)  # the run's own end: pytest's work between steps counts too
    finished = cm.TestRunFinished(test_run_started_id=run_id, timestamp=clock.now(), success=run.ok)
    yield cm.Envelope(test_run_finished=finished)


def _meta() -> cm.Meta:
    return cm.Meta(
        protocol_version=version("cucumber-messages"),
        implementation=cm.Product(name="xingtu-sim", version=version("xingtu-sim")),
        runtime=cm.Product(name=platform.python_implementation(), version=platform.python_version()),
        os=cm.Product(name=platform.system().lower(), version=platform.release()),
        cpu=cm.Product(name=platform.machine()),
    )


class _SharedIds(IdGenerator):
    """The parser's ids drawn from the run's one sequence, so that no two messages share an id."""

    def __init__(self, ids: Iterator[str]) -> None:
        super().__init__()
        self.ids = ids

    def get_next_id(self) -> str:
        return next(self.ids)


def _documents(
    scenarios: Sequence[ScenarioResult], ids: Iterator[str]
) -> Generator[cm.Envelope, None, list[tuple[ScenarioResult, cm.Pickle]]]:
    """Each feature file that ran: its source, document and the pickles of the scenarios that ran (returned
    paired with their results, in the order they ran)."""
    shared = _SharedIds(ids)
    parser, compiler = Parser(ast_builder=AstBuilder(shared)), Compiler(shared)
    by_file: dict[str, list[ScenarioResult]] = defaultdict(list)
    for scenario in scenarios:
        by_file[scenario.feature_file].append(scenario)
    paired: list[tuple[ScenarioResult, cm.Pickle]] = []
    for path, ran in by_file.items():
        uri = shown_path(path)
        data = Path(path).read_text(encoding="utf-8-sig")
        yield cm.Envelope(
            source=cm.Source(uri=uri, data=data, media_type=cm.SourceMediaType.text_x_cucumber_gherkin_plain)
        )
        # A file without '# language:' is read in the language the run read it in (`run --language`).
        document: GherkinDocumentWithURI = {**parser.parse(data, TokenMatcher(ran[0].language)), "uri": uri}
        yield cm.Envelope(gherkin_document=cm.message_converter.from_dict(document, cm.GherkinDocument))
        pickles = [cm.message_converter.from_dict(pickle, cm.Pickle) for pickle in compiler.compile(document)]
        matched = _match(ran, pickles, _scenario_lines(document))
        for pickle in pickles:
            if pickle.id in matched:
                yield cm.Envelope(pickle=pickle)
                paired.append((matched[pickle.id], pickle))
    order = {id(scenario): n for n, scenario in enumerate(scenarios)}
    return sorted(paired, key=lambda pair: order[id(pair[0])])


def _scenario_lines(document: Mapping[str, Any]) -> dict[str, int]:
    """The line of every scenario (outlines, and scenarios inside rules, too) by its AST id."""
    children = list(document.get("feature", {}).get("children", []))
    children += [child for rule in children if "rule" in rule for child in rule["rule"]["children"]]
    return {c["scenario"]["id"]: c["scenario"]["location"]["line"] for c in children if "scenario" in c}


def _match(ran: list[ScenarioResult], pickles: list[cm.Pickle], lines: dict[str, int]) -> dict[str, ScenarioResult]:
    """Each result's pickle: the one at its line (an Examples row's own), else the next of its scenario."""
    at_line = {pickle.location.line: pickle for pickle in pickles if pickle.location}
    of_scenario: dict[int, list[cm.Pickle]] = defaultdict(list)
    for pickle in pickles:
        of_scenario[lines.get(pickle.ast_node_ids[0], 0)].append(pickle)
    matched: dict[str, ScenarioResult] = {}
    for scenario in ran:
        candidates = [at_line[scenario.line]] if scenario.line in at_line else []
        candidates += of_scenario.get(scenario.line, [])
        pickle = next((p for p in candidates if p.id not in matched), None)
        if pickle is not None:
            matched[pickle.id] = scenario
    return matched


def _step_definition(definition: _Definition) -> cm.StepDefinition:
    return cm.StepDefinition(
        id=definition.id,
        pattern=cm.StepDefinitionPattern(
            source=definition.pattern.pattern, type=cm.StepDefinitionPatternType.regular_expression
        ),
        source_reference=cm.SourceReference(uri=_VOCABULARY_FILE),
    )


class _Clock:
    """Timestamps from the run's start, moved on by each step's own duration."""

    def __init__(self, start: float) -> None:
        self.seconds = start

    def now(self) -> cm.Timestamp:
        whole = int(self.seconds)
        return cm.Timestamp(seconds=whole, nanos=min(int((self.seconds - whole) * _NANOSECONDS), _NANOSECONDS - 1))

    def advance(self, seconds: float) -> None:
        self.seconds += max(seconds, 0.0)


def _duration(seconds: float) -> cm.Duration:
    nanos = int(max(seconds, 0.0) * _NANOSECONDS)
    return cm.Duration(seconds=nanos // _NANOSECONDS, nanos=nanos % _NANOSECONDS)


@dataclass
class _TestCase:
    """One scenario that ran: its pickle's steps matched to their results, and the end-of-scenario hook."""

    id: str
    scenario: ScenarioResult
    pickle: cm.Pickle
    steps: list[tuple[cm.TestStep, StepResult | None, cm.PickleStep]]
    hook_step: cm.TestStep

    @classmethod
    def build(
        cls,
        scenario: ScenarioResult,
        pickle: cm.Pickle,
        definitions: Sequence[_Definition],
        hook: cm.Hook,
        ids: Iterator[str],
    ) -> _TestCase:
        case_id = next(ids)
        results: list[StepResult | None] = [*scenario.steps]
        results += [None] * (len(pickle.steps) - len(results))
        steps = []
        for pickle_step, result in zip(pickle.steps, results, strict=False):
            found = _definition_of(pickle_step.text, pickle.language, definitions)
            test_step = cm.TestStep(
                id=next(ids),
                pickle_step_id=pickle_step.id,
                step_definition_ids=[found[0].id] if found else [],
                step_match_arguments_lists=[cm.StepMatchArgumentsList(step_match_arguments=found[1])] if found else [],
            )
            steps.append((test_step, result, pickle_step))
        return cls(case_id, scenario, pickle, steps, cm.TestStep(id=next(ids), hook_id=hook.id))

    def message(self, run_id: str) -> cm.TestCase:
        test_steps = [step for step, _, _ in self.steps] + [self.hook_step]
        return cm.TestCase(id=self.id, pickle_id=self.pickle.id, test_steps=test_steps, test_run_started_id=run_id)

    def run(self, clock: _Clock, ids: Iterator[str]) -> Iterator[cm.Envelope]:
        started_id = next(ids)
        started = cm.TestCaseStarted(attempt=0, id=started_id, test_case_id=self.id, timestamp=clock.now())
        yield cm.Envelope(test_case_started=started)
        for test_step, result, pickle_step in self.steps:
            yield self._step_started(started_id, test_step, clock)
            status = result.status if result else Status.SKIPPED
            if status is Status.UNDEFINED:
                yield cm.Envelope(suggestion=self._suggestion(pickle_step, next(ids)))
            duration = result.duration if result else 0.0
            clock.advance(duration)
            outcome = cm.TestStepResult(
                duration=_duration(duration), status=_STATUS[status], message=result.error if result else None
            )
            yield cm.Envelope(test_step_finished=cm.TestStepFinished(started_id, test_step.id, outcome, clock.now()))
        yield self._step_started(started_id, self.hook_step, clock)
        yield cm.Envelope(
            test_step_finished=cm.TestStepFinished(started_id, self.hook_step.id, self._hook(), clock.now())
        )
        finished = cm.TestCaseFinished(test_case_started_id=started_id, timestamp=clock.now(), will_be_retried=False)
        yield cm.Envelope(test_case_finished=finished)

    @staticmethod
    def _step_started(started_id: str, step: cm.TestStep, clock: _Clock) -> cm.Envelope:
        return cm.Envelope(test_step_started=cm.TestStepStarted(started_id, step.id, clock.now()))

    def _hook(self) -> cm.TestStepResult:
        """The check that every refusal was checked: failed with its message, skipped after a failed step."""
        if self.scenario.error:
            return cm.TestStepResult(_duration(0), cm.TestStepResultStatus.failed, message=self.scenario.error)
        if any(step.status is not Status.PASSED for step in self.scenario.steps):
            return cm.TestStepResult(_duration(0), cm.TestStepResultStatus.skipped)
        return cm.TestStepResult(_duration(0), cm.TestStepResultStatus.passed)

    def _suggestion(self, pickle_step: cm.PickleStep, suggestion_id: str) -> cm.Suggestion:
        """For an undefined step, the vocabulary's nearest phrasing: what to write instead."""
        kind = {cm.PickleStepType.action: "when", cm.PickleStepType.outcome: "then"}.get(pickle_step.type, "given")
        language = vocabulary_lang(self.pickle.language)
        nearest = render(nearest_phrasing(pickle_step.text, kind, language), language)
        snippet = cm.Snippet(code=nearest, language="gherkin")
        return cm.Suggestion(id=suggestion_id, pickle_step_id=pickle_step.id, snippets=[snippet])


def _definition_of(
    text: str, language: str, definitions: Sequence[_Definition]
) -> tuple[_Definition, list[cm.StepMatchArgument]] | None:
    """The step definition whose pattern matches the step, with where its placeholders matched."""
    lang = vocabulary_lang(language)
    for definition in definitions:
        if definition.lang != lang:
            continue
        match = definition.pattern.fullmatch(text)
        if match:
            arguments = [
                cm.StepMatchArgument(group=cm.Group(start=match.start(name), value=value, children=[]))
                for name, value in match.groupdict().items()
                if value is not None
            ]
            return definition, arguments
    return None
