"""What the sandbox promises a trainee: hints to copy, refusals that suggest something else, numbers as
feature files write them, moves by their Chinese labels, and details as the real page shows them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from xingtu_sim import TRANSITIONS, ActionRefused, CreatorAccount, State, Transition, Workspace
from xingtu_sim.cli import main
from xingtu_sim.domain.account import AccountAction
from xingtu_sim.domain.lifecycle import triggers_from
from xingtu_sim.i18n import Lang, render
from xingtu_sim.sandbox import create, session


def invoke(*args: str) -> Result:
    return CliRunner().invoke(main, ["sandbox", *args], env={"XINGTU_SIM_LANG": "en", "XINGTU_SIM_DB": None})


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """A sandbox whose creator has opened Xingtu."""
    path = tmp_path / "my practice.db"
    create(path, CreatorAccount(followers=150_000))
    with session(path) as current:
        current.open_xingtu()
    return path


def _damage(path: Path) -> None:
    path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)


# (what to do to the file first, the command): each says which command to type next
HINTS = [
    (None, ["new", "--followers", "150000", "--force"]),
    (None, ["reset", "--force"]),
    (None, ["reset"]),
    (None, ["inbox"]),
    (None, ["new", "--followers", "150000"]),
    (Path.unlink, ["inbox"]),
    (_damage, ["account"]),
]


@pytest.mark.parametrize("given", [["--lang", "zh-CN"], ["--lang", "en"], []], ids=["zh-CN", "en", "no-lang"])
@pytest.mark.parametrize(
    ("spoil", "args"), HINTS, ids=[f"{spoil and spoil.__name__}-{args[0]}" for spoil, args in HINTS]
)
def test_every_next_and_hint_line_repeats_the_db_and_lang_the_user_gave(
    db: Path, spoil: object, args: list[str], given: list[str]
) -> None:
    if callable(spoil):
        spoil(db)
    result = invoke("--db", str(db), *given, *args)
    hints = [line for line in result.output.splitlines() if re.search(r"xingtu-sim sandbox [-a-z]", line)]
    assert hints, result.output
    for hint in hints:
        assert f"xingtu-sim sandbox --db '{db}' {' '.join(given)}".rstrip() + " " in hint


def test_the_inbox_hint_for_the_next_page_repeats_them_too(db: Path) -> None:
    with session(db) as current:
        for number in range(51):
            current.publish(f"T{number}", "Nike", "1")
    last = invoke("--db", str(db), "--lang", "zh-CN", "inbox").output.splitlines()[-1]
    assert last == f"下一步：xingtu-sim sandbox --db '{db}' --lang zh-CN inbox --page 2"


# A refusal never suggests the move it just refused: every refused move of the lifecycle table, and
# every account action.


def _refused_edges() -> list[tuple[State, Transition]]:
    """(state, move) for every move of the table that is not allowed from that state."""
    return [(state, t) for state in State for t in TRANSITIONS if t not in triggers_from(state)]


@pytest.mark.parametrize(("state", "transition"), _refused_edges(), ids=lambda v: getattr(v, "id", None) or str(v))
def test_a_move_refused_in_a_state_is_not_among_what_the_refusal_says_is_possible(
    workspace: Workspace, state: State, transition: Transition
) -> None:
    workspace.publish("T", "Nike", "100")
    workspace.bring_to("T", state)
    with pytest.raises(ActionRefused) as refused:
        workspace.act("T", transition.trigger)
    assert render(transition, "en") not in [render(label, "en").split(" (")[0] for label in refused.value.possible_now]


def test_opening_xingtu_below_the_threshold_does_not_suggest_opening_xingtu(tmp_path: Path) -> None:
    path = tmp_path / "small.db"
    assert invoke("--db", str(path), "new", "--followers", "9万").exit_code == 0
    for lang, label in [("en", "open Xingtu"), ("zh-CN", "开通星图")]:
        result = invoke("--db", str(path), "--lang", lang, "open")
        assert result.exit_code == 1
        assert label not in result.output.splitlines()[-1]


@pytest.mark.parametrize(
    ("followers", "setup", "action"),
    [
        (90_000, [], AccountAction.OPEN),  # below Douyin's threshold
        (150_000, [], AccountAction.STOP_RECEIVING),
        (150_000, [AccountAction.OPEN], AccountAction.OPEN),
        (150_000, [AccountAction.OPEN], AccountAction.RESUME_RECEIVING),
        (150_000, [AccountAction.OPEN, AccountAction.STOP_RECEIVING], AccountAction.STOP_RECEIVING),
    ],
)
def test_a_refused_account_action_is_not_among_what_the_refusal_says_is_possible(
    followers: int, setup: list[AccountAction], action: AccountAction
) -> None:
    workspace = Workspace(CreatorAccount(followers=followers))
    for done in setup:
        _account_action(workspace, done)
    with pytest.raises(ActionRefused) as refused:
        _account_action(workspace, action)
    assert render(action, "en") not in [render(label, "en") for label in refused.value.possible_now]


def _account_action(workspace: Workspace, action: AccountAction) -> None:
    {
        AccountAction.OPEN: workspace.open_xingtu,
        AccountAction.STOP_RECEIVING: workspace.stop_receiving,
        AccountAction.RESUME_RECEIVING: workspace.resume_receiving,
    }[action]()


# Starting over


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "Error: Starting over deletes the sandbox's 1 task and its history, its balance and its clock."),
        ("zh-CN", "错误：重置会删除沙盒中的 1 个任务及其历史、余额和时间。"),
    ],
)
def test_reset_without_force_changes_nothing_and_says_how_to_start_over(db: Path, lang: Lang, expected: str) -> None:
    with session(db) as current:
        current.publish("Kept", "Nike", "1")
    before = db.read_bytes()
    result = invoke("--db", str(db), "--lang", lang, "reset")
    assert result.exit_code == 2
    assert result.output.startswith(expected)
    assert result.output.rstrip().endswith("reset --force")
    assert db.read_bytes() == before


# Numbers as feature files write them


@pytest.mark.parametrize(
    ("written", "followers"),
    [("9万", 90_000), ("15万", 150_000), ("150,000", 150_000), ("9.5万", 95_000), ("10w", 100_000), ("十万", 100_000)],
)
def test_followers_are_accepted_as_feature_files_write_them(tmp_path: Path, written: str, followers: int) -> None:
    path = tmp_path / "new.db"
    assert invoke("--db", str(path), "new", "--followers", written).exit_code == 0
    with session(path, write=False) as current:
        assert current.workspace.account.followers == followers


@pytest.mark.parametrize(("written", "fen"), [("8,000", 800_000), ("8,000.50", 800_050), ("1,234,567", 123_456_700)])
def test_a_price_is_accepted_as_feature_files_write_it(db: Path, written: str, fen: int) -> None:
    assert invoke("--db", str(db), "offer", "T", "--brand", "Nike", "--price", written).exit_code == 0
    with session(db, write=False) as current:
        assert current.task("T").price_fen == fen


@pytest.mark.parametrize(
    ("option", "written", "expected"),
    [
        ("--followers", "ten", '"ten" is not a follower count'),
        ("--followers", "-5", '"-5" is not a follower count'),
        ("--price", "8.000,50", "is not an amount in yuan"),
        ("--price", "abc", '"abc" is not an amount in yuan'),
    ],
)
def test_a_number_written_otherwise_is_named_in_the_error(db: Path, option: str, written: str, expected: str) -> None:
    args = (
        ["new", "--force", option, written]
        if option == "--followers"
        else ["offer", "T", "--brand", "N", option, written]
    )
    result = invoke("--db", str(db), *args)
    assert result.exit_code == 2
    assert expected in result.output


# Moves by their labels; the brand's `offer` no longer shares a word with `do publish`


@pytest.mark.parametrize("transition", [t for t in TRANSITIONS if t.trigger in ("view", "decline")])
def test_do_takes_a_moves_chinese_label(db: Path, transition: Transition) -> None:
    invoke("--db", str(db), "offer", "春季新品", "--brand", "耐克", "--price", "8000")
    result = invoke("--db", str(db), "--lang", "zh-CN", "do", render(transition, "zh-CN"), "春季新品")
    assert result.exit_code == 0, result.output
    assert (
        f"达人：{render(transition, 'zh-CN')}。任务 “春季新品”：待接收 → {render(transition.dest, 'zh-CN')}。"
        in result.output
    )


@pytest.mark.parametrize(
    ("lang", "listed"),
    [
        ("en", "Actions: view (view details), close (close details), accept (accept), decline (decline)"),
        ("zh-CN", "可用操作：view（查看详情）、close（关闭详情）、accept（接受任务）、decline（拒绝任务）"),
    ],
)
def test_a_move_that_does_not_exist_gets_the_moves_listed_in_the_chosen_language(
    db: Path, lang: Lang, listed: str
) -> None:
    result = invoke("--db", str(db), "--lang", lang, "do", "接受", "T")
    assert result.exit_code == 2
    assert result.output.splitlines()[-1].startswith(listed)


def test_the_brands_move_is_offer_and_the_old_name_still_works_for_a_release_saying_so(db: Path) -> None:
    assert "offer" in invoke("--help").output
    assert "publish" not in invoke("--help").output.split("Commands:")[1]
    result = invoke("--db", str(db), "publish", "Old", "--brand", "Nike", "--price", "1")
    assert result.exit_code == 0
    assert "Note: `sandbox publish` is now `xingtu-sim sandbox --db" in result.output
    with session(db, write=False) as current:
        assert current.task("Old").state is State.PENDING_RECEIPT


# Details as the real page shows them


@pytest.mark.parametrize(
    ("state", "fee_line"),
    [
        (State.VIEWING_DETAILS, "Platform fee 400.00 yuan (5%); the creator would be paid 7600.00 yuan."),
        (State.SCRIPTING, "Platform fee 400.00 yuan (5%); the creator would be paid 7600.00 yuan."),
        (State.COMPLETED, "Service fee 400.00 yuan; the creator was paid 7600.00 yuan."),
    ],
)
def test_show_gives_the_brand_requirements_price_fee_pay_and_hours_left(db: Path, state: State, fee_line: str) -> None:
    with session(db) as current:
        current.publish("Spring launch", "Nike", "8000", "a 30-second vertical video")
        current.pass_time(5)
        current.bring_to("Spring launch", state)
    lines = invoke("--db", str(db), "show", "Spring launch").output.splitlines()
    assert lines[:3] == [
        'Task "Spring launch" from brand "Nike", paying 8000.00 yuan.',
        "Requirements: a 30-second vertical video",
        fee_line,
    ]
    left = "Published at hour 0; accept before hour 24 (19 hours left)." if state is State.VIEWING_DETAILS else None
    assert lines[3] == (left or "Published at hour 0.")
