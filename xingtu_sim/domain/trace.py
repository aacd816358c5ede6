"""What scenarios did to the lifecycle: transitions fired, states entered, refusals met."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from xingtu_sim.domain.lifecycle import INITIAL_STATE, TRIGGERS, Edge, State, Trigger
from xingtu_sim.domain.workspace import Workspace


@dataclass
class Trace:
    """What one or more scenarios did: transitions fired, states entered, refused (state, trigger) pairs."""

    fired: set[Edge] = field(default_factory=set)
    entered: set[State] = field(default_factory=set)
    refused: set[tuple[State, Trigger]] = field(default_factory=set)

    @classmethod
    def of(cls, workspace: Workspace | None, refused: Iterable[tuple[str, str]] = ()) -> Trace:
        """Read from the tasks' own histories, so every move counts, whichever step made it."""
        trace = cls()
        for task in workspace or ():
            trace.entered.add(INITIAL_STATE)
            for entry in task.history:
                trace.fired.add(Edge(entry.source, entry.trigger, entry.dest))
                trace.entered.add(entry.dest)
        trace.refused = {(State.by_id(state), Trigger(trigger)) for state, trigger in refused if trigger in TRIGGERS}
        return trace

    def merge(self, other: Trace) -> None:
        self.fired |= other.fired
        self.entered |= other.entered
        self.refused |= other.refused
