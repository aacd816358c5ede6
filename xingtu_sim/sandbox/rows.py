"""Accounts, tasks, history and rules as rows of the sandbox file, and back."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from xingtu_sim.domain.account import CreatorAccount, Platform
from xingtu_sim.domain.clock import Clock
from xingtu_sim.domain.lifecycle import Actor, Trigger
from xingtu_sim.domain.rules import Rules
from xingtu_sim.domain.task import HistoryEntry, Task, TaskContext
from xingtu_sim.domain.workspace import Workspace
from xingtu_sim.files.rules_toml import parse_rules, rules_to_toml
from xingtu_sim.sandbox.schema import STATES, Stage

ACCOUNT_COLUMNS = ("followers", "platform", "xingtu_open", "receiving", "balance_fen", "breaches", "clock_hour")
TASK_COLUMNS = (
    "name",
    "brand",
    "requirements",
    "price_fen",
    "published_at",
    "accept_deadline",
    "state",
    "stage",
    "script_changes",
    "video_changes",
    "fee_fen",
)
_CHUNK = 500  # ids per `IN (...)`: well under SQLite's limit on parameters
_ACTORS = {actor.value: actor for actor in Actor}
_TRIGGERS = {trigger.value: trigger for trigger in Trigger}
_PLATFORMS = {platform.value: platform for platform in Platform}


@dataclass
class PublishedUnder:
    """A task's view of its creator's workspace under the rules it was published with (a TaskContext)."""

    account: CreatorAccount
    rules: Rules
    clock: Clock


@dataclass(frozen=True)
class TaskRow:
    """What the file keeps of a task besides its history; `moves` is how long that history is."""

    values: tuple[Any, ...]  # in the order of TASK_COLUMNS
    moves: int

    @classmethod
    def of(cls, task: Task) -> TaskRow:
        values = (
            task.name,
            task.brand,
            task.requirements,
            task.price_fen,
            task.published_at,
            task.accept_deadline,
            task.state.id,
            int(Stage.of(task.state)),
            task.script_changes,
            task.video_changes,
            task.fee_fen,
        )
        return cls(values, len(task.history))


def account_from_row(row: Sequence[Any]) -> CreatorAccount:
    """The account from its columns (ACCOUNT_COLUMNS without the clock)."""
    followers, platform, xingtu_open, receiving, balance_fen, breaches = row
    return CreatorAccount(
        followers=int(followers),
        platform=_PLATFORMS[platform],
        xingtu_open=bool(xingtu_open),
        receiving=bool(receiving),
        balance_fen=int(balance_fen),
        breaches=int(breaches),
    )


def account_row(workspace: Workspace) -> tuple[object, ...]:
    """The account and the clock as ACCOUNT_COLUMNS."""
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


def restore_task(context: TaskContext, row: Sequence[Any], history: list[HistoryEntry]) -> Task:
    """A task exactly as saved (TASK_COLUMNS), its moves not replayed."""
    (
        name,
        brand,
        requirements,
        price_fen,
        published_at,
        _deadline,
        state,
        _stage,
        script_changes,
        video_changes,
        fee_fen,
    ) = row
    return Task.restore(
        context,
        str(name),
        str(brand),
        int(price_fen),
        int(published_at),
        requirements=str(requirements),
        state=STATES[state],
        script_changes=int(script_changes),
        video_changes=int(video_changes),
        fee_fen=None if fee_fen is None else int(fee_fen),
        history=history,
    )


def read_histories(connection: sqlite3.Connection, task_ids: Sequence[int]) -> dict[int, list[HistoryEntry]]:
    """The history of each of these tasks, oldest move first."""
    histories: dict[int, list[HistoryEntry]] = {task_id: [] for task_id in task_ids}
    for start in range(0, len(task_ids), _CHUNK):
        chunk = task_ids[start : start + _CHUNK]
        query = (
            "SELECT task_id, time, trigger, source, dest, actor FROM history"
            f" WHERE task_id IN ({', '.join('?' * len(chunk))}) ORDER BY task_id, step"
        )
        for task_id, time, trigger, source, dest, actor in connection.execute(query, chunk):
            entry = HistoryEntry(int(time), _TRIGGERS[trigger], STATES[source], STATES[dest], _ACTORS[actor])
            histories[task_id].append(entry)
    return histories


def append_history(connection: sqlite3.Connection, task_id: int, entries: Iterable[HistoryEntry], first: int) -> None:
    """Write the moves made since the task was read, numbered on from `first`."""
    connection.executemany(
        "INSERT INTO history (task_id, step, time, trigger, source, dest, actor) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            (task_id, step, e.time, e.trigger.value, e.source.id, e.dest.id, e.actor.value)
            for step, e in enumerate(entries, start=first)
        ],
    )


class RulesBook:
    """The rules the file holds, by id: each distinct set of rules is stored once and parsed once."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._connection = connection
        self._by_id: dict[int, Rules] = {}

    def rules(self, rules_id: int) -> Rules:
        if rules_id not in self._by_id:
            row = self._connection.execute("SELECT document FROM rules WHERE id = ?", (rules_id,)).fetchone()
            if row is None:
                raise KeyError(f"rules {rules_id}")
            self._by_id[rules_id] = parse_rules(str(row[0]), f"rules {rules_id}")
        return self._by_id[rules_id]

    def id_of(self, rules: Rules) -> int:
        """The id of these rules, stored now if the file does not hold them yet."""
        for rules_id, known in self._by_id.items():
            if known == rules:
                return rules_id
        document = rules_to_toml(rules)
        insert = "INSERT INTO rules (document) VALUES (?) ON CONFLICT (document) DO NOTHING"
        self._connection.execute(insert, (document,))
        (rules_id,) = self._connection.execute("SELECT id FROM rules WHERE document = ?", (document,)).fetchone()
        self._by_id[int(rules_id)] = rules
        return int(rules_id)
