"""Cucumber JSON and JUnit as their consumers read them: the hook that failed a scenario counted, features with
their tags and description, Examples rows at their own line, JUnit valid under Jenkins' xUnit schema, a scenario's
own time."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
import xmlschema
from click.testing import CliRunner, Result

from xingtu_sim.cli import main

JUNIT_SCHEMA = Path(__file__).parent / "data" / "junit-xsd" / "junit-10.xsd"

MIXED = """\
@en @money
Feature: Mixed results
  What each kind of result looks like,
  on two lines.

  Background:
    Given a creator with 150000 followers

  Scenario: Unchecked refusal
    When the creator stops receiving tasks

  @dances
  Scenario: Undefined step
    When the creator dances

  Scenario Outline: Pay
    Given the creator has opened Xingtu
    And the brand "Nike" publishes the task "Spring launch" paying <price> yuan
    And the task "Spring launch" is completed
    Then the creator's balance is <net> yuan

    @rows
    Examples:
      | price | net  |
      | 8000  | 7600 |
      | 100   | 90   |
"""
# The lines of MIXED's scenarios as they run: two scenarios, then the outline's two Examples rows (not line 16).
LINES = [9, 13, 25, 26]
STATUSES = ["failed", "undefined", "passed", "failed"]

MIXED_ZH = """\
# language: zh-CN
@zh
功能: 混合结果
  场景大纲: 报酬
    假如一位拥有 150000 粉丝的达人
    而且达人已开通星图
    而且品牌方 "耐克" 发布任务 "春季新品" 报酬 <报酬> 元
    而且任务 "春季新品" 处于 已完成
    那么达人余额为 <实得> 元

    例子:
      | 报酬  | 实得  |
      | 8000 | 7600 |
      | 100  | 90   |
"""


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(main, ["run", *map(str, args)])


@pytest.fixture
def mixed(tmp_path: Path) -> Path:
    path = tmp_path / "mixed.feature"
    path.write_text(MIXED, encoding="utf-8")
    return path


@pytest.fixture
def mixed_zh(tmp_path: Path) -> Path:
    path = tmp_path / "mixed_zh.feature"
    path.write_text(MIXED_ZH, encoding="utf-8")
    return path


def cucumber_json(tmp_path: Path, *paths: Path) -> list[dict[str, Any]]:
    report = tmp_path / "cucumber.json"
    assert run(*paths, "--format", f"cucumber-json:{report}").exit_code == 1
    features: list[dict[str, Any]] = json.loads(report.read_text(encoding="utf-8"))
    return features


def junit(tmp_path: Path, *args: str | Path) -> Path:
    report = tmp_path / "junit.xml"
    result = run(*args, "--format", f"junit:{report}")
    assert result.exit_code in (0, 1), result.output
    return report


def counted_as_cucumber_html_reporter_does(element: dict[str, Any]) -> str:
    """cucumber-html-reporter 7.2 (lib/reporter.js): hooks become steps only if they have `embeddings`; then the
    first of failed, undefined, skipped, passed among the steps' statuses is the scenario's."""
    hooks = [hook for hook in element.get("before", []) + element.get("after", []) if "embeddings" in hook]
    statuses = [step["result"]["status"] for step in element["steps"] + hooks if "result" in step]
    return next(status for status in ("failed", "undefined", "skipped", "passed") if status in statuses)


def test_a_scenario_failing_only_at_its_end_counts_as_failed_where_cucumber_html_reporter_reads_it(
    tmp_path: Path, mixed: Path
) -> None:
    [feature] = cucumber_json(tmp_path, mixed)
    refusal = feature["elements"][0]
    assert [step["result"]["status"] for step in refusal["steps"]] == ["passed", "passed"]
    assert refusal["after"][0]["embeddings"] == []
    assert "A refused action was never checked" in refusal["after"][0]["result"]["error_message"]
    assert [counted_as_cucumber_html_reporter_does(element) for element in feature["elements"]] == STATUSES


def test_a_feature_in_cucumber_json_has_its_description_and_tags_with_their_lines(tmp_path: Path, mixed: Path) -> None:
    [feature] = cucumber_json(tmp_path, mixed)
    assert feature["description"] == "  What each kind of result looks like,\n  on two lines."
    assert feature["tags"] == [{"name": "@en", "line": 1}, {"name": "@money", "line": 1}]
    undefined, row = feature["elements"][1], feature["elements"][2]
    assert undefined["tags"] == [*feature["tags"], {"name": "@dances", "line": 12}]
    assert row["tags"] == [*feature["tags"], {"name": "@rows", "line": 22}]
    assert all(step["arguments"] == [] for element in feature["elements"] for step in element["steps"])


def test_each_examples_row_is_reported_at_its_own_line_in_every_report(tmp_path: Path, mixed: Path) -> None:
    [feature] = cucumber_json(tmp_path, mixed)
    assert [element["line"] for element in feature["elements"]] == LINES
    pretty = run(mixed).output
    shown_lines = re.findall(rf"  # \S*{re.escape(mixed.name)}:(\d+)$", pretty, re.MULTILINE)
    assert shown_lines[1:] == [str(line) for line in LINES]  # the feature's own line first
    assert f"{mixed.name}:26  Pay · 100 | 90  (failed)" in pretty.replace(str(mixed.parent) + "/", "")
    outs = [case.findtext("system-out") or "" for case in ET.parse(junit(tmp_path, mixed)).iter("testcase")]
    assert [out.splitlines()[0].rsplit(":", 1)[1] for out in outs] == [str(line) for line in LINES]
    messages = tmp_path / "run.ndjson"
    run(mixed, "--format", f"message:{messages}")
    envelopes = [json.loads(line) for line in messages.read_text(encoding="utf-8").splitlines()]
    pickles = {e["pickle"]["id"]: e["pickle"] for e in envelopes if "pickle" in e}
    cases = {e["testCase"]["id"]: pickles[e["testCase"]["pickleId"]] for e in envelopes if "testCase" in e}
    started = [cases[e["testCaseStarted"]["testCaseId"]] for e in envelopes if "testCaseStarted" in e]
    assert [pickle["location"]["line"] for pickle in started] == LINES
    assert [pickle["name"] for pickle in started][2:] == ["Pay", "Pay"]


def test_chinese_examples_rows_have_their_own_lines_too(tmp_path: Path, mixed_zh: Path) -> None:
    [feature] = cucumber_json(tmp_path, mixed_zh)
    assert [element["line"] for element in feature["elements"]] == [13, 14]
    assert feature["tags"] == [{"name": "@zh", "line": 2}]
    shown = CliRunner().invoke(main, ["run", str(mixed_zh), "--lang", "zh-CN"]).output
    assert re.findall(rf"  # \S*{re.escape(mixed_zh.name)}:(\d+)$", shown, re.MULTILINE)[1:] == ["13", "14"]
    assert "共 2 个场景：1 个通过，1 个失败" in shown


@pytest.mark.parametrize("extra", [[], ["--fail-fast"], ["--dry-run"]], ids=["run", "fail-fast", "dry-run"])
def test_junit_is_valid_under_the_jenkins_xunit_plugins_schema(
    tmp_path: Path, mixed: Path, mixed_zh: Path, extra: list[str]
) -> None:
    schema = xmlschema.XMLSchema(JUNIT_SCHEMA)
    report = junit(tmp_path, mixed, mixed_zh, *extra)
    schema.validate(report)
    suites = ET.parse(report).getroot()
    assert [suite.get("file") for suite in suites] == [str(mixed), str(mixed_zh)]
    assert all(case.get("file") is None and case.get("line") is None for case in suites.iter("testcase"))


def test_junit_counts_failures_and_the_scenarios_fail_fast_left_unrun(tmp_path: Path, mixed: Path) -> None:
    suites = ET.parse(junit(tmp_path, mixed, "--fail-fast")).getroot()
    [suite] = suites
    assert (suite.get("tests"), suite.get("failures"), suite.get("skipped")) == ("4", "1", "3")
    cases = list(suite.iter("testcase"))
    assert [case.find("failure") is not None for case in cases] == [True, False, False, False]
    assert [case.find("skipped") is not None for case in cases] == [False, True, True, True]


def test_junit_rejected_file_and_line_on_a_testcase_which_is_why_they_moved(tmp_path: Path) -> None:
    schema = xmlschema.XMLSchema(JUNIT_SCHEMA)
    old = '<testsuites><testsuite name="f" tests="1" failures="0" errors="0"><testcase name="s" file="x" line="3"/>'
    assert not schema.is_valid(old + "</testsuite></testsuites>")


def test_a_failing_scenarios_time_is_its_own_not_the_building_of_pytests_report(tmp_path: Path) -> None:
    # A failure deep in a long scenario: pytest formats a long traceback for it, none of which is the scenario's time.
    steps = "    Given a creator with 150000 followers\n    And the creator has opened Xingtu\n"
    steps += '    And the brand "Nike" publishes the task "Spring launch" paying 8000 yuan\n'
    steps += "    When 1 hour passes\n" * 200 + '    Then the task "Spring launch" is completed\n'
    path = tmp_path / "long.feature"
    path.write_text("Feature: Long\n  Scenario: Fails at the end\n" + steps, encoding="utf-8")
    report = tmp_path / "cucumber.json"
    junit_report = tmp_path / "junit.xml"
    assert run(path, "--format", f"cucumber-json:{report}", "--format", f"junit:{junit_report}").exit_code == 1
    [feature] = json.loads(report.read_text(encoding="utf-8"))
    steps_seconds = sum(step["result"]["duration"] for step in feature["elements"][0]["steps"]) / 1e9
    [case] = ET.parse(junit_report).getroot().iter("testcase")
    # Its time holds its steps and little else: setup and teardown, not seconds of report building.
    assert steps_seconds <= float(case.get("time") or 0) + 0.001
    assert float(case.get("time") or 0) < steps_seconds * 3 + 0.5
