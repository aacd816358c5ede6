"""xingtu-sim: how a creator (达人) takes on a paid ad task on Douyin Xingtu (抖音星图).

The public API is re-exported here and imported on first use, so that `xingtu-sim --help` stays fast.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

# name -> the module that defines it
_EXPORTS = {
    "AccountAction": "account",
    "CreatorAccount": "account",
    "Platform": "account",
    "parse_platform": "account",
    "Clock": "clock",
    "ActionRefused": "errors",
    "InputError": "errors",
    "Reason": "errors",
    "XingtuError": "errors",
    "EDGES": "lifecycle",
    "INITIAL_STATE": "lifecycle",
    "TRANSITIONS": "lifecycle",
    "TRIGGERS": "lifecycle",
    "Actor": "lifecycle",
    "Edge": "lifecycle",
    "State": "lifecycle",
    "Transition": "lifecycle",
    "lifecycle_machine": "lifecycle",
    "fen_to_yuan": "money",
    "format_yuan": "money",
    "service_fee": "money",
    "yuan_to_fen": "money",
    "DEFAULT_RULES": "rules",
    "Rules": "rules",
    "RulesError": "rules",
    "parse_rules": "rules",
    "read_rules": "rules",
    "rules_to_toml": "rules",
    "HistoryEntry": "task",
    "Task": "task",
    "Workspace": "workspace",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module 'xingtu_sim' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"xingtu_sim.{_EXPORTS[name]}"), name)
    globals()[name] = value
    return value


if TYPE_CHECKING:
    from xingtu_sim.account import AccountAction, CreatorAccount, Platform, parse_platform
    from xingtu_sim.clock import Clock
    from xingtu_sim.errors import ActionRefused, InputError, Reason, XingtuError
    from xingtu_sim.lifecycle import (
        EDGES,
        INITIAL_STATE,
        TRANSITIONS,
        TRIGGERS,
        Actor,
        Edge,
        State,
        Transition,
        lifecycle_machine,
    )
    from xingtu_sim.money import fen_to_yuan, format_yuan, service_fee, yuan_to_fen
    from xingtu_sim.rules import DEFAULT_RULES, Rules, RulesError, parse_rules, read_rules, rules_to_toml
    from xingtu_sim.task import HistoryEntry, Task
    from xingtu_sim.workspace import Workspace
