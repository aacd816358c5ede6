"""Simulated time in whole hours: never the wall clock."""

from __future__ import annotations

from dataclasses import dataclass

from xingtu_sim.domain.errors import InputError, message

HOURS_PER_DAY = 24


@dataclass
class Clock:
    """Hours since the simulation started."""

    now: int = 0


def checked_hours(hours: object) -> int:
    """A span of time that can pass: a whole number of hours, zero or more."""
    if isinstance(hours, bool) or not isinstance(hours, int) or hours < 0:
        raise InputError(message("error.hours", hours=hours))
    return hours
