"""What the sandbox commands share: which file, how a move is named, --json."""

from __future__ import annotations

import difflib
import os
import shlex
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from xingtu_sim.cli.base import XingtuCommand, XingtuGroup, chosen_lang, current_lang
from xingtu_sim.domain.errors import InputError, unreadable
from xingtu_sim.domain.lifecycle import TRIGGERS, Actor, Trigger
from xingtu_sim.domain.text import N_, Joined, _, join
from xingtu_sim.i18n import labels, render
from xingtu_sim.sandbox import NoSandbox, UnusableSandbox
from xingtu_sim.steps.context import plain_amount

if TYPE_CHECKING:
    from xingtu_sim.domain.rules import Rules

F = TypeVar("F", bound=Callable[..., Any])
_DB = "xingtu_sim.sandbox_db"
DB_ENV = "XINGTU_SIM_DB"


def _store_db(ctx: click.Context, _param: click.Parameter, value: Path | None) -> None:
    if value is not None:
        ctx.find_root().meta[_DB] = value


def db_option(command: F) -> F:
    """--db PATH, accepted on the group and on every sandbox command."""
    return click.option(
        "--db",
        type=click.Path(path_type=Path),
        expose_value=False,
        callback=_store_db,
        metavar="PATH",
        help=N_("The sandbox file (default: $XINGTU_SIM_DB, else sandbox.sqlite3 in the app folder)."),
    )(command)


def sandbox_path() -> Path:
    """--db, else $XINGTU_SIM_DB, else a file in the user's application folder."""
    return _chosen_path() or default_path()


def command_prefix() -> str:
    """How the user reaches this sandbox again: `xingtu-sim sandbox` with the --db and --lang they gave."""
    parts = ["xingtu-sim", "sandbox"]
    chosen: Path | None = click.get_current_context().find_root().meta.get(_DB)
    if chosen:
        parts += ["--db", str(chosen)]
    lang = chosen_lang()
    if lang:
        parts += ["--lang", lang]
    return shlex.join(parts)


def default_path() -> Path:
    return Path(click.get_app_dir("xingtu-sim")) / "sandbox.sqlite3"


def _chosen_path() -> Path | None:
    chosen: Path | None = click.get_current_context().find_root().meta.get(_DB)
    if chosen:
        return chosen
    return Path(os.environ[DB_ENV]) if os.environ.get(DB_ENV) else None


def make_folder(path: Path) -> Path | None:
    """The folder the new sandbox goes in, made if it is missing: the app folder with its parents, a
    chosen path's last folder only (a typo higher up must not build a tree). The folder made, if any."""
    folder = path.parent
    if folder.is_dir():
        return None
    if _chosen_path() is not None and not folder.parent.is_dir():
        raise InputError(
            _(
                "Cannot create the sandbox {path}: the folder {folder} does not exist. "
                "Create it first, or choose another file with --db.",
                path=path,
                folder=folder.parent,
            )
        )
    try:
        folder.mkdir(parents=True)
    except OSError as error:
        raise InputError(_("Cannot open the sandbox {path}: {error}", path=path, error=unreadable(error))) from None
    return folder


def _rules_or_none(_ctx: click.Context, _param: click.Parameter, value: Path | None) -> Rules | None:
    from xingtu_sim.files.rules_toml import read_rules  # not needed for --help

    return read_rules(value) if value else None


def rules_change_option(command: F) -> F:
    """--rules FILE (or XINGTU_SIM_RULES): the sandbox's rules in force from now on; None if not given."""
    return click.option(
        "--rules",
        "rules",
        type=click.Path(path_type=Path),
        envvar="XINGTU_SIM_RULES",
        callback=_rules_or_none,
        metavar="FILE",
        help=N_(
            "TOML rules the sandbox keeps from now on (tasks already published keep theirs); see `xingtu-sim rules`."
        ),
    )(command)


class TriggerChoice(click.Choice):  # type: ignore[type-arg]
    """A trigger of the lifecycle by its id (or its label); a typo gets the nearest as a hint."""

    name = "trigger"

    def __init__(self) -> None:
        super().__init__(list(TRIGGERS))

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Trigger:
        wanted = str(value).strip().replace("-", "_").casefold()
        for transition in TRIGGERS.values():
            if wanted == transition.trigger or str(value).strip().casefold() in labels(transition):
                return transition.trigger
        lines = [_('"{trigger}" is not an action of the lifecycle.', trigger=value)]
        nearest = difflib.get_close_matches(wanted, list(TRIGGERS), n=1, cutoff=0.5)
        if nearest:
            lines.append(_('Did you mean "{suggestion}"?', suggestion=nearest[0]))
        raise InputError(*lines, _("Actions: {triggers}.", triggers=_every_trigger()))


def _every_trigger() -> Joined:
    """Each move's id with what it does, in the reader's language: view (view details), ..."""
    return join(_("{trigger} ({action})", trigger=t, action=row) for t, row in TRIGGERS.items())


class Yuan(click.ParamType):  # type: ignore[type-arg]
    """An amount in yuan as feature files write it: 8000, 8,000 or 99.90 (the domain checks it)."""

    name = "amount"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        return plain_amount(str(value))


def json_option(command: F) -> F:
    return click.option("--json", "as_json", is_flag=True, help=N_("Print JSON (ids, not labels)."))(command)


class MoveCommand(XingtuCommand):
    """`do`, whose help ends with every TRIGGER grouped by whose move it is, in the reader's language."""

    def format_epilog(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        lang = current_lang()
        lines = ["\b", render(_("TRIGGER, by whose move it is:"), lang)]
        for actor in Actor:
            triggers = ", ".join(t for t, row in TRIGGERS.items() if row.actor is actor)
            lines.append(f"  {render(actor, lang)}: {triggers}")
        formatter.write_paragraph()
        with formatter.indentation():
            formatter.write_text("\n".join(lines))


class SandboxGroup(XingtuGroup):
    """Lists its commands in the order a trainee uses them, not alphabetically; adds the command that
    helps to an error about the file, with the --db and --lang the user gave."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (NoSandbox, UnusableSandbox) as error:
            command = f"{command_prefix()} new --followers 150000"
            if isinstance(error, NoSandbox):
                hint = _("Start one with: {command}", command=command)
            else:
                hint = _(
                    "Choose another file with --db, or move this one away and start again: {command}", command=command
                )
            raise InputError(*error.lines, hint) from None

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(self.commands)
