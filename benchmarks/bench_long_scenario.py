"""One long scenario: the runner's time per step must not grow with the scenario's length.

Run: python benchmarks/bench_long_scenario.py [--max-steps 32000]
(goal: the cost of one more step, measured between the two longest scenarios, within 1.5x of the
same between the two shortest: linear, not quadratic; plain pytest-bdd, with three catch-all steps
that do nothing, runs the same feature file for comparison)

Each size runs in a fresh process, which measures the CPU time of the run alone (start-up excluded), so
that other work on a busy machine does not count.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

GOAL = 1.5

_PLAIN_STEPS = """\
from pytest_bdd import given, parsers, scenarios, then, when

scenarios("long.feature")


@given(parsers.re(".*"))
def _given() -> None:
    pass


@when(parsers.re(".*"))
def _when() -> None:
    pass


@then(parsers.re(".*"))
def _then() -> None:
    pass
"""


def long_feature(steps: int) -> str:
    """A creator views and closes one task again and again: every step costs the domain the same."""
    lines = [
        "Feature: A long scenario",
        "  Scenario: Viewing and closing a task again and again",
        "    Given a creator with 150000 followers",
        "    And the creator has opened Xingtu",
        '    And the brand "Nike" publishes the task "Spring launch" paying 8000 yuan',
    ]
    moves = ['When the creator views the task "Spring launch"', 'When the creator closes the task "Spring launch"']
    lines += [f"    {moves[number % 2]}" for number in range(steps - len(lines) + 2)]
    return "\n".join(lines) + "\n"


def child(runner: str, steps: int) -> None:
    """Runs in its own process: write the feature, run it, print the seconds the run took."""
    with tempfile.TemporaryDirectory() as folder:
        feature = Path(folder) / "long.feature"
        feature.write_text(long_feature(steps), encoding="utf-8")
        if runner == "xingtu-sim":
            from xingtu_sim.runner.session import RunOptions, run_paths
            from xingtu_sim.runner.tags import TagFilter

            started = time.process_time()
            result = run_paths([feature], RunOptions("en", TagFilter()))
            elapsed = time.process_time() - started
            ran = sum(len(scenario.steps) for scenario in result.scenarios)
            assert (result.passed, ran) == (1, steps), (result.passed, ran)
        else:
            import pytest

            (Path(folder) / "test_long.py").write_text(_PLAIN_STEPS, encoding="utf-8")
            started = time.process_time()
            code = pytest.main([folder, "-q", "-p", "no:cacheprovider", "-c", os.devnull, "--rootdir", folder])
            elapsed = time.process_time() - started
            assert code == 0, code
    print(f"{elapsed:.6f}")


def timed(runner: str, steps: int) -> float:
    command = [sys.executable, __file__, "--child", runner, str(steps)]
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    return float(done.stdout.split()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max-steps", type=int, default=16_000)
    parser.add_argument("--child", nargs=2, metavar=("RUNNER", "STEPS"), help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.child:
        child(options.child[0], int(options.child[1]))
        return
    sizes = [size for size in (1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 64_000) if size <= options.max_steps]
    print("one scenario of N steps, CPU seconds of the run alone (a fresh process each):")
    print(f"{'steps':>8}  {'xingtu-sim':>11}  {'per step':>9}  {'plain pytest-bdd':>16}  {'per step':>9}  {'ratio':>6}")
    ours: list[float] = []
    plain: list[float] = []
    for steps in sizes:
        ours.append(timed("xingtu-sim", steps))
        plain.append(timed("plain", steps))
        print(
            f"{steps:>8,}  {ours[-1]:>9.2f} s  {ours[-1] / steps * 1e6:>6.0f} µs  {plain[-1]:>14.2f} s  "
            f"{plain[-1] / steps * 1e6:>6.0f} µs  {ours[-1] / plain[-1]:>5.2f}x"
        )
    # One more step's cost, from the difference between two sizes: the fixed start of a run cancels out.
    first, last = (ours[1] - ours[0]) / (sizes[1] - sizes[0]), (ours[-1] - ours[-2]) / (sizes[-1] - sizes[-2])
    plain_last = (plain[-1] - plain[-2]) / (sizes[-1] - sizes[-2])
    growth = last / first
    print(
        f"one more step costs {first * 1e6:.0f} µs between {sizes[0]:,} and {sizes[1]:,} steps, "
        f"{last * 1e6:.0f} µs between {sizes[-2]:,} and {sizes[-1]:,} (plain pytest-bdd: {plain_last * 1e6:.0f} µs)"
    )
    verdict = "ok" if growth <= GOAL else "MISSED"
    print(f"growth of the cost of a step: {growth:.2f}x   goal <= {GOAL}x: {verdict}")
    if growth > GOAL:
        sys.exit(1)


if __name__ == "__main__":
    main()
