"""The two engines: the compiled table comes from the lifecycle, and both agree task by task."""

from __future__ import annotations

from dataclasses import fields, replace
from decimal import Decimal

import numpy as np
import pytest

from xingtu_sim import DEFAULT_RULES, Rules, State
from xingtu_sim.domain.lifecycle import AWAITING_DECISION, CLOCK_MOVE, EDGES, TRIGGERS, Edge
from xingtu_sim.simulate import DEFAULT_POLICY, Policy, parse_policy, simulate
from xingtu_sim.simulate.compiled import compile_lifecycle, simulate_compiled
from xingtu_sim.simulate.outcomes import UNFINISHED, Outcomes, code_of
from xingtu_sim.simulate.transitions_engine import simulate_with_transitions

# Many change requests, close-and-reopen loops, failed reviews, odd prices, and tasks cut off at the cap.
BUSY = parse_policy(
    """
    max_steps = 40
    [prices]
    yuan = [10.10, 999.99, 8000]
    probability = [0.3, 0.3, 0.4]
    [pending_receipt]
    view = { probability = 0.8, hours = [0, 14] }
    decline = { probability = 0.2, hours = [0, 14] }
    [viewing_details]
    close = { probability = 0.4, hours = [0, 3] }
    accept = { probability = 0.5, hours = [0, 3] }
    decline = { probability = 0.1, hours = [0, 3] }
    [script_review]
    approve_script = { probability = 0.2, hours = [0, 5] }
    request_script_changes = { probability = 0.75, hours = [0, 5] }
    cancel = { probability = 0.05, hours = 1 }
    [video_review]
    confirm_video = { probability = 0.2, hours = [0, 5] }
    request_video_changes = { probability = 0.8, hours = [0, 5] }
    cancel = { probability = 0, hours = 0 }
    [in_review]
    pass_review = { probability = 0.4, hours = [1, 3] }
    fail_review = { probability = 0.6, hours = [1, 3] }
    """,
    "busy",
)
STRICT = Rules(accept_window_hours=12, script_change_limit=1, video_change_limit=3, service_fee_percent=Decimal("7.25"))
# A brand that only ever asks for script changes is stuck once the limit is used up.
STUCK = parse_policy(
    "[script_review]\napprove_script.probability = 0\nrequest_script_changes.probability = 1\ncancel.probability = 0",
    "stuck",
)

CASES = [
    pytest.param(DEFAULT_POLICY, DEFAULT_RULES, 1, id="defaults"),
    pytest.param(BUSY, STRICT, 2, id="busy-strict"),
    pytest.param(BUSY, replace(DEFAULT_RULES, service_fee_percent=Decimal(0)), 3, id="busy-no-fee"),
    pytest.param(STUCK, DEFAULT_RULES, 4, id="stuck-brand"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("policy", "rules", "seed"), CASES)
def test_both_engines_give_every_task_the_same_outcome(policy: Policy, rules: Rules, seed: int) -> None:
    compiled = simulate_compiled(5_000, seed, policy, rules)
    transitions = simulate_with_transitions(5_000, seed, policy, rules)
    assert compiled.differences(transitions) == []
    assert len(np.unique(compiled.state)) >= 3  # the runs are not trivially alike


def test_the_busy_policy_reaches_every_ending_the_limits_and_the_cap() -> None:
    outcomes = simulate_compiled(5_000, 2, BUSY, STRICT)
    ends = {code_of(state) for state in State if state.terminal} | {UNFINISHED}
    assert set(np.unique(outcomes.state).tolist()) == ends
    assert (outcomes.script_changes.max(), outcomes.video_changes.max()) == (1, 3)


def test_a_stuck_brand_leaves_its_tasks_unfinished_with_the_changes_used_up() -> None:
    outcomes = simulate_compiled(2_000, 4, STUCK, DEFAULT_RULES)
    unfinished = outcomes.state == UNFINISHED
    assert unfinished.any()
    assert (outcomes.script_changes[unfinished] == DEFAULT_RULES.script_change_limit).all()
    assert not (outcomes.state == code_of(State.COMPLETED)).any()  # no script was ever approved


def test_a_creator_slower_than_the_accept_window_sees_every_task_lapse_at_its_deadline() -> None:
    slow = parse_policy("[pending_receipt]\nview.hours = 30\ndecline.hours = 30", "slow")
    for engine in ("compiled", "transitions"):
        outcomes = simulate(engine, 500, 5, slow, DEFAULT_RULES)
        assert (outcomes.state == code_of(State.EXPIRED)).all()
        assert (outcomes.hours == DEFAULT_RULES.accept_window_hours).all()


# The transitions engine's run is for the full suite (README: Developing): a hundred times slower.
@pytest.mark.parametrize("engine", ["compiled", pytest.param("transitions", marks=pytest.mark.slow)])
def test_progress_hears_of_every_task_once(engine: str) -> None:
    heard: list[int] = []
    simulate(engine, 3_000, 6, BUSY, STRICT, heard.append)
    assert sum(heard) == 3_000


@pytest.mark.parametrize("edge", EDGES, ids=lambda e: f"{e.source.id}-{e.trigger}")
def test_the_compiled_table_is_the_lifecycle_table(edge: Edge) -> None:
    table, row = compile_lifecycle(DEFAULT_POLICY, DEFAULT_RULES), TRIGGERS[edge.trigger]
    source = code_of(edge.source)
    if row is CLOCK_MOVE:
        assert (table.lapses[source], table.lapse_dest) == (True, code_of(edge.dest))
        return
    slot = [odds.transition for odds in DEFAULT_POLICY.moves[edge.source]].index(row)
    move = source * table.width + slot
    assert table.dest[move] == code_of(edge.dest)
    assert {effect for effect, flags in table.effects.items() if flags[move]} == set(row.effects)
    assert {guard for guard, slots in table.guarded.items() if slots[source] >> slot & 1} == set(row.guards)
    assert table.lapses[source] == (edge.source in AWAITING_DECISION)


def test_changing_what_brands_do_leaves_every_task_that_never_reached_a_brand_as_it_was() -> None:
    picky = parse_policy(
        "[script_review]\napprove_script.probability = 0.49\nrequest_script_changes.probability = 0.5", "picky"
    )
    before = simulate_compiled(20_000, 8, DEFAULT_POLICY, DEFAULT_RULES)
    after = simulate_compiled(20_000, 8, picky, DEFAULT_RULES)
    never_accepted = ~before.accepted  # each task reads its own draws, whatever the others do
    assert never_accepted.sum() > 5_000
    for field in fields(Outcomes):
        assert np.array_equal(getattr(before, field.name)[never_accepted], getattr(after, field.name)[never_accepted])
    assert after.script_changes.sum() > 1.5 * before.script_changes.sum()
