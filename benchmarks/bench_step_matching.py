"""Step matching time against step length: every phrasing, both languages, near misses included.

Run: python benchmarks/bench_step_matching.py   (goal: 8x longer steps take about 8x as long, never
64x; issue 15's cases, a 163-character near miss and `一位拥有` + 100,000 spaces, in milliseconds)
"""

from __future__ import annotations

import itertools
import sys
import time
from pathlib import Path

from xingtu_sim.steps.vocabulary import LANGUAGES, VOCABULARY, phrases_matching

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from test_step_matching_time import near_misses  # the test's own near misses

SIZES = (100, 800, 6400)


def best_of(steps: list[str], runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        for step in steps:
            phrases_matching(step)
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> None:
    templates = [template for phrase in VOCABULARY for lang in LANGUAGES for template in phrase.templates(lang)]
    print(f"{len(templates)} phrasings, each with its near misses, matched against the whole vocabulary")
    worst = 0.0
    totals = []
    for size in SIZES:
        steps = [step for template in templates for step in near_misses(template, size)]
        totals.append(best_of(steps))
        print(f"  runs of {size:>5} spaces: {len(steps)} steps of {sum(map(len, steps)) // len(steps):>6} characters "
              f"on average, {totals[-1] * 1000:8.1f} ms")  # fmt: skip
    for short, long in itertools.pairwise(totals):
        worst = max(worst, long / short)
    print(f"time ratio for 8x longer steps: at most {worst:.1f}x (linear: about 8x; quadratic: about 64x)")
    by_phrasing = []
    for template in templates:
        short, long = list(near_misses(template, 800)) * 10, list(near_misses(template, 6400)) * 10
        ratio = min(best_of(long) / best_of(short) for _ in range(3))  # the least disturbed of three
        by_phrasing.append((ratio, template))
    ratio, template = max(by_phrasing)
    print(f"worst single phrasing: {ratio:.1f}x  ({template})")
    gap = " " * 40
    issue_near_miss = '品牌方   "耐克"' + gap + "发布任务" + gap + '"春季新品"' + gap + "报酬   8000   元元"
    spaces = "一位拥有" + " " * 100_000
    for name, step in (("163-character near miss", issue_near_miss), ("一位拥有 + 100,000 spaces", spaces)):
        print(f"{name} ({len(step)} characters): {best_of([step]) * 1000:.2f} ms (issue 15: 60 s / over 240 s)")


if __name__ == "__main__":
    main()
