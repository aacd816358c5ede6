"""Where languages live: the domain chooses none, click speaks the reader's, a new catalogue is a new language."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from click.testing import CliRunner

import xingtu_sim.domain
from xingtu_sim.cli import main

DOMAIN = Path(xingtu_sim.domain.__file__).parent
DOMAIN_MODULES = sorted(DOMAIN.glob("*.py"))


def imported_modules(path: Path) -> set[str]:
    """Every module a file imports, at the top or inside a function."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.add(node.module)
    return found


@pytest.mark.parametrize("path", DOMAIN_MODULES, ids=lambda path: path.name)
def test_every_domain_module_imports_only_the_domain_the_standard_library_and_transitions(path: Path) -> None:
    outside = {
        module
        for module in imported_modules(path)
        if module.split(".")[0] not in sys.stdlib_module_names
        and module != "transitions"
        and not (module == "xingtu_sim.domain" or module.startswith("xingtu_sim.domain."))
    }
    assert not outside, f"{path.name} imports {sorted(outside)}"


def test_the_import_check_sees_an_import_from_outside_the_domain(tmp_path: Path) -> None:
    module = tmp_path / "leaky.py"
    module.write_text("def f():\n    from xingtu_sim.i18n import render\n    import click\n", encoding="utf-8")
    assert imported_modules(module) == {"xingtu_sim.i18n", "click"}


# Usage errors name the option or argument and what is wrong, in the reader's language (issue 10.3)

USAGE_ERRORS = [
    (
        ["sandbox", "offer", "夏", "--brand", "耐克"],
        "Error: Missing option '--price'.",
        "错误：缺少选项 '--price'.",
    ),
    (
        ["simulate", "--orders", "0"],
        "Error: Invalid value for '--orders': 0 is not in the range 1<=x<=",
        "错误：'--orders' 的值无效：0 不在范围 1<=x<=",
    ),
    (["rules", "--bogus"], "Error: No such option '--bogus'.", "错误：没有选项 '--bogus'。"),
    (["rules", "extra"], "Error: Got unexpected extra argument (extra)", "错误：多余的参数（extra）"),
    (["no-such-command"], "Error: No such command 'no-such-command'.", "错误：没有命令 'no-such-command'。"),
]


@pytest.mark.parametrize(("args", "english", "chinese"), USAGE_ERRORS, ids=lambda value: str(value)[:30])
@pytest.mark.parametrize("lang", ["en", "zh-CN"])
def test_a_usage_error_names_what_is_wrong_in_the_reader_s_language(
    args: list[str], english: str, chinese: str, lang: str
) -> None:
    result = CliRunner().invoke(main, ["--lang", lang, *args])
    assert result.exit_code == 2
    assert (english if lang == "en" else chinese) in result.output


def test_the_language_is_known_before_the_arguments_are_read_wherever_lang_stands() -> None:
    result = CliRunner().invoke(main, ["simulate", "--orders", "0", "--lang", "zh-CN"])
    assert "'--orders' 的值无效" in result.output
    assert "用法:" in result.output


def test_click_s_help_headings_are_in_the_reader_s_language() -> None:
    result = CliRunner().invoke(main, ["--lang", "zh-CN", "sandbox", "--help"])
    assert all(heading in result.output for heading in ("用法:", "选项:", "命令:", "显示此帮助信息并退出。"))
    assert not any(english in result.output for english in ("Usage:", "Options:", "Commands:", "Show this message"))


# A third language is a catalogue file and nothing else


def _french_catalogue(folder: Path) -> None:
    catalogue = Catalog(locale=None, domain="xingtu_sim", fuzzy=False)
    catalogue._set_mime_headers([("Plural-Forms", "nplurals=2; plural=(n > 1);")])  # made-up codes have no data
    catalogue.add("Usage:", "Utilisation :")
    catalogue.add("Missing option", "Option manquante")
    catalogue.add("Rules in force. Save this to a file, change any value, and pass it with --rules FILE.", "Règles.")
    mo = folder / "fr" / "LC_MESSAGES" / "xingtu_sim.mo"
    mo.parent.mkdir(parents=True)
    with mo.open("wb") as out:
        write_mo(out, catalogue)


def test_a_catalogue_file_in_a_locale_folder_is_a_new_language_for_the_whole_command_line(tmp_path: Path) -> None:
    _french_catalogue(tmp_path)
    environment = {**os.environ, "XINGTU_SIM_LOCALE_DIR": str(tmp_path), "NO_COLOR": "1"}
    environment.pop("XINGTU_SIM_LANG", None)

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "xingtu_sim", *args]
        return subprocess.run(command, capture_output=True, text=True, env=environment, check=False, timeout=60)

    assert "[en|fr|zh-CN]" in run("--help").stdout
    assert "Option manquante '--price'" in run("--lang", "fr", "sandbox", "offer", "x", "--brand", "y").stderr
    comments = [line for line in run("rules", "--lang", "fr").stdout.splitlines() if line.startswith("# ")][:3]
    assert comments == ["# Rules in force. Save this to a file, change any value, and pass it with --rules FILE.",
                        "# Règles.",
                        "# 当前生效的规则。可保存为文件并修改任意值，再用 --rules FILE 传入。"]  # fmt: skip
    assert "Utilisation :" in run("--lang", "fr", "rules", "--help").stdout
