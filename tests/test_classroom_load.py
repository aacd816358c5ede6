"""Under load and faults nothing is lost: 50 trainees join a real `xingtu-sim serve --class` at once and each makes
40 moves over HTTP; none is answered by a server error, and every move the server acknowledged (a redirect after
the POST) is in the file afterwards exactly once: in the trainee's practice journal and in their tasks' histories.
Then the same with the server killed (SIGKILL) in the middle of the class and started again on the file."""

from __future__ import annotations

import itertools
import re
import signal
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from served import Served
from trainees import Door, Move, Outcome, Trainee, by_task, join_all, make_moves, plan, run

from xingtu_sim.domain.lifecycle import Trigger
from xingtu_sim.sandbox import session
from xingtu_sim.sandbox.attempts import moves
from xingtu_sim.sandbox.classroom import trainees as trainees_in
from xingtu_sim.steps import moves as journaled
from xingtu_sim.steps.vocabulary import PHRASE_FOR_TRIGGER

pytestmark = pytest.mark.slow  # real processes, 2,000 moves

TRAINEES = 50
MOVES = 40  # each: opening Xingtu, then tasks from publishing to the fee
SECONDS = 150.0  # the whole class must be over by then (bounded in time); a loaded machine, not a speed check
KILL_AFTER = TRAINEES * MOVES // 2  # the server is killed once this many moves were acknowledged


class Class:
    """`serve --class` on a file, and the class code it printed."""

    def __init__(self, db: Path) -> None:
        self.served = Served(db, "--class")
        self.code = re.search(r"Class code: (\w+)", self.served.line_with("Class code: "))[1]  # type: ignore[index]


@contextmanager
def trainees_on(door: Door, code: str) -> Iterator[list[Trainee]]:
    """Every trainee's browser, joined to the class; closed at the end."""
    trainees = [Trainee(f"Trainee {number}", door) for number in range(TRAINEES)]
    try:
        for trainee in trainees:
            trainee.start(join=(trainee.name, code))
        yield trainees
    finally:
        for trainee in trainees:
            trainee.close()


def moves_of(number: int) -> list[Move]:
    return plan(number, MOVES, open_first=True)


def journal_entry(move: Move) -> journaled.Move:
    """The When step the practice journal keeps for `move`."""
    if not move.task:
        return journaled.Move("open")
    if move.trigger is None:
        return journaled.Move("publish", {"brand": "Nike", "task": move.task, "amount": "8000.00"})
    return journaled.Move(PHRASE_FOR_TRIGGER[Trigger(move.trigger)].key, {"task": move.task})


def lost_or_doubled(db: Path, outcomes: list[Outcome]) -> list[str]:
    """Each trainee's journal and tasks against the moves acknowledged; a move in flight at a kill may be either way."""
    accounts = {trainee.name: trainee.account for trainee in trainees_in(db)}
    problems = []
    for outcome in outcomes:
        account = accounts[outcome.name]
        entries = moves(db, account)
        problems += [f"{outcome.name}: {entry} refused" for entry in entries if entry.refused]
        if [entry.move for entry in entries] not in journals(outcome):
            problems.append(f"{outcome.name}: acknowledged {len(outcome.acknowledged)}, journaled {len(entries)}")
        with session(db, account, write=False) as current:
            found = {task.name: [entry.trigger.value for entry in task.history] for task in current.everything()}
            opened = current.workspace.account.xingtu_open
        if found not in histories(outcome):
            problems.append(f"{outcome.name}: acknowledged {dict(by_task(outcome.acknowledged))}, the file has {found}")
        problems += [] if opened else [f"{outcome.name}: Xingtu not open"]
    return problems


def journals(outcome: Outcome) -> list[list[journaled.Move]]:
    """The journals the file may hold."""
    return [[journal_entry(move) for move in made] for made in possible(outcome)]


def histories(outcome: Outcome) -> list[dict[str, list[str]]]:
    """The tasks (and the moves in each one's history) the file may hold."""
    return [dict(by_task(made)) for made in possible(outcome)]


def possible(outcome: Outcome) -> Iterator[list[Move]]:
    """The moves a trainee may have made: every one acknowledged, and each one in flight at a kill or not."""
    for kept in itertools.product((False, True), repeat=len(outcome.in_flight)):
        made = list(outcome.acknowledged)
        for keep, (after, move) in reversed(list(zip(kept, outcome.in_flight, strict=True))):
            made[after:after] = [move] if keep else []
        yield made


def integrity(db: Path) -> str:
    with sqlite3.connect(f"{db.absolute().as_uri()}?mode=ro", uri=True) as connection:
        return str(connection.execute("PRAGMA integrity_check").fetchone()[0])


def test_fifty_trainees_at_once_see_no_server_error_and_every_acknowledged_move_is_in_the_file_once(
    tmp_path: Path,
) -> None:
    db = tmp_path / "class.db"
    room = Class(db)
    door = Door(room.served.url)
    try:
        with trainees_on(door, room.code) as trainees:
            outcomes, threads = run(trainees, moves_of, door)
            join_all(threads, time.monotonic() + SECONDS)
        code, _stdout, stderr = room.served.stop()
    finally:
        room.served.kill()
    assert [failure for outcome in outcomes for failure in outcome.failures] == []
    assert sum(len(outcome.acknowledged) for outcome in outcomes) == TRAINEES * MOVES
    assert lost_or_doubled(db, outcomes) == []
    assert (code, stderr) == (0, "")  # no traceback, no server error


def test_a_server_killed_mid_class_restarts_on_its_file_intact_with_every_acknowledged_move_and_every_session(
    tmp_path: Path,
) -> None:
    db = tmp_path / "class.db"
    room = Class(db)
    served = room.served
    door = Door(served.url)
    try:
        with trainees_on(door, room.code) as trainees:
            outcomes, threads = run(trainees, moves_of, door)
            deadline = time.monotonic() + SECONDS
            while time.monotonic() < deadline and (
                sum(len(outcome.acknowledged) for outcome in outcomes) < KILL_AFTER
                or min(len(outcome.acknowledged) for outcome in outcomes) < 1  # everyone has opened Xingtu
            ):
                time.sleep(0.01)
            door.killed()
            killed, _stdout, killed_stderr = served.stop(signal.SIGKILL)
            served = Served(db, "--class")  # on the same file
            door.back(served.url)
            join_all(threads, deadline)
            # Each trainee comes back later (a new connection, the same cookies) and is still themselves.
            overviews = [trainee.reopen(door).request("GET", "/") for trainee in trainees]
            back = [plan(f"{number} is back", 1)[0] for number in range(TRAINEES)]
            for trainee, outcome, move in zip(trainees, outcomes, back, strict=True):
                make_moves(trainee, [move], door, outcome)
        code, _stdout, stderr = served.stop()
    finally:
        served.kill()
    assert (killed, killed_stderr) == (-signal.SIGKILL, "")
    assert [failure for outcome in outcomes for failure in outcome.failures] == []
    assert integrity(db) == "ok"
    assert lost_or_doubled(db, outcomes) == []
    assert sum(len(outcome.in_flight) for outcome in outcomes) > 0  # the kill came mid-class, moves on the wire
    assert [status for status, _location, _page in overviews] == [200] * TRAINEES
    assert [f"Task {number}-0" in page for number, (_s, _l, page) in enumerate(overviews)] == [True] * TRAINEES
    assert [outcome.acknowledged[-1] for outcome in outcomes] == back
    assert (code, stderr) == (0, "")
