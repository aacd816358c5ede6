"""The message catalogues: lazy messages rendered per language, plural forms, and catalogues kept in step."""

from __future__ import annotations

import ast
import contextlib
import io
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

import xingtu_sim
from xingtu_sim.domain.text import N_, Joined, LabelledEnum, _, join, ngettext, npgettext, pgettext
from xingtu_sim.i18n import available_languages, default_lang, gettext_functions, parse_lang, render
from xingtu_sim.i18n.languages import LOCALE_DIR, LOCALE_DIR_ENV

PO_FILES = sorted(LOCALE_DIR.glob("*/LC_MESSAGES/xingtu_sim.po"))


@pytest.fixture(scope="module")
def extraction() -> tuple[Catalog, str]:
    """Every message id in the code, and what Babel's extractor said while finding them (on stderr)."""
    from xingtu_sim.i18n.extract import template

    said = io.StringIO()
    with contextlib.redirect_stderr(said):
        catalogue = template()
    return catalogue, said.getvalue()


@pytest.fixture(scope="module")
def extracted(extraction: tuple[Catalog, str]) -> Catalog:
    return extraction[0]


def read(po: Path) -> Catalog:
    with po.open("rb") as source:
        return read_po(source)


def compiled(po: Path) -> bytes:
    """What `pybabel compile` writes for this catalogue."""
    out = io.BytesIO()
    write_mo(out, read(po), use_fuzzy=False)
    return out.getvalue()


Entry = tuple[str | None, str | tuple[str, str], str | tuple[str, ...]]  # context, msgid (plural), msgstr


def write_catalogue(folder: Path, code: str, plural_forms: str, entries: list[Entry]) -> None:
    """A compiled catalogue for language `code` in `folder`, as a translator would add one."""
    catalogue = Catalog(locale=None, domain="xingtu_sim", fuzzy=False)
    catalogue._set_mime_headers([("Plural-Forms", plural_forms)])  # made-up codes have no locale data
    for context, msgid, msgstr in entries:
        catalogue.add(msgid, msgstr, context=context)
    mo = folder / code / "LC_MESSAGES" / "xingtu_sim.mo"
    mo.parent.mkdir(parents=True)
    with mo.open("wb") as out:
        write_mo(out, catalogue)


class Colour(LabelledEnum):
    RED = "red", pgettext("colour", "red")


@pytest.mark.parametrize("po", PO_FILES, ids=lambda po: po.parent.parent.name)
def test_each_compiled_catalogue_is_in_step_with_its_po_file(po: Path) -> None:
    assert po.with_suffix(".mo").read_bytes() == compiled(po), (
        f"{po.with_suffix('.mo')} is stale: pybabel compile -d xingtu_sim/i18n/locale -D xingtu_sim"
    )


@pytest.mark.parametrize("po", PO_FILES, ids=lambda po: po.parent.parent.name)
def test_every_message_in_the_code_is_translated_in_each_catalogue(po: Path, extracted: Catalog) -> None:
    catalogue = read(po)
    missing = [message.id for message in extracted if message.id and catalogue.get(message.id, message.context) is None]
    untranslated = [
        message.id
        for message in catalogue
        if message.id and (message.fuzzy or not all(message.string if message.pluralizable else [message.string]))
    ]
    assert not missing, f"not in {po} (see the README: Adding or changing a message): {missing}"
    assert not untranslated, f"empty or fuzzy in {po}: {untranslated}"


def test_the_extractor_finds_every_message_without_a_warning(extraction: tuple[Catalog, str]) -> None:
    """An f-string inside `_()` is skipped with a warning: its message would never be translated."""
    _catalogue, warnings = extraction
    assert warnings == ""


def test_every_message_the_code_builds_is_one_the_extractor_finds(extracted: Catalog) -> None:
    """Babel skips a call inside an f-string and a message id in parentheses of its own: never translated."""
    built = {(msgid, context): where for msgid, context, where in _messages_built(Path(xingtu_sim.__file__).parent)}
    unseen = [f"{where}: {msgid!r}" for (msgid, context), where in built.items() if not extracted.get(msgid, context)]
    assert not unseen, "\n".join(unseen)


# Where each builder of xingtu_sim.domain.text takes its message id and its context.
_BUILDERS = {"_": (0, None), "N_": (0, None), "ngettext": (0, None), "pgettext": (1, 0), "npgettext": (1, 0)}


def _messages_built(package: Path) -> Iterator[tuple[str, str | None, str]]:
    """(message id, context, file:line) of every call of a builder with a literal id, as Python reads the code."""
    for path in sorted(package.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in _BUILDERS:
                msgid_at, context_at = _BUILDERS[node.func.id]
                literals = [arg.value if isinstance(arg, ast.Constant) else None for arg in node.args]
                if len(literals) > msgid_at and isinstance(literals[msgid_at], str):
                    context = literals[context_at] if context_at is not None else None
                    yield str(literals[msgid_at]), context, f"{path.relative_to(package.parent)}:{node.lineno}"


@pytest.mark.parametrize("po", PO_FILES, ids=lambda po: po.parent.parent.name)
def test_each_catalogue_passes_babel_s_checks(po: Path) -> None:
    problems = [(message.id, [str(error) for error in errors]) for message, errors in read(po).check()]
    assert not problems


def test_the_languages_are_english_and_one_per_catalogue() -> None:
    assert available_languages() == ("en", "zh-CN")


@pytest.mark.parametrize(
    ("written", "lang"),
    [("en", "en"), ("EN_us", "en"), ("zh", "zh-CN"), ("zh_CN.UTF-8", "zh-CN"), ("zh-cn", "zh-CN"), ("ZH-TW", "zh-CN")],
)
def test_a_language_is_understood_however_it_is_written(written: str, lang: str) -> None:
    assert parse_lang(written) == lang


@pytest.mark.parametrize("written", ["fr", "", "C", "klingon"])
def test_a_language_without_a_catalogue_is_refused(written: str) -> None:
    with pytest.raises(ValueError, match=f"^{re.escape(written)}$"):
        parse_lang(written)


@pytest.mark.parametrize(
    ("environment", "lang"),
    [
        ({"XINGTU_SIM_LANG": "zh-CN", "LANG": "en_US.UTF-8"}, "zh-CN"),
        ({"LANG": "zh_CN.UTF-8"}, "zh-CN"),
        ({"LC_ALL": "en_GB.UTF-8", "LANG": "zh_CN.UTF-8"}, "en"),
        ({"LANG": "fr_FR.UTF-8"}, "en"),
        ({"LANG": "C"}, "en"),
        ({}, "en"),
    ],
)
def test_the_default_language_comes_from_the_setting_then_the_locale(
    monkeypatch: pytest.MonkeyPatch, environment: dict[str, str], lang: str
) -> None:
    for variable in ("XINGTU_SIM_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(variable, raising=False)
    for variable, value in environment.items():
        monkeypatch.setenv(variable, value)
    assert default_lang() == lang


def test_a_message_is_its_english_id_in_english_and_the_catalogue_s_translation_in_chinese() -> None:
    message = _("The creator is receiving tasks again.")
    assert render(message, "en") == "The creator is receiving tasks again."
    assert render(message, "zh-CN") == "达人已重新开启接收任务。"
    assert str(message) == "The creator is receiving tasks again."


def test_values_that_are_messages_lists_or_labels_render_in_the_same_language() -> None:
    message = _("Possible now: {actions}.", actions=join([_("Xingtu open"), _("receiving tasks")]))
    assert render(message, "en") == "Possible now: Xingtu open, receiving tasks."
    assert render(message, "zh-CN") == "现在可以：星图已开通、接收任务中。"
    assert render(Colour.RED, "en") == "red"
    assert render(Joined(("a", Colour.RED)), "zh-CN") == "a、red"


def test_data_is_shown_as_it_is() -> None:
    assert render("春季新品 {not a placeholder}", "zh-CN") == "春季新品 {not a placeholder}"
    assert N_("Task") == "Task"


def test_plural_forms_follow_each_catalogue_s_header(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rule = "nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);"
    forms = ("{n} zadanie", "{n} zadania", "{n} zadań")
    write_catalogue(
        tmp_path, "pl", rule, [(None, ("{n} task", "{n} tasks"), forms), ("kind", ("{n} task", "{n} tasks"), forms)]
    )
    monkeypatch.setenv(LOCALE_DIR_ENV, str(tmp_path))
    counted = {n: ngettext("{n} task", "{n} tasks", n, n=n) for n in (1, 3, 5, 22)}
    assert [render(message, "en") for message in counted.values()] == ["1 task", "3 tasks", "5 tasks", "22 tasks"]
    assert [render(message, "pl") for message in counted.values()] == [
        "1 zadanie",
        "3 zadania",
        "5 zadań",
        "22 zadania",
    ]
    assert render(npgettext("kind", "{n} task", "{n} tasks", 5, n=5), "pl") == "5 zadań"
    assert render(npgettext("other", "{n} task", "{n} tasks", 5, n=5), "pl") == "5 tasks"


def test_a_new_catalogue_file_is_a_new_language(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_catalogue(
        tmp_path, "fr_FR", "nplurals=2; plural=(n > 1);", [(None, "Possible now: {actions}.", "Possible : {actions}.")]
    )
    monkeypatch.setenv(LOCALE_DIR_ENV, str(tmp_path))
    assert available_languages() == ("en", "fr-FR", "zh-CN")
    assert parse_lang("fr") == "fr-FR"
    assert render(_("Possible now: {actions}.", actions=join(["a", "b"])), "fr-FR") == "Possible : a, b."


def test_templates_get_gettext_functions_bound_to_a_language() -> None:
    functions = gettext_functions("zh-CN")
    assert functions["_"]("{amount} yuan", amount="8000.00") == "8000.00 元"
    assert functions["pgettext"]("the name of this language", "English") == "中文"
    assert gettext_functions("en")["ngettext"]("{n} task", "{n} tasks", 1, n=1) == "1 task"
