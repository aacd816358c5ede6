"""One way to read a TOML file of ours: checked before it is read, then key by key, every bad key named."""

from __future__ import annotations

import math
import tomllib
from collections.abc import Iterable, Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

from xingtu_sim.domain.errors import InputError, key_problem
from xingtu_sim.domain.text import Text, _, ngettext
from xingtu_sim.files.text import UnreadableFile, read_text

_LONGEST_NUMBER = 10**30  # a whole number longer than this is described, not printed (Python refuses 4,300 digits)
_LONGEST_TEXT = 60  # characters of a value shown in an error


def read_toml(path: Path, error: type[InputError], kind: Text) -> dict[str, Any]:
    """The table in a TOML file; a file that cannot be read is `error`, saying which `kind` of file it is."""
    try:
        document = read_text(path)
    except UnreadableFile as unreadable:
        line = _("{kind} {location}: {problem}.", kind=kind, location=unreadable.location, problem=unreadable.problem)
        raise error(line) from None
    return load_toml(document, str(path), error)


def load_toml(document: str, source: str, error: type[InputError]) -> dict[str, Any]:
    """The table in TOML text (a byte-order mark is fine); text that is not TOML is `error`."""
    try:
        return tomllib.loads(document.removeprefix("\ufeff"))
    except tomllib.TOMLDecodeError as problem:
        reason: Text = str(problem)
    except ValueError:  # tomllib turns digits into int() and Python refuses more than 4,300 of them
        reason = _("a number has more than 4,300 digits, more than Python reads")
    raise error(_("{source} is not valid TOML: {error}", source=source, error=reason))


class Checker:
    """Collects every problem of a document, each under its key, and raises them together."""

    def __init__(self) -> None:
        self.problems: list[tuple[str, Text]] = []

    def add(self, key: str, problem: Text) -> None:
        self.problems.append((key, problem))

    def raise_if_any(self, error: type[InputError], header: Text | None) -> None:
        """Every problem, one line each under the header (if any)."""
        if self.problems:
            lines = [key_problem(key, problem) for key, problem in self.problems]
            raise error(*([header] if header else []), *lines)

    def unknown(self, key: str, known: Iterable[str]) -> None:
        self.add(key, _("unknown key; known keys: {known}", known=", ".join(known)))

    def missing(self, key: str) -> None:
        self.add(key, _("missing"))

    def table(self, key: str, value: object) -> Mapping[str, Any] | None:
        if isinstance(value, dict):
            return value
        self.add(key, _("must be a table"))
        return None

    def items(self, key: str, value: object) -> list[Any] | None:
        """A list with at least one item."""
        if isinstance(value, list) and value:
            return value
        self.add(key, _("must be a non-empty list"))
        return None

    def whole(self, key: str, value: object, low: int, high: int) -> int | None:
        """A whole number from low to high."""
        if not is_whole(value):
            self.add(key, _("must be a whole number, got {value}", value=shown(value)))
            return None
        assert isinstance(value, int)
        return value if self._within(key, value, low, high) else None

    def decimal(self, key: str, value: object, low: int, high: int, places: int) -> Decimal | None:
        """A number from low to high with at most `places` decimals, exactly as written."""
        if not _is_number(value):
            self.add(key, _("must be a number, got {value}", value=shown(value)))
            return None
        assert isinstance(value, int | float)
        if not self._within(key, value, low, high):
            return None
        number = Decimal(value) if isinstance(value, int) else Decimal(str(value))  # str: 0.1 as written
        if number != number.quantize(Decimal(1).scaleb(-places)):
            problem = ngettext(
                "may have at most {places} decimal, got {value}",
                "may have at most {places} decimals, got {value}",
                places,
                places=places,
                value=shown(value),
            )
            self.add(key, problem)
            return None
        return abs(number) if number == 0 else number  # -0.0 is 0, and is written back so

    def real(self, key: str, value: object, low: float, high: float) -> float | None:
        """A number from low to high, any precision (a probability, say)."""
        if not _is_number(value):
            self.add(key, _("must be a number, got {value}", value=shown(value)))
            return None
        assert isinstance(value, int | float)
        return float(value) + 0.0 if self._within(key, value, low, high) else None  # + 0.0: -0.0 is 0.0

    def _within(self, key: str, value: int | float, low: float, high: float) -> bool:
        if not low <= value <= high:  # nan is within no bounds
            self.add(key, _("must be between {low} and {high}, got {value}", low=low, high=high, value=shown(value)))
            return False
        return True


def is_whole(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def shown(value: object) -> Text:
    """The value as an error shows it, as Python writes it; a huge number is described, long text cut short."""
    if isinstance(value, int) and abs(value) >= _LONGEST_NUMBER:
        digits = int(value.bit_length() * math.log10(2)) + 1
        return _("a number of about {digits} digits", digits=digits)
    try:
        written = repr(value)
    except ValueError:  # a list or table holding a huge number
        return _("a value holding a number of more than 4,300 digits")
    return written if len(written) <= _LONGEST_TEXT else written[: _LONGEST_TEXT - 1] + "…"
