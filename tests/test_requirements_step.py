"""The brand's requirements as a step: set up with Given, changed with When (issue 11)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from xingtu_sim.cli import main

FEATURES = {
    "en": """\
Feature: Requirements
  Scenario: The brand says what it wants
    Given a creator with 150000 followers
    And the creator has opened Xingtu
    And the brand "Nike" publishes the task "Spring launch" paying 8000 yuan
    And the task "Spring launch" asks for "A 30-second vertical video"
    When the task "Spring launch" asks for "A 60-second video, product in the first 3 seconds"
    And the creator views the task "Spring launch"
    Then the task "Spring launch" is viewing details
""",
    "zh-CN": """\
# language: zh-CN
功能: 广告主的需求
  场景: 品牌方写明需求
    假如一位拥有 150000 粉丝的达人
    而且达人已开通星图
    而且品牌方 "耐克" 发布任务 "春季新品" 报酬 8000 元
    而且任务 "春季新品" 的需求是 "30 秒竖屏视频"
    当任务 "春季新品" 的需求是 "60 秒视频，前 3 秒出现产品"
    而且达人点击任务标题 "春季新品"
    那么任务 "春季新品" 的状态是 查看详情
""",
}
SHOWN = {
    "en": '→ task "Spring launch" asks for "A 60-second video, product in the first 3 seconds"',
    "zh-CN": "→ 任务 “春季新品” 的需求是 “60 秒视频，前 3 秒出现产品”",
}


@pytest.mark.parametrize("lang", ["en", "zh-CN"])
def test_a_task_asks_for_what_the_brand_requires_as_a_given_and_as_a_when(tmp_path: Path, lang: str) -> None:
    path = tmp_path / "requirements.feature"
    path.write_text(FEATURES[lang], encoding="utf-8")
    result = CliRunner().invoke(main, ["--lang", lang, "run", str(path)])
    assert result.exit_code == 0, result.output
    assert SHOWN[lang] in result.output


def test_the_step_sets_the_tasks_requirements_in_the_domain() -> None:
    from xingtu_sim.domain.rules import DEFAULT_RULES
    from xingtu_sim.steps.context import ScenarioContext
    from xingtu_sim.steps.vocabulary import PHRASES

    context = ScenarioContext(DEFAULT_RULES, "en")
    context.current_kind = "given"
    context.perform(PHRASES["creator"], {"n": "150000"})
    context.perform(PHRASES["has_opened"], {})
    context.perform(PHRASES["publish"], {"brand": "Nike", "task": "Spring launch", "amount": "8000"})
    context.perform(PHRASES["asks_for"], {"task": "Spring launch", "text": "A vertical video"})
    assert context.workspace.task("Spring launch").requirements == "A vertical video"
    context.current_kind = "when"
    context.perform(PHRASES["asks_for"], {"task": "Spring launch", "text": "A square video"})
    assert context.workspace.task("Spring launch").requirements == "A square video"


def test_asking_for_something_on_a_task_never_published_fails_the_step_naming_the_task(tmp_path: Path) -> None:
    path = tmp_path / "requirements.feature"
    path.write_text(
        "Feature: R\n  Scenario: No such task\n    Given a creator with 150000 followers\n"
        '    And the task "Nothing" asks for "A video"\n',
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["run", str(path)])
    assert result.exit_code == 1
    assert 'There is no task "Nothing".' in result.output
