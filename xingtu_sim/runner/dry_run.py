"""Check every step against the vocabulary without running anything: steps skipped, or undefined, or failing on a
value no step accepts."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from xingtu_sim.domain.rules import DEFAULT_RULES
from xingtu_sim.domain.text import Text
from xingtu_sim.i18n import Lang, render_lines
from xingtu_sim.runner.files import FeatureFile
from xingtu_sim.runner.results import RunResult, Status, StepResult
from xingtu_sim.runner.scenarios import PlannedScenario, planned_scenarios
from xingtu_sim.runner.suggest import nearest_phrasing
from xingtu_sim.steps.context import ScenarioContext, StepFailed
from xingtu_sim.steps.vocabulary import Kind, matching


@dataclass(frozen=True)
class StepProblem:
    path: str
    line: int
    keyword: str
    text: str
    problem: tuple[Text, ...]  # one message a line


@dataclass
class DryRun:
    run: RunResult
    checked: int  # distinct steps
    problems: list[StepProblem]


def dry_run(scenarios: Sequence[PlannedScenario], lang: Lang) -> DryRun:
    """Each scenario as a run would report it, nothing run: a known step skipped, an unknown one undefined (with
    the nearest phrasing), one whose value no step accepts failed (with why); each distinct step checked once."""
    context = ScenarioContext(DEFAULT_RULES, lang)
    checked: dict[tuple[str, int, str], StepResult] = {}
    found: list[StepProblem] = []
    run = RunResult()
    for scenario in scenarios:
        steps = []
        for step in scenario.template.render(scenario.context).steps:
            key = (str(scenario.file.path), step.line_number, step.name)
            if key not in checked:
                result = StepResult(step.keyword, step.name, step.line_number)
                phrase = matching(step.name, Kind.from_label(step.type))
                problem: tuple[Text, ...] = ()
                if phrase is None:
                    result.status, problem = Status.UNDEFINED, (nearest_phrasing(step.name, step.type, lang),)
                else:
                    try:
                        context.check_values(phrase, step.name)
                    except StepFailed as error:
                        result.status, problem = Status.FAILED, error.lines
                if problem:
                    result.error = render_lines(problem, lang)
                    found.append(StepProblem(key[0], step.line_number, step.keyword, step.name, problem))
                checked[key] = result
            known = checked[key]
            steps.append(StepResult(step.keyword, step.name, step.line_number, known.status, error=known.error))
        run.scenarios.append(scenario.result(steps, ran=False))
    return DryRun(run, len(checked), found)


def check_steps(files: Sequence[FeatureFile], lang: Lang) -> tuple[int, list[StepProblem]]:
    """How many distinct steps were checked, and each one that is undefined or has a bad value."""
    checked = dry_run([scenario for file in files for scenario in planned_scenarios(file)], lang)
    return checked.checked, checked.problems
