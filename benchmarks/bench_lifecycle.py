"""Publish and complete 1,000 then 10,000 tasks for one creator: the cost per task must not grow.

Run: python benchmarks/bench_lifecycle.py   (goal: 10,000 tasks cost at most 12x 1,000)
"""

from __future__ import annotations

import time

from xingtu_sim import CreatorAccount, State, Workspace
from xingtu_sim.domain.routes import shortest_path

HAPPY_PATH = [edge.trigger for edge in shortest_path(State.PENDING_RECEIPT, State.COMPLETED)]


def publish_and_complete(count: int) -> float:
    workspace = Workspace(CreatorAccount(followers=150_000))
    workspace.open_xingtu()
    started = time.perf_counter()
    for number in range(count):
        task = workspace.publish(f"task {number}", "Nike", "1000.10")
        for trigger in HAPPY_PATH:
            task.fire(trigger)
    elapsed = time.perf_counter() - started
    assert all(t.state is State.COMPLETED for t in workspace)
    return elapsed


def main() -> None:
    publish_and_complete(200)  # warm up imports and caches
    small, large = publish_and_complete(1_000), publish_and_complete(10_000)
    print(f"1,000 tasks:  {small:.3f} s  ({small / 1_000 * 1e6:.1f} µs per task)")
    print(f"10,000 tasks: {large:.3f} s  ({large / 10_000 * 1e6:.1f} µs per task)")
    print(f"ratio 10,000 / 1,000: {large / small:.2f}x  (goal: at most 12x)")


if __name__ == "__main__":
    main()
