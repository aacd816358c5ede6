"""The SPEC's five invariants, each on its own."""

from __future__ import annotations

import pytest
from conftest import everything

from xingtu_sim import ActionRefused, CreatorAccount, State, Workspace, format_yuan


@pytest.mark.parametrize("days", [0, 1, 30, 365])
def test_opening_xingtu_and_doing_nothing_leaves_the_account_unchanged(days: int) -> None:
    workspace = Workspace(CreatorAccount(followers=120_000))
    workspace.open_xingtu()
    before = workspace.account.snapshot()
    workspace.pass_time(days * 24)
    assert workspace.account == before


@pytest.mark.parametrize("ending", ["decline", "close-then-decline", "ignore", "view-then-ignore"])
def test_a_task_that_ends_declined_or_expired_leaves_the_account_as_it_was(workspace: Workspace, ending: str) -> None:
    workspace.publish("Spring launch", "Nike", "8000")
    before = workspace.account.snapshot()
    if ending.startswith("view") or ending.startswith("close"):
        workspace.act("Spring launch", "view")
    if ending.startswith("close"):
        workspace.act("Spring launch", "close")
    if ending.endswith("decline"):
        workspace.act("Spring launch", "decline")
    workspace.pass_time(24 * 90)
    assert workspace.task("Spring launch").state in {State.DECLINED, State.EXPIRED}
    assert workspace.account == before


def test_a_refused_action_changes_nothing_at_all(workspace: Workspace) -> None:
    workspace.publish("Spring launch", "Nike", "8000")
    workspace.bring_to("Spring launch", State.SCRIPT_REVIEW)
    workspace.act("Spring launch", "request_script_changes")
    workspace.act("Spring launch", "submit_script")
    workspace.act("Spring launch", "request_script_changes")
    workspace.act("Spring launch", "submit_script")
    before = everything(workspace)
    with pytest.raises(ActionRefused):
        workspace.act("Spring launch", "request_script_changes")  # the third is over the limit
    with pytest.raises(ActionRefused):
        workspace.act("Spring launch", "publish")
    assert everything(workspace) == before


@pytest.mark.parametrize(("price", "fee", "net"), [("10.10", "0.51", "9.59"), ("8000", "400.00", "7600.00")])
def test_money_is_conserved_for_a_completed_task(workspace: Workspace, price: str, fee: str, net: str) -> None:
    workspace.publish("Spring launch", "Nike", price)
    task = workspace.bring_to("Spring launch", State.COMPLETED)
    assert task.fee_fen is not None
    assert workspace.account.balance_fen + task.fee_fen == task.price_fen
    assert (format_yuan(task.fee_fen), format_yuan(workspace.account.balance_fen)) == (fee, net)


def test_every_task_keeps_its_full_history(workspace: Workspace) -> None:
    workspace.publish("Spring launch", "Nike", "8000")
    workspace.pass_time(3)
    task = workspace.bring_to("Spring launch", State.COMPLETED)
    moves = [(h.trigger, h.source.id, h.dest.id, h.actor.value, h.time) for h in task.history]
    assert moves == [
        ("view", "pending_receipt", "viewing_details", "creator", 3),
        ("accept", "viewing_details", "accepted", "creator", 3),
        ("start_script", "accepted", "scripting", "creator", 3),
        ("submit_script", "scripting", "script_review", "creator", 3),
        ("approve_script", "script_review", "producing", "brand", 3),
        ("upload_video", "producing", "video_review", "creator", 3),
        ("confirm_video", "video_review", "publishing", "brand", 3),
        ("publish", "publishing", "in_review", "creator", 3),
        ("pass_review", "in_review", "completed", "platform", 3),
    ]


def test_a_lapse_is_recorded_at_the_deadline_by_the_platform(workspace: Workspace) -> None:
    workspace.publish("Spring launch", "Nike", "8000")
    workspace.pass_time(5)
    workspace.publish("Summer launch", "Nike", "8000")
    lapsed = workspace.pass_time(100)
    assert [task.name for task in lapsed] == ["Spring launch", "Summer launch"]
    assert [(t.history[-1].time, t.history[-1].actor.value) for t in lapsed] == [(24, "platform"), (29, "platform")]
    assert workspace.clock.now == 105
