"""`xingtu-sim diagram`: formats, files, and a clear way out when Graphviz is missing."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import LANGS, program, require_tool

import xingtu_sim.cli.diagram as diagram_command
from xingtu_sim import State
from xingtu_sim.cli import main
from xingtu_sim.i18n import Lang, render
from xingtu_sim.tools.diagram import dot, mermaid

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
needs_graphviz = pytest.mark.usefixtures("graphviz")


@pytest.fixture
def graphviz() -> None:
    require_tool(program("dot"), "Graphviz's dot program is not installed (apt install graphviz)")


@pytest.mark.parametrize("lang", LANGS)
def test_without_options_it_prints_the_mermaid_diagram(lang: Lang) -> None:
    result = CliRunner().invoke(main, ["diagram", "--lang", lang])
    assert result.exit_code == 0, result.output
    assert result.stdout == mermaid(lang)


@pytest.mark.parametrize("lang", LANGS)
def test_dot_needs_no_graphviz(monkeypatch: pytest.MonkeyPatch, lang: Lang) -> None:
    monkeypatch.setenv("PATH", "")
    result = CliRunner().invoke(main, ["diagram", "--format", "dot", "--lang", lang])
    assert result.exit_code == 0, result.output
    assert result.stdout == dot(lang)


@pytest.mark.parametrize(
    ("name", "expected"),
    [("lifecycle.mmd", mermaid), ("lifecycle.dot", dot), ("lifecycle.gv", dot), ("notes.txt", mermaid)],
)
def test_output_writes_the_file_in_the_format_its_extension_names(
    tmp_path: Path, name: str, expected: Callable[[Lang], str]
) -> None:
    target = tmp_path / name
    result = CliRunner().invoke(main, ["diagram", "--lang", "zh-CN", "--output", str(target)])
    assert result.exit_code == 0, result.output
    assert target.read_text(encoding="utf-8") == expected("zh-CN")
    assert result.stdout == ""
    assert f"已将流程图写入 {target}" in result.stderr


def test_format_wins_over_the_extension(tmp_path: Path) -> None:
    target = tmp_path / "lifecycle.mmd"
    CliRunner().invoke(main, ["diagram", "--format", "dot", "--lang", "en", "-o", str(target)])
    assert target.read_text(encoding="utf-8") == dot("en")


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "Error: Cannot write {path}: its folder does not exist"),
        ("zh-CN", "错误：无法写入 {path}：所在文件夹不存在"),
    ],
)
def test_an_output_in_a_missing_folder_exits_2(tmp_path: Path, lang: Lang, expected: str) -> None:
    target = tmp_path / "no-such-folder" / "lifecycle.dot"
    result = CliRunner().invoke(main, ["diagram", "--lang", lang, "-o", str(target)])
    assert result.exit_code == 2
    assert expected.format(path=target) in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize("picture_format", ["svg", "png"])
@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", ["needs Graphviz's `dot` program", "apt install graphviz", "brew install graphviz", "--format mermaid"]),
        ("zh-CN", ["需要 Graphviz 的 `dot` 程序", "apt install graphviz", "brew install graphviz", "--format mermaid"]),
    ],
)
def test_without_graphviz_a_picture_is_refused_with_how_to_install_it(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, picture_format: str, lang: Lang, expected: list[str]
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # a PATH where no `dot` lives
    target = tmp_path / f"lifecycle.{picture_format}"
    result = CliRunner().invoke(main, ["diagram", "--lang", lang, "--format", picture_format, "-o", str(target)])
    assert result.exit_code == 2
    assert all(part in result.output for part in expected), result.output
    assert len(result.output.strip().splitlines()) == 1
    assert not target.exists()


@pytest.mark.slow
def test_a_graphviz_that_fails_is_reported_without_a_traceback(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    failing = shutil.which("false")
    if failing is None:
        pytest.skip("no `false` program to stand in for a broken Graphviz")
    (tmp_path / "dot").symlink_to(failing)
    monkeypatch.setenv("PATH", str(tmp_path))
    result = CliRunner().invoke(main, ["diagram", "--lang", "en", "--format", "svg"])
    assert result.exit_code == 2
    assert "Error: Graphviz could not draw the diagram" in result.output
    assert "Traceback" not in result.output


@pytest.mark.slow
@needs_graphviz
@pytest.mark.parametrize("lang", LANGS)
def test_svg_goes_to_standard_output_with_every_state_label(lang: Lang) -> None:
    result = CliRunner().invoke(main, ["diagram", "--lang", lang, "--format", "svg"])
    assert result.exit_code == 0, result.output
    assert "<svg" in result.stdout
    assert all(f">{render(state, lang)}</text>" in result.stdout for state in State)


@pytest.mark.slow
@needs_graphviz
@pytest.mark.parametrize("lang", LANGS)
def test_png_is_written_to_the_output_file(tmp_path: Path, lang: Lang) -> None:
    target = tmp_path / "lifecycle.png"
    result = CliRunner().invoke(main, ["diagram", "--lang", lang, "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert target.read_bytes().startswith(PNG_SIGNATURE)


@pytest.mark.slow
@needs_graphviz
def test_png_goes_to_standard_output_when_it_is_piped() -> None:
    result = CliRunner().invoke(main, ["diagram", "--format", "png"])
    assert result.exit_code == 0, result.output
    assert result.stdout_bytes.startswith(PNG_SIGNATURE)


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("en", "cannot be shown in a terminal; write it to a file with --output"), ("zh-CN", "无法在终端中显示")],
)
def test_png_is_not_poured_onto_a_terminal(monkeypatch: pytest.MonkeyPatch, lang: Lang, expected: str) -> None:
    monkeypatch.setattr(diagram_command, "_stdout_is_terminal", lambda: True)
    result = CliRunner().invoke(main, ["diagram", "--lang", lang, "--format", "png"])
    assert result.exit_code == 2
    assert expected in result.output
    assert PNG_SIGNATURE not in result.stdout_bytes
