"""`xingtu-sim run`: scenarios in, Gherkin-style results and the right exit code out."""

from __future__ import annotations

import json
import os
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from xingtu_sim.cli import main

OPENED = """\
    Given a creator with 150000 followers
    And the creator has opened Xingtu
    And the brand "Nike" publishes the task "Spring launch" paying 8000 yuan
"""


def _feature(folder: Path, body: str, name: str = "trial.feature", header: str = "Feature: Trial\n") -> Path:
    path = folder / name
    path.write_text(header + body, encoding="utf-8")
    return path


def _run(*args: str | Path) -> Result:
    return CliRunner().invoke(main, ["run", *map(str, args)])


def test_the_bundled_scenarios_all_pass_from_any_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = _run()
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[-1] == "108 passed, 0 failed"
    assert "Feature: Accepting a task through to completion" in result.output
    assert "功能: 接受任务直到完成" in result.output


def test_each_action_shows_the_state_the_task_reached(tmp_path: Path) -> None:
    path = _feature(
        tmp_path, "  Scenario: Viewing\n" + OPENED + '    When the creator views the task "Spring launch"\n'
    )
    result = _run(path)
    assert (
        '✓ When the creator views the task "Spring launch"   → task "Spring launch" is viewing details' in result.output
    )


def test_a_failing_check_shows_expected_and_actual_and_exits_1(tmp_path: Path) -> None:
    path = _feature(tmp_path, "  Scenario: Wrong\n" + OPENED + '    Then the task "Spring launch" is completed\n')
    result = _run(path)
    assert result.exit_code == 1
    assert 'expected: task "Spring launch" is completed' in result.output
    assert 'actual:   task "Spring launch" is pending receipt' in result.output
    assert result.output.splitlines()[-1] == "0 passed, 1 failed"


def test_an_undefined_step_fails_with_the_nearest_phrasing(tmp_path: Path) -> None:
    body = (
        "  Scenario: Typo\n"
        + OPENED
        + '    When the creator accept the task "Spring launch"\n    Then the creator has 0 breaches\n'
    )
    result = _run(_feature(tmp_path, body))
    assert result.exit_code == 1
    assert "(undefined)" in result.output
    assert 'nearest phrasing: When the creator accepts the task "{task}"' in result.output
    assert "- Then the creator has 0 breaches  (skipped)" in result.output


def test_a_refusal_no_then_step_checks_fails_the_scenario_at_its_end(tmp_path: Path) -> None:
    body = "  Scenario: Unchecked\n" + OPENED + '    When the creator publishes the video for "Spring launch"\n'
    result = _run(_feature(tmp_path, body))
    assert result.exit_code == 1
    assert "A refused action was never checked" in result.output


def test_a_refusal_checked_by_a_then_step_passes(tmp_path: Path) -> None:
    body = (
        "  Scenario: Checked\n" + OPENED + '    When the creator publishes the video for "Spring launch"\n'
        "    Then the action is refused because not allowed in this state\n"
        "    And the creator's account is unchanged\n"
    )
    assert _run(_feature(tmp_path, body)).exit_code == 0


def test_expecting_a_refusal_after_a_successful_action_fails(tmp_path: Path) -> None:
    body = (
        "  Scenario: Not refused\n"
        + OPENED
        + '    When the creator views the task "Spring launch"\n    Then the action is refused\n'
    )
    result = _run(_feature(tmp_path, body))
    assert result.exit_code == 1
    assert "The last action was not refused" in result.output


def test_unchanged_compares_with_the_account_after_the_last_given_step(tmp_path: Path) -> None:
    body = (
        "  Scenario: Cancelling changes the account\n" + OPENED + '    And the task "Spring launch" is accepted\n'
        '    When the creator cancels the task "Spring launch"\n'
        "    Then the creator's account is unchanged\n"
    )
    result = _run(_feature(tmp_path, body))
    assert result.exit_code == 1
    assert "balance 0.00 yuan, 1 breach" in result.output


def test_tags_select_scenarios_with_cucumber_expressions() -> None:
    result = _run("--tags", "@no-op and not (@zh or @lapse)")
    assert result.exit_code == 0
    assert result.output.splitlines()[-1] == "3 passed, 0 failed"


def test_a_bad_tag_expression_is_bad_input() -> None:
    result = _run("--tags", "@no-op and")
    assert result.exit_code == 2
    assert "Invalid --tags expression" in result.output


def test_reports_for_tools_count_every_scenario_even_one_whose_first_step_is_undefined(tmp_path: Path) -> None:
    body = "  Scenario: First step undefined\n    Given a creator who dances\n\n  Scenario: Passing\n" + OPENED
    path = _feature(tmp_path, body)
    cucumber, junit = tmp_path / "report.json", tmp_path / "report.xml"
    assert _run(path, "--format", "cucumber-json", "--output", cucumber).exit_code == 1
    assert _run(path, "--format", "junit", "--output", junit).exit_code == 1
    [feature] = json.loads(cucumber.read_text(encoding="utf-8"))
    statuses = [[step["result"]["status"] for step in element["steps"]] for element in feature["elements"]]
    assert statuses == [["undefined"], ["passed", "passed", "passed"]]
    suites = ET.parse(junit).getroot()
    assert (suites.get("tests"), suites.get("failures")) == ("2", "1")


def test_a_report_for_tools_on_stdout_stays_a_clean_document(tmp_path: Path) -> None:
    path = _feature(tmp_path, "  Scenario: Passing\n" + OPENED)
    result = CliRunner().invoke(main, ["run", str(path), "--format", "cucumber-json"])
    assert json.loads(result.stdout)[0]["name"] == "Trial"
    assert result.stderr.splitlines()[-1] == "1 passed, 0 failed"


def test_progress_prints_a_mark_per_scenario(tmp_path: Path) -> None:
    body = (
        "  Scenario: One\n"
        + OPENED
        + "\n  Scenario: Two\n"
        + OPENED
        + '    Then the task "Spring launch" is completed\n'
    )
    result = _run(_feature(tmp_path, body), "--format", "progress")
    assert result.output.startswith(".F\n")


def test_dry_run_lists_each_undefined_step_with_file_line_and_nearest_phrasing(tmp_path: Path) -> None:
    body = (
        "  Scenario: Typos\n"
        + OPENED
        + '    When the creator accept the task "Spring launch"\n    Then the task "Spring launch" is finished\n'
    )
    path = _feature(tmp_path, body)
    result = _run(path, "--dry-run")
    assert result.exit_code == 1
    assert f'{path}:6: When the creator accept the task "Spring launch"' in result.output
    assert 'nearest phrasing: When the creator accepts the task "{task}"' in result.output
    assert f"{path}:7:" in result.output
    assert 'There is no state "finished"' in result.output
    assert "5 steps checked against the vocabulary, 2 with problems." in result.output


def test_dry_run_of_the_bundled_scenarios_finds_nothing() -> None:
    result = _run("--dry-run")
    assert result.exit_code == 0
    assert ", 0 with problems." in result.output


def test_chinese_features_run_and_report_in_chinese(tmp_path: Path) -> None:
    body = (
        "  场景: 拒绝\n    假如一位拥有 15万 粉丝的达人\n    而且达人已开通星图\n"
        '    而且品牌方 "耐克" 发布任务 "春季新品" 报酬 8000 元\n    当达人拒绝任务 "春季新品"\n'
        '    那么任务 "春季新品" 的状态是 已完成\n'
    )
    path = _feature(tmp_path, body, header="# language: zh-CN\n功能: 试一试\n")
    result = CliRunner().invoke(main, ["run", str(path), "--lang", "zh-CN"])
    assert result.exit_code == 1
    assert "预期：任务 “春季新品” 处于 已完成" in result.output
    assert "实际：任务 “春季新品” 处于 已拒绝" in result.output
    assert "共 1 个场景：0 个通过，1 个失败" in result.output


def test_a_rules_file_changes_what_the_scenarios_see(tmp_path: Path) -> None:
    rules = tmp_path / "rules.toml"
    rules.write_text("service_fee_percent = 10\n", encoding="utf-8")
    body = (
        "  Scenario: Fee\n"
        + OPENED
        + '    And the task "Spring launch" is completed\n    Then the creator\'s balance is 7200 yuan\n'
    )
    assert _run(_feature(tmp_path, body), "--rules", rules).exit_code == 0


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"Feature: Broken\n  Scenario: A\n    Given a step\n  | a | b |\n  | c |\n", "the rows of this table"),
        (b"", "the file is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "not a text file"),
        ("# language: zh-CN\n功能: 测试\n".encode("gb18030"), "not UTF-8 text (it looks like GBK/GB18030)"),
        (b"# language: tlh-x\nFeature: Klingon\n", 'unknown language "tlh-x"'),
        (b"Feature: Nothing here\n", "the feature holds no scenario"),
        (b"just some notes\n", "unexpected line 'just some notes'"),
        (b"Feature: And first\n  Scenario: A\n    And a step\n", "starts with Given, When, Then or *"),
    ],
    ids=["malformed", "empty", "binary", "gbk", "language", "no-scenario", "not-gherkin", "and-first"],
)
def test_a_broken_feature_file_is_one_clear_line_with_exit_2(tmp_path: Path, content: bytes, expected: str) -> None:
    path = tmp_path / "broken.feature"
    path.write_bytes(content)
    result = _run(path)
    assert result.exit_code == 2
    assert expected in result.output
    assert str(path) in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    ("make", "expected"), [("missing", "no such file or folder"), ("empty-folder", "holds no .feature")]
)
def test_a_path_with_nothing_to_run_is_bad_input(tmp_path: Path, make: str, expected: str) -> None:
    path = tmp_path / make
    if make == "empty-folder":
        path.mkdir()
    result = _run(path)
    assert result.exit_code == 2
    assert expected in result.output


def test_a_bad_rules_file_is_bad_input_before_anything_runs(tmp_path: Path) -> None:
    rules = tmp_path / "rules.toml"
    rules.write_text("service_fee_percent = 120\n", encoding="utf-8")
    result = _run("--rules", rules)
    assert result.exit_code == 2
    assert "service_fee_percent" in result.output


def test_a_byte_order_mark_is_not_an_error(tmp_path: Path) -> None:
    path = tmp_path / "bom.feature"
    path.write_bytes(("\ufeffFeature: BOM\n  Scenario: A\n" + OPENED).encode("utf-8"))
    assert _run(path).exit_code == 0


def test_a_report_path_that_cannot_be_written_is_bad_input(tmp_path: Path) -> None:
    result = _run("--format", "junit", "--output", tmp_path / "missing-folder" / "report.xml")
    assert result.exit_code == 2
    assert "Cannot write" in result.output
    assert "no such file" in result.output


def test_a_first_step_written_with_a_star_sets_the_scene_like_given(tmp_path: Path) -> None:
    body = OPENED.replace("Given", "*").replace("And", "*")
    path = _feature(tmp_path, "  Scenario: Stars\n" + body + '    Then the task "Spring launch" is pending receipt\n')
    result = _run(path)
    assert result.exit_code == 0, result.output
    assert '✓ * the brand "Nike" publishes the task "Spring launch" paying 8000 yuan' in result.output


def test_scenarios_that_share_a_name_all_run_told_apart_by_their_line(tmp_path: Path) -> None:
    body = "  Scenario: Same\n" + OPENED + "  Scenario: Same\n" + OPENED + "    Then the action is refused\n"
    result = _run(_feature(tmp_path, body))
    assert result.exit_code == 1
    assert "Scenario: Same (line 2)" in result.output
    assert "Scenario: Same (line 6)" in result.output
    assert result.output.splitlines()[-1] == "1 passed, 1 failed"


def test_a_pipe_is_refused_before_it_is_read_rather_than_read_twice(tmp_path: Path) -> None:
    fifo = tmp_path / "scenarios.feature"
    os.mkfifo(fifo)
    result = _run(fifo)  # opening a FIFO nobody writes to would block: nothing may open it
    assert result.exit_code == 2
    assert f"{fifo}: not a regular file" in result.output


@pytest.mark.parametrize("tag", ["@skip", "@skipif", "@xfail", "@parametrize", "@usefixtures", "@_draft", "@"])
def test_a_tag_pytest_would_read_as_its_own_runs_the_scenario_like_any_other_tag(tmp_path: Path, tag: str) -> None:
    body = f"  {tag}\n  Scenario: Tagged\n" + OPENED + "    Then the action is refused\n"
    path = _feature(tmp_path, body)
    result = _run(path)
    assert result.exit_code == 1  # the scenario ran, and its Then step failed: nothing was skipped
    assert result.output.splitlines()[-1] == "0 passed, 1 failed"
    assert _run("--tags", tag if tag != "@" else "not @x", path).output.splitlines()[-1] == "0 passed, 1 failed"


def test_a_folder_named_like_a_feature_file_is_searched_not_read(tmp_path: Path) -> None:
    (tmp_path / "drafts.feature").mkdir()
    _feature(tmp_path / "drafts.feature", "  Scenario: Inside\n" + OPENED)
    result = _run(tmp_path)
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[-1] == "1 passed, 0 failed"


def test_a_feature_file_that_is_a_broken_link_says_there_is_no_such_file(tmp_path: Path) -> None:
    (tmp_path / "gone.feature").symlink_to(tmp_path / "nowhere.feature")
    result = _run(tmp_path)
    assert result.exit_code == 2
    assert "gone.feature: cannot be read: no such file" in result.output


def test_control_characters_in_names_leave_the_junit_report_well_formed(tmp_path: Path) -> None:
    path = _feature(tmp_path, "  Scenario: Pasted\x02 name\x1b\n" + OPENED, header="Feature: Trial\x01\n")
    result = _run("--format", "junit", path)
    assert result.exit_code == 0, result.output
    (case,) = ET.fromstring(result.stdout.encode("utf-8")).iter("testcase")
    assert case.get("name") == "Pasted\ufffd name\ufffd"


def test_control_characters_in_a_feature_never_reach_the_terminal(tmp_path: Path) -> None:
    path = _feature(tmp_path, "  Scenario: Sneaky \x1b[2J name\n" + OPENED, header="Feature: Bell \x07 ring\n")
    result = _run(path)
    assert result.exit_code == 0
    assert "\x1b" not in result.output
    assert "\x07" not in result.output
    assert "Scenario: Sneaky \ufffd[2J name" in result.output
