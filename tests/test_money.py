"""Exact money: fen inside, two-decimal yuan outside, fees rounded half-up."""

from __future__ import annotations

from decimal import Decimal

import pytest

from xingtu_sim import InputError, fen_to_yuan, format_yuan, service_fee, yuan_to_fen
from xingtu_sim.domain.money import MAX_PRICE_YUAN, price_to_fen
from xingtu_sim.i18n import describe


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


@pytest.mark.parametrize("digits", [16, 27, 5_000])
def test_an_amount_of_any_length_is_one_clear_input_error(digits: int) -> None:
    for amount in ("9" * digits, int("9" * min(digits, 4_000)) * 10 ** max(digits - 4_000, 0)):
        with pytest.raises(InputError) as error:
            yuan_to_fen(amount)
        assert "is too large an amount of money: at most 1,000,000,000,000,000 yuan." in describe(error.value, "en")
        assert len(describe(error.value, "en")) < 120  # the amount is cut short, not printed whole


@pytest.mark.parametrize("price", ["0", "0.00", 0, Decimal("0.0")])
def test_a_task_that_pays_nothing_is_refused(price: str | int | Decimal) -> None:
    with pytest.raises(InputError) as error:
        price_to_fen(price)
    assert describe(error.value, "en") == "A task's price must be more than 0 yuan."
    assert describe(error.value, "zh-CN") == "任务报酬必须大于 0 元。"


@pytest.mark.parametrize("price", [f"{MAX_PRICE_YUAN}.01", "9" * 27, "9" * 5_000])
def test_a_task_price_above_the_largest_is_refused_naming_the_largest(price: str) -> None:
    with pytest.raises(InputError) as error:
        price_to_fen(price)
    assert describe(error.value, "en").startswith("A task's price is at most 10,000,000 yuan; got ")
    assert describe(error.value, "zh-CN").startswith("任务报酬最多 10,000,000 元，实际为 ")


def test_the_largest_price_and_the_smallest_are_accepted() -> None:
    assert (price_to_fen(MAX_PRICE_YUAN), price_to_fen("0.01")) == (MAX_PRICE_YUAN * 100, 1)


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
