"""The sandbox as plain data (ids, not labels) for --json and for the text the CLI prints."""

from __future__ import annotations

from typing import Any

from xingtu_sim.domain.account import Platform
from xingtu_sim.domain.money import format_yuan
from xingtu_sim.domain.rules import Rules
from xingtu_sim.domain.task import Task
from xingtu_sim.domain.workspace import Workspace
from xingtu_sim.sandbox.session import Counts


def rules_view(rules: Rules) -> dict[str, Any]:
    return {
        "accept_window_hours": rules.accept_window_hours,
        "script_change_limit": rules.script_change_limit,
        "video_change_limit": rules.video_change_limit,
        "service_fee_percent": format(rules.service_fee_percent, "f"),
        "followers_to_open": {platform.value: rules.followers_needed(platform) for platform in Platform},
    }


def account_view(workspace: Workspace, counts: Counts) -> dict[str, Any]:
    account = workspace.account
    return {
        "followers": account.followers,
        "platform": account.platform.value,
        "open": account.xingtu_open,
        "receiving": account.receiving,
        "balance_yuan": format_yuan(account.balance_fen),
        "breaches": account.breaches,
        "followers_needed": workspace.rules.followers_needed(account.platform),
        "clock_hour": workspace.clock.now,
        "tasks": counts.total,
        "pending_tasks": counts.awaiting_decision,
        "rules": rules_view(workspace.rules),
    }


def inbox_view(tasks: list[Task], workspace: Workspace) -> list[dict[str, Any]]:
    """These tasks, in the order given."""
    return [
        {
            "task": task.name,
            "brand": task.brand,
            "price_yuan": format_yuan(task.price_fen),
            "state": task.state.id,
            "hours_left": task.hours_left,
            "whose_move": task.state.mover.value if task.state.mover else None,
            "published_at": task.published_at,
        }
        for task in tasks
    ]


def task_view(task: Task, workspace: Workspace, rules: Rules) -> dict[str, Any]:
    """One task; `rules` are those it was published under."""
    return {
        "task": task.name,
        "brand": task.brand,
        "requirements": task.requirements,
        "price_yuan": format_yuan(task.price_fen),
        "state": task.state.id,
        "whose_move": task.state.mover.value if task.state.mover else None,
        "allowed": [transition.trigger for transition in task.possible_now()],
        "published_at": task.published_at,
        "accept_deadline": task.accept_deadline,
        "hours_left": task.hours_left,
        "script_changes": task.script_changes,
        "video_changes": task.video_changes,
        "fee_yuan": None if task.fee_fen is None else format_yuan(task.fee_fen),
        "net_yuan": None if task.fee_fen is None else format_yuan(task.price_fen - task.fee_fen),
        "clock_hour": workspace.clock.now,
        "rules": rules_view(rules),
        "history": [
            {
                "time": entry.time,
                "trigger": entry.trigger,
                "from": entry.source.id,
                "to": entry.dest.id,
                "actor": entry.actor.value,
            }
            for entry in task.history
        ],
    }
