"""The behaviour policy: how likely each move is, how long it takes, and what tasks pay."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from xingtu_sim.domain.lifecycle import State, Transition

MAX_HOURS = 24 * 365  # one move never takes more than a year
MAX_STEPS = 10_000
MOVING_STATES = tuple(state for state in State if not state.terminal)


@dataclass(frozen=True)
class MoveOdds:
    """One move's chance in its state and the hours it takes: a whole number picked evenly from low to high."""

    transition: Transition
    probability: float
    hours: tuple[int, int]


@dataclass(frozen=True)
class PriceOdds:
    """One price a task may pay, and how likely it is."""

    price_fen: int
    probability: float


@dataclass(frozen=True)
class Policy:
    """How the simulated creators, brands and platform behave, and what tasks pay."""

    moves: Mapping[State, tuple[MoveOdds, ...]]
    prices: tuple[PriceOdds, ...]
    max_steps: int
