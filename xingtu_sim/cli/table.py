"""Columns that line up in a terminal, in English and Chinese alike (a Chinese character is two wide)."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

_GAP = "  "


def display_width(text: str) -> int:
    """How many terminal columns `text` takes: wide and full-width characters take two."""
    return sum(_char_width(char) for char in text)


def _char_width(char: str) -> int:
    if unicodedata.combining(char):
        return 0
    return 2 if unicodedata.east_asian_width(char) in {"W", "F"} else 1


def pad(text: str, width: int, *, right: bool = False) -> str:
    """`text` filled with spaces to `width` columns, on the right, or on the left when `right`."""
    filling = " " * max(width - display_width(text), 0)
    return filling + text if right else text + filling


def table(rows: Sequence[Sequence[str]], headers: Sequence[str] = (), right: frozenset[int] = frozenset()) -> list[str]:
    """Lines of a plain table; the columns numbered in `right` are right-aligned (numbers)."""
    lines = [list(headers), *map(list, rows)] if headers else [list(row) for row in rows]
    if not lines:
        return []
    widths = [max(display_width(line[column]) for line in lines) for column in range(len(lines[0]))]
    rendered = [
        _GAP.join(pad(cell, w, right=i in right) for i, (cell, w) in enumerate(zip(line, widths, strict=True)))
        for line in lines
    ]
    if headers:
        rendered.insert(1, _GAP.join("-" * width for width in widths))
    return [line.rstrip() for line in rendered]


def indented(lines: list[str], by: str = "  ") -> list[str]:
    return [by + line for line in lines]
