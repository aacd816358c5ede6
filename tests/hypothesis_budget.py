"""How many examples a property test draws: its full count in CI, a tenth in the fast loop."""

from __future__ import annotations

from hypothesis import settings

_FULL = settings.get_profile("ci").max_examples


def examples(full: int) -> int:
    """`full` under the ci profile; the same share of it under a smaller profile, at least 2."""
    return max(2, full * settings().max_examples // _FULL)
