"""`xingtu-sim sandbox`: a practice account and task inbox that persist between commands (SQLite)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager

import click

from xingtu_sim.cli import sandbox_text
from xingtu_sim.cli.base import current_lang, lang_option, say
from xingtu_sim.cli.sandbox_options import (
    Followers,
    SandboxGroup,
    TriggerChoice,
    Yuan,
    command_prefix,
    db_option,
    json_option,
    make_folder,
    rules_change_option,
    sandbox_path,
    triggers_by_actor,
)
from xingtu_sim.domain.account import CreatorAccount, parse_platform
from xingtu_sim.domain.errors import InputError, message
from xingtu_sim.domain.lifecycle import Trigger
from xingtu_sim.domain.money import format_yuan
from xingtu_sim.domain.rules import DEFAULT_RULES, Rules
from xingtu_sim.domain.text import _, ngettext
from xingtu_sim.i18n import render
from xingtu_sim.sandbox import SandboxExists, Session, create, parse_duration, reset, session
from xingtu_sim.sandbox.store import said
from xingtu_sim.sandbox.views import account_view, inbox_view, task_view


def _text(key: str, **values: object) -> str:
    return message(key, **values)(current_lang())


def _say(key: str, **values: object) -> None:
    say(_text(key, **values))


def _print(lines: list[str]) -> None:
    for line in lines:
        say(line)


def _print_json(data: object) -> None:
    say(json.dumps(data, ensure_ascii=False, indent=2))


@contextmanager
def _session(rules: Rules | None, *, write: bool = True) -> Iterator[tuple[Session, list[str]]]:
    """The sandbox's account in one transaction, under `rules` from now on if given; the lines to print first."""
    with session(sandbox_path(), write=write or rules is not None) as current:
        changed = rules is not None and current.use_rules(rules)
        yield current, [_text("sandbox.rules_changed")] if changed else []


@click.group("sandbox", cls=SandboxGroup, short_help="A practice account and task inbox. 练习账户与任务收件箱。")
@db_option
@lang_option
def sandbox_group() -> None:
    """Practise the flow: a creator account and task inbox kept between commands (an SQLite file).

    练习完整流程：达人账户与任务收件箱，在命令之间保存（SQLite 文件）。

    Example / 示例:  xingtu-sim sandbox new --followers 150000 && xingtu-sim sandbox open
    """


@sandbox_group.command("new", short_help="Start a new sandbox. 新建练习沙盒。")
@click.option(
    "--followers",
    type=Followers(),
    required=True,
    help="The creator's followers: 150000, 150,000 or 15万. 达人的粉丝数。",
)
@click.option("--platform", default="douyin", show_default=True, help="douyin, xigua or huoshan (抖音/西瓜/火山).")
@click.option("--force", is_flag=True, help="Replace an existing sandbox. 替换已有的沙盒。")
@rules_change_option
@db_option
@lang_option
def new_command(followers: int, platform: str, force: bool, rules: Rules | None) -> None:
    """Start a sandbox for a creator with this many followers; Xingtu is not open yet.

    为一位拥有指定粉丝数的达人新建练习沙盒；此时尚未开通星图。

    Example / 示例:  xingtu-sim sandbox new --followers 150000 --platform douyin
    """
    account = CreatorAccount(followers=followers, platform=parse_platform(platform))
    path = sandbox_path()
    folder = make_folder(path)
    try:
        create(path, account, rules=rules or DEFAULT_RULES, force=force)
    except SandboxExists as error:
        again = f"{command_prefix()} new --followers {followers} --platform {account.platform.value} --force"
        hint = _("To replace it (its tasks are lost): {command}. Or choose another file with --db.", command=again)
        raise InputError(*error.lines, said(hint)) from None
    if folder is not None:
        _say("sandbox.made_folder", folder=folder)
    _say("sandbox.created", path=path, platform=account.platform, followers=account.followers)
    _say("sandbox.next", command=f"{command_prefix()} open")


@sandbox_group.command("open", short_help="Open Xingtu. 开通星图。")
@rules_change_option
@db_option
@lang_option
def open_command(rules: Rules | None) -> None:
    """Open Xingtu: refused below the platform's follower threshold. The creator starts receiving tasks.

    开通星图：粉丝数低于平台门槛时会被拒绝。开通后达人开始接收任务。

    Example / 示例:  xingtu-sim sandbox open
    """
    with _session(rules) as (current, lines):
        current.open_xingtu()
    _print([*lines, _text("sandbox.opened")])


@sandbox_group.command("offer", short_help="A brand offers the creator a task. 品牌方向达人发布任务。")
@click.argument("task")
@click.option("--brand", required=True, help="The brand publishing it. 发布任务的品牌方。")
@click.option(
    "--price", type=Yuan(), required=True, metavar="AMOUNT", help="Price in yuan: 8000, 8,000 or 99.90. 报酬（元）。"
)
@click.option(
    "--requirements", default="", metavar="TEXT", help="The brand's main requirements. 品牌方（广告主）的主要需求。"
)
@rules_change_option
@db_option
@lang_option
def offer_command(task: str, brand: str, price: str, requirements: str, rules: Rules | None) -> None:
    """The brand's move: publish TASK to the creator, paying AMOUNT yuan, asking for TEXT. (Not to be
    mistaken for `do publish`, the creator publishing the video.)

    品牌方的操作：向达人发布任务 TASK，报酬 AMOUNT 元，需求为 TEXT。（不同于达人发布视频的 `do publish`。）

    Example / 示例:  xingtu-sim sandbox offer "Spring launch" --brand Nike --price 8000 --requirements "a 30 s video"
    """
    lang = current_lang()
    with _session(rules) as (current, lines):
        published = current.publish(task, brand, price, requirements)
        price_yuan = format_yuan(published.price_fen)
        lines += [
            _text("sandbox.published", brand=brand, task=task, price=price_yuan, state=published.state),
            _text("sandbox.accept_by", deadline=published.accept_deadline),
            *sandbox_text.state_lines(published, lang)[1:],
        ]
    _print(lines)


@sandbox_group.command("do", short_help="Make a move on a task. 对任务执行操作。", epilog=triggers_by_actor())
@click.argument("trigger", type=TriggerChoice(), metavar="TRIGGER")
@click.argument("task")
@rules_change_option
@db_option
@lang_option
def do_command(trigger: Trigger, task: str, rules: Rules | None) -> None:
    """Fire TRIGGER on TASK: any move of the lifecycle, the creator's, the brand's or the platform's.

    对任务 TASK 执行操作 TRIGGER：任务流程中的任何操作，达人、品牌方或平台的均可。

    Example / 示例:  xingtu-sim sandbox do view "Spring launch"
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


@sandbox_group.command("wait", short_help="Let simulated time pass. 让模拟时间流逝。")
@click.argument("duration")
@rules_change_option
@db_option
@lang_option
def wait_command(duration: str, rules: Rules | None) -> None:
    """Move the simulated clock on (25h, 2d, 1d12h); undecided tasks lapse at their deadline.

    推进模拟时钟（25h、2d、1d12h）；未决定的任务到期即失效。

    Example / 示例:  xingtu-sim sandbox wait 1d12h
    """
    hours = parse_duration(duration)
    lang = current_lang()
    with _session(rules) as (current, lines):
        lapsed = current.pass_time(hours)
        lines += [_text("sandbox.waited", hours=hours, clock=sandbox_text.clock(current.workspace.clock.now, lang))]
        lines += [sandbox_text.lapsed_line(task, lang) for task in lapsed] or [_text("sandbox.none_lapsed")]
    _print(lines)


@sandbox_group.command("inbox", short_help="List the tasks. 列出任务。")
@click.option("--page", type=click.IntRange(min=1), default=1, show_default=True, help="Which page. 第几页。")
@click.option("--all", "every", is_flag=True, help="Every task on one page. 在一页中列出全部任务。")
@json_option
@rules_change_option
@db_option
@lang_option
def inbox_command(page: int, every: bool, as_json: bool, rules: Rules | None) -> None:
    """The tasks brands published to the creator, 50 a page: those awaiting a decision first, then
    those in progress, then those ended; each with its state and the hours left to decide.

    品牌方发布给达人的任务，每页 50 个：先列待决定的，再列进行中的，最后是已结束的；附状态与剩余决定时间。

    Example / 示例:  xingtu-sim sandbox inbox --page 2
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


@sandbox_group.command("show", short_help="One task in detail, with its history. 查看任务详情与历史。")
@click.argument("task")
@json_option
@rules_change_option
@db_option
@lang_option
def show_command(task: str, as_json: bool, rules: Rules | None) -> None:
    """One task: its state, what can be done now, and every move so far.

    查看一个任务：当前状态、现在可执行的操作，以及全部历史记录。

    Example / 示例:  xingtu-sim sandbox show "Spring launch"
    """
    with _session(rules, write=False) as (current, lines):
        found = current.task(task)
        if as_json:
            _print_json(task_view(found, current.workspace, current.rules_of(found)))
            return
        lines += sandbox_text.task_lines(found, current.rules_of(found), current_lang())
    _print(lines)


@sandbox_group.command("account", short_help="The creator's account. 达人账户。")
@json_option
@rules_change_option
@db_option
@lang_option
def account_command(as_json: bool, rules: Rules | None) -> None:
    """The creator's account: followers, Xingtu open or not, receiving, balance, breaches, the clock.

    达人账户：粉丝数、是否开通星图、是否接收任务、余额、违约次数、当前时间。

    Example / 示例:  xingtu-sim sandbox account --json
    """
    with _session(rules, write=False) as (current, lines):
        if as_json:
            _print_json(account_view(current.workspace, current.counts()))
            return
        lines += sandbox_text.account_lines(current.workspace, current.counts(), current.path, current_lang())
    _print(lines)


@sandbox_group.command("stop-receiving", short_help="Stop receiving tasks. 关闭接收任务。")
@rules_change_option
@db_option
@lang_option
def stop_receiving_command(rules: Rules | None) -> None:
    """Stop receiving tasks: brands can no longer publish to the creator.

    关闭接收任务：品牌方将无法再向达人发布任务。

    Example / 示例:  xingtu-sim sandbox stop-receiving
    """
    with _session(rules) as (current, lines):
        current.stop_receiving()
    _print([*lines, _text("sandbox.stopped")])


@sandbox_group.command("resume-receiving", short_help="Resume receiving tasks. 开启接收任务。")
@rules_change_option
@db_option
@lang_option
def resume_receiving_command(rules: Rules | None) -> None:
    """Resume receiving tasks after stopping.

    关闭后重新开启接收任务。

    Example / 示例:  xingtu-sim sandbox resume-receiving
    """
    with _session(rules) as (current, lines):
        current.resume_receiving()
    _print([*lines, _text("sandbox.resumed")])


@sandbox_group.command("reset", short_help="Start the sandbox over. 重置练习沙盒。")
@click.option("--force", is_flag=True, help="Yes, delete every task. 确认删除全部任务。")
@db_option
@lang_option
def reset_command(force: bool) -> None:
    """Start over with the same followers, platform and rules: Xingtu closed, no tasks, hour 0.
    Every task and move is lost, so it needs --force.

    以相同的粉丝数、平台和规则重新开始：未开通星图，没有任务，回到第 0 小时。所有任务都会丢失，因此需要 --force。

    Example / 示例:  xingtu-sim sandbox reset --force
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
        raise InputError(said(lost), said(again))
    account = reset(sandbox_path())
    _say("sandbox.reset", platform=account.platform, followers=account.followers)
    _say("sandbox.next", command=f"{command_prefix()} open")


def _old_publish(**values: object) -> None:
    """`sandbox publish`, the old name of `offer`: kept for one release, says so on stderr."""
    command = command_prefix() + " offer"
    renamed = _(
        "Note: `sandbox publish` is now `{command}` (`do publish` is the creator publishing the video); the old "
        "name goes away in the next release.",
        command=command,
    )
    say(render(renamed, current_lang()), err=True)
    offer_command.callback(**values)  # type: ignore[misc]


# The brand's move shared a word with `do publish` (the creator publishing the video): it is `offer` now.
_OLD_PUBLISH_HELP = """The old name of `offer`, kept for one release: the brand publishes TASK to the creator.

`offer` 的旧名称，保留一个版本：品牌方向达人发布任务 TASK。

Example / 示例:  xingtu-sim sandbox offer "Spring launch" --brand Nike --price 8000
"""
sandbox_group.add_command(
    click.Command("publish", callback=_old_publish, params=offer_command.params, help=_OLD_PUBLISH_HELP, hidden=True)
)


command = sandbox_group  # what the root group's lazy table imports
