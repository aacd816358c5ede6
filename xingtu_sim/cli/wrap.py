"""Fitting text to a terminal: Chinese characters take two columns and may break between any two."""

from __future__ import annotations

import re
import shutil
import sys
import unicodedata
from typing import IO

MAX_WIDTH = 100
UNWRAPPED = 10**6
# Chinese punctuation that must not begin a line: it takes the character before it along.
_NO_LINE_START = frozenset("，。、；：！？）」』”’》")
# Opening brackets and quotes that must not end a line: they go along with what follows them.
_NO_LINE_END = frozenset("（「『“‘《([{")
_CJK = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f“”‘’"
# A piece is a Chinese term in ASCII parentheses (as English text quotes the interface), one Chinese
# character or punctuation mark, or one word with the spaces after it.
_PIECE = re.compile(rf"\([{_CJK}]+\)\S*\s*|[{_CJK}]|[^\s{_CJK}]+\s*|\s+")

_COMMAND = re.compile(r"\bxingtu-sim .*$")


def terminal_width(stream: IO[str] | None = None) -> int:
    """The width of the terminal `stream` (standard output) shows on, at most 100; piped output is not wrapped,
    so each paragraph stays one line."""
    if not (stream or sys.stdout).isatty():
        return UNWRAPPED
    return min(shutil.get_terminal_size((80, 24)).columns, MAX_WIDTH)


def columns(text: str) -> int:
    """How many terminal columns `text` takes."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def wrap_text(line: str, width: int, hanging: str = "", keep_command: bool = False) -> list[str]:
    """One paragraph as lines of at most `width` columns, keeping its indent on each (and `hanging` after the first).

    keep_command: a command to type (from `xingtu-sim` to the end) stays on one line, even a line too long,
    so that copying it copies all of it.
    """
    indent = line[: len(line) - len(line.lstrip())]
    text = line.strip()
    command = _COMMAND.search(text) if keep_command else None
    pieces = _PIECE.findall(text[: command.start()] if command else text)
    return wrap(_opening_glued(pieces) + ([command.group()] if command else []), width, indent, hanging)


def widest_piece(text: str) -> int:
    """The columns of the widest part of `text` that no wrapping breaks (a word, a Chinese character)."""
    return max((columns(piece.rstrip()) for piece in _opening_glued(_PIECE.findall(text))), default=0)


def _opening_glued(pieces: list[str]) -> list[str]:
    """An opening bracket or quote joined to the piece after it, so that no line ends with one."""
    glued: list[str] = []
    for piece in pieces:
        if glued and glued[-1][-1] in _NO_LINE_END:
            glued[-1] += piece
        else:
            glued.append(piece)
    return glued


def wrap(pieces: list[str], width: int, indent: str = "", hanging: str = "") -> list[str]:
    """Pieces laid out in lines of at most `width` columns; a piece wider than that gets a line of its own.

    Linear in the text: each line keeps count of the columns it takes (an error quoting a 100,000-character
    step is laid out at once).
    """
    lines: list[list[str]] = [[]]
    used = columns(indent)  # the columns the last line takes so far, its trailing spaces included
    for piece in pieces:
        line = lines[-1]
        if not line or used + columns(piece.rstrip()) <= width:
            line.append(piece)
            used += columns(piece)
            continue
        if piece[0] in _NO_LINE_START and len(line) > 1:
            carried = [line.pop()]
            while len(line) > 1 and carried[0][0] in _NO_LINE_START:
                carried.insert(0, line.pop())
            lines.append([*carried, piece])
        else:
            lines.append([piece.lstrip()])
        used = columns(indent + hanging + "".join(lines[-1]))
    return [(indent + (hanging if number else "") + "".join(line)).rstrip() for number, line in enumerate(lines)]
