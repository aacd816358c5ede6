"""The sandbox as plain data (ids, not labels) for --json and for the text the CLI prints."""

from __future__ import annotations

from typing import Any

from xingtu_sim.domain.money import format_yuan
from xingtu_sim.domain.task import Task
from xingtu_sim.domain.workspace import Workspace


def account_view(workspace: Workspace) -> dict[str, Any]:
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
        "tasks": len(workspace.tasks),
        "pending_tasks": len(workspace.pending_tasks()),
    }


def inbox_view(workspace: Workspace) -> list[dict[str, Any]]:
    """Every task in the order brands published them."""
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
        for task in workspace
    ]


def task_view(task: Task, workspace: Workspace) -> dict[str, Any]:
    return {
        "task": task.name,
        "brand": task.brand,
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
