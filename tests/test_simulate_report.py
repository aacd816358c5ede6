"""The report, and the SPEC's invariants checked in aggregate over thousands of simulated tasks."""

from __future__ import annotations

from decimal import Decimal

import numpy as np
import pytest

from xingtu_sim import DEFAULT_RULES, Rules, State
from xingtu_sim.simulate import DEFAULT_POLICY, Policy, parse_policy, simulate
from xingtu_sim.simulate.outcomes import Outcomes, code_of
from xingtu_sim.simulate.report import NEVER_ACCEPTED, report_json, summarise
from xingtu_sim.simulate.transitions_engine import simulate_with_transitions

# Most tasks are declined or left to lapse; the rest go all the way or are cancelled.
RELUCTANT = parse_policy(
    """
    [pending_receipt]
    view = { probability = 0.6, hours = [0, 30] }
    decline = { probability = 0.4, hours = [0, 30] }
    [viewing_details]
    close = { probability = 0.3, hours = [0, 8] }
    accept = { probability = 0.3, hours = [0, 8] }
    decline = { probability = 0.4, hours = [0, 8] }
    [producing]
    upload_video.probability = 0.7
    cancel.probability = 0.3
    """,
    "reluctant",
)
EVERYONE_AGREES = parse_policy(
    """
    [prices]
    yuan = [10.10]
    probability = [1]
    [pending_receipt]
    view = { probability = 1, hours = 1 }
    decline.probability = 0
    [viewing_details]
    close.probability = 0
    accept = { probability = 1, hours = 1 }
    decline.probability = 0
    """
    + "".join(
        f"[{state.id}]\n"
        + "".join(f"{odds.transition.trigger}.probability = {int(slot == 0)}\n" for slot, odds in enumerate(moves))
        for state, moves in DEFAULT_POLICY.moves.items()
        if state not in (State.PENDING_RECEIPT, State.VIEWING_DETAILS)
    ),
    "everyone agrees",
)
# The transitions engine is a hundred times slower: the fast loop (README: Developing) compares it with the
# compiled one once (test_both_engines_write_byte_identical_json); each property of it alone is for the full suite.
ENGINES = ["compiled", pytest.param("transitions", marks=pytest.mark.slow)]
CASES = [
    pytest.param(engine, policy, marks=[pytest.mark.slow] if engine == "transitions" else [])
    for engine in ("compiled", "transitions")
    for policy in (DEFAULT_POLICY, RELUCTANT)
]


@pytest.mark.slow
@pytest.mark.parametrize(("engine", "policy"), CASES, ids=lambda value: value if isinstance(value, str) else None)
def test_money_is_conserved_in_aggregate_gross_is_fee_plus_net(engine: str, policy: Policy) -> None:
    summary = summarise(simulate(engine, 5_000, 11, policy, DEFAULT_RULES), DEFAULT_RULES, 11)
    assert summary["outcomes"]["completed"] > 0
    assert Decimal(summary["gross_yuan"]) == Decimal(summary["fee_yuan"]) + Decimal(summary["net_yuan"])


@pytest.mark.slow
@pytest.mark.parametrize(("engine", "policy"), CASES, ids=lambda value: value if isinstance(value, str) else None)
def test_tasks_that_end_declined_or_expired_never_change_an_account(engine: str, policy: Policy) -> None:
    outcomes = simulate(engine, 5_000, 12, policy, DEFAULT_RULES)
    never = np.isin(outcomes.state, [code_of(State.DECLINED), code_of(State.EXPIRED)])
    assert never.sum() > 1_000
    assert not outcomes.balance_fen[never].any()
    assert not outcomes.breaches[never].any()
    assert summarise(outcomes, DEFAULT_RULES, 12)["never_accepted"] == {
        "tasks": int(never.sum()),
        "accounts_changed": 0,
    }


@pytest.mark.parametrize("engine", ENGINES)
def test_accounts_change_only_by_completing_or_cancelling(engine: str) -> None:
    outcomes = simulate(engine, 5_000, 13, RELUCTANT, DEFAULT_RULES)
    completed, cancelled = (outcomes.state == code_of(state) for state in (State.COMPLETED, State.CANCELLED))
    assert np.array_equal(outcomes.balance_fen > 0, completed)
    assert np.array_equal(outcomes.breaches == 1, cancelled)
    assert summarise(outcomes, DEFAULT_RULES, 13)["breaches"] == cancelled.sum()


def test_the_no_op_check_would_catch_an_account_that_changed() -> None:
    outcomes = simulate("compiled", 2_000, 14, RELUCTANT, DEFAULT_RULES)
    declined = np.flatnonzero(outcomes.state == code_of(State.DECLINED))
    outcomes.breaches[declined[0]] += 1
    outcomes.balance_fen[declined[1]] += 1
    assert summarise(outcomes, DEFAULT_RULES, 14)["never_accepted"]["accounts_changed"] == 2


def test_never_accepted_means_declined_or_expired_read_from_the_table() -> None:
    assert set(NEVER_ACCEPTED) == {State.DECLINED, State.EXPIRED}


@pytest.mark.parametrize("engine", ENGINES)
def test_the_fee_is_rounded_half_up_per_task_not_on_the_total(engine: str) -> None:
    summary = summarise(simulate(engine, 1_000, 15, EVERYONE_AGREES, DEFAULT_RULES), DEFAULT_RULES, 15)
    assert summary["outcomes"]["completed"] == 1_000
    assert (summary["gross_yuan"], summary["fee_yuan"], summary["net_yuan"]) == ("10100.00", "510.00", "9590.00")
    assert summary["acceptance_rate"] == 1.0


def test_the_fee_follows_the_rules_in_force() -> None:
    rules = Rules(service_fee_percent=Decimal("12.5"))
    summary = summarise(simulate("compiled", 100, 16, EVERYONE_AGREES, rules), rules, 16)
    assert (summary["fee_yuan"], summary["service_fee_percent"]) == ("126.00", "12.5")  # 1.2625 -> 1.26 per task


def test_hours_to_completion_are_nearest_rank_percentiles_of_completed_tasks() -> None:
    outcomes = Outcomes.empty(200)
    outcomes.state[:100] = code_of(State.COMPLETED)
    outcomes.hours[:100] = np.arange(100, 0, -1)
    outcomes.hours[100:] = 10_000  # not completed: not counted
    assert summarise(outcomes, DEFAULT_RULES, 0)["hours_to_completion"] == {"p50": 50, "p90": 90, "p99": 99}
    assert summarise(Outcomes.empty(3), DEFAULT_RULES, 0)["hours_to_completion"] == {
        "p50": None,
        "p90": None,
        "p99": None,
    }


def test_the_outcomes_add_up_to_the_orders_and_name_every_ending() -> None:
    summary = summarise(simulate("compiled", 3_000, 17, DEFAULT_POLICY, DEFAULT_RULES), DEFAULT_RULES, 17)
    assert list(summary["outcomes"]) == [*(state.id for state in State if state.terminal), "unfinished"]
    assert sum(summary["outcomes"].values()) == summary["orders"] == 3_000


def test_both_engines_write_byte_identical_json() -> None:
    compiled = report_json(summarise(simulate("compiled", 5_000, 18, DEFAULT_POLICY, DEFAULT_RULES), DEFAULT_RULES, 18))
    transitions = simulate_with_transitions(5_000, 18, DEFAULT_POLICY, DEFAULT_RULES)
    assert report_json(summarise(transitions, DEFAULT_RULES, 18)) == compiled
