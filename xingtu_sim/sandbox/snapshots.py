"""Tasks and the account as rows: restored into a Workspace for a command, the changes written back."""

from __future__ import annotations

import enum
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from xingtu_sim.domain.account import CreatorAccount, Platform
from xingtu_sim.domain.clock import Clock
from xingtu_sim.domain.errors import InputError, message
from xingtu_sim.domain.lifecycle import Actor, State, Trigger
from xingtu_sim.domain.rules import Rules
from xingtu_sim.domain.task import HistoryEntry, Task
from xingtu_sim.domain.workspace import Workspace

E = TypeVar("E", bound=enum.Enum)
_ACCOUNT_COLUMNS = "followers, platform, xingtu_open, receiving, balance_fen, breaches, clock_hour"
_TASK_COLUMNS = "name, brand, price_fen, published_at, state, script_changes, video_changes, fee_fen"


@dataclass(frozen=True)
class TaskSnapshot:
    """What the store keeps of a task besides its history; `moves` is how long that history is."""

    name: str
    brand: str
    price_fen: int
    published_at: int
    state: str
    script_changes: int
    video_changes: int
    fee_fen: int | None
    moves: int

    @classmethod
    def of(cls, task: Task) -> TaskSnapshot:
        return cls(
            task.name,
            task.brand,
            task.price_fen,
            task.published_at,
            task.state.id,
            task.script_changes,
            task.video_changes,
            task.fee_fen,
            len(task.history),
        )

    def row(self) -> tuple[object, ...]:
        return (
            self.name,
            self.brand,
            self.price_fen,
            self.published_at,
            self.state,
            self.script_changes,
            self.video_changes,
            self.fee_fen,
        )


@dataclass(frozen=True)
class Saved:
    """The sandbox as read at the start of a command, to write back only what the command changed."""

    account: tuple[object, ...]
    tasks: dict[str, TaskSnapshot]


def load(connection: sqlite3.Connection, rules: Rules, path: Path) -> tuple[Workspace, Saved]:
    """The saved sandbox as a Workspace under the rules in force, and what was read."""
    row = connection.execute(f"SELECT {_ACCOUNT_COLUMNS} FROM account").fetchone()
    if row is None:
        raise InputError(message("sandbox.missing", path=path))
    try:
        workspace = Workspace(_account(row), rules, Clock(int(row[-1])))
        histories = _histories(connection)
        for task_row in connection.execute(f"SELECT id, {_TASK_COLUMNS} FROM task ORDER BY id"):
            task = _task(workspace, task_row[1:], histories.get(task_row[0], []))
            workspace.tasks[task.name] = task
    except (ValueError, KeyError, TypeError) as error:  # a row no version of ours writes
        raise InputError(message("sandbox.corrupt", path=path, error=repr(error))) from None
    return workspace, Saved(_account_row(workspace), {t.name: TaskSnapshot.of(t) for t in workspace})


def save(connection: sqlite3.Connection, workspace: Workspace, saved: Saved) -> None:
    """Write back what changed: the account and clock, new and moved tasks, new history rows."""
    if _account_row(workspace) != saved.account:
        assignments = ", ".join(f"{column} = ?" for column in _ACCOUNT_COLUMNS.split(", "))
        connection.execute(f"UPDATE account SET {assignments}", _account_row(workspace))
    for task in workspace:
        now, before = TaskSnapshot.of(task), saved.tasks.get(task.name)
        if now == before:
            continue
        if before is None:
            placeholders = ", ".join("?" * len(now.row()))
            connection.execute(f"INSERT INTO task ({_TASK_COLUMNS}) VALUES ({placeholders})", now.row())
        else:
            assignments = ", ".join(f"{column} = ?" for column in _TASK_COLUMNS.split(", ")[1:])
            connection.execute(f"UPDATE task SET {assignments} WHERE name = ?", (*now.row()[1:], task.name))
        _append_history(connection, task, first=before.moves if before else 0)


def start(connection: sqlite3.Connection, account: CreatorAccount) -> None:
    """An empty sandbox for this account at hour 0: every earlier task and move is gone."""
    connection.execute("DELETE FROM history")
    connection.execute("DELETE FROM task")
    connection.execute("DELETE FROM account")
    placeholders = ", ".join("?" * len(_ACCOUNT_COLUMNS.split(", ")))
    row = _account_row(Workspace(account, clock=Clock(0)))
    connection.execute(f"INSERT INTO account (id, {_ACCOUNT_COLUMNS}) VALUES (1, {placeholders})", row)


def has_sandbox(connection: sqlite3.Connection) -> bool:
    return bool(connection.execute("SELECT count(*) FROM account").fetchone()[0])


def _member(kind: type[E], value: object) -> E:
    """The member of an enum whose id is `value` (a KeyError for any other value)."""
    return {member.value: member for member in kind}[value]


def _account(row: tuple[Any, ...]) -> CreatorAccount:
    followers, platform, xingtu_open, receiving, balance_fen, breaches, _clock = row
    return CreatorAccount(
        followers=int(followers),
        platform=_member(Platform, platform),
        xingtu_open=bool(xingtu_open),
        receiving=bool(receiving),
        balance_fen=int(balance_fen),
        breaches=int(breaches),
    )


def _account_row(workspace: Workspace) -> tuple[object, ...]:
    account = workspace.account
    return (
        account.followers,
        account.platform.value,
        int(account.xingtu_open),
        int(account.receiving),
        account.balance_fen,
        account.breaches,
        workspace.clock.now,
    )


def _task(workspace: Workspace, row: tuple[Any, ...], history: list[HistoryEntry]) -> Task:
    name, brand, price_fen, published_at, state, script_changes, video_changes, fee_fen = row
    return Task.restore(
        workspace,
        str(name),
        str(brand),
        int(price_fen),
        int(published_at),
        state=_member(State, state),
        script_changes=int(script_changes),
        video_changes=int(video_changes),
        fee_fen=None if fee_fen is None else int(fee_fen),
        history=history,
    )


def _histories(connection: sqlite3.Connection) -> dict[int, list[HistoryEntry]]:
    histories: dict[int, list[HistoryEntry]] = {}
    query = "SELECT task_id, time, trigger, source, dest, actor FROM history ORDER BY task_id, step"
    for task_id, time, trigger, source, dest, actor in connection.execute(query):
        entry = HistoryEntry(
            int(time), _member(Trigger, trigger), _member(State, source), _member(State, dest), _member(Actor, actor)
        )
        histories.setdefault(int(task_id), []).append(entry)
    return histories


def _append_history(connection: sqlite3.Connection, task: Task, first: int) -> None:
    (task_id,) = connection.execute("SELECT id FROM task WHERE name = ?", (task.name,)).fetchone()
    connection.executemany(
        "INSERT INTO history (task_id, step, time, trigger, source, dest, actor) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            (task_id, step, e.time, e.trigger, e.source.id, e.dest.id, e.actor.value)
            for step, e in enumerate(task.history[first:], start=first)
        ],
    )
