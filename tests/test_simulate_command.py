"""`xingtu-sim simulate`: the report in both languages, JSON that repeats byte for byte, the policy as TOML."""

from __future__ import annotations

import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

from xingtu_sim.cli import main
from xingtu_sim.i18n import Lang
from xingtu_sim.simulate import DEFAULT_POLICY, policy_to_toml


def _simulate(*args: str) -> str:
    result = CliRunner().invoke(main, ["simulate", *args])
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "en",
            [
                "Simulated 2,000 tasks (seed 3, compiled engine).",
                "  completed",
                "Never accepted",
                "accounts changed: 0",
            ],
        ),
        ("zh-CN", ["共模拟 2,000 个任务（种子 3，编译引擎）。", "  已完成", "从未接受", "账户有变化的：0 个"]),
    ],
)
def test_the_report_is_a_table_in_the_readers_language(lang: Lang, expected: list[str]) -> None:
    table = _simulate("--orders", "2000", "--seed", "3", "--lang", lang)
    for line in expected:
        assert line in table


def test_the_json_report_repeats_byte_for_byte_and_carries_no_timings() -> None:
    first = _simulate("--orders", "3000", "--seed", "9", "--json")
    assert _simulate("--orders", "3000", "--seed", "9", "--json") == first
    assert _simulate("--orders", "3000", "--seed", "10", "--json") != first
    report = json.loads(first)
    assert set(report) == {
        "orders", "seed", "outcomes", "accepted", "acceptance_rate", "gross_yuan", "fee_yuan", "net_yuan",
        "service_fee_percent", "change_requests", "hours_to_completion", "breaches", "never_accepted",
    }  # fmt: skip
    assert sum(report["outcomes"].values()) == report["orders"] == 3000


@pytest.mark.slow
def test_the_transitions_engine_prints_the_same_json() -> None:
    args = ("--orders", "1500", "--seed", "4", "--json")
    assert _simulate(*args, "--engine", "transitions") == _simulate(*args, "--engine", "compiled")


def test_show_policy_prints_the_defaults_and_a_file_merged_over_them(tmp_path: Path) -> None:
    assert _simulate("--show-policy") == policy_to_toml(DEFAULT_POLICY)
    custom = tmp_path / "policy.toml"
    custom.write_text("max_steps = 50\n", encoding="utf-8")
    shown = _simulate("--show-policy", "--policy", str(custom))
    assert "max_steps = 50" in shown
    saved = tmp_path / "saved.toml"
    saved.write_text(shown, encoding="utf-8")
    assert _simulate("--show-policy", "--policy", str(saved)) == shown


def test_the_policy_and_the_rules_change_the_run(tmp_path: Path) -> None:
    policy, rules = tmp_path / "policy.toml", tmp_path / "rules.toml"
    policy.write_text("[prices]\nyuan = [100]\nprobability = [1]\n", encoding="utf-8")
    rules.write_text("service_fee_percent = 10\n", encoding="utf-8")
    report = json.loads(_simulate("--orders", "500", "--policy", str(policy), "--rules", str(rules), "--json"))
    assert Decimal(report["gross_yuan"]) == 100 * report["outcomes"]["completed"]
    assert Decimal(report["fee_yuan"]) == 10 * report["outcomes"]["completed"]


@pytest.mark.parametrize(
    ("args", "policy", "expected"),
    [
        (
            ["--lang", "zh-CN"],
            "[pending_receipt]\nview = { hours = -3 }\n",
            "  pending_receipt.view.hours: 小时数不能为负",
        ),
        (["--lang", "en"], "[in_review]\npass_review.probability = 0.2\n", "  in_review: the probabilities add up to"),
        (["--lang", "en"], "[done]\n", "  done: unknown key"),
        (["--lang", "en", "--orders", "0"], "", "Invalid value for '--orders'"),
        (["--lang", "en", "--engine", "fast"], "", "Invalid value for '--engine'"),
    ],
)
def test_bad_input_exits_2_naming_what_is_wrong(tmp_path: Path, args: list[str], policy: str, expected: str) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(policy, encoding="utf-8")
    result = CliRunner().invoke(main, ["simulate", *args, "--policy", str(bad)])
    assert result.exit_code == 2
    assert expected in result.output
    assert "Traceback" not in result.output


@pytest.mark.slow
def test_help_and_show_policy_never_import_numpy() -> None:
    script = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from xingtu_sim.cli import main\n"
        "for args in (['--help'], ['simulate', '--help'], ['simulate', '--show-policy']):\n"
        "    assert CliRunner().invoke(main, args).exit_code == 0\n"
        "print('numpy' in sys.modules)\n"
    )
    imported = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert imported.stdout.strip() == "False"
