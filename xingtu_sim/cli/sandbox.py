"""`xingtu-sim sandbox`: a practice account and task inbox that persist between commands (SQLite)."""

from __future__ import annotations

import getpass
import json
import shlex
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import click

from xingtu_sim.cli import sandbox_text
from xingtu_sim.cli.base import BadInput, XingtuCommand, current_lang, lang_option, say
from xingtu_sim.cli.counts import Followers
from xingtu_sim.cli.output import why_not_written
from xingtu_sim.cli.sandbox_options import (
    MoveCommand,
    SandboxGroup,
    TriggerChoice,
    Yuan,
    command_prefix,
    db_option,
    json_option,
    make_folder,
    rules_change_option,
    sandbox_path,
)
from xingtu_sim.domain.account import CreatorAccount, parse_platform
from xingtu_sim.domain.errors import InputError
from xingtu_sim.domain.lifecycle import Trigger
from xingtu_sim.domain.money import format_yuan
from xingtu_sim.domain.rules import DEFAULT_RULES, Rules
from xingtu_sim.domain.text import N_, Text, _, ngettext
from xingtu_sim.i18n import render
from xingtu_sim.sandbox import DEFAULT_ACCOUNT, SandboxExists, Session, create, parse_duration, reset, session
from xingtu_sim.sandbox.views import account_view, inbox_view, task_view


def _print(lines: Sequence[Text]) -> None:
    for line in lines:
        say(line)


def _print_json(data: object) -> None:
    say(json.dumps(data, ensure_ascii=False, indent=2))


@contextmanager
def _session(rules: Rules | None, *, write: bool = True) -> Iterator[tuple[Session, list[Text]]]:
    """The sandbox's account in one transaction, under `rules` from now on if given; the lines to print first."""
    with session(sandbox_path(), write=write or rules is not None) as current:
        changed = rules is not None and current.use_rules(rules)
        yield (
            current,
            [
                _(
                    "The sandbox keeps these rules from now on; tasks already published "
                    "keep the rules they were published under."
                )
            ]
            if changed
            else [],
        )


@click.group("sandbox", cls=SandboxGroup, short_help=N_("A practice account and task inbox."))
@db_option
@lang_option
def sandbox_group() -> None:
    """Practise the flow: a creator account and task inbox kept between commands (an SQLite file).

    Example:  xingtu-sim sandbox new --followers 150000 && xingtu-sim sandbox open
    """


@sandbox_group.command("new", short_help=N_("Start a new sandbox."))
@click.option(
    "--followers",
    type=Followers(),
    required=True,
    help=N_("The creator's followers: 150000, 150,000 or"),
)
@click.option("--platform", default="douyin", show_default=True, help=N_("douyin, xigua or huoshan"))
@click.option("--force", is_flag=True, help=N_("Replace an existing sandbox."))
@rules_change_option
@db_option
@lang_option
def new_command(followers: int, platform: str, force: bool, rules: Rules | None) -> None:
    """Start a sandbox for a creator with this many followers; Xingtu is not open yet.

    Example:  xingtu-sim sandbox new --followers 150000 --platform douyin
    """
    account = CreatorAccount(followers=followers, platform=parse_platform(platform))
    path = sandbox_path()
    folder = make_folder(path)
    try:
        create(path, account, rules=rules or DEFAULT_RULES, force=force)
    except SandboxExists as error:
        again = f"{command_prefix()} new --followers {followers} --platform {account.platform.value} --force"
        hint = _("To replace it (its tasks are lost): {command}. Or choose another file with --db.", command=again)
        raise InputError(*error.lines, hint) from None
    if folder is not None:
        say(_("Made the folder {folder} for the sandbox.", folder=folder))
    say(
        _(
            "New sandbox in {path}: a {platform} creator with {followers} followers; Xingtu is not open yet.",
            path=path,
            platform=account.platform,
            followers=account.followers,
        )
    )
    opening = f"{command_prefix()} open"
    say(_("Next: {command}", command=opening))


@sandbox_group.command("open", short_help=N_("Open Xingtu."))
@rules_change_option
@db_option
@lang_option
def open_command(rules: Rules | None) -> None:
    """Open Xingtu: refused below the platform's follower threshold. The creator starts receiving tasks.

    Example:  xingtu-sim sandbox open
    """
    with _session(rules) as (current, lines):
        current.open_xingtu()
    _print([*lines, _("Xingtu is open; the creator is receiving tasks.")])


@sandbox_group.command("offer", short_help=N_("A brand offers the creator a task."))
@click.argument("task")
@click.option("--brand", required=True, help=N_("The brand publishing it."))
@click.option("--price", type=Yuan(), required=True, metavar="AMOUNT", help=N_("Price in yuan: 8000, 8,000 or 99.90."))
@click.option("--requirements", default="", metavar="TEXT", help=N_("The brand's main requirements."))
@rules_change_option
@db_option
@lang_option
def offer_command(task: str, brand: str, price: str, requirements: str, rules: Rules | None) -> None:
    """The brand's move: publish TASK to the creator, paying AMOUNT yuan, asking for TEXT. (Not to be
    mistaken for `do publish`, the creator publishing the video.)

    Example:  xingtu-sim sandbox offer "Spring launch" --brand Nike --price 8000 --requirements "a 30 s video"
    """
    lang = current_lang()
    with _session(rules) as (current, lines):
        published = current.publish(task, brand, price, requirements)
        price_yuan = format_yuan(published.price_fen)
        lines += [
            _(
                'Brand "{brand}" published task "{task}" paying {price} yuan: {state}.',
                brand=brand,
                task=task,
                price=price_yuan,
                state=published.state,
            ),
            _(
                "The creator may accept it until hour {deadline}; left alone, it then lapses with no consequence.",
                deadline=published.accept_deadline,
            ),
            *sandbox_text.state_lines(published, lang)[1:],
        ]
    _print(lines)


@sandbox_group.command("do", cls=MoveCommand, short_help=N_("Make a move on a task."))
@click.argument("trigger", type=TriggerChoice(), metavar="TRIGGER")
@click.argument("task")
@rules_change_option
@db_option
@lang_option
def do_command(trigger: Trigger, task: str, rules: Rules | None) -> None:
    """Fire TRIGGER on TASK: any move of the lifecycle, the creator's, the brand's or the platform's.

    Example:  xingtu-sim sandbox do view "Spring launch"
    """
    lang = current_lang()
    with _session(rules) as (current, lines):
        before = current.workspace.account.snapshot()
        moved = current.act(task, trigger)
        said = sandbox_text.moved_lines(moved, moved.history[-1], before, current.workspace.account, lang)
        if trigger is Trigger.VIEW:  # what the real details page shows, under the move that opened it
            said[1:1] = sandbox_text.details_lines(moved, current.rules_of(moved), lang)
        lines += said
    _print(lines)


@sandbox_group.command("wait", short_help=N_("Let simulated time pass."))
@click.argument("duration")
@rules_change_option
@db_option
@lang_option
def wait_command(duration: str, rules: Rules | None) -> None:
    """Move the simulated clock on (25h, 2d, 1d12h); undecided tasks lapse at their deadline.

    Example:  xingtu-sim sandbox wait 1d12h
    """
    hours = parse_duration(duration)
    lang = current_lang()
    with _session(rules) as (current, lines):
        lapsed = current.pass_time(hours)
        now = sandbox_text.clock(current.workspace.clock.now, lang)
        passed = ngettext(
            "{hours} hour passes; it is now {clock}.",
            "{hours} hours pass; it is now {clock}.",
            hours,
            hours=hours,
            clock=now,
        )
        lines += [render(passed, lang)]
        lines += [sandbox_text.lapsed_line(task, lang) for task in lapsed] or [render(_("No task lapsed."), lang)]
    _print(lines)


@sandbox_group.command("inbox", short_help=N_("List the tasks."))
@click.option("--page", type=click.IntRange(min=1), default=1, show_default=True, help=N_("Which page."))
@click.option("--all", "every", is_flag=True, help=N_("Every task on one page."))
@json_option
@rules_change_option
@db_option
@lang_option
def inbox_command(page: int, every: bool, as_json: bool, rules: Rules | None) -> None:
    """The tasks brands published to the creator, 50 a page: those awaiting a decision first, then
    those in progress, then those ended; each with its state and the hours left to decide.

    Example:  xingtu-sim sandbox inbox --page 2
    """
    with _session(rules, write=False) as (current, lines):
        first, limit = (
            (0, -1) if every else ((page - 1) * sandbox_text.PAGE, sandbox_text.PAGE)
        )  # SQLite reads LIMIT -1 as no limit
        tasks = current.tasks(offset=first, limit=limit)
        if as_json:
            _print_json(inbox_view(tasks, current.workspace))
            return
        counts = current.counts()
        lines += sandbox_text.inbox_lines(tasks, counts, current.workspace, first, command_prefix(), current_lang())
    _print(lines)


@sandbox_group.command("show", short_help=N_("One task in detail, with its history."))
@click.argument("task")
@json_option
@rules_change_option
@db_option
@lang_option
def show_command(task: str, as_json: bool, rules: Rules | None) -> None:
    """One task: its state, what can be done now, and every move so far.

    Example:  xingtu-sim sandbox show "Spring launch"
    """
    with _session(rules, write=False) as (current, lines):
        found = current.task(task)
        if as_json:
            _print_json(task_view(found, current.workspace, current.rules_of(found)))
            return
        lines += sandbox_text.task_lines(found, current.rules_of(found), current_lang())
    _print(lines)


@sandbox_group.command("account", short_help=N_("The creator's account."))
@json_option
@rules_change_option
@db_option
@lang_option
def account_command(as_json: bool, rules: Rules | None) -> None:
    """The creator's account: followers, Xingtu open or not, receiving, balance, breaches, the clock.

    Example:  xingtu-sim sandbox account --json
    """
    with _session(rules, write=False) as (current, lines):
        if as_json:
            _print_json(account_view(current.workspace, current.counts()))
            return
        lines += sandbox_text.account_lines(current.workspace, current.counts(), current.path, current_lang())
    _print(lines)


@sandbox_group.command("stop-receiving", short_help=N_("Stop receiving tasks."))
@rules_change_option
@db_option
@lang_option
def stop_receiving_command(rules: Rules | None) -> None:
    """Stop receiving tasks: brands can no longer publish to the creator.

    Example:  xingtu-sim sandbox stop-receiving
    """
    with _session(rules) as (current, lines):
        current.stop_receiving()
    _print([*lines, _("The creator stopped receiving tasks; brands cannot publish new ones until it resumes.")])


@sandbox_group.command("resume-receiving", short_help=N_("Resume receiving tasks."))
@rules_change_option
@db_option
@lang_option
def resume_receiving_command(rules: Rules | None) -> None:
    """Resume receiving tasks after stopping.

    Example:  xingtu-sim sandbox resume-receiving
    """
    with _session(rules) as (current, lines):
        current.resume_receiving()
    _print([*lines, _("The creator is receiving tasks again.")])


@sandbox_group.command("reset", short_help=N_("Start the sandbox over."))
@click.option("--force", is_flag=True, help=N_("Yes, delete every task."))
@db_option
@lang_option
def reset_command(force: bool) -> None:
    """Start over with the same followers, platform and rules: Xingtu closed, no tasks, hour 0.
    Every task and move is lost, so it needs --force.

    Example:  xingtu-sim sandbox reset --force
    """
    if not force:
        with session(sandbox_path(), write=False) as current:
            count = current.counts().total
        lost = ngettext(
            "Starting over deletes the sandbox's {count} task and its history, its balance and its clock.",
            "Starting over deletes the sandbox's {count} tasks and their history, its balance and its clock.",
            count,
            count=count,
        )
        command = command_prefix() + " reset --force"
        again = _("To start over: {command}", command=command)
        raise InputError(lost, again)
    account = reset(sandbox_path())
    say(
        _(
            "The sandbox starts over: a {platform} creator with {followers} "
            "followers, Xingtu not open, no tasks, hour 0.",
            platform=account.platform,
            followers=account.followers,
        )
    )
    opening = f"{command_prefix()} open"
    say(_("Next: {command}", command=opening))


@sandbox_group.command("record", short_help=N_("The practice as a feature file."))
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="FILE",
    help=N_("Write the feature file to FILE instead of printing it."),
)
@click.option("--name", metavar="NAME", help=N_("Who practised, for the scenario's name (default: your login name)."))
@click.option(
    "--lessons",
    "lesson_paths",
    multiple=True,
    type=click.Path(path_type=Path),
    metavar="PATH",
    help=N_("A trainer's lesson files or folders, if the practice is one of their lessons."),
)
@db_option
@lang_option
def record_command(output: Path | None, name: str | None, lesson_paths: tuple[Path, ...]) -> None:
    """Write the practice as a feature file: every move since `new` or `reset` (or since the lesson
    started last in the web console), each refusal, and the state reached; for a lesson, its goal.
    It runs with `xingtu-sim run`: green exactly when the practice reached what it records.

    Example:  xingtu-sim sandbox record --output my_practice.feature && xingtu-sim run my_practice.feature
    """
    # Lessons are read by the runner's parser, which only this command needs: imported here, not for every move.
    from xingtu_sim.lessons import bundled_lessons, read_lessons
    from xingtu_sim.sandbox.practice import NotRecorded, recording

    lang = current_lang()
    offered = bundled_lessons() + (read_lessons(list(lesson_paths)) if lesson_paths else [])
    trainee = name.strip() if name and name.strip() else _login_name()
    try:
        recorded = recording(sandbox_path(), DEFAULT_ACCOUNT, offered, lang, trainee)
    except NotRecorded as error:
        again = _("To record from a fresh start: {command}", command=command_prefix() + " reset --force")
        raise InputError(*error.lines, again) from None
    if output is None:
        say(recorded.text, nl=False)
        return
    try:
        output.write_text(recorded.text, encoding="utf-8")
    except OSError as error:
        said = _("Cannot write {path}: {reason}.", path=output, reason=why_not_written(error))
        raise BadInput(render(said, lang)) from None
    say(_("Wrote {path}. Run it: {command}", path=output, command=shlex.join(["xingtu-sim", "run", str(output)])))


def _login_name() -> str:
    """The user's login name, or "trainee" where the system has none to give."""
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no $USER and no entry in the password database (a bare container)
        return "trainee"


def _old_publish(**values: object) -> None:
    """`sandbox publish`, the old name of `offer`: kept for one release, says so on stderr."""
    command = command_prefix() + " offer"
    renamed = _(
        "Note: `sandbox publish` is now `{command}` (`do publish` is the creator publishing the video); the old "
        "name goes away in the next release.",
        command=command,
    )
    say(renamed, err=True)
    offer_command.callback(**values)  # type: ignore[misc]


# The brand's move shared a word with `do publish` (the creator publishing the video): it is `offer` now.
_OLD_PUBLISH_HELP = N_(
    "The old name of `offer`, kept for one release: the brand publishes TASK to the creator.\n\n"
    'Example:  xingtu-sim sandbox offer "Spring launch" --brand Nike --price 8000'
)
sandbox_group.add_command(
    XingtuCommand("publish", callback=_old_publish, params=offer_command.params, help=_OLD_PUBLISH_HELP, hidden=True)
)


command = sandbox_group  # what the root group's lazy table imports
