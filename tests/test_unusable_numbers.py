"""A number no step can use (a price of nothing or past the largest, a wait past ten years) is bad input, found
when the file is read: exit 2, its file and line named, nothing run, no traceback (issue 15)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from xingtu_sim.cli import main

PRICE = "1" + "0" * 26  # 27 digits: decimal.InvalidOperation once, a traceback
STEPS = {
    "nothing": (
        'And the brand "Nike" publishes the task "Spring launch" paying 0 yuan',
        "unusable.feature:5: A task's price must be more than 0 yuan.",
        "unusable.feature:5：",
    ),
    "price": (
        f'And the brand "Nike" publishes the task "Spring launch" paying {PRICE} yuan',
        f"unusable.feature:5: A task's price is at most 10,000,000 yuan; got {PRICE}.",
        f"unusable.feature:5：任务报酬最多 10,000,000 元，实际为 {PRICE}。",
    ),
    "balance": (
        "Then the creator's balance is " + "9" * 900 + " yuan",
        "is too large an amount of money: at most 1,000,000,000,000,000 yuan.",
        "金额过大：最多 1,000,000,000,000,000 元。",
    ),
    "hours": (
        "When 100000 hours pass",
        "unusable.feature:5: That is too long a wait: time passes at most 87600 hours (ten years) at once.",
        "unusable.feature:5：等待时间过长：时间一次最多流逝 87600 小时（十年）。",
    ),
    "days": (
        "When " + "9" * 900 + " days pass",
        "unusable.feature:5: That is too long a wait",
        "unusable.feature:5：等待时间过长",
    ),
}


@pytest.mark.parametrize("dry_run", [[], ["--dry-run"]], ids=["run", "dry run"])
@pytest.mark.parametrize("lang", ["en", "zh-CN"])
@pytest.mark.parametrize("step", STEPS)
def test_a_number_no_step_can_use_is_named_with_its_line_and_nothing_runs(
    tmp_path: Path, step: str, lang: str, dry_run: list[str]
) -> None:
    written, english, chinese = STEPS[step]
    path = tmp_path / "unusable.feature"
    path.write_text(
        "Feature: Numbers\n  Scenario: Too big\n    Given a creator with 150000 followers\n"
        f"    And the creator has opened Xingtu\n    {written}\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["--lang", lang, "run", str(path), *dry_run])
    assert result.exit_code == 2, result.output
    assert (english if lang == "en" else chinese) in result.output
    assert "passed" not in result.output
    assert "Traceback" not in result.output
    assert len(result.output) < 500  # one line, not the number back in full
