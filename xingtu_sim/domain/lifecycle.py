"""The order lifecycle as data: states, transitions, guards and effects, in one place."""

from __future__ import annotations

import enum
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from transitions import Machine

from xingtu_sim.domain.errors import InputError, Reason
from xingtu_sim.domain.text import LabelledEnum, Message, _, join, pgettext


class Actor(LabelledEnum):
    """Who makes a move."""

    CREATOR = "creator", pgettext("actor", "creator")
    BRAND = "brand", pgettext("actor", "brand")
    PLATFORM = "platform", pgettext("actor", "platform")


class State(LabelledEnum):
    """A task's state; the value is its id. A state whose mover is None is terminal."""

    mover: Actor | None

    def __new__(cls, state_id: str, label: Message, mover: Actor | None) -> State:
        state = object.__new__(cls)
        state._value_ = state_id
        state.label, state.mover = label, mover
        return state

    PENDING_RECEIPT = "pending_receipt", pgettext("state", "pending receipt"), Actor.CREATOR
    VIEWING_DETAILS = "viewing_details", pgettext("state", "viewing details"), Actor.CREATOR
    ACCEPTED = "accepted", pgettext("state", "accepted"), Actor.CREATOR
    SCRIPTING = "scripting", pgettext("state", "scripting"), Actor.CREATOR
    SCRIPT_REVIEW = "script_review", pgettext("state", "script review"), Actor.BRAND
    PRODUCING = "producing", pgettext("state", "producing"), Actor.CREATOR
    VIDEO_REVIEW = "video_review", pgettext("state", "video review"), Actor.BRAND
    PUBLISHING = "publishing", pgettext("state", "publishing"), Actor.CREATOR
    IN_REVIEW = "in_review", pgettext("state", "in review"), Actor.PLATFORM
    COMPLETED = "completed", pgettext("state", "completed"), None
    DECLINED = "declined", pgettext("state", "declined"), None
    EXPIRED = "expired", pgettext("state", "expired"), None
    CANCELLED = "cancelled", pgettext("state", "cancelled"), None

    @property
    def terminal(self) -> bool:
        return self.mover is None


class Trigger(enum.StrEnum):
    """A move's id, as files, CLI arguments and the sandbox's history write it; each names one row of the table."""

    VIEW = "view"
    CLOSE = "close"
    ACCEPT = "accept"
    DECLINE = "decline"
    EXPIRE = "expire"
    START_SCRIPT = "start_script"
    SUBMIT_SCRIPT = "submit_script"
    APPROVE_SCRIPT = "approve_script"
    REQUEST_SCRIPT_CHANGES = "request_script_changes"
    UPLOAD_VIDEO = "upload_video"
    CONFIRM_VIDEO = "confirm_video"
    REQUEST_VIDEO_CHANGES = "request_video_changes"
    PUBLISH = "publish"
    PASS_REVIEW = "pass_review"
    FAIL_REVIEW = "fail_review"
    CANCEL = "cancel"


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

    trigger: Trigger
    sources: tuple[State, ...]
    dest: State
    actor: Actor
    label: Message
    guards: tuple[Guard, ...] = ()
    effects: tuple[Effect, ...] = ()

    def edges(self) -> Iterator[Edge]:
        for source in self.sources:
            yield Edge(source, self.trigger, self.dest)


@dataclass(frozen=True)
class Edge:
    """One arrow of the lifecycle: a trigger with a single source."""

    source: State
    trigger: Trigger
    dest: State


S, T, C, B, P = State, Trigger, Actor.CREATOR, Actor.BRAND, Actor.PLATFORM
_WORK_IN_PROGRESS = (S.ACCEPTED, S.SCRIPTING, S.SCRIPT_REVIEW, S.PRODUCING, S.VIDEO_REVIEW, S.PUBLISHING)

TRANSITIONS: tuple[Transition, ...] = (
    Transition(T.VIEW, (S.PENDING_RECEIPT,), S.VIEWING_DETAILS, C, pgettext("move", "view details")),
    Transition(T.CLOSE, (S.VIEWING_DETAILS,), S.PENDING_RECEIPT, C, pgettext("move", "close details")),
    Transition(
        T.ACCEPT, (S.VIEWING_DETAILS,), S.ACCEPTED, C, pgettext("move", "accept"),
        guards=(Guard.XINGTU_OPEN, Guard.WITHIN_ACCEPT_WINDOW),
    ),
    Transition(T.DECLINE, (S.PENDING_RECEIPT, S.VIEWING_DETAILS), S.DECLINED, C, pgettext("move", "decline")),
    Transition(
        T.EXPIRE, (S.PENDING_RECEIPT, S.VIEWING_DETAILS), S.EXPIRED, P, pgettext("move", "lapse"),
        guards=(Guard.ACCEPT_WINDOW_OVER,),
    ),
    Transition(T.START_SCRIPT, (S.ACCEPTED,), S.SCRIPTING, C, pgettext("move", "start the script")),
    Transition(T.SUBMIT_SCRIPT, (S.SCRIPTING,), S.SCRIPT_REVIEW, C, pgettext("move", "submit the script")),
    Transition(T.APPROVE_SCRIPT, (S.SCRIPT_REVIEW,), S.PRODUCING, B, pgettext("move", "approve the script")),
    Transition(
        T.REQUEST_SCRIPT_CHANGES, (S.SCRIPT_REVIEW,), S.SCRIPTING, B,
        pgettext("move", "request script changes"),
        guards=(Guard.UNDER_SCRIPT_CHANGE_LIMIT,), effects=(Effect.COUNT_SCRIPT_CHANGE,),
    ),
    Transition(T.UPLOAD_VIDEO, (S.PRODUCING,), S.VIDEO_REVIEW, C, pgettext("move", "upload the video")),
    Transition(T.CONFIRM_VIDEO, (S.VIDEO_REVIEW,), S.PUBLISHING, B, pgettext("move", "confirm the video")),
    Transition(
        T.REQUEST_VIDEO_CHANGES, (S.VIDEO_REVIEW,), S.PRODUCING, B,
        pgettext("move", "request video changes"),
        guards=(Guard.UNDER_VIDEO_CHANGE_LIMIT,), effects=(Effect.COUNT_VIDEO_CHANGE,),
    ),
    Transition(T.PUBLISH, (S.PUBLISHING,), S.IN_REVIEW, C, pgettext("move", "publish the video")),
    Transition(
        T.PASS_REVIEW, (S.IN_REVIEW,), S.COMPLETED, P, pgettext("move", "pass the review"),
        effects=(Effect.CREDIT_NET_PAY,),
    ),
    Transition(T.FAIL_REVIEW, (S.IN_REVIEW,), S.PRODUCING, P, pgettext("move", "fail the review")),
    Transition(
        T.CANCEL, _WORK_IN_PROGRESS, S.CANCELLED, C, pgettext("move", "cancel"),
        effects=(Effect.ADD_BREACH,),
    ),
)  # fmt: skip

INITIAL_STATE = State.PENDING_RECEIPT
TRIGGERS: dict[Trigger, Transition] = {t.trigger: t for t in TRANSITIONS}
EDGES: tuple[Edge, ...] = tuple(edge for t in TRANSITIONS for edge in t.edges())
# The one move nobody chooses: the clock lapses a task once its accept window is over.
CLOCK_MOVE = TRIGGERS[Trigger.EXPIRE]
AWAITING_DECISION = frozenset(CLOCK_MOVE.sources)  # what the clock lapses


def parse_trigger(written: str) -> Trigger:
    """The trigger whose id is `written`; anything else is an input error naming every trigger."""
    try:
        return Trigger(written)
    except ValueError:
        message = _(
            '"{trigger}" is not an action of the lifecycle; actions: {triggers}.',
            trigger=written,
            triggers=join(Trigger),
        )
        raise InputError(message) from None


def transition_from(state: State, trigger: Trigger) -> Transition | None:
    """The table's row for this trigger if it may fire from this state."""
    transition = TRIGGERS[trigger]
    return transition if state in transition.sources else None


def triggers_from(state: State) -> list[Transition]:
    """Every row that may fire from this state, in table order."""
    return [t for t in TRANSITIONS if state in t.sources]


def chosen_from(state: State) -> list[Transition]:
    """The moves someone may choose in this state, in table order: every row but the clock's."""
    return [t for t in triggers_from(state) if t is not CLOCK_MOVE]


@cache
def lifecycle_machine() -> Machine:
    """The one transitions Machine, shared by every task (transitions' FAQ: a static machine)."""
    return Machine(
        model=None,
        states=State,
        initial=None,
        transitions=[
            {
                "trigger": t.trigger.value,
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
