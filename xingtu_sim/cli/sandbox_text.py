"""What the sandbox commands print for people: sentences and tables in the reader's language."""

from __future__ import annotations

from pathlib import Path

from xingtu_sim.cli.table import indented, table
from xingtu_sim.domain.account import CreatorAccount
from xingtu_sim.domain.clock import HOURS_PER_DAY
from xingtu_sim.domain.lifecycle import TRIGGERS, Transition
from xingtu_sim.domain.money import format_yuan, service_fee
from xingtu_sim.domain.rules import Rules
from xingtu_sim.domain.task import HistoryEntry, Task
from xingtu_sim.domain.text import N_, Message, _, join, ngettext, pgettext
from xingtu_sim.domain.workspace import Workspace
from xingtu_sim.i18n import Lang, render
from xingtu_sim.sandbox import Counts

PAGE = 50  # tasks per page of the inbox


def clock(hour: int, lang: Lang) -> str:
    """hour 25 (day 2, 01:00)."""
    day, hour_of_day = divmod(hour, HOURS_PER_DAY)
    time = f"{hour_of_day:02d}:00"
    return render(_("hour {hour} (day {day}, {time})", hour=hour, day=day + 1, time=time), lang)


def yuan(fen: int, lang: Lang) -> str:
    return render(_("{amount} yuan", amount=format_yuan(fen)), lang)


def move(transition: Transition, lang: Lang) -> str:
    """How a trainee finds a move to type: its trigger id, what it does, whose move it is."""
    return render(
        _("{trigger} ({action}, {actor})", trigger=transition.trigger, action=transition, actor=transition.actor), lang
    )


def state_lines(task: Task, lang: Lang) -> list[str]:
    """The task's state and, unless it has ended, what can be done now."""
    state = task.state
    if state.mover is None:
        return [render(_("Now {state}: the task has ended.", state=state), lang)]
    lines = [render(_("Now {state}: the {mover}'s move.", state=state, mover=state.mover), lang)]
    possible = [move(t, lang) for t in task.possible_now()]
    if possible:
        lines.append(render(_("Possible now: {actions}.", actions=join(possible)), lang))
    return lines


def moved_lines(
    task: Task, entry: HistoryEntry, before: CreatorAccount, after: CreatorAccount, lang: Lang
) -> list[str]:
    """What one move did: the arrow, what it did to the account, and where the task stands now."""
    row = TRIGGERS[entry.trigger]
    lines = [
        render(
            _(
                '{actor}: {action}. Task "{task}": {source} → {dest}.',
                actor=_ACTOR_HEADINGS[row.actor.id],
                action=row,
                task=task.name,
                source=entry.source,
                dest=entry.dest,
            ),
            lang,
        )
    ]
    if after.balance_fen != before.balance_fen and task.fee_fen is not None:
        lines.append(
            render(
                _(
                    "Paid {net} yuan to the creator (price {price} − fee {fee}); balance {balance} yuan.",
                    net=format_yuan(task.price_fen - task.fee_fen),
                    price=format_yuan(task.price_fen),
                    fee=format_yuan(task.fee_fen),
                    balance=format_yuan(after.balance_fen),
                ),
                lang,
            )
        )
    if after.breaches != before.breaches:
        breaches = ngettext(
            "Cancelled after accepting: a breach; the creator now has {breaches} breach.",
            "Cancelled after accepting: a breach; the creator now has {breaches} breaches.",
            after.breaches,
            breaches=after.breaches,
        )
        lines.append(render(breaches, lang))
    return lines + state_lines(task, lang)


def lapsed_line(task: Task, lang: Lang) -> str:
    entry = task.history[-1]
    return render(
        _(
            'Lapsed at hour {time}: "{task}" ({source} → {dest}); the account is untouched.',
            time=entry.time,
            task=task.name,
            source=entry.source,
            dest=entry.dest,
        ),
        lang,
    )


def rules_line(rules: Rules, lang: Lang) -> str:
    """The rules that matter to a task, in one line."""
    fee = f"{format(rules.service_fee_percent.normalize(), 'f')}%"
    line = _(
        "accept within {hours} hours, {script} script and {video} video change requests, {fee} service fee",
        hours=rules.accept_window_hours,
        script=rules.script_change_limit,
        video=rules.video_change_limit,
        fee=fee,
    )
    return render(line, lang)


def inbox_lines(
    tasks: list[Task], counts: Counts, workspace: Workspace, first: int, command: str, lang: Lang
) -> list[str]:
    """One page of the inbox (`tasks`, from the `first`-th on, counting from 0) and a summary of all;
    `command` is how the user runs the sandbox, for the hints."""
    if not counts.total:
        empty = _("The inbox is empty. A brand offers the creator a task with: {command}", command=command)
        return [render(empty, lang) + " offer TASK --brand BRAND --price AMOUNT"]
    headers = [render(_(heading), lang) for heading in _INBOX_COLUMNS]
    rows = [
        [
            task.name,
            task.brand,
            format_yuan(task.price_fen),
            render(task.state, lang),
            _blank_if_none(task.hours_left),
            render(task.state.mover, lang) if task.state.mover else "",
        ]
        for task in tasks
    ]
    summary = render(
        ngettext(
            "{count} task, {pending} awaiting the creator's decision; it is {clock}.",
            "{count} tasks, {pending} awaiting the creator's decision; it is {clock}.",
            counts.total,
            count=counts.total,
            pending=counts.awaiting_decision,
            clock=clock(workspace.clock.now, lang),
        ),
        lang,
    )
    lines = [*table(rows, headers, right=frozenset({2, 4})), "", summary] if rows else [summary]
    if len(tasks) < counts.total:
        last = first + len(tasks)
        shown = _(
            "Shown: tasks {first} to {last} of {count}; every task with --all.",
            first=first + 1,
            last=last,
            count=counts.total,
        )
        lines.append(render(shown, lang))
        if last < counts.total:
            next_page = f"{command} inbox --page {last // PAGE + 1}"
            lines.append(render(_("Next: {command}", command=next_page), lang))
    return lines


def details_lines(task: Task, rules: Rules, lang: Lang) -> list[str]:
    """What Xingtu's task details page shows: brand, requirements, price, fee and pay, hours left to accept."""
    price = format_yuan(task.price_fen)
    lines = [
        render(
            _(
                'Task "{task}" from brand "{brand}", paying {price} yuan.',
                task=task.name,
                brand=task.brand,
                price=price,
            ),
            lang,
        )
    ]
    requirements = task.requirements or render(_("(none given)"), lang)
    lines.append(render(_("Requirements: {requirements}", requirements=requirements), lang))
    if task.fee_fen is not None:
        net = format_yuan(task.price_fen - task.fee_fen)
        lines.append(
            render(
                _("Service fee {fee} yuan; the creator was paid {net} yuan.", fee=format_yuan(task.fee_fen), net=net),
                lang,
            )
        )
    elif not task.state.terminal:
        fee = service_fee(task.price_fen, rules.service_fee_percent)
        percent = format(rules.service_fee_percent.normalize(), "f")
        net = format_yuan(task.price_fen - fee)
        to_come = _(
            "Platform fee {fee} yuan ({percent}%); the creator would be paid {net} yuan.",
            fee=format_yuan(fee),
            percent=percent,
            net=net,
        )
        lines.append(render(to_come, lang))
    left = task.hours_left
    if left is None:
        lines.append(render(_("Published at hour {hour}.", hour=task.published_at), lang))
    else:
        lines.append(
            render(
                ngettext(
                    "Published at hour {hour}; accept before hour {deadline} ({left} hour left).",
                    "Published at hour {hour}; accept before hour {deadline} ({left} hours left).",
                    left,
                    hour=task.published_at,
                    deadline=task.accept_deadline,
                    left=left,
                ),
                lang,
            )
        )
    return lines


def task_lines(task: Task, rules: Rules, lang: Lang) -> list[str]:
    """One task in detail; `rules` are those it was published under."""
    lines = details_lines(task, rules, lang)
    lines.append(
        render(
            _(
                "Change requests used: script {script} of {script_limit}, video {video} of {video_limit}.",
                script=task.script_changes,
                script_limit=rules.script_change_limit,
                video=task.video_changes,
                video_limit=rules.video_change_limit,
            ),
            lang,
        )
    )
    lines.append(render(_("Published under these rules: {rules}.", rules=rules_line(rules, lang)), lang))
    lines.append(state_lines(task, lang)[0])
    possible = [[t.trigger, render(t, lang), render(t.actor, lang)] for t in task.possible_now()]
    if possible:
        lines += ["", render(_("Possible now:"), lang), *indented(table(possible))]
    lines += ["", render(_("History:"), lang), *indented(_history_table(task, lang))]
    return lines


def account_lines(workspace: Workspace, counts: Counts, path: Path, lang: Lang) -> list[str]:
    account = workspace.account
    needed = workspace.rules.followers_needed(account.platform)
    platform = render(account.platform, lang)
    values = {
        "platform": platform,
        "followers": render(
            _(
                "{followers} ({platform} needs {needed} to open Xingtu)",
                followers=account.followers,
                platform=platform,
                needed=needed,
            ),
            lang,
        ),
        "xingtu": render(_("open") if account.xingtu_open else _("not open"), lang),
        "receiving": render(_("yes") if account.receiving else _("no"), lang),
        "balance": yuan(account.balance_fen, lang),
        "breaches": str(account.breaches),
        "clock": clock(workspace.clock.now, lang),
        "tasks": render(
            _("{count} ({pending} awaiting decision)", count=counts.total, pending=counts.awaiting_decision), lang
        ),
        "rules": rules_line(workspace.rules, lang),
        "file": str(path),
    }
    return table([[render(_ACCOUNT_ROWS[key], lang), value] for key, value in values.items()])


def _history_table(task: Task, lang: Lang) -> list[str]:
    if not task.history:
        return [render(_("(no moves yet)"), lang)]
    headers = [render(_(heading), lang) for heading in _HISTORY_COLUMNS]
    rows = [
        [
            str(entry.time),
            render(TRIGGERS[entry.trigger], lang),
            entry.trigger,
            render(entry.source, lang),
            render(entry.dest, lang),
            render(entry.actor, lang),
        ]
        for entry in task.history
    ]
    return table(rows, headers, right=frozenset({0}))


_INBOX_COLUMNS = (N_("Task"), N_("Brand"), N_("Price (yuan)"), N_("State"), N_("Hours left"), N_("Next move by"))
_HISTORY_COLUMNS = (N_("Hour"), N_("Action"), N_("Trigger"), N_("From"), N_("To"), N_("By"))
_ACCOUNT_ROWS: dict[str, Message] = {
    "platform": _("Platform"),
    "followers": _("Followers"),
    "xingtu": _("Xingtu"),
    "receiving": _("Receiving tasks"),
    "balance": _("Balance"),
    "breaches": _("Breaches"),
    "clock": _("Clock"),
    "tasks": _("Tasks"),
    "rules": _("Rules in force"),
    "file": _("Sandbox file"),
}
# "Creator: accept." starts a sentence: the actor's name capitalized, where a language has capitals.
_ACTOR_HEADINGS = {
    "creator": pgettext("actor, starting a sentence", "Creator"),
    "brand": pgettext("actor, starting a sentence", "Brand"),
    "platform": pgettext("actor, starting a sentence", "Platform"),
}


def _blank_if_none(value: int | None) -> str:
    return "" if value is None else str(value)
