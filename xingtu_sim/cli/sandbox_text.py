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
from xingtu_sim.domain.text import _
from xingtu_sim.domain.workspace import Workspace
from xingtu_sim.i18n import Lang, join, render, text
from xingtu_sim.sandbox import Counts

PAGE = 50  # tasks per page of the inbox


def clock(hour: int, lang: Lang) -> str:
    """hour 25 (day 2, 01:00)."""
    day, hour_of_day = divmod(hour, HOURS_PER_DAY)
    return text("sandbox.clock", lang, hour=hour, day=day + 1, time=f"{hour_of_day:02d}:00")


def yuan(fen: int, lang: Lang) -> str:
    return text("sandbox.yuan", lang, amount=format_yuan(fen))


def move(transition: Transition, lang: Lang) -> str:
    """How a trainee finds a move to type: its trigger id, what it does, whose move it is."""
    return text(
        "sandbox.move",
        lang,
        trigger=transition.trigger,
        action=transition.label(lang),
        actor=transition.actor.label(lang),
    )


def state_lines(task: Task, lang: Lang) -> list[str]:
    """The task's state and, unless it has ended, what can be done now."""
    state = task.state
    if state.mover is None:
        return [text("sandbox.ended", lang, state=state.label(lang))]
    lines = [text("sandbox.state_now", lang, state=state.label(lang), mover=state.mover.label(lang))]
    possible = [move(t, lang) for t in task.possible_now()]
    if possible:
        lines.append(text("refused.now", lang, actions=join(possible, lang)))
    return lines


def moved_lines(
    task: Task, entry: HistoryEntry, before: CreatorAccount, after: CreatorAccount, lang: Lang
) -> list[str]:
    """What one move did: the arrow, what it did to the account, and where the task stands now."""
    row = TRIGGERS[entry.trigger]
    lines = [
        text(
            "sandbox.moved",
            lang,
            actor=_capitalized(row.actor.label(lang)),
            action=row.label(lang),
            task=task.name,
            source=entry.source.label(lang),
            dest=entry.dest.label(lang),
        )
    ]
    if after.balance_fen != before.balance_fen and task.fee_fen is not None:
        lines.append(
            text(
                "sandbox.paid",
                lang,
                net=format_yuan(task.price_fen - task.fee_fen),
                price=format_yuan(task.price_fen),
                fee=format_yuan(task.fee_fen),
                balance=format_yuan(after.balance_fen),
            )
        )
    if after.breaches != before.breaches:
        lines.append(text("sandbox.breach", lang, breaches=after.breaches))
    return lines + state_lines(task, lang)


def lapsed_line(task: Task, lang: Lang) -> str:
    entry = task.history[-1]
    return text(
        "sandbox.lapsed",
        lang,
        time=entry.time,
        task=task.name,
        source=entry.source.label(lang),
        dest=entry.dest.label(lang),
    )


def rules_line(rules: Rules, lang: Lang) -> str:
    """The rules that matter to a task, in one line."""
    return text(
        "sandbox.rules",
        lang,
        hours=rules.accept_window_hours,
        script=rules.script_change_limit,
        video=rules.video_change_limit,
        fee=format(rules.service_fee_percent.normalize(), "f"),
    )


def inbox_lines(
    tasks: list[Task], counts: Counts, workspace: Workspace, first: int, command: str, lang: Lang
) -> list[str]:
    """One page of the inbox (`tasks`, from the `first`-th on, counting from 0) and a summary of all;
    `command` is how the user runs the sandbox, for the hints."""
    if not counts.total:
        empty = _("The inbox is empty. A brand offers the creator a task with: {command}", command=command)
        return [render(empty, lang) + " offer TASK --brand BRAND --price AMOUNT"]
    headers = [text(f"sandbox.col.{key}", lang) for key in ("task", "brand", "price", "state", "hours_left", "next")]
    rows = [
        [
            task.name,
            task.brand,
            format_yuan(task.price_fen),
            task.state.label(lang),
            _blank_if_none(task.hours_left),
            task.state.mover.label(lang) if task.state.mover else "",
        ]
        for task in tasks
    ]
    summary = text(
        "sandbox.inbox.summary",
        lang,
        count=counts.total,
        pending=counts.awaiting_decision,
        clock=clock(workspace.clock.now, lang),
    )
    lines = [*table(rows, headers, right=frozenset({2, 4})), "", summary] if rows else [summary]
    if len(tasks) < counts.total:
        last = first + len(tasks)
        shown = _("Shown: tasks {first} to {last} of {count}; every task with --all.", count=counts.total)
        lines.append(render(_(shown.msgid, first=first + 1, last=last, count=counts.total), lang))
        if last < counts.total:
            lines.append(text("sandbox.next", lang, command=f"{command} inbox --page {last // PAGE + 1}"))
    return lines


def details_lines(task: Task, rules: Rules, lang: Lang) -> list[str]:
    """What Xingtu's task details page shows: brand, requirements, price, fee and pay, hours left to accept."""
    price = format_yuan(task.price_fen)
    lines = [text("sandbox.show.title", lang, task=task.name, brand=task.brand, price=price)]
    requirements = task.requirements or text("sandbox.show.no_requirements", lang)
    lines.append(text("sandbox.show.requirements", lang, requirements=requirements))
    if task.fee_fen is not None:
        net = format_yuan(task.price_fen - task.fee_fen)
        lines.append(text("sandbox.show.fee", lang, fee=format_yuan(task.fee_fen), net=net))
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
        lines.append(text("sandbox.show.published", lang, hour=task.published_at))
    else:
        lines.append(
            text("sandbox.show.deadline", lang, hour=task.published_at, deadline=task.accept_deadline, left=left)
        )
    return lines


def task_lines(task: Task, rules: Rules, lang: Lang) -> list[str]:
    """One task in detail; `rules` are those it was published under."""
    lines = details_lines(task, rules, lang)
    lines.append(
        text(
            "sandbox.show.changes",
            lang,
            script=task.script_changes,
            script_limit=rules.script_change_limit,
            video=task.video_changes,
            video_limit=rules.video_change_limit,
        )
    )
    lines.append(text("sandbox.show.rules", lang, rules=rules_line(rules, lang)))
    lines.append(state_lines(task, lang)[0])
    possible = [[t.trigger, t.label(lang), t.actor.label(lang)] for t in task.possible_now()]
    if possible:
        lines += ["", text("sandbox.show.possible", lang), *indented(table(possible))]
    lines += ["", text("sandbox.show.history", lang), *indented(_history_table(task, lang))]
    return lines


def account_lines(workspace: Workspace, counts: Counts, path: Path, lang: Lang) -> list[str]:
    account = workspace.account
    needed = workspace.rules.followers_needed(account.platform)
    platform = account.platform.label(lang)
    values = {
        "platform": platform,
        "followers": text(
            "sandbox.followers_value", lang, followers=account.followers, platform=platform, needed=needed
        ),
        "xingtu": text("sandbox.open" if account.xingtu_open else "sandbox.not_open", lang),
        "receiving": text("sandbox.yes" if account.receiving else "sandbox.no", lang),
        "balance": yuan(account.balance_fen, lang),
        "breaches": str(account.breaches),
        "clock": clock(workspace.clock.now, lang),
        "tasks": text("sandbox.tasks_value", lang, count=counts.total, pending=counts.awaiting_decision),
        "rules": rules_line(workspace.rules, lang),
        "file": str(path),
    }
    return table([[text(f"sandbox.account.{key}", lang), value] for key, value in values.items()])


def _history_table(task: Task, lang: Lang) -> list[str]:
    if not task.history:
        return [text("sandbox.show.no_history", lang)]
    headers = [text(f"sandbox.col.{key}", lang) for key in ("hour", "action", "trigger", "from", "to", "by")]
    rows = [
        [
            str(entry.time),
            TRIGGERS[entry.trigger].label(lang),
            entry.trigger,
            entry.source.label(lang),
            entry.dest.label(lang),
            entry.actor.label(lang),
        ]
        for entry in task.history
    ]
    return table(rows, headers, right=frozenset({0}))


def _capitalized(label: str) -> str:
    return label[:1].upper() + label[1:]


def _blank_if_none(value: int | None) -> str:
    return "" if value is None else str(value)
