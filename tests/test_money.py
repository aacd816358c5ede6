"""Exact money: fen inside, two-decimal yuan outside, fees rounded half-up."""

from __future__ import annotations

from decimal import Decimal

import pytest

from xingtu_sim import InputError, fen_to_yuan, format_yuan, service_fee, yuan_to_fen


@pytest.mark.parametrize(
    ("yuan", "fen"),
    [("10.10", 1010), ("10.1", 1010), ("0", 0), ("8000", 800_000), (Decimal("0.01"), 1), (25, 2500)],
)
def test_yuan_become_whole_fen(yuan: str | Decimal | int, fen: int) -> None:
    assert yuan_to_fen(yuan) == fen


@pytest.mark.parametrize("bad", ["10.101", "-5", "ten", "", "1e3", "NaN", True, Decimal("-1")])
def test_amounts_that_are_not_yuan_are_input_errors(bad: object) -> None:
    with pytest.raises(InputError):
        yuan_to_fen(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("price_fen", "percent", "fee_fen"),
    [
        (1010, Decimal(5), 51),
        (1000, Decimal(5), 50),
        (10, Decimal(5), 1),
        (9, Decimal(5), 0),
        (333, Decimal("12.5"), 42),
    ],
)
def test_the_fee_rounds_half_up_to_the_fen(price_fen: int, percent: Decimal, fee_fen: int) -> None:
    assert service_fee(price_fen, percent) == fee_fen


def test_yuan_always_show_two_decimals() -> None:
    assert (format_yuan(959), format_yuan(0), format_yuan(800_000)) == ("9.59", "0.00", "8000.00")
    assert fen_to_yuan(51) == Decimal("0.51")
