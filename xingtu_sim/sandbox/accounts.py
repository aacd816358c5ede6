"""Practice accounts in the sandbox file: created, started over, listed.

Creating or starting over an account starts an attempt of free practice (sandbox.journal) from the
creator as created; `replace_workspace` writes any workspace in (a lesson's set-up, say).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from xingtu_sim.domain.account import CreatorAccount
from xingtu_sim.domain.clock import Clock
from xingtu_sim.domain.errors import InputError
from xingtu_sim.domain.rules import DEFAULT_RULES, Rules
from xingtu_sim.domain.text import _
from xingtu_sim.domain.workspace import Workspace
from xingtu_sim.sandbox.journal import start_attempt
from xingtu_sim.sandbox.rows import ACCOUNT_COLUMNS, TASK_COLUMNS, RulesBook, TaskRow, account_row, append_history
from xingtu_sim.sandbox.schema import DEFAULT_ACCOUNT, free_setup
from xingtu_sim.sandbox.session import Session
from xingtu_sim.sandbox.store import transaction


class SandboxExists(InputError):
    """The account to create is there already: replacing it needs `force`."""


def create(
    path: Path,
    account: CreatorAccount,
    *,
    key: str = DEFAULT_ACCOUNT,
    rules: Rules = DEFAULT_RULES,
    force: bool = False,
) -> None:
    """A practice account at hour 0 under these rules (the file too, if new); replacing one needs `force`."""
    with transaction(path, create=True) as connection:
        found = connection.execute("SELECT id FROM account WHERE key = ?", (key,)).fetchone()
        if found and not force:
            raise SandboxExists(_("A sandbox already exists in {path}.", path=path))
        _start(connection, key, account, rules, found[0] if found else None)


def create_in(connection: sqlite3.Connection, key: str, account: CreatorAccount, rules: Rules) -> int:
    """A new practice account inside the caller's transaction (a trainee joining, say); returns its id."""
    return _start(connection, key, account, rules, None)


def reset(path: Path, *, key: str = DEFAULT_ACCOUNT) -> CreatorAccount:
    """Start an account over: same followers, platform and rules; Xingtu closed, no tasks, hour 0."""
    with transaction(path) as connection:
        current = Session(connection, path, key)
        before = current.workspace.account
        fresh = CreatorAccount(followers=before.followers, platform=before.platform)
        _start(connection, key, fresh, current.rules, current.account_id)
    return fresh


def account_keys(path: Path) -> list[str]:
    """The keys of the practice accounts the file holds, oldest first."""
    with transaction(path, write=False) as connection:
        return [str(row[0]) for row in connection.execute("SELECT key FROM account ORDER BY id")]


def _start(
    connection: sqlite3.Connection, key: str, account: CreatorAccount, rules: Rules, account_id: int | None
) -> int:
    """Write the account fresh and start free practice on it; an account being replaced loses every task and
    move (and keeps its id and its past attempts). Returns its id."""
    workspace = Workspace(account, rules, Clock(0))
    if account_id is None:
        columns = (*ACCOUNT_COLUMNS, "rules_id")
        placeholders = ", ".join("?" * (len(columns) + 1))
        row = (*account_row(workspace), RulesBook(connection).id_of(rules))
        cursor = connection.execute(
            f"INSERT INTO account (key, {', '.join(columns)}) VALUES ({placeholders})", (key, *row)
        )
        assert cursor.lastrowid is not None
        account_id = cursor.lastrowid
    else:
        replace_workspace(connection, account_id, workspace)
    as_created = account == CreatorAccount(followers=account.followers, platform=account.platform)
    setup = free_setup(account.followers, account.platform.value)
    start_attempt(connection, account_id, None, setup, RulesBook(connection).id_of(rules), from_start=as_created)
    return account_id


def replace_workspace(connection: sqlite3.Connection, account_id: int, workspace: Workspace) -> None:
    """The account becomes `workspace`: its tasks, their moves and its clock replaced, its rules those in force."""
    connection.execute("DELETE FROM history WHERE task_id IN (SELECT id FROM task WHERE account_id = ?)", (account_id,))
    connection.execute("DELETE FROM task WHERE account_id = ?", (account_id,))
    connection.execute("DELETE FROM tally WHERE account_id = ?", (account_id,))
    rules = RulesBook(connection)
    columns = (*ACCOUNT_COLUMNS, "rules_id")
    assignments = ", ".join(f"{column} = ?" for column in columns)
    row = (*account_row(workspace), rules.id_of(workspace.rules))
    connection.execute(f"UPDATE account SET {assignments} WHERE id = ?", (*row, account_id))
    _write_tasks(connection, account_id, workspace)


def _write_tasks(connection: sqlite3.Connection, account_id: int, workspace: Workspace) -> None:
    """Every task of the workspace with its history, under the workspace's rules (for a set-up just made)."""
    rules_id = RulesBook(connection).id_of(workspace.rules)
    columns = ", ".join(("account_id", "rules_id", *TASK_COLUMNS))
    placeholders = ", ".join("?" * (len(TASK_COLUMNS) + 2))
    for task in workspace:
        cursor = connection.execute(
            f"INSERT INTO task ({columns}) VALUES ({placeholders})", (account_id, rules_id, *TaskRow.of(task).values)
        )
        assert cursor.lastrowid is not None
        append_history(connection, cursor.lastrowid, task.history, 0)
