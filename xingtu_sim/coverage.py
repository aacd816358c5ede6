"""Which states and transitions of the lifecycle table some scenario exercised, and what is missing."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from xingtu_sim.lifecycle import EDGES, INITIAL_STATE, TRIGGERS, Edge, State
from xingtu_sim.paths import path_through, shortest_path
from xingtu_sim.workspace import Workspace


@dataclass
class Trace:
    """What one or more scenarios did: transitions fired, states entered, refused (state, trigger) pairs."""

    fired: set[Edge] = field(default_factory=set)
    entered: set[State] = field(default_factory=set)
    refused: set[tuple[State, str]] = field(default_factory=set)

    @classmethod
    def of(cls, workspace: Workspace | None, refused: Iterable[tuple[str, str]] = ()) -> Trace:
        """Read from the tasks' own histories, so every move counts, whichever step made it."""
        trace = cls()
        for task in workspace or ():
            trace.entered.add(INITIAL_STATE)
            for entry in task.history:
                trace.fired.add(Edge(entry.source, entry.trigger, entry.dest))
                trace.entered.add(entry.dest)
        trace.refused = {(State.from_label(state), trigger) for state, trigger in refused if trigger in TRIGGERS}
        return trace

    def merge(self, other: Trace) -> None:
        self.fired |= other.fired
        self.entered |= other.entered
        self.refused |= other.refused


@dataclass(frozen=True)
class Missing:
    """A state or transition no scenario reached, with the fewest moves from a fresh task to it."""

    state: State | None
    edge: Edge | None
    path: tuple[Edge, ...]

    def as_json(self) -> dict[str, object]:
        moves = [edge.trigger for edge in self.path]
        if self.edge is not None:
            edge = self.edge
            return {
                "kind": "transition",
                "from": edge.source.id,
                "trigger": edge.trigger,
                "to": edge.dest.id,
                "path": moves,
            }
        assert self.state is not None
        return {"kind": "state", "state": self.state.id, "path": moves}


@dataclass(frozen=True)
class Coverage:
    """Covered out of declared, counting each source of a trigger as its own transition."""

    trace: Trace

    @property
    def states_covered(self) -> int:
        return len(self.trace.entered & set(State))

    @property
    def transitions_covered(self) -> int:
        return len(self.trace.fired & set(EDGES))

    @property
    def transition_percent(self) -> float:
        return 100 * self.transitions_covered / len(EDGES)

    def missing(self) -> list[Missing]:
        states = [Missing(s, None, shortest_path(INITIAL_STATE, s)) for s in State if s not in self.trace.entered]
        edges = [Missing(None, e, path_through(e)) for e in EDGES if e not in self.trace.fired]
        return states + edges

    def as_json(self) -> dict[str, object]:
        return {
            "states": {"covered": self.states_covered, "total": len(State)},
            "transitions": {"covered": self.transitions_covered, "total": len(EDGES)},
            "missing": [missing.as_json() for missing in self.missing()],
            "refused": sorted([state.id, trigger] for state, trigger in self.trace.refused),
        }
