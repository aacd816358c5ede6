"""The practice journal: every move through the store's session, by either door, is kept as the When step that
makes it, in the move's transaction; replaying the journal gives back the account the store holds."""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import ok, practice_held
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis_budget import examples
from web_client import Console, new_sandbox

from xingtu_sim import CreatorAccount, Platform, Rules, State, Workspace
from xingtu_sim.cli import main
from xingtu_sim.domain.errors import ActionRefused, InputError, Reason
from xingtu_sim.domain.lifecycle import TRANSITIONS, Trigger
from xingtu_sim.lessons import Move, Practice
from xingtu_sim.sandbox import SCHEMA_VERSION, create, reset, session
from xingtu_sim.sandbox.attempts import FreeSetup, NoAttempt, attempts, current_attempt, moves
from xingtu_sim.steps.vocabulary import PHRASE_FOR_TRIGGER

FIXTURES = Path(__file__).parent / "fixtures"
SPRING = {"brand": "Nike", "task": "Spring launch", "amount": "8000.00"}


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return new_sandbox(tmp_path / "practice.db")


def journaled(path: Path, account: str = "default") -> list[tuple[Move, Reason | None]]:
    return [(entry.move, entry.refused) for entry in moves(path, account)]


def test_each_kind_of_move_is_journaled_as_the_when_step_that_makes_it(path: Path) -> None:
    with session(path) as current:
        current.publish("Spring launch", "Nike", "8000")
        current.publish("Summer sale", "安踏", 99.5, requirements="一条 30 秒的竖版视频")
        current.act("Spring launch", "view")
        current.act("Spring launch", Trigger.ACCEPT)
        current.pass_time(5)
        current.stop_receiving()
        current.resume_receiving()
    assert journaled(path) == [
        (Move("open"), None),  # new_sandbox opened Xingtu
        (Move("publish", SPRING), None),
        (Move("publish", {"brand": "安踏", "task": "Summer sale", "amount": "99.50"}), None),
        (Move("asks_for", {"task": "Summer sale", "text": "一条 30 秒的竖版视频"}), None),
        (Move("view", {"task": "Spring launch"}), None),
        (Move("accept", {"task": "Spring launch"}), None),
        (Move("hours_pass", {"n": "5"}), None),
        (Move("stop_receiving"), None),
        (Move("resume_receiving"), None),
    ]
    assert [(entry.seq, entry.hour) for entry in moves(path)][-3:] == [(7, 0), (8, 5), (9, 5)]


@pytest.mark.parametrize("transition", TRANSITIONS, ids=lambda t: t.trigger)
def test_every_move_of_the_lifecycle_table_is_journaled_by_its_phrase_done_or_refused(
    path: Path, transition: object
) -> None:
    trigger = transition.trigger  # type: ignore[attr-defined]
    with session(path) as current:
        current.publish("Spring launch", "Nike", "8000")
    try:
        with session(path) as current:
            current.act("Spring launch", trigger)
    except ActionRefused as refusal:
        reason: Reason | None = refusal.reason
    else:
        reason = None
    last = journaled(path)[-1]
    if trigger in PHRASE_FOR_TRIGGER:
        assert last == (Move(PHRASE_FOR_TRIGGER[trigger].key, {"task": "Spring launch"}), reason)
    else:  # the clock's own move has no When step: fired by hand it is refused and leaves no row
        assert reason is Reason.NOT_ALLOWED or reason is Reason.TASK_EXPIRED
        assert last == (Move("publish", SPRING), None)


def test_a_refused_move_is_journaled_with_its_reason_and_changes_nothing_else(path: Path) -> None:
    with session(path) as current:
        current.publish("Spring launch", "Nike", "8000")
    before = practice_held(path)
    with pytest.raises(ActionRefused), session(path) as current:
        current.act("Spring launch", "pass_review")
    assert practice_held(path) == before
    assert journaled(path)[-1] == (Move("pass_review", {"task": "Spring launch"}), Reason.NOT_ALLOWED)
    with session(path) as current:
        current.stop_receiving()
    with pytest.raises(ActionRefused), session(path) as current:
        current.publish("Late", "Nike", "1")
    assert journaled(path)[-1] == (
        Move("publish", {"brand": "Nike", "task": "Late", "amount": "1.00"}),
        Reason.NOT_RECEIVING,
    )


def publish_then(path: Path, trigger: str, task: str = "Spring launch") -> None:
    """One session: a brand publishes "Spring launch", then `trigger` on `task`."""
    with session(path) as current:
        current.publish("Spring launch", "Nike", "8000")
        current.act(task, trigger)


def test_what_a_session_did_before_a_refusal_is_kept_with_it(path: Path) -> None:
    with pytest.raises(ActionRefused):
        publish_then(path, "accept")  # from pending receipt: not allowed
    with session(path, write=False) as current:
        assert current.task("Spring launch").state is State.PENDING_RECEIPT
    assert [move.phrase for move, _ in journaled(path)] == ["open", "publish", "accept"]


@pytest.mark.parametrize(
    "bad_input",
    [
        lambda current: current.act("No such task", "view"),
        lambda current: current.act("Spring launch", "fly"),
        lambda current: current.publish("Spring launch", "Nike", "1"),  # the name is taken
        lambda current: current.publish("Free", "Nike", "-3"),
        lambda current: current.pass_time(-1),
    ],
    ids=["unknown task", "unknown move", "name taken", "bad price", "negative wait"],
)
def test_input_errors_are_not_moves_and_leave_no_row(path: Path, bad_input: object) -> None:
    with session(path) as current:
        current.publish("Spring launch", "Nike", "8000")
    before = journaled(path)
    with pytest.raises(InputError), session(path) as current:
        bad_input(current)  # type: ignore[operator]
    assert journaled(path) == before


def test_any_other_error_rolls_the_moves_back_with_their_journal(path: Path) -> None:
    before = practice_held(path), journaled(path)
    with pytest.raises(InputError):
        publish_then(path, "view", "Nowhere")
    assert (practice_held(path), journaled(path)) == before


def test_a_read_only_session_cannot_make_a_move(path: Path) -> None:
    with pytest.raises(RuntimeError), session(path, write=False) as current:
        current.pass_time(1)


# Both doors journal.


@pytest.mark.slow
def test_the_cli_sandbox_journals_its_moves_and_its_refusals(db: Path) -> None:
    ok(db, "offer", "Spring launch", "--brand", "Nike", "--price", "8,000", "--requirements", "a 30 s video")
    ok(db, "do", "view", "Spring launch")
    refused = CliRunner().invoke(main, ["sandbox", "--db", str(db), "do", "approve_script", "Spring launch"])
    assert refused.exit_code == 1
    ok(db, "wait", "1d2h")
    unknown = CliRunner().invoke(main, ["sandbox", "--db", str(db), "do", "view", "Autumn launch"])
    assert unknown.exit_code == 2
    assert journaled(db) == [
        (Move("open"), None),
        (Move("publish", SPRING), None),
        (Move("asks_for", {"task": "Spring launch", "text": "a 30 s video"}), None),
        (Move("view", {"task": "Spring launch"}), None),
        (Move("approve_script", {"task": "Spring launch"}), Reason.NOT_ALLOWED),
        (Move("hours_pass", {"n": "26"}), None),
    ]


def test_the_web_console_journals_its_moves_and_its_refusals(path: Path) -> None:
    console = Console(path)
    assert console.publish("Spring launch", requirements="a 30 s video").status == 303
    assert console.move("Spring launch", "view").status == 303
    assert console.move("Spring launch", "pass_review").status == 409
    assert console.post("/account", action="stop_receiving").status == 303
    assert console.move("No such task", "view").status == 404
    assert journaled(path) == [
        (Move("open"), None),
        (Move("publish", SPRING), None),
        (Move("asks_for", {"task": "Spring launch", "text": "a 30 s video"}), None),
        (Move("view", {"task": "Spring launch"}), None),
        (Move("pass_review", {"task": "Spring launch"}), Reason.NOT_ALLOWED),
        (Move("stop_receiving"), None),
    ]


# Attempts of free practice: each account starts one when it is created or started over.


def test_creating_or_starting_over_an_account_starts_free_practice_from_the_creator_as_created(path: Path) -> None:
    first = current_attempt(path)
    assert (first.lesson, first.setup, first.from_start, first.moves) == (
        None,
        FreeSetup(CreatorAccount(followers=150_000)),
        True,
        1,
    )
    reset(path)
    second = current_attempt(path)
    assert second.id > first.id
    assert (second.moves, moves(path)) == (0, [])
    assert [entry.move for entry in moves(path, attempt=first.id)] == [Move("open")]
    xigua = CreatorAccount(followers=60_000, platform=Platform.XIGUA)
    create(path, xigua, key="trainee-1", rules=Rules(accept_window_hours=48))
    theirs = current_attempt(path, "trainee-1")
    assert (theirs.setup, theirs.rules.accept_window_hours) == (
        FreeSetup(CreatorAccount(followers=60_000, platform=Platform.XIGUA)),
        48,
    )
    with pytest.raises(NoAttempt):  # one account cannot read another's attempt
        moves(path, "trainee-1", attempt=first.id)
    assert [attempt.id for attempt in attempts(path)] == [first.id, second.id]


# Files written by an older xingtu-sim.


@pytest.fixture
def version_2(tmp_path: Path) -> Path:
    """A file written by xingtu-sim at schema version 2 (tests/fixtures/write_sandbox_v2.sh)."""
    copy = tmp_path / "old.sqlite3"
    shutil.copyfile(FIXTURES / "sandbox_v2.sqlite3", copy)
    return copy


def test_a_file_from_schema_version_2_is_upgraded_each_account_starting_a_journal(version_2: Path) -> None:
    with sqlite3.connect(version_2) as connection:
        assert connection.execute("PRAGMA user_version").fetchone() == (2,)
    mine, theirs = current_attempt(version_2), current_attempt(version_2, "trainee-1")
    with sqlite3.connect(version_2) as connection:
        assert connection.execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION,)
    # The CLI's account had moves before the journal was kept; the trainee's had none.
    assert (mine.lesson, mine.setup, mine.from_start, mine.moves) == (
        None,
        FreeSetup(CreatorAccount(followers=150_000)),
        False,
        0,
    )
    assert (theirs.setup, theirs.from_start) == (
        FreeSetup(CreatorAccount(followers=60_000, platform=Platform.XIGUA)),
        True,
    )
    with session(version_2, write=False) as current:
        workspace = current.everything()
        assert {task.name: task.state for task in workspace} == {
            "Spring launch": State.COMPLETED,
            "春季新品": State.EXPIRED,
            "Pending": State.PENDING_RECEIPT,
        }
        assert workspace.tasks["Spring launch"].requirements == "a 30-second vertical video"
        assert (workspace.clock.now, workspace.account.balance_fen) == (30, 760_000)
    with session(version_2) as current:
        current.act("Pending", "view")
    assert journaled(version_2) == [(Move("view", {"task": "Pending"}), None)]


# Replaying the journal gives back the store.


def held(workspace: Workspace) -> tuple[object, ...]:
    """Everything the store keeps of a practice account: the account, the clock, each task with its history."""
    tasks = sorted(
        (
            t.name,
            t.brand,
            t.requirements,
            t.price_fen,
            t.published_at,
            t.accept_deadline,
            t.state,
            t.script_changes,
            t.video_changes,
            t.fee_fen,
            tuple(t.history),
        )
        for t in workspace
    )
    return (workspace.account, workspace.clock.now, tuple(tasks))


NAMES = ["Spring launch", "春季新品"]
TRIGGERS = [transition.trigger for transition in TRANSITIONS]


@st.composite
def store_moves(draw: st.DrawFn) -> list[tuple[str, tuple[object, ...]]]:
    """Calls a door makes on the session, legal or not: any move of any task, the account's, time, offers."""
    calls: list[tuple[str, tuple[object, ...]]] = []
    for _ in range(draw(st.integers(0, 30))):
        kind = draw(st.sampled_from(["act", "act", "act", "account", "time", "publish"]))
        if kind == "act":
            calls.append(("act", (draw(st.sampled_from([*NAMES, "Nowhere"])), draw(st.sampled_from(TRIGGERS)))))
        elif kind == "account":
            calls.append((draw(st.sampled_from(["open_xingtu", "stop_receiving", "resume_receiving"])), ()))
        elif kind == "time":
            calls.append(("pass_time", (draw(st.integers(0, 40)),)))
        else:
            name, price = draw(st.sampled_from(NAMES)), draw(st.sampled_from(["8000", "8000.50", "0.01", "-1"]))
            requirements = draw(st.sampled_from(["", "a 30 s video", "一条竖版视频"]))
            calls.append(("publish", (name, "Nike", price, requirements)))
    return calls


@pytest.mark.slow
@settings(max_examples=examples(60), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    calls=store_moves(),
    followers=st.sampled_from([80_000, 150_000]),
    lang=st.sampled_from(["en", "zh-CN"]),
    one_session=st.booleans(),
)
def test_random_moves_through_the_store_replay_from_the_journal_to_the_same_account_and_record_green(
    calls: list[tuple[str, tuple[object, ...]]],
    followers: int,
    lang: str,
    one_session: bool,
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    folder = tmp_path_factory.mktemp("journal")
    path = folder / "practice.db"
    create(path, CreatorAccount(followers=followers))
    if one_session:  # a door making many moves in one transaction, its refusals caught
        with session(path) as current:
            for name, arguments in calls:
                with contextlib.suppress(ActionRefused, InputError):
                    getattr(current, name)(*arguments)
    else:  # each move its own transaction, as the CLI and the pages make them
        for name, arguments in calls:
            try:
                with session(path) as current:
                    getattr(current, name)(*arguments)
            except (ActionRefused, InputError):
                pass
    attempt = current_attempt(path)
    assert isinstance(attempt.setup, FreeSetup)
    practice = Practice.free(attempt.setup.creator, lang, attempt.rules)  # type: ignore[arg-type]
    journal = moves(path)
    replay = practice.replay([entry.move for entry in journal])
    with session(path, write=False) as current:
        assert held(current.everything()) == held(replay.context.workspace)
    assert [entry.refused for entry in journal] == [r.reason if r else None for r in replay.refusals]
    recording = folder / "practice.feature"
    recording.write_text(practice.recording([entry.move for entry in journal], "random practice"), encoding="utf-8")
    result = CliRunner().invoke(main, ["run", "--lang", "en", str(recording)])
    assert result.exit_code == 0, result.output
