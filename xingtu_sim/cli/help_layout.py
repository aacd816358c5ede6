"""`--help` laid out by terminal columns: click counts characters, and a Chinese one takes two columns."""

from __future__ import annotations

from collections.abc import Iterable

import click

from xingtu_sim.cli.wrap import columns, terminal_width, widest_piece, wrap_text
from xingtu_sim.i18n.click_messages import click_gettext

_HANGING = "  "  # how much further a kept line goes in when it has to wrap


_NARROWEST = 30  # click lays help out 50 columns wide at least: wider than a phone's terminal
_TERMS_SHARE = 2


class FittedHelp(click.HelpFormatter):
    """click's help layout, measured in columns, wrapped between English words or between Chinese characters."""

    def __init__(self, indent_increment: int = 2, width: int | None = None, max_width: int | None = None) -> None:
        if width is None:
            width = max(min(terminal_width(), max_width or 80) - 2, _NARROWEST)
        super().__init__(indent_increment, width, max_width)

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        if prefix is None:
            prefix = f"{click_gettext('Usage:')} "  # click's own message, in the reader's language
        usage = f"{' ' * self.current_indent}{prefix}{prog} "
        if not args:
            self.write(usage.rstrip() + "\n")
            return
        text_width = self.width - self.current_indent
        longest = max(columns(word) for word in args.split())
        if text_width - columns(usage) >= max(20, longest):  # the arguments fit to the right of "Usage: prog"
            hanging = " " * columns(usage)
            lines = wrap_text(args, text_width - columns(usage))
            self.write(usage + "\n".join([lines[0], *(hanging + line for line in lines[1:])]) + "\n")
        else:
            indent = " " * (max(self.current_indent, columns(prefix)) + 4)
            self.write(usage.rstrip() + "\n" + "\n".join(wrap_text(indent + args, text_width)) + "\n")

    def write_text(self, text: str) -> None:
        self.write("\n".join(_fitted(text, self.width, " " * self.current_indent)) + "\n")

    def write_dl(self, rows: Iterable[tuple[str, str]], col_max: int = 30, col_spacing: int = 2) -> None:
        rows = [(*row, "")[:2] for row in rows]
        # On a narrow terminal the names give way: the help text gets at least half the line, and room for
        # its widest word; a name that does not fit then has a line of its own.
        widest = max((widest_piece(second) for _first, second in rows), default=0)
        room = self.width - self.current_indent - col_spacing - widest
        col_max = max(min(col_max, self.width // _TERMS_SHARE, room), 0)
        fitting = [columns(first) for first, _second in rows if columns(first) <= col_max]
        first_width = max(fitting, default=col_max) + col_spacing  # a wider term gets a line of its own
        text_indent = " " * (self.current_indent + first_width)
        text_width = max(self.width - len(text_indent), 10)
        for first, second in rows:
            term = " " * self.current_indent + first
            if not second:
                self.write(term + "\n")
                continue
            text = _fitted(second, text_width, "")
            lines = [(text_indent + line).rstrip() for line in text]
            if columns(first) <= first_width - col_spacing:
                lines[0] = term + " " * (first_width - columns(first)) + text[0]
            else:
                lines.insert(0, term)
            self.write("\n".join(lines) + "\n")


def _fitted(text: str, width: int, indent: str) -> list[str]:
    """Paragraphs (blank lines between them) wrapped to `width`; one marked with a `\\b` line keeps its lines."""
    fitted: list[str] = []
    for raw, lines in _paragraphs(text.expandtabs()):
        if fitted:
            fitted.append("")
        if raw:
            for line in lines:
                fitted += wrap_text(indent + line, width, hanging=_HANGING) if line.strip() else [""]
        else:
            own_indent = lines[0][: len(lines[0]) - len(lines[0].lstrip())]
            fitted += wrap_text(indent + own_indent + _joined(line.strip() for line in lines), width)
    return fitted or [""]


def _paragraphs(text: str) -> list[tuple[bool, list[str]]]:
    """click's paragraphs: blank lines separate them; one whose first line is `\\b` is not rewrapped."""
    paragraphs: list[tuple[bool, list[str]]] = []
    lines: list[str] = []
    for line in [*text.splitlines(), ""]:
        if line.strip():
            lines.append(line)
        elif lines:
            raw = lines[0].strip() == "\b"
            paragraphs.append((raw, lines[1:] if raw else lines))
            lines = []
    return paragraphs


def _joined(lines: Iterable[str]) -> str:
    """A paragraph's lines as one line: a space between English words, none between Chinese characters."""
    joined = ""
    for line in lines:
        if joined and not (_is_cjk(joined[-1]) and _is_cjk(line[0])):
            joined += " "
        joined += line
    return joined


def _is_cjk(character: str) -> bool:
    return columns(character) == 2
