"""`xingtu-sim tour`: the guided walk, read one choice per line and printed to fit the terminal."""

from __future__ import annotations

import enum
import sys

import click

from xingtu_sim.cli.base import XingtuCommand, current_lang, lang_option, rules_option, say, say_fitted, styled
from xingtu_sim.cli.counts import Followers
from xingtu_sim.cli.wrap import terminal_width, wrap
from xingtu_sim.domain.lifecycle import Actor, State
from xingtu_sim.domain.rules import Rules
from xingtu_sim.domain.text import N_, Message, _
from xingtu_sim.i18n import Lang, render, render_lines
from xingtu_sim.interrupts import Terminated
from xingtu_sim.tools.tour import Choice, Outcome, Tour, path_marks

_INDENT = "  "
WELCOME = _(
    "Welcome to the Xingtu tour (星图新手导览). Douyin Xingtu (抖音星图) is Douyin's official platform for ad tasks: "
    "brands, MCN agencies and stars publish ad tasks there, and creators who have joined take them on. You will walk "
    "one task from the moment it arrives to the moment you are paid."
)


class _End(enum.Enum):
    QUIT = "q"
    EOF = ""


@click.command("tour", cls=XingtuCommand)
@click.option(
    "--followers", type=Followers(), metavar="N",
    help=N_("The trainee's followers (default: 20,000 over the threshold); below it, opening Xingtu is refused."),
)  # fmt: skip
@rules_option
@lang_option
def command(rules: Rules, followers: int | None) -> None:
    """Walk a new creator through one task, choosing each move (creator, brand, platform) from a menu.

    Numbers choose, q quits; piped input is read one choice per line.

    Example:  xingtu-sim tour --lang zh-CN
    """
    lang = current_lang()
    tour = Tour.sample(rules, lang, followers)
    _paragraph(render(WELCOME, lang))
    _paragraph(render(_("Type the number of a move and press Enter; q quits."), lang))
    stage_changed = True
    while not tour.finished:
        if stage_changed:
            _show_stage(tour, lang)
        try:
            choice = _read_choice(tour, lang)
        except KeyboardInterrupt as interrupt:
            say()
            if not isinstance(interrupt, Terminated):  # Ctrl-C at the prompt: the trainee still sees the path taken
                _show_summary(tour, lang)
            raise
        if choice is _End.EOF:
            _paragraph(render(_("End of input: the tour stops here."), lang))
            return
        if choice is _End.QUIT:
            _show_summary(tour, lang)
            _paragraph(render(_("You left the tour."), lang))
            return
        outcome = tour.choose(choice)
        _show_outcome(outcome, lang)
        stage_changed = outcome.refusal is None  # a refused move leaves the stage as it was: just the menu again
    _show_stage(tour, lang)
    _show_summary(tour, lang)
    _paragraph(render(_("End of the tour. Run it again to walk another path: xingtu-sim tour"), lang))


def _show_stage(tour: Tour, lang: Lang) -> None:
    task = tour.task
    stage = render(task.state, lang) if task else render(_("opening Xingtu"), lang)
    say()
    _heading(_("Stage: {stage}", stage=stage), lang)
    if task:
        _show_position(task.state, lang)
    for explanation in tour.explanation():
        _paragraphs(render(explanation, lang))
    mover = tour.whose_move()
    if mover and not tour.finished:
        if mover is Actor.CREATOR:
            whose = _("Whose move: {actor}.", actor=mover)
        else:
            whose = _("Whose move: {actor}. You choose for the {actor}, to see what it may do.", actor=mover)
        _paragraph(render(whose, lang), bold=True)


def _show_position(state: State, lang: Lang) -> None:
    marks = path_marks(state)
    pieces = [f"[{render(step, lang)}]" if current else render(step, lang) for step, current in marks]
    here = f"[{render(state, lang)}]"
    say(_("Where the task is on the main path:"))
    for line in wrap([f"{piece} → " for piece in pieces[:-1]] + pieces[-1:], terminal_width() - 2, _INDENT):
        before, marker, after = line.partition(here)
        say(before, styled(marker, fg="cyan", bold=True), after)
    if not any(current for _step, current in marks):
        say(
            _INDENT + render(_("It left the main path and ended: {state}.", state=here), lang),
            fg="cyan",
            bold=True,
        )


def _show_menu(menu: list[Choice], lang: Lang) -> None:
    say()
    say(_("What happens next?"))
    for number, choice in enumerate(menu, start=1):
        if choice.allowed:
            say(f"{_INDENT}{number}. {render(choice, lang)}")
        else:
            impossible = render(_("{move} (not possible now)", move=choice), lang)
            say(f"{_INDENT}{number}. {impossible}", dim=True)
    quit_tour = render(_("quit the tour"), lang)
    say(f"{_INDENT}q. {quit_tour}")


def _read_choice(tour: Tour, lang: Lang) -> Choice | _End:
    """A menu item, q, or the end of input; anything else gets a hint and the menu again."""
    menu = tour.menu()
    while True:
        _show_menu(menu, lang)
        answer = _read_line(render(_("Your choice ({choices}, q to quit): ", choices=_numbers(menu)), lang))
        if isinstance(answer, _End):
            return answer
        if answer.lower() == _End.QUIT.value:
            return _End.QUIT
        if answer.isdigit() and 1 <= int(answer) <= len(menu):
            return menu[int(answer) - 1]
        choices = _numbers(menu) if len(menu) == 1 else _("a number from 1 to {last}", last=len(menu))
        hint = _('"{choice}" is not on the menu: type {choices}, or q to quit.', choice=answer, choices=choices)
        say(hint, fg="yellow")


def _numbers(menu: list[Choice]) -> str:
    return "1" if len(menu) == 1 else f"1-{len(menu)}"


def _read_line(prompt: str) -> str | _End:
    """One line of input, or the end of input. Piped choices are echoed, as a terminal would."""
    say(prompt, nl=False)
    line = sys.stdin.readline()
    if not line:
        say()
        return _End.EOF
    if not sys.stdin.isatty():
        say(line.rstrip("\r\n"))
    return line.strip()


def _show_outcome(outcome: Outcome, lang: Lang) -> None:
    if outcome.refusal:
        _paragraphs(render_lines(outcome.refusal.lines, lang), fg="red")
        _paragraph(render(_("Nothing changed; the tour goes on."), lang))
    for line in outcome.lines:
        _paragraphs(render(line, lang), fg="green")


def _show_summary(tour: Tour, lang: Lang) -> None:
    say()
    _heading(_("Summary"), lang)
    for line in tour.summary():
        _paragraphs(render(line, lang))


def _heading(title: Message, lang: Lang) -> None:
    say(f"== {render(title, lang)} ==", bold=True)


def _paragraphs(lines: str, fg: str | None = None) -> None:
    for line in lines.split("\n"):
        _paragraph(line, fg)


def _paragraph(line: str, fg: str | None = None, bold: bool | None = None) -> None:
    say_fitted(line, fg=fg, bold=bold)
