"""The tour's logic without any I/O: stages, menus, refusals, the do-nothing branch, the summary."""

from __future__ import annotations

import itertools

import pytest
from conftest import LANGS, everything

from xingtu_sim import EDGES, INITIAL_STATE, Reason, State
from xingtu_sim.domain.lifecycle import CLOCK_MOVE
from xingtu_sim.i18n import Lang, render
from xingtu_sim.tools.tour import Move, OpenXingtu, Tour, Wait, follower_count, main_path, path_marks

NOT_TERMINAL = [state for state in State if not state.terminal]


def started_tour() -> Tour:
    tour = Tour(task_name="Spring launch", brand="Nike")
    tour.choose(OpenXingtu())
    return tour


def tour_at(state: State) -> Tour:
    tour = started_tour()
    tour.workspace.bring_to("Spring launch", state)
    return tour


def rendered(tour: Tour, lang: Lang) -> str:
    return "\n".join(render(line, lang) for line in tour.explanation())


def test_the_main_path_is_the_tables_shortest_way_from_a_new_task_to_a_completed_one() -> None:
    path = main_path()
    assert (path[0], path[-1]) == (INITIAL_STATE, State.COMPLETED)
    arrows = {(edge.source, edge.dest) for edge in EDGES}
    assert all((a, b) in arrows for a, b in itertools.pairwise(path))
    assert len(set(path)) == len(path)


@pytest.mark.parametrize("state", list(State), ids=lambda s: s.id)
def test_the_position_marks_the_current_state_only_when_it_is_on_the_main_path(state: State) -> None:
    marked = [step for step, current in path_marks(state) if current]
    assert marked == ([state] if state in main_path() else [])


def test_before_the_task_arrives_the_only_move_is_opening_xingtu() -> None:
    tour = Tour(task_name="Spring launch", brand="Nike")
    assert tour.menu() == [OpenXingtu()]
    assert tour.task is None
    assert not tour.finished


def test_opening_xingtu_brings_the_sample_task_pending_receipt() -> None:
    tour = started_tour()
    assert tour.workspace.account.xingtu_open
    assert tour.task is not None
    assert tour.task.state is State.PENDING_RECEIPT
    assert tour.account_before == tour.workspace.account


@pytest.mark.parametrize("state", NOT_TERMINAL, ids=lambda s: s.id)
def test_the_menu_offers_every_move_possible_now_and_marks_the_others(state: State) -> None:
    tour = tour_at(state)
    assert tour.task is not None
    menu = tour.menu()
    allowed = [c.transition for c in menu if isinstance(c, Move) and c.allowed]
    refused = [c.transition for c in menu if isinstance(c, Move) and not c.allowed]
    assert allowed == [t for t in tour.task.possible_now() if t is not CLOCK_MOVE]
    assert refused
    assert not set(allowed) & set(refused)


@pytest.mark.parametrize("state", NOT_TERMINAL, ids=lambda s: s.id)
def test_every_move_marked_not_possible_is_refused_and_changes_nothing(state: State) -> None:
    tour = tour_at(state)
    for choice in [c for c in tour.menu() if not c.allowed]:
        before = everything(tour.workspace)
        outcome = tour.choose(choice)
        assert outcome.refusal is not None
        assert everything(tour.workspace) == before
    assert len(tour.refused) == len([c for c in tour.menu() if not c.allowed])


@pytest.mark.parametrize("state", NOT_TERMINAL, ids=lambda s: s.id)
def test_waiting_is_offered_exactly_while_the_task_awaits_a_decision(state: State) -> None:
    waits = [c for c in tour_at(state).menu() if isinstance(c, Wait)]
    assert bool(waits) == (state in {State.PENDING_RECEIPT, State.VIEWING_DETAILS})


@pytest.mark.parametrize("first", [[], ["view"], ["view", "close"]])
def test_doing_nothing_lets_the_task_lapse_and_leaves_the_account_unchanged(first: list[str]) -> None:
    tour = started_tour()
    for trigger in first:
        tour.workspace.act("Spring launch", trigger)
    (wait,) = [c for c in tour.menu() if isinstance(c, Wait)]
    outcome = tour.choose(wait)
    assert tour.task is not None
    assert tour.task.state is State.EXPIRED
    assert tour.finished
    assert tour.workspace.account == tour.account_before
    assert render(outcome.lines[-1], "en").endswith("Unchanged.")


def test_the_brand_can_ask_for_script_changes_until_the_limit_then_the_request_is_refused() -> None:
    tour = tour_at(State.SCRIPT_REVIEW)
    limit = tour.workspace.rules.script_change_limit
    for _ in range(limit):
        request = next(
            c for c in tour.menu() if isinstance(c, Move) and c.transition.trigger == "request_script_changes"
        )
        assert request.allowed
        tour.choose(request)
        assert "revise it" in rendered(tour, "en")
        tour.workspace.act("Spring launch", "submit_script")
    request = next(c for c in tour.menu() if isinstance(c, Move) and c.transition.trigger == "request_script_changes")
    assert not request.allowed
    refusal = tour.choose(request).refusal
    assert refusal is not None
    assert refusal.reason is Reason.CHANGE_LIMIT_REACHED


def test_a_failed_review_sends_the_video_back_and_says_why() -> None:
    tour = tour_at(State.IN_REVIEW)
    fail = next(c for c in tour.menu() if isinstance(c, Move) and c.transition.trigger == "fail_review")
    tour.choose(fail)
    assert tour.task is not None
    assert tour.task.state is State.PRODUCING
    assert rendered(tour, "en").startswith("The platform's review failed")


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("state", [None, *State], ids=lambda s: s.id if s else "account")
def test_every_stage_has_an_explanation_in_both_languages(state: State | None, lang: Lang) -> None:
    tour = tour_at(state) if state else Tour(task_name="Spring launch", brand="Nike")
    text = rendered(tour, lang)
    assert text
    assert "{" not in text


@pytest.mark.parametrize(
    ("state", "phrases"),
    [
        (None, ["开通星图", "10万", "没有什么后果"]),
        (State.PENDING_RECEIPT, ["任务概览", "待接收任务", "没有什么后果"]),
        (State.VIEWING_DETAILS, ["点击任务标题查看任务详情", "可以看到广告主的主要需求"]),
        (State.ACCEPTED, ["脚本", "视频", "审核"]),
        (State.IN_REVIEW, ["审核", "服务费"]),
        (State.DECLINED, ["没有什么后果"]),
    ],
)
def test_the_chinese_explanations_use_the_source_texts_words(state: State | None, phrases: list[str]) -> None:
    tour = tour_at(state) if state else Tour(task_name="Spring launch", brand="Nike")
    text = rendered(tour, "zh-CN")
    assert [phrase for phrase in phrases if phrase not in text] == []


def test_the_summary_of_a_completed_tour_lists_every_move_with_its_actor_and_the_pay() -> None:
    tour = tour_at(State.COMPLETED)
    assert tour.task is not None
    summary = [render(line, "en") for line in tour.summary()]
    moves = [line for line in summary if line.startswith("  ")]
    assert [line.split(".")[0].strip() for line in moves] == [str(n) for n in range(1, 3 + len(tour.task.history))]
    assert moves[-1].endswith("platform: pass the review (in review → completed)")
    assert "Final state: completed." in summary
    assert "Price 1000.00 yuan − service fee 50.00 yuan (5%) = net pay 950.00 yuan." in summary
    assert summary[-2].endswith("Account after:  balance 950.00 yuan, breaches 0.")


def test_the_summary_counts_refused_tries() -> None:
    tour = started_tour()
    tour.choose(next(c for c in tour.menu() if not c.allowed))
    assert render(tour.summary()[-1], "en") == "Refused tries: 1 (it changed nothing)."


@pytest.mark.parametrize(("count", "en", "zh"), [(100_000, "100,000", "10万"), (50_500, "50,500", "50,500")])
def test_follower_counts_read_as_the_source_text_writes_them(count: int, en: str, zh: str) -> None:
    assert (render(follower_count(count), "en"), render(follower_count(count), "zh-CN")) == (en, zh)
