"""Rules: defaults, TOML overrides, validation naming every bad key, and a faithful round trip."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from xingtu_sim import DEFAULT_RULES, Platform, Rules, RulesError, parse_rules, read_rules, rules_to_toml


def test_the_defaults_are_the_specs() -> None:
    assert (DEFAULT_RULES.accept_window_hours, DEFAULT_RULES.script_change_limit) == (24, 2)
    assert (DEFAULT_RULES.video_change_limit, DEFAULT_RULES.service_fee_percent) == (2, Decimal(5))
    assert dict(DEFAULT_RULES.followers_to_open) == {
        Platform.DOUYIN: 100_000,
        Platform.XIGUA: 50_000,
        Platform.HUOSHAN: 50_000,
    }


def test_a_file_overrides_only_what_it_names() -> None:
    rules = parse_rules("service_fee_percent = 7.5\n[followers_to_open]\nxigua = 40000\n", "my.toml")
    assert rules.service_fee_percent == Decimal("7.5")
    assert rules.followers_needed(Platform.XIGUA) == 40_000
    assert rules.followers_needed(Platform.DOUYIN) == 100_000
    assert rules.accept_window_hours == 24


@pytest.mark.parametrize(
    "rules",
    [
        DEFAULT_RULES,
        Rules(service_fee_percent=Decimal("7.25"), accept_window_hours=48),
        Rules(service_fee_percent=Decimal(100)),
    ],
)
def test_the_toml_text_reads_back_to_the_same_rules_and_text(rules: Rules) -> None:
    document = rules_to_toml(rules)
    assert parse_rules(document, "round-trip") == rules
    assert rules_to_toml(parse_rules(document, "round-trip")) == document


@pytest.mark.parametrize(
    ("document", "bad_key"),
    [
        ("service_fee_percent = 120", "service_fee_percent"),
        ("service_fee_percent = -1", "service_fee_percent"),
        ("service_fee_percent = 5.125", "service_fee_percent"),
        ('service_fee_percent = "5"', "service_fee_percent"),
        ("accept_window_hours = -3", "accept_window_hours"),
        ("accept_window_hours = 0", "accept_window_hours"),
        ("accept_window_hours = 2.5", "accept_window_hours"),
        ("accept_window_hours = true", "accept_window_hours"),
        ("script_change_limit = -1", "script_change_limit"),
        ("video_change_limit = 'two'", "video_change_limit"),
        ("fee = 5", "fee"),
        ("followers_to_open = 5", "followers_to_open"),
        ("[followers_to_open]\nweibo = 1000", "followers_to_open.weibo"),
        ("[followers_to_open]\ndouyin = -1", "followers_to_open.douyin"),
    ],
)
def test_each_bad_key_is_named(document: str, bad_key: str) -> None:
    with pytest.raises(RulesError) as error:
        parse_rules(document, "my.toml")
    assert f"  {bad_key}: " in error.value.describe("en")
    assert f"  {bad_key}: " in error.value.describe("zh-CN")


def test_all_bad_keys_are_named_at_once() -> None:
    with pytest.raises(RulesError) as error:
        parse_rules("service_fee_percent = 120\naccept_window_hours = -1\ncolour = 'red'\n", "my.toml")
    lines = error.value.describe("en").splitlines()
    assert lines[0] == "Invalid rules in my.toml:"
    assert [line.split(":")[0].strip() for line in lines[1:]] == [
        "service_fee_percent",
        "accept_window_hours",
        "colour",
    ]


def test_text_that_is_not_toml_is_a_rules_error() -> None:
    with pytest.raises(RulesError, match="not valid TOML"):
        parse_rules("service_fee_percent = = 5", "my.toml")


def test_an_unreadable_or_non_utf8_file_is_a_rules_error(tmp_path: Path) -> None:
    with pytest.raises(RulesError, match="Cannot read"):
        read_rules(tmp_path / "missing.toml")
    latin1 = tmp_path / "latin1.toml"
    latin1.write_bytes("# règles\nservice_fee_percent = 5\n".encode("latin-1"))
    with pytest.raises(RulesError, match="not UTF-8 text"):
        read_rules(latin1)


def test_a_fee_set_in_a_scenario_is_checked_like_a_file() -> None:
    assert Rules().with_fee(10).service_fee_percent == Decimal(10)
    with pytest.raises(RulesError, match="service_fee_percent"):
        Rules().with_fee(101)
