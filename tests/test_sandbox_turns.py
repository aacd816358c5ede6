"""The web console's threads writing to one sandbox file take turns in the order they came; readers never queue."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from xingtu_sim import CreatorAccount
from xingtu_sim.sandbox import create, session
from xingtu_sim.sandbox.turns import turns

WRITERS = 10
SECONDS = 30.0  # a loaded machine; not a speed check


def wait_until(condition: object) -> None:
    deadline = time.monotonic() + SECONDS
    while not condition():  # type: ignore[operator]
        assert time.monotonic() < deadline, "waited too long"
        time.sleep(0.005)


def sandbox(tmp_path: Path) -> Path:
    db = tmp_path / "class.db"
    create(db, CreatorAccount(followers=150_000))
    with session(db) as current:
        current.open_xingtu()
    return db


def publish(db: Path, name: str, hold: threading.Event | None = None) -> None:
    with session(db) as current:
        current.publish(name, "Nike", "8000")
        if hold is not None:
            hold.wait(SECONDS)


def test_writers_waiting_for_the_file_are_let_in_in_the_order_they_came(tmp_path: Path) -> None:
    db = sandbox(tmp_path)
    release = threading.Event()
    first = threading.Thread(target=publish, args=(db, "First", release))
    first.start()
    wait_until(lambda: turns(db)._holder is not None)
    writers = []
    for number in range(WRITERS):
        writers.append(threading.Thread(target=publish, args=(db, f"Writer {number}")))
        writers[-1].start()
        wait_until(lambda number=number: turns(db).waiting == number + 1)  # in line, behind the one before
    release.set()
    for thread in (first, *writers):
        thread.join(SECONDS)
    with session(db, write=False) as current:
        published = [task.name for task in current.everything()]  # in the order they were written
    assert published == ["First", *(f"Writer {number}" for number in range(WRITERS))]


def test_a_reader_is_not_held_up_by_writers_waiting_their_turn(tmp_path: Path) -> None:
    db = sandbox(tmp_path)
    release = threading.Event()
    writers = [threading.Thread(target=publish, args=(db, f"Writer {number}", release)) for number in range(3)]
    for thread in writers:
        thread.start()
    wait_until(lambda: turns(db).waiting == 2)
    with session(db, write=False) as current:
        assert current.counts().total == 0  # the first writer has not committed yet
    release.set()
    for thread in writers:
        thread.join(SECONDS)
    with session(db, write=False) as current:
        assert current.counts().total == 3
