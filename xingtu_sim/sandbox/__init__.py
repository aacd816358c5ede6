"""The practice sandbox: one creator's account and tasks, kept between commands in an SQLite file."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from xingtu_sim.domain.account import CreatorAccount
from xingtu_sim.domain.errors import InputError, message
from xingtu_sim.domain.rules import Rules
from xingtu_sim.domain.workspace import Workspace
from xingtu_sim.sandbox.duration import parse_duration
from xingtu_sim.sandbox.snapshots import has_sandbox, load, save, start
from xingtu_sim.sandbox.store import APPLICATION_ID, SCHEMA_VERSION, transaction


@contextmanager
def session(path: Path, rules: Rules, *, write: bool = True) -> Iterator[Workspace]:
    """The saved sandbox as a Workspace; what the block changes is saved when it ends without error."""
    with transaction(path, write=write) as connection:
        workspace, saved = load(connection, rules, path)
        yield workspace
        if write:
            save(connection, workspace, saved)


def create(path: Path, account: CreatorAccount, *, force: bool = False) -> None:
    """A new sandbox for this account; replacing an existing one needs `force`."""
    with transaction(path, create=True) as connection:
        if has_sandbox(connection) and not force:
            raise InputError(message("sandbox.exists", path=path))
        start(connection, account)


def reset(path: Path) -> CreatorAccount:
    """Start the sandbox over: same followers and platform, Xingtu closed, no tasks, hour 0."""
    with transaction(path) as connection:
        workspace, _saved = load(connection, Rules(), path)
        fresh = CreatorAccount(followers=workspace.account.followers, platform=workspace.account.platform)
        start(connection, fresh)
    return fresh


__all__ = ["APPLICATION_ID", "SCHEMA_VERSION", "create", "parse_duration", "reset", "session"]
