"""One ad task published to one creator, moved only by the lifecycle machine."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from transitions import EventData

from xingtu_sim.domain.account import CreatorAccount
from xingtu_sim.domain.clock import Clock
from xingtu_sim.domain.errors import ActionRefused, Reason
from xingtu_sim.domain.lifecycle import (
    AWAITING_DECISION,
    INITIAL_STATE,
    TRIGGERS,
    Actor,
    Guard,
    State,
    Transition,
    Trigger,
    lifecycle_machine,
    parse_trigger,
    transition_from,
    triggers_from,
)
from xingtu_sim.domain.money import service_fee
from xingtu_sim.domain.routes import moves_before
from xingtu_sim.domain.rules import Rules
from xingtu_sim.domain.text import Text, _, join


class TaskContext(Protocol):
    """What a task sees of its creator's workspace."""

    account: CreatorAccount
    rules: Rules
    clock: Clock


@dataclass(frozen=True)
class HistoryEntry:
    """One move of a task: when, which trigger, from where to where, and by whom."""

    time: int
    trigger: Trigger
    source: State
    dest: State
    actor: Actor


class Task:
    """A task's state, counters and history; the machine's guards and effects are its methods."""

    def __init__(
        self,
        context: TaskContext,
        name: str,
        brand: str,
        price_fen: int,
        published_at: int,
        requirements: str = "",
    ) -> None:
        self.name = name
        self.brand = brand
        self.price_fen = price_fen
        self.published_at = published_at
        self.requirements = requirements  # the brand's main requirements (广告主的主要需求), shown with the details
        self.state = INITIAL_STATE
        self.script_changes = 0
        self.video_changes = 0
        self.fee_fen: int | None = None  # set when the review passes
        self.history: list[HistoryEntry] = []
        self._context = context

    @classmethod
    def restore(
        cls,
        context: TaskContext,
        name: str,
        brand: str,
        price_fen: int,
        published_at: int,
        *,
        requirements: str = "",
        state: State,
        script_changes: int,
        video_changes: int,
        fee_fen: int | None,
        history: list[HistoryEntry],
    ) -> Task:
        """A task exactly as it was saved, without replaying its moves (the sandbox store reloads tasks)."""
        task = cls(context, name, brand, price_fen, published_at, requirements)
        task.state = state
        task.script_changes = script_changes
        task.video_changes = video_changes
        task.fee_fen = fee_fen
        task.history = list(history)
        return task

    def __repr__(self) -> str:
        return f"Task({self.name!r}, {self.state.id})"

    @property
    def accept_deadline(self) -> int:
        """The hour at which the task lapses if nobody has accepted it."""
        return self.published_at + self._context.rules.accept_window_hours

    @property
    def hours_left(self) -> int | None:
        """Hours until an undecided task lapses (0 once its window is over); None once it is decided."""
        if self.state not in AWAITING_DECISION:
            return None
        return max(self.accept_deadline - self._context.clock.now, 0)

    def fire(self, written: Trigger | str) -> None:
        """Make one move by its trigger or its id; a refused move raises ActionRefused and changes nothing."""
        trigger = parse_trigger(written)
        transition = transition_from(self.state, trigger)
        if transition is None:
            raise self._refusal(trigger, Reason.NOT_ALLOWED, self._not_allowed_detail(trigger))
        if not lifecycle_machine().events[trigger.value].trigger(self):
            guard = next(guard for guard in transition.guards if not self.holds(guard))
            raise self._refusal(trigger, guard.reason, self._guard_detail(guard))

    def possible_now(self) -> list[Transition]:
        """The moves that would succeed now, whoever makes them."""
        return [t for t in triggers_from(self.state) if all(self.holds(guard) for guard in t.guards)]

    def holds(self, guard: Guard) -> bool:
        return bool(getattr(self, guard.method)())

    # Guards, named in the lifecycle table. transitions passes its EventData; they do not need it.

    def guard_xingtu_open(self, event: EventData | None = None) -> bool:
        return self._context.account.xingtu_open

    def guard_within_accept_window(self, event: EventData | None = None) -> bool:
        return self._context.clock.now < self.accept_deadline

    def guard_accept_window_over(self, event: EventData | None = None) -> bool:
        return not self.guard_within_accept_window()

    def guard_under_script_change_limit(self, event: EventData | None = None) -> bool:
        return self.script_changes < self._context.rules.script_change_limit

    def guard_under_video_change_limit(self, event: EventData | None = None) -> bool:
        return self.video_changes < self._context.rules.video_change_limit

    # Effects, named in the lifecycle table.

    def effect_count_script_change(self, event: EventData) -> None:
        self.script_changes += 1

    def effect_count_video_change(self, event: EventData) -> None:
        self.video_changes += 1

    def effect_credit_net_pay(self, event: EventData) -> None:
        self.fee_fen = service_fee(self.price_fen, self._context.rules.service_fee_percent)
        self._context.account.balance_fen += self.price_fen - self.fee_fen

    def effect_add_breach(self, event: EventData) -> None:
        self._context.account.breaches += 1

    def record_history(self, event: EventData) -> None:
        trigger, transition = Trigger(event.event.name), event.transition
        assert transition is not None  # transitions sets it before any after-callback
        source, dest = State[transition.source], State[str(transition.dest)]
        self.history.append(HistoryEntry(self._context.clock.now, trigger, source, dest, TRIGGERS[trigger].actor))

    # Refusals

    def _refusal(self, trigger: Trigger, reason: Reason, detail: Text | None) -> ActionRefused:
        row = TRIGGERS[trigger]
        headline = _(
            'Refused: the {actor} cannot {action}: task "{task}" is in the state "{state}". Reason: {reason}.',
            actor=row.actor,
            action=row,
            task=self.name,
            state=self.state,
            reason=reason,
        )
        return ActionRefused(
            reason,
            headline,
            detail,
            possible_now=[_move_label(t) for t in self.possible_now()],
            task=self.name,
            state=self.state.id,
            action=trigger,
        )

    def _not_allowed_detail(self, trigger: Trigger) -> Text | None:
        """Why not: the task has ended, or the moves that must come first (accepting needs the details viewed)."""
        if self.state.terminal:
            return _("The task has ended ({state}); it takes no more actions.", state=self.state)
        first = moves_before(self.state, trigger)
        if not first:
            return None
        row = TRIGGERS[trigger]
        return _(
            "First {moves}; only then can the {actor} {action}.",
            moves=join(_move_label(TRIGGERS[edge.trigger]) for edge in first), actor=row.actor, action=row,
        )  # fmt: skip

    def _guard_detail(self, guard: Guard) -> Text | None:
        rules = self._context.rules
        if guard is Guard.WITHIN_ACCEPT_WINDOW:
            return _(
                "The {hours}-hour accept window closed at hour {deadline}.",
                hours=rules.accept_window_hours,
                deadline=self.accept_deadline,
            )
        if guard is Guard.ACCEPT_WINDOW_OVER:
            return _("The accept window is still open until hour {deadline}.", deadline=self.accept_deadline)
        if guard is Guard.UNDER_SCRIPT_CHANGE_LIMIT:
            return _("The brand has used all {limit} change requests for this task.", limit=rules.script_change_limit)
        if guard is Guard.UNDER_VIDEO_CHANGE_LIMIT:
            return _("The brand has used all {limit} change requests for this task.", limit=rules.video_change_limit)
        return None


def _move_label(transition: Transition) -> Text:
    return _("{action} ({actor})", action=transition, actor=transition.actor)
