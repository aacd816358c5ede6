"""Gherkin mistakes get the hint that fixes them; tags that select nothing, or cannot be read, say why in words."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from xingtu_sim.cli import main

CHINESE = (
    '功能: 新人培训检查\n  场景: 拒绝任务没有代价\n    假如一位拥有 150000 粉丝的达人\n    当达人拒绝任务 "春季新品"\n'
)
INTERNALS = ("Literal(", "expressions=", "(HERE)", "BEGIN", "Too few operands", "Syntax error", "parens")


def _run(*args: str | Path, lang: str = "en") -> Result:
    return CliRunner().invoke(main, ["--lang", lang, "run", *map(str, args)])


def _file(folder: Path, text: str, name: str = "check.feature") -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("lang", "hint"),
    [
        ("en", 'Error: {path}:1: this file is written in 简体中文 (zh-CN) without saying so; add "# language: zh-CN" '
               "as its first line, or run with --language zh-CN (for every file without that line)."),
        ("zh-CN", "错误：{path}:1：此文件使用 简体中文 (zh-CN) 书写，但没有声明；请在第一行加上 “# language: zh-CN”，"
                  "或运行时加上 --language zh-CN（对所有没有这一行的文件生效）。"),
    ],
)  # fmt: skip
def test_a_chinese_file_without_its_language_line_is_told_to_add_it_or_to_run_it_with_language(
    tmp_path: Path, lang: str, hint: str
) -> None:
    path = _file(tmp_path, CHINESE)
    result = _run(path, lang=lang)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [hint.format(path=path)]


def test_the_hint_holds_run_with_language_reads_a_chinese_file_that_has_no_language_line(tmp_path: Path) -> None:
    text = "功能: 开通\n  场景: 粉丝够但还没开通\n    假如一位拥有 150000 粉丝的达人\n    那么达人的星图未开通\n"
    path = _file(tmp_path, text)
    result = _run(path, "--language", "zh-CN")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[-1] == "1 passed, 0 failed"


@pytest.mark.parametrize(
    ("lang", "hint"),
    [
        ("en", 'Error: {path}:1: this file is written in 简体中文 (zh-CN) without saying so; add "# language: zh-CN" '
               "as its first line."),
        ("zh-CN", "错误：{path}:1：此文件使用 简体中文 (zh-CN) 书写，但没有声明；请在第一行加上 “# language: zh-CN”。"),
    ],
)  # fmt: skip
def test_coverage_which_has_no_language_option_only_asks_for_the_language_line(
    tmp_path: Path, lang: str, hint: str
) -> None:
    path = _file(tmp_path, CHINESE)
    result = CliRunner().invoke(main, ["--lang", lang, "coverage", str(path)])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [hint.format(path=path)]


def test_a_french_file_without_its_language_line_is_told_which_line_to_add(tmp_path: Path) -> None:
    path = _file(tmp_path, "Fonctionnalité: Essai\n  Scénario: Refuser\n    Soit un créateur\n")
    assert 'add "# language: fr" as its first line, or run with --language fr' in _run(path).stderr


def test_a_full_width_colon_is_named_as_the_problem_on_each_line(tmp_path: Path) -> None:
    path = _file(tmp_path, "# language: zh-CN\n" + CHINESE.replace("功能:", "功能：").replace("场景:", "场景："))
    result = _run(path)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f'Error: {path}:2: "功能：" has a full-width colon; write "功能:" with an ASCII colon.',
        f'{path}:3: "场景：" has a full-width colon; write "场景:" with an ASCII colon.',
    ]


def test_an_expected_keyword_is_named_in_the_files_own_language(tmp_path: Path) -> None:
    path = _file(tmp_path, "# language: zh-CN\n" + CHINESE + "  乱写的一行\n")
    stderr = _run(path).stderr
    assert f"{path}:6: unexpected line '乱写的一行'" in stderr
    assert "a step (假如/当/那么 …)" in stderr
    assert "'场景:'" in stderr


def test_more_than_five_problems_end_with_how_many_more(tmp_path: Path) -> None:
    scenarios = "".join(f"  Scenario: S{n}\n    Given a step\n  | a | b |\n  | c |\n" for n in range(8))
    path = _file(tmp_path, "Feature: Ragged tables\n" + scenarios)
    lines = _run(path).stderr.splitlines()
    assert len(lines) == 6
    assert all("the rows of this table have different numbers of cells." in line for line in lines[:5])
    assert lines[5] == f"{path}: and 3 more problems."


@pytest.mark.parametrize("command", ["run", "coverage"])
def test_tags_that_select_no_scenario_fail_and_name_the_tags_there_are(command: str) -> None:
    result = CliRunner().invoke(main, [command, "--tags", "@no-op and @nothing"])
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1].startswith(
        'No scenario matches --tags "@no-op and @nothing". The tags in these files: @breach, @details, '
    )
    assert "@no-op" in result.stderr
    assert " passed, " not in result.output


def test_tags_that_select_nothing_in_files_without_tags_say_so(tmp_path: Path) -> None:
    path = _file(tmp_path, "Feature: Untagged\n  Scenario: One\n    Given a creator with 150000 followers\n")
    result = _run(path, "--tags", "@happy-path")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == ['No scenario matches --tags "@happy-path": these files have no tags.']


@pytest.mark.parametrize(
    ("expression", "explained"),
    [
        ("@zh and", '"and" needs a tag on each side'),
        ("not", '"not" needs a tag after it'),
        ("and @zh", 'it cannot start with "and"'),
        ("@zh @en", '"and" or "or" is missing after "@zh"'),
        ("@zh and or @en", 'a tag is missing after "and"'),
        ("(@zh", 'a "(" is never closed'),
        ("@zh)", 'a ")" has no "(" before it'),
        ("@zh \\x", "a backslash may only come before"),
    ],
)
def test_a_malformed_tag_expression_is_explained_without_the_parsers_internals(expression: str, explained: str) -> None:
    result = _run("--tags", expression)
    assert result.exit_code == 2
    [line] = result.stderr.splitlines()
    assert line.startswith(f'Error: Invalid --tags expression "{expression}": {explained}')
    assert not any(internal in line for internal in INTERNALS)


def test_a_malformed_tag_expression_is_explained_in_chinese() -> None:
    result = _run("--tags", "@zh @en", lang="zh-CN")
    assert result.stderr.splitlines() == ["错误：--tags 表达式 “@zh @en” 无效：“@zh” 后面缺少 “and” 或 “or”。"]
