"""The practice journal: each account's attempts, and every move of each, written with the move it records.

An attempt is free practice (from the creator as created) or a lesson started or started again (from
the lesson's Given steps); an account's current attempt is its newest. A move made through the store's
session is one row of the current attempt's journal, in the vocabulary's terms (a When step: its
phrase key and the values it fills in), written in the move's own transaction. A move the lifecycle
refused is journaled too, with its reason: replaying it refuses it again. An input error (an unknown
task, a name taken) is not a move and leaves no row.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from xingtu_sim.domain.errors import Reason
from xingtu_sim.sandbox.schema import utc_now
from xingtu_sim.steps.moves import Move

_REASONS = {reason.value: reason for reason in Reason}


@dataclass(frozen=True)
class Entry:
    """One journaled move: its number in its attempt, the account's hour, the When step, the refusal if any."""

    seq: int
    hour: int
    move: Move
    refused: Reason | None
    made_at: datetime


class Journal:
    """The journal of one account's current attempt, written inside the session's transaction."""

    def __init__(self, connection: sqlite3.Connection, account_id: int) -> None:
        self._connection = connection
        self._account_id = account_id
        self._attempt: tuple[int, int] | None = None  # the current attempt's id and how many moves it holds

    def add(self, hour: int, move: Move, refused: Reason | None) -> None:
        """Journal one move as the current attempt's next (one index lookup, one row: the same at any size)."""
        attempt_id, moves = self._attempt or current_attempt_id(self._connection, self._account_id)
        seq = moves + 1
        self._connection.execute(
            "INSERT INTO journal (attempt_id, seq, hour, phrase, vals, refused, made_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (attempt_id, seq, hour, move.phrase, _dumps(move.values), refused.value if refused else None, utc_now()),
        )
        self._connection.execute("UPDATE attempt SET moves = ? WHERE id = ?", (seq, attempt_id))
        self._attempt = (attempt_id, seq)


def current_attempt_id(connection: sqlite3.Connection, account_id: int) -> tuple[int, int]:
    """The id of the account's current (newest) attempt and how many moves it holds."""
    row = connection.execute(
        "SELECT id, moves FROM attempt WHERE account_id = ? ORDER BY id DESC LIMIT 1", (account_id,)
    ).fetchone()
    if row is None:
        raise KeyError(f"account {account_id} has no attempt")  # every account is created with one
    return int(row[0]), int(row[1])


def start_attempt(
    connection: sqlite3.Connection, account_id: int, lesson: str | None, setup: str, rules_id: int, from_start: bool
) -> int:
    """A new attempt, the account's current one from now on, with an empty journal."""
    # A lesson's goal is not known to fail before any move (a trainer's might hold at once): never checked yet.
    checked = -1 if lesson is not None else 0
    cursor = connection.execute(
        "INSERT INTO attempt (account_id, lesson, started_at, setup, rules_id, from_start, checked_moves)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        (account_id, lesson, utc_now(), setup, rules_id, int(from_start), checked),
    )
    assert cursor.lastrowid is not None
    return cursor.lastrowid


def read_entries(connection: sqlite3.Connection, attempt_id: int, *, last: int | None = None) -> list[Entry]:
    """The attempt's moves in the order they were made (only its `last` ones if given), by its index."""
    columns = "seq, hour, phrase, vals, refused, made_at"
    if last is None:
        rows = connection.execute(f"SELECT {columns} FROM journal WHERE attempt_id = ? ORDER BY seq", (attempt_id,))
        return [_entry(row) for row in rows]
    newest = f"SELECT {columns} FROM journal WHERE attempt_id = ? ORDER BY seq DESC LIMIT ?"
    return [_entry(row) for row in connection.execute(newest, (attempt_id, last))][::-1]


def _entry(row: Any) -> Entry:
    seq, hour, phrase, values, refused, made_at = row
    loaded = json.loads(str(values))
    if not isinstance(loaded, dict) or not all(isinstance(v, str) for v in loaded.values()):
        raise ValueError(f"journal values {values!r}")
    return Entry(
        seq=int(seq),
        hour=int(hour),
        move=Move(str(phrase), loaded),
        refused=None if refused is None else _REASONS[str(refused)],
        made_at=datetime.fromisoformat(str(made_at)),
    )


def _dumps(values: Mapping[str, str]) -> str:
    return json.dumps(dict(values), ensure_ascii=False, separators=(",", ":"))


def last_entries(connection: sqlite3.Connection, account_id: int, count: int) -> list[tuple[int, Entry]]:
    """The account's last `count` moves, newest first, each with its attempt's id: by the indexes, newest
    attempt first, reading no more rows than it returns (and one attempt row per attempt it looks into)."""
    found: list[tuple[int, Entry]] = []
    newest = connection.execute("SELECT id FROM attempt WHERE account_id = ? ORDER BY id DESC", (account_id,))
    for (attempt_id,) in newest:
        if len(found) >= count:
            break
        found += [
            (int(attempt_id), entry)
            for entry in read_entries(connection, int(attempt_id), last=count - len(found))[::-1]
        ]
    return found
