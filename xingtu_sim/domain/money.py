"""Exact money: whole fen inside, Decimal yuan at the edges, fees rounded half-up to the fen."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

from xingtu_sim.domain.errors import InputError
from xingtu_sim.domain.text import _

FEN_PER_YUAN = 100
MAX_PRICE_YUAN = 10_000_000  # above any real task's price; a million tasks' money stays inside 64-bit integers
MAX_AMOUNT_YUAN = 10**15  # no sum of money this simulator keeps comes near it
_AMOUNT = re.compile(r"\d+(\.\d{1,2})?")
_SHOWN = 30  # characters of a mistyped amount repeated in its error


def yuan_to_fen(amount: Decimal | str | int) -> int:
    """Whole fen for an amount in yuan with at most two decimals, e.g. "10.10" -> 1010."""
    yuan = _yuan(amount)
    if yuan > MAX_AMOUNT_YUAN:
        shown, most = _shortened(format(yuan, "f")), f"{MAX_AMOUNT_YUAN:,}"
        raise InputError(_('"{amount}" is too large an amount of money: at most {most} yuan.', amount=shown, most=most))
    return int(yuan.scaleb(2))


def price_to_fen(amount: Decimal | str | int) -> int:
    """A task's price in fen: more than 0 yuan and at most MAX_PRICE_YUAN."""
    yuan = _yuan(amount)
    if yuan == 0:
        raise InputError(_("A task's price must be more than 0 yuan."))
    if yuan > MAX_PRICE_YUAN:
        shown, most = _shortened(format(yuan, "f")), f"{MAX_PRICE_YUAN:,}"
        raise InputError(_("A task's price is at most {most} yuan; got {price}.", most=most, price=shown))
    return int(yuan.scaleb(2))


def _yuan(amount: Decimal | str | int) -> Decimal:
    """The amount as written, exactly (a Decimal keeps every digit): zero or more, at most two decimals."""
    if isinstance(amount, int) and not isinstance(amount, bool):
        amount = Decimal(amount)  # str() of a whole number stops at 4,300 digits; Decimal has no limit
    if isinstance(amount, Decimal) and amount.is_finite() and amount >= 0:
        amount = format(amount, "f")
    text = str(amount).strip()
    if isinstance(amount, bool) or not _AMOUNT.fullmatch(text):
        raise InputError(
            _(
                '"{amount}" is not an amount in yuan (zero or more, at most two decimals, e.g. 10.50).',
                amount=_shortened(text),
            )
        )
    return Decimal(text)


def _shortened(text: str) -> str:
    return text if len(text) <= _SHOWN else text[: _SHOWN - 1] + "…"


def fen_to_yuan(fen: int) -> Decimal:
    """The amount in yuan, always with two decimals: 1010 -> Decimal("10.10")."""
    return Decimal(fen).scaleb(-2).quantize(Decimal("0.01"))


def format_yuan(fen: int) -> str:
    return str(fen_to_yuan(fen))


def service_fee(price_fen: int, percent: Decimal) -> int:
    """The platform's fee on a price, rounded half-up to the fen: 5% of 10.10 yuan is 0.51."""
    return int((Decimal(price_fen) * percent / 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))
