"""The fewest moves that finish a lesson, found by breadth-first search over the moves a trainee can make.

A lesson whose goal no sequence of moves reaches would leave a trainee stuck: the tests check every bundled
lesson with this (and that one move fewer does not finish it), and `serve --lessons` refuses a trainer's
lesson that the search shows no trainee can finish.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Hashable, Iterator, Sequence
from dataclasses import astuple

from xingtu_sim.domain.errors import XingtuError
from xingtu_sim.domain.lifecycle import TRANSITIONS, Trigger
from xingtu_sim.domain.rules import DEFAULT_RULES, Rules
from xingtu_sim.domain.text import Message, _
from xingtu_sim.lessons.lesson import Lesson
from xingtu_sim.lessons.practice import Practice, perform_goal, perform_move
from xingtu_sim.steps.context import ScenarioContext, StepFailed
from xingtu_sim.steps.moves import Move
from xingtu_sim.steps.vocabulary import PHRASE_FOR_TRIGGER

MAX_MOVES = 14  # the whole path of a task is 9 moves; a lesson needing more than this is too long anyway
_ACCOUNT_MOVES = (Move("open"), Move("stop_receiving"), Move("resume_receiving"))


CHECK_REPLAYS = 5_000  # a start-up check gives up past this (a few seconds): it refuses only what it proved


class SearchGaveUp(Exception):
    """The search replayed `max_replays` sequences of moves without an answer either way."""


def unfinishable(lessons: Sequence[Lesson], rules: Rules = DEFAULT_RULES) -> list[Message]:
    """A problem, with the file and the goal's line, for each lesson that no sequence of up to MAX_MOVES moves
    finishes; a lesson whose search gives up first (CHECK_REPLAYS) is let through."""
    problems = []
    for lesson in lessons:
        try:
            solution = shortest_solution(Practice.of_lesson(lesson, rules), max_replays=CHECK_REPLAYS)
        except SearchGaveUp:
            continue
        if solution is None:
            problems.append(
                _(
                    "{path}:{line}: no trainee can finish this lesson: no sequence of up to {moves} moves from its "
                    "Given steps makes all its Then steps hold. Check that they can be true together.",
                    path=lesson.path,
                    line=lesson.goal[0].line,
                    moves=MAX_MOVES,
                )
            )
    return problems


def shortest_solution(
    practice: Practice, max_moves: int = MAX_MOVES, *, max_replays: int | None = None
) -> list[Move] | None:
    """The fewest moves after which every goal step holds, or None when none of up to `max_moves` does;
    SearchGaveUp past `max_replays` sequences replayed.

    Breadth first, replaying each sequence of moves that changed something. A refused move changes nothing but
    which refusal came last (the lifecycle's promise), so it is tried on the context it was refused in, and
    nothing is searched after it: the next move would replace that refusal.
    """
    frontier: deque[list[Move]] = deque([[]])
    seen: set[Hashable] = set()
    ending_in_a_refusal: list[Move] | None = None  # a solution one move longer than the moves being searched
    replays = 0
    while frontier:
        moves = frontier.popleft()
        if ending_in_a_refusal is not None and len(moves) >= len(ending_in_a_refusal):
            return ending_in_a_refusal
        replays += 1
        if max_replays is not None and replays > max_replays:
            raise SearchGaveUp
        try:
            replay = practice.replay(moves)
        except XingtuError:  # a move a page would not offer (a name taken, say): not a trainee's move
            continue
        context = replay.context
        if not _first_visit(context, seen):
            continue
        if _goal_met(practice, context):
            return moves
        if len(moves) == max_moves or (replay.refusals and replay.refusals[-1] is not None):
            continue
        for move, possible in _moves(context):
            if possible:
                frontier.append([*moves, move])
            elif ending_in_a_refusal is None and _refused_and_done(practice, context, move, seen):
                ending_in_a_refusal = [*moves, move]
    return ending_in_a_refusal


def _refused_and_done(practice: Practice, context: ScenarioContext, move: Move, seen: set[Hashable]) -> bool:
    """Make a move the lifecycle refuses, on the context itself; whether the goal then holds."""
    refusal = perform_move(context, move)
    assert refusal is not None, f"{move} was possible, though the task's possible moves did not have it"
    return _first_visit(context, seen) and _goal_met(practice, context)


def _first_visit(context: ScenarioContext, seen: set[Hashable]) -> bool:
    state = _state(context)
    if state in seen:
        return False
    seen.add(state)
    return True


def _goal_met(practice: Practice, context: ScenarioContext) -> bool:
    """Practice.done, on a context already replayed (the search's cost is its replays)."""
    try:
        for step in practice.goal:
            perform_goal(context, step)
    except StepFailed:
        return False
    return bool(practice.goal)


def _moves(context: ScenarioContext) -> Iterator[tuple[Move, bool]]:
    """Every move of every task, the account's actions, and letting time pass until the next task lapses; each
    with whether it may change something (a task's move the lifecycle refuses now does not)."""
    workspace = context.workspace
    for task in workspace:
        possible = {transition.trigger for transition in task.possible_now()}
        for transition in TRANSITIONS:
            if transition.trigger is not Trigger.EXPIRE and transition.trigger in PHRASE_FOR_TRIGGER:
                move = Move(PHRASE_FOR_TRIGGER[transition.trigger].key, {"task": task.name})
                yield move, transition.trigger in possible
    for move in _ACCOUNT_MOVES:
        yield move, True
    deadlines = [task.hours_left for task in workspace]
    hours = min((left for left in deadlines if left is not None and left > 0), default=1)
    yield Move("hours_pass", {"n": str(hours)}), True


def _state(context: ScenarioContext) -> Hashable:
    """What a goal can see: the account, the clock, each task's state and counters, the last refusal."""
    workspace = context.workspace
    tasks = tuple((t.name, t.state, t.script_changes, t.video_changes) for t in workspace)
    action = context.last_action
    refusal = action.refusal.reason if action and action.refusal else None
    return (astuple(workspace.account), workspace.clock.now, tasks, refusal)
