"""The source text's own words are steps too, and an unknown step gets a hint that is right (issue 10).

A trainer writes from the seed's words (点击任务标题, 审核完成, 待接收任务, 已失效) and from habit (a full
stop at the end, "1 day passes", 十万, 10w). Those run; what does not run gets a hint that names the
problem, never one that suggests the opposite move or repeats what was written.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from xingtu_sim.cli import main
from xingtu_sim.domain.errors import InputError
from xingtu_sim.domain.lifecycle import State
from xingtu_sim.i18n import describe, render
from xingtu_sim.runner.suggest import nearest_phrasing
from xingtu_sim.steps.numbers import parse_count
from xingtu_sim.steps.vocabulary import PHRASES, VOCABULARY, Kind, matching, state_named, state_variants, step_line

G, W, T = Kind.GIVEN, Kind.WHEN, Kind.THEN

# SPEC.md, "Additions (second round)": accepted variants, with the phrase each one varies.
VARIANTS = [
    (W, 'the creator clicks the task title "Spring launch"', "view"),
    (W, '达人点击任务标题 "春季新品"', "view"),
    (W, '达人查看任务详情 "春季新品"', "view"),
    (W, '平台审核完成任务 "春季新品"', "pass_review"),
]

# What writers type out of habit: each is understood as the phrase named.
HABITS = [
    (W, '达人拒绝任务 "春季新品"。', "decline"),
    (W, 'the creator declines the task "Spring launch".', "decline"),
    (T, 'the task "Spring launch" is declined.', "state_is"),
    (T, "the creator has 1 pending task", "pending_count"),
    (W, "1 day passes", "days_pass"),
    (W, "1 hour passes", "hours_pass"),
    (T, "the creator has 0 breach", "breaches"),
    (G, "一位拥有 10w 粉丝的达人", "creator"),
    (G, "一位拥有 9.5万 粉丝的达人", "creator"),
    (G, "一位拥有十万粉丝的达人", "creator"),
    (W, "过了两天。", "days_pass"),
]


@pytest.mark.parametrize(("kind", "written", "key"), VARIANTS + HABITS, ids=[v[1] for v in VARIANTS + HABITS])
def test_the_source_texts_words_and_writing_habits_say_a_phrase_of_the_vocabulary(
    kind: Kind, written: str, key: str
) -> None:
    assert matching(written, kind) is PHRASES[key]


@pytest.mark.parametrize(
    ("written", "count"),
    [("150000", 150_000), ("150,000", 150_000), ("15万", 150_000), ("9.5万", 95_000), ("10w", 100_000),
     ("10W", 100_000), ("十万", 100_000), ("十五万", 150_000), ("两千零五", 2005), ("一亿", 100_000_000), ("零", 0)],
)  # fmt: skip
def test_a_count_is_read_as_scenario_writers_write_it(written: str, count: int) -> None:
    assert parse_count(written) == count


@pytest.mark.parametrize("written", ["1.5", "1.23456万", "一一", "万", "十万x", "", "ten"])
def test_a_count_that_is_no_whole_number_is_named(written: str) -> None:
    with pytest.raises(InputError) as raised:
        parse_count(written)
    assert describe(raised.value, "en") == f'"{written}" is not a whole number.'


def test_the_source_texts_state_names_stand_for_the_states_they_name() -> None:
    assert state_variants("zh-CN") == {"待接收任务": State.PENDING_RECEIPT, "已失效": State.EXPIRED}
    assert state_variants("en") == {}
    assert (state_named("待接收任务"), state_named("已失效")) == (State.PENDING_RECEIPT, State.EXPIRED)


SOURCE_WORDS_FEATURE = """\
# language: zh-CN
功能: 用原文的说法
  场景: 点击任务标题，审核完成
    假如一位拥有 十万 粉丝的达人
    而且达人已开通星图
    而且品牌方 "耐克" 发布任务 "春季新品" 报酬 8000 元
    而且品牌方 "阿迪" 发布任务 "秋季新品" 报酬 5000 元
    那么任务 "春季新品" 的状态是 待接收任务
    当达人点击任务标题 "春季新品"
    那么任务 "春季新品" 的状态是 查看详情
    当达人关闭任务 "春季新品" 的详情
    当达人查看任务详情 "春季新品"
    而且达人接受任务 "春季新品"。
    而且过了两天
    那么任务 "秋季新品" 的状态是 已失效
    假如任务 "春季新品" 处于 审核中
    当平台审核完成任务 "春季新品"
    那么任务 "春季新品" 的状态是 已完成。
    而且达人余额为 7600 元

Feature: The source's words in English
  Scenario: Clicking the task title
    Given a creator with 10w followers
    And the creator has opened Xingtu
    And the brand "Nike" publishes the task "Spring launch" paying 8000 yuan
    Then the creator has 1 pending task
    When the creator clicks the task title "Spring launch"
    Then the task "Spring launch" is viewing details.
    When 1 day passes
    Then the task "Spring launch" is expired
    And the creator has 0 breach
"""


@pytest.mark.parametrize("lang", ["en", "zh-CN"])
def test_scenarios_in_the_source_texts_words_run_green(tmp_path: Path, lang: str) -> None:
    zh, en = SOURCE_WORDS_FEATURE.split("\n\nFeature:")
    (tmp_path / "zh.feature").write_text(zh + "\n", encoding="utf-8")
    (tmp_path / "en.feature").write_text("Feature:" + en, encoding="utf-8")
    dry = CliRunner().invoke(main, ["--lang", lang, "run", "--dry-run", str(tmp_path)])
    assert dry.exit_code == 0, dry.output
    result = CliRunner().invoke(main, ["--lang", lang, "run", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[-1] == "2 passed, 0 failed"


@pytest.mark.parametrize("lang", ["en", "zh-CN"])
def test_steps_lists_each_variant_right_under_the_phrasing_it_varies(lang: str) -> None:
    listed = CliRunner().invoke(main, ["steps", "--lang", lang]).output.splitlines()
    also = "也可写作：" if lang == "zh-CN" else "also: "
    varied = [phrase for phrase in VOCABULARY if phrase.variants(lang)]
    assert varied
    for phrase in varied:
        kind = phrase.kinds[0]
        at = listed.index(f"  {step_line(phrase, lang, kind)}")
        variants = [f"      {also}{step_line(phrase, lang, kind, variant=v)}" for v in phrase.variants(lang)]
        assert listed[at + 1 : at + 1 + len(variants)] == variants
    states = next(line for line in listed if "(pending_receipt)" in line)
    assert ("待接收 / 待接收任务 (pending_receipt)" in states) == (lang == "zh-CN")
    assert ("已过期 / 已失效 (expired)" in states) == (lang == "zh-CN")


# Steps no phrasing matches, the hint each gets (in part), and what the hint must never say.
HINTS = [
    (W, '达人不接任务 "春季新品"', '达人拒绝任务 "{task}"', "接受"),
    (W, '达人不接受任务 "春季新品"', '达人拒绝任务 "{task}"', "接受"),
    (W, '平台审核不通过任务 "春季新品"', '平台审核驳回任务 "{task}"', "通过"),
    (W, 'the creator does not accept the task "Spring launch"', 'the creator declines the task "{task}"', "accepts"),
    (W, "the platform doesn't approve \"Spring launch\"", 'the platform rejects "{task}"', "approves"),
    (T, "达人的星图没有开通", "达人的星图未开通", "已开通"),
    (T, "达人账户有变化", "no phrasing", "没有任何变化"),
    (T, "操作没有被拒绝", "no phrasing", "操作被拒绝"),
    (G, "a creator with ten followers", '"ten" is not a whole number: write it like 150000', "{n} followers\n"),
    (G, "a creator with 10k followers", '"10k" is not a whole number', "nearest"),
    (T, "the creator's balance is 10w yuan", '"10w" is not an amount in yuan: write it like 8000', "nearest"),
    (W, "达人接受任务 春季新品", '春季新品 needs double quotes: "春季新品"', "nearest"),
    (W, "the creator accepts the task 'Spring launch'", "'Spring launch' needs double quotes", "nearest"),
    (T, "the creator has {n} pending tasks", '"{n}" is not a whole number', "nearest"),
    (W, 'the creator accept the task "A"', 'nearest phrasing: When the creator accepts the task "{task}"', "declines"),
]  # fmt: skip


@pytest.mark.parametrize(("kind", "written", "hint", "never"), HINTS, ids=[h[1] for h in HINTS])
def test_an_unknown_step_gets_a_hint_that_names_the_problem_and_never_the_opposite_move(
    kind: Kind, written: str, hint: str, never: str
) -> None:
    assert matching(written, kind) is None
    said = render(nearest_phrasing(written, kind.value, "en"), "en")
    assert hint in said
    assert never not in said.split("nearest phrasing:")[-1] + "\n"


@pytest.mark.parametrize(
    "written",
    [f"{template}{end}" for phrase in VOCABULARY for lang in ("en", "zh-CN") for template in phrase.templates(lang)
     for end in ("", "!", " 呢")],
)  # fmt: skip
def test_no_hint_is_what_was_written(written: str) -> None:
    """Placeholders written as they are listed ({n}, "{task}") are named, not suggested back."""
    for kind in Kind:
        if matching(written, kind) is None:
            said = render(nearest_phrasing(written, kind.value, "en"), "en")
            suggested = said.split("nearest phrasing: ")[-1]
            assert " ".join(suggested.split()) != " ".join(f"{kind.keyword('en')} {written}".split())
            assert " ".join(suggested.split()) != " ".join(f"{kind.keyword('zh-CN')}{written}".split())


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ('达人不接任务 "春季新品"', '未定义的步骤；最接近的说法：当达人拒绝任务 "{task}"'),
        ("一位拥有 ten 粉丝的达人", "未定义的步骤：用词与 假如一位拥有 {n} 粉丝的达人 相同，但“ten”不是整数"),
        ("达人接受任务 春季新品", '但春季新品 需要加双引号："春季新品"。'),
    ],
)
def test_hints_are_in_the_readers_language(written: str, expected: str) -> None:
    kind = G if written.startswith("一位") else W
    assert expected in render(nearest_phrasing(written, kind.value, "zh-CN"), "zh-CN")
