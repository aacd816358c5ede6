"""A step longer than any phrasing needs is bad input, named with its file and line (issue 15)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from xingtu_sim.cli import main
from xingtu_sim.steps.vocabulary import MAX_STEP_LENGTH

HUGE = "一位拥有" + " " * 100_000 + "150000 粉丝的达人"


def _write(folder: Path, body: str) -> Path:
    path = folder / "long.feature"
    path.write_text(body, encoding="utf-8")
    return path


@pytest.mark.parametrize("dry_run", [[], ["--dry-run"]], ids=["run", "dry run"])
@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", f"long.feature:4: this step is {len(HUGE)} characters long; a step may have at most {MAX_STEP_LENGTH}."),
        ("zh-CN", f"long.feature:4：该步骤长 {len(HUGE)} 个字符；一个步骤最多 {MAX_STEP_LENGTH} 个字符。"),
    ],
)
def test_a_step_over_the_limit_is_named_and_nothing_runs(
    tmp_path: Path, lang: str, expected: str, dry_run: list[str]
) -> None:
    path = _write(tmp_path, f"# language: zh-CN\n功能: 长步骤\n  场景: 太长\n    假如{HUGE}\n")
    result = CliRunner().invoke(main, ["--lang", lang, "run", str(path), *dry_run])
    assert result.exit_code == 2
    assert expected in result.output
    assert "Traceback" not in result.output


def test_an_outline_row_that_makes_a_step_too_long_is_named_at_the_step(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "Feature: Long\n  Scenario Outline: Long row\n    Given a creator with <n> followers\n"
        f"    Examples:\n      | n |\n      | 1 |\n      | {'1' * 2000} |\n",
    )
    result = CliRunner().invoke(main, ["run", str(path)])
    assert result.exit_code == 2
    length = len("a creator with  followers") + 2000
    assert f"long.feature:3: this step is {length} characters long" in result.output


def test_a_step_at_the_limit_runs(tmp_path: Path) -> None:
    followers = "1" * (MAX_STEP_LENGTH - len("a creator with  followers"))  # names stop at 60 characters
    path = _write(
        tmp_path,
        f"Feature: Long\n  Scenario: Many followers\n    Given a creator with {followers} followers\n"
        "    When the creator opens Xingtu\n"
        "    Then the creator's Xingtu is open\n",
    )
    result = CliRunner().invoke(main, ["run", str(path)])
    assert result.exit_code == 0, result.output
