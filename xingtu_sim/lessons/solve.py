"""The fewest moves that finish a lesson, found by breadth-first search over the moves a trainee can make.

A lesson whose goal no sequence of moves reaches would leave a trainee stuck: the tests check every bundled
lesson with this, and that one move fewer does not finish it.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Hashable, Iterator
from dataclasses import astuple

from xingtu_sim.domain.errors import XingtuError
from xingtu_sim.domain.lifecycle import TRANSITIONS, Trigger
from xingtu_sim.lessons.practice import Practice, perform_goal
from xingtu_sim.steps.context import ScenarioContext, StepFailed
from xingtu_sim.steps.moves import Move
from xingtu_sim.steps.vocabulary import PHRASE_FOR_TRIGGER

MAX_MOVES = 14  # the whole path of a task is 9 moves; a lesson needing more than this is too long anyway
_ACCOUNT_MOVES = (Move("open"), Move("stop_receiving"), Move("resume_receiving"))


def shortest_solution(practice: Practice, max_moves: int = MAX_MOVES) -> list[Move] | None:
    """The fewest moves after which every goal step holds, or None when none of up to `max_moves` does."""
    frontier: deque[list[Move]] = deque([[]])
    seen: set[Hashable] = set()
    while frontier:
        moves = frontier.popleft()
        try:
            replay = practice.replay(moves)
        except XingtuError:  # a move a page would not offer (a name taken, say): not a trainee's move
            continue
        context = replay.context
        state = _state(context)
        if state in seen:
            continue
        seen.add(state)
        if _goal_met(practice, context):
            return moves
        # A refused move changes nothing but which refusal came last, and the next move replaces that: what
        # could follow it was reached without it.
        refused = bool(replay.refusals) and replay.refusals[-1] is not None
        if len(moves) < max_moves and not refused:
            frontier.extend([*moves, move] for move in _possible_moves(context))
    return None


def _goal_met(practice: Practice, context: ScenarioContext) -> bool:
    """Practice.done, on a context already replayed (the search's cost is its replays)."""
    try:
        for step in practice.goal:
            perform_goal(context, step)
    except StepFailed:
        return False
    return bool(practice.goal)


def _possible_moves(context: ScenarioContext) -> Iterator[Move]:
    """Every move of every task, the account's actions, and letting time pass until the next task lapses."""
    workspace = context.workspace
    for task in workspace:
        for transition in TRANSITIONS:
            if transition.trigger is not Trigger.EXPIRE and transition.trigger in PHRASE_FOR_TRIGGER:
                yield Move(PHRASE_FOR_TRIGGER[transition.trigger].key, {"task": task.name})
    yield from _ACCOUNT_MOVES
    deadlines = [task.hours_left for task in workspace]
    hours = min((left for left in deadlines if left is not None and left > 0), default=1)
    yield Move("hours_pass", {"n": str(hours)})


def _state(context: ScenarioContext) -> Hashable:
    """What a goal can see: the account, the clock, each task's state and counters, the last refusal."""
    workspace = context.workspace
    tasks = tuple((t.name, t.state, t.script_changes, t.video_changes) for t in workspace)
    action = context.last_action
    refusal = action.refusal.reason if action and action.refusal else None
    return (astuple(workspace.account), workspace.clock.now, tasks, refusal)
