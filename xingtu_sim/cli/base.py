"""What every command shares: the language, the rules, colour, help and errors turned into exit codes."""

from __future__ import annotations

import copy
import importlib
import inspect
import os
import signal
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, TypeVar

import click

from xingtu_sim.cli.help_layout import FittedHelp
from xingtu_sim.cli.output import CLOSED_PIPE, WRITE_ERRORS, OutputGone, discard_stdout, flush_stdout, why_not_written
from xingtu_sim.cli.wrap import terminal_width, wrap_text
from xingtu_sim.domain.errors import ActionRefused, XingtuError
from xingtu_sim.domain.names import visible
from xingtu_sim.domain.text import N_, Text, _
from xingtu_sim.i18n import Lang, available_languages, default_lang, parse_lang, render, render_lines
from xingtu_sim.i18n.click_messages import click_language, use_language
from xingtu_sim.interrupts import Terminated, interrupted_line, signals_as_interrupts, stop_if_signalled

if TYPE_CHECKING:
    from xingtu_sim.domain.rules import Rules

EXIT_FAILED = 1  # a scenario, check or action failed
EXIT_BAD_INPUT = 2  # bad input or usage

F = TypeVar("F", bound=Callable[..., Any])
_LANG = "xingtu_sim.lang"


def current_lang() -> Lang:
    """The language chosen with --lang anywhere on the command line, else $XINGTU_SIM_LANG or the locale's."""
    return click_language() or default_lang()


def chosen_lang() -> Lang | None:
    """The language given with --lang on the command line, if it was."""
    ctx = click.get_current_context(silent=True)
    chosen: Lang | None = ctx.find_root().meta.get(_LANG) if ctx else None
    return chosen


def lang_in(args: Sequence[str]) -> Lang:
    """The --lang of a command line, read before click parses it: a usage error may come before --lang."""
    for position, arg in enumerate(args):
        if arg == "--":
            break
        written = arg.partition("=")[2] if arg.startswith("--lang=") else None
        if arg == "--lang" and position + 1 < len(args):
            written = args[position + 1]
        if written is not None:
            try:
                return parse_lang(written)
            except ValueError:
                break  # click names the bad value, in the default language
    return default_lang()


def _store_lang(ctx: click.Context, _param: click.Parameter, value: str | None) -> None:
    if value:
        lang = parse_lang(value)
        ctx.find_root().meta[_LANG] = lang  # the --lang a hint repeats
        use_language(lang)


def lang_option(command: F) -> F:
    """--lang, one of the languages with a catalogue, accepted on the group and on every command."""
    languages = available_languages()
    return click.option(
        "--lang",
        type=click.Choice(languages),
        expose_value=False,
        is_eager=True,
        callback=_store_lang,
        help=N_("Language of the output (default: $XINGTU_SIM_LANG, else from the locale)."),
    )(command)


def _load_rules(_ctx: click.Context, _param: click.Parameter, value: Path | None) -> Rules:
    from xingtu_sim.domain.rules import DEFAULT_RULES  # not needed for --help
    from xingtu_sim.files.rules_toml import read_rules

    return read_rules(value) if value else DEFAULT_RULES


def rules_option(command: F) -> F:
    """--rules FILE (or XINGTU_SIM_RULES): the command receives `rules`, already validated."""
    return click.option(
        "--rules",
        "rules",
        type=click.Path(path_type=Path),
        envvar="XINGTU_SIM_RULES",
        callback=_load_rules,
        metavar="FILE",
        help=N_("TOML file overriding any rule; see `xingtu-sim rules`."),
    )(command)


def use_colour() -> bool | None:
    """No colour with NO_COLOR set; otherwise click decides (colour only on a terminal)."""
    return False if os.environ.get("NO_COLOR") else None


@dataclass(frozen=True)
class Styled:
    """Part of a line with a style of its own (colour, bold), e.g. the task's state on the main path."""

    text: Text
    style: Mapping[str, Any]


def styled(text: Text, **style: Any) -> Styled:
    return Styled(text, style)


def say(*parts: Text | Styled, err: bool = False, nl: bool = True, file: IO[str] | None = None, **style: Any) -> None:
    """Print a line in the reader's language, styled on a terminal and plain when piped or with NO_COLOR.

    Each part is made visible first (a user's control or format characters never show) and styled
    after, so that our own styling survives; click drops the styling where there is no colour.
    """
    lang = current_lang()
    line = "".join(
        _style(part.text, lang, part.style) if isinstance(part, Styled) else _style(part, lang, style) for part in parts
    )
    click.echo(line, err=err, nl=nl, file=file, color=use_colour())


def say_fitted(text: Text, hanging: str = "", err: bool = False, keep_command: bool = False, **style: Any) -> None:
    """Each line of `text` wrapped to the terminal (between English words or Chinese characters), keeping its
    indent (and `hanging` further in after its first line); not wrapped when piped. keep_command: a command
    to type stays whole."""
    width = terminal_width(sys.stderr if err else sys.stdout) - 1
    for paragraph in render(text, current_lang()).split("\n"):
        for line in wrap_text(paragraph, width, hanging, keep_command):
            say(line, err=err, **{name: value for name, value in style.items() if value is not None})


def _style(text: Text, lang: Lang, style: Mapping[str, Any]) -> str:
    shown = visible(render(text, lang))
    return click.style(shown, **style) if style and shown else shown


class BadInput(click.ClickException):
    """Input the simulator cannot use: one clear message in the reader's language, exit 2."""

    exit_code = EXIT_BAD_INPUT

    def __init__(self, message: Text) -> None:
        super().__init__(render(message, current_lang()))
        self.prefix = render(_("Error: "), current_lang())

    def show(self, file: IO[Any] | None = None) -> None:
        _say_error(self.prefix + self.format_message(), file)


class Failed(click.ClickException):
    """A refused action or a failed check: its explanation, exit 1."""

    exit_code = EXIT_FAILED

    def __init__(self, message: Text) -> None:
        super().__init__(render(message, current_lang()))

    def show(self, file: IO[Any] | None = None) -> None:
        _say_error(self.format_message(), file)


def _say_error(message: str, file: IO[Any] | None) -> None:
    """An error on standard error, fitted to the terminal there: a long hint is not cut inside a word."""
    if file is None:
        say_fitted(message, err=True, keep_command=True)
    else:
        say(message, err=True, file=file)


class Interrupted(click.ClickException):
    """Ctrl-C: one line, exit 130 (click alone would print "Aborted!" and exit 1)."""

    exit_code = 128 + signal.SIGINT

    def show(self, file: IO[Any] | None = None) -> None:
        say(self.format_message(), err=True, file=file)


class TerminatedBySignal(Interrupted):
    """SIGTERM: one line, exit 143."""

    exit_code = 128 + signal.SIGTERM


def as_interrupted(interrupt: KeyboardInterrupt) -> Interrupted:
    stopped = TerminatedBySignal if isinstance(interrupt, Terminated) else Interrupted
    return stopped(interrupted_line(interrupt, current_lang()))


def as_failure(error: XingtuError) -> click.ClickException:
    explanation = render_lines(error.lines, current_lang())
    return Failed(explanation) if isinstance(error, ActionRefused) else BadInput(explanation)


class FittedContext(click.Context):
    """A context whose help fits the terminal by columns (click counts characters; Chinese ones take two)."""

    formatter_class = FittedHelp


class TranslatedHelp(click.Command):
    """Help in the reader's language: the docstring, option help, short help and epilog are message ids."""

    context_class = FittedContext

    def format_help_text(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        if self.help:
            formatter.write_paragraph()
            with formatter.indentation():
                formatter.write_text(_translated(inspect.cleandoc(self.help)))

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        records = [_help_record(param, ctx) for param in self.get_params(ctx) if not isinstance(param, click.Argument)]
        rows = [record for record in records if record is not None]
        if rows:
            with formatter.section(_translated(N_("Options"))):
                formatter.write_dl(rows)

    def format_epilog(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        if self.epilog:
            formatter.write_paragraph()
            with formatter.indentation():
                formatter.write_text(_translated(inspect.cleandoc(self.epilog)))

    def get_short_help_str(self, limit: int = 45) -> str:
        if self.short_help:
            return _translated(self.short_help)
        return click.Command.get_short_help_str(self, limit)

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        option = super().get_help_option(ctx)
        if option is not None:  # click builds it once, in the language of the first use
            option.help = N_("Show this message and exit.")
        return option


class XingtuCommand(TranslatedHelp):
    """A command of ours: help in the reader's language."""


# click marks a required option with `_(extra["required"])`, which no extractor can read: its id, marked here.
N_("required")


def _translated(msgid: str) -> str:
    return render(_(msgid), current_lang()) if msgid else msgid


def _help_record(param: click.Parameter, ctx: click.Context) -> tuple[str, str] | None:
    shown = copy.copy(param)
    if isinstance(shown, click.Option) and shown.help:
        shown.help = _translated(inspect.cleandoc(shown.help))
    return shown.get_help_record(ctx)


class XingtuGroup(TranslatedHelp, click.Group):
    """A group of ours: help in the reader's language, its commands too."""

    command_class = XingtuCommand

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        TranslatedHelp.format_options(self, ctx, formatter)
        self.format_commands(ctx, formatter)


@contextmanager
def _exit_codes() -> Iterator[None]:
    """Domain errors and interrupts as the exceptions click shows and exits with."""
    try:
        yield
    except XingtuError as error:
        raise as_failure(error) from None
    except KeyboardInterrupt as interrupt:
        raise as_interrupted(interrupt) from None
    except OSError as error:  # inputs are checked where they are read: this is the output failing
        if error.errno == CLOSED_PIPE:
            discard_stdout()
            raise OutputGone from None
        if error.errno in WRITE_ERRORS:
            discard_stdout()
            reason = why_not_written(error)
            raise BadInput(render(_("Cannot write the output: {reason}.", reason=reason), current_lang())) from None
        raise


class RootGroup(XingtuGroup):
    """The root group: the language known before parsing; errors and interrupts become exit codes, in one place."""

    def main(self, args: Sequence[str] | None = None, *other: Any, **kwargs: Any) -> Any:
        chosen = click_language()
        use_language(lang_in(sys.argv[1:] if args is None else args))
        try:
            with signals_as_interrupts():
                return super().main(args, *other, **kwargs)
        finally:
            use_language(chosen)  # a test's next invocation starts afresh

    def make_context(self, *args: Any, **kwargs: Any) -> click.Context:
        with _exit_codes():
            return super().make_context(*args, **kwargs)

    def invoke(self, ctx: click.Context) -> Any:
        with _exit_codes():
            try:
                result = super().invoke(ctx)
            except click.exceptions.Exit:
                stop_if_signalled()  # a signal swallowed on the way: not the command's own end
                flush_stdout()
                raise
            stop_if_signalled()
            flush_stdout()
            return result


class LazyGroup(RootGroup):
    """A group whose commands are imported only when used: `--help` lists them from a table."""

    def __init__(self, *args: Any, lazy_commands: dict[str, tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lazy_commands = lazy_commands  # name -> (module path, short help message id)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return [*self.lazy_commands, *super().list_commands(ctx)]

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.lazy_commands:
            return super().get_command(ctx, cmd_name)
        module_path, short_help = self.lazy_commands[cmd_name]
        command: click.Command = importlib.import_module(module_path).command
        command.short_help = short_help
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, _translated(short_help)) for name, (_module, short_help) in self.lazy_commands.items()]
        with formatter.section(_translated(N_("Commands"))):
            formatter.write_dl(rows)
