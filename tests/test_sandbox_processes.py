"""The sandbox across separate processes: each command is a real `python -m xingtu_sim` on a real file."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import ok, practice_held, sandbox, sandbox_environment

from xingtu_sim import CreatorAccount, State
from xingtu_sim.domain.routes import shortest_path
from xingtu_sim.sandbox import APPLICATION_ID, SCHEMA_VERSION, create, session
from xingtu_sim.sandbox.attempts import moves

pytestmark = pytest.mark.slow  # the fast loop leaves these out (README: Developing)

HAPPY_PATH = [edge.trigger for edge in shortest_path(State.PENDING_RECEIPT, State.COMPLETED)]


def as_json(db: Path, *args: str) -> Any:
    return json.loads(ok(db, *args, "--json"))


def dump(db: Path) -> list[str]:
    """Everything the file holds, schema and rows, read without writing."""
    connection = sqlite3.connect(f"{db.as_uri()}?mode=ro", uri=True)
    try:
        pragmas = [f"{p}={connection.execute(f'PRAGMA {p}').fetchone()[0]}" for p in ("application_id", "user_version")]
        return pragmas + list(connection.iterdump())
    finally:
        connection.close()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_task_walks_the_happy_path_one_process_per_command_and_the_creator_is_paid(db: Path) -> None:
    ok(db, "offer", "Spring launch", "--brand", "Nike", "--price", "8000")
    for trigger in HAPPY_PATH:
        output = ok(db, "do", trigger, "Spring launch")
    assert "Now completed: the task has ended." in output
    assert "Paid 7600.00 yuan to the creator (price 8000.00 − fee 400.00); balance 7600.00 yuan." in output
    account = as_json(db, "account")
    assert (account["balance_yuan"], account["breaches"]) == ("7600.00", 0)
    shown = as_json(db, "show", "Spring launch")
    assert shown["state"] == "completed"
    assert [entry["trigger"] for entry in shown["history"]] == HAPPY_PATH
    assert (shown["fee_yuan"], shown["net_yuan"]) == ("400.00", "7600.00")


def test_the_file_says_it_is_a_sandbox_and_which_schema_version_it_has(db: Path) -> None:
    assert dump(db)[:2] == [f"application_id={APPLICATION_ID}", f"user_version={SCHEMA_VERSION}"]


@pytest.mark.parametrize(
    ("args", "journaled"),
    [
        (["do", "approve_script", "Spring launch"], 'When the brand approves the script for "Spring launch"'),
        (["do", "accept", "Spring launch"], 'When the creator accepts the task "Spring launch"'),  # view first
        (["open"], "When the creator opens Xingtu"),  # already open
        (["resume-receiving"], "When the creator resumes receiving tasks"),  # already receiving
    ],
)
def test_a_refused_command_changes_nothing_in_the_file_but_the_journal_that_keeps_it(
    db: Path, args: list[str], journaled: str
) -> None:
    ok(db, "offer", "Spring launch", "--brand", "Nike", "--price", "8000")
    before = practice_held(db)
    result = sandbox(db, *args)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert practice_held(db) == before
    last = moves(db)[-1]
    assert (last.move.line("en"), last.refused is not None) == (journaled, True)


@pytest.mark.parametrize(
    ("args", "exit_code"),
    [
        (["do", "expire", "Spring launch"], 1),  # the window is still open; the clock's move has no step
        (["offer", "Spring launch", "--brand", "Adidas", "--price", "10"], 2),  # the name is taken
        (["offer", "Autumn launch", "--brand", "Nike", "--price", "1.234"], 2),
        (["do", "view", "Sprung launch"], 2),
        (["do", "veiw", "Spring launch"], 2),
        (["wait", "soon"], 2),
        (["new", "--followers", "5"], 2),  # a sandbox is there already
    ],
)
def test_a_mistyped_command_changes_nothing_in_the_file(db: Path, args: list[str], exit_code: int) -> None:
    ok(db, "offer", "Spring launch", "--brand", "Nike", "--price", "8000")
    before, hashed = dump(db), digest(db)
    result = sandbox(db, *args)
    assert result.returncode == exit_code, result.stderr
    assert "Traceback" not in result.stderr
    assert (dump(db), digest(db)) == (before, hashed)


def test_a_refusal_says_why_in_the_users_language_and_what_can_be_done_now(db: Path) -> None:
    ok(db, "offer", "Spring launch", "--brand", "Nike", "--price", "8000")
    result = sandbox(db, "--lang", "zh-CN", "do", "approve_script", "Spring launch")
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "操作被拒绝：品牌方无法对任务 “Spring launch”（待接收）执行“通过脚本”。原因：当前状态不允许该操作。",
        "需要先查看详情（达人）、接受任务（达人）、开始撰写脚本（达人）、提交脚本（达人），品牌方才能通过脚本。",
        "现在可以：查看详情（达人）、拒绝任务（达人）。",
    ]


def _foreign(path: Path) -> None:
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE orders (id INTEGER PRIMARY KEY, item TEXT)")
    connection.execute("INSERT INTO orders (item) VALUES ('tea')")
    connection.commit()
    connection.close()


def _newer(path: Path) -> None:
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE account (id INTEGER PRIMARY KEY)")
    connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    connection.commit()
    connection.close()


def _not_sqlite(path: Path) -> None:
    path.write_bytes("达人 notes, not a database\n".encode() * 50)


def _damaged(path: Path) -> None:
    ok(path, "new", "--followers", "150000")
    data = bytearray(path.read_bytes())
    data[100:400] = b"\xff" * 300  # the first page's b-tree header: the schema can no longer be read
    path.write_bytes(bytes(data))


def _truncated(path: Path) -> None:
    create(path, CreatorAccount(followers=150_000))
    with session(path) as current:
        current.open_xingtu()
        for number in range(30):
            current.publish(f"Task {number}", "Nike", 100)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])  # cut off, as by a full disk or an interrupted copy


@pytest.mark.parametrize(
    ("make", "says"),
    [
        (_foreign, "is another application's SQLite database"),
        (_newer, f"was written by a newer xingtu-sim (sandbox format {SCHEMA_VERSION + 1}"),
        (_not_sqlite, "is not a readable xingtu-sim sandbox (not an SQLite database)"),
        (_damaged, "is not a readable xingtu-sim sandbox"),
        (_truncated, "is not a readable xingtu-sim sandbox (database disk image is malformed)"),
    ],
    ids=["foreign", "newer", "not-sqlite", "damaged", "truncated"],
)
@pytest.mark.parametrize(
    "args",
    [["new", "--followers", "150000", "--force"], ["open"], ["inbox"], ["reset"], ["wait", "2d"]],
    ids=lambda args: args[0],
)
def test_a_file_that_is_not_our_sandbox_is_refused_and_left_byte_for_byte_untouched(
    tmp_path: Path, make: Callable[[Path], None], says: str, args: list[str]
) -> None:
    path = tmp_path / "other.db"
    make(path)
    hashed, neighbours = digest(path), sorted(tmp_path.iterdir())
    result = sandbox(path, *args)
    assert result.returncode == 2
    assert says in result.stderr
    assert "it was left untouched" in result.stderr
    assert "Traceback" not in result.stderr
    assert digest(path) == hashed
    assert sorted(tmp_path.iterdir()) == neighbours  # not even a journal left beside it


@pytest.mark.parametrize("args", [["open"], ["inbox"], ["account", "--json"], ["reset"], ["wait", "1h"]])
def test_before_sandbox_new_every_command_says_to_run_it_and_creates_no_file(tmp_path: Path, args: list[str]) -> None:
    path = tmp_path / "practice.db"
    result = sandbox(path, *args)
    assert result.returncode == 2
    assert "There is no sandbox in" in result.stderr
    assert f"Start one with: xingtu-sim sandbox --db {path} new --followers 150000" in result.stderr
    assert not path.exists()


def test_new_replaces_a_sandbox_only_with_force(db: Path) -> None:
    ok(db, "offer", "Spring launch", "--brand", "Nike", "--price", "8000")
    refused = sandbox(db, "new", "--followers", "60000", "--platform", "xigua")
    assert refused.returncode == 2
    assert f"To replace it (its tasks are lost): xingtu-sim sandbox --db {db} new --followers 60000" in refused.stderr
    ok(db, "new", "--followers", "60000", "--platform", "xigua", "--force")
    assert as_json(db, "inbox") == []
    account = as_json(db, "account")
    assert (account["followers"], account["platform"], account["open"]) == (60000, "xigua", False)


def test_the_json_has_the_documented_fields_with_their_types(db: Path) -> None:
    ok(db, "offer", "Spring launch", "--brand", "Nike", "--price", "8000.5")
    ok(db, "do", "view", "Spring launch")
    ok(db, "wait", "5h")
    account = as_json(db, "account")
    assert account | {"clock_hour": 5} == {
        "followers": 150000,
        "platform": "douyin",
        "open": True,
        "receiving": True,
        "balance_yuan": "0.00",
        "breaches": 0,
        "followers_needed": 100000,
        "clock_hour": 5,
        "tasks": 1,
        "pending_tasks": 1,
        "rules": {
            "accept_window_hours": 24,
            "script_change_limit": 2,
            "video_change_limit": 2,
            "service_fee_percent": "5",
            "followers_to_open": {"douyin": 100000, "xigua": 50000, "huoshan": 50000},
        },
    }
    (row,) = as_json(db, "inbox")
    assert {k: row[k] for k in ("task", "brand", "price_yuan", "state", "hours_left")} == {
        "task": "Spring launch",
        "brand": "Nike",
        "price_yuan": "8000.50",
        "state": "viewing_details",
        "hours_left": 19,
    }
    shown = as_json(db, "show", "Spring launch")
    assert shown["task"] == "Spring launch"
    assert shown["state"] == "viewing_details"
    assert shown["allowed"] == ["close", "accept", "decline"]
    assert shown["history"] == [
        {"time": 0, "trigger": "view", "from": "pending_receipt", "to": "viewing_details", "actor": "creator"}
    ]


def test_waiting_lapses_each_undecided_task_at_its_own_deadline_and_says_which(db: Path) -> None:
    ok(db, "offer", "Early", "--brand", "Nike", "--price", "100")
    ok(db, "wait", "10h")
    ok(db, "offer", "Late", "--brand", "Nike", "--price", "100")
    ok(db, "offer", "Taken", "--brand", "Nike", "--price", "100")
    ok(db, "do", "view", "Taken")
    ok(db, "do", "accept", "Taken")
    output = ok(db, "wait", "23h")
    assert "23 hours pass; it is now hour 33 (day 2, 09:00)." in output
    assert 'Lapsed at hour 24: "Early" (pending receipt → expired); the account is untouched.' in output
    assert '"Late"' not in output
    states = {row["task"]: (row["state"], row["hours_left"]) for row in as_json(db, "inbox")}
    assert states == {"Early": ("expired", None), "Late": ("pending_receipt", 1), "Taken": ("accepted", None)}
    assert 'Lapsed at hour 34: "Late"' in ok(db, "wait", "1d12h")
    assert as_json(db, "account")["balance_yuan"] == "0.00"


def test_the_rules_in_force_apply_to_each_command(db: Path, tmp_path: Path) -> None:
    short = tmp_path / "short.toml"
    short.write_text("accept_window_hours = 2\nservice_fee_percent = 10\n", encoding="utf-8")
    ok(db, "offer", "Quick", "--brand", "Nike", "--price", "100", "--rules", str(short))
    assert "Lapsed at hour 2" in ok(db, "wait", "3h", "--rules", str(short))
    ok(db, "offer", "Paid", "--brand", "Nike", "--price", "100")
    for trigger in HAPPY_PATH:
        ok(db, "do", trigger, "Paid", "--rules", str(short))
    assert as_json(db, "account")["balance_yuan"] == "90.00"


_ACT_THIRTY_TIMES = """
import sys
from xingtu_sim.cli import main
db, what, prefix = sys.argv[1:]
for number in range(30):
    args = ["offer", f"{prefix}{number}", "--brand", prefix, "--price", "10"] if what == "publish" else ["wait", "1h"]
    main(["sandbox", "--db", db, *args], standalone_mode=False)
"""


@pytest.mark.parametrize("what", ["publish", "wait"])
def test_two_processes_acting_at_once_on_one_sandbox_lose_nothing(db: Path, what: str) -> None:
    workers = [
        subprocess.Popen(
            [sys.executable, "-c", _ACT_THIRTY_TIMES, str(db), what, prefix],
            env=sandbox_environment(),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        for prefix in ("A", "B")
    ]
    for worker in workers:
        _, errors = worker.communicate(timeout=120)
        assert worker.returncode == 0, errors
    if what == "publish":
        names = {row["task"] for row in as_json(db, "inbox", "--all")}
        assert names == {f"{prefix}{n}" for prefix in "AB" for n in range(30)}
    else:
        assert as_json(db, "account")["clock_hour"] == 60
