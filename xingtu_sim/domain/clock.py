"""Simulated time in whole hours: never the wall clock."""

from __future__ import annotations

from dataclasses import dataclass

from xingtu_sim.domain.errors import InputError
from xingtu_sim.domain.text import Text, _

HOURS_PER_DAY = 24
LONGEST_WAIT_HOURS = 24 * 365 * 10  # ten years at once: far beyond any task, and the clock stays a 64-bit integer


@dataclass
class Clock:
    """Hours since the simulation started."""

    now: int = 0


def checked_hours(hours: object) -> int:
    """A span of time that can pass at once: a whole number of hours, from zero to LONGEST_WAIT_HOURS."""
    if isinstance(hours, bool) or not isinstance(hours, int) or hours < 0:
        raise InputError(_('"{hours}" is not a number of hours (a whole number, zero or more).', hours=hours))
    if hours > LONGEST_WAIT_HOURS:
        raise InputError(too_long_a_wait())
    return hours


def too_long_a_wait() -> Text:
    return _("That is too long a wait: time passes at most {most} hours (ten years) at once.", most=LONGEST_WAIT_HOURS)
