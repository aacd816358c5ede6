"""The guided tour: stages, menus, explanations and a summary over a real Workspace, with no I/O."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from xingtu_sim.domain.account import AccountAction, CreatorAccount, Platform
from xingtu_sim.domain.errors import ActionRefused, Message, localize, message
from xingtu_sim.domain.lifecycle import (
    AWAITING_DECISION,
    CLOCK_MOVE,
    INITIAL_STATE,
    TRIGGERS,
    Actor,
    State,
    Transition,
    Trigger,
    chosen_from,
    transition_from,
    triggers_from,
)
from xingtu_sim.domain.money import format_yuan, service_fee
from xingtu_sim.domain.routes import shortest_path
from xingtu_sim.domain.rules import DEFAULT_RULES, Rules
from xingtu_sim.domain.task import Task
from xingtu_sim.domain.workspace import Workspace
from xingtu_sim.i18n import MESSAGES, Lang, text

SAMPLE_PRICE_YUAN = 1000
EXTRA_FOLLOWERS = 20_000  # the trainee's account clears the platform's threshold by this much
# Moves a newcomer confuses with the right one: cancel (after accepting) versus decline (before).
_TEACHING_TRIGGERS = (Trigger.CANCEL, Trigger.DECLINE)
_NOT_ALLOWED_SHOWN = 2


@cache
def main_path() -> tuple[State, ...]:
    """The states of the shortest way from a new task to a completed one, from the table."""
    return (INITIAL_STATE, *(edge.dest for edge in shortest_path(INITIAL_STATE, State.COMPLETED)))


def path_marks(state: State) -> list[tuple[State, bool]]:
    """The main path with the state the task is in marked."""
    return [(step, step is state) for step in main_path()]


@dataclass(frozen=True)
class Move:
    """A menu item that fires a lifecycle trigger; `allowed` is False for one shown to be refused."""

    transition: Transition
    allowed: bool

    def label(self, lang: Lang) -> str:
        return _move_label(self.transition.actor, self.transition, lang)


@dataclass(frozen=True)
class Wait:
    """The do-nothing branch: let the hours left to decide pass."""

    hours: int
    allowed: bool = True

    def label(self, lang: Lang) -> str:
        return text("tour.menu.wait", lang, hours=self.hours)


@dataclass(frozen=True)
class OpenXingtu:
    """The first move: the creator opens Xingtu."""

    allowed: bool = True

    def label(self, lang: Lang) -> str:
        return _move_label(Actor.CREATOR, AccountAction.OPEN, lang)


Choice = Move | Wait | OpenXingtu


@dataclass(frozen=True)
class Outcome:
    """What a choice did: lines to show, or the refusal (which changed nothing)."""

    lines: tuple[Message, ...] = ()
    refusal: ActionRefused | None = None


class Tour:
    """One trainee, one Douyin account just above the threshold, one sample task from one brand."""

    def __init__(self, rules: Rules = DEFAULT_RULES, *, task_name: str, brand: str) -> None:
        platform = Platform.DOUYIN
        account = CreatorAccount(rules.followers_needed(platform) + EXTRA_FOLLOWERS, platform)
        self.workspace = Workspace(account, rules)
        self.task_name = task_name
        self.brand = brand
        self.account_before: CreatorAccount | None = None  # as it stood when the task arrived
        self.refused: list[ActionRefused] = []

    @classmethod
    def sample(cls, rules: Rules, lang: Lang) -> Tour:
        """A tour whose task and brand are named in the trainee's language."""
        return cls(rules, task_name=text("tour.sample.task", lang), brand=text("tour.sample.brand", lang))

    @property
    def task(self) -> Task | None:
        return self.workspace.tasks.get(self.task_name)

    @property
    def finished(self) -> bool:
        return self.task is not None and self.task.state.terminal

    def whose_move(self) -> Actor | None:
        return self.task.state.mover if self.task else Actor.CREATOR

    # What the trainee reads

    def explanation(self) -> list[Message]:
        """What this stage means, in the source text's words; after a revision, why it came back."""
        task = self.task
        if task is None:
            return [message("tour.stage.account", **self._values())]
        lines = []
        if task.history and f"tour.after.{task.history[-1].trigger}" in MESSAGES:
            lines.append(message(f"tour.after.{task.history[-1].trigger}", **self._values()))
        lines.append(message(f"tour.stage.{task.state.id}", **self._values()))
        return lines

    def menu(self) -> list[Choice]:
        """The moves possible now (whoever makes them), waiting where time matters, then a few refused ones."""
        task = self.task
        if task is None:
            return [OpenXingtu()]
        if task.state.terminal:
            return []
        # Only the clock lapses a task: the tour offers "let time pass" instead.
        possible = [t for t in task.possible_now() if t is not CLOCK_MOVE]
        choices: list[Choice] = [Move(t, allowed=True) for t in possible]
        if task.state in AWAITING_DECISION:
            choices.append(Wait(task.hours_left or 0))
        return choices + [Move(t, allowed=False) for t in self._not_allowed(task, possible)]

    def choose(self, choice: Choice) -> Outcome:
        """Apply one menu item to the workspace; a refusal is returned, not raised."""
        try:
            if isinstance(choice, OpenXingtu):
                return self._open_and_receive()
            if isinstance(choice, Wait):
                return self._wait(choice.hours)
            return self._move(choice.transition)
        except ActionRefused as refusal:
            self.refused.append(refusal)
            return Outcome(refusal=refusal)

    def summary(self) -> list[Message]:
        """The path taken, move by move with who made it; the final state; the account; the pay."""
        task = self.task
        if task is None or self.account_before is None:
            return [message("tour.summary.nothing")]
        publish = message("tour.publish", **self._values())
        lines = [
            message("tour.summary.moves"),
            message("tour.summary.step", step=1, move=OpenXingtu().label),
            message("tour.summary.step", step=2, move=lambda lang: _move_label(Actor.BRAND, publish, lang)),
        ]
        lines += [
            message(
                "tour.summary.step.later" if entry.time > task.published_at else "tour.summary.step.task",
                step=number,
                hour=entry.time,
                move=lambda lang, entry=entry: _move_label(entry.actor, TRIGGERS[entry.trigger], lang),
                source=entry.source,
                dest=entry.dest,
            )
            for number, entry in enumerate(task.history, start=3)  # after opening Xingtu and the brand's task
        ]
        key = "tour.summary.final" if task.state.terminal else "tour.summary.stopped"
        lines.append(message(key, state=task.state))
        lines.append(self._account_line(self.account_before, self.workspace.account))
        if task.state is State.COMPLETED:
            lines.append(message("tour.summary.pay", **self._values()))
        if self.refused:
            lines.append(message("tour.summary.refused", count=len(self.refused)))
        return lines

    # Applying choices

    def _open_and_receive(self) -> Outcome:
        self.workspace.open_xingtu()
        self.workspace.publish(self.task_name, self.brand, SAMPLE_PRICE_YUAN)
        self.account_before = self.workspace.account.snapshot()
        return Outcome((message("tour.opened"), message("tour.published", **self._values())))

    def _wait(self, hours: int) -> Outcome:
        before = self.workspace.account.snapshot()
        self.workspace.pass_time(hours)
        return Outcome((message("tour.waited", hours=hours), self._account_line(before, self.workspace.account)))

    def _move(self, transition: Transition) -> Outcome:
        task = self.workspace.act(self.task_name, transition.trigger)
        return Outcome((message("tour.moved", actor=transition.actor, action=transition, state=task.state),))

    def _not_allowed(self, task: Task, possible: list[Transition]) -> list[Transition]:
        """Rows whose guard fails now, then a skip-ahead along the main path and cancel/decline mix-ups."""
        guarded = [t for t in chosen_from(task.state) if t not in possible]
        wanted = [*_skip_ahead(task.state), *(TRIGGERS[trigger] for trigger in _TEACHING_TRIGGERS)]
        refused = [t for t in wanted if transition_from(task.state, t.trigger) is None]
        return guarded + refused[:_NOT_ALLOWED_SHOWN]

    # Values the catalogue's sentences use

    def _values(self) -> dict[str, object]:
        rules, account, task = self.workspace.rules, self.workspace.account, self.task
        price_fen = task.price_fen if task else SAMPLE_PRICE_YUAN * 100
        fee_fen = (
            task.fee_fen if task and task.fee_fen is not None else service_fee(price_fen, rules.service_fee_percent)
        )
        needed = rules.followers_needed(account.platform)
        return {
            "task": self.task_name,
            "brand": self.brand,
            "requirements": lambda lang: text("tour.sample.requirements", lang),
            "price": format_yuan(price_fen),
            "fee": format_yuan(fee_fen),
            "net": format_yuan(price_fen - fee_fen),
            "percent": _percent(rules.service_fee_percent),
            "hours": rules.accept_window_hours,
            "deadline": task.accept_deadline if task else rules.accept_window_hours,
            "script_limit": rules.script_change_limit,
            "script_used": task.script_changes if task else 0,
            "video_limit": rules.video_change_limit,
            "video_used": task.video_changes if task else 0,
            "platform": account.platform,
            "needed": lambda lang: follower_count(needed, lang),
            "followers": lambda lang: follower_count(account.followers, lang),
        }

    def _account_line(self, before: CreatorAccount, after: CreatorAccount) -> Message:
        key = "tour.account.unchanged" if after == before else "tour.account.changed"
        return message(
            key,
            balance_before=format_yuan(before.balance_fen),
            balance_after=format_yuan(after.balance_fen),
            breaches_before=before.breaches,
            breaches_after=after.breaches,
        )


def _skip_ahead(state: State) -> list[Transition]:
    """The main path's move after the next one: what a newcomer tries when skipping a step."""
    path = main_path()
    if state not in path or path.index(state) + 2 >= len(path):
        return []
    after_next = path[path.index(state) + 1]
    return [t for t in triggers_from(after_next) if t.dest is path[path.index(after_next) + 1]][:1]


def _move_label(actor: Actor, action: Transition | AccountAction | Message, lang: Lang) -> str:
    return text("tour.menu.move", lang, actor=actor.label(lang), action=localize(action, lang))


def _percent(percent: Decimal) -> str:
    return format(percent.normalize(), "f")


def follower_count(count: int, lang: Lang) -> str:
    """100,000 in English; 10万 in Chinese, as the source text writes it."""
    if lang == "zh-CN" and count and count % 10_000 == 0:
        return f"{count // 10_000}万"
    return f"{count:,}"
