"""A run of scenarios in a process that holds many objects costs what it costs in a fresh one.

Run: python benchmarks/bench_runner_heap.py [--objects 2000000] [--runs 20]
(goal: the median run with the objects alive within 1.5x of the median run without them)

The runner runs pytest in its own process: the test suite, a classroom server, or another program using
`run_paths`, each holding whatever else it holds. pytest's unraisable-exception plugin collected the garbage
several times a run, which walked every object of the process: with that plugin put back, this prints
758 ms a run with two million objects against 58 ms without (13x); the runner leaves it out.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from xingtu_sim.runner.session import RunOptions, run_paths

GOAL = 1.5
FEATURE = Path(__file__).resolve().parents[1] / "features" / "en" / "02_declining.feature"


def median_run(runs: int) -> float:
    options = RunOptions(lang="en")
    run_paths([FEATURE], options)  # imports and caches, once
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        result = run_paths([FEATURE], options)
        times.append(time.perf_counter() - start)
        if not result.scenarios or result.passed != len(result.scenarios):
            raise SystemExit(f"{FEATURE} did not pass: the benchmark measures a green run")
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--objects", type=int, default=2_000_000)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    alone = median_run(args.runs)
    held = [{"n": [number]} for number in range(args.objects)]  # noqa: F841  (alive while the runs go on)
    crowded = median_run(args.runs)
    ratio = crowded / alone
    print(f"{FEATURE.name}, median of {args.runs} runs in one process")
    print(f"  without other objects:          {alone * 1000:7.1f} ms")
    print(f"  with {args.objects:,} objects alive: {crowded * 1000:7.1f} ms")
    print(f"ratio {ratio:.2f}x   goal <= {GOAL}x: {'ok' if ratio <= GOAL else 'MISSED'}")
    return 0 if ratio <= GOAL else 1


if __name__ == "__main__":
    sys.exit(main())
