"""Names people read (tasks, brands), and text shown from users: nothing in them may hide or disguise itself."""

from __future__ import annotations

import re
import unicodedata

from xingtu_sim.domain.errors import InputError
from xingtu_sim.domain.text import Text, _, ngettext, pgettext

MAX_NAME_LENGTH = 60  # a task title on Xingtu's pages fits in this many characters
MAX_REQUIREMENTS_LENGTH = 500  # the brand's main requirements: a paragraph, not a brief
# Scenarios write names and requirements between these quotes (the step vocabulary reads them from here), so
# none may stand inside one: a practice recorded as a scenario must say exactly what was typed.
QUOTES = '"“”「」'
_QUOTED_IN = re.compile(f"[{QUOTES}]")
TASK_NAME = pgettext("a kind of name", "task")
BRAND_NAME = pgettext("a kind of name", "brand")

# Unicode's format characters (Cf: bidi overrides, zero-width spaces, …) and line and paragraph separators
# (Zl, Zp), as Python 3.11's Unicode 14 lists them; tests/test_names.py checks this list against unicodedata.
FORMAT_CHARACTERS = (
    "\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890-\u0891\u08e2\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064"
    "\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U00013438\U0001bca0-\U0001bca3"
    "\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f"
)
CONTROL_CHARACTERS = "\x00-\x1f\x7f-\x9f"  # Cc
SURROGATES = "\ud800-\udfff"  # Cs: half a character, e.g. from bytes that were not UTF-8 on a command line
_HIDDEN = re.compile(f"[{CONTROL_CHARACTERS}{FORMAT_CHARACTERS}{SURROGATES}]")
_HIDDEN_IN_TEXT = re.compile(f"(?![\n\t])[{CONTROL_CHARACTERS}{FORMAT_CHARACTERS}{SURROGATES}]")
SHOWN_INSTEAD = "\ufffd"


def visible(text: str) -> str:
    """Text from a user as it may be shown: each control (but newline and tab) or format character becomes �."""
    return _HIDDEN_IN_TEXT.sub(SHOWN_INSTEAD, text)


def checked_name(name: str, kind: Text) -> str:
    """A task's or brand's name as people will read it; anything that could mislead them is an input error."""
    if not name.strip():
        raise InputError(_("A {kind} name cannot be empty or only spaces.", kind=kind))
    hidden = _HIDDEN.search(name)
    if hidden is not None:
        raise InputError(
            _(
                'The {kind} name "{name}" holds {character}, a character that does not show or that changes how '
                "text shows; type the name without it.",
                kind=kind,
                name=_HIDDEN.sub(SHOWN_INSTEAD, name),
                character=_described(hidden.group()),
            )
        )
    if _QUOTED_IN.search(name):
        raise InputError(
            _(
                "The {kind} name {name} holds a quotation mark ({quotes}); scenarios write names between them, so "
                "type it without.",
                kind=kind,
                name=name,
                quotes=" ".join(QUOTES),
            )
        )
    if name != name.strip():
        raise InputError(
            _('The {kind} name "{name}" starts or ends with a space; type it without.', kind=kind, name=name)
        )
    if len(name) > MAX_NAME_LENGTH:
        raise InputError(
            ngettext(
                "A {kind} name may have at most {most} character; this one has {length}.",
                "A {kind} name may have at most {most} characters; this one has {length}.",
                MAX_NAME_LENGTH,
                kind=kind,
                most=MAX_NAME_LENGTH,
                length=len(name),
            )
        )
    return name


def _described(character: str) -> str:
    """A character that does not show, named so that it can be found: U+200B ZERO WIDTH SPACE."""
    return f"U+{ord(character):04X} {unicodedata.name(character, 'CONTROL CHARACTER')}"


def checked_requirements(text: str) -> str:
    """The brand's main requirements as a creator reads them: one line, nothing hidden, no quotation marks."""
    hidden = _HIDDEN.search(text)
    if hidden is not None:
        raise InputError(
            _(
                "The requirements hold {character}, a character that does not show or that changes how text "
                "shows (a line break among them); write them on one line without it.",
                character=_described(hidden.group()),
            )
        )
    if _QUOTED_IN.search(text):
        raise InputError(
            _(
                "The requirements hold a quotation mark ({quotes}); scenarios write them between quotation marks, "
                "so write them without.",
                quotes=" ".join(QUOTES),
            )
        )
    if len(text) > MAX_REQUIREMENTS_LENGTH:
        raise InputError(
            ngettext(
                "The requirements may have at most {most} character; these have {length}.",
                "The requirements may have at most {most} characters; these have {length}.",
                MAX_REQUIREMENTS_LENGTH,
                most=MAX_REQUIREMENTS_LENGTH,
                length=len(text),
            )
        )
    return text
