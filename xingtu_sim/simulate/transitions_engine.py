"""The transitions engine: each task is a real Task in its own Workspace, moved by the shared Machine."""

from __future__ import annotations

from collections.abc import Callable

from xingtu_sim.domain.account import CreatorAccount, Platform
from xingtu_sim.domain.lifecycle import State
from xingtu_sim.domain.money import fen_to_yuan
from xingtu_sim.domain.rules import Rules
from xingtu_sim.domain.task import Task
from xingtu_sim.domain.workspace import Workspace
from xingtu_sim.simulate.choices import Choices, hours_taken
from xingtu_sim.simulate.draws import Draws
from xingtu_sim.simulate.outcomes import UNFINISHED, Outcomes, code_of
from xingtu_sim.simulate.policy import Policy


def simulate_with_transitions(
    orders: int, seed: int, policy: Policy, rules: Rules, progress: Callable[[int], None] | None = None
) -> Outcomes:
    """Every task in lock-step, one move per step, with the real guards, clock and effects."""
    choices, draws = Choices.of(policy), Draws(seed, orders)
    workspaces = [
        _publish(rules, number, choices.price_fen(draw)) for number, draw in enumerate(draws.prices().tolist())
    ]
    moving = list(range(orders))
    for _ in range(policy.max_steps):
        if not moving:
            break
        move_draws, hour_draws = (block.tolist() for block in draws.step())
        still = [
            number for number in moving if _move(workspaces[number], choices, move_draws[number], hour_draws[number])
        ]
        if progress:
            progress(len(moving) - len(still))
        moving = still
    if progress and moving:
        progress(len(moving))
    return _outcomes(workspaces)


def _publish(rules: Rules, number: int, price_fen: int) -> Workspace:
    """A fresh creator who has just opened Xingtu, and one task published to them at hour 0."""
    workspace = Workspace(CreatorAccount(followers=rules.followers_needed(Platform.DOUYIN)), rules)
    workspace.open_xingtu()
    workspace.publish(f"task {number}", "brand", fen_to_yuan(price_fen))
    return workspace


def _the_task(workspace: Workspace) -> Task:
    return next(iter(workspace))


def _move(workspace: Workspace, choices: Choices, move_draw: float, hour_draw: float) -> bool:
    """One move of the workspace's task; True while it is still moving."""
    task = _the_task(workspace)
    possible = {transition.trigger for transition in task.possible_now()}  # the real guards, now
    odds = choices.policy.moves[task.state]
    allowed = sum(1 << slot for slot, move in enumerate(odds) if move.transition.trigger in possible)
    move = choices.move(task.state, allowed, move_draw)
    if move is None:
        return False  # nothing the policy allows is likely: unfinished
    workspace.pass_time(hours_taken(move, hour_draw))  # the real clock lapses an undecided task at its deadline
    if not task.state.terminal:
        task.fire(move.transition.trigger)
    return not task.state.terminal


def _outcomes(workspaces: list[Workspace]) -> Outcomes:
    outcomes = Outcomes.empty(len(workspaces))
    for number, workspace in enumerate(workspaces):
        task, account = _the_task(workspace), workspace.account
        outcomes.state[number] = code_of(task.state) if task.state.terminal else UNFINISHED
        outcomes.script_changes[number] = task.script_changes
        outcomes.video_changes[number] = task.video_changes
        outcomes.hours[number] = task.history[-1].time if task.history else 0
        outcomes.price_fen[number] = task.price_fen
        outcomes.accepted[number] = any(entry.dest is State.ACCEPTED for entry in task.history)
        outcomes.balance_fen[number] = account.balance_fen
        outcomes.breaches[number] = account.breaches
    return outcomes
