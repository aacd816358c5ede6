"""Where languages live: the domain chooses none, click speaks the reader's, a new catalogue is a new language."""

from __future__ import annotations

import ast
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.localedata import locale_identifiers
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from click.testing import CliRunner

import xingtu_sim
import xingtu_sim.domain
from xingtu_sim.cli import main
from xingtu_sim.i18n import available_languages
from xingtu_sim.steps.vocabulary import LANGUAGES

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


# Only the i18n package knows which languages exist; the vocabulary's data is the one other place that names one

PACKAGE = Path(xingtu_sim.__file__).parent
MODULES_OUTSIDE_I18N = sorted(path for path in PACKAGE.rglob("*.py") if "i18n" not in path.relative_to(PACKAGE).parts)
# The step vocabulary is data in its own languages (its phrasings, Gherkin's words): the module may key its
# data by language, and vocabulary_lang() chooses among them for a reader; nothing else in it may.
VOCABULARY = PACKAGE / "steps" / "vocabulary.py"
VOCABULARY_CHOOSER = "vocabulary_lang"
_LANG_NAMED = re.compile(r"(?:^|_)(?:lang|language|locale)s?$", re.IGNORECASE)
_STRING_TESTS = {"startswith", "endswith", "casefold", "lower", "upper", "split", "partition"}


def language_codes() -> set[str]:
    """Codes a branch on a language would compare with: ours (and their first part), and any with a region."""
    ours = {*available_languages(), *LANGUAGES}
    with_region = {code for code in locale_identifiers() if "_" in code}
    codes = {*ours, *(code.split("-")[0] for code in ours), *with_region}
    return {code.replace("_", "-").casefold() for code in codes}


def language_branches(source: str, codes: set[str], allowed: str | None = None) -> list[str]:
    """Where code acts on which language it is: compares with a code or SOURCE_LANG, compares or tests a
    `lang` against a string, keys a dict or a case by a code, or names LANGS. `allowed`: a function that may,
    and the module's top level (data)."""
    tree = ast.parse(source)
    nodes = (
        node
        for function in ast.walk(tree)
        if isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef) and function.name != allowed
        for node in ast.walk(function)
    )
    return sorted({f"{node.lineno}: {ast.unparse(node)}" for node in (nodes if allowed else ast.walk(tree))
                   if _branches_on_language(node, codes)})  # fmt: skip


def _branches_on_language(node: ast.AST, codes: set[str]) -> bool:
    def is_code(value: ast.AST) -> bool:
        if isinstance(value, ast.Tuple | ast.List | ast.Set):
            return any(is_code(item) for item in value.elts)
        return isinstance(value, ast.Constant) and str(value.value).replace("_", "-").casefold() in codes

    def name(value: ast.AST) -> str:
        return value.id if isinstance(value, ast.Name) else value.attr if isinstance(value, ast.Attribute) else ""

    if isinstance(node, ast.Name | ast.Attribute | ast.alias) and "LANGS" in {name(node), getattr(node, "name", "")}:
        return True
    if isinstance(node, ast.Compare):
        operands = [node.left, *node.comparators]
        lang_named = any(_LANG_NAMED.search(name(operand)) for operand in operands)
        strings = any(isinstance(operand, ast.Constant) and isinstance(operand.value, str) for operand in operands)
        return any(is_code(operand) or name(operand) == "SOURCE_LANG" for operand in operands) or (
            lang_named and strings
        )
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in _STRING_TESTS:
        return bool(_LANG_NAMED.search(name(node.func.value))) or any(is_code(arg) for arg in node.args)
    if isinstance(node, ast.Dict):
        return any(key is not None and is_code(key) for key in node.keys)
    if isinstance(node, ast.MatchValue):
        return is_code(node.value)
    return False


@pytest.mark.parametrize("path", MODULES_OUTSIDE_I18N, ids=lambda path: str(path.relative_to(PACKAGE)))
def test_no_module_outside_the_i18n_package_branches_on_the_language(path: Path) -> None:
    allowed = VOCABULARY_CHOOSER if path == VOCABULARY else None
    branches = language_branches(path.read_text(encoding="utf-8"), language_codes(), allowed)
    assert not branches, f"{path.relative_to(PACKAGE)} branches on the language (ask xingtu_sim.i18n): {branches}"


@pytest.mark.parametrize(
    "code",
    [
        'x = "你好" if lang == "zh-CN" else "hello"',
        'x = {"en": "hello", "zh-CN": "你好"}[lang]',
        'if reader.lang.startswith("zh"):\n    pass',
        'if language in ("en", "en-US"):\n    pass',
        "if lang != SOURCE_LANG:\n    pass",
        'if locale == "fr":\n    pass',
        "from xingtu_sim.i18n import LANGS",
        'match lang:\n    case "zh-CN":\n        pass',
    ],
)
def test_the_language_check_sees_a_branch_on_the_language(code: str) -> None:
    assert language_branches(code, language_codes())


def test_the_language_check_lets_the_vocabulary_keep_data_by_language_and_choose_among_it_in_one_function() -> None:
    data = 'GHERKIN = {"en": "Given", "zh-CN": "假如"}\n'
    chooser = 'def vocabulary_lang(lang):\n    return "zh-CN" if lang.startswith("zh") else "en"\n'
    other = 'def keyword(lang):\n    return "假如" if lang == "zh-CN" else "Given"\n'
    assert language_branches(data + chooser, language_codes(), VOCABULARY_CHOOSER) == []
    assert language_branches(data + chooser + other, language_codes(), VOCABULARY_CHOOSER) == ["5: lang == 'zh-CN'"]
    assert language_branches("if name == 'id' or answer in ('no', 'q'):\n    pass", language_codes()) == []


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


@pytest.mark.slow
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
