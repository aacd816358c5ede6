"""The sandbox file under faults: two processes moving the same tasks at once, and kill -9 mid-write.

Each worker is a real Python process calling the CLI in a loop; what it reports as done it prints
only after the command returned, so the file must hold every reported move exactly once, and at
most the one command that was cut off, whole or not at all.
"""

from __future__ import annotations

import json
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from subprocess import PIPE

import pytest
from conftest import ok, sandbox_environment
from test_sandbox_store import recount, tally

from xingtu_sim import INITIAL_STATE, State, Workspace
from xingtu_sim.domain.routes import shortest_path
from xingtu_sim.sandbox import session

pytestmark = pytest.mark.slow  # the fast loop leaves these out (README: Developing)

HAPPY_PATH = [edge.trigger for edge in shortest_path(State.PENDING_RECEIPT, State.COMPLETED)]
DETOURS = ["cancel", "decline", "close", "request_script_changes", "request_video_changes", "fail_review"]


@pytest.fixture
def start() -> Iterator[Callable[..., subprocess.Popen[str]]]:
    """Starts workers: Python processes running a script; any still running at the end is killed."""
    started: list[subprocess.Popen[str]] = []

    def worker(script: str, *args: str) -> subprocess.Popen[str]:
        command = [sys.executable, "-c", script, *args]
        started.append(subprocess.Popen(command, env=sandbox_environment(), stdout=PIPE, stderr=PIPE, text=True))
        return started[-1]

    yield worker
    for process in started:
        process.kill()
        process.communicate()


def saved(db: Path) -> Workspace:
    """The sandbox as the store reads it back."""
    with session(db, write=False) as current:
        return current.everything()


def assert_nothing_is_half_applied(workspace: Workspace) -> None:
    """Every task's history is one chain to its state; the account holds exactly what the tasks did."""
    for task in workspace:
        chain = [INITIAL_STATE, *(entry.dest for entry in task.history)]
        assert [entry.source for entry in task.history] == chain[:-1]
        assert chain[-1] is task.state
        assert (task.fee_fen is not None) is (task.state is State.COMPLETED)
    completed = [task for task in workspace if task.state is State.COMPLETED]
    assert workspace.account.balance_fen == sum(task.price_fen - (task.fee_fen or 0) for task in completed)
    assert workspace.account.breaches == sum(task.state is State.CANCELLED for task in workspace)


def integrity(db: Path) -> list[str]:
    connection = sqlite3.connect(db)
    try:
        return [row[0] for row in connection.execute("PRAGMA integrity_check")]
    finally:
        connection.close()


_MAKE_MOVES = """
import contextlib, io, json, random, sys, time
from pathlib import Path
import click
from xingtu_sim.cli import main

db, go, seed, happy, detours, *tasks = sys.argv[1:]
chance = random.Random(int(seed))
ahead = {task: json.loads(happy) for task in tasks}
print("ready", flush=True)
while not Path(go).exists():  # both workers start together
    time.sleep(0.005)
while any(ahead.values()):
    task = chance.choice([task for task, moves in ahead.items() if moves])
    trigger = chance.choice(json.loads(detours)) if chance.random() < 0.08 else ahead[task].pop(0)
    try:
        with contextlib.redirect_stdout(io.StringIO()):  # what the command says; we report what it did
            main(["sandbox", "--db", db, "do", trigger, task], standalone_mode=False)
    except click.ClickException as error:
        if error.exit_code != 1:  # refused because the other worker moved first: expected
            sys.exit(error.format_message())
        continue
    print(json.dumps([task, trigger]), flush=True)
"""


@pytest.mark.parametrize("seed", [1, 2])
def test_two_processes_moving_the_same_tasks_at_once_land_each_reported_move_exactly_once(
    db: Path, tmp_path: Path, start: Callable[..., subprocess.Popen[str]], seed: int
) -> None:
    tasks = [f"Task {n}" for n in range(4)]
    for number, task in enumerate(tasks):
        ok(db, "offer", task, "--brand", "Nike", "--price", f"{1000 + number}.{number}5")
    go = tmp_path / "go"
    moves = [json.dumps(HAPPY_PATH), json.dumps(DETOURS), *tasks]
    workers = [start(_MAKE_MOVES, str(db), str(go), str(seed * 10 + n), *moves) for n in range(2)]
    for each in workers:
        assert each.stdout is not None
        assert each.stdout.readline() == "ready\n"
    go.touch()
    reported: Counter[tuple[str, str]] = Counter()
    for each in workers:
        output, errors = each.communicate(timeout=300)
        assert each.returncode == 0, errors
        reported.update(tuple(json.loads(line)) for line in output.splitlines())
    workspace = saved(db)
    in_file = Counter((task.name, entry.trigger) for task in workspace for entry in task.history)
    assert in_file == reported
    assert_nothing_is_half_applied(workspace)


_STREAM_OF_WRITES = """
import contextlib, io, json, sys
from xingtu_sim.cli import main

db = sys.argv[1]
for n in range(10**6):
    task = f"T{n}"
    last = ["do", "cancel", task] if n % 3 == 0 else ["wait", "1h"]
    for args in (["offer", task, "--brand", "Nike", "--price", "12.34"], ["do", "view", task],
                 ["do", "accept", task], ["do", "start_script", task], last):
        with contextlib.redirect_stdout(io.StringIO()):
            main(["sandbox", "--db", db, *args], standalone_mode=False)
        print(json.dumps(args[:3]), flush=True)
"""


@pytest.mark.parametrize("seed", range(4))
def test_a_kill_9_in_a_stream_of_writes_loses_only_the_command_it_cut_off_and_the_file_stays_whole(
    db: Path, start: Callable[..., subprocess.Popen[str]], seed: int
) -> None:
    chance = random.Random(seed)
    stream = start(_STREAM_OF_WRITES, str(db))
    assert stream.stdout is not None
    reported = [json.loads(stream.stdout.readline()) for _ in range(chance.randint(3, 40))]
    time.sleep(chance.uniform(0, 0.03))  # anywhere in the next command: reading, writing, committing
    stream.send_signal(signal.SIGKILL)
    rest, _ = stream.communicate(timeout=60)
    assert stream.returncode == -signal.SIGKILL
    reported += [json.loads(line) for line in rest.splitlines()]

    account = json.loads(ok(db, "account", "--json"))  # the sandbox commands open it as usual
    assert integrity(db) == ["ok"]
    workspace = saved(db)
    published = {args[1] for args in reported if args[0] == "offer"}
    assert published <= set(workspace.tasks)
    assert len(set(workspace.tasks) - published) <= 1
    moves = Counter((args[2], args[1]) for args in reported if args[0] == "do")
    in_file = Counter((task.name, entry.trigger) for task in workspace for entry in task.history)
    assert moves <= in_file
    assert in_file.total() - moves.total() <= 1
    waits = sum(args[0] == "wait" for args in reported)
    assert account["clock_hour"] in (waits, waits + 1)
    assert_nothing_is_half_applied(workspace)
    assert tally(db) == recount(db)
    ok(db, "offer", "After the crash", "--brand", "Nike", "--price", "1")


_KILLED_INSIDE_A_TRANSACTION = """
import os, signal, sys
from pathlib import Path
from xingtu_sim.sandbox.store import transaction

with transaction(Path(sys.argv[1])) as connection:
    connection.execute("PRAGMA cache_size = 1")  # changed pages spill into the file before the commit
    connection.execute("UPDATE task SET brand = hex(randomblob(3000))")
    connection.execute("UPDATE account SET balance_fen = 999999, breaches = 99")
    os.kill(os.getpid(), signal.SIGKILL)
"""


@pytest.mark.parametrize(
    "first", [["account", "--json"], ["inbox", "--json"], ["offer", "Next", "--brand", "Nike", "--price", "5"]]
)
def test_the_journal_a_killed_write_leaves_is_rolled_back_by_the_next_command_read_or_write(
    db: Path, first: list[str]
) -> None:
    with session(db) as current:  # enough tasks for the write to spill over several pages
        for number in range(30):
            current.publish(f"Task {number}", "Nike", 100)
    before = db.read_bytes()
    killed = subprocess.run([sys.executable, "-c", _KILLED_INSIDE_A_TRANSACTION, str(db)], env=sandbox_environment())
    assert killed.returncode == -signal.SIGKILL
    journal = db.with_name(db.name + "-journal")
    assert journal.exists()
    assert db.read_bytes() != before  # half written: only the journal can undo it

    ok(db, *first)
    assert not journal.exists()
    assert integrity(db) == ["ok"]
    workspace = saved(db)
    assert (workspace.account.balance_fen, workspace.account.breaches) == (0, 0)
    assert {task.brand for task in workspace} == {"Nike"}
    if first[0] != "offer":
        assert db.read_bytes() == before  # exactly the file the last finished command left
