"""`xingtu-sim tour`: the guided walk, read one choice per line and printed to fit the terminal."""

from __future__ import annotations

import enum
import sys

import click

from xingtu_sim.cli.base import current_lang, lang_option, rules_option, say
from xingtu_sim.cli.wrap import terminal_width, wrap, wrap_text
from xingtu_sim.domain.lifecycle import Actor, State
from xingtu_sim.domain.rules import Rules
from xingtu_sim.i18n import Lang, text
from xingtu_sim.interrupts import Terminated
from xingtu_sim.tools.tour import Choice, Outcome, Tour, path_marks

_INDENT = "  "


class _End(enum.Enum):
    QUIT = "q"
    EOF = ""


@click.command("tour")
@rules_option
@lang_option
def command(rules: Rules) -> None:
    """Walk a new creator through one task, choosing each move (creator, brand, platform) from a menu.

    新手导览：带新达人一步步走完一个任务，每一步（达人、品牌方、平台）都从菜单中选择。

    Numbers choose, q quits; piped input is read one choice per line.

    输入数字选择，q 退出；也可以通过管道逐行输入选择。

    Example / 示例:  xingtu-sim tour --lang zh-CN
    """
    lang = current_lang()
    tour = Tour.sample(rules, lang)
    _paragraph(text("tour.welcome", lang))
    _paragraph(text("tour.how_to_choose", lang))
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
            _paragraph(text("tour.eof", lang))
            return
        if choice is _End.QUIT:
            _show_summary(tour, lang)
            _paragraph(text("tour.quit", lang))
            return
        outcome = tour.choose(choice)
        _show_outcome(outcome, lang)
        stage_changed = outcome.refusal is None  # a refused move leaves the stage as it was: just the menu again
    _show_stage(tour, lang)
    _show_summary(tour, lang)
    _paragraph(text("tour.bye", lang))


def _show_stage(tour: Tour, lang: Lang) -> None:
    task = tour.task
    stage = task.state.label(lang) if task else text("tour.stage.title.account", lang)
    say()
    say(f"== {text('tour.stage.title', lang, stage=stage)} ==", bold=True)
    if task:
        _show_position(task.state, lang)
    for explanation in tour.explanation():
        _paragraphs(explanation(lang))
    mover = tour.whose_move()
    if mover and not tour.finished:
        key = "tour.whose_move" if mover is Actor.CREATOR else "tour.whose_move.other"
        _paragraph(text(key, lang, actor=mover.label(lang)), bold=True)


def _show_position(state: State, lang: Lang) -> None:
    marks = path_marks(state)
    pieces = [f"[{step.label(lang)}]" if current else step.label(lang) for step, current in marks]
    say(text("tour.where", lang))
    for line in wrap([f"{piece} → " for piece in pieces[:-1]] + pieces[-1:], terminal_width() - 2, _INDENT):
        say(line.replace(f"[{state.label(lang)}]", click.style(f"[{state.label(lang)}]", fg="cyan", bold=True)))
    if not any(current for _, current in marks):
        say(_INDENT + text("tour.off_path", lang, state=f"[{state.label(lang)}]"), fg="cyan", bold=True)


def _show_menu(menu: list[Choice], lang: Lang) -> None:
    say()
    say(text("tour.menu.title", lang))
    for number, choice in enumerate(menu, start=1):
        if choice.allowed:
            say(f"{_INDENT}{number}. {choice.label(lang)}")
        else:
            say(f"{_INDENT}{number}. {text('tour.menu.not_now', lang, move=choice.label(lang))}", dim=True)
    say(f"{_INDENT}q. {text('tour.menu.quit', lang)}")


def _read_choice(tour: Tour, lang: Lang) -> Choice | _End:
    """A menu item, q, or the end of input; anything else gets a hint and the menu again."""
    menu = tour.menu()
    while True:
        _show_menu(menu, lang)
        answer = _read_line(text("tour.prompt", lang, choices=_numbers(menu)))
        if isinstance(answer, _End):
            return answer
        if answer.lower() == _End.QUIT.value:
            return _End.QUIT
        if answer.isdigit() and 1 <= int(answer) <= len(menu):
            return menu[int(answer) - 1]
        hint = text(
            "tour.invalid",
            lang,
            choice=answer,
            choices=_numbers(menu) if len(menu) == 1 else text("tour.range", lang, last=len(menu)),
        )
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
        _paragraphs(outcome.refusal.describe(lang), fg="red")
        _paragraph(text("tour.refused.unchanged", lang))
    for line in outcome.lines:
        _paragraphs(line(lang), fg="green")


def _show_summary(tour: Tour, lang: Lang) -> None:
    say()
    say(f"== {text('tour.summary.title', lang)} ==", bold=True)
    for line in tour.summary():
        _paragraphs(line(lang))


def _paragraphs(lines: str, fg: str | None = None) -> None:
    for line in lines.split("\n"):
        _paragraph(line, fg)


def _paragraph(line: str, fg: str | None = None, bold: bool | None = None) -> None:
    for wrapped in wrap_text(line, terminal_width() - 1):
        if fg or bold:
            say(wrapped, fg=fg, bold=bold)
        else:
            say(wrapped)
