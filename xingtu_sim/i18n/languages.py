"""Which languages exist (one per catalogue file), their translations, and the reader's choice.

English is the message ids themselves; every other language is a compiled catalogue
`locale/<code>/LC_MESSAGES/xingtu_sim.mo`, here or in a folder named by $XINGTU_SIM_LOCALE_DIR.
Adding a language is adding a catalogue: nothing here names one but the source language.
"""

from __future__ import annotations

import gettext
import os
from functools import cache
from pathlib import Path

Lang = str
"""A language code as users write it: "en", "zh-CN" (a catalogue folder is named zh_CN)."""

DOMAIN = "xingtu_sim"
SOURCE_LANG: Lang = "en"
LOCALE_DIR = Path(__file__).parent / "locale"
LOCALE_DIR_ENV = "XINGTU_SIM_LOCALE_DIR"  # more catalogue folders (os.pathsep between them), searched first
_LOCALE_VARIABLES = ("XINGTU_SIM_LANG", "LC_ALL", "LC_MESSAGES", "LANG")


def locale_dirs() -> tuple[Path, ...]:
    return _locale_dirs(os.environ.get(LOCALE_DIR_ENV, ""))


def available_languages() -> tuple[Lang, ...]:
    """English, then every language with a compiled catalogue, by code."""
    return _available(locale_dirs())


def other_languages(lang: Lang) -> tuple[Lang, ...]:
    """Every available language but `lang`, e.g. for a language switch."""
    return tuple(other for other in available_languages() if other != lang)


def translations(lang: Lang) -> gettext.NullTranslations:
    """The catalogue of `lang`; English without a catalogue is the message ids themselves."""
    found = _catalogues_in(locale_dirs()).get(lang)
    return _load(found) if found else gettext.NullTranslations()


def parse_lang(value: str) -> Lang:
    """An available language from what a user wrote: en, zh, zh-CN, zh_CN, zh_CN.UTF-8 (any case)."""
    wanted = value.split(".")[0].split("@")[0].replace("_", "-").casefold()
    languages = available_languages()
    for lang in languages:
        if lang.casefold() == wanted:
            return lang
    primary = wanted.split("-")[0]
    same_primary = [lang for lang in languages if lang.casefold().split("-")[0] == primary]
    if same_primary:
        return min(same_primary, key=lambda lang: (lang.casefold() != primary, lang))
    raise ValueError(value)


def default_lang() -> Lang:
    """$XINGTU_SIM_LANG, else the locale's language if there is a catalogue for it, else English."""
    for variable in _LOCALE_VARIABLES:
        value = os.environ.get(variable, "")
        if value:
            try:
                return parse_lang(value)
            except ValueError:
                return SOURCE_LANG
    return SOURCE_LANG


@cache
def _locale_dirs(setting: str) -> tuple[Path, ...]:
    return (*(Path(folder) for folder in setting.split(os.pathsep) if folder), LOCALE_DIR)


@cache
def _catalogues_in(dirs: tuple[Path, ...]) -> dict[Lang, Path]:
    found: dict[Lang, Path] = {}
    for folder in reversed(dirs):  # the first folder named wins
        if folder.is_dir():
            for mo in folder.glob(f"*/LC_MESSAGES/{DOMAIN}.mo"):
                found[mo.parent.parent.name.replace("_", "-")] = mo
    return found


@cache
def _available(dirs: tuple[Path, ...]) -> tuple[Lang, ...]:
    others = sorted(lang for lang in _catalogues_in(dirs) if lang != SOURCE_LANG)
    return (SOURCE_LANG, *others)


@cache
def _load(path: Path) -> gettext.GNUTranslations:
    with path.open("rb") as catalogue:
        return gettext.GNUTranslations(catalogue)
