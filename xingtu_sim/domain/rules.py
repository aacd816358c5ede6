"""The rules in force: the SPEC's defaults, overridden by a TOML file, validated key by key."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from decimal import Decimal
from pathlib import Path
from types import MappingProxyType
from typing import Any

from xingtu_sim.domain.account import Platform
from xingtu_sim.domain.errors import InputError, Message, key_problem, message, unreadable
from xingtu_sim.i18n import comment_lines

_DEFAULT_FOLLOWERS = {Platform.DOUYIN: 100_000, Platform.XIGUA: 50_000, Platform.HUOSHAN: 50_000}


@dataclass(frozen=True)
class Rules:
    """Numbers the platform decides; sources differ, so they are defaults, not law."""

    accept_window_hours: int = 24
    script_change_limit: int = 2
    video_change_limit: int = 2
    service_fee_percent: Decimal = Decimal(5)
    followers_to_open: Mapping[Platform, int] = field(
        default_factory=lambda: MappingProxyType(dict(_DEFAULT_FOLLOWERS))
    )

    def followers_needed(self, platform: Platform) -> int:
        return self.followers_to_open[platform]

    def with_fee(self, percent: int | Decimal) -> Rules:
        try:
            return replace(self, service_fee_percent=_checked("service_fee_percent", percent))
        except _BadValue as bad:
            raise RulesError(key_problem("service_fee_percent", bad.problem)) from None


@dataclass(frozen=True)
class _Bounds:
    low: int
    high: int
    decimals: bool = False  # whole numbers only unless set


_BOUNDS = {
    "accept_window_hours": _Bounds(1, 24 * 365),
    "script_change_limit": _Bounds(0, 100),
    "video_change_limit": _Bounds(0, 100),
    "service_fee_percent": _Bounds(0, 100, decimals=True),
    "followers_to_open": _Bounds(0, 10**10),
}


class RulesError(InputError):
    """A rules file that cannot be used; names every bad key."""


def parse_rules(document: str, source: str) -> Rules:
    """Rules from TOML text: defaults for what it leaves out, an error naming each bad key."""
    try:
        table = tomllib.loads(document)
    except tomllib.TOMLDecodeError as error:
        raise RulesError(message("rules.not_toml", source=source, error=str(error))) from None
    problems: list[tuple[str, Message]] = []
    values: dict[str, Any] = {}
    for key, value in table.items():
        if key == "followers_to_open":
            values[key] = _followers(value, problems)
        elif key in _BOUNDS:
            values[key] = _collect(key, value, problems)
        else:
            problems.append((key, _unknown_key(_BOUNDS)))
    if problems:
        header = message("rules.invalid", source=source)
        raise RulesError(header, *(key_problem(key, problem) for key, problem in problems))
    return replace(Rules(), **values)


def read_rules(path: Path) -> Rules:
    """Rules from a TOML file; an unreadable file is an input error, not a traceback."""
    try:
        document = path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise RulesError(message("rules.unreadable", source=path, error=unreadable(error))) from None
    return parse_rules(document, str(path))


def rules_to_toml(rules: Rules) -> str:
    """The rules as TOML, with a comment per key in both languages; reads back to equal rules."""
    lines = [*comment_lines("rules.comment.header"), ""]
    for item in fields(Rules):
        if item.name != "followers_to_open":
            value = _plain(getattr(rules, item.name))
            lines += [*comment_lines(f"rules.comment.{item.name}"), f"{item.name} = {value}", ""]
    lines += [*comment_lines("rules.comment.followers_to_open"), "[followers_to_open]"]
    lines += [f"{platform.value} = {rules.followers_to_open[platform]}" for platform in Platform]
    return "\n".join(lines) + "\n"


def _plain(number: int | Decimal) -> str:
    """5 for 5 and 5.00, 5.5 for 5.50: never an exponent, which TOML would misread."""
    digits = format(number, "f")
    return digits.rstrip("0").rstrip(".") if "." in digits else digits


def _followers(value: object, problems: list[tuple[str, Message]]) -> Mapping[Platform, int]:
    if not isinstance(value, dict):
        problems.append(("followers_to_open", message("rules.not_table")))
        return _DEFAULT_FOLLOWERS
    known = {platform.value: platform for platform in Platform}
    followers = dict(_DEFAULT_FOLLOWERS)
    for name, count in value.items():
        key = f"followers_to_open.{name}"
        if name not in known:
            problems.append((key, _unknown_key(known)))
        else:
            followers[known[name]] = _collect("followers_to_open", count, problems, shown_as=key)
    return MappingProxyType(followers)


def _collect(key: str, value: object, problems: list[tuple[str, Message]], shown_as: str = "") -> Any:
    try:
        return _checked(key, value)
    except _BadValue as bad:
        problems.append((shown_as or key, bad.problem))
        return None


class _BadValue(Exception):
    def __init__(self, problem: Message) -> None:
        self.problem = problem


def _checked(key: str, value: object) -> Any:
    bounds = _BOUNDS[key]
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        kind = "rules.not_number" if bounds.decimals else "rules.not_whole"
        raise _BadValue(message(kind, value=value))
    if not bounds.decimals and not isinstance(value, int):
        raise _BadValue(message("rules.not_whole", value=value))
    number = Decimal(str(value))
    if number.is_nan() or not bounds.low <= number <= bounds.high:  # TOML has nan, which no bound contains
        raise _BadValue(message("rules.out_of_range", low=bounds.low, high=bounds.high, value=value))
    if number != number.quantize(Decimal("0.01")):
        raise _BadValue(message("rules.too_precise", value=value))
    return number if bounds.decimals else int(number)


def _unknown_key(known: Mapping[str, object]) -> Message:
    return message("rules.unknown_key", known=", ".join(known))


DEFAULT_RULES = Rules()
