"""What each simulated task came to: its end, counters, hours and price, and its creator's account."""

from __future__ import annotations

from dataclasses import dataclass, fields

import numpy as np
from numpy.typing import NDArray

from xingtu_sim.domain.lifecycle import State

STATES = tuple(State)  # a state's code is its place in the lifecycle's State enum
UNFINISHED = -1  # the code of a task still moving after the step cap, or left with no likely move


def code_of(state: State) -> int:
    return STATES.index(state)


@dataclass
class Outcomes:
    """One entry per task. Each task went to its own creator account, which started at 0 with no breaches."""

    state: NDArray[np.int8]  # the code of the end state, or UNFINISHED
    script_changes: NDArray[np.int16]
    video_changes: NDArray[np.int16]
    hours: NDArray[np.int32]  # the hour of the task's last move (it was published at hour 0)
    price_fen: NDArray[np.int64]
    accepted: NDArray[np.bool_]
    balance_fen: NDArray[np.int64]  # the task's creator account
    breaches: NDArray[np.int16]

    @classmethod
    def empty(cls, orders: int) -> Outcomes:
        return cls(
            state=np.full(orders, UNFINISHED, np.int8),
            script_changes=np.zeros(orders, np.int16),
            video_changes=np.zeros(orders, np.int16),
            hours=np.zeros(orders, np.int32),
            price_fen=np.zeros(orders, np.int64),
            accepted=np.zeros(orders, np.bool_),
            balance_fen=np.zeros(orders, np.int64),
            breaches=np.zeros(orders, np.int16),
        )

    def differences(self, other: Outcomes) -> list[str]:
        """The fields in which two runs disagree for at least one task."""
        return [f.name for f in fields(self) if not np.array_equal(getattr(self, f.name), getattr(other, f.name))]
