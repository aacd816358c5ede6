"""Whole numbers as scenario writers type them: 150000, 150,000, 15万, 1.5万, 15w, 十五万."""

from __future__ import annotations

import re
from decimal import Decimal

from xingtu_sim.domain.errors import InputError
from xingtu_sim.domain.text import _

_ARABIC = re.compile(r"(\d[\d,]*(?:\.\d+)?)([万wW]?)")
_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_UNITS = {"十": 10, "百": 100, "千": 1000}
_GROUPS = {"万": 10_000, "亿": 100_000_000}
_TEN_THOUSAND = 10_000


def parse_count(written: str) -> int:
    """The number, or an InputError that names what was written."""
    text = written.strip()
    if found := _ARABIC.fullmatch(text):
        number = Decimal(found.group(1).replace(",", "")) * (_TEN_THOUSAND if found.group(2) else 1)
        if number == number.to_integral_value():
            return int(number)
    elif (number_in_words := _chinese(text)) is not None:
        return number_in_words
    raise InputError(_('"{count}" is not a whole number.', count=written))


def _chinese(text: str) -> int | None:
    """十 = 10, 十五万 = 150000, 两千零五 = 2005; None unless `text` is a number in Chinese characters."""
    total = group = 0
    digit: int | None = None
    for char in text:
        if char in _DIGITS:
            if digit:  # two digits side by side ("一一") say no number
                return None
            digit = _DIGITS[char]
        elif char in _UNITS:
            group += (1 if digit is None else digit) * _UNITS[char]
            digit = None
        elif char in _GROUPS:
            if not group and digit is None:  # 万 alone, or 万万
                return None
            total += (group + (digit or 0)) * _GROUPS[char]
            group, digit = 0, None
        else:
            return None
    return total + group + (digit or 0) if text else None
