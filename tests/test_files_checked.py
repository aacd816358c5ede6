"""Every file a user names is checked before it is read: rules, policy and feature files alike."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from conftest import LANGS

from xingtu_sim.cli import main
from xingtu_sim.files.text import MAX_BYTES
from xingtu_sim.i18n import Lang

# Each door that reads a file a user names: how to give it the file.
DOORS: dict[str, Callable[[Path, Lang], Result]] = {
    "--rules": lambda path, lang: CliRunner().invoke(main, ["--lang", lang, "rules", "--rules", str(path)]),
    "XINGTU_SIM_RULES": lambda path, lang: CliRunner().invoke(
        main, ["--lang", lang, "rules"], env={"XINGTU_SIM_RULES": str(path)}
    ),
    "--policy": lambda path, lang: CliRunner().invoke(
        main, ["--lang", lang, "simulate", "--orders", "10", "--policy", str(path)]
    ),
    "run": lambda path, lang: CliRunner().invoke(main, ["--lang", lang, "run", str(path)]),
}
# What each kind of unreadable file is called, in each language.
NOT_REGULAR = {"en": "not a regular file (a pipe or a device)", "zh-CN": "不是普通文件（而是管道或设备）"}
TOO_LARGE = {"en": f"larger than {MAX_BYTES // 1_000_000} MB", "zh-CN": f"超过 {MAX_BYTES // 1_000_000} MB"}


def _error_lines(result: Result) -> list[str]:
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    return [line for line in result.output.splitlines() if line.strip()]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("door", DOORS)
def test_a_device_that_never_ends_is_refused_before_it_is_read(door: str, lang: Lang) -> None:
    [line] = _error_lines(DOORS[door](Path("/dev/zero"), lang))
    assert f"/dev/zero{'：' if lang == 'zh-CN' else ':'} {NOT_REGULAR[lang]}".replace("： ", "：") in line


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("door", DOORS)
def test_a_pipe_nobody_writes_to_is_refused_rather_than_waited_on(tmp_path: Path, door: str, lang: Lang) -> None:
    fifo = tmp_path / "settings.toml"
    os.mkfifo(fifo)
    [line] = _error_lines(DOORS[door](fifo, lang))
    assert str(fifo) in line
    assert NOT_REGULAR[lang] in line


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("door", DOORS)
def test_a_file_over_the_size_limit_is_refused_with_the_limit_named(tmp_path: Path, door: str, lang: Lang) -> None:
    huge = tmp_path / "huge.toml"
    with huge.open("wb") as file:
        file.truncate(MAX_BYTES + 1)  # sparse: nothing is written to disk
    [line] = _error_lines(DOORS[door](huge, lang))
    assert str(huge) in line
    assert TOO_LARGE[lang] in line


@pytest.mark.parametrize("door", ["--rules", "XINGTU_SIM_RULES", "--policy"])
def test_a_folder_is_named_as_a_folder(tmp_path: Path, door: str) -> None:
    [line] = _error_lines(DOORS[door](tmp_path, "en"))
    assert f"{tmp_path}: cannot be read: it is a folder, not a file." in line


def test_a_rules_file_saved_with_a_byte_order_mark_is_read(tmp_path: Path) -> None:
    rules = tmp_path / "rules.toml"
    rules.write_bytes("\ufeffaccept_window_hours = 48\n".encode())
    result = DOORS["--rules"](rules, "en")
    assert result.exit_code == 0, result.output
    assert "accept_window_hours = 48" in result.output


def test_a_policy_file_saved_with_a_byte_order_mark_is_read(tmp_path: Path) -> None:
    policy = tmp_path / "policy.toml"
    policy.write_bytes("\ufeffmax_steps = 50\n".encode())
    result = CliRunner().invoke(main, ["simulate", "--policy", str(policy), "--show-policy"])
    assert result.exit_code == 0, result.output
    assert "max_steps = 50" in result.output


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"\xff\xfea\x00", "saved as UTF-16; save it as UTF-8"),
        (b"a = 1\x00", "not a text file (it holds binary data)"),
        ("# 规则\nservice_fee_percent = 5\n".encode("gb18030"), ":1: not UTF-8 text (it looks like GBK/GB18030)"),
    ],
    ids=["utf16", "binary", "gbk"],
)
@pytest.mark.parametrize("door", ["--rules", "--policy"])
def test_a_settings_file_that_is_not_utf8_text_gets_the_same_line_as_a_feature_file(
    tmp_path: Path, door: str, content: bytes, expected: str
) -> None:
    path = tmp_path / "settings.toml"
    path.write_bytes(content)
    [line] = _error_lines(DOORS[door](path, "en"))
    assert expected in line
