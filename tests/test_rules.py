"""Rules: defaults, TOML overrides, validation naming every bad key, and a faithful round trip."""

from __future__ import annotations

import json
import math
import tomllib
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import LANGS
from hypothesis import event, given, settings
from hypothesis import strategies as st
from hypothesis_budget import examples

from xingtu_sim import DEFAULT_RULES, Platform, Rules, RulesError, parse_rules, read_rules, rules_to_toml
from xingtu_sim.files.rules_toml import with_rule
from xingtu_sim.i18n import Lang, describe


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
        ("service_fee_percent = nan", "service_fee_percent"),
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
    assert f"  {bad_key}: " in describe(error.value, "en")
    assert f"  {bad_key}: " in describe(error.value, "zh-CN")


def test_all_bad_keys_are_named_at_once() -> None:
    with pytest.raises(RulesError) as error:
        parse_rules("service_fee_percent = 120\naccept_window_hours = -1\ncolour = 'red'\n", "my.toml")
    lines = describe(error.value, "en").splitlines()
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
    with pytest.raises(RulesError, match=r"missing\.toml: cannot be read: no such file or folder"):
        read_rules(tmp_path / "missing.toml")
    latin1 = tmp_path / "latin1.toml"
    latin1.write_bytes("# règles\nservice_fee_percent = 5\n".encode("latin-1"))
    with pytest.raises(RulesError, match="not UTF-8 text"):
        read_rules(latin1)


def test_a_fee_set_in_a_scenario_is_checked_like_a_file() -> None:
    assert with_rule(Rules(), "service_fee_percent", 10).service_fee_percent == Decimal(10)
    with pytest.raises(RulesError) as error:
        with_rule(Rules(), "service_fee_percent", 101)
    assert describe(error.value, "en") == "  service_fee_percent: must be between 0 and 100, got 101"


# Random rules documents. The oracle below is the SPEC's table with the ranges the rules file allows.

RANGES = {
    "accept_window_hours": (1, 24 * 365),
    "script_change_limit": (0, 100),
    "video_change_limit": (0, 100),
    "service_fee_percent": (0, 100),
}
PLATFORMS = {"douyin": Platform.DOUYIN, "xigua": Platform.XIGUA, "huoshan": Platform.HUOSHAN}

printable = st.text(st.characters(codec="utf-8", exclude_categories=["C"]), max_size=12)
numbers = st.one_of(
    st.integers(-5, 200),
    st.integers(-(2**63), 2**63 - 1),
    st.floats(allow_nan=True, allow_infinity=True),
    st.decimals(-10, 120, places=2).map(float),
    st.sampled_from([0.5, 5.25, 5.125, 100.0, 100.01, -0.0, 1e-300]),
)
scalars = st.one_of(numbers, st.booleans(), printable, st.dates(), st.lists(st.integers(0, 9), max_size=3))
followers = st.dictionaries(st.sampled_from([*PLATFORMS, "weibo", "Douyin", ""]), scalars | st.integers(0, 10**11))
good_values = {
    **{key: st.integers(low, high) for key, (low, high) in RANGES.items()},
    "service_fee_percent": st.integers(0, 100) | st.decimals(0, 100, places=2).map(float),
    "followers_to_open": st.dictionaries(st.sampled_from(list(PLATFORMS)), st.integers(0, 10**10)),
}
good_documents = st.fixed_dictionaries({}, optional=good_values)
any_documents = st.dictionaries(
    st.sampled_from([*RANGES, "followers_to_open"]) | printable, st.one_of(scalars, scalars, followers), max_size=6
)
odd_values = st.sampled_from([math.nan, math.inf, -1, 101, 5.125, -0.0, 2**63 - 1, True, "5", [], {}]) | scalars
one_odd_entry = st.one_of(
    st.tuples(st.sampled_from([*RANGES, "followers_to_open"]), odd_values | followers),
    st.tuples(printable, scalars),
).map(lambda entry: dict([entry]))
documents = st.one_of(
    good_documents, any_documents, st.builds(lambda good, odd: {**good, **odd}, good_documents, one_odd_entry)
)


def toml_value(value: object) -> str:
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, float):
        return "nan" if math.isnan(value) else {math.inf: "inf", -math.inf: "-inf"}.get(value, repr(value))
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ", ".join(map(toml_value, value)) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(toml_line(key, item) for key, item in value.items()) + " }"
    return str(value)  # whole numbers and dates are written the same in TOML


def toml_line(key: str, value: object) -> str:
    return f"{json.dumps(key, ensure_ascii=False)} = {toml_value(value)}"


def fits(value: object, low: int, high: int, *, decimals: bool = False) -> bool:
    if isinstance(value, bool) or not isinstance(value, int | float) or (isinstance(value, float) and not decimals):
        return False
    number = Decimal(str(value))
    return number.is_finite() and low <= number <= high and number == number.quantize(Decimal("0.01"))


def bad_keys(document: dict[str, object]) -> set[str]:
    """Every key the SPEC says is wrong, as the error must name it."""
    bad = set()
    for key, value in document.items():
        if key in RANGES:
            if not fits(value, *RANGES[key], decimals=key == "service_fee_percent"):
                bad.add(key)
        elif key == "followers_to_open" and isinstance(value, dict):
            bad |= {f"{key}.{name}" for name, n in value.items() if name not in PLATFORMS or not fits(n, 0, 10**10)}
        else:
            bad.add(key)
    return bad


def parsed(text: str) -> Rules | RulesError:
    try:
        return parse_rules(text, "random.toml")
    except RulesError as error:
        return error


@settings(max_examples=examples(400), deadline=None)
@given(document=documents)
def test_a_random_rules_document_round_trips_or_names_every_bad_key(document: dict[str, object]) -> None:
    text = "\n".join(toml_line(key, value) for key, value in document.items())
    expected_bad = bad_keys(tomllib.loads(text))  # what TOML itself makes of the values, e.g. of -0.0
    event("some key is bad" if expected_bad else "every key is good")
    rules = parsed(text)
    if isinstance(rules, RulesError):
        assert expected_bad
        for lang in ("en", "zh-CN"):
            header, *problems = describe(rules, lang).splitlines()
            assert header in ("Invalid rules in random.toml:", "规则文件 random.toml 有误：")
            assert len(problems) == len(expected_bad)
            for key in expected_bad:
                assert any(problem.startswith(f"  {key}: ") for problem in problems)
        return
    assert not expected_bad
    for key in RANGES.keys() & document.keys():
        assert getattr(rules, key) == Decimal(str(document[key]))
    followers = document.get("followers_to_open", {})
    assert isinstance(followers, dict)
    for name, count in followers.items():
        assert rules.followers_needed(PLATFORMS[name]) == count
    assert parse_rules(rules_to_toml(rules), "round-trip") == rules


@settings(max_examples=examples(200), deadline=None)
@given(text=st.text())
def test_any_text_as_a_rules_file_is_rules_or_a_rules_error_never_another_exception(text: str) -> None:
    rules = parsed(text)
    if isinstance(rules, RulesError):
        assert describe(rules, "en").startswith(("Invalid rules in random.toml", "random.toml is not valid TOML"))


@pytest.mark.parametrize("lang", LANGS)
def test_a_whole_number_of_thousands_of_digits_is_one_clear_line(lang: Lang) -> None:
    with pytest.raises(RulesError) as error:
        parse_rules("accept_window_hours = " + "9" * 5_000, "my.toml")
    expected = {
        "en": "my.toml is not valid TOML: a number has more than 4,300 digits, more than Python reads",
        "zh-CN": "my.toml 不是有效的 TOML：某个数字超过 4300 位，超出 Python 可读取的长度",
    }
    assert describe(error.value, lang) == expected[lang]


@pytest.mark.parametrize(
    ("document", "expected"),
    [
        ("accept_window_hours = 0x" + "f" * 5_000, "  accept_window_hours: must be between 1 and 8760, got a number"),
        ("service_fee_percent = 0o" + "7" * 5_000, "  service_fee_percent: must be between 0 and 100, got a number of"),
        ("[followers_to_open]\ndouyin = 0b" + "1" * 16_000, "  followers_to_open.douyin: must be between 0 and "),
        ("script_change_limit = [0x" + "f" * 5_000 + "]", "  script_change_limit: must be a whole number, got a value"),
    ],
    ids=["hex", "octal", "binary", "in-a-list"],
)
def test_a_huge_number_written_in_few_characters_is_named_under_its_key(document: str, expected: str) -> None:
    with pytest.raises(RulesError) as error:
        parse_rules(document, "my.toml")
    assert expected in describe(error.value, "en")
    assert len(describe(error.value, "en")) < 200


def test_minus_zero_percent_is_written_back_as_zero() -> None:
    rules = parse_rules("service_fee_percent = -0.0", "my.toml")
    assert "\nservice_fee_percent = 0\n" in rules_to_toml(rules)
