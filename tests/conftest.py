"""Shared fixtures: a creator who has opened Xingtu, a way to see everything at once, tour input."""

from __future__ import annotations

import pytest

from xingtu_sim import DEFAULT_RULES, CreatorAccount, Workspace
from xingtu_sim.i18n import Lang
from xingtu_sim.tour import Choice, Move, Tour, Wait

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


def tour_choices(*moves: str, lang: Lang = "en") -> str:
    """The menu numbers a trainee types for these moves ("open", "wait", or a trigger), one per line."""
    tour = Tour.sample(DEFAULT_RULES, lang)
    numbers = []
    for move in moves:
        menu = tour.menu()
        number = next(i for i, choice in enumerate(menu, start=1) if _names(choice) == move)
        numbers.append(str(number))
        tour.choose(menu[number - 1])
    return "".join(f"{number}\n" for number in numbers)


def _names(choice: Choice) -> str:
    if isinstance(choice, Move):
        return choice.transition.trigger
    return "wait" if isinstance(choice, Wait) else "open"
