"""Transition coverage of scenarios, and scenarios generated from the lifecycle table."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from xingtu_sim.cli import main
from xingtu_sim.domain.lifecycle import EDGES, State
from xingtu_sim.domain.rules import DEFAULT_RULES, Rules
from xingtu_sim.tools.generate import SCENARIO_COUNT, generate_feature

DECLINE_ONLY = """\
Feature: Only declining
  Scenario: Declining from the list
    Given a creator with 150000 followers
    And the creator has opened Xingtu
    And the brand "Nike" publishes the task "Spring launch" paying 8000 yuan
    When the creator declines the task "Spring launch"
    And the creator accepts the task "Spring launch"
    Then the action is refused
"""


def _invoke(*args: str | Path) -> Result:
    return CliRunner().invoke(main, [str(arg) for arg in args])


def test_the_bundled_scenarios_cover_every_state_and_transition() -> None:
    result = _invoke("coverage", "--format", "json", "--fail-under", "100")
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["states"] == {"covered": 13, "total": 13}
    assert report["transitions"] == {"covered": len(EDGES), "total": len(EDGES)}
    assert report["missing"] == []


def test_uncovered_transitions_are_listed_with_the_shortest_path_to_them(tmp_path: Path) -> None:
    feature = tmp_path / "decline.feature"
    feature.write_text(DECLINE_ONLY, encoding="utf-8")
    report = json.loads(_invoke("coverage", feature, "--format", "json").output)
    assert report["states"] == {"covered": 2, "total": 13}
    assert report["transitions"] == {"covered": 1, "total": 23}
    assert report["refused"] == [["declined", "accept"]]
    missing = {(m.get("from"), m.get("trigger"), m.get("to")): m["path"] for m in report["missing"]}
    # decline has two sources: declining from the details page is a transition of its own, still missing
    assert missing["viewing_details", "decline", "declined"] == ["view", "decline"]
    assert ("pending_receipt", "decline", "declined") not in missing
    assert {"kind": "state", "state": "cancelled", "path": ["view", "accept", "cancel"]} in report["missing"]


def test_fail_under_exits_1_below_the_limit(tmp_path: Path) -> None:
    feature = tmp_path / "decline.feature"
    feature.write_text(DECLINE_ONLY, encoding="utf-8")
    result = _invoke("coverage", feature, "--fail-under", "50")
    assert result.exit_code == 1
    assert "Transition coverage 4.3% is under --fail-under 50%." in result.output
    assert 'When the creator views the task "Sample task"' in result.output
    assert _invoke("coverage", feature, "--fail-under", "4").exit_code == 0


@pytest.mark.parametrize("lang", ["en", "zh-CN"])
def test_generated_scenarios_are_the_same_every_time_run_green_and_cover_everything(tmp_path: Path, lang: str) -> None:
    first = _invoke("generate", "--lang", lang, "--output", tmp_path)
    assert first.exit_code == 0
    [written] = tmp_path.iterdir()
    assert written.read_text(encoding="utf-8") == _invoke("generate", "--lang", lang).output
    run = _invoke("run", tmp_path)
    assert run.output.splitlines()[-1] == f"{SCENARIO_COUNT} passed, 0 failed"
    assert _invoke("run", "--dry-run", tmp_path).exit_code == 0  # only the vocabulary's phrasings
    assert json.loads(_invoke("coverage", tmp_path, "--format", "json").output)["missing"] == []


def test_a_no_op_ending_checks_the_account_and_completion_checks_the_money() -> None:
    feature = generate_feature("en", DEFAULT_RULES)
    declined = feature.split("Scenario: a task that ends declined")[1].split("Scenario:")[0]
    assert "And the creator's account is unchanged" in declined
    completed = feature.split("Scenario: a task that ends completed")[1].split("Scenario:")[0]
    assert 'And the platform fee for "Sample task" is 50.00 yuan' in completed
    assert "And the creator's balance is 950.00 yuan" in completed


def test_generated_scenarios_follow_the_rules_in_force(tmp_path: Path) -> None:
    rules = Rules(accept_window_hours=48)
    assert "When 48 hours pass" in generate_feature("en", rules)
    rules_file = tmp_path / "rules.toml"
    rules_file.write_text("accept_window_hours = 48\nservice_fee_percent = 10\n", encoding="utf-8")
    out = tmp_path / "out"
    assert _invoke("generate", "--rules", rules_file, "--output", out).exit_code == 0
    assert _invoke("run", out, "--rules", rules_file).exit_code == 0


def test_every_state_is_entered_by_some_generated_scenario() -> None:
    feature = generate_feature("en", DEFAULT_RULES)
    for state in State:
        assert f"is {state.label.msgid}\n" in feature
