"""The rules in force: the SPEC's defaults, and what each rule may be set to."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from types import MappingProxyType

from xingtu_sim.domain.account import Platform

DEFAULT_FOLLOWERS = MappingProxyType({Platform.DOUYIN: 100_000, Platform.XIGUA: 50_000, Platform.HUOSHAN: 50_000})


@dataclass(frozen=True)
class Rules:
    """Numbers the platform decides; sources differ, so they are defaults, not law."""

    accept_window_hours: int = 24
    script_change_limit: int = 2
    video_change_limit: int = 2
    service_fee_percent: Decimal = Decimal(5)
    followers_to_open: Mapping[Platform, int] = field(default_factory=lambda: DEFAULT_FOLLOWERS)

    def followers_needed(self, platform: Platform) -> int:
        return self.followers_to_open[platform]


@dataclass(frozen=True)
class Limits:
    """What one rule may be set to: low to high, whole unless decimal places are allowed."""

    low: int
    high: int
    places: int = 0


# Per rule (per platform for followers_to_open); a rules file or a scenario is checked against these.
LIMITS: Mapping[str, Limits] = MappingProxyType(
    {
        "accept_window_hours": Limits(1, 24 * 365),
        "script_change_limit": Limits(0, 100),
        "video_change_limit": Limits(0, 100),
        "service_fee_percent": Limits(0, 100, places=2),
        "followers_to_open": Limits(0, 10**10),
    }
)

DEFAULT_RULES = Rules()
