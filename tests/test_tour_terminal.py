"""`python -m xingtu_sim tour` in a real terminal (tmux): keys typed, the screen read back."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
import time
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from conftest import program, require_tool, tour_choices

from xingtu_sim import State
from xingtu_sim.domain.text import _
from xingtu_sim.i18n import LANGS, Lang, render

pytestmark = pytest.mark.slow


@pytest.fixture(autouse=True)
def tmux() -> None:
    require_tool(program("tmux"), "tmux is not installed: the real-terminal test of the tour needs it")


WAIT_SECONDS = 15  # how long a screen may take to show up on a slow machine; not a speed check


class Terminal:
    """A tmux server of our own (its own socket) with one 100x40 window running a plain shell.

    The tour is typed at the shell's prompt, as a person would, and the shell reports its exit status:
    a process started as the session's own command can race tmux's sizing of a new window.
    """

    def __init__(self, socket: str) -> None:
        self.socket = socket

    def tmux(self, *args: str) -> str:
        done = subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True, text=True, check=True)
        return done.stdout

    def start(self) -> None:
        shell = ["env", "PS1=$ ", "sh"]
        self.tmux("-f", os.devnull, "new-session", "-d", "-s", "tour", "-x", "100", "-y", "40", *shell)
        self.wait_until(lambda: self.tmux("display-message", "-p", "-t", "tour", "#{pane_width}").strip() == "100")
        self.wait_for("$ ")

    def run_tour(self, lang: Lang) -> None:
        self.type(f'{shlex.quote(sys.executable)} -m xingtu_sim tour --lang {lang}; echo "exit status: $?"')

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-J", "-t", "tour", "-S", "-200")

    def type(self, keys: str) -> None:
        self.tmux("send-keys", "-t", "tour", "-l", keys)
        self.tmux("send-keys", "-t", "tour", "Enter")

    def wait_for(self, wanted: str) -> str:
        self.wait_until(lambda: wanted in self.screen(), f"{wanted!r} never appeared on the screen")
        return self.screen()

    def wait_until(self, condition: Callable[[], bool], failure: str = "the terminal never got ready") -> None:
        deadline = time.monotonic() + WAIT_SECONDS
        while not condition():
            if time.monotonic() > deadline:
                raise AssertionError(f"{failure}:\n{self.screen()}")
            time.sleep(0.1)


def columns(line: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line)


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Terminal]:
    terminal = Terminal(f"xingtu-tour-test-{os.getpid()}-{tmp_path.name}")
    yield terminal
    subprocess.run(["tmux", "-L", terminal.socket, "kill-server"], capture_output=True, check=False)


@pytest.mark.parametrize("lang", LANGS)
def test_the_tour_runs_in_a_real_terminal_refuses_a_wrong_move_and_quits(terminal: Terminal, lang: Lang) -> None:
    terminal.start()
    terminal.run_tour(lang)
    prompt = render(_("Your choice ({choices}, q to quit): ", choices="1"), lang).strip()
    terminal.wait_for(prompt)
    open_xingtu, accept_too_early = tour_choices("open", "accept", lang=lang).split()
    terminal.type(open_xingtu)
    screen = terminal.wait_for(f"[{render(State.PENDING_RECEIPT, lang)}]")
    assert render(_("Xingtu is open and you are receiving tasks."), lang) in screen
    terminal.type(accept_too_early)
    terminal.wait_for(render(_("Nothing changed; the tour goes on."), lang))
    terminal.type("q")
    screen = terminal.wait_for(render(_("You left the tour."), lang))
    assert render(_("Summary"), lang) in screen
    assert "Traceback" not in screen
    terminal.wait_for("exit status: 0")


@pytest.mark.parametrize("lang", LANGS)
def test_the_tour_wraps_its_text_to_the_terminal_width_itself(terminal: Terminal, lang: Lang) -> None:
    terminal.start()
    terminal.run_tour(lang)
    terminal.type(tour_choices("open", lang=lang).strip())
    screen = terminal.wait_for(
        render(_("quit the tour"), lang)
        + "\n"
        + render(_("Your choice ({choices}, q to quit): ", choices="1-5"), lang).strip()
    )
    # capture-pane -J joins the lines the terminal had to wrap: any longer than 100 columns was cut by it.
    tour_lines = [line for line in screen.splitlines() if not line.startswith("$ ")]
    assert len(tour_lines) > 20
    assert max(columns(line) for line in tour_lines) <= 100


def test_ctrl_c_leaves_the_tour_with_its_summary_one_line_and_no_traceback(terminal: Terminal) -> None:
    terminal.start()
    terminal.run_tour("en")
    terminal.wait_for(render(_("Your choice ({choices}, q to quit): ", choices="1"), "en").strip())
    terminal.tmux("send-keys", "-t", "tour", "C-c")
    screen = terminal.wait_for("exit status: 130")
    assert "Interrupted (SIGINT): stopped before the end." in screen
    assert render(_("No moves were made."), "en") in screen
    assert "Traceback" not in screen
