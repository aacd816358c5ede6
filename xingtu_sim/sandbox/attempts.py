"""Practice attempts as pages and commands read them: an account's attempts, the current one, their moves.

    attempt = current_attempt(path, "default")   # the newest: free practice, or the lesson started last
    attempt.lesson                               # the lesson's key, or None for free practice
    moves(path, "default")                       # its journal: [Entry(seq, hour, move, refused, made_at)]
    moves(path, "default", attempt=3)            # an older attempt of the same account
    attempts(path, "default")                    # all of them, oldest first
    attempt, entries = attempt_with_moves(path, "default", attempt=None)   # both in one transaction

Each call is one read transaction. An attempt belongs to one account: asking an account for another's
attempt is NoAttempt, as if there were none (a page answers 404).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from xingtu_sim.domain.account import CreatorAccount, Platform
from xingtu_sim.domain.errors import InputError
from xingtu_sim.domain.rules import Rules
from xingtu_sim.domain.text import _
from xingtu_sim.i18n import Lang, parse_lang
from xingtu_sim.sandbox.journal import Entry, read_entries
from xingtu_sim.sandbox.rows import RulesBook
from xingtu_sim.sandbox.schema import DEFAULT_ACCOUNT
from xingtu_sim.sandbox.session import no_account
from xingtu_sim.sandbox.store import UnusableSandbox, transaction, unusable

_PLATFORMS = {platform.value: platform for platform in Platform}
ATTEMPT_COLUMNS = "id, lesson, started_at, setup, rules_id, from_start, moves, checked_moves, done"


class NoAttempt(InputError):
    """No such attempt in this account."""


@dataclass(frozen=True)
class FreeSetup:
    """Free practice starts from the creator as created (`sandbox new`, starting over, a trainee joining)."""

    creator: CreatorAccount


@dataclass(frozen=True)
class LessonSetup:
    """A lesson's attempt starts from the lesson's Given steps, kept as they were when it started."""

    lang: Lang
    steps: tuple[tuple[str, Mapping[str, str]], ...]  # each step's phrase key and values


@dataclass(frozen=True)
class Attempt:
    """One attempt of one practice account: free practice or a lesson, from its set-up, with its moves journaled."""

    id: int
    account: str
    lesson: str | None  # the lesson's key; None for free practice
    started_at: datetime  # UTC
    rules: Rules  # the rules it started under
    setup: FreeSetup | LessonSetup
    from_start: bool  # False: moves were made before the journal was kept (a file from before version 3)
    moves: int  # how many moves its journal holds
    checked_moves: int  # after how many of them `done` was last worked out (sandbox.practice keeps it)
    done: bool  # whether the lesson's goal held then

    @property
    def known_done(self) -> bool | None:
        """Whether the lesson's goal holds after its last move, if that was worked out; None if not yet."""
        return self.done if self.checked_moves == self.moves else None


def current_attempt(path: Path, account: str = DEFAULT_ACCOUNT) -> Attempt:
    """The account's current attempt: the one its moves are journaled in."""
    with transaction(path, write=False) as connection:
        return _attempt(connection, path, account, None)


def get_attempt(path: Path, account: str, attempt: int) -> Attempt:
    """The account's attempt `attempt`: NoAttempt if the account has none by that id."""
    with transaction(path, write=False) as connection:
        return _attempt(connection, path, account, attempt)


def attempts(path: Path, account: str = DEFAULT_ACCOUNT) -> list[Attempt]:
    """Every attempt of the account, oldest first (the last is the current one)."""
    with transaction(path, write=False) as connection:
        account_id = account_id_of(connection, path, account)
        rows = connection.execute(
            f"SELECT {ATTEMPT_COLUMNS} FROM attempt WHERE account_id = ? ORDER BY id", (account_id,)
        )
        return [attempt_from_row(connection, path, account, row) for row in rows.fetchall()]


def moves(path: Path, account: str = DEFAULT_ACCOUNT, attempt: int | None = None) -> list[Entry]:
    """The moves of the account's attempt `attempt` (its current one if None), in the order they were made."""
    return attempt_with_moves(path, account, attempt)[1]


def attempt_with_moves(path: Path, account: str, attempt: int | None = None) -> tuple[Attempt, list[Entry]]:
    """The account's attempt `attempt` (its current one if None) and its moves, read together."""
    with transaction(path, write=False) as connection:
        found = _attempt(connection, path, account, attempt)
        try:
            return found, read_entries(connection, found.id)
        except (ValueError, KeyError, TypeError) as error:
            raise UnusableSandbox(unusable(path, repr(error))) from None


def _attempt(connection: sqlite3.Connection, path: Path, account: str, attempt: int | None) -> Attempt:
    account_id = account_id_of(connection, path, account)
    if attempt is None:
        newest = f"SELECT {ATTEMPT_COLUMNS} FROM attempt WHERE account_id = ? ORDER BY id DESC LIMIT 1"
        row = connection.execute(newest, (account_id,)).fetchone()
    else:
        chosen = f"SELECT {ATTEMPT_COLUMNS} FROM attempt WHERE account_id = ? AND id = ?"
        row = connection.execute(chosen, (account_id, attempt)).fetchone()
    if row is None:
        if attempt is None:  # every account is created with one
            raise UnusableSandbox(unusable(path, f"account {account!r} has no attempt"))
        raise NoAttempt(_("There is no such attempt in this practice account."))
    return attempt_from_row(connection, path, account, row)


def account_id_of(connection: sqlite3.Connection, path: Path, account: str) -> int:
    row = connection.execute("SELECT id FROM account WHERE key = ?", (account,)).fetchone()
    if row is None:
        raise no_account(path, account)
    return int(row[0])


def attempt_from_row(connection: sqlite3.Connection, path: Path, account: str, row: Any) -> Attempt:
    attempt_id, lesson, started_at, setup, rules_id, from_start, count, checked, done = row
    try:
        return Attempt(
            id=int(attempt_id),
            account=account,
            lesson=None if lesson is None else str(lesson),
            started_at=datetime.fromisoformat(str(started_at)),
            rules=RulesBook(connection).rules(int(rules_id)),
            setup=_setup(json.loads(str(setup)), lesson is None),
            from_start=bool(from_start),
            moves=int(count),
            checked_moves=int(checked),
            done=bool(done),
        )
    except (ValueError, KeyError, TypeError) as error:
        raise UnusableSandbox(unusable(path, repr(error))) from None


def _setup(data: Any, free: bool) -> FreeSetup | LessonSetup:
    if free:
        return FreeSetup(CreatorAccount(followers=int(data["followers"]), platform=_PLATFORMS[data["platform"]]))
    steps = tuple((str(phrase), {str(k): str(v) for k, v in values.items()}) for phrase, values in data["steps"])
    return LessonSetup(parse_lang(str(data["lang"])), steps)


def lesson_setup(lang: Lang, steps: list[tuple[str, Mapping[str, str]]]) -> str:
    """A lesson's set-up as the attempt keeps it (JSON)."""
    return json.dumps({"lang": lang, "steps": [[key, dict(values)] for key, values in steps]}, ensure_ascii=False)
