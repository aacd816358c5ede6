"""For a step no phrasing matches: the nearest phrasing of the vocabulary (difflib)."""

from __future__ import annotations

import difflib
import re

from xingtu_sim.i18n import LANGS, Lang, text
from xingtu_sim.steps.vocabulary import VOCABULARY, Kind, phrases_matching, step_line

_QUOTED = re.compile(r"[\"“”「」][^\"“”「」]*[\"“”「」]")
_NUMBER = re.compile(r"\d[\d,.]*万?")
_PLACEHOLDER = re.compile(r"\{\w+\}")


def _shape(step_text: str) -> str:
    """The step with its values blanked out, so that only the wording is compared."""
    blanked = _NUMBER.sub("{}", _QUOTED.sub('"{}"', step_text))
    return " ".join(blanked.casefold().split())


def _template_shape(template: str) -> str:
    return " ".join(_PLACEHOLDER.sub("{}", template).casefold().split())


_TEMPLATES = {_template_shape(phrase.template(lang)): (phrase, lang) for phrase in VOCABULARY for lang in LANGS}


def nearest_phrasing(step_text: str, step_type: str, lang: Lang) -> str:
    """Why the step is undefined and what to write instead, in `lang`."""
    kind = Kind.from_label(step_type)
    elsewhere = sorted({k for phrase in phrases_matching(step_text) for k in phrase.kinds}, key=list(Kind).index)
    if elsewhere:
        keywords = " / ".join(k.label(lang) for k in elsewhere)
        return text("run.wrong_kind", lang, keyword=kind.label(lang), keywords=keywords)
    same_kind = [shape for shape, (phrase, _) in _TEMPLATES.items() if kind in phrase.kinds]
    shape = _shape(step_text)
    close = difflib.get_close_matches(shape, same_kind, n=1, cutoff=0.6) or difflib.get_close_matches(
        shape, list(_TEMPLATES), n=1, cutoff=0.6
    )
    if not close:
        return text("run.undefined_no_hint", lang)
    phrase, phrase_lang = _TEMPLATES[close[0]]
    return text("run.undefined_hint", lang, phrasing=step_line(phrase, phrase_lang))
