"""The command line: help everywhere, rules as TOML, bad input exits 2 without a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import command_paths

from xingtu_sim.cli import main


@pytest.mark.parametrize(("lang", "example"), [("en", "Example:"), ("zh-CN", "示例：")])
@pytest.mark.parametrize("path", command_paths(main), ids=lambda p: " ".join(p) or "xingtu-sim")
def test_every_command_has_help_text_with_an_example_in_the_reader_s_language(
    path: tuple[str, ...], lang: str, example: str
) -> None:
    result = CliRunner().invoke(main, ["--lang", lang, *path, "--help"])
    assert result.exit_code == 0, result.output
    assert example in result.output


def test_the_rules_printed_read_back_to_the_same_text(tmp_path: Path) -> None:
    runner = CliRunner()
    custom = tmp_path / "custom.toml"
    custom.write_text("service_fee_percent = 7.5\n[followers_to_open]\nxigua = 40000\n", encoding="utf-8")
    first = runner.invoke(main, ["rules", "--rules", str(custom)])
    assert first.exit_code == 0
    assert "service_fee_percent = 7.5" in first.output
    saved = tmp_path / "saved.toml"
    saved.write_text(first.output, encoding="utf-8")
    second = runner.invoke(main, ["rules", "--rules", str(saved)])
    assert second.output == first.output


def test_the_rules_file_can_come_from_the_environment(tmp_path: Path) -> None:
    custom = tmp_path / "custom.toml"
    custom.write_text("accept_window_hours = 48\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["rules"], env={"XINGTU_SIM_RULES": str(custom)})
    assert "accept_window_hours = 48" in result.output


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["no-such-command"], "No such command"),
        (["rules", "--bogus"], "No such option"),
        (["--lang", "fr", "rules"], "Invalid value for '--lang'"),
        (["rules", "--rules", "missing.toml"], "Error: Rules file missing.toml: cannot be read: no such file"),
    ],
)
def test_bad_usage_exits_2_with_one_clear_message(args: list[str], expected: str) -> None:
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2
    assert expected in result.output
    assert "Traceback" not in result.output


def test_a_bad_rules_file_names_each_bad_key_in_the_chosen_language(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("service_fee_percent = 120\naccept_window_hours = -1\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["rules", "--lang", "zh-CN", "--rules", str(bad)])
    assert result.exit_code == 2
    assert result.output.startswith("错误：规则文件")
    assert "  service_fee_percent: 必须在 0 到 100 之间" in result.output
    assert "  accept_window_hours: " in result.output


def test_the_public_api_is_all_importable() -> None:
    import xingtu_sim

    for name in xingtu_sim.__all__:
        assert getattr(xingtu_sim, name) is not None
