"""Start-up and suite speed: `xingtu-sim --help` against `import click`, and the bundled scenarios.

Run: python benchmarks/bench_cli.py   (goals: --help within 2x of `python -c "import click"`;
the bundled suite in under 3 s)
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time

RUNS = 7


def best_of(command: list[str], runs: int = RUNS) -> float:
    """The fastest of several wall-clock runs: the least disturbed by whatever else the machine does."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> None:
    cli = shutil.which("xingtu-sim") or sys.exit("install the package first: pip install .")
    click_only = best_of([sys.executable, "-c", "import click"])
    help_time = best_of([cli, "--help"])
    suite = best_of([cli, "run", "--format", "progress"], runs=3)
    print(f'python -c "import click": {click_only * 1000:.0f} ms')
    print(f"xingtu-sim --help:        {help_time * 1000:.0f} ms  ({help_time / click_only:.2f}x; goal: at most 2x)")
    print(f"xingtu-sim run (bundled): {suite:.2f} s  (goal: under 3 s)")


if __name__ == "__main__":
    main()
