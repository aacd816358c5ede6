"""The tour (and the help and step list) in a real terminal (tmux): keys typed, the screen read back."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
import time
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import LANGS, program, require_tool, tour_choices

from xingtu_sim import State
from xingtu_sim.cli import main
from xingtu_sim.domain.lifecycle import INITIAL_STATE
from xingtu_sim.domain.routes import shortest_path
from xingtu_sim.domain.text import _
from xingtu_sim.i18n import Lang, render

pytestmark = pytest.mark.slow


@pytest.fixture(autouse=True)
def tmux() -> None:
    require_tool(program("tmux"), "tmux is not installed: the real-terminal test of the tour needs it")


WAIT_SECONDS = 15  # how long a screen may take to show up on a slow machine; not a speed check


class Terminal:
    """A tmux server of our own (its own socket) with one window (100 or 80 columns) running a plain shell.

    The tour is typed at the shell's prompt, as a person would, and the shell reports its exit status:
    a process started as the session's own command can race tmux's sizing of a new window.
    """

    def __init__(self, socket: str) -> None:
        self.socket = socket

    def tmux(self, *args: str) -> str:
        done = subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True, text=True, check=True)
        return done.stdout

    def start(self, width: int = 100, no_colour: bool = False) -> None:
        # Without COLUMNS and LINES: GNU readline (which pytest imports) exports its own guess (80x24) to
        # every child, and the program would fit that instead of the window.
        shell = ["env", "-u", "COLUMNS", "-u", "LINES", "PS1=$ ", *(["NO_COLOR=1"] if no_colour else []), "sh"]
        self.tmux("-f", os.devnull, "new-session", "-d", "-s", "tour", "-x", str(width), "-y", "40", *shell)
        self.tmux("set-option", "-t", "tour", "history-limit", "5000")
        self.wait_until(lambda: self.tmux("display-message", "-p", "-t", "tour", "#{pane_width}").strip() == str(width))
        self.wait_for("$ ")

    def run_tour(self, lang: Lang) -> None:
        self.type(f'{shlex.quote(sys.executable)} -m xingtu_sim tour --lang {lang}; echo "exit status: $?"')

    def screen(self, with_styles: bool = False) -> str:
        """What the screen shows (and its history), lines the terminal wrapped joined again (-J);
        with_styles: the colours and bold too, as the escape sequences that draw them (-e)."""
        return self.tmux("capture-pane", "-p", "-J", *(["-e"] if with_styles else []), "-t", "tour", "-S", "-5000")

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


HAPPY_PATH = ["open", *(edge.trigger.value for edge in shortest_path(INITIAL_STATE, State.COMPLETED))]
_WORD = re.compile(r"[A-Za-z0-9]+")


def piped_tour(lang: Lang, choices: str) -> str:
    """The same tour piped: one paragraph a line, nothing wrapped, as a person reads it in a file."""
    done = subprocess.run(
        [sys.executable, "-m", "xingtu_sim", "tour", "--lang", lang],
        input=choices, capture_output=True, text=True, check=True, env={**os.environ, "NO_COLOR": ""},
    )  # fmt: skip
    return done.stdout


@pytest.mark.parametrize("no_colour", [False, True], ids=["colour", "NO_COLOR"])
@pytest.mark.parametrize("width", [80, 100])
@pytest.mark.parametrize("lang", LANGS)
def test_every_screen_of_the_tour_reads_cleanly_at_80_and_100_columns(
    terminal: Terminal, lang: Lang, width: int, no_colour: bool
) -> None:
    """What a person sees: no U+FFFD, no line the terminal had to cut, no word split in two, colour only if wanted."""
    terminal.start(width, no_colour)
    terminal.run_tour(lang)
    prompt = render(_("Your choice ({choices}, q to quit): ", choices="§"), lang).split("§")[0]
    choices = tour_choices(*HAPPY_PATH, lang=lang)
    for number, choice in enumerate(choices.split(), start=1):
        terminal.wait_until(lambda n=number: terminal.screen().count(prompt) >= n, f"prompt {number} never came")
        terminal.type(choice)
    terminal.wait_for("exit status: 0")
    screen = terminal.screen()
    lines = [line for line in screen.splitlines() if not line.startswith(("$ ", "exit status: "))]
    assert render(State.COMPLETED, lang) in screen
    assert "\ufffd" not in screen
    # -J joins what the terminal had to wrap: a line wider than the window was cut wherever it ran out.
    assert max(columns(line) for line in lines) <= width
    # Every word on the screen is a whole word of the tour's text: none was cut in two by a line break.
    words = set(_WORD.findall(piped_tour(lang, choices)))
    assert set(_WORD.findall("\n".join(lines))) - words == set()
    styled = terminal.screen(with_styles=True)
    state_line = next(line for line in styled.splitlines() if f"[{render(State.PENDING_RECEIPT, lang)}]" in line)
    assert ("\x1b[" in state_line) is not no_colour  # the state stands out in colour, unless NO_COLOR is set
    if no_colour:
        assert "\x1b[" not in styled


def test_ctrl_c_leaves_the_tour_with_its_summary_one_line_and_no_traceback(terminal: Terminal) -> None:
    terminal.start()
    terminal.run_tour("en")
    terminal.wait_for(render(_("Your choice ({choices}, q to quit): ", choices="1"), "en").strip())
    terminal.tmux("send-keys", "-t", "tour", "C-c")
    screen = terminal.wait_for("exit status: 130")
    assert "Interrupted (SIGINT): stopped before the end." in screen
    assert render(_("No moves were made."), "en") in screen
    assert "Traceback" not in screen


def unwrapped(lang: Lang, *args: str, exit_code: int = 0) -> str:
    """What a command prints with no width to fit (as a file would get it), to tell a whole word from a piece."""
    result = CliRunner().invoke(main, ["--lang", lang, *args], prog_name="xingtu-sim", terminal_width=10_000)
    assert result.exit_code == exit_code, result.output
    return result.output


@pytest.mark.parametrize("width", [60, 80])
@pytest.mark.parametrize("lang", LANGS)
def test_the_help_the_step_list_and_an_error_fit_a_real_terminal_with_no_word_cut(
    terminal: Terminal, lang: Lang, width: int, tmp_path: Path
) -> None:
    undeclared = tmp_path / "c.feature"  # Chinese without its language line: a long hint on standard error
    undeclared.write_text("功能: 开通\n  场景: 粉丝够\n    假如一位拥有 150000 粉丝的达人\n", encoding="utf-8")
    terminal.start(width)
    program = f"{shlex.quote(sys.executable)} -m xingtu_sim --lang {lang}"
    terminal.type(
        f"{program} run --help && {program} sandbox do --help && {program} steps && "
        f'cd {shlex.quote(str(tmp_path))} && {program} run c.feature; echo "exit status: $?"'
    )
    screen = terminal.wait_for("exit status: 2")
    lines = [line for line in screen.splitlines() if not line.startswith(("$ ", "exit status: "))]
    assert render(_("also: {phrasing}", phrasing=""), lang).strip() in screen  # the step list came out in full
    assert "--language zh-CN" in screen  # and the error after it
    assert [line for line in lines if columns(line) > width] == []  # -J: a line the terminal cut is whole here
    whole = "".join(
        unwrapped(lang, *args) for args in (["run", "--help"], ["sandbox", "do", "--help"], ["steps"])
    ) + unwrapped(lang, "run", str(undeclared), exit_code=2)
    assert set(_WORD.findall("\n".join(lines))) - set(_WORD.findall(whole)) == set()
