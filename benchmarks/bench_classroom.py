"""The trainer's dashboard over 50 trainees x 18 lessons, with a short journal and one a hundred times longer.

Run: python benchmarks/bench_classroom.py

Each trainee has started every bundled lesson (18 attempts each, 900 in all) and made the same number
of moves in each: 10, then 1,000 (9,000 and 900,000 journal rows). The dashboard (every trainee's
status in every lesson, and their last 5 moves) is timed warm, each attempt's goal worked out already,
the fastest of ten; then once after every trainee moved again, which replays those 50 attempts (as
after a busy minute of class: that costs what those attempts hold, by design). Files live in memory
(/dev/shm) where there is one.
Goal: the warm dashboard with 900,000 rows / with 9,000 stays under 2 (it reads by the indexes, never
the whole journal).
"""

from __future__ import annotations

import sqlite3
import sys
import tempfile
import time
from pathlib import Path

from xingtu_sim.lessons import bundled_lessons
from xingtu_sim.sandbox import session
from xingtu_sim.sandbox.classroom import dashboard, join, open_class
from xingtu_sim.sandbox.practice import start_lesson

TRAINEES = 50
SIZES = (10, 1_000)  # moves per attempt
RUNS = 10


def classroom(path: Path, moves_per_attempt: int) -> list[str]:
    """The class: every trainee started every lesson; the journal filled in by SQL (the same move each time)."""
    lessons = bundled_lessons()
    code = open_class(path).code
    accounts = []
    for number in range(TRAINEES):
        trainee = join(path, f"Trainee {number}", code)
        accounts.append(trainee.account)
        for lesson in lessons:
            start_lesson(path, trainee.account, lesson)
    with sqlite3.connect(path) as connection:
        attempts = [row[0] for row in connection.execute("SELECT id FROM attempt WHERE lesson IS NOT NULL")]
        row = "INSERT INTO journal VALUES (?, ?, 0, 'hours_pass', ?, NULL, '2026-01-01T00:00:00+00:00')"
        for attempt in attempts:
            connection.executemany(row, [(attempt, seq, '{"n":"0"}') for seq in range(1, moves_per_attempt + 1)])
        # as the dashboard leaves them once it has worked each attempt's goal out (none is met by waiting)
        connection.execute(
            "UPDATE attempt SET moves = ?, checked_moves = ?, done = 0 WHERE lesson IS NOT NULL",
            (moves_per_attempt, moves_per_attempt),
        )
    connection.close()
    return accounts


def timed(path: Path) -> float:
    started = time.perf_counter()
    board = dashboard(path, bundled_lessons())
    assert len(board.rows) == TRAINEES
    return time.perf_counter() - started


def main() -> None:
    memory = Path("/dev/shm")
    warm: dict[int, float] = {}
    moved: dict[int, float] = {}
    with tempfile.TemporaryDirectory(dir=memory if memory.is_dir() else None) as folder:
        for size in SIZES:
            path = Path(folder) / f"{size}.db"
            accounts = classroom(path, size)
            warm[size] = min(timed(path) for _ in range(RUNS))
            for account in accounts:
                with session(path, account) as current:
                    current.pass_time(0)
            moved[size] = timed(path)
    print(f"{'dashboard, 50 trainees x 18 lessons':<40}" + "".join(f"{s * 900:>12,} rows" for s in SIZES) + "   ratio")
    for name, times in (("warm (fastest of ten)", warm), ("after every trainee moved", moved)):
        ratio = times[SIZES[-1]] / times[SIZES[0]]
        print(f"{name:<40}" + "".join(f"{times[s] * 1000:>13.1f} ms" for s in SIZES) + f"   {ratio:5.2f}x")
    worst = warm[SIZES[-1]] / warm[SIZES[0]]
    print(f"warm ratio: {worst:.2f}x (goal: under 2)")
    sys.exit(0 if worst < 2 else 1)


if __name__ == "__main__":
    main()
