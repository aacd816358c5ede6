"""One sandbox command (load, one move, save) with 100, 1,000 and 10,000 tasks already in the file.

Run: python benchmarks/bench_sandbox.py   (each command loads the whole sandbox: cost grows with its size;
goal: a sandbox of 1,000 tasks answers in well under a second)
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from xingtu_sim import DEFAULT_RULES, CreatorAccount, State
from xingtu_sim.sandbox import create, session


def fill(path: Path, count: int) -> None:
    create(path, CreatorAccount(followers=150_000))
    with session(path, DEFAULT_RULES) as workspace:
        workspace.open_xingtu()
        for number in range(count):
            workspace.publish(f"task {number}", "Nike", "1000.10")
            workspace.bring_to(f"task {number}", State.COMPLETED if number % 2 else State.VIEWING_DETAILS)


def one_command(path: Path, name: str) -> float:
    started = time.perf_counter()
    with session(path, DEFAULT_RULES) as workspace:
        workspace.publish(name, "Nike", "1")
        workspace.act(name, "view")
    return time.perf_counter() - started


def main() -> None:
    figures = {}
    with tempfile.TemporaryDirectory() as folder:
        for count in (100, 1_000, 10_000):
            path = Path(folder) / f"{count}.db"
            fill(path, count)
            figures[count] = min(one_command(path, f"probe {attempt}") for attempt in range(5))
            print(f"{count:>6} tasks: {figures[count] * 1000:8.1f} ms per command")
    print(f"ratio 10,000 / 1,000 tasks: {figures[10_000] / figures[1_000]:.1f}x (linear would be 10x)")


if __name__ == "__main__":
    main()
