"""Rules as TOML: read from a file or text (defaults for what it leaves out), written back with comments."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import fields, replace
from decimal import Decimal
from pathlib import Path
from types import MappingProxyType
from typing import Any

from xingtu_sim.domain.account import Platform
from xingtu_sim.domain.errors import InputError
from xingtu_sim.domain.rules import DEFAULT_FOLLOWERS, DEFAULT_RULES, LIMITS, Rules
from xingtu_sim.domain.text import Text, _
from xingtu_sim.files.toml_checker import Checker, load_toml, read_toml
from xingtu_sim.i18n import comment_lines


class RulesError(InputError):
    """A rules file that cannot be used; names every bad key."""


def read_rules(path: Path) -> Rules:
    """Rules from a TOML file, checked before it is read."""
    return _rules(read_toml(path, RulesError, _("Rules file")), _("Invalid rules in {source}:", source=str(path)))


def parse_rules(document: str, source: str) -> Rules:
    """Rules from TOML text: defaults for what it leaves out, an error naming each bad key."""
    return _rules(load_toml(document, source, RulesError), _("Invalid rules in {source}:", source=source))


def with_rule(rules: Rules, key: str, value: object) -> Rules:
    """These rules with one rule set to `value` (from a scenario, say), checked as a file's would be."""
    return _rules({key: value}, None, rules)


_HEADER = _("Rules in force. Save this to a file, change any value, and pass it with --rules FILE.")
_COMMENTS = {
    "accept_window_hours": _("hours to accept before a task lapses"),
    "script_change_limit": _("script change requests a brand may make per task"),
    "video_change_limit": _("video change requests a brand may make per task"),
    "service_fee_percent": _("platform service fee on the task price, in percent (illustrative)"),
    "followers_to_open": _("followers needed to open Xingtu, per platform"),
}


def rules_to_toml(rules: Rules) -> str:
    """The rules as TOML, with a comment per key in every language; reads back to equal rules."""
    lines = [*comment_lines(_HEADER), ""]
    for item in fields(Rules):
        if item.name != "followers_to_open":
            value = _plain(getattr(rules, item.name))
            lines += [*comment_lines(_COMMENTS[item.name]), f"{item.name} = {value}", ""]
    lines += [*comment_lines(_COMMENTS["followers_to_open"]), "[followers_to_open]"]
    lines += [f"{platform.value} = {rules.followers_to_open[platform]}" for platform in Platform]
    return "\n".join(lines) + "\n"


def _rules(table: Mapping[str, Any], header: Text | None, base: Rules = DEFAULT_RULES) -> Rules:
    checker = Checker()
    values: dict[str, Any] = {}
    for key, value in table.items():
        if key == "followers_to_open":
            values[key] = _followers(checker, value, base.followers_to_open)
        elif key in LIMITS:
            values[key] = _rule(checker, key, key, value)
        else:
            checker.unknown(key, LIMITS)
    checker.raise_if_any(RulesError, header)
    return replace(base, **values)


def _rule(checker: Checker, key: str, shown_as: str, value: object) -> int | Decimal | None:
    limits = LIMITS[key]
    if limits.places:
        return checker.decimal(shown_as, value, limits.low, limits.high, limits.places)
    return checker.whole(shown_as, value, limits.low, limits.high)


def _followers(checker: Checker, value: object, base: Mapping[Platform, int]) -> Mapping[Platform, int]:
    table = checker.table("followers_to_open", value)
    known = {platform.value: platform for platform in Platform}
    followers = dict(base if table is not None else DEFAULT_FOLLOWERS)
    for name, count in (table or {}).items():
        key = f"followers_to_open.{name}"
        if name not in known:
            checker.unknown(key, known)
        else:
            checked = _rule(checker, "followers_to_open", key, count)
            followers[known[name]] = int(checked or 0)  # 0 stands in for a bad count, which raises
    return MappingProxyType(followers)


def _plain(number: int | Decimal) -> str:
    """5 for 5 and 5.00, 5.5 for 5.50: never an exponent, which TOML would misread."""
    digits = format(number, "f")
    return digits.rstrip("0").rstrip(".") if "." in digits else digits
