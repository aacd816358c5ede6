"""Shortest paths through the lifecycle table (the idea of XState's getShortestPaths)."""

from __future__ import annotations

from collections import deque
from functools import cache

from xingtu_sim.domain.errors import InputError
from xingtu_sim.domain.lifecycle import EDGES, INITIAL_STATE, TRIGGERS, Edge, State, Trigger
from xingtu_sim.domain.text import _


@cache
def shortest_paths_from(start: State) -> dict[State, tuple[Edge, ...]]:
    """For every state reachable from `start`, the fewest moves that reach it (table order breaks ties)."""
    paths: dict[State, tuple[Edge, ...]] = {start: ()}
    queue = deque([start])
    while queue:
        state = queue.popleft()
        for edge in EDGES:
            if edge.source is state and edge.dest not in paths:
                paths[edge.dest] = (*paths[state], edge)
                queue.append(edge.dest)
    return paths


def shortest_path(start: State, goal: State) -> tuple[Edge, ...]:
    """The fewest moves from `start` to `goal`; an input error when `goal` cannot be reached."""
    try:
        return shortest_paths_from(start)[goal]
    except KeyError:
        raise InputError(_("A task in {start} cannot reach {goal}.", start=start, goal=goal)) from None


def path_through(edge: Edge, start: State = INITIAL_STATE) -> tuple[Edge, ...]:
    """The fewest moves from `start` that end by taking `edge`."""
    return (*shortest_path(start, edge.source), edge)


def moves_before(start: State, trigger: Trigger) -> tuple[Edge, ...] | None:
    """The fewest moves from `start` to a state `trigger` may fire from; None when no such state is ahead."""
    paths = shortest_paths_from(start)
    routes = [paths[source] for source in TRIGGERS[trigger].sources if source in paths]
    return min(routes, key=len, default=None)
