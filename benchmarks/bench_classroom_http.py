"""A class at once over real HTTP: moves per second, and the median and 95th-percentile time of a move,
with 1, 10 and 50 trainees moving at the same time.

Run: python benchmarks/bench_classroom_http.py [FOLDER]   (figures only: no goal, nothing to pass or fail)

The sandbox files go in a temporary folder, or in FOLDER (/dev/shm, say, to see the server without the
disk: every move is a transaction that waits for the disk to confirm it, and on a shared machine that
wait is most of a move and varies most from run to run).

Each round starts `xingtu-sim serve --class` on a fresh sandbox file on 127.0.0.1; the trainees join with
the class code it printed, each getting a practice account of their own. Each is a thread with its own
keep-alive connection and cookies (tests/trainees.py, as the load test drives them) and makes MOVES moves
one after another: opening Xingtu, then a brand publishes a task, the trainee takes it along the happy
path to the fee, then the next task. A move is a form POST answered by its redirect (303), timed
from sending it to reading the answer; the redirected page is not fetched. Moves per second are all the
moves acknowledged in a round over the round's time, from the first sent to the last answered. The
client threads share the machine with the server, as the browsers of a class on one laptop would not:
read the figures as a floor.
"""

from __future__ import annotations

import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from trainees import Door, Trainee, join_all, plan, run  # the load test's own trainees

CLASS_SIZES = (1, 10, 50)
MOVES = 40  # per trainee, as in the load test
ROUNDS = 3  # per class size, each on a fresh file and server
SECONDS = 600.0  # a round that takes longer is stuck


class Server:
    """`xingtu-sim serve --class` on a free port of 127.0.0.1: its address and the class code it printed."""

    def __init__(self, db: Path) -> None:
        command = [
            sys.executable,
            "-m",
            "xingtu_sim",
            "serve",
            "--class",
            "--db",
            str(db),
            "--port",
            "0",
            "--lang",
            "en",
        ]
        self.process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
        assert self.process.stdout is not None
        self.code = ""
        for line in self.process.stdout:
            if code := re.search(r"Class code: (\w+)", line):
                self.code = code[1]
            if "http://" in line and self.code:
                self.url = line[line.index("http://") :].split()[0]
                break
        else:
            raise SystemExit(f"serve --class did not start on {db}")

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=60)


def one_round(folder: Path, size: int, number: int) -> tuple[int, float, list[float]]:
    """Moves acknowledged, seconds taken, and each move's seconds, for `size` trainees at once."""
    server = Server(folder / f"class-{size}-{number}.db")
    door = Door(server.url)
    trainees = [Trainee(f"Trainee {index}", door) for index in range(size)]
    try:
        for trainee in trainees:
            trainee.start(join=(trainee.name, server.code))
        started = time.perf_counter()
        outcomes, threads = run(trainees, lambda index: plan(index, MOVES, open_first=True), door)
        join_all(threads, time.monotonic() + SECONDS)
        spent = time.perf_counter() - started
    finally:
        for trainee in trainees:
            trainee.close()
        server.stop()
    failures = [failure for outcome in outcomes for failure in outcome.failures]
    if failures:
        raise SystemExit(f"{len(failures)} moves failed, the first: {failures[0]}")
    seconds = [second for outcome in outcomes for second in outcome.seconds]
    return len(seconds), spent, seconds


def main() -> None:
    print(f"{MOVES} moves per trainee, {ROUNDS} rounds per class size, each on a fresh file and server")
    print(f"{'trainees':>8} {'moves':>7} {'moves/s':>8} {'median ms':>10} {'p95 ms':>8}")
    with tempfile.TemporaryDirectory(dir=sys.argv[1] if len(sys.argv) > 1 else None) as name:
        for size in CLASS_SIZES:
            moves, spent, seconds = 0, 0.0, []
            for number in range(ROUNDS):
                made, took, each = one_round(Path(name), size, number)
                moves, spent, seconds = moves + made, spent + took, seconds + each
            median = statistics.median(seconds) * 1000
            p95 = statistics.quantiles(seconds, n=20)[-1] * 1000
            print(f"{size:>8} {moves:>7} {moves / spent:>8.1f} {median:>10.1f} {p95:>8.1f}")


if __name__ == "__main__":
    main()
