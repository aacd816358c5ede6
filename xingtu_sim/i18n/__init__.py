"""Every text users read, in their language: gettext catalogues, the reader's choice, rendering.

Code builds lazy messages with English ids (`xingtu_sim.domain.text`); this package alone knows which
languages exist (a catalogue file each, under `locale/`) and renders a message in one of them.
"""

from xingtu_sim.i18n.languages import (
    SOURCE_LANG,
    Lang,
    available_languages,
    default_lang,
    parse_lang,
    translations,
)
from xingtu_sim.i18n.legacy import LANGS, MESSAGES, LabelledEnum, comment_lines, join, text
from xingtu_sim.i18n.render import gettext_functions, language_name, render, render_lines

__all__ = [
    "LANGS",
    "MESSAGES",
    "SOURCE_LANG",
    "LabelledEnum",
    "Lang",
    "available_languages",
    "comment_lines",
    "default_lang",
    "gettext_functions",
    "join",
    "language_name",
    "parse_lang",
    "render",
    "render_lines",
    "text",
    "translations",
]
