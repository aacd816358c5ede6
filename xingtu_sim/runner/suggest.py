"""For a step no phrasing matches: what is wrong with it, and the phrasing to write instead.

Three answers, most precise first: the step says a phrasing after the wrong keyword; its words are a
phrasing's but a value is not (named, with how to write it); else the nearest phrasing (difflib),
never one that says the opposite of a step with "not" in it ("不接任务" is declining, not accepting).
"""

from __future__ import annotations

import difflib
import re
from functools import cache, lru_cache

from xingtu_sim.domain.text import Message, _
from xingtu_sim.i18n import Lang
from xingtu_sim.steps.vocabulary import (
    LANGUAGES,
    OPPOSITES,
    PHRASES,
    VOCABULARY,
    Kind,
    Phrase,
    compile_template,
    phrases_matching,
    placeholder_pattern,
    step_line,
)

_QUOTED = re.compile(r"[\"“”「」][^\"“”「」]*[\"“”「」]")
_NUMBER = re.compile(r"\d[\d,.]*[万wW]?")
_PLACEHOLDER = re.compile(r"\{\w+\}")
_NEGATION = re.compile(r"[不没未别勿无非]|\b(?:not|no|never|cannot)\b|n't\b", re.IGNORECASE)

# A value as a writer may get it wrong: a word without its quotes, a number written some other way.
_LOOSE_NAME = r"(?P<name>[\"“”「」'‘’][^\"“”「」'‘’]*+[\"“”「」'‘’]|[^\s\"“”「」'‘’]++)"
_LOOSE_NUMBER = r"(?P<name>[^\s\"“”「」\u3400-\u9fff]++|[零〇一二两三四五六七八九十百千万亿]++)"
_LOOSE = {"n": _LOOSE_NUMBER, "amount": _LOOSE_NUMBER, "task": _LOOSE_NAME, "brand": _LOOSE_NAME, "text": _LOOSE_NAME}

_QUOTE_MARKS = "\"“”「」'‘’"


def _what_is_wrong(name: str, value: str) -> Message:
    """Why a value cannot stand for the placeholder `name`, and how to write it."""
    if name == "n":
        return _('"{value}" is not a whole number: write it like 150000, 150,000, 15万 or 十五万', value=value)
    if name == "amount":
        return _('"{value}" is not an amount in yuan: write it like 8000 or 8,000.50', value=value)
    return _('{value} needs double quotes: "{name}"', value=value, name=value.strip(_QUOTE_MARKS))


@lru_cache(maxsize=4096)  # a long file says the same undefined step many times
def nearest_phrasing(step_text: str, step_type: str, lang: Lang) -> Message:
    """Why the step is undefined and what to write instead; keywords in the vocabulary's language for `lang`."""
    kind = Kind.from_label(step_type)
    elsewhere = sorted({k for phrase in phrases_matching(step_text) for k in phrase.kinds}, key=list(Kind).index)
    if elsewhere:
        keywords = " / ".join(k.keyword(lang) for k in elsewhere)
        return _(
            "this phrasing is not a {keyword} step; write it after {keywords}.",
            keyword=kind.keyword(lang),
            keywords=keywords,
        )
    hint = _value_problem(step_text, kind) or _nearest(step_text, kind)
    return hint or _("no phrasing of the vocabulary is close; see `xingtu-sim steps`.")


def _value_problem(step_text: str, kind: Kind) -> Message | None:
    """The phrasing whose words the step has, and the first value it cannot read, if there is one."""
    for phrase, phrase_lang, template in sorted(_templates(), key=lambda found: kind not in found[0].kinds):
        found = _loose_pattern(template, phrase_lang).fullmatch(step_text)
        if found is None:
            continue
        for name, value in found.groupdict().items():
            if name in _LOOSE and not re.fullmatch(placeholder_pattern(name), value):
                return _(
                    "undefined step: the words are those of {phrasing}, but {problem}.",
                    phrasing=_line(phrase, phrase_lang, kind, template), problem=_what_is_wrong(name, value),
                )  # fmt: skip
    return None


def _nearest(step_text: str, kind: Kind) -> Message | None:
    """The phrasing closest in wording (of this kind if one is close), turned round if the step negates it."""
    shape, by_shape = _shape(step_text), _by_shape()
    same_kind = [candidate for candidate, found in by_shape.items() if kind in found[0].kinds]
    close = difflib.get_close_matches(shape, same_kind, n=1, cutoff=0.6) or difflib.get_close_matches(
        shape, list(by_shape), n=1, cutoff=0.6
    )
    if not close:
        return None
    phrase, phrase_lang, template = by_shape[close[0]]
    if _negated(shape) != _negated(close[0]):  # the step says the opposite of the phrasing
        if phrase.key not in OPPOSITES:
            return None
        phrase = PHRASES[OPPOSITES[phrase.key]]
        template = phrase.template(phrase_lang)
    if _words(template) == _words(step_text):
        return None  # never a hint that is what was written
    return _("undefined step; nearest phrasing: {phrasing}", phrasing=_line(phrase, phrase_lang, kind, template))


def _line(phrase: Phrase, lang: Lang, kind: Kind, template: str) -> str:
    """The template after the step's own keyword where the phrase may stand there, else after its own."""
    return step_line(phrase, lang, kind if kind in phrase.kinds else None, variant=template)


@cache
def _templates() -> list[tuple[Phrase, Lang, str]]:
    return [
        (phrase, lang, template) for phrase in VOCABULARY for lang in LANGUAGES for template in phrase.templates(lang)
    ]


@cache
def _by_shape() -> dict[str, tuple[Phrase, Lang, str]]:
    return {_template_shape(template): (phrase, lang, template) for phrase, lang, template in _templates()}


@cache
def _loose_pattern(template: str, lang: Lang) -> re.Pattern[str]:
    return compile_template(template, lang, _LOOSE)


def _words(text: str) -> str:
    return " ".join(text.casefold().split())


def _negated(shape: str) -> bool:
    return _NEGATION.search(shape) is not None


def _shape(step_text: str) -> str:
    """The step with its values blanked out, so that only the wording is compared."""
    blanked = _NUMBER.sub("{}", _QUOTED.sub('"{}"', step_text))
    return " ".join(blanked.casefold().split())


def _template_shape(template: str) -> str:
    return " ".join(_PLACEHOLDER.sub("{}", template).casefold().split())
