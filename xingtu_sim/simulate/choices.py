"""How a uniform draw becomes a move, its hours and a price: one set of tables every engine reads."""

from __future__ import annotations

import bisect
import math
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from xingtu_sim.domain.lifecycle import State
from xingtu_sim.simulate.policy import MOVING_STATES, MoveOdds, Policy

# (state, allowed slots as bits) -> thresholds; None when every allowed move has probability 0.
Thresholds = Mapping[tuple[State, int], tuple[float, ...] | None]


@dataclass(frozen=True)
class Choices:
    """The policy as cumulative thresholds: a draw u picks the slot of the first threshold above u."""

    # A move whose guard does not hold now (a change request over the limit) is taken out and the
    # other moves keep their relative odds. The engines share these floats, so they choose alike.

    policy: Policy
    width: int  # the most moves any state has
    thresholds: Thresholds
    price_thresholds: tuple[float, ...]

    @classmethod
    def of(cls, policy: Policy) -> Choices:
        width = max(len(policy.moves[state]) for state in MOVING_STATES)
        thresholds = {
            (state, allowed): _thresholds([m.probability for m in policy.moves[state]], allowed, width)
            for state in MOVING_STATES
            for allowed in range(1 << width)
        }
        prices = _thresholds([price.probability for price in policy.prices], -1, len(policy.prices))
        assert prices is not None  # the policy's price odds add up to 1
        return cls(policy, width, MappingProxyType(thresholds), prices)

    def move(self, state: State, allowed: int, draw: float) -> MoveOdds | None:
        """The move made in `state` with the slots in `allowed` open; None when none of them is likely."""
        thresholds = self.thresholds[state, allowed]
        return None if thresholds is None else self.policy.moves[state][bisect.bisect_right(thresholds, draw)]

    def price_fen(self, draw: float) -> int:
        return self.policy.prices[bisect.bisect_right(self.price_thresholds, draw)].price_fen


def hours_taken(move: MoveOdds, draw: float) -> int:
    """Whole hours from the move's range, each equally likely."""
    low, high = move.hours
    return low + int(draw * (high - low + 1))


def _thresholds(odds: list[float], allowed: int, width: int) -> tuple[float, ...] | None:
    """width - 1 cumulative shares of the allowed odds; 1.0 from the last likely slot on, so u < 1 never passes it."""
    weights = [p if allowed >> slot & 1 else 0.0 for slot, p in enumerate(odds)]
    total = math.fsum(weights)
    if total == 0:
        return None
    last = max(slot for slot, weight in enumerate(weights) if weight > 0)
    running, cuts = 0.0, []
    for slot in range(width - 1):
        running += weights[slot] if slot < len(weights) else 0.0
        cuts.append(1.0 if slot >= last else running / total)
    return tuple(cuts)
