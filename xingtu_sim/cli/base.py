"""What every command shares: the language, the rules, colour, and errors turned into exit codes."""

from __future__ import annotations

import importlib
import os
import signal
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, TypeVar

import click

from xingtu_sim.cli.output import CLOSED_PIPE, WRITE_ERRORS, OutputGone, discard_stdout, flush_stdout, why_not_written
from xingtu_sim.domain.errors import ActionRefused, XingtuError
from xingtu_sim.domain.text import _
from xingtu_sim.i18n import LANGS, Lang, default_lang, parse_lang, render, text
from xingtu_sim.interrupts import Terminated, interrupted_line, terminate_as_interrupt

if TYPE_CHECKING:
    from xingtu_sim.domain.rules import Rules

EXIT_FAILED = 1  # a scenario, check or action failed
EXIT_BAD_INPUT = 2  # bad input or usage

F = TypeVar("F", bound=Callable[..., Any])
_LANG = "xingtu_sim.lang"


def current_lang() -> Lang:
    """The language chosen with --lang anywhere on the command line, else the locale's."""
    return chosen_lang() or default_lang()


def chosen_lang() -> Lang | None:
    """The language given with --lang on the command line, if it was."""
    ctx = click.get_current_context(silent=True)
    chosen: Lang | None = ctx.find_root().meta.get(_LANG) if ctx else None
    return chosen


def _store_lang(ctx: click.Context, _param: click.Parameter, value: str | None) -> None:
    if value:
        ctx.find_root().meta[_LANG] = parse_lang(value)


def lang_option(command: F) -> F:
    """--lang en|zh-CN, accepted on the group and on every command."""
    return click.option(
        "--lang",
        type=click.Choice(LANGS),
        expose_value=False,
        is_eager=True,
        callback=_store_lang,
        help="Language of the output: en or zh-CN (default: from the locale). 输出语言。",
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
        help="TOML file overriding any rule; see `xingtu-sim rules`. 覆盖默认规则的 TOML 文件。",
    )(command)


def use_colour() -> bool | None:
    """No colour with NO_COLOR set; otherwise click decides (colour only on a terminal)."""
    return False if os.environ.get("NO_COLOR") else None


# Control characters from a user's file or argument (an escape sequence, say) must not reach the terminal.
_UNPRINTABLE = {code: "\ufffd" for code in [*range(0x20), 0x7F, *range(0x80, 0xA0)] if chr(code) not in "\n\t"}


def say(message: str = "", *, err: bool = False, nl: bool = True, file: IO[str] | None = None, **style: Any) -> None:
    """Print a line, styled on a terminal and plain when piped or with NO_COLOR."""
    message = message.translate(_UNPRINTABLE)
    click.echo(click.style(message, **style) if style else message, err=err, nl=nl, file=file, color=use_colour())


class BadInput(click.ClickException):
    """Input the simulator cannot use: one clear message in the reader's language, exit 2."""

    exit_code = EXIT_BAD_INPUT

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.prefix = text("error.prefix", current_lang())

    def show(self, file: IO[Any] | None = None) -> None:
        say(self.prefix + self.format_message(), err=True, file=file)


class Failed(click.ClickException):
    """A refused action or a failed check: its explanation, exit 1."""

    exit_code = EXIT_FAILED

    def show(self, file: IO[Any] | None = None) -> None:
        say(self.format_message(), err=True, file=file)


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
    lang = current_lang()
    if isinstance(error, ActionRefused):
        return Failed(error.describe(lang))
    return BadInput(error.describe(lang))


@contextmanager
def _exit_codes() -> Iterator[None]:
    """Domain errors, usage errors and interrupts as the exceptions click shows and exits with."""
    try:
        yield
    except XingtuError as error:
        raise as_failure(error) from None
    except click.UsageError as error:
        raise _with_hint(error) from None
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


class XingtuGroup(click.Group):
    """The root group: errors and interrupts become exit codes here, in one place, for every command."""

    def main(self, *args: Any, **kwargs: Any) -> Any:
        with terminate_as_interrupt():
            return super().main(*args, **kwargs)

    def make_context(self, *args: Any, **kwargs: Any) -> click.Context:
        with _exit_codes():
            return super().make_context(*args, **kwargs)

    def invoke(self, ctx: click.Context) -> Any:
        with _exit_codes():
            try:
                result = super().invoke(ctx)
            except click.exceptions.Exit:
                flush_stdout()
                raise
            flush_stdout()
            return result


class LazyGroup(XingtuGroup):
    """A group whose commands are imported only when used: `--help` lists them from a table."""

    def __init__(self, *args: Any, lazy_commands: dict[str, tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lazy_commands = lazy_commands  # name -> (module path, short help)

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
        rows = [(name, short_help) for name, (_, short_help) in self.lazy_commands.items()]
        with formatter.section("Commands / 命令"):
            formatter.write_dl(rows)


class _HintedUsageError(click.UsageError):
    pass


def _with_hint(error: click.UsageError) -> click.UsageError:
    """click speaks English; a Chinese reader also gets one line in Chinese."""
    if current_lang() != "zh-CN" or isinstance(error, _HintedUsageError):
        return error
    return _HintedUsageError(f"{error.message}\n{text('error.usage_hint', 'zh-CN')}", ctx=error.ctx)
