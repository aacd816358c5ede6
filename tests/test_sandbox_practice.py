"""Lessons in the store: starting one sets the account up afresh in one transaction; progress and recordings come
from the attempt's set-up and its journal; `sandbox record` gives a CLI user the same feature file."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import ok, practice_held
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis_budget import examples
from test_sandbox_journal import NAMES, held, store_moves
from web_client import new_sandbox

from xingtu_sim import CreatorAccount, Rules
from xingtu_sim.cli import main
from xingtu_sim.domain.errors import ActionRefused, InputError
from xingtu_sim.lessons import Lesson, Move, Practice, bundled_lessons, read_lessons
from xingtu_sim.lessons.solve import shortest_solution
from xingtu_sim.sandbox import create, session
from xingtu_sim.sandbox.attempts import LessonSetup, NoAttempt, attempt_with_moves, attempts, current_attempt, moves
from xingtu_sim.sandbox.practice import NotRecorded, practice_of, progress, recording, start_lesson
from xingtu_sim.steps.vocabulary import PHRASES

LESSONS = bundled_lessons()
BY_KEY = {lesson.key: lesson for lesson in LESSONS}
DECLINING = {"en": BY_KEY["en/04_declining_costs_nothing"], "zh-CN": BY_KEY["zh-CN/04_declining_costs_nothing"]}
FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return new_sandbox(tmp_path / "practice.db")


def make(path: Path, move: Move, account: str = "default") -> None:
    """A move through the store's session, as a door makes it (a refusal is the trainee's to see)."""
    values = move.values
    try:
        with session(path, account) as current:
            if move.phrase == "publish":
                current.publish(values["task"], values["brand"], values["amount"])
            elif move.phrase == "hours_pass":
                current.pass_time(int(values["n"]))
            elif move.phrase == "open":
                current.open_xingtu()
            elif move.phrase == "stop_receiving":
                current.stop_receiving()
            elif move.phrase == "resume_receiving":
                current.resume_receiving()
            else:
                trigger = PHRASES[move.phrase].trigger
                assert trigger is not None
                current.act(values["task"], trigger)
    except ActionRefused:
        pass


def run(feature: str, tmp_path: Path) -> int:
    path = tmp_path / "recording.feature"
    path.write_text(feature, encoding="utf-8")
    result = CliRunner().invoke(main, ["run", "--lang", "en", str(path)])
    return result.exit_code


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda lesson: lesson.key)
def test_starting_a_lesson_sets_the_account_up_as_its_given_steps_do_with_an_empty_journal(
    path: Path, lesson: Lesson
) -> None:
    with session(path) as current:
        current.publish("Left over", "Nike", "1")
    attempt = start_lesson(path, "default", lesson)
    assert (attempt.lesson, attempt.moves, moves(path)) == (lesson.key, 0, [])
    assert isinstance(attempt.setup, LessonSetup)
    assert attempt.setup.lang == lesson.lang
    expected = Practice.of_lesson(lesson, attempt.rules).replay(()).context.workspace
    with session(path, write=False) as current:
        assert held(current.everything()) == held(expected)
        assert current.rules == expected.rules


def test_starting_a_lesson_again_starts_it_fresh(path: Path) -> None:
    lesson = DECLINING["en"]
    first = start_lesson(path, "default", lesson)
    make(path, Move("view", {"task": "Spring launch"}))
    make(path, Move("hours_pass", {"n": "3"}))
    before = practice_held(path)
    second = start_lesson(path, "default", lesson)
    assert second.id > first.id
    assert moves(path) == []
    assert [entry.move.phrase for entry in moves(path, attempt=first.id)] == ["view", "hours_pass"]
    assert practice_held(path) != before
    fresh = new_sandbox(path.parent / "fresh.db")
    start_lesson(fresh, "default", lesson)
    assert {k: v for k, v in practice_held(path).items() if k != "account"} == {
        k: v for k, v in practice_held(fresh).items() if k != "account"
    }


def test_a_lesson_that_cannot_start_changes_nothing_and_says_why(path: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken.feature"
    broken.write_text(
        "@lesson\nFeature: Too few followers\n\n  Scenario: Open\n    Given a creator with 500 followers\n"
        "    And the creator has opened Xingtu\n    Then the creator's Xingtu is open\n",
        encoding="utf-8",
    )
    (lesson,) = read_lessons([broken])
    before = practice_held(path), [attempt.id for attempt in attempts(path)]
    with pytest.raises(InputError) as refused:
        start_lesson(path, "default", lesson)
    assert "own/" in str(refused.value.lines[0])
    assert (practice_held(path), [attempt.id for attempt in attempts(path)]) == before


@pytest.mark.parametrize("lang", ["en", "zh-CN"])
def test_a_finished_lesson_shows_every_goal_met_and_records_green_one_move_short_it_records_red(
    path: Path, tmp_path: Path, lang: str
) -> None:
    lesson = DECLINING[lang]
    start_lesson(path, "default", lesson)
    solution = shortest_solution(Practice.of_lesson(lesson))
    assert solution
    for move in solution[:-1]:
        make(path, move)
    short = progress(path, "default", LESSONS)
    assert (short.done, [goal.met for goal in short.goals].count(False) > 0) == (False, True)
    assert run(recording(path, "default", LESSONS, "en", "Li Lei").text, tmp_path) == 1
    make(path, solution[-1])
    finished = progress(path, "default", LESSONS)
    assert finished.done
    assert [goal.text for goal in finished.goals] == [goal.text for goal in short.goals]
    assert all(goal.met for goal in finished.goals)
    assert finished.attempt.lesson == lesson.key
    assert current_attempt(path).known_done is True  # kept for the dashboard
    recorded = recording(path, "default", LESSONS, "en", "李雷")
    assert run(recorded.text, tmp_path) == 0
    assert recorded.file_name == f"04_declining_costs_nothing-{finished.attempt.id}.feature"
    day = datetime.now(UTC).date().isoformat()
    scenario = {"en": f"Scenario: 李雷's practice, {day}", "zh-CN": f"场景: 李雷的练习，{day}"}[lang]
    assert f"  {scenario}" in recorded.text.splitlines()


def test_progress_of_free_practice_has_no_goal_and_its_recording_starts_from_the_creator_as_created(
    tmp_path: Path,
) -> None:
    path = tmp_path / "practice.db"
    create(path, CreatorAccount(followers=80_000), rules=Rules(accept_window_hours=48))
    make(path, Move("open"))  # refused: 80,000 is below Douyin's 100,000
    found = progress(path, "default", LESSONS)
    assert (found.attempt.lesson, found.goals, found.done) == (None, [], False)
    text = recording(path, "default", LESSONS, "zh-CN", "韩梅梅").text
    assert "假如一位在 抖音 拥有 80000 粉丝的达人" in text
    assert "那么操作被拒绝，原因是不符合开通条件" in text
    assert run(text, tmp_path) == 0


def test_an_attempt_of_a_lesson_no_longer_offered_is_recorded_without_a_goal(path: Path, tmp_path: Path) -> None:
    start_lesson(path, "default", DECLINING["en"])
    make(path, Move("view", {"task": "Spring launch"}))
    found = progress(path, "default", [])
    assert (found.goals, found.done) == ([], False)
    text = recording(path, "default", [], "en", "Li Lei").text
    assert "Feature: en/04_declining_costs_nothing" in text
    assert run(text, tmp_path) == 0


def test_an_older_attempt_is_recorded_from_its_own_set_up_and_another_accounts_is_not_found(path: Path) -> None:
    free = current_attempt(path)
    start_lesson(path, "default", DECLINING["en"])
    older = recording(path, "default", LESSONS, "en", "Li Lei", attempt=free.id)
    assert "When the creator opens Xingtu" in older.text
    assert older.file_name == f"free-practice-{free.id}.feature"
    create(path, CreatorAccount(followers=150_000), key="trainee-1")
    with pytest.raises(NoAttempt):
        recording(path, "trainee-1", LESSONS, "en", "Han Meimei", attempt=free.id)


def test_practice_begun_before_the_journal_was_kept_is_not_recorded(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    shutil.copyfile(FIXTURES / "sandbox_v2.sqlite3", path)
    with pytest.raises(NotRecorded):
        recording(path, "default", LESSONS, "en", "Li Lei")
    assert "Given a creator with 60000 followers on Xigua" in recording(path, "trainee-1", LESSONS, "en", "Li").text


# `xingtu-sim sandbox record`: the same recording for a CLI user.


def record(db: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["sandbox", "--db", str(db), *args])
    return result.exit_code, result.output


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["en", "zh-CN"])
def test_sandbox_record_writes_the_practice_in_the_chosen_language_and_it_runs_green(
    db: Path, tmp_path: Path, lang: str
) -> None:
    ok(db, "offer", "Spring launch", "--brand", "Nike", "--price", "8,000", "--requirements", "a 30 s video")
    ok(db, "do", "view", "Spring launch")
    record(db, "do", "approve_script", "Spring launch")
    ok(db, "wait", "1d")
    output = tmp_path / "practice.feature"
    code, said = record(db, "--lang", lang, "record", "--name", "Li Lei", "--output", str(output))
    assert code == 0
    assert said.startswith({"en": f"Wrote {output}.", "zh-CN": f"已写入 {output}。"}[lang])
    text = output.read_text(encoding="utf-8")
    assert text.startswith(f"# language: {lang}\n")
    line = {
        "en": 'When the task "Spring launch" asks for "a 30 s video"',
        "zh-CN": '当任务 "Spring launch" 的需求是 "a 30 s video"',
    }[lang]
    assert f"    {line}" in text.splitlines()
    assert run(text, tmp_path) == 0
    assert record(db, "--lang", lang, "record", "--name", "Li Lei") == (0, text)


@pytest.mark.slow
def test_sandbox_record_of_a_lesson_started_on_the_web_console_records_it_with_its_goal(
    db: Path, tmp_path: Path
) -> None:
    lesson = DECLINING["zh-CN"]
    start_lesson(db, "default", lesson)
    ok(db, "do", "decline", "春季新品")
    code, text = record(db, "--lang", "en", "record")
    assert code == 0
    assert text.startswith("# language: zh-CN\n")
    assert f"功能: {lesson.title}" in text
    assert run(text, tmp_path) == 0


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["record", "--output", "{tmp}/no/such/folder/x.feature"], "Cannot write {tmp}/no/such/folder/x.feature:"),
        (["record", "--output", "/dev/full"], "Cannot write /dev/full: no space left on the disk."),
        (["record", "--lessons", "{tmp}/nowhere"], "nowhere"),
    ],
)
def test_sandbox_record_says_in_one_line_what_it_cannot_do_and_exits_2(
    db: Path, tmp_path: Path, args: list[str], expected: str
) -> None:
    code, said = record(db, *(arg.format(tmp=tmp_path) for arg in args))
    assert code == 2
    assert said.startswith("Error: ")
    assert expected.format(tmp=tmp_path) in said
    assert "Traceback" not in said


@pytest.mark.parametrize("lang", ["en", "zh-CN"])
def test_sandbox_record_of_practice_begun_before_the_journal_says_how_to_start_afresh(
    tmp_path: Path, lang: str
) -> None:
    path = tmp_path / "old.sqlite3"
    shutil.copyfile(FIXTURES / "sandbox_v2.sqlite3", path)
    code, said = record(path, "--lang", lang, "record")
    assert code == 2
    assert (
        said.splitlines()[0]
        == {
            "en": "Error: This practice began before xingtu-sim kept a journal of moves, so it cannot be recorded.",
            "zh-CN": "错误：这次练习开始于 xingtu-sim 记录操作之前，无法写成场景。",
        }[lang]
    )
    assert said.rstrip().endswith("reset --force")


def test_sandbox_record_before_any_sandbox_says_there_is_none(tmp_path: Path) -> None:
    code, said = record(tmp_path / "none.db", "record")
    assert code == 2
    assert "There is no sandbox in" in said
    assert not (tmp_path / "none.db").exists()


# Random moves in a lesson's attempt replay from its set-up and journal to the account the store holds.


@pytest.mark.slow
@settings(max_examples=examples(40), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lesson=st.sampled_from(LESSONS), calls=store_moves())
def test_random_moves_in_a_lesson_replay_from_its_set_up_to_the_same_account_and_record_what_they_reached(
    lesson: Lesson, calls: list[tuple[str, tuple[object, ...]]], tmp_path_factory: pytest.TempPathFactory
) -> None:
    folder = tmp_path_factory.mktemp("lesson")
    path = new_sandbox(folder / "practice.db")
    start_lesson(path, "default", lesson)
    task = {"en": "Spring launch", "zh-CN": "春季新品"}[lesson.lang]
    for name, arguments in calls:
        if arguments and arguments[0] == NAMES[0]:  # the lesson's own task, as often as another
            arguments = (task, *arguments[1:])
        try:
            with session(path) as current:
                getattr(current, name)(*arguments)
        except (ActionRefused, InputError):
            pass
    attempt, entries = attempt_with_moves(path, "default")
    practice = practice_of(attempt, LESSONS, "en")
    made = [entry.move for entry in entries]
    with session(path, write=False) as current:
        assert held(current.everything()) == held(practice.replay(made).context.workspace)
    found = progress(path, "default", LESSONS)
    assert found.done == practice.done(made)
    assert run(recording(path, "default", LESSONS, "en", "Li Lei").text, folder) == (0 if found.done else 1)
