"""One practice account inside one transaction: the slice of it a move needs, the move, the write-back.

A `Session` starts with the account, its clock and the rules in force, and no task. Each move reads
only what it touches (`act` the task it moves, `publish` the name it takes, `pass_time` the
undecided tasks whose accept window ends in the interval, by an index) and calls the same domain
code a scenario calls. `flush` writes back what changed; leaving `session()` without an error
flushes and commits, so each move is one transaction. The CLI and the web console both move
through these methods; neither reads the tables itself.

Each move is journaled in its transaction (`journal`) as the When step that makes it, whether the
lifecycle did it or refused it. A refusal changes nothing but its journal row, so a session that
ends in ActionRefused commits (what it did before, and that row) and then lets the refusal go on;
any other error rolls everything back, its journal rows included.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Collection, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from xingtu_sim.domain.clock import Clock, checked_hours
from xingtu_sim.domain.errors import ActionRefused, InputError
from xingtu_sim.domain.lifecycle import AWAITING_DECISION, State, Trigger, parse_trigger
from xingtu_sim.domain.money import format_yuan, price_to_fen
from xingtu_sim.domain.rules import Rules
from xingtu_sim.domain.task import Task
from xingtu_sim.domain.text import _
from xingtu_sim.domain.workspace import Workspace, _unknown_task_lines
from xingtu_sim.files.rules_toml import RulesError
from xingtu_sim.sandbox.journal import Journal
from xingtu_sim.sandbox.rows import (
    ACCOUNT_COLUMNS,
    TASK_COLUMNS,
    PublishedUnder,
    RulesBook,
    TaskRow,
    account_from_row,
    account_row,
    append_history,
    read_histories,
    restore_task,
)
from xingtu_sim.sandbox.schema import DEFAULT_ACCOUNT, STATES, Stage
from xingtu_sim.sandbox.store import NoSandbox, UnusableSandbox, missing, transaction, unusable
from xingtu_sim.steps.moves import Move
from xingtu_sim.steps.vocabulary import PHRASE_FOR_TRIGGER

_ROW_ERRORS = (ValueError, KeyError, TypeError, RulesError)  # a row no version of ours writes
_SUGGEST_FROM_ALL = 5_000  # with more tasks, a mistyped name is compared with those likeliest to be meant
_NEAR = 200


@dataclass(frozen=True)
class Counts:
    """How many tasks an account has in each state (from the tally the file keeps: no task is read)."""

    by_state: Mapping[State, int]

    @property
    def total(self) -> int:
        return sum(self.by_state.values())

    @property
    def awaiting_decision(self) -> int:
        return sum(self.by_state.get(state, 0) for state in AWAITING_DECISION)

    def in_stage(self, stage: Stage) -> int:
        return sum(count for state, count in self.by_state.items() if Stage.of(state) is stage)


@dataclass
class _Read:
    """A task as it was read: its row id, the rules it runs under, and its row to compare with."""

    task_id: int
    rules_id: int
    row: TaskRow


@contextmanager
def session(path: Path, account: str = DEFAULT_ACCOUNT, *, write: bool = True) -> Iterator[Session]:
    """A session on one practice account; what it changes is committed when the block ends without error."""
    with transaction(path, write=write, commit_on=ActionRefused) as connection:
        current = Session(connection, path, account, write=write)
        try:
            yield current
        except ActionRefused:
            if write:
                current.flush()
            raise
        if write:
            current.flush()


def no_account(path: Path, account: str) -> NoSandbox:
    """The file holds no such practice account (for the CLI's account: no sandbox yet)."""
    if account == DEFAULT_ACCOUNT:
        return NoSandbox(missing(path))
    return NoSandbox(_("There is no practice account {account} in {path}.", path=path, account=account))


class Session:
    """One practice account in one transaction. Move through its methods; `workspace` holds what was read."""

    def __init__(
        self, connection: sqlite3.Connection, path: Path, account: str = DEFAULT_ACCOUNT, *, write: bool = True
    ) -> None:
        self.path = path
        self.account_key = account
        self._connection = connection
        self._write = write
        self._rules = RulesBook(connection)
        columns = ", ".join(ACCOUNT_COLUMNS)
        row = connection.execute(f"SELECT id, rules_id, {columns} FROM account WHERE key = ?", (account,)).fetchone()
        if row is None:
            raise no_account(path, account)
        with self._reading():
            self.account_id, self._rules_id = int(row[0]), int(row[1])
            rules = self._rules.rules(self._rules_id)
            self.workspace = Workspace(account_from_row(row[2:-1]), rules, Clock(int(row[-1])))
        self._account_row = account_row(self.workspace)
        self._journal = Journal(connection, self.account_id)
        self._read: dict[str, _Read] = {}
        self._published = False
        self._everything = False

    # The rules in force

    @property
    def rules(self) -> Rules:
        """The rules in force for the account and for the tasks published from now on."""
        return self.workspace.rules

    def use_rules(self, rules: Rules) -> bool:
        """Make these the rules in force from now on (tasks already published keep theirs); False if they were."""
        if rules == self.workspace.rules:
            return False
        if self._published:  # a task takes the rules in force when it is published, and keeps them
            raise RuntimeError("change the rules before publishing in a session")
        self.workspace.rules = rules
        return True

    def rules_of(self, task: Task) -> Rules:
        """The rules `task` was published under."""
        read = self._read.get(task.name)
        return self.workspace.rules if read is None else self._rules.rules(read.rules_id)

    # Reading the slice a move needs

    def task(self, name: str) -> Task:
        """The task called `name` with its history; an unknown name is an input error naming the nearest."""
        if name not in self.workspace.tasks and not self._select("name = ?", name):
            raise InputError(*_unknown_task_lines(name, self._names_like(name)))
        return self.workspace.tasks[name]

    def tasks(
        self, stages: Collection[Stage] = tuple(Stage), *, offset: int = 0, limit: int = 50, newest_first: bool = False
    ) -> list[Task]:
        """One page of tasks: awaiting a decision first, then in progress, then ended; each in publishing order
        (or the newest first: the web console lists ended tasks so, and its first page must not scan them all)."""
        self.flush()
        marks = ", ".join(str(int(stage)) for stage in stages)
        order = "DESC" if newest_first else "ASC"
        return self._select(f"stage IN ({marks}) ORDER BY stage, id {order} LIMIT ? OFFSET ?", limit, offset)

    def counts(self) -> Counts:
        """How many tasks the account has in each state, this session's moves included."""
        self.flush()
        rows = self._query("SELECT state, tasks FROM tally WHERE account_id = ? AND tasks > 0")
        with self._reading():
            return Counts({STATES[state]: int(tasks) for state, tasks in rows})

    def everything(self) -> Workspace:
        """Every task of the account read into the workspace: for tests, exports and checks, never for a move."""
        if not self._everything:
            self._select("1 ORDER BY id")
            self._everything = True
        return self.workspace

    # Moves: each reads what it touches, then calls the domain, journaled as its When step

    def open_xingtu(self) -> None:
        with self._move(Move("open")):
            self.workspace.open_xingtu()

    def stop_receiving(self) -> None:
        with self._move(Move("stop_receiving")):
            self.workspace.stop_receiving()

    def resume_receiving(self) -> None:
        with self._move(Move("resume_receiving")):
            self.workspace.resume_receiving()

    def publish(self, name: str, brand: str, price_yuan: Decimal | str | int, requirements: str = "") -> Task:
        """A brand publishes a task to this account's creator (a taken name is refused by the domain).

        Journaled as the publish step, then, if it carries requirements, the step saying what it asks for.
        """
        self._select("name = ?", name)
        amount = format_yuan(price_to_fen(price_yuan))  # the domain's price check: a bad price is no move
        with self._move(Move("publish", {"brand": brand, "task": name, "amount": amount})):
            task = self.workspace.publish(name, brand, price_yuan, requirements)
        if requirements:
            self._journal.add(self.workspace.clock.now, Move("asks_for", {"task": name, "text": requirements}), None)
        self._published = True
        return task

    def act(self, name: str, trigger: Trigger | str) -> Task:
        """Fire `trigger` on the task called `name`."""
        self.task(name)
        chosen = parse_trigger(trigger)
        # The clock's own move (expire) has no When step: fired by hand it is refused, and changes nothing.
        phrase = PHRASE_FOR_TRIGGER.get(chosen)
        with self._move(Move(phrase.key, {"task": name}) if phrase else None):
            return self.workspace.act(name, chosen)

    def pass_time(self, hours: int) -> list[Task]:
        """Move the account's clock on; the undecided tasks whose window ends meanwhile lapse. Returns them."""
        until = self.workspace.clock.now + checked_hours(hours)
        self._select("stage = ? AND accept_deadline <= ?", int(Stage.AWAITING_DECISION), until)
        with self._move(Move("hours_pass", {"n": str(hours)})):
            return self.workspace.pass_time(hours)

    def bring_to(self, name: str, state: State) -> Task:
        """Replay the shortest legal path to `state` (for tests and benchmarks: it reads every task, and is
        not journaled, so a practice set up with it does not replay from its journal)."""
        self.everything()
        return self.workspace.bring_to(name, state)

    @contextmanager
    def _move(self, move: Move | None) -> Iterator[None]:
        """Journal the move made inside the block as `move`, whether the lifecycle did it or refused it."""
        if not self._write:
            raise RuntimeError("a move in a read-only session")
        hour = self.workspace.clock.now
        try:
            yield
        except ActionRefused as refusal:
            if move is not None:
                self._journal.add(hour, move, refusal.reason)
            raise
        if move is not None:
            self._journal.add(hour, move, None)

    # Writing back

    def flush(self) -> None:
        """Write what changed since it was read: the account, the clock, the rules in force, tasks, history."""
        workspace = self.workspace
        rules_id = self._rules.id_of(workspace.rules)
        now = account_row(workspace)
        if now != self._account_row or rules_id != self._rules_id:
            assignments = ", ".join(f"{column} = ?" for column in ACCOUNT_COLUMNS)
            self._connection.execute(
                f"UPDATE account SET {assignments}, rules_id = ? WHERE id = ?", (*now, rules_id, self.account_id)
            )
            self._account_row, self._rules_id = now, rules_id
        for task in workspace:
            row, read = TaskRow.of(task), self._read.get(task.name)
            if read is None:
                read = _Read(self._insert(row, rules_id), rules_id, TaskRow(row.values, 0))
                self._read[task.name] = read
            elif row == read.row:
                continue
            else:
                assignments = ", ".join(f"{column} = ?" for column in TASK_COLUMNS)
                self._connection.execute(f"UPDATE task SET {assignments} WHERE id = ?", (*row.values, read.task_id))
            append_history(self._connection, read.task_id, task.history[read.row.moves :], read.row.moves)
            read.row = row

    def _insert(self, row: TaskRow, rules_id: int) -> int:
        columns = ", ".join(("account_id", "rules_id", *TASK_COLUMNS))
        placeholders = ", ".join("?" * (len(TASK_COLUMNS) + 2))
        cursor = self._connection.execute(
            f"INSERT INTO task ({columns}) VALUES ({placeholders})", (self.account_id, rules_id, *row.values)
        )
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    # Reading rows

    def _select(self, where: str, *parameters: Any) -> list[Task]:
        """The account's tasks matching `where`, read once per session (a task already read is kept as it is)."""
        columns = ", ".join(("id", "rules_id", *TASK_COLUMNS))
        rows = self._query(f"SELECT {columns} FROM task WHERE account_id = ? AND {where}", *parameters)
        tasks = self.workspace.tasks
        fresh = [row for row in rows if row[2] not in tasks]
        with self._reading():
            histories = read_histories(self._connection, [row[0] for row in fresh])
            for row in fresh:
                task_id, rules_id, values = int(row[0]), int(row[1]), row[2:]
                context = PublishedUnder(self.workspace.account, self._rules.rules(rules_id), self.workspace.clock)
                task = restore_task(context, values, histories[task_id])
                tasks[task.name] = task
                self._read[task.name] = _Read(task_id, rules_id, TaskRow.of(task))
        return [tasks[row[2]] for row in rows]

    def _names_like(self, name: str) -> list[str]:
        """Names to suggest instead of `name`: all of them, or in a big sandbox those nearest it in
        alphabetical order, those starting as it does, and the newest (by index, a few hundred at most)."""
        if self.counts().total <= _SUGGEST_FROM_ALL:
            return [row[0] for row in self._query("SELECT name FROM task WHERE account_id = ? ORDER BY id")]
        nearest = "SELECT name FROM task WHERE account_id = ? AND name {} ? ORDER BY name {} LIMIT ?"
        found = [
            *self._query(nearest.format("<", "DESC"), name, _NEAR),
            *self._query(nearest.format(">", "ASC"), name, _NEAR),
            *self._query(nearest.format(">", "ASC"), name[:2], _NEAR),
            *self._query("SELECT name FROM task WHERE account_id = ? ORDER BY id DESC LIMIT ?", _NEAR),
        ]
        names = {row[0]: None for row in found}
        return list(names)

    def _query(self, sql: str, *parameters: Any) -> list[Any]:
        return self._connection.execute(sql, (self.account_id, *parameters)).fetchall()

    @contextmanager
    def _reading(self) -> Iterator[None]:
        try:
            yield
        except _ROW_ERRORS as error:
            raise UnusableSandbox(unusable(self.path, repr(error))) from None
