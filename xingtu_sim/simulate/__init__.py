"""Many tasks at once: a behaviour policy, two engines that agree task by task, and a report."""

# NumPy loads with an engine, never with this package, so `xingtu-sim --help` stays fast.

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from xingtu_sim.domain.rules import Rules
from xingtu_sim.simulate.policy import MoveOdds, Policy, PriceOdds
from xingtu_sim.simulate.policy_toml import DEFAULT_POLICY, PolicyError, parse_policy, policy_to_toml, read_policy

if TYPE_CHECKING:
    from xingtu_sim.simulate.outcomes import Outcomes

ENGINES = ("compiled", "transitions")
MAX_ORDERS = 10_000_000


def simulate(
    engine: str, orders: int, seed: int, policy: Policy, rules: Rules, progress: Callable[[int], None] | None = None
) -> Outcomes:
    """Each task's outcome from the named engine; `progress` hears how many tasks finished at each step."""
    if engine == "compiled":
        from xingtu_sim.simulate.compiled import simulate_compiled

        return simulate_compiled(orders, seed, policy, rules, progress)
    from xingtu_sim.simulate.transitions_engine import simulate_with_transitions

    return simulate_with_transitions(orders, seed, policy, rules, progress)


__all__ = [
    "DEFAULT_POLICY",
    "ENGINES",
    "MAX_ORDERS",
    "MoveOdds",
    "Policy",
    "PolicyError",
    "PriceOdds",
    "parse_policy",
    "policy_to_toml",
    "read_policy",
    "simulate",
]
