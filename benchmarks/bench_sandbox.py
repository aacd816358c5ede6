"""Each sandbox command with 1,000, 10,000 and 100,000 tasks (and 5 journaled moves per task) in the file:
a command costs what it touches, journaling its move included.

Run: python benchmarks/bench_sandbox.py

Each command runs in this process through the CLI (`main([...])`: argument parsing, the transaction,
the domain, the printing; not Python's start-up, which is the same for every size), ten times, and
the fastest run is shown. The files live in memory (/dev/shm) where there is one: the disk's flush at
each commit costs the same for any size and, on a shared machine, varies more than all the rest.
Goal: for every command, 100,000 tasks / 1,000 tasks stays under 2.
`new --force` and `reset` delete every task of the account, so they grow with it by design; they are
shown apart.
"""

from __future__ import annotations

import contextlib
import io
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from xingtu_sim import CreatorAccount, State
from xingtu_sim.cli import main
from xingtu_sim.sandbox import create, session

SIZES = (1_000, 10_000, 100_000)
RUNS = 10
BASE = 1_000  # tasks moved through the domain; bigger files hold copies of them

# Of every 20 tasks: 2 await a decision, 3 are in progress, 15 have ended, as in a long-used sandbox.
_STATES = [State.PENDING_RECEIPT, State.VIEWING_DETAILS, State.SCRIPTING, State.VIDEO_REVIEW, State.IN_REVIEW]
_STATES += [State.COMPLETED] * 8 + [State.DECLINED] * 5 + [State.CANCELLED] * 2


def fill(path: Path, count: int) -> None:
    """A sandbox at hour 0 holding `count` tasks (a multiple of 1,000) in the states of a long-used one."""
    create(path, CreatorAccount(followers=150_000))
    with session(path) as current:
        current.open_xingtu()
        for number in range(BASE):
            current.publish(f"task {number}", "Nike", "1000.10")
            current.bring_to(f"task {number}", _STATES[number % len(_STATES)])
    connection = sqlite3.connect(path)
    with connection:
        columns = [row[1] for row in connection.execute("PRAGMA table_info(task)") if row[1] not in ("id", "name")]
        listed = ", ".join(columns)
        for copy in range(1, count // BASE):
            connection.execute(
                f"INSERT INTO task (id, name, {listed}) SELECT id + ?, name || ' #' || ?, {listed} FROM task"
                " WHERE id <= ?",
                (copy * BASE, copy, BASE),
            )
            connection.execute(
                "INSERT INTO history SELECT task_id + ?, step, time, trigger, source, dest, actor FROM history"
                " WHERE task_id <= ?",
                (copy * BASE, BASE),
            )
        # The journal of practice as long as such a sandbox leaves it: five moves per task, in the current
        # attempt, so that journaling a move is measured against it too.
        attempt, moves = connection.execute("SELECT id, moves FROM attempt ORDER BY id DESC LIMIT 1").fetchone()
        journaled = "INSERT INTO journal VALUES (?, ?, 0, 'hours_pass', ?, NULL, '2026-01-01T00:00:00+00:00')"
        connection.executemany(journaled, [(attempt, seq, '{"n":"0"}') for seq in range(moves + 1, 5 * count + 1)])
        connection.execute("UPDATE attempt SET moves = ? WHERE id = ?", (5 * count, attempt))
    connection.close()


def command(path: Path, *args: str) -> float:
    """Seconds one sandbox command takes, its output discarded; it must succeed."""
    started = time.perf_counter()
    with contextlib.redirect_stdout(io.StringIO()):
        main(["sandbox", "--db", str(path), *args], standalone_mode=False)
    return time.perf_counter() - started


def fastest(run: Callable[[int], float]) -> float:
    return min(run(attempt) for attempt in range(RUNS))


COMMANDS: dict[str, Callable[[Path, int], float]] = {
    "offer": lambda path, n: command(path, "offer", f"probe {n}", "--brand", "Nike", "--price", "8000"),
    "do view": lambda path, n: command(path, "do", "view", f"probe {n}"),
    "do accept": lambda path, n: command(path, "do", "accept", f"probe {n}"),
    "do cancel": lambda path, n: command(path, "do", "cancel", f"probe {n}"),
    "wait 1h": lambda path, n: command(path, "wait", "1h"),
    "show": lambda path, n: command(path, "show", "task 2"),
    "inbox": lambda path, n: command(path, "inbox"),
    "inbox --page 3": lambda path, n: command(path, "inbox", "--page", "3"),
    "account": lambda path, n: command(path, "account"),
    "stop, resume": lambda path, n: command(path, "stop-receiving") + command(path, "resume-receiving"),
}


def main_benchmark() -> None:
    figures: dict[str, dict[int, float]] = {name: {} for name in COMMANDS}
    starting_over: dict[int, float] = {}
    memory = Path("/dev/shm")
    with tempfile.TemporaryDirectory(dir=memory if memory.is_dir() else None) as folder:
        for count in SIZES:
            path = Path(folder) / f"{count}.db"
            fill(path, count)
            command(path, "account")  # imports and caches warmed, the file in the page cache
            for name, run in COMMANDS.items():
                figures[name][count] = fastest(lambda attempt, run=run, path=path: run(path, attempt))
            starting_over[count] = command(path, "reset", "--force")
    print(f"{'command':<16}" + "".join(f"{count:>12,} tasks" for count in SIZES) + "   100,000 / 1,000")
    worst = 0.0
    for name, times in figures.items():
        ratio = times[SIZES[-1]] / times[SIZES[0]]
        worst = max(worst, ratio)
        print(f"{name:<16}" + "".join(f"{times[count] * 1000:>15.1f} ms" for count in SIZES) + f"   {ratio:8.2f}x")
    print(f"worst ratio: {worst:.2f}x (goal: under 2)")
    print("reset (deletes every task):" + "".join(f"  {starting_over[c] * 1000:.0f} ms at {c:,}" for c in SIZES))
    sys.exit(0 if worst < 2 else 1)


if __name__ == "__main__":
    main_benchmark()
