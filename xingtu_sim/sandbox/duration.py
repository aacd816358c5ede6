"""How long to wait, as a trainee types it: 25h, 2d, 1d12h (or 2天, 1天12小时)."""

from __future__ import annotations

import re

from xingtu_sim.domain.clock import HOURS_PER_DAY, too_long_a_wait
from xingtu_sim.domain.errors import InputError
from xingtu_sim.domain.text import _

_DURATION = re.compile(r"(?:(\d+)\s*(?:d|天))?\s*(?:(\d+)\s*(?:h|小时|时))?", re.IGNORECASE)

_MOST_DIGITS = 9  # more digits than this is always too long a wait


def parse_duration(text: str) -> int:
    """Whole hours in a span of days and hours; anything else is an input error with examples."""
    match = _DURATION.fullmatch(text.strip())
    if not match or not any(match.groups()):
        raise InputError(
            _('"{duration}" is not a duration; write days and hours, e.g. 25h, 2d or 1d12h.', duration=text)
        )
    if any(part and len(part) > _MOST_DIGITS for part in match.groups()):
        raise InputError(too_long_a_wait())  # before int(), which refuses 4,300 digits
    days, hours = (int(part) if part else 0 for part in match.groups())
    return days * HOURS_PER_DAY + hours
