"""The Gherkin keywords of a language (`run --i18n-keywords`), and the check of `run --language`, from the
official parser's dialects."""

from __future__ import annotations

import difflib

from gherkin.dialect import DIALECTS

from xingtu_sim.domain.errors import InputError
from xingtu_sim.domain.text import Text, _, join

# Each kind of keyword, in the order a feature file uses them, named by its English keyword.
_KINDS = {
    "feature": "Feature",
    "rule": "Rule",
    "background": "Background",
    "scenario": "Scenario",
    "scenarioOutline": "Scenario Outline",
    "examples": "Examples",
    "given": "Given",
    "when": "When",
    "then": "Then",
    "and": "And",
    "but": "But",
}


def gherkin_language(code: str) -> str:
    """`code` if the Gherkin parser knows the language; else bad input naming the nearest codes."""
    if code in DIALECTS:
        return code
    nearest = difflib.get_close_matches(code, DIALECTS, n=3, cutoff=0.5) or [
        known for known in DIALECTS if known.casefold().startswith(code.casefold()[:2])
    ]
    if nearest:
        raise InputError(
            _('There is no Gherkin language "{code}"; did you mean {codes}?', code=code, codes=join(nearest[:3]))
        )
    raise InputError(_('There is no Gherkin language "{code}"; en, zh-CN and zh-TW are.', code=code))


def keyword_lines(code: str) -> list[Text | str]:
    """A heading, then one line per kind of keyword: English's keyword, then the language's."""
    dialect = DIALECTS[gherkin_language(code)]
    heading = _(
        'Gherkin keywords of {language} ({code}); a file in it starts with "# language: {code}", or run it with '
        "--language {code}.",
        language=dialect["native"], code=code,  # type: ignore[typeddict-item]
    )  # fmt: skip
    lines: list[Text | str] = [heading]
    width = max(map(len, _KINDS.values())) + 2
    for kind, name in _KINDS.items():
        written = [keyword.strip() for keyword in dialect[kind]]  # type: ignore[literal-required]
        lines.append(f"  {name:<{width}}{' / '.join(written)}")
    return lines
