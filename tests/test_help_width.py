"""Every `--help` fits the terminal by the columns a person sees, in English and Chinese, with no word cut."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from conftest import LANGS, command_paths

from xingtu_sim.cli import main
from xingtu_sim.cli.wrap import columns
from xingtu_sim.i18n import Lang

UNWRAPPED = 10_000


def help_at(width: int, lang: Lang, path: tuple[str, ...]) -> str:
    """The help as click lays it out for a terminal `width` columns wide (CliRunner alone would force 80)."""
    result = CliRunner().invoke(main, ["--lang", lang, *path, "--help"], terminal_width=width)
    assert result.exit_code == 0, result.output
    return result.output


def words(text: str) -> list[str]:
    """The runs of English letters, digits and signs between spaces and Chinese characters, in order."""
    return "".join(" " if columns(character) == 2 else character for character in text).split()


# 40 columns: a phone's terminal held upright.
@pytest.mark.parametrize("width", [40, 60, 80])
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path", command_paths(main), ids=lambda p: " ".join(p) or "xingtu-sim")
def test_every_help_line_fits_the_terminal_by_display_width(path: tuple[str, ...], lang: Lang, width: int) -> None:
    lines = help_at(width, lang, path).splitlines()
    assert [line for line in lines if columns(line) > width] == []


@pytest.mark.parametrize("width", [40, 60, 80])
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path", command_paths(main), ids=lambda p: " ".join(p) or "xingtu-sim")
def test_wrapping_the_help_cuts_no_word_and_loses_nothing(path: tuple[str, ...], lang: Lang, width: int) -> None:
    wrapped, unwrapped = help_at(width, lang, path), help_at(UNWRAPPED, lang, path)
    assert words(wrapped) == words(unwrapped)
    assert "".join(wrapped.split()) == "".join(unwrapped.split())


def test_chinese_option_help_breaks_between_characters_and_lines_up_its_column() -> None:
    lines = help_at(60, "zh-CN", ("run",)).splitlines()
    tags = lines.index(next(line for line in lines if line.startswith("  --tags EXPRESSION")))
    text_column = len("  --format FORMAT[:FILE]  ")
    assert columns(lines[tags]) > 50  # the Chinese text fills the line, two columns a character
    assert lines[tags + 1].startswith(" " * text_column)
    assert not lines[tags + 1][text_column].isspace()
    output = next(line for line in lines if line.startswith("  -o, --output"))
    assert columns(output[: output.index("把")]) == text_column  # 文件 (FILE) takes four columns, not two


def test_a_kept_paragraph_wraps_each_of_its_lines_under_its_own_start() -> None:
    lines = help_at(60, "en", ("sandbox", "do")).splitlines()
    creator = next(number for number, line in enumerate(lines) if line.startswith("    creator: "))
    assert lines[creator + 1].startswith("      ")
    assert lines[creator + 2].startswith("    brand: ")
