"""Exact money: whole fen inside, Decimal yuan at the edges, fees rounded half-up to the fen."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

from xingtu_sim.domain.errors import InputError, message

FEN_PER_YUAN = 100
_AMOUNT = re.compile(r"\d+(\.\d{1,2})?")


def yuan_to_fen(amount: Decimal | str | int) -> int:
    """Whole fen for an amount in yuan with at most two decimals, e.g. "10.10" -> 1010."""
    if isinstance(amount, Decimal) and amount.is_finite() and amount >= 0:
        amount = format(amount, "f")
    text = str(amount).strip()
    if isinstance(amount, bool) or not _AMOUNT.fullmatch(text):
        raise InputError(message("error.amount", amount=amount))
    return int(Decimal(text) * FEN_PER_YUAN)


def fen_to_yuan(fen: int) -> Decimal:
    """The amount in yuan, always with two decimals: 1010 -> Decimal("10.10")."""
    return Decimal(fen).scaleb(-2).quantize(Decimal("0.01"))


def format_yuan(fen: int) -> str:
    return str(fen_to_yuan(fen))


def service_fee(price_fen: int, percent: Decimal) -> int:
    """The platform's fee on a price, rounded half-up to the fen: 5% of 10.10 yuan is 0.51."""
    return int((Decimal(price_fen) * percent / 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))
