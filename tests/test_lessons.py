"""Lessons written in Gherkin: the bundled ones are sound in both languages, can be finished and are not finished
at the start; a lesson file that cannot be one is refused with its file and line; practice recorded as a scenario
runs green exactly when it reached what it records."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis_budget import examples

from xingtu_sim.cli import main
from xingtu_sim.domain.account import CreatorAccount, Platform
from xingtu_sim.domain.errors import InputError
from xingtu_sim.domain.lifecycle import Trigger
from xingtu_sim.i18n import describe
from xingtu_sim.lessons import Lesson, Move, Practice, bundled_lessons, read_lessons
from xingtu_sim.lessons.lesson import bundled_lessons_folder
from xingtu_sim.lessons.solve import shortest_solution
from xingtu_sim.steps.vocabulary import PHRASE_FOR_TRIGGER

LESSONS = bundled_lessons()
BY_KEY = {lesson.key: lesson for lesson in LESSONS}
TASK = {"en": "Spring launch", "zh-CN": "春季新品"}


def lesson_ids(lesson: Lesson) -> str:
    return lesson.key


def run_feature(path: Path) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["run", "--lang", "en", str(path)])
    return result.exit_code, result.output


def test_at_least_eight_lessons_ship_in_each_language_each_with_its_twin() -> None:
    english = {key.removeprefix("en/") for key in BY_KEY if key.startswith("en/")}
    chinese = {key.removeprefix("zh-CN/") for key in BY_KEY if key.startswith("zh-CN/")}
    assert len(english) >= 8
    assert english == chinese


@pytest.mark.parametrize("name", sorted(k.removeprefix("en/") for k in BY_KEY if k.startswith("en/")))
def test_an_english_lesson_and_its_chinese_twin_set_up_and_aim_at_the_same_things(name: str) -> None:
    english, chinese = BY_KEY[f"en/{name}"], BY_KEY[f"zh-CN/{name}"]
    assert [step.phrase.key for step in english.setup] == [step.phrase.key for step in chinese.setup]
    assert [step.phrase.key for step in english.goal] == [step.phrase.key for step in chinese.goal]
    assert (english.lang, chinese.lang) == ("en", "zh-CN")
    assert english.instruction
    assert chinese.instruction


@pytest.mark.parametrize("lesson", LESSONS, ids=lesson_ids)
def test_no_lesson_is_finished_before_the_trainee_moves(lesson: Lesson) -> None:
    progress = Practice.of_lesson(lesson).progress([])
    assert not all(goal.met for goal in progress)


def _solution(lesson: Lesson) -> list[Move] | None:
    """The shortest solution, searched once per lesson for the tests that need it."""
    return _solution_of(lesson_ids(lesson))


@functools.cache
def _solution_of(key: str) -> list[Move] | None:
    return shortest_solution(Practice.of_lesson(BY_KEY[key]))


@pytest.mark.parametrize("lesson", LESSONS, ids=lesson_ids)
def test_every_lesson_can_be_finished_but_not_one_move_short(lesson: Lesson) -> None:
    practice = Practice.of_lesson(lesson)
    solution = _solution(lesson)
    assert solution is not None, "no sequence of moves finishes this lesson"
    assert practice.done(solution)
    assert not practice.done(solution[:-1])


def test_every_finished_lessons_recording_runs_green_and_one_move_short_red(tmp_path: Path) -> None:
    """All lessons' recordings in two runs (one run each would cost a minute of the fast loop)."""
    finished, unfinished = tmp_path / "finished", tmp_path / "unfinished"
    for folder in (finished, unfinished):
        folder.mkdir()
    for lesson in LESSONS:
        practice, solution = Practice.of_lesson(lesson), _solution(lesson)
        assert solution is not None
        file_name = lesson_ids(lesson).replace("/", "_") + ".feature"
        (finished / file_name).write_text(practice.recording(solution, "finished"), encoding="utf-8")
        (unfinished / file_name).write_text(practice.recording(solution[:-1], "unfinished"), encoding="utf-8")
    code, output = run_feature(finished)
    assert (code, output.splitlines()[-1]) == (0, f"{len(LESSONS)} passed, 0 failed"), output
    code, output = run_feature(unfinished)
    assert (code, output.splitlines()[-1]) == (1, f"0 passed, {len(LESSONS)} failed"), output


def test_the_bundled_lessons_pass_a_dry_run_like_any_feature_file() -> None:
    result = CliRunner().invoke(main, ["run", "--dry-run", "--lang", "en", str(bundled_lessons_folder())])
    assert result.exit_code == 0, result.output


def test_progress_names_each_goal_step_in_the_lessons_language_met_or_not_yet() -> None:
    practice = Practice.of_lesson(BY_KEY["zh-CN/04_declining_costs_nothing"])
    before = practice.progress([])
    after = practice.progress([Move("decline", {"task": "春季新品"})])
    assert [goal.text for goal in before] == [
        '那么任务 "春季新品" 的状态是 已拒绝',
        "那么达人账户没有任何变化",
        "那么达人有 0 个待接收任务",
    ]
    assert [goal.met for goal in before] == [False, True, False]
    assert [goal.met for goal in after] == [True, True, True]


def test_a_recording_checks_each_refused_move_right_after_it() -> None:
    practice = Practice.of_lesson(BY_KEY["en/02_below_the_threshold"])
    text = practice.recording([Move("open"), Move("open")], "Ann")
    lines = [line.strip() for line in text.splitlines()]
    assert lines[lines.index("When the creator opens Xingtu") + 1] == "Then the action is refused because not eligible"
    assert lines.count("Then the action is refused because not eligible") == 3  # two moves and the goal


# A lesson file that cannot be one: refused with its file and line.

BAD_LESSONS = {
    "when_step": (
        "@lesson\nFeature: x\n  Scenario: y\n    Given a creator with 150000 followers\n"
        "    When the creator opens Xingtu\n    Then the creator's Xingtu is open\n",
        5,
        ("no When steps", "课程中不能有“当”步骤"),
    ),
    "no_goal": (
        "@lesson\nFeature: x\n  Scenario: y\n    Given a creator with 150000 followers\n",
        3,
        ("no Then step", "课程没有“那么”步骤"),
    ),
    "not_tagged": (
        "Feature: x\n  Scenario: y\n    Given a creator with 150000 followers\n",
        1,
        ("tagged @lesson", "需要加上标签 @lesson"),
    ),
    "two_scenarios": (
        "@lesson\nFeature: x\n  Scenario: y\n    Then the creator's Xingtu is open\n"
        "  Scenario: z\n    Then the creator's Xingtu is open\n",
        5,
        ("exactly one scenario", "一节课只能有一个场景"),
    ),
    "undefined": (
        "@lesson\nFeature: x\n  Scenario: y\n    Given a creator with 150000 followers\n    Then the creator dances\n",
        5,
        ("nearest phrasing", "最接近的说法"),
    ),
}


@pytest.mark.parametrize("name", sorted(BAD_LESSONS))
def test_a_file_that_cannot_be_a_lesson_is_refused_with_its_file_and_line_in_both_languages(
    name: str, tmp_path: Path
) -> None:
    text, line, (why, why_in_chinese) = BAD_LESSONS[name]
    path = tmp_path / f"{name}.feature"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as refused:
        read_lessons([path])
    described, in_chinese = describe(refused.value, "en"), describe(refused.value, "zh-CN")
    assert f"{path}:{line}: " in described
    assert why in described
    assert f"{path}:{line}：" in in_chinese
    assert why_in_chinese in in_chinese


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", ["{path}:5: Then the creator dances", "    undefined step; nearest phrasing: "]),
        ("zh-CN", ["{path}:5：Then the creator dances", "    未定义的步骤；最接近的说法："]),
    ],
)
def test_an_undefined_step_in_a_lesson_is_named_as_written_then_the_hint(
    lang: str, said: list[str], tmp_path: Path
) -> None:
    path = tmp_path / "dancing.feature"
    path.write_text(BAD_LESSONS["undefined"][0], encoding="utf-8")
    with pytest.raises(InputError) as refused:
        read_lessons([path])
    step, hint = describe(refused.value, lang).splitlines()
    assert step == said[0].format(path=path)
    assert hint.startswith(said[1])


def test_a_trainers_lessons_are_read_with_keys_of_their_own(tmp_path: Path) -> None:
    source = bundled_lessons_folder() / "en" / "04_declining_costs_nothing.feature"
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    for folder in ("a", "b"):
        (tmp_path / folder / "declining.feature").write_bytes(source.read_bytes())
    keys = [lesson.key for lesson in read_lessons([tmp_path])]
    assert keys == ["own/a/declining", "own/b/declining"]


# Random practice, recorded: every recording runs green.

TRIGGERS = [trigger for trigger in Trigger if trigger in PHRASE_FOR_TRIGGER]
TASKS = ["Spring launch", "Summer sale"]


@st.composite
def moves(draw: st.DrawFn) -> list[Move]:
    """Moves a trainee could make, legal or not: any move on any task, account actions, time passing, publishing."""
    made: list[Move] = []
    for _ in range(draw(st.integers(0, 25))):
        choice = draw(st.sampled_from(["task", "task", "task", "account", "time", "publish"]))
        if choice == "task":
            trigger = draw(st.sampled_from(TRIGGERS))
            made.append(Move(PHRASE_FOR_TRIGGER[trigger].key, {"task": draw(st.sampled_from(TASKS))}))
        elif choice == "account":
            made.append(Move(draw(st.sampled_from(["open", "stop_receiving", "resume_receiving"]))))
        elif choice == "time":
            made.append(Move("hours_pass", {"n": str(draw(st.integers(0, 30)))}))
        else:
            task = draw(st.sampled_from(TASKS))
            price = draw(st.sampled_from(["8000", "10.10", "999.99"]))
            made.append(Move("publish", {"brand": "Nike", "task": task, "amount": price}))
    return made


def playable(practice: Practice, made: list[Move]) -> list[Move]:
    """The moves a page would let through: a move on a task not yet published, or a name taken, is not offered."""
    kept: list[Move] = []
    for move in made:
        try:
            practice.replay([*kept, move])
        except InputError:
            continue
        kept.append(move)
    return kept


@pytest.mark.slow
@settings(max_examples=examples(60), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    made=moves(),
    lesson=st.sampled_from([None, *LESSONS]),
    lang=st.sampled_from(["en", "zh-CN"]),
    followers=st.sampled_from([80_000, 150_000]),
)
def test_every_recording_of_random_practice_runs_green(
    made: list[Move], lesson: Lesson | None, lang: str, followers: int, tmp_path_factory: pytest.TempPathFactory
) -> None:
    if lesson is None:
        practice = Practice.free(CreatorAccount(followers=followers, platform=Platform.DOUYIN), lang)  # type: ignore[arg-type]
    else:
        practice = Practice.of_lesson(lesson)
        made = [
            Move(m.phrase, {**m.values, **({"task": TASK[lesson.lang]} if "task" in m.values else {})}) for m in made
        ]
    kept = playable(practice, made)
    path = tmp_path_factory.mktemp("recording") / "practice.feature"
    path.write_text(practice.recording(kept, "random practice"), encoding="utf-8")
    code, output = run_feature(path)
    expected = 0 if lesson is None or practice.done(kept) else 1
    assert code == expected, output
