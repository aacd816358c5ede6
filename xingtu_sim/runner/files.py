"""Feature files: where they are, and whether each one can be run at all (one clear error if not)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path

from gherkin.errors import CompositeParserException
from gherkin.parser import Parser
from gherkin.token_matcher import TokenMatcher
from pytest_bdd.exceptions import GherkinParseError
from pytest_bdd.gherkin_parser import GherkinDocument, handle_gherkin_parser_error
from pytest_bdd.gherkin_parser import Scenario as GherkinScenario
from pytest_bdd.gherkin_parser import Step as GherkinStep
from pytest_bdd.parser import Examples, Feature, FeatureParser, Rule, ScenarioTemplate, Step

from xingtu_sim.domain.errors import InputError, unreadable
from xingtu_sim.domain.text import Message, Text, _
from xingtu_sim.files.text import ENCODING, UnreadableFile, read_text
from xingtu_sim.runner.gherkin_hints import parse_problems
from xingtu_sim.steps.context import unusable_number
from xingtu_sim.steps.vocabulary import GHERKIN_DEFAULT, MAX_STEP_LENGTH, Phrase, phrases_matching

# Tags reach pytest as marks; with this prefix none is taken for pytest's own (@skip would skip the
# scenario unseen) or refused as a mark name (@ alone, @_draft).
TAG_MARK = "xingtu:"


# The language of a feature file without a '# language:' line (Gherkin's default; `run --language` changes it).
DEFAULT_LANGUAGE = GHERKIN_DEFAULT


@dataclass(frozen=True)
class FeatureFile:
    path: Path
    feature: Feature
    document: GherkinDocument  # the parser's tree: tags, Examples rows and descriptions with their lines


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


def load_feature_files(
    paths: Iterable[Path], language: str = DEFAULT_LANGUAGE, *, language_option: bool = False
) -> list[FeatureFile]:
    """Parse every file; all problems are reported together, none of the files is run then.

    `language_option`: the command offers --language, so a hint may suggest it.
    """
    loaded: list[FeatureFile] = []
    problems: list[Text] = []
    for path in paths:
        try:
            loaded.append(load_feature_file(path, language, language_option=language_option))
        except InputError as error:
            problems.extend(error.lines)
    if problems:
        raise InputError(*problems)
    return loaded


def load_feature_file(path: Path, language: str = DEFAULT_LANGUAGE, *, language_option: bool = False) -> FeatureFile:
    """One feature file, checked: readable, text, UTF-8, Gherkin, with at least one scenario.

    `language` is the file's language if it has no '# language:' line (`language_option`: --language sets it).
    """
    text = read_text(path)
    if not text.strip():
        raise InputError(_("{path}: the file is empty.", path=path))
    try:
        resolved = path.resolve()
        parser = _Parser(str(resolved.parent), resolved.name, ENCODING, language)
        feature = parser.parse()
    except GherkinParseError as error:
        raise InputError(*parse_problems(path, text, error, language, language_option=language_option)) from None
    except KeyError:  # pytest-bdd cannot handle a document without a Feature line
        raise InputError(_("{path}: no 'Feature:' line (or '功能:' after '# language: zh-CN').", path=path)) from None
    except OSError as error:  # gone or changed since it was checked: the parser reads the file again
        raise UnreadableFile(path, _("cannot be read: {reason}", reason=unreadable(error))) from None
    if not feature.scenarios:
        raise InputError(_("{path}:{line}: the feature holds no scenario.", path=path, line=feature.line_number))
    if problems := _too_long_steps(path, feature) or _unusable_numbers(path, feature):
        raise InputError(*problems)
    return FeatureFile(path, feature, parser.document)


def _rendered_steps(feature: Feature) -> Iterator[Step]:
    """Every step of the feature as it runs: an outline's once for each of its Examples rows."""
    for template in feature.scenarios.values():
        rows = [row for examples in template.examples for row in examples.as_contexts()] or [{}]
        for row in rows:
            yield from template.render(row).steps


def _too_long_steps(path: Path, feature: Feature) -> list[Message]:
    """Steps longer than any phrasing needs (an outline's as its rows fill them), once per line."""
    found: dict[int, Message] = {}
    for step in _rendered_steps(feature):
        if len(step.name) > MAX_STEP_LENGTH and step.line_number not in found:
            found[step.line_number] = _(
                "{path}:{line}: this step is {length} characters long; a step may have at most {limit}.",
                path=path, line=step.line_number, length=len(step.name), limit=MAX_STEP_LENGTH,
            )  # fmt: skip
    return [found[line] for line in sorted(found)]


def _unusable_numbers(path: Path, feature: Feature) -> list[Message]:
    """Numbers no step can use (a price past the largest, a wait past ten years), once per line."""
    found: dict[int, Message] = {}
    said: dict[str, list[Phrase]] = {}  # a file says the same steps again and again
    for step in _rendered_steps(feature):
        if step.name not in said:
            said[step.name] = phrases_matching(step.name)
        for phrase in said[step.name]:
            error = unusable_number(phrase, step.name)
            if error is not None and step.line_number not in found:
                problem = error.lines[0]
                found[step.line_number] = _(
                    "{path}:{line}: {problem}", path=path, line=step.line_number, problem=problem
                )
    return [found[line] for line in sorted(found)]


class _Parser(FeatureParser):
    """pytest-bdd's parser, with gaps of valid Gherkin closed: repeated names, a first '*' step, any tag, a
    default language; the file is parsed once."""

    def __init__(self, basedir: str, filename: str, encoding: str, language: str) -> None:
        super().__init__(basedir, filename, encoding)
        self.language = language

    def _parse_feature_file(self) -> GherkinDocument:
        return self.document

    def parse(self) -> Feature:
        self.document = document = _gherkin_document(self.abs_filename, self.encoding, self.language)
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


def _gherkin_document(filename: str, encoding: str, language: str) -> GherkinDocument:
    """pytest-bdd's get_gherkin_document, with `language` for a file without a '# language:' line."""
    with open(filename, encoding=encoding) as file:
        text = file.read()
    try:
        data = Parser().parse(text, TokenMatcher(language))
    except CompositeParserException as error:
        message, line = error.args[0], error.errors[0].location["line"]
        content = text.splitlines()[line - 1] if 0 < line <= len(text.splitlines()) else ""
        handle_gherkin_parser_error(message, line, content, filename, error)
        raise GherkinParseError(f"Unknown parsing error: {message}", line, content, filename) from error
    return GherkinDocument.from_dict(data)
