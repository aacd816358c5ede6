"""click's own messages (usage errors, help headings) in the reader's language, from our catalogues.

click marks its strings with gettext's `_` and `ngettext`, which each of its modules imports under
those names; there is no other hook. So, in this one place, those module-level names are pointed at
functions that translate with our catalogue for the language the command line chose (click's
message ids are in our `.po` files, extracted from click itself). With no language chosen they
behave as the standard library's, so other users of click in the same process see no change.
"""

from __future__ import annotations

import gettext
import importlib
from contextvars import ContextVar
from functools import cache

from xingtu_sim.i18n.languages import Lang, translations

# Every click 8 module that imports `_` or `ngettext` from gettext (_winconsole, Windows-only, has no usage text).
_CLICK_MODULES = (
    "click.core",
    "click.decorators",
    "click.exceptions",
    "click.formatting",
    "click.parser",
    "click.shell_completion",
    "click.termui",
    "click.types",
    "click.utils",
    "click._termui_impl",
)
_LANG: ContextVar[Lang | None] = ContextVar("xingtu_sim_click_lang", default=None)


def use_language(lang: Lang | None) -> None:
    """From now on (in this context), click speaks `lang`; None gives click back its own behaviour."""
    _install()
    _LANG.set(lang)


def click_language() -> Lang | None:
    return _LANG.get()


def click_gettext(message: str) -> str:
    """One of click's messages, as click now shows it."""
    lang = _LANG.get()
    return translations(lang).gettext(message) if lang else gettext.gettext(message)


def _ngettext(singular: str, plural: str, count: int) -> str:
    lang = _LANG.get()
    return translations(lang).ngettext(singular, plural, count) if lang else gettext.ngettext(singular, plural, count)


@cache
def _install() -> None:
    for name in _CLICK_MODULES:
        try:
            module = importlib.import_module(name)
        except ImportError:  # a click without this module
            continue
        if hasattr(module, "_"):
            module._ = click_gettext  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = _ngettext  # type: ignore[attr-defined]
