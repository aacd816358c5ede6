"""Practice accounts in the sandbox file: created, started over, listed."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from xingtu_sim.domain.account import CreatorAccount
from xingtu_sim.domain.clock import Clock
from xingtu_sim.domain.errors import InputError
from xingtu_sim.domain.rules import DEFAULT_RULES, Rules
from xingtu_sim.domain.text import _
from xingtu_sim.domain.workspace import Workspace
from xingtu_sim.sandbox.rows import ACCOUNT_COLUMNS, RulesBook, account_row
from xingtu_sim.sandbox.schema import DEFAULT_ACCOUNT
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
) -> None:
    """Write the account fresh; an account being replaced loses every task and move (and keeps its id)."""
    row = (*account_row(Workspace(account, rules, Clock(0))), RulesBook(connection).id_of(rules))
    columns = (*ACCOUNT_COLUMNS, "rules_id")
    if account_id is None:
        placeholders = ", ".join("?" * (len(columns) + 1))
        connection.execute(f"INSERT INTO account (key, {', '.join(columns)}) VALUES ({placeholders})", (key, *row))
        return
    connection.execute("DELETE FROM history WHERE task_id IN (SELECT id FROM task WHERE account_id = ?)", (account_id,))
    connection.execute("DELETE FROM task WHERE account_id = ?", (account_id,))
    connection.execute("DELETE FROM tally WHERE account_id = ?", (account_id,))
    assignments = ", ".join(f"{column} = ?" for column in columns)
    connection.execute(f"UPDATE account SET {assignments} WHERE id = ?", (*row, account_id))
