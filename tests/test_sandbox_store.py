"""The store API both doors call: many practice accounts in one file, each move reading only what it touches."""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from xingtu_sim import CreatorAccount, Platform, Rules, State
from xingtu_sim.cli import main
from xingtu_sim.domain.errors import InputError
from xingtu_sim.i18n import describe
from xingtu_sim.sandbox import DEFAULT_ACCOUNT, SCHEMA_VERSION, Stage, account_keys, create, reset, session

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def path(tmp_path: Path) -> Path:
    """A file holding the CLI's account and a trainee's, both with Xingtu open."""
    db = tmp_path / "classroom.db"
    create(db, CreatorAccount(followers=150_000))
    create(
        db,
        CreatorAccount(followers=60_000, platform=Platform.XIGUA),
        key="trainee-1",
        rules=Rules(accept_window_hours=48),
    )
    for key in (DEFAULT_ACCOUNT, "trainee-1"):
        with session(db, key) as current:
            current.open_xingtu()
    return db


def test_each_account_has_its_own_tasks_clock_and_rules_and_a_move_on_one_leaves_the_other_alone(path: Path) -> None:
    with session(path) as current:
        current.publish("Spring launch", "Nike", "8000")
        current.pass_time(30)
    with session(path, "trainee-1") as current:
        current.publish("Spring launch", "安踏", "100")  # the same name in another account is another task
        current.act("Spring launch", "view")
    with session(path, write=False) as mine, session(path, "trainee-1", write=False) as theirs:
        assert (mine.task("Spring launch").state, theirs.task("Spring launch").state) == (
            State.EXPIRED,
            State.VIEWING_DETAILS,
        )
        assert (mine.workspace.clock.now, theirs.workspace.clock.now) == (30, 0)
        assert (mine.rules.accept_window_hours, theirs.rules.accept_window_hours) == (24, 48)
        assert theirs.task("Spring launch").accept_deadline == 48
        assert (mine.counts().total, theirs.counts().total) == (1, 1)
    assert account_keys(path) == [DEFAULT_ACCOUNT, "trainee-1"]


def test_starting_one_account_over_keeps_every_other_account(path: Path) -> None:
    with session(path, "trainee-1") as current:
        current.publish("Kept", "Nike", "1")
    with session(path) as current:
        current.publish("Dropped", "Nike", "1")
    assert reset(path) == CreatorAccount(followers=150_000)
    with session(path, write=False) as mine, session(path, "trainee-1", write=False) as theirs:
        assert (mine.counts().total, list(mine.everything().tasks)) == (0, [])
        assert list(theirs.everything().tasks) == ["Kept"]
        assert theirs.counts().by_state == {State.PENDING_RECEIPT: 1}


def test_an_account_the_file_does_not_hold_is_named_in_the_error(path: Path) -> None:
    with pytest.raises(InputError) as error, session(path, "trainee-2"):
        pass
    assert describe(error.value, "en") == f"There is no practice account trainee-2 in {path}."
    assert describe(error.value, "zh-CN") == f"{path} 中没有练习账户 trainee-2。"


def test_creating_an_account_that_exists_needs_force(path: Path) -> None:
    with pytest.raises(InputError, match="already exists"):
        create(path, CreatorAccount(followers=1), key="trainee-1")
    create(path, CreatorAccount(followers=1), key="trainee-1", force=True)
    with session(path, "trainee-1", write=False) as current:
        assert (current.workspace.account.followers, current.rules) == (1, Rules())


def test_a_move_reads_only_the_task_it_moves(path: Path) -> None:
    with session(path) as current:
        for number in range(30):
            current.publish(f"Task {number}", "Nike", "1")
    with session(path) as current:
        current.act("Task 7", "view")
        assert list(current.workspace.tasks) == ["Task 7"]
    with session(path) as current:
        current.publish("Task 30", "Nike", "1")
        assert list(current.workspace.tasks) == ["Task 30"]


def test_waiting_reads_only_the_undecided_tasks_whose_window_ends_meanwhile(path: Path) -> None:
    with session(path) as current:
        for hour, name in enumerate(["early", "decided", "middle", "late"]):
            current.publish(name, "Nike", "1")
            current.pass_time(10 if hour < 3 else 0)
        current.act("decided", "decline")
    # early lapsed at hour 24, "decided" is declined; the clock is at 30, middle ends at 44, late at 54
    with session(path) as current:
        lapsed = current.pass_time(20)
        assert [task.name for task in lapsed] == ["middle"]
        assert list(current.workspace.tasks) == ["middle"]
    with session(path, write=False) as current:
        assert current.counts().by_state == {State.EXPIRED: 2, State.DECLINED: 1, State.PENDING_RECEIPT: 1}


def test_a_page_lists_what_awaits_a_decision_first_then_what_is_in_progress_then_what_ended(path: Path) -> None:
    with session(path) as current:
        for name, state in [("a", State.COMPLETED), ("b", State.SCRIPTING), ("c", State.PENDING_RECEIPT)]:
            current.publish(name, "Nike", "1")
            current.bring_to(name, state)
        current.publish("d", "Nike", "1")
    with session(path, write=False) as current:
        assert [task.name for task in current.tasks()] == ["c", "d", "b", "a"]
        assert [task.name for task in current.tasks(offset=1, limit=2)] == ["d", "b"]
        assert [task.name for task in current.tasks([Stage.ENDED, Stage.IN_PROGRESS])] == ["b", "a"]
        counts = current.counts()
        assert (counts.total, counts.awaiting_decision, counts.in_stage(Stage.IN_PROGRESS)) == (4, 2, 1)


def test_a_page_of_one_stage_can_list_the_newest_first(path: Path) -> None:
    with session(path) as current:
        for name in "abcde":
            current.publish(name, "Nike", "1")
            current.act(name, "decline")
    with session(path, write=False) as current:
        assert [task.name for task in current.tasks([Stage.ENDED], newest_first=True)] == list("edcba")
        assert [task.name for task in current.tasks([Stage.ENDED], offset=1, limit=2, newest_first=True)] == ["d", "c"]


def test_a_task_keeps_the_rules_it_was_published_under_when_the_rules_in_force_change(path: Path) -> None:
    with session(path) as current:
        current.use_rules(Rules(accept_window_hours=48, service_fee_percent=Rules().service_fee_percent * 2))
        current.publish("Long", "Nike", "100")
    with session(path) as current:
        assert current.use_rules(Rules())
        current.publish("Short", "Nike", "100")
    with session(path) as current:
        assert [task.name for task in current.pass_time(30)] == ["Short"]
        for trigger in ["view", "accept", "start_script", "submit_script", "approve_script", "upload_video"]:
            current.act("Long", trigger)
        for trigger in ["confirm_video", "publish", "pass_review"]:
            current.act("Long", trigger)
        assert current.workspace.account.balance_fen == 9000  # 10% of 100 yuan, as when it was published
        assert current.rules_of(current.task("Long")).accept_window_hours == 48
        assert current.rules == Rules()


def _publish_wait_and_mistype(path: Path) -> None:
    with session(path) as current:
        current.publish("Spring launch", "Nike", "8000")
        current.pass_time(5)
        current.act("Nobody's task", "view")


def test_what_a_session_changes_is_rolled_back_when_it_ends_with_an_error(path: Path) -> None:
    with pytest.raises(InputError):
        _publish_wait_and_mistype(path)
    with session(path, write=False) as current:
        assert (current.counts().total, current.workspace.clock.now) == (0, 0)


def test_the_tally_of_tasks_by_state_matches_the_tasks_after_every_kind_of_change(path: Path) -> None:
    with session(path) as current:
        for number, state in enumerate(State):
            current.publish(f"T{number}", "Nike", "1")
            if state is not State.EXPIRED:
                current.bring_to(f"T{number}", state)
        current.pass_time(25)
    reset(path, key="trainee-1")
    assert tally(path) == recount(path)


def tally(path: Path) -> dict[tuple[int, str], int]:
    with sqlite3.connect(path) as connection:
        return {(a, s): n for a, s, n in connection.execute("SELECT account_id, state, tasks FROM tally") if n}


def recount(path: Path) -> dict[tuple[int, str], int]:
    with sqlite3.connect(path) as connection:
        query = "SELECT account_id, state, count(*) FROM task GROUP BY account_id, state"
        return {(a, s): n for a, s, n in connection.execute(query)}


# A file written by xingtu-sim 0.1 (schema version 1), upgraded by the first command that opens it.
# tests/fixtures/sandbox_v1.sqlite3 was written by the CLI at commit 97097ef; see write_sandbox_v1.sh.


@pytest.fixture
def version_1(tmp_path: Path) -> Path:
    copy = tmp_path / "old.sqlite3"
    shutil.copyfile(FIXTURES / "sandbox_v1.sqlite3", copy)
    return copy


def test_a_file_from_schema_version_1_is_upgraded_and_reads_as_it_did(version_1: Path) -> None:
    with sqlite3.connect(version_1) as connection:
        assert connection.execute("PRAGMA user_version").fetchone() == (1,)
    with session(version_1, write=False) as current:
        workspace = current.everything()
        assert workspace.account == CreatorAccount(
            followers=150_000, xingtu_open=True, receiving=False, balance_fen=760_000, breaches=1
        )
        assert workspace.clock.now == 25
        states = {task.name: task.state for task in workspace}
        assert states == {
            "Spring launch": State.COMPLETED,
            "春季新品": State.EXPIRED,
            "Ignored": State.PENDING_RECEIPT,
            "Dropped": State.CANCELLED,
            "Declined": State.DECLINED,
            "Late": State.PENDING_RECEIPT,
        }
        spring = workspace.tasks["Spring launch"]
        assert (spring.price_fen, spring.fee_fen, spring.script_changes, len(spring.history)) == (
            800_000,
            40_000,
            1,
            11,
        )
        assert [entry.trigger for entry in workspace.tasks["Dropped"].history] == ["view", "accept", "cancel"]
        assert (workspace.tasks["Ignored"].accept_deadline, workspace.tasks["Late"].accept_deadline) == (29, 49)
        assert {task.requirements for task in workspace} == {""}  # version 1 kept none
        assert current.counts().awaiting_decision == 2
    with sqlite3.connect(version_1) as connection:
        assert connection.execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION,)
    assert tally(version_1) == recount(version_1)


def test_an_upgraded_file_carries_on_where_it_stopped(version_1: Path) -> None:
    with session(version_1) as current:
        current.resume_receiving()
        assert [task.name for task in current.pass_time(5)] == ["Ignored"]
        current.publish("After the upgrade", "Nike", "10")
        current.act("Late", "view")
    with session(version_1, write=False) as current:
        assert [task.name for task in current.tasks(limit=3)] == ["Late", "After the upgrade", "Spring launch"]
        assert [entry.trigger for entry in current.task("Late").history] == ["view"]


@pytest.mark.parametrize("kind", ["folder", "fifo", "device"])
@pytest.mark.parametrize("command", ["account", "new"])
def test_a_db_that_is_not_a_regular_file_is_refused_before_anything_opens_it(
    tmp_path: Path, kind: str, command: str
) -> None:
    target = {"folder": tmp_path, "fifo": tmp_path / "fifo", "device": Path("/dev/zero")}[kind]
    if kind == "fifo":
        os.mkfifo(target)
    args = ["new", "--followers", "150000"] if command == "new" else [command]
    result = CliRunner().invoke(main, ["sandbox", "--db", str(target), *args])
    assert result.exit_code == 2
    expected = "is a folder; a sandbox is a file" if kind == "folder" else "is not a regular file (a pipe or a device)"
    assert expected in result.output
    assert "disk I/O error" not in result.output
