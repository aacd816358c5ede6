"""The step vocabulary is a contract: the SPEC's exact phrasings work, in English and in Chinese."""

from __future__ import annotations

import pytest

from xingtu_sim.steps.vocabulary import VOCABULARY, Kind, matching

G, W, T = Kind.GIVEN, Kind.WHEN, Kind.THEN

# Copied from SPEC.md's step vocabulary, with sample values: none of these may stop working.
CONTRACT = [
    (G, "a creator with 150000 followers", "一位拥有 150000 粉丝的达人"),
    (G, "a creator with 50000 followers on xigua", "一位在 西瓜 拥有 50000 粉丝的达人"),
    (G, "the creator has opened Xingtu", "达人已开通星图"),
    (G, "the creator has stopped receiving tasks", "达人已关闭接收任务"),
    (G, "the service fee is 5 percent", "平台服务费为 5%"),
    (
        G,
        'the brand "Nike" publishes the task "Spring launch" paying 8000 yuan',
        '品牌方 "耐克" 发布任务 "春季新品" 报酬 8000 元',
    ),
    (
        W,
        'the brand "Nike" publishes the task "Spring launch" paying 10.50 yuan',
        '品牌方 "耐克" 发布任务 "春季新品" 报酬 10.50 元',
    ),
    (G, 'the task "Spring launch" is script review', '任务 "春季新品" 处于 脚本待确认'),
    (G, 'the task "Spring launch" asks for "A 30-second vertical video"', '任务 "春季新品" 的需求是 "30 秒竖屏视频"'),
    (W, 'the task "Spring launch" asks for "A 60-second video"', '任务 "春季新品" 的需求是 "60 秒视频"'),
    (W, "the creator opens Xingtu", "达人开通星图"),
    (W, "the creator stops receiving tasks", "达人关闭接收任务"),
    (W, "the creator resumes receiving tasks", "达人开启接收任务"),
    (W, 'the creator views the task "A"', '达人查看任务 "A" 的详情'),
    (W, 'the creator closes the task "A"', '达人关闭任务 "A" 的详情'),
    (W, 'the creator accepts the task "A"', '达人接受任务 "A"'),
    (W, 'the creator declines the task "A"', '达人拒绝任务 "A"'),
    (W, 'the creator starts the script for "A"', '达人开始撰写任务 "A" 的脚本'),
    (W, 'the creator submits the script for "A"', '达人提交任务 "A" 的脚本'),
    (W, 'the brand approves the script for "A"', '品牌方通过任务 "A" 的脚本'),
    (W, 'the brand requests changes to the script for "A"', '品牌方要求修改任务 "A" 的脚本'),
    (W, 'the creator uploads the video for "A"', '达人上传任务 "A" 的视频'),
    (W, 'the brand confirms the video for "A"', '品牌方确认任务 "A" 的视频'),
    (W, 'the brand requests changes to the video for "A"', '品牌方要求修改任务 "A" 的视频'),
    (W, 'the creator publishes the video for "A"', '达人发布任务 "A" 的视频'),
    (W, 'the platform approves "A"', '平台审核通过任务 "A"'),
    (W, 'the platform rejects "A"', '平台审核驳回任务 "A"'),
    (W, 'the creator cancels the task "A"', '达人取消任务 "A"'),
    (W, "25 hours pass", "过了 25 小时"),
    (W, "30 days pass", "过了 30 天"),
    (T, 'the task "A" is in review', '任务 "A" 的状态是 审核中'),
    (T, "the creator's account is unchanged", "达人账户没有任何变化"),
    (T, "the creator's balance is 7600 yuan", "达人余额为 7600 元"),
    (T, 'the platform fee for "A" is 0.51 yuan', '任务 "A" 的平台服务费为 0.51 元'),
    (T, "the creator has 2 pending tasks", "达人有 2 个待接收任务"),
    (T, "the creator's Xingtu is open", "达人的星图已开通"),
    (T, "the creator's Xingtu is not open", "达人的星图未开通"),
    (T, "the action is refused", "操作被拒绝"),
    (T, "the action is refused because change limit reached", "操作被拒绝，原因是修改次数已用完"),
    (T, "the creator has 1 breaches", "达人有 1 次违约记录"),
]


@pytest.mark.parametrize(("kind", "english", "chinese"), CONTRACT, ids=[c[1] for c in CONTRACT])
def test_each_phrasing_of_the_spec_is_a_step_in_both_languages(kind: Kind, english: str, chinese: str) -> None:
    in_english, in_chinese = matching(english, kind), matching(chinese, kind)
    assert in_english is not None
    assert in_english is in_chinese


def test_the_vocabulary_has_exactly_the_specs_phrases() -> None:
    assert len(VOCABULARY) == len(CONTRACT) - 2  # publish and asks for are one phrase each, a Given and a When


@pytest.mark.parametrize(
    ("kind", "written"),
    [
        (G, "一位拥有150000粉丝的达人"),
        (G, "一位拥有 15万 粉丝的达人"),
        (G, "a creator with 150,000 followers"),
        (G, "品牌方“耐克”发布任务“春季新品”报酬8000元"),
        (T, "the creator’s balance is 7600 yuan"),
        (T, "操作被拒绝, 原因是 修改次数已用完"),
        (G, "平台服务费为 5％"),
        (W, 'The creator accepts the task "A"'),
    ],
)
def test_what_writers_actually_type_is_understood(kind: Kind, written: str) -> None:
    assert matching(written, kind) is not None


def test_the_same_words_mean_set_up_after_given_and_a_check_after_then() -> None:
    given, then = matching('the task "A" is accepted', G), matching('the task "A" is accepted', T)
    assert given is not None
    assert then is not None
    assert (given.key, then.key) == ("task_is", "state_is")


def test_every_trigger_but_the_clocks_has_a_when_phrase() -> None:
    from xingtu_sim.domain.lifecycle import CLOCK_MOVE, Trigger

    with_phrase = {phrase.trigger for phrase in VOCABULARY if phrase.trigger}
    assert with_phrase == set(Trigger) - {CLOCK_MOVE.trigger}
