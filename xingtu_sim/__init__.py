"""xingtu-sim: how a creator (达人) takes on a paid ad task on Douyin Xingtu (抖音星图)."""

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

__all__ = [
    "DEFAULT_RULES",
    "EDGES",
    "INITIAL_STATE",
    "TRANSITIONS",
    "TRIGGERS",
    "AccountAction",
    "ActionRefused",
    "Actor",
    "Clock",
    "CreatorAccount",
    "Edge",
    "HistoryEntry",
    "InputError",
    "Platform",
    "Reason",
    "Rules",
    "RulesError",
    "State",
    "Task",
    "Transition",
    "Workspace",
    "XingtuError",
    "fen_to_yuan",
    "format_yuan",
    "lifecycle_machine",
    "parse_platform",
    "parse_rules",
    "read_rules",
    "rules_to_toml",
    "service_fee",
    "yuan_to_fen",
]
