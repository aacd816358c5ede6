"""Every text users read, in their language: gettext catalogues, the reader's choice, rendering.

Code builds lazy messages with English ids (`xingtu_sim.domain.text`); this package alone knows which
languages exist (a catalogue file each, under `locale/`) and renders a message in one of them.
"""

from xingtu_sim.i18n.languages import (
    SOURCE_LANG,
    Lang,
    available_languages,
    default_lang,
    other_languages,
    parse_lang,
    translations,
)
from xingtu_sim.i18n.render import (
    comment_lines,
    describe,
    gettext_functions,
    labels,
    language_name,
    parse_label,
    render,
    render_lines,
)

__all__ = [
    "SOURCE_LANG",
    "Lang",
    "available_languages",
    "comment_lines",
    "default_lang",
    "describe",
    "gettext_functions",
    "labels",
    "language_name",
    "other_languages",
    "parse_label",
    "parse_lang",
    "render",
    "render_lines",
    "translations",
]
