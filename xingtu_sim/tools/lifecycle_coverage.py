"""Which states and transitions of the lifecycle table some scenario exercised, and what is missing."""

from __future__ import annotations

from dataclasses import dataclass

from xingtu_sim.domain.lifecycle import EDGES, INITIAL_STATE, Edge, State
from xingtu_sim.domain.routes import path_through, shortest_path
from xingtu_sim.domain.trace import Trace


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
