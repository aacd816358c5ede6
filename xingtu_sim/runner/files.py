"""Feature files: where they are, and whether each one can be run at all (one clear error if not)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path

from pytest_bdd.exceptions import GherkinParseError
from pytest_bdd.gherkin_parser import Scenario as GherkinScenario
from pytest_bdd.gherkin_parser import Step as GherkinStep
from pytest_bdd.gherkin_parser import get_gherkin_document
from pytest_bdd.parser import Examples, Feature, FeatureParser, Rule, ScenarioTemplate, Step

from xingtu_sim.domain.errors import InputError, unreadable
from xingtu_sim.domain.text import Message, Text, _, join, pgettext
from xingtu_sim.files.text import ENCODING, UnreadableFile, read_text
from xingtu_sim.steps.vocabulary import MAX_STEP_LENGTH

# Tags reach pytest as marks; with this prefix none is taken for pytest's own (@skip would skip the
# scenario unseen) or refused as a mark name (@ alone, @_draft).
TAG_MARK = "xingtu:"


@dataclass(frozen=True)
class FeatureFile:
    path: Path
    feature: Feature


def bundled_features() -> Path:
    """The scenarios shipped inside the package (or, in a source checkout, the repository's)."""
    packaged = Path(str(resources.files("xingtu_sim") / "features"))
    return packaged if packaged.is_dir() else Path(__file__).resolve().parents[2] / "features"


def find_feature_files(paths: Sequence[Path]) -> list[Path]:
    """The feature files named, or found in the folders named, each once, in a stable order."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            in_folder = sorted(found for found in path.rglob("*.feature") if not found.is_dir())
            if not in_folder:
                raise InputError(_("{path}: the folder holds no .feature file.", path=path))
            found += in_folder
        elif path.exists():
            found.append(path)
        else:
            raise InputError(_("{path}: no such file or folder.", path=path))
    return list(dict.fromkeys(found))


def load_feature_files(paths: Iterable[Path]) -> list[FeatureFile]:
    """Parse every file; all problems are reported together, none of the files is run then."""
    loaded: list[FeatureFile] = []
    problems: list[Text] = []
    for path in paths:
        try:
            loaded.append(load_feature_file(path))
        except InputError as error:
            problems.extend(error.lines)
    if problems:
        raise InputError(*problems)
    return loaded


def load_feature_file(path: Path) -> FeatureFile:
    """One feature file, checked: readable, text, UTF-8, Gherkin, with at least one scenario."""
    if not read_text(path).strip():
        raise InputError(_("{path}: the file is empty.", path=path))
    try:
        resolved = path.resolve()
        feature = _Parser(str(resolved.parent), resolved.name, ENCODING).parse()
    except GherkinParseError as error:
        raise InputError(*_parse_problems(path, error)) from None
    except KeyError:  # pytest-bdd cannot handle a document without a Feature line
        raise InputError(_("{path}: no 'Feature:' line (or '功能:' after '# language: zh-CN').", path=path)) from None
    except OSError as error:  # gone or changed since it was checked: the parser reads the file again
        raise UnreadableFile(path, _("cannot be read: {reason}", reason=unreadable(error))) from None
    if not feature.scenarios:
        raise InputError(_("{path}:{line}: the feature holds no scenario.", path=path, line=feature.line_number))
    if too_long := _too_long_steps(path, feature):
        raise InputError(*too_long)
    return FeatureFile(path, feature)


def _too_long_steps(path: Path, feature: Feature) -> list[Message]:
    """Steps longer than any phrasing needs (an outline's as its rows fill them), once per line."""
    found: dict[int, Message] = {}
    for template in feature.scenarios.values():
        rows = [row for examples in template.examples for row in examples.as_contexts()] or [{}]
        for row in rows:
            for step in template.render(row).steps:
                if len(step.name) > MAX_STEP_LENGTH and step.line_number not in found:
                    too_long = _(
                        "{path}:{line}: this step is {length} characters long; a step may have at most {limit}.",
                        path=path, line=step.line_number, length=len(step.name), limit=MAX_STEP_LENGTH,
                    )  # fmt: skip
                    found[step.line_number] = too_long
    return [found[line] for line in sorted(found)]


class _Parser(FeatureParser):
    """pytest-bdd's parser, with gaps of valid Gherkin closed: repeated names, a first '*' step, any tag."""

    def parse(self) -> Feature:
        document = get_gherkin_document(self.abs_filename, self.encoding)
        children = [*document.feature.children] if document.feature else []
        children += [child for rule in [c.rule for c in children if c.rule] for child in rule.children]
        names = Counter(child.scenario.name for child in children if child.scenario)
        self._repeated = {name for name, count in names.items() if count > 1}
        feature = super().parse()
        templates = list(feature.scenarios.values())
        rules = {id(template.rule): template.rule for template in templates if template.rule}
        examples = [examples for template in templates for examples in template.examples]
        tagged: list[Feature | Rule | ScenarioTemplate | Examples] = [feature, *rules.values(), *templates, *examples]
        for item in tagged:
            item.tags = {TAG_MARK + tag for tag in item.tags}
        return feature

    def parse_scenario(
        self, scenario_data: GherkinScenario, feature: Feature, rule: Rule | None = None
    ) -> ScenarioTemplate:
        """pytest-bdd keeps one scenario per name: scenarios that share a name are told apart by their line."""
        if scenario_data.name in self._repeated:
            line = scenario_data.location.line
            scenario_data = replace(scenario_data, name=f"{scenario_data.name} (line {line})".lstrip())
        return super().parse_scenario(scenario_data, feature, rule)

    def parse_steps(self, steps_data: list[GherkinStep]) -> list[Step]:
        """A first step written with '*' sets the scene, as a Given would (pytest-bdd would refuse it)."""
        if steps_data and steps_data[0].keyword_type == "Unknown":
            steps_data = [replace(steps_data[0], keyword_type="Context"), *steps_data[1:]]
        return super().parse_steps(steps_data)


_LOCATION = re.compile(r"^\((\d+):\d+\): ")
_UNEXPECTED = re.compile(r"expected: (.*), got '(.*)'$")
_EOF = re.compile(r"unexpected end of file, expected: (.*)$")
_LANGUAGE = re.compile(r"Language not supported: (.*)$")
# The parser's token names, as a scenario writer would say them.
_TOKENS = {
    "#FeatureLine": pgettext("gherkin line", "'Feature:'"),
    "#ScenarioLine": pgettext("gherkin line", "'Scenario:'"),
    "#RuleLine": pgettext("gherkin line", "'Rule:'"),
    "#ExamplesLine": pgettext("gherkin line", "'Examples:'"),
    "#StepLine": pgettext("gherkin line", "a step (Given/When/Then …)"),
    "#TableRow": pgettext("gherkin line", "a table row | … |"),
    "#TagLine": pgettext("gherkin line", "a tag @…"),
    "#DocStringSeparator": pgettext("gherkin line", 'the closing """'),
}


def _parse_problems(path: Path, error: GherkinParseError) -> list[Text]:
    """One line per problem the Gherkin parser found, with its line number."""
    found = [str(item) for item in getattr(error.__cause__, "errors", [])]
    if not found:  # pytest-bdd's own checks, e.g. a scenario starting with And
        found = [f"({error.line}:1): {error.message}"]
    problems: list[Text] = []
    for detail in found[:5]:
        located = _LOCATION.match(detail)
        line, problem = (int(located.group(1)), detail[located.end() :]) if located else (error.line, detail)
        problems.append(_("{path}:{line}: {problem}", path=path, line=line, problem=_explain(problem)))
    return problems


_KNOWN = {
    "inconsistent cell count within the table": _("the rows of this table have different numbers of cells."),
    "A tag may not contain whitespace": _("a tag may not contain spaces."),
    "First step in a scenario or background must start with": _(
        "the first step of a scenario or background starts with Given, When, Then or *, not And or But."
    ),
}


def _explain(detail: str) -> Text:
    if found := _UNEXPECTED.search(detail):
        return _(
            "unexpected line '{got}'; expected {expected}.", got=found.group(2), expected=_expected(found.group(1))
        )
    if found := _EOF.search(detail):
        return _("the file ends too early; expected {expected}.", expected=_expected(found.group(1)))
    if found := _LANGUAGE.search(detail):
        return _('unknown language "{language}" in "# language:"; use e.g. en or zh-CN.', language=found.group(1))
    for known, key in _KNOWN.items():
        if known in detail:
            return key
    return detail  # the parser's own words


def _expected(tokens: str) -> Text:
    wanted = [_TOKENS[token.strip()] for token in tokens.split(",") if token.strip() in _TOKENS]
    return join(wanted) if wanted else "-"
