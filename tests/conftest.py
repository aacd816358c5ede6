"""Shared fixtures and helpers: a creator who has opened Xingtu, everything at once, tour input, sandbox processes."""

from __future__ import annotations

import gc
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path
from typing import TYPE_CHECKING

import click
import pytest
from chromium import CHROMIUM, launch
from hypothesis import settings

from xingtu_sim import DEFAULT_RULES, CreatorAccount, Workspace
from xingtu_sim import sandbox as sandbox_store
from xingtu_sim.i18n import Lang
from xingtu_sim.tools.tour import Choice, Move, Tour, Wait

if TYPE_CHECKING:
    from playwright.sync_api import Browser

pytest_plugins = ["xingtu_sim.steps.plugin", "pytester"]

# Hypothesis profiles: `ci` is Hypothesis's default, the full counts that CI and the README's `pytest` run;
# `dev` is the fast loop's (`--hypothesis-profile=dev`, README: Developing): a tenth of every count
# (tests/hypothesis_budget.py). Registered here, before Hypothesis's plugin loads the chosen one.
settings.register_profile("ci", settings.get_profile("default"))
settings.register_profile("dev", max_examples=10)


def pytest_collection_finish() -> None:
    # What collection built lives as long as the session: keep the garbage collector from walking it again
    # and again (every in-process run allocates a lot; a full collection visited all of it).
    gc.freeze()


def pytest_sessionfinish() -> None:
    web_client = sys.modules.get("web_client")
    if web_client is not None:  # the in-process consoles' event loop
        web_client.close_event_loop()


# The languages the tests read, each against its own expected text: English (the message ids) and the
# Chinese catalogue. (Which languages exist is the catalogues' business: a third one breaks no test.)
LANGS: tuple[Lang, ...] = ("en", "zh-CN")

# CI sets this: a program the tests need (Chromium, Graphviz, tmux) is then required, not optional.
REQUIRE_TOOLS = "XINGTU_SIM_REQUIRE_TOOLS"


def require_tool(found: bool, why: str) -> None:
    """Skip with the reason when a program is missing; fail instead when $XINGTU_SIM_REQUIRE_TOOLS is set (CI)."""
    if found:
        return
    if os.environ.get(REQUIRE_TOOLS):
        pytest.fail(f"{why} (${REQUIRE_TOOLS} is set: CI installs it)", pytrace=False)
    pytest.skip(why)


def program(name: str) -> bool:
    return shutil.which(name) is not None


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """One Chromium per test module; skipped without it, failed in CI (which installs it)."""
    require_tool(Path(CHROMIUM).exists(), f"Chromium is not at {CHROMIUM} (apt install chromium fonts-noto-cjk)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch(playwright)
        yield browser
        browser.close()


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


# The sandbox as a trainee uses it: each command a real process on a real file.


def sandbox_environment() -> dict[str, str]:
    """This environment without XINGTU_SIM_* settings, in English, without colour."""
    keep = {k: v for k, v in os.environ.items() if not k.startswith("XINGTU_SIM_")}
    return {**keep, "NO_COLOR": "1", "XINGTU_SIM_LANG": "en"}


def sandbox(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """One `xingtu-sim sandbox` command in its own process, as a trainee would type it."""
    command = [sys.executable, "-m", "xingtu_sim", "sandbox", "--db", str(db), *args]
    return subprocess.run(command, capture_output=True, text=True, env=sandbox_environment(), check=False)


def ok(db: Path, *args: str) -> str:
    """A sandbox command that must succeed; its output."""
    result = sandbox(db, *args)
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """A sandbox for a Douyin creator with 150,000 followers who has opened Xingtu (made in this process: it is
    where a test starts, not what it tests)."""
    path = tmp_path / "practice.db"
    sandbox_store.create(path, CreatorAccount(followers=150_000))
    with sandbox_store.session(path) as current:
        current.open_xingtu()
    return path


def command_paths(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Every command of the CLI as the words that name it: () for the group itself, ("sandbox", "do")..."""
    found = [prefix]
    context = click.Context(group)
    for name in group.list_commands(context):
        command = group.get_command(context, name)
        if isinstance(command, click.Group):
            found += command_paths(command, (*prefix, name))
        else:
            found.append((*prefix, name))
    return found


def practice_held(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """What a sandbox file holds of its practice accounts, the journal of moves aside: a refused move changes
    nothing here (its journal row is all it leaves)."""
    with closing(sqlite3.connect(path)) as connection:
        tables = ("rules", "account", "task", "history", "tally")
        return {table: sorted(connection.execute(f"SELECT * FROM {table}"), key=repr) for table in tables}
