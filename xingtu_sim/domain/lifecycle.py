"""The order lifecycle as data: states, transitions, guards and effects, in one place."""

from __future__ import annotations

import enum
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from transitions import Machine

from xingtu_sim.domain.errors import Reason
from xingtu_sim.i18n import LabelledEnum, Lang


class Actor(LabelledEnum):
    """Who makes a move."""

    CREATOR = "creator", "creator", "达人"
    BRAND = "brand", "brand", "品牌方"
    PLATFORM = "platform", "platform", "平台"


class State(LabelledEnum):
    """A task's state; the value is its id. A state whose mover is None is terminal."""

    mover: Actor | None

    def __new__(cls, state_id: str, en: str, zh: str, mover: Actor | None) -> State:
        state = object.__new__(cls)
        state._value_ = state_id
        state.en, state.zh, state.mover = en, zh, mover
        return state

    PENDING_RECEIPT = "pending_receipt", "pending receipt", "待接收", Actor.CREATOR
    VIEWING_DETAILS = "viewing_details", "viewing details", "查看详情", Actor.CREATOR
    ACCEPTED = "accepted", "accepted", "已接受", Actor.CREATOR
    SCRIPTING = "scripting", "scripting", "脚本制作中", Actor.CREATOR
    SCRIPT_REVIEW = "script_review", "script review", "脚本待确认", Actor.BRAND
    PRODUCING = "producing", "producing", "视频制作中", Actor.CREATOR
    VIDEO_REVIEW = "video_review", "video review", "视频待确认", Actor.BRAND
    PUBLISHING = "publishing", "publishing", "待发布", Actor.CREATOR
    IN_REVIEW = "in_review", "in review", "审核中", Actor.PLATFORM
    COMPLETED = "completed", "completed", "已完成", None
    DECLINED = "declined", "declined", "已拒绝", None
    EXPIRED = "expired", "expired", "已过期", None
    CANCELLED = "cancelled", "cancelled", "已取消", None

    @property
    def id(self) -> str:
        return str(self.value)

    @property
    def terminal(self) -> bool:
        return self.mover is None


class Guard(enum.Enum):
    """A condition a transition needs, and the reason given when it does not hold."""

    reason: Reason

    def __new__(cls, predicate: str, reason: Reason) -> Guard:
        guard = object.__new__(cls)
        guard._value_ = predicate
        guard.reason = reason
        return guard

    XINGTU_OPEN = "xingtu_open", Reason.XINGTU_NOT_OPENED
    WITHIN_ACCEPT_WINDOW = "within_accept_window", Reason.TASK_EXPIRED
    ACCEPT_WINDOW_OVER = "accept_window_over", Reason.NOT_ALLOWED
    UNDER_SCRIPT_CHANGE_LIMIT = "under_script_change_limit", Reason.CHANGE_LIMIT_REACHED
    UNDER_VIDEO_CHANGE_LIMIT = "under_video_change_limit", Reason.CHANGE_LIMIT_REACHED

    @property
    def method(self) -> str:
        return f"guard_{self.value}"


class Effect(enum.Enum):
    """What a transition does besides moving the task; the value names the task's method."""

    COUNT_SCRIPT_CHANGE = "count_script_change"
    COUNT_VIDEO_CHANGE = "count_video_change"
    CREDIT_NET_PAY = "credit_net_pay"
    ADD_BREACH = "add_breach"

    @property
    def method(self) -> str:
        return f"effect_{self.value}"


@dataclass(frozen=True)
class Transition:
    """One row of the lifecycle table."""

    trigger: str
    sources: tuple[State, ...]
    dest: State
    actor: Actor
    en: str
    zh: str
    guards: tuple[Guard, ...] = ()
    effects: tuple[Effect, ...] = ()

    def label(self, lang: Lang) -> str:
        return self.zh if lang == "zh-CN" else self.en

    def edges(self) -> Iterator[Edge]:
        for source in self.sources:
            yield Edge(source, self.trigger, self.dest)


@dataclass(frozen=True)
class Edge:
    """One arrow of the lifecycle: a trigger with a single source."""

    source: State
    trigger: str
    dest: State


S, C, B, P = State, Actor.CREATOR, Actor.BRAND, Actor.PLATFORM
_WORK_IN_PROGRESS = (S.ACCEPTED, S.SCRIPTING, S.SCRIPT_REVIEW, S.PRODUCING, S.VIDEO_REVIEW, S.PUBLISHING)

TRANSITIONS: tuple[Transition, ...] = (
    Transition("view", (S.PENDING_RECEIPT,), S.VIEWING_DETAILS, C, "view details", "查看详情"),
    Transition("close", (S.VIEWING_DETAILS,), S.PENDING_RECEIPT, C, "close details", "关闭详情"),
    Transition(
        "accept", (S.VIEWING_DETAILS,), S.ACCEPTED, C, "accept", "接受任务",
        guards=(Guard.XINGTU_OPEN, Guard.WITHIN_ACCEPT_WINDOW),
    ),
    Transition("decline", (S.PENDING_RECEIPT, S.VIEWING_DETAILS), S.DECLINED, C, "decline", "拒绝任务"),
    Transition(
        "expire", (S.PENDING_RECEIPT, S.VIEWING_DETAILS), S.EXPIRED, P, "lapse", "任务失效",
        guards=(Guard.ACCEPT_WINDOW_OVER,),
    ),
    Transition("start_script", (S.ACCEPTED,), S.SCRIPTING, C, "start the script", "开始撰写脚本"),
    Transition("submit_script", (S.SCRIPTING,), S.SCRIPT_REVIEW, C, "submit the script", "提交脚本"),
    Transition("approve_script", (S.SCRIPT_REVIEW,), S.PRODUCING, B, "approve the script", "通过脚本"),
    Transition(
        "request_script_changes", (S.SCRIPT_REVIEW,), S.SCRIPTING, B,
        "request script changes", "要求修改脚本",
        guards=(Guard.UNDER_SCRIPT_CHANGE_LIMIT,), effects=(Effect.COUNT_SCRIPT_CHANGE,),
    ),
    Transition("upload_video", (S.PRODUCING,), S.VIDEO_REVIEW, C, "upload the video", "上传视频"),
    Transition("confirm_video", (S.VIDEO_REVIEW,), S.PUBLISHING, B, "confirm the video", "确认视频"),
    Transition(
        "request_video_changes", (S.VIDEO_REVIEW,), S.PRODUCING, B,
        "request video changes", "要求修改视频",
        guards=(Guard.UNDER_VIDEO_CHANGE_LIMIT,), effects=(Effect.COUNT_VIDEO_CHANGE,),
    ),
    Transition("publish", (S.PUBLISHING,), S.IN_REVIEW, C, "publish the video", "发布视频"),
    Transition(
        "pass_review", (S.IN_REVIEW,), S.COMPLETED, P, "pass the review", "审核通过",
        effects=(Effect.CREDIT_NET_PAY,),
    ),
    Transition("fail_review", (S.IN_REVIEW,), S.PRODUCING, P, "fail the review", "审核驳回"),
    Transition(
        "cancel", _WORK_IN_PROGRESS, S.CANCELLED, C, "cancel", "取消任务",
        effects=(Effect.ADD_BREACH,),
    ),
)  # fmt: skip

INITIAL_STATE = State.PENDING_RECEIPT
TRIGGERS: dict[str, Transition] = {t.trigger: t for t in TRANSITIONS}
EDGES: tuple[Edge, ...] = tuple(edge for t in TRANSITIONS for edge in t.edges())
AWAITING_DECISION = frozenset(TRIGGERS["expire"].sources)  # what the clock lapses


def transition_from(state: State, trigger: str) -> Transition | None:
    """The table's row for this trigger if it may fire from this state."""
    transition = TRIGGERS.get(trigger)
    return transition if transition and state in transition.sources else None


def triggers_from(state: State) -> list[Transition]:
    """Every row that may fire from this state, in table order."""
    return [t for t in TRANSITIONS if state in t.sources]


@cache
def lifecycle_machine() -> Machine:
    """The one transitions Machine, shared by every task (transitions' FAQ: a static machine)."""
    return Machine(
        model=None,
        states=State,
        initial=None,
        transitions=[
            {
                "trigger": t.trigger,
                "source": list(t.sources),
                "dest": t.dest,
                "conditions": [guard.method for guard in t.guards],
                "after": [effect.method for effect in t.effects],
            }
            for t in TRANSITIONS
        ],
        auto_transitions=False,
        send_event=True,
        after_state_change="record_history",
    )
