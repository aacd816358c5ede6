"""How long to wait, as a trainee types it: 25h, 2d, 1d12h (or 2天, 1天12小时)."""

from __future__ import annotations

import re

from xingtu_sim.domain.clock import HOURS_PER_DAY
from xingtu_sim.domain.errors import InputError, message

_DURATION = re.compile(r"(?:(\d+)\s*(?:d|天))?\s*(?:(\d+)\s*(?:h|小时|时))?", re.IGNORECASE)


def parse_duration(text: str) -> int:
    """Whole hours in a span of days and hours; anything else is an input error with examples."""
    match = _DURATION.fullmatch(text.strip())
    if not match or not any(match.groups()):
        raise InputError(message("sandbox.duration", duration=text))
    days, hours = (int(part) if part else 0 for part in match.groups())
    return days * HOURS_PER_DAY + hours
