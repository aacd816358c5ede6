"""A move made in practice: a When step of the vocabulary, as its phrase key and the values it fills in.

Kept apart from the lessons so that the sandbox's journal speaks in moves without reading lessons.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from xingtu_sim.i18n import Lang
from xingtu_sim.steps.vocabulary import PHRASES, WHEN, step_line


@dataclass(frozen=True)
class Move:
    """One move made in practice, as a When step: its phrasing's key and the values it fills in."""

    phrase: str
    values: Mapping[str, str] = field(default_factory=dict)

    def line(self, lang: Lang) -> str:
        return step_line(PHRASES[self.phrase], lang, WHEN, **self.values)
