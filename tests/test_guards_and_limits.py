"""Guards, limits and the account's own actions."""

from __future__ import annotations

import pytest
from conftest import everything

from xingtu_sim import ActionRefused, CreatorAccount, Platform, Reason, Rules, State, Workspace
from xingtu_sim.domain.lifecycle import AWAITING_DECISION
from xingtu_sim.i18n import describe


def test_accepting_within_the_window_succeeds_and_just_after_it_the_task_has_lapsed(workspace: Workspace) -> None:
    workspace.publish("Spring launch", "Nike", "8000")
    workspace.publish("Summer launch", "Nike", "8000")
    workspace.act("Spring launch", "view")
    workspace.act("Summer launch", "view")
    workspace.pass_time(23)
    workspace.act("Spring launch", "accept")
    workspace.pass_time(1)
    assert workspace.task("Summer launch").state is State.EXPIRED
    with pytest.raises(ActionRefused):
        workspace.act("Summer launch", "accept")


def test_accepting_after_a_shorter_window_came_into_force_is_refused_as_expired(workspace: Workspace) -> None:
    workspace.publish("Spring launch", "Nike", "8000")
    workspace.act("Spring launch", "view")
    workspace.pass_time(20)
    workspace.rules = Rules(accept_window_hours=12)
    with pytest.raises(ActionRefused) as refusal:
        workspace.act("Spring launch", "accept")
    assert refusal.value.reason is Reason.TASK_EXPIRED
    assert "hour 12" in describe(refusal.value, "en")


def test_the_platform_cannot_lapse_a_task_before_its_window_is_over(workspace: Workspace) -> None:
    workspace.publish("Spring launch", "Nike", "8000")
    with pytest.raises(ActionRefused) as refusal:
        workspace.act("Spring launch", "expire")
    assert refusal.value.reason is Reason.NOT_ALLOWED


@pytest.mark.parametrize(
    ("request_trigger", "redo", "review_state", "rules"),
    [
        ("request_script_changes", "submit_script", State.SCRIPT_REVIEW, Rules(script_change_limit=3)),
        ("request_video_changes", "upload_video", State.VIDEO_REVIEW, Rules(video_change_limit=3)),
    ],
)
def test_a_brand_may_ask_for_changes_up_to_the_limit_and_no_more(
    workspace: Workspace, request_trigger: str, redo: str, review_state: State, rules: Rules
) -> None:
    workspace.rules = rules
    workspace.publish("Spring launch", "Nike", "8000")
    workspace.bring_to("Spring launch", review_state)
    for _ in range(3):
        workspace.act("Spring launch", request_trigger)
        workspace.act("Spring launch", redo)
    before = everything(workspace)
    with pytest.raises(ActionRefused) as refusal:
        workspace.act("Spring launch", request_trigger)
    assert refusal.value.reason is Reason.CHANGE_LIMIT_REACHED
    assert everything(workspace) == before
    possible_now = describe(refusal.value, "en").splitlines()[-1]
    assert "request" not in possible_now
    assert "cancel (creator)" in possible_now


def test_a_failed_review_sends_the_video_back_to_production(workspace: Workspace) -> None:
    workspace.publish("Spring launch", "Nike", "8000")
    workspace.bring_to("Spring launch", State.IN_REVIEW)
    workspace.act("Spring launch", "fail_review")
    task = workspace.bring_to("Spring launch", State.COMPLETED)
    assert [h.trigger for h in task.history[-5:]] == [
        "fail_review",
        "upload_video",
        "confirm_video",
        "publish",
        "pass_review",
    ]


@pytest.mark.parametrize("state", [State.ACCEPTED, State.SCRIPT_REVIEW, State.PUBLISHING])
def test_cancelling_after_accepting_is_a_breach_and_pays_nothing(workspace: Workspace, state: State) -> None:
    workspace.publish("Spring launch", "Nike", "8000")
    workspace.bring_to("Spring launch", state)
    workspace.act("Spring launch", "cancel")
    assert (workspace.account.breaches, workspace.account.balance_fen) == (1, 0)


@pytest.mark.parametrize(
    ("platform", "followers", "eligible"),
    [
        (Platform.DOUYIN, 100_000, True),
        (Platform.DOUYIN, 99_999, False),
        (Platform.XIGUA, 50_000, True),
        (Platform.XIGUA, 49_999, False),
        (Platform.HUOSHAN, 50_000, True),
        (Platform.HUOSHAN, 49_999, False),
    ],
)
def test_opening_xingtu_needs_the_platforms_follower_threshold(
    platform: Platform, followers: int, eligible: bool
) -> None:
    workspace = Workspace(CreatorAccount(followers=followers, platform=platform))
    if eligible:
        workspace.open_xingtu()
        assert (workspace.account.xingtu_open, workspace.account.receiving) == (True, True)
    else:
        with pytest.raises(ActionRefused) as refusal:
            workspace.open_xingtu()
        assert refusal.value.reason is Reason.NOT_ELIGIBLE
        assert workspace.account == CreatorAccount(followers=followers, platform=platform)


def test_a_brand_cannot_publish_before_xingtu_is_open_and_nothing_is_created() -> None:
    workspace = Workspace(CreatorAccount(followers=150_000))
    with pytest.raises(ActionRefused) as refusal:
        workspace.publish("Spring launch", "Nike", "8000")
    assert refusal.value.reason is Reason.XINGTU_NOT_OPENED
    assert list(workspace) == []


def test_a_creator_who_stopped_receiving_gets_no_new_tasks_until_resuming(workspace: Workspace) -> None:
    workspace.stop_receiving()
    with pytest.raises(ActionRefused) as refusal:
        workspace.publish("Spring launch", "Nike", "8000")
    assert refusal.value.reason is Reason.NOT_RECEIVING
    assert list(workspace) == []
    workspace.resume_receiving()
    workspace.publish("Spring launch", "Nike", "8000")
    assert len(workspace.pending_tasks()) == 1


@pytest.mark.parametrize(
    ("action", "reason"),
    [("open_xingtu", Reason.NOT_ALLOWED), ("resume_receiving", Reason.NOT_ALLOWED)],
)
def test_repeating_an_account_action_is_refused(workspace: Workspace, action: str, reason: Reason) -> None:
    with pytest.raises(ActionRefused) as refusal:
        getattr(workspace, action)()
    assert refusal.value.reason is reason


def test_stopping_before_opening_is_refused_as_not_opened() -> None:
    workspace = Workspace(CreatorAccount(followers=150_000))
    with pytest.raises(ActionRefused) as refusal:
        workspace.stop_receiving()
    assert refusal.value.reason is Reason.XINGTU_NOT_OPENED


def test_task_names_are_unique_per_creator(workspace: Workspace) -> None:
    workspace.publish("Spring launch", "Nike", "8000")
    with pytest.raises(Exception, match="already exists"):
        workspace.publish("Spring launch", "Adidas", "9000")
    assert workspace.task("Spring launch").brand == "Nike"


def test_pending_tasks_are_those_awaiting_the_creators_decision(workspace: Workspace) -> None:
    for name in ("A", "B", "C"):
        workspace.publish(name, "Nike", "100")
    workspace.act("A", "view")
    workspace.act("C", "decline")
    assert [t.name for t in workspace.pending_tasks()] == ["A", "B"]
    assert {State.PENDING_RECEIPT, State.VIEWING_DETAILS} == AWAITING_DECISION


def test_a_refusal_says_the_task_its_state_why_and_what_can_be_done_now(workspace: Workspace) -> None:
    workspace.publish("Spring launch", "Nike", "8000")
    with pytest.raises(ActionRefused) as refusal:
        workspace.act("Spring launch", "publish")
    english, chinese = describe(refusal.value, "en"), describe(refusal.value, "zh-CN")
    for part in ("Spring launch", "pending receipt", "not allowed in this state", "view details (creator)"):
        assert part in english
    for part in ("Spring launch", "待接收", "当前状态不允许该操作", "查看详情（达人）"):
        assert part in chinese


def test_an_unknown_task_name_suggests_the_nearest(workspace: Workspace) -> None:
    workspace.publish("Spring launch", "Nike", "8000")
    with pytest.raises(Exception, match='Did you mean "Spring launch"') as error:
        workspace.act("Sprng launch", "view")
    assert "您是不是要找" in describe(error.value, "zh-CN")  # type: ignore[attr-defined]
