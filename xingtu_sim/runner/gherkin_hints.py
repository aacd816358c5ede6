"""What a Gherkin parse error means to a scenario writer: the problem in their words, with the fix."""

from __future__ import annotations

import re
from pathlib import Path

from gherkin.dialect import DIALECTS, Dialect
from pytest_bdd.exceptions import GherkinParseError

from xingtu_sim.domain.text import Text, _, join, ngettext, pgettext
from xingtu_sim.steps.vocabulary import GHERKIN_DEFAULT, LANGUAGES

MAX_PROBLEMS = 5  # per file; the rest are counted
_DECLARED = re.compile(r"^\s*#\s*language\s*:\s*([a-zA-Z\-_]+)\s*$")  # as the Gherkin parser reads it
_FULL_WIDTH_COLON = "："
_LOCATION = re.compile(r"^\((\d+):\d+\): ")
_UNEXPECTED = re.compile(r"expected: (.*), got '(.*)'$")
_EOF = re.compile(r"unexpected end of file, expected: (.*)$")
_LANGUAGE = re.compile(r"Language not supported: (.*)$")
# Languages a file's first keyword is looked up in, the vocabulary's first (they share keywords with others).
_LOOKUP_ORDER = [*LANGUAGES, *sorted(code for code in DIALECTS if code not in LANGUAGES)]
_BLOCKS = ("feature", "rule", "background", "scenario", "scenarioOutline", "examples")


def parse_problems(
    path: Path, text: str, error: GherkinParseError, language: str = GHERKIN_DEFAULT, *, language_option: bool = False
) -> list[Text]:
    """One line per problem, with its line number; at most five, then how many more.

    `language` is the one the file was read in if it has no '# language:' line; `language_option`: the
    command (run) offers --language to set it, so the hint may suggest it too.
    """
    lines = text.splitlines()
    declared = next((found.group(1) for line in lines if (found := _DECLARED.match(line))), None)
    spoken = None if declared else _spoken(lines)
    dialect = Dialect.for_name(declared or spoken or language) or Dialect.for_name(GHERKIN_DEFAULT)
    assert dialect is not None
    problems = _language_hints(path, lines, spoken, dialect, language, language_option) or _parser_problems(
        path, error, dialect
    )
    if len(problems) <= MAX_PROBLEMS:
        return problems
    more = len(problems) - MAX_PROBLEMS
    counted = ngettext(
        "{path}: and {count} more problem.", "{path}: and {count} more problems.", more, path=path, count=more
    )
    return [*problems[:MAX_PROBLEMS], counted]


def _language_hints(
    path: Path, lines: list[str], spoken: str | None, dialect: Dialect, language: str, language_option: bool
) -> list[Text]:
    """What the parser reports as stray lines when the cause is the language: a missing header, a full-width colon.

    These explain every error that follows from them, so they are all that is shown.
    """
    hints: list[Text] = []
    if spoken not in (None, language):
        hints.append(_undeclared(path, spoken, language_option))
    for number, line in enumerate(lines, start=1):
        keyword = _keyword_before(line.strip(), dialect, _FULL_WIDTH_COLON)
        if keyword is not None:
            full_width = _(
                '{path}:{line}: "{keyword}：" has a full-width colon; write "{keyword}:" with an ASCII colon.',
                path=path, line=number, keyword=keyword,
            )  # fmt: skip
            hints.append(full_width)
    return hints


def _undeclared(path: Path, spoken: str, language_option: bool) -> Text:
    """Add the language line; where the command reads --language, that is the other way."""
    if language_option:
        return _(
            '{path}:1: this file is written in {language} without saying so; add "# language: {code}" as its '
            "first line, or run with --language {code} (for every file without that line).",
            path=path, language=_name(spoken), code=spoken,
        )  # fmt: skip
    return _(
        "{path}:1: this file is written in {language} without saying so; "
        'add "# language: {code}" as its first line.',
        path=path, language=_name(spoken), code=spoken,
    )  # fmt: skip


def _spoken(lines: list[str]) -> str | None:
    """The language whose keyword starts the file's first Gherkin line (Feature:, 功能:, Fonctionnalité: …)."""
    first = next((line.strip() for line in lines if line.strip() and not line.strip().startswith(("#", "@"))), "")
    for code in _LOOKUP_ORDER:
        if _keyword_before(first, Dialect(DIALECTS[code]), ":" + _FULL_WIDTH_COLON) is not None:
            return code
    return None


def _keyword_before(line: str, dialect: Dialect, colons: str) -> str | None:
    """The block keyword (Feature, Scenario, 功能 …) that `line` starts with, if one of `colons` follows it."""
    for block in _BLOCKS:
        keywords: list[str] = dialect.spec[block]  # type: ignore[literal-required]
        for keyword in keywords:
            rest = line[len(keyword) :].lstrip() if line.startswith(keyword) else ""
            if rest[:1] and rest[0] in colons:
                return keyword
    return None


def _name(code: str) -> str:
    """A language's own name and code: 简体中文 (zh-CN), français (fr)."""
    spec: dict[str, object] = dict(DIALECTS[code])
    return f"{spec['native']} ({code})"


def _parser_problems(path: Path, error: GherkinParseError, dialect: Dialect) -> list[Text]:
    """The Gherkin parser's own errors, each as a sentence."""
    found = [str(item) for item in getattr(error.__cause__, "errors", [])]
    if not found:  # pytest-bdd's own checks, e.g. a scenario starting with And
        found = [f"({error.line}:1): {error.message}"]
    problems: list[Text] = []
    for detail in found:
        located = _LOCATION.match(detail)
        line, problem = (int(located.group(1)), detail[located.end() :]) if located else (error.line, detail)
        problems.append(_("{path}:{line}: {problem}", path=path, line=line, problem=_explain(problem, dialect)))
    return problems


def _explain(detail: str, dialect: Dialect) -> Text:
    if found := _UNEXPECTED.search(detail):
        expected = _expected(found.group(1), dialect)
        return _("unexpected line '{got}'; expected {expected}.", got=found.group(2), expected=expected)
    if found := _EOF.search(detail):
        return _("the file ends too early; expected {expected}.", expected=_expected(found.group(1), dialect))
    if found := _LANGUAGE.search(detail):
        return _('unknown language "{language}" in "# language:"; use e.g. en or zh-CN.', language=found.group(1))
    if "inconsistent cell count within the table" in detail:
        return _("the rows of this table have different numbers of cells.")
    if "A tag may not contain whitespace" in detail:
        return _("a tag may not contain spaces.")
    if "First step in a scenario or background must start with" in detail:
        return _("the first step of a scenario or background starts with Given, When, Then or *, not And or But.")
    return detail


def _expected(tokens: str, dialect: Dialect) -> Text:
    """The parser's token names as the file's own keywords: 'Feature:' in English, '功能:' in Chinese."""
    spec = dialect.spec
    steps = "/".join(next(k.strip() for k in spec[kind] if k.strip() != "*") for kind in ("given", "when", "then"))
    names: dict[str, Text] = {
        "#FeatureLine": f"'{spec['feature'][0]}:'",
        "#ScenarioLine": f"'{spec['scenario'][0]}:'",
        "#RuleLine": f"'{spec['rule'][0]}:'",
        "#ExamplesLine": f"'{spec['examples'][0]}:'",
        "#StepLine": pgettext("gherkin line", "a step ({keywords} …)", keywords=steps),
        "#TableRow": pgettext("gherkin line", "a table row | … |"),
        "#TagLine": pgettext("gherkin line", "a tag @…"),
        "#DocStringSeparator": pgettext("gherkin line", 'the closing """'),
    }
    wanted = [names[token.strip()] for token in tokens.split(",") if token.strip() in names]
    return join(wanted) if wanted else "-"
