"""`run` as Cucumber users work: a scenario by line or name, fail fast, rerun the failures, several reports in one run,
repeated --tags, dry runs that write reports, undefined counted apart, a default Gherkin language, its keywords."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from xingtu_sim.cli import main

FEATURE = """\
Feature: Picking scenarios
  Background:
    Given a creator with 150000 followers
    And the creator has opened Xingtu

  @decline
  Scenario: Declining
    Given the brand "Nike" publishes the task "Spring launch" paying 8000 yuan
    When the creator declines the task "Spring launch"
    Then the task "Spring launch" is declined

  Scenario: Wrong state
    Given the brand "Nike" publishes the task "Spring launch" paying 8000 yuan
    Then the task "Spring launch" is completed

  Scenario: Dancing
    When the creator dances

  Scenario Outline: Pay <price>
    Given the brand "Nike" publishes the task "Spring launch" paying <price> yuan
    And the task "Spring launch" is completed
    Then the creator's balance is <net> yuan

    Examples:
      | price | net  |
      | 8000  | 7600 |
      | 100   | 90   |
      | 200   | 190  |
"""
# Where each scenario starts: Declining 7, Wrong state 12, Dancing 16, the outline 19 with its rows 26, 27, 28.
# Without --tags, `run` gives . F U . F . for them.
PASSING_ROW, FAILING_ROW = 26, 27

FEATURE_ZH = """\
功能: 按行选择
  场景: 拒绝
    假如一位拥有 15万 粉丝的达人
    而且达人已开通星图
    而且品牌方 "耐克" 发布任务 "春季新品" 报酬 8000 元
    当达人拒绝任务 "春季新品"
    那么任务 "春季新品" 的状态是 已拒绝

  场景: 跳舞
    假如一位拥有 15万 粉丝的达人
    当达人跳舞
"""


def run(*args: str | Path, lang: str = "en") -> Result:
    return CliRunner().invoke(main, ["run", "--lang", lang, *map(str, args)])


@pytest.fixture
def feature(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    path = Path("picking.feature")
    path.write_text(FEATURE, encoding="utf-8")
    return path


@pytest.fixture
def feature_zh(tmp_path: Path) -> Path:
    path = tmp_path / "zh.feature"
    path.write_text("# language: zh-CN\n" + FEATURE_ZH, encoding="utf-8")
    return path


def titles(result: Result) -> list[str]:
    """The scenarios a pretty report shows, in order."""
    return re.findall(r"^  (?:Scenario|Scenario Outline|场景|场景大纲): (.*?)  # ", result.output, re.MULTILINE)


def test_a_line_runs_the_scenario_that_starts_there(feature: Path) -> None:
    result = run(f"{feature}:7")
    assert titles(result) == ["Declining"]
    assert result.output.splitlines()[-1] == "1 passed, 0 failed"


def test_the_line_of_an_examples_row_runs_that_row_only_and_the_outlines_line_every_row(feature: Path) -> None:
    assert titles(run(f"{feature}:{FAILING_ROW}")) == ["Pay 100 · 100 | 90"]
    assert titles(run(f"{feature}:19")) == ["Pay 8000 · 8000 | 7600", "Pay 100 · 100 | 90", "Pay 200 · 200 | 190"]


def test_several_lines_may_follow_one_path(feature: Path) -> None:
    result = run(f"{feature}:7:{PASSING_ROW}:12")
    assert titles(result) == ["Declining", "Wrong state", "Pay 8000 · 8000 | 7600"]
    assert result.exit_code == 1


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "picking.feature:9: no scenario or Examples row starts at line 9; the nearest start at lines 7, 12."),
        ("zh-CN", "picking.feature:9：第 9 行不是场景或例子行的开头；最近的在第 7、12 行。"),
    ],
)
def test_a_line_that_starts_no_scenario_is_bad_input_naming_the_nearest(
    feature: Path, lang: str, expected: str
) -> None:
    result = run(f"{feature}:7:9", lang=lang)
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [("Error: " if lang == "en" else "错误：") + expected]


def test_a_line_number_that_is_not_one_is_bad_input(feature: Path) -> None:
    result = run(f"{feature}:seven")
    assert result.exit_code == 2
    assert (
        'picking.feature:seven: "seven" is not a line number; write FILE:LINE, e.g. picking.feature:12.'
        in result.output
    )


def test_a_line_in_a_chinese_file_runs_its_scenario(feature_zh: Path) -> None:
    result = run(f"{feature_zh}:3", lang="zh-CN")
    assert titles(result) == ["拒绝"]
    assert result.exit_code == 0


def test_name_selects_by_regular_expression_any_of_several(feature: Path) -> None:
    assert titles(run(feature, "--name", "^Declin")) == ["Declining"]
    result = run(feature, "--name", "Wrong", "--name", r"Pay \d00$")
    assert titles(result) == ["Wrong state", "Pay 100 · 100 | 90", "Pay 200 · 200 | 190"]


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "en",
            'Error: --name "Pay (" is not a regular expression: missing ), unterminated subpattern (at character 5).',
        ),
        ("zh-CN", "错误：--name “Pay (” 不是正则表达式：missing ), unterminated subpattern（第 5 个字符处）。"),
    ],
)
def test_a_name_that_is_not_a_regular_expression_is_one_line_exit_2(feature: Path, lang: str, expected: str) -> None:
    result = run(feature, "--name", "Pay (", lang=lang)
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [expected]


def test_a_name_that_matches_nothing_fails_the_run(feature: Path) -> None:
    result = run(feature, "--name", "Nothing like it")
    assert result.exit_code == 1
    assert 'No scenario matches --name "Nothing like it".' in result.output


def test_repeated_tags_must_all_hold(feature: Path) -> None:
    result = run(feature, "--tags", "@decline or @other", "--tags", "not @other")
    assert titles(result) == ["Declining"]
    nothing = run(feature, "--tags", "@decline", "--tags", "not @decline")
    assert nothing.exit_code == 1
    assert 'No scenario matches --tags "@decline" --tags "not @decline". The tags in these files: ' in nothing.output


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", 'No scenario matches --tags "@decline" --tags "not @decline" --name "Declin".'),
        ("zh-CN", '没有场景匹配 --tags "@decline" --tags "not @decline" --name "Declin"。'),
    ],
)
def test_a_selection_of_nothing_repeats_each_option_as_typed_in_both_languages(
    feature: Path, lang: str, said: str
) -> None:
    nothing = run(feature, "--tags", "@decline", "--tags", "not @decline", "--name", "Declin", lang=lang)
    assert nothing.exit_code == 1
    assert said in nothing.output.splitlines()
    assert "(@decline)" not in nothing.output


@pytest.mark.parametrize(
    ("lang", "closing", "said"),
    [
        ("en", "0 passed, 1 failed, 4 skipped", None),
        ("zh-CN", "0 passed, 1 failed, 4 skipped", "共 5 个场景：0 个通过，1 个失败，4 个跳过"),
    ],
)
def test_fail_fast_stops_at_the_first_failure_and_reports_the_rest_skipped(
    feature: Path, lang: str, closing: str, said: str | None
) -> None:
    result = run(feature, "--fail-fast", "--tags", "not @decline", "--format", "progress", lang=lang)
    assert result.exit_code == 1
    assert result.output.startswith("F----\n")
    assert result.output.splitlines()[-1] == closing
    if said:
        assert said in result.output


def test_undefined_scenarios_get_their_own_count(feature: Path) -> None:
    result = run(feature)
    assert result.output.splitlines()[-1] == "3 passed, 2 failed, 1 undefined"
    zh = run(feature, lang="zh-CN")
    assert "共 6 个场景：3 个通过，2 个失败，1 个未定义" in zh.output
    assert "1 个场景含有未定义的步骤：`xingtu-sim steps` 列出全部说法。" in zh.output
    assert zh.output.splitlines()[-1] == "3 passed, 2 failed, 1 undefined"


def test_the_rerun_report_lists_what_did_not_pass_and_rerunning_it_runs_exactly_those(feature: Path) -> None:
    assert run(feature, "--format", "progress", "--format", "rerun:rerun.txt").exit_code == 1
    assert Path("rerun.txt").read_text(encoding="utf-8") == f"{feature}:12:16:{FAILING_ROW}\n"
    again = run("@rerun.txt")
    assert titles(again) == ["Wrong state", "Dancing", "Pay 100 · 100 | 90"]
    assert again.output.splitlines()[-1] == "0 passed, 2 failed, 1 undefined"


def test_rerun_with_output_and_a_file_literally_named_with_an_at(feature: Path) -> None:
    assert run(feature, "--format", "rerun", "--output", "@rerun.txt").exit_code == 1
    assert titles(run("@rerun.txt")) == ["Wrong state", "Dancing", "Pay 100 · 100 | 90"]


@pytest.mark.parametrize(
    ("lang", "files", "said"),
    [
        ("en", 1, "The rerun file names no scenario: nothing to run."),
        ("en", 2, "The rerun files name no scenario: nothing to run."),
        ("zh-CN", 1, "重跑文件中没有列出任何场景：没有要运行的。"),
        ("zh-CN", 2, "重跑文件中没有列出任何场景：没有要运行的。"),
    ],
)
def test_an_empty_rerun_file_runs_nothing_and_passes(feature: Path, lang: str, files: int, said: str) -> None:
    assert run(f"{feature}:7", "--format", "rerun:rerun.txt").exit_code == 0
    assert Path("rerun.txt").read_text(encoding="utf-8") == ""
    Path("again.txt").write_text("", encoding="utf-8")
    result = run(*["@rerun.txt", "@again.txt"][:files], lang=lang)
    assert result.exit_code == 0
    assert said in result.output.splitlines()
    assert result.output.splitlines()[-1] == "0 passed, 0 failed"


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "Error: @missing.txt: there is no file missing.txt to read the scenarios to run from."),
        ("zh-CN", "错误：@missing.txt：没有文件 missing.txt 可以读取要运行的场景。"),
    ],
)
def test_a_missing_rerun_file_is_one_line_exit_2(feature: Path, lang: str, expected: str) -> None:
    result = run("@missing.txt", lang=lang)
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [expected]


def test_several_reports_in_one_run_each_whole(feature: Path) -> None:
    result = run(
        feature, "--format", "progress", "--format", "junit:junit.xml", "--format", "cucumber-json:cucumber.json",
        "--format", "html:report.html", "--format", "message:run.ndjson", "--format", "rerun:rerun.txt",
    )  # fmt: skip
    assert result.exit_code == 1
    assert result.output.startswith(".FU.F.\n")
    assert ET.parse("junit.xml").getroot().get("tests") == "6"
    assert len(json.loads(Path("cucumber.json").read_text(encoding="utf-8"))[0]["elements"]) == 6
    assert Path("report.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    finished = [json.loads(line) for line in Path("run.ndjson").read_text(encoding="utf-8").splitlines()]
    assert sum("testCaseFinished" in envelope for envelope in finished) == 6
    assert Path("rerun.txt").read_text(encoding="utf-8") == f"{feature}:12:16:{FAILING_ROW}\n"
    for written in ("junit report written to junit.xml", "html report written to report.html"):
        assert written in result.output


def test_a_document_on_standard_output_beside_reports_in_files_stays_clean(feature: Path) -> None:
    result = CliRunner().invoke(main, ["run", str(feature), "--format", "cucumber-json", "--format", "junit:j.xml"])
    assert len(json.loads(result.stdout)[0]["elements"]) == 6
    assert "junit report written to j.xml" in result.stderr
    assert result.stderr.splitlines()[-1] == "3 passed, 2 failed, 1 undefined"


@pytest.mark.parametrize(
    ("args", "english", "chinese"),
    [
        (
            ["--format", "pretty", "--format", "junit"],
            "Error: Only one report can go to standard output, not pretty, junit; write the others to files with "
            "--format FMT:PATH.",
            "错误：只能有一个报告输出到标准输出，而不是 pretty、junit；其余的请用 --format 格式:路径 写入文件。",
        ),
        (
            ["--format", "junit", "--format", "html:r.html", "-o", "j.xml"],
            "Error: --output names the file of a single --format; for several reports write --format FMT:PATH each.",
            "错误：--output 只用于单个 --format 的报告文件；要写多个报告，请分别写 --format 格式:路径。",
        ),
        (
            ["--format", "junit:same.xml", "--format", "cucumber-json:same.xml"],
            "Error: Two reports cannot be written to the same file",
            "错误：两个报告不能写入同一个文件",
        ),
        (
            ["--format", "yaml:r.yaml"],
            'Error: There is no --format "yaml"; choose from pretty, progress, cucumber-json, junit, message, html, '
            "rerun.",
            "错误：没有 --format “yaml”；可选：pretty、progress、cucumber-json、junit、message、html、rerun。",
        ),
    ],
    ids=["two-to-stdout", "output-with-several", "same-file", "unknown"],
)
def test_reports_asked_for_badly_are_one_line_exit_2_and_nothing_runs(
    feature: Path, args: list[str], english: str, chinese: str
) -> None:
    for lang, expected in (("en", english), ("zh-CN", chinese)):
        result = run(feature, *args, lang=lang)
        assert result.exit_code == 2
        [line] = result.output.strip().splitlines()
        assert line.startswith(expected)
    assert [*Path().glob("*.xml"), *Path().glob("*.html")] == []


def test_dry_run_honours_tags_names_and_lines_and_writes_the_reports_asked_for(feature: Path) -> None:
    result = run(
        f"{feature}:12:16:19", "--tags", "not @decline", "--name", "Dancing|Pay 100", "--dry-run",
        "--format", "junit:junit.xml", "--format", "cucumber-json:c.json", "--format", "message:m.ndjson",
        "--format", "html:r.html",
    )  # fmt: skip
    assert result.exit_code == 1  # the undefined step
    assert "picking.feature:17: When the creator dances" in result.output
    assert "6 steps checked against the vocabulary, 1 with problems." in result.output
    [feature_json] = json.loads(Path("c.json").read_text(encoding="utf-8"))
    elements = feature_json["elements"]
    assert [element["name"] for element in elements] == ["Dancing", "Pay 100 · 100 | 90"]
    assert [[step["result"]["status"] for step in element["steps"]] for element in elements] == [
        ["skipped", "skipped", "undefined"],
        ["skipped"] * 5,
    ]
    suite = ET.parse("junit.xml").getroot()[0]
    assert (suite.get("tests"), suite.get("failures"), suite.get("skipped")) == ("2", "1", "1")
    statuses = [
        json.loads(line)["testStepFinished"]["testStepResult"]["status"]
        for line in Path("m.ndjson").read_text(encoding="utf-8").splitlines()
        if "testStepFinished" in line
    ]
    assert sorted(set(statuses)) == ["SKIPPED", "UNDEFINED"]
    assert statuses.count("UNDEFINED") == 1
    assert "Pay 100" in Path("r.html").read_text(encoding="utf-8")


def test_a_chinese_file_without_its_language_line_runs_with_language_zh_cn(tmp_path: Path) -> None:
    path = tmp_path / "no_header.feature"
    path.write_text(FEATURE_ZH, encoding="utf-8")
    refused = run(path, lang="zh-CN")
    assert refused.exit_code == 2
    assert "# language: zh-CN" in refused.output
    result = run(path, "--language", "zh-CN", lang="zh-CN")
    assert result.exit_code == 1
    assert titles(result) == ["拒绝", "跳舞"]
    assert result.output.splitlines()[-1] == "1 passed, 0 failed, 1 undefined"
    messages = tmp_path / "m.ndjson"
    assert run(path, "--language", "zh-CN", "--format", f"message:{messages}").exit_code == 1
    assert '"language":"zh-CN"' in messages.read_text(encoding="utf-8").replace(" ", "")


def test_language_names_the_default_so_an_english_file_must_then_say_so(feature: Path) -> None:
    result = run(feature, "--language", "zh-CN")
    assert result.exit_code == 2
    assert 'add "# language: en" as its first line' in result.output


@pytest.mark.parametrize(
    ("lang", "heading"),
    [
        ("en", 'Gherkin keywords of 简体中文 (zh-CN); a file in it starts with "# language: zh-CN"'),
        ("zh-CN", "简体中文（zh-CN）的 Gherkin 关键字；这种语言的文件以 “# language: zh-CN” 开头"),
    ],
)
def test_i18n_keywords_lists_a_languages_gherkin_keywords(lang: str, heading: str) -> None:
    result = run("--i18n-keywords", "zh-CN", lang=lang)
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0].startswith(heading)
    assert "  Feature           功能" in lines
    assert "  Scenario Outline  场景大纲 / 剧本大纲" in lines
    assert "  Given             * / 假如 / 假设 / 假定" in lines


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", 'Error: There is no Gherkin language "zh"; did you mean'),
        ("zh-CN", "错误：没有 Gherkin 语言 “zh”；你是不是想用"),
    ],
)
def test_an_unknown_gherkin_language_is_one_line_exit_2(lang: str, expected: str) -> None:
    for option in ("--i18n-keywords", "--language"):
        result = run(option, "zh", lang=lang)
        assert result.exit_code == 2
        [line] = result.output.strip().splitlines()
        assert line.startswith(expected)
        assert "zh-CN" in line


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("en", "Error: --output is given 2 times; give it once."), ("zh-CN", "错误：--output 给了 2 次；只能给一次。")],
)
def test_an_option_that_takes_one_value_given_twice_is_bad_input_not_the_last_kept(
    feature: Path, lang: str, expected: str
) -> None:
    twice = {
        "--output": ["--format", "junit", "-o", "a.xml", "--output", "b.xml"],
        "--language": ["--language", "en"] * 2,
    }
    for option, args in twice.items():
        result = run(feature, *args, lang=lang)
        assert result.exit_code == 2
        assert result.output.strip().splitlines() == [expected.replace("--output", option)]
