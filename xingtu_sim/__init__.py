"""xingtu-sim: how a creator (达人) takes on a paid ad task on Douyin Xingtu (抖音星图).

The public API is re-exported here and imported on first use, so that `xingtu-sim --help` stays fast.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

# name -> the module that defines it
_EXPORTS = {
    "AccountAction": "domain.account",
    "CreatorAccount": "domain.account",
    "Platform": "domain.account",
    "parse_platform": "domain.account",
    "Clock": "domain.clock",
    "ActionRefused": "domain.errors",
    "InputError": "domain.errors",
    "Reason": "domain.errors",
    "XingtuError": "domain.errors",
    "CLOCK_MOVE": "domain.lifecycle",
    "EDGES": "domain.lifecycle",
    "INITIAL_STATE": "domain.lifecycle",
    "TRANSITIONS": "domain.lifecycle",
    "TRIGGERS": "domain.lifecycle",
    "Actor": "domain.lifecycle",
    "Edge": "domain.lifecycle",
    "State": "domain.lifecycle",
    "Transition": "domain.lifecycle",
    "Trigger": "domain.lifecycle",
    "lifecycle_machine": "domain.lifecycle",
    "fen_to_yuan": "domain.money",
    "format_yuan": "domain.money",
    "service_fee": "domain.money",
    "yuan_to_fen": "domain.money",
    "DEFAULT_RULES": "domain.rules",
    "Rules": "domain.rules",
    "RulesError": "files.rules_toml",
    "parse_rules": "files.rules_toml",
    "read_rules": "files.rules_toml",
    "rules_to_toml": "files.rules_toml",
    "HistoryEntry": "domain.task",
    "Task": "domain.task",
    "Workspace": "domain.workspace",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module 'xingtu_sim' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"xingtu_sim.{_EXPORTS[name]}"), name)
    globals()[name] = value
    return value


if TYPE_CHECKING:
    from xingtu_sim.domain.account import AccountAction, CreatorAccount, Platform, parse_platform
    from xingtu_sim.domain.clock import Clock
    from xingtu_sim.domain.errors import ActionRefused, InputError, Reason, XingtuError
    from xingtu_sim.domain.lifecycle import (
        CLOCK_MOVE,
        EDGES,
        INITIAL_STATE,
        TRANSITIONS,
        TRIGGERS,
        Actor,
        Edge,
        State,
        Transition,
        Trigger,
        lifecycle_machine,
    )
    from xingtu_sim.domain.money import fen_to_yuan, format_yuan, service_fee, yuan_to_fen
    from xingtu_sim.domain.rules import DEFAULT_RULES, Rules
    from xingtu_sim.domain.task import HistoryEntry, Task
    from xingtu_sim.domain.workspace import Workspace
    from xingtu_sim.files.rules_toml import RulesError, parse_rules, read_rules, rules_to_toml
