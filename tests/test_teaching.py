"""Consistent teaching (issue 10): both tours say the same, a trainer can show the threshold's refusal,
and a move out of order says which moves must come first (accepting: view the details first)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import LANGS, tour_choices

from xingtu_sim.cli import main
from xingtu_sim.domain.account import CreatorAccount
from xingtu_sim.domain.errors import ActionRefused, Reason
from xingtu_sim.domain.lifecycle import TRANSITIONS, TRIGGERS, State, Trigger, transition_from
from xingtu_sim.domain.routes import moves_before, shortest_paths_from
from xingtu_sim.domain.rules import DEFAULT_RULES
from xingtu_sim.domain.workspace import Workspace
from xingtu_sim.i18n import Lang, describe, render

# A long walk: a refused try, a script change, a failed review, then completion.
WALK = (
    "open", "accept", "view", "accept", "start_script", "submit_script", "request_script_changes", "submit_script",
    "approve_script", "upload_video", "confirm_video", "publish", "fail_review", "upload_video", "confirm_video",
    "publish", "pass_review",
)  # fmt: skip
_NUMBER = re.compile(r"(\d[\d,]*(?:\.\d+)?)(万?)")


def tour(lang: Lang, choices: str, *options: str) -> str:
    result = CliRunner().invoke(main, ["--lang", lang, "tour", *options], input=choices)
    assert result.exit_code == 0, result.output
    return result.output


def numbers(line: str) -> list[float]:
    """The numbers a line says, 10万 read as 100,000, so that English and Chinese lines compare."""
    return [float(digits.replace(",", "")) * (10_000 if wan else 1) for digits, wan in _NUMBER.findall(line)]


def test_the_english_and_chinese_tours_say_the_same_numbers_line_by_line() -> None:
    english, chinese = (tour(lang, tour_choices(*WALK, lang=lang)).splitlines() for lang in LANGS)
    assert len(english) == len(chinese)
    for en, zh in zip(english, chinese, strict=True):
        assert sorted(numbers(en)) == sorted(numbers(zh)), f"{en}\n{zh}"  # word order may differ
    assert "100,000" in "\n".join(english)
    assert "10万" in "\n".join(chinese)


@pytest.mark.parametrize(
    ("lang", "followers", "expected"),
    [
        ("en", "80000", ["yours has only 80,000", "Reason: not eligible.", "Douyin needs 100,000 followers"]),
        ("zh-CN", "8万", ["你的账号只有8万粉丝", "原因：不符合开通条件。", "抖音需要 10万 粉丝，达人只有 8万。"]),
    ],
)
def test_a_trainer_shows_the_refusal_below_the_threshold_with_followers(
    lang: Lang, followers: str, expected: list[str]
) -> None:
    shown = tour(lang, "1\nq\n", "--followers", followers)
    for part in expected:
        assert part in shown
    assert shown.count("[") == 0  # no task ever arrives: the tour stays at opening Xingtu


def test_followers_at_the_threshold_open_xingtu() -> None:
    shown = tour("en", "1\nq\n", "--followers", "100000")
    assert "Xingtu is open and you are receiving tasks." in shown


@pytest.mark.parametrize(("written", "lang"), [("abc", "en"), ("-5", "zh-CN")])
def test_followers_that_are_no_count_are_bad_input(written: str, lang: Lang) -> None:
    result = CliRunner().invoke(main, ["--lang", lang, "tour", "--followers", written], input="1\n")
    assert result.exit_code == 2
    assert written in result.output.splitlines()[-1]
    assert "Traceback" not in result.output


def _refusal(state: State, trigger: Trigger) -> ActionRefused:
    workspace = Workspace(CreatorAccount(150_000), DEFAULT_RULES)
    workspace.open_xingtu()
    workspace.publish("A", "N", 100)
    workspace.bring_to("A", state)
    with pytest.raises(ActionRefused) as refused:
        workspace.act("A", trigger)
    return refused.value


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "First view details (creator); only then can the creator accept."),
        ("zh-CN", "需要先查看详情（达人），达人才能接受任务。"),
    ],
)
def test_accepting_before_viewing_says_view_the_details_first(lang: Lang, expected: str) -> None:
    refusal = _refusal(State.PENDING_RECEIPT, Trigger.ACCEPT)
    assert refusal.reason is Reason.NOT_ALLOWED  # the SPEC's fixed label stays
    assert describe(refusal, lang).splitlines()[1] == expected


OUT_OF_ORDER = [
    (state, row.trigger)
    for state in State
    if not state.terminal
    for row in TRANSITIONS
    if transition_from(state, row.trigger) is None and moves_before(state, row.trigger)
]


@pytest.mark.parametrize(("state", "trigger"), OUT_OF_ORDER, ids=[f"{s.id}-{t}" for s, t in OUT_OF_ORDER])
def test_a_move_out_of_order_names_the_fewest_moves_that_make_it_possible(state: State, trigger: Trigger) -> None:
    first = moves_before(state, trigger)
    assert first is not None
    assert first[-1].dest in TRIGGERS[trigger].sources  # after these moves the refused one may be made
    reachable = shortest_paths_from(state)
    assert len(first) == min(len(reachable[source]) for source in TRIGGERS[trigger].sources if source in reachable)
    detail = describe(_refusal(state, trigger), "en").splitlines()[1]
    moves = ", ".join(
        f"{render(TRIGGERS[edge.trigger], 'en')} ({render(TRIGGERS[edge.trigger].actor, 'en')})" for edge in first
    )
    assert detail.startswith(f"First {moves}; only then can the ")


def test_the_sandbox_says_view_the_details_first_too(tmp_path: Path) -> None:
    db = str(tmp_path / "practice.db")
    env = {"XINGTU_SIM_DB": None}
    runner = CliRunner()
    assert runner.invoke(main, ["sandbox", "--db", db, "new", "--followers", "15万"], env=env).exit_code == 0
    assert runner.invoke(main, ["sandbox", "--db", db, "open"], env=env).exit_code == 0
    assert (
        runner.invoke(
            main, ["sandbox", "--db", db, "offer", "Spring", "--brand", "N", "--price", "8000"], env=env
        ).exit_code
        == 0
    )
    result = runner.invoke(main, ["--lang", "en", "sandbox", "--db", db, "do", "accept", "Spring"], env=env)
    assert result.exit_code == 1
    assert "First view details (creator); only then can the creator accept." in result.output
