"""Shared fixtures: a creator who has opened Xingtu, and a way to see everything at once."""

from __future__ import annotations

import pytest

from xingtu_sim import CreatorAccount, Workspace

pytest_plugins = ["xingtu_sim.steps.plugin", "pytester"]


@pytest.fixture
def workspace() -> Workspace:
    """A Douyin creator with 150,000 followers who has opened Xingtu."""
    workspace = Workspace(CreatorAccount(followers=150_000))
    workspace.open_xingtu()
    return workspace


def everything(workspace: Workspace) -> tuple[object, ...]:
    """All that a refused action must leave as it was."""
    tasks = tuple((t.name, t.state, t.script_changes, t.video_changes, t.fee_fen, tuple(t.history)) for t in workspace)
    return (workspace.account.snapshot(), workspace.clock.now, tasks)
