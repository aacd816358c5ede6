"""The behaviour policy: moves straight from the lifecycle table, TOML overrides, every bad key named."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import LANGS

from xingtu_sim import State
from xingtu_sim.domain.lifecycle import CLOCK_MOVE, chosen_from, triggers_from
from xingtu_sim.i18n import Lang, describe, render
from xingtu_sim.simulate import DEFAULT_POLICY, PolicyError, parse_policy, policy_to_toml, read_policy
from xingtu_sim.simulate.policy import MOVING_STATES


@pytest.mark.parametrize("state", MOVING_STATES, ids=lambda s: s.id)
def test_the_default_policy_gives_odds_for_exactly_the_moves_the_table_allows(state: State) -> None:
    chosen = [odds.transition for odds in DEFAULT_POLICY.moves[state]]
    assert chosen == [t for t in triggers_from(state) if t is not CLOCK_MOVE]
    assert sum(odds.probability for odds in DEFAULT_POLICY.moves[state]) == pytest.approx(1)


def test_only_the_clock_lapses_a_task_so_expire_is_nobodys_move() -> None:
    assert [t.trigger for t in triggers_from(State.PENDING_RECEIPT)] == ["view", "decline", "expire"]
    assert [t.trigger for t in chosen_from(State.PENDING_RECEIPT)] == ["view", "decline"]


def test_terminal_states_take_no_odds() -> None:
    assert {state for state in State if state.terminal}.isdisjoint(DEFAULT_POLICY.moves)


def test_the_toml_text_reads_back_to_the_same_policy_and_text() -> None:
    document = policy_to_toml(DEFAULT_POLICY)
    assert parse_policy(document, "round-trip") == DEFAULT_POLICY
    custom = parse_policy("[prices]\nyuan = [10.1, 250]\nprobability = [0.5, 0.5]\n", "custom")
    assert policy_to_toml(parse_policy(policy_to_toml(custom), "round-trip")) == policy_to_toml(custom)
    assert "yuan = [10.1, 250]" in policy_to_toml(custom)


def test_a_file_overrides_only_what_it_names() -> None:
    policy = parse_policy("[in_review]\npass_review = { probability = 0.5 }\nfail_review = { probability = 0.5 }", "my")
    in_review = {odds.transition.trigger: odds for odds in policy.moves[State.IN_REVIEW]}
    assert (in_review["pass_review"].probability, in_review["pass_review"].hours) == (0.5, (1, 24))
    assert policy.moves[State.SCRIPT_REVIEW] == DEFAULT_POLICY.moves[State.SCRIPT_REVIEW]
    assert (policy.prices, policy.max_steps) == (DEFAULT_POLICY.prices, DEFAULT_POLICY.max_steps)


def test_hours_may_be_one_whole_number() -> None:
    policy = parse_policy("[accepted]\nstart_script = { hours = 6 }", "my")
    assert policy.moves[State.ACCEPTED][0].hours == (6, 6)


def test_decimal_odds_that_add_up_to_one_in_binary_floats_are_accepted() -> None:
    policy = parse_policy("[in_review]\npass_review.probability = 0.7\nfail_review.probability = 0.3", "my")
    assert [odds.probability for odds in policy.moves[State.IN_REVIEW]] == [0.7, 0.3]


@pytest.mark.parametrize(
    ("document", "bad_key"),
    [
        ("speed = 3", "speed"),
        ("[completed]\npass_review = { probability = 1 }", "completed"),
        ("[pending_receipt]\naccept = { probability = 1 }", "pending_receipt.accept"),
        ("[pending_receipt]\nexpire = { probability = 0.1 }", "pending_receipt.expire"),
        ("pending_receipt = 3", "pending_receipt"),
        ("[pending_receipt]\nview = 0.9", "pending_receipt.view"),
        ("[pending_receipt]\nview = { chance = 0.9 }", "pending_receipt.view.chance"),
        ("[pending_receipt]\nview = { probability = 0.5 }", "pending_receipt"),
        ("[pending_receipt]\nview = { probability = 1.5 }", "pending_receipt.view.probability"),
        ("[pending_receipt]\nview = { probability = -0.1 }", "pending_receipt.view.probability"),
        ("[pending_receipt]\nview = { probability = '0.9' }", "pending_receipt.view.probability"),
        ("[pending_receipt]\nview = { probability = true }", "pending_receipt.view.probability"),
        ("[pending_receipt]\nview = { probability = nan }", "pending_receipt.view.probability"),
        ("[pending_receipt]\nview = { hours = -2 }", "pending_receipt.view.hours"),
        ("[pending_receipt]\nview = { hours = [-1, 4] }", "pending_receipt.view.hours"),
        ("[pending_receipt]\nview = { hours = [5, 4] }", "pending_receipt.view.hours"),
        ("[pending_receipt]\nview = { hours = [1, 2, 3] }", "pending_receipt.view.hours"),
        ("[pending_receipt]\nview = { hours = 2.5 }", "pending_receipt.view.hours"),
        ("[pending_receipt]\nview = { hours = [0, 9000] }", "pending_receipt.view.hours"),
        ("max_steps = 0", "max_steps"),
        ("max_steps = 'many'", "max_steps"),
        ("prices = 5", "prices"),
        ("[prices]\ncurrency = 'CNY'", "prices.currency"),
        ("[prices]\nyuan = []", "prices.yuan"),
        ("[prices]\nyuan = [10.123, 20, 30, 40]", "prices.yuan"),
        ("[prices]\nyuan = [-5, 20, 30, 40]", "prices.yuan"),
        ("[prices]\nyuan = [100000000, 20, 30, 40]", "prices.yuan"),
        ("[prices]\nyuan = ['ten', 20, 30, 40]", "prices.yuan"),
        ("[prices]\nyuan = [10, 20]", "prices"),
        ("[prices]\nprobability = [0.5, 0.5, 0.5, 0.5]", "prices.probability"),
    ],
)
def test_each_bad_key_is_named_in_both_languages(document: str, bad_key: str) -> None:
    with pytest.raises(PolicyError) as error:
        parse_policy(document, "my.toml")
    for lang in LANGS:
        assert f"\n  {bad_key}: " in describe(error.value, lang)


def test_all_bad_keys_are_named_at_once_and_the_sum_lists_each_move() -> None:
    document = "speed = 3\n[in_review]\npass_review = { probability = 0.5, hours = -1 }\n[done]\n"
    with pytest.raises(PolicyError) as error:
        parse_policy(document, "my.toml")
    lines = describe(error.value, "en").splitlines()
    assert lines == [
        "Invalid policy in my.toml:",
        "  speed: unknown key; known keys: max_steps, prices, " + ", ".join(state.id for state in MOVING_STATES),
        "  in_review.pass_review.hours: hours cannot be negative, got -1",
        "  done: unknown key; known keys: max_steps, prices, " + ", ".join(state.id for state in MOVING_STATES),
        "  in_review: the probabilities add up to 0.55, not 1 (pass_review 0.5, fail_review 0.05)",
    ]


@pytest.mark.parametrize("state", [state for state in State if state.terminal], ids=lambda s: s.id)
def test_a_final_state_is_named_as_one_that_takes_no_moves(state: State) -> None:
    with pytest.raises(PolicyError) as error:
        parse_policy(f"[{state.id}]\n", "my.toml")
    assert f"  {state.id}: {state.label.msgid} is a final state" in describe(error.value, "en")
    assert f"“{render(state, 'zh-CN')}”是终止状态" in describe(error.value, "zh-CN")


def test_the_clock_move_explains_that_tasks_lapse_by_themselves() -> None:
    with pytest.raises(PolicyError) as error:
        parse_policy("[viewing_details]\nexpire = { probability = 0.1 }", "my.toml")
    assert "accept_window_hours" in describe(error.value, "en")
    assert "自动失效" in describe(error.value, "zh-CN")


@pytest.mark.parametrize("lang", LANGS)
def test_text_that_is_not_toml_and_unreadable_files_are_policy_errors(tmp_path: Path, lang: Lang) -> None:
    with pytest.raises(PolicyError, match="not valid TOML"):
        parse_policy("max_steps = = 5", "my.toml")
    with pytest.raises(PolicyError) as error:
        read_policy(tmp_path / "missing.toml")
    assert str(tmp_path / "missing.toml") in describe(error.value, lang)
    latin1 = tmp_path / "latin1.toml"
    latin1.write_bytes("# caf\xe9\n".encode("latin-1"))
    with pytest.raises(PolicyError, match="UTF-8"):
        read_policy(latin1)


def test_max_steps_out_of_range_is_named_once_not_also_as_missing() -> None:
    with pytest.raises(PolicyError) as error:
        parse_policy("max_steps = 0", "my.toml")
    assert describe(error.value, "en").splitlines() == [
        "Invalid policy in my.toml:",
        "  max_steps: must be between 1 and 10000, got 0",
    ]


@pytest.mark.parametrize("lang", LANGS)
def test_a_whole_number_of_thousands_of_digits_is_one_clear_line(lang: Lang) -> None:
    with pytest.raises(PolicyError) as error:
        parse_policy("max_steps = " + "9" * 5_000, "my.toml")
    assert describe(error.value, lang).count("\n") == 0
    assert ("4,300 digits" if lang == "en" else "4300 位") in describe(error.value, lang)


def test_huge_numbers_written_in_few_characters_are_each_named_under_their_key() -> None:
    huge = "0x" + "f" * 4_000
    document = (
        f"max_steps = {huge}\n[prices]\nyuan = [{huge}, 1]\nprobability = [0.5, 0.5]\n"
        f"[accepted]\nstart_script = {{ hours = [0, {huge}] }}\ncancel = {{ hours = {huge} }}\n"
    )
    with pytest.raises(PolicyError) as error:
        parse_policy(document, "my.toml")
    lines = describe(error.value, "en").splitlines()
    assert [line.split(":")[0].strip() for line in lines[1:]] == [
        "max_steps",
        "prices.yuan",
        "accepted.start_script.hours",
        "accepted.cancel.hours",
    ]
    assert all(len(line) < 120 for line in lines)
