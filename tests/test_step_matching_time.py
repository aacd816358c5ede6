"""Matching a step costs time in proportion to its length, whatever a writer types (issue 15).

A ratio check with generous bounds, as the issue asks: for every phrasing in both languages, steps
of length n and 8n (the phrasing itself, and near misses that match almost to the end) are matched,
and the time grows about 8-fold, never 64-fold (quadratic) or worse.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator

import pytest

from xingtu_sim.i18n import Lang
from xingtu_sim.steps.vocabulary import LANGUAGES, VOCABULARY, Phrase, phrases_matching

_SAMPLE = {"n": "150000", "amount": "8000.50", "platform": "xigua", "state": "script review", "reason": "not eligible"}
_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def _filled(template: str, size: int) -> str:
    """The template with long values and a run of `size` spaces wherever a space may stand."""
    gap = " " * size

    def value(found: re.Match[str]) -> str:
        name = found.group(1)
        if name in ("task", "brand", "text"):
            return "ab " * (size // 3)
        if name in ("state", "reason"):
            return gap.join(_SAMPLE[name].split()) if " " in _SAMPLE[name] else _SAMPLE[name] + gap + "x"
        return _SAMPLE[name]

    with_gaps = gap.join(template.split(" "))
    return gap + _PLACEHOLDER.sub(lambda found: gap + value(found) + gap, with_gaps) + gap


def near_misses(template: str, size: int) -> Iterator[str]:
    """The step with long runs, and ways to almost say it: cut short, one character wrong, a prefix
    followed by nothing but spaces (as `假如一位拥有` + 100,000 spaces)."""
    whole = _filled(template, size)
    yield whole
    stripped = whole.rstrip()
    yield stripped[:-1]
    yield stripped[:-1] + "~" + " " * size
    for found in _PLACEHOLDER.finditer(template):
        yield _filled(template[: found.start()], size) + " " * size
        yield _filled(template[: found.end()], size) + " " * size + "~"


def _best_time(steps: list[str]) -> float:
    """CPU time (other processes on a busy machine do not count) to match the steps, the best of 5 rounds."""
    rounds = []
    for _ in range(5):
        start = time.process_time()
        for step in steps:
            phrases_matching(step)
        rounds.append(time.process_time() - start)
    return min(rounds)


def _phrasings() -> list[tuple[Phrase, Lang, str]]:
    return [
        (phrase, lang, template) for phrase in VOCABULARY for lang in LANGUAGES for template in phrase.templates(lang)
    ]


@pytest.mark.slow  # timings of every phrasing, in both languages
@pytest.mark.parametrize(
    ("phrase", "lang", "template"), _phrasings(), ids=[f"{lang}: {template}" for _, lang, template in _phrasings()]
)
def test_matching_a_step_eight_times_longer_takes_about_eight_times_as_long(
    phrase: Phrase, lang: Lang, template: str
) -> None:
    short, long = list(near_misses(template, 120)), list(near_misses(template, 960))
    assert phrase in phrases_matching(short[0])  # the runs of spaces are allowed where they stand
    assert phrase in phrases_matching(long[0])

    short *= 10  # long enough to measure: a millisecond or more
    ratios = []
    for _ in range(5):  # a busy machine can slow one measurement; quadratic time is slow every time
        ratios.append(_best_time(long * 10) / _best_time(short))
        if ratios[-1] < 24:
            break
    assert min(ratios) < 24, f"{min(ratios):.0f}x slower for 8x longer steps"
