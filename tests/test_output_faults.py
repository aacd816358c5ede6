"""Output that cannot be written: a full disk is one line and exit 2, a reader that went away is silence and
exit 141, for every command; and a --tags expression of a thousand terms is just an expression."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import sandbox_environment

from xingtu_sim.cli import main

FULL = Path("/dev/full")
DISK_FULL = "Error: Cannot write the output: no space left on the disk."
needs_dev_full = pytest.mark.skipif(
    not (FULL.exists() and stat.S_ISCHR(FULL.stat().st_mode)), reason="needs /dev/full (Linux), a disk always full"
)

COMMANDS = {
    "run": ["run"],
    "run --format junit": ["run", "--format", "junit"],
    "coverage": ["coverage"],
    "steps": ["steps"],
    "generate": ["generate"],
    "diagram": ["diagram"],
    "rules": ["rules"],
    "simulate": ["simulate", "--orders", "1000"],
    "simulate --json": ["simulate", "--orders", "1000", "--json"],
    "tour": ["tour"],
}


def _xingtu_sim(args: list[str], stdout: object, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "xingtu_sim", *args]
    return subprocess.run(
        command, stdout=stdout, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, text=True,
        env=env or sandbox_environment(), check=False,
    )  # fmt: skip


def _with_sandbox(command: str, db: Path) -> list[str]:
    return ["sandbox", "--db", str(db), "inbox"] if command == "sandbox inbox" else COMMANDS[command]


@needs_dev_full
@pytest.mark.slow
@pytest.mark.parametrize("command", [*COMMANDS, "sandbox inbox"])
def test_a_full_disk_under_standard_output_is_one_line_and_exit_2(command: str, db: Path) -> None:
    with FULL.open("w") as full:
        result = _xingtu_sim(_with_sandbox(command, db), full)
    assert (result.returncode, result.stderr.splitlines()) == (2, [DISK_FULL])


@needs_dev_full
@pytest.mark.slow
def test_a_full_disk_is_told_in_the_readers_language() -> None:
    with FULL.open("w") as full:
        result = _xingtu_sim(["steps"], full, {**sandbox_environment(), "XINGTU_SIM_LANG": "zh-CN"})
    assert (result.returncode, result.stderr.splitlines()) == (2, ["错误：无法写出输出：磁盘空间已满。"])


@needs_dev_full
@pytest.mark.parametrize("report_format", ["pretty", "progress", "cucumber-json", "junit", "message", "html"])
def test_a_report_to_a_full_disk_is_one_line_exit_2_and_the_device_is_left_alone(report_format: str) -> None:
    result = CliRunner().invoke(main, ["run", "--tags", "@no-op and @en", "--format", report_format, "-o", str(FULL)])
    assert (result.exit_code, result.stderr.splitlines()) == (
        2,
        ["Error: Cannot write /dev/full: no space left on the disk."],
    )
    assert stat.S_ISCHR(FULL.stat().st_mode)  # a failed report is deleted only if it is a file of ours


@needs_dev_full
def test_a_diagram_to_a_full_disk_says_so_once() -> None:
    result = CliRunner().invoke(main, ["diagram", "-o", str(FULL)])
    assert (result.exit_code, result.stderr.splitlines()) == (
        2,
        ["Error: Cannot write /dev/full: no space left on the disk."],
    )


@needs_dev_full
def test_generating_into_something_that_is_not_a_folder_says_so() -> None:
    result = CliRunner().invoke(main, ["generate", "--output", str(FULL)])
    assert (result.exit_code, result.stderr.splitlines()) == (2, ["Error: Cannot write /dev/full: it is not a folder."])


@pytest.mark.slow
@pytest.mark.parametrize("command", [*COMMANDS, "sandbox inbox"])
def test_a_reader_that_went_away_ends_every_command_quietly_with_141(command: str, db: Path) -> None:
    read_end, write_end = os.pipe()
    os.close(read_end)  # `xingtu-sim … | head -1`, once head has its line
    try:
        result = _xingtu_sim(_with_sandbox(command, db), write_end)
    finally:
        os.close(write_end)
    assert (result.returncode, result.stderr) == (141, "")


@pytest.mark.parametrize("operator", ["or", "and"])
def test_a_tags_expression_of_a_thousand_terms_selects_as_a_short_one_would(operator: str) -> None:
    terms = ["@no-op", *(f"@tag{number}" for number in range(999))]
    expression = f" {operator} ".join(terms)
    long, short = (CliRunner().invoke(main, ["run", "--tags", tags]) for tags in (expression, "@no-op"))
    if operator == "or":
        assert long.exit_code == 0, long.output
        assert long.output.splitlines()[-1] == short.output.splitlines()[-1]
    else:  # no scenario has all thousand tags
        assert long.exit_code == 1
        assert long.stderr.splitlines()[-1].startswith("No scenario matches --tags ")
