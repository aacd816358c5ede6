"""The classroom in the sandbox file: a class kept across restarts, trainees each with their own practice account,
and a dashboard of every trainee against every lesson read by the file's indexes."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from test_sandbox_practice import make

from xingtu_sim import CreatorAccount, Platform, Rules
from xingtu_sim.domain.errors import InputError, Reason
from xingtu_sim.i18n import render
from xingtu_sim.lessons import Lesson, Move, Practice, bundled_lessons
from xingtu_sim.lessons.solve import shortest_solution
from xingtu_sim.sandbox import create, session, store
from xingtu_sim.sandbox.attempts import current_attempt, moves
from xingtu_sim.sandbox.classroom import (
    CODE_ALPHABET,
    CODE_LENGTH,
    NoTrainee,
    Status,
    WrongCode,
    dashboard,
    find_trainee,
    is_trainer,
    join,
    open_class,
    recordings,
    set_lang,
    trainees,
)
from xingtu_sim.sandbox.practice import lesson_statuses, progress, start_lesson

LESSONS = bundled_lessons()
BY_KEY = {lesson.key: lesson for lesson in LESSONS}
OPENING, DECLINING = BY_KEY["en/01_opening_xingtu"], BY_KEY["zh-CN/04_declining_costs_nothing"]


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "classroom.db"


@pytest.fixture
def code(path: Path) -> str:
    return open_class(path).code


def finish(path: Path, account: str, lesson: Lesson) -> None:
    start_lesson(path, account, lesson)
    for move in shortest_solution(Practice.of_lesson(lesson)) or []:
        make(path, move, account)


def test_a_class_is_made_once_and_a_restart_keeps_its_code_and_secret_with_a_new_trainer_token(path: Path) -> None:
    first = open_class(path)
    assert len(first.code) == CODE_LENGTH
    assert set(first.code) <= set(CODE_ALPHABET)
    assert len(first.session_secret) == 32
    assert is_trainer(path, first.trainer_token)
    again = open_class(path)
    assert (again.code, again.session_secret) == (first.code, first.session_secret)
    assert again.trainer_token != first.trainer_token
    assert is_trainer(path, again.trainer_token)
    assert not is_trainer(path, first.trainer_token)  # the link printed before the restart
    assert not is_trainer(path, "")
    assert again.trainer_token.encode() not in path.read_bytes()  # only its hash is kept


def test_a_trainee_joins_with_the_code_as_they_type_it_and_gets_a_practice_account_of_their_own(
    path: Path, code: str
) -> None:
    li = join(path, "李雷", f" {code.lower()[:3]} {code.lower()[3:]} ", lang="zh-CN")
    han = join(path, "Han Meimei", code, creator=CreatorAccount(followers=60_000, platform=Platform.XIGUA))
    assert (li.name, li.lang, han.lang) == ("李雷", "zh-CN", "en")
    assert li.account != han.account
    assert trainees(path) == [li, han]
    assert find_trainee(path, han.id) == han
    with session(path, han.account) as current:
        current.open_xingtu()
    with session(path, li.account, write=False) as current:
        assert not current.workspace.account.xingtu_open
    assert [entry.move for entry in moves(path, han.account)] == [Move("open")]
    assert current_attempt(path, li.account).lesson is None
    set_lang(path, li.id, "en")
    assert find_trainee(path, li.id).lang == "en"


def test_a_restart_keeps_every_trainee_and_their_practice(path: Path, code: str) -> None:
    li = join(path, "李雷", code)
    finish(path, li.account, OPENING)
    open_class(path)
    assert trainees(path) == [li]
    assert lesson_statuses(path, li.account, [OPENING])[OPENING.key] is Status.DONE


@pytest.mark.parametrize("typed", ["", "XXXXXX", "ABC", "😀"])
def test_a_wrong_class_code_makes_nobody(path: Path, code: str, typed: str) -> None:
    with pytest.raises(WrongCode) as wrong:
        join(path, "Li Lei", typed if typed != "ABC" else code[:3])
    assert render(wrong.value.lines[0], "zh-CN") == "这不是本班的班级码。请向培训师核对后重新输入。"
    assert trainees(path) == []


def test_joining_a_sandbox_with_no_class_is_a_wrong_code(path: Path) -> None:
    create(path, CreatorAccount(followers=150_000))
    with pytest.raises(WrongCode):
        join(path, "Li Lei", "ABCDEF")


@pytest.mark.parametrize(
    ("name", "said"),
    [
        ("", "A trainee name cannot be empty or only spaces."),
        ("   ", "A trainee name cannot be empty or only spaces."),
        ("x" * 61, "A trainee name may have at most 60 characters; this one has 61."),
        ("Li\u202eieL", "U+202E RIGHT-TO-LEFT OVERRIDE"),
        ("Li\x1b[2JLei", "U+001B"),
        (" Li Lei", "starts or ends with a space"),
    ],
    ids=["empty", "blank", "too long", "bidi override", "escape sequence", "edged with a space"],
)
def test_a_name_that_could_mislead_is_refused_as_a_task_name_is(path: Path, code: str, name: str, said: str) -> None:
    with pytest.raises(InputError) as refused:
        join(path, name, code)
    assert said in render(refused.value.lines[0], "en")
    assert render(refused.value.lines[0], "zh-CN") != render(refused.value.lines[0], "en")
    assert trainees(path) == []


def test_a_trainee_not_in_the_class_is_not_found(path: Path, code: str) -> None:
    with pytest.raises(NoTrainee):
        find_trainee(path, 404)


def test_the_dashboard_shows_every_trainee_against_every_lesson_and_their_last_moves_newest_first(
    path: Path, code: str
) -> None:
    li, han, wang = join(path, "李雷", code), join(path, "Han Meimei", code), join(path, "Wang", code)
    finish(path, li.account, OPENING)
    start_lesson(path, li.account, DECLINING)
    make(path, Move("view", {"task": "春季新品"}), li.account)
    make(path, Move("pass_review", {"task": "春季新品"}), li.account)  # refused
    start_lesson(path, han.account, DECLINING)
    board = dashboard(path, [OPENING, DECLINING], last=3)
    assert board.lessons == [OPENING.key, DECLINING.key]
    assert [row.trainee for row in board.rows] == [li, han, wang]
    assert [list(row.statuses.values()) for row in board.rows] == [
        [Status.DONE, Status.IN_PROGRESS],
        [Status.NOT_STARTED, Status.IN_PROGRESS],
        [Status.NOT_STARTED, Status.NOT_STARTED],
    ]
    assert [render(status.label, "zh-CN") for status in Status] == ["未开始", "进行中", "已完成"]
    newest = board.rows[0].last_moves
    assert [(m.lesson, m.move.phrase, m.refused) for m in newest] == [
        (DECLINING.key, "pass_review", Reason.NOT_ALLOWED),
        (DECLINING.key, "view", None),
        (OPENING.key, "open", None),  # the last move of the attempt before
    ]
    assert (board.rows[1].last_moves, board.rows[2].last_moves) == ([], [])


def test_a_lesson_stays_done_once_finished_even_if_started_again(path: Path, code: str) -> None:
    li = join(path, "李雷", code)
    finish(path, li.account, DECLINING)
    assert dashboard(path, LESSONS).rows[0].statuses[DECLINING.key] is Status.DONE
    start_lesson(path, li.account, DECLINING)
    assert dashboard(path, LESSONS).rows[0].statuses[DECLINING.key] is Status.DONE


def test_recordings_give_every_attempt_of_every_trainee_in_a_folder_of_their_own(path: Path, code: str) -> None:
    li, han = join(path, "李雷", code, lang="zh-CN"), join(path, "Han Meimei", code)
    make(path, Move("open"), li.account)
    finish(path, han.account, OPENING)
    found = [(item.folder, item.recording.file_name) for item in recordings(path, LESSONS)]
    li_free, han_opening = current_attempt(path, li.account).id, current_attempt(path, han.account).id
    assert found == [
        (f"李雷-{li.id}", f"free-practice-{li_free}.feature"),
        (f"Han-Meimei-{han.id}", f"01_opening_xingtu-{han_opening}.feature"),
    ]
    texts = [item.recording.text for item in recordings(path, LESSONS)]
    assert texts[0].startswith("# language: zh-CN\n")  # free practice in the trainee's language
    assert "  Scenario: Han Meimei's practice, " in texts[1]


# The dashboard reads by the indexes: its cost does not grow with the journal.

MADE_AT = "2026-01-01T00:00:00+00:00"


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many SQLite virtual-machine steps (in hundreds) the store's connections take from now on."""
    steps = [0]
    connect = store._connect

    def counting(path: Path, create: bool) -> sqlite3.Connection:
        connection = connect(path, create)

        def step() -> int:
            steps[0] += 1
            return 0

        connection.set_progress_handler(step, 100)
        return connection

    monkeypatch.setattr(store, "_connect", counting)
    return steps


HOUR_PASSES = f"INSERT INTO journal VALUES (?, ?, 0, 'hours_pass', '{{\"n\":\"1\"}}', NULL, '{MADE_AT}')"


def classroom_with_journal(path: Path, moves_per_attempt: int) -> None:
    """10 trainees who each started 3 lessons, every attempt journaled `moves_per_attempt` moves (worked out)."""
    code = open_class(path).code
    for number in range(10):
        trainee = join(path, f"Trainee {number}", code)
        for lesson in LESSONS[:3]:
            start_lesson(path, trainee.account, lesson)
    with sqlite3.connect(path) as connection:
        attempt_ids = [row[0] for row in connection.execute("SELECT id FROM attempt WHERE lesson IS NOT NULL")]
        connection.executemany(
            HOUR_PASSES,
            [(attempt, seq) for attempt in attempt_ids for seq in range(1, moves_per_attempt + 1)],
        )
        connection.execute(
            "UPDATE attempt SET moves = ?, checked_moves = ? WHERE lesson IS NOT NULL",
            (
                moves_per_attempt,
                moves_per_attempt,
            ),
        )
    connection.close()


def test_the_dashboard_costs_the_same_with_a_journal_a_hundred_times_longer(tmp_path: Path, counted: list[int]) -> None:
    short, long = tmp_path / "short.db", tmp_path / "long.db"
    classroom_with_journal(short, 5)
    classroom_with_journal(long, 500)
    costs = []
    for path in (short, long):
        dashboard(path, LESSONS)  # warm: nothing left to work out
        counted[0] = 0
        board = dashboard(path, LESSONS)
        costs.append(counted[0])
        assert len(board.rows) == 10
        assert all(len(row.last_moves) == 5 for row in board.rows)
    assert costs[1] <= costs[0] * 1.5 + 5, costs


def test_an_attempt_is_replayed_for_the_dashboard_only_once_after_it_moves(path: Path, code: str) -> None:
    li = join(path, "李雷", code)
    start_lesson(path, li.account, DECLINING)
    make(path, Move("view", {"task": "春季新品"}), li.account)
    assert current_attempt(path, li.account).known_done is None
    dashboard(path, LESSONS)
    assert current_attempt(path, li.account).known_done is False
    make(path, Move("decline", {"task": "春季新品"}), li.account)
    assert current_attempt(path, li.account).known_done is None
    assert dashboard(path, LESSONS).rows[0].statuses[DECLINING.key] is Status.DONE
    assert current_attempt(path, li.account).known_done is True


def test_a_trainees_account_keeps_the_rules_it_joined_under(path: Path, code: str) -> None:
    li = join(path, "李雷", code, rules=Rules(accept_window_hours=48))
    assert current_attempt(path, li.account).rules.accept_window_hours == 48


def test_free_practice_progress_costs_the_same_with_a_journal_a_hundred_times_longer(
    tmp_path: Path, counted: list[int]
) -> None:
    """Every page asks for the progress: free practice has no goal, so its journal is not replayed."""
    costs = []
    for length in (5, 500):
        path = tmp_path / f"{length}.db"
        create(path, CreatorAccount(followers=150_000))
        attempt = current_attempt(path, "default")
        with sqlite3.connect(path) as connection:
            connection.executemany(
                HOUR_PASSES,
                [(attempt.id, seq) for seq in range(1, length + 1)],
            )
            connection.execute("UPDATE attempt SET moves = ? WHERE id = ?", (length, attempt.id))
        connection.close()
        counted[0] = 0
        assert progress(path, "default", LESSONS).goals == []
        costs.append(counted[0])
    assert costs[1] <= costs[0] * 1.5 + 5, costs
