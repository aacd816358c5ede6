"""The guided tour: stages, menus, explanations and a summary over a real Workspace, with no I/O."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from xingtu_sim.domain.account import AccountAction, CreatorAccount, Platform, follower_count
from xingtu_sim.domain.errors import ActionRefused
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
from xingtu_sim.domain.text import N_, Message, Text, _, ngettext
from xingtu_sim.domain.workspace import Workspace
from xingtu_sim.i18n import Lang, render

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

    @property
    def label(self) -> Message:
        return _move_label(self.transition.actor, self.transition)


@dataclass(frozen=True)
class Wait:
    """The do-nothing branch: let the hours left to decide pass."""

    hours: int
    allowed: bool = True

    @property
    def label(self) -> Message:
        return ngettext(
            "do nothing and let {hours} hour pass",
            "do nothing and let {hours} hours pass",
            self.hours,
            hours=self.hours,
        )


@dataclass(frozen=True)
class OpenXingtu:
    """The first move: the creator opens Xingtu."""

    allowed: bool = True

    @property
    def label(self) -> Message:
        return _move_label(Actor.CREATOR, AccountAction.OPEN)


Choice = Move | Wait | OpenXingtu


@dataclass(frozen=True)
class Outcome:
    """What a choice did: lines to show, or the refusal (which changed nothing)."""

    lines: tuple[Text, ...] = ()
    refusal: ActionRefused | None = None


class Tour:
    """One trainee, one Douyin account just above the threshold, one sample task from one brand."""

    def __init__(
        self, rules: Rules = DEFAULT_RULES, *, task_name: str, brand: str, followers: int | None = None
    ) -> None:
        """`followers` below the platform's threshold lets a trainer show opening Xingtu refused."""
        platform = Platform.DOUYIN
        if followers is None:
            followers = rules.followers_needed(platform) + EXTRA_FOLLOWERS
        account = CreatorAccount(followers, platform)
        self.workspace = Workspace(account, rules)
        self.task_name = task_name
        self.brand = brand
        self.account_before: CreatorAccount | None = None  # as it stood when the task arrived
        self.refused: list[ActionRefused] = []

    @classmethod
    def sample(cls, rules: Rules, lang: Lang, followers: int | None = None) -> Tour:
        """A tour whose task and brand are named in the trainee's language."""
        task_name, brand = render(_("Summer drink launch"), lang), render(_("Qingfeng Tea"), lang)
        return cls(rules, task_name=task_name, brand=brand, followers=followers)

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
            return [_(_OPENING if self._eligible() else _OPENING_BELOW_THRESHOLD, **self._values())]
        lines = []
        if task.history and task.history[-1].trigger in _AFTER:
            lines.append(_(_AFTER[task.history[-1].trigger], **self._values()))
        lines.append(_(_STAGES[task.state], **self._values()))
        return lines

    def menu(self) -> list[Choice]:
        """The moves possible now (whoever makes them), waiting where time matters, then a few refused ones."""
        task = self.task
        if task is None:
            return [OpenXingtu(allowed=self._eligible())]
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

    def summary(self) -> list[Text]:
        """The path taken, move by move with who made it; the final state; the account; the pay."""
        task = self.task
        if task is None or self.account_before is None:
            return [_("No moves were made."), *self._refused_tries()]
        publish = _('publish the task "{task}" ({price} yuan)', **self._values())
        lines: list[Text] = [
            _("The path you took:"),
            _("  {step}. {move}", step=1, move=OpenXingtu().label),
            _("  {step}. {move}", step=2, move=_move_label(Actor.BRAND, publish)),
        ]
        for number, entry in enumerate(task.history, start=3):  # after opening Xingtu and the brand's task
            move = _move_label(entry.actor, TRIGGERS[entry.trigger])
            if entry.time > task.published_at:
                step = _(
                    "  {step}. hour {hour} · {move} ({source} → {dest})",
                    hour=entry.time,
                    step=number,
                    move=move,
                    source=entry.source,
                    dest=entry.dest,
                )
            else:
                step = _(
                    "  {step}. {move} ({source} → {dest})", step=number, move=move, source=entry.source, dest=entry.dest
                )
            lines.append(step)
        if task.state.terminal:
            lines.append(_("Final state: {state}.", state=task.state))
        else:
            lines.append(_("Stopped at: {state} (the task is not finished).", state=task.state))
        lines.append(self._account_line(self.account_before, self.workspace.account))
        if task.state is State.COMPLETED:
            lines.append(
                _("Price {price} yuan − service fee {fee} yuan ({percent}) = net pay {net} yuan.", **self._values())
            )
        return lines + self._refused_tries()

    def _refused_tries(self) -> list[Text]:
        count = len(self.refused)
        if not count:
            return []
        return [
            ngettext(
                "Refused tries: {count} (it changed nothing).",
                "Refused tries: {count} (none of them changed anything).",
                count,
                count=count,
            )
        ]

    # Applying choices

    def _open_and_receive(self) -> Outcome:
        self.workspace.open_xingtu()
        self.workspace.publish(self.task_name, self.brand, SAMPLE_PRICE_YUAN)
        self.account_before = self.workspace.account.snapshot()
        published = _('Brand "{brand}" publishes the task "{task}" paying {price} yuan.', **self._values())
        return Outcome((_("Xingtu is open and you are receiving tasks."), published))

    def _wait(self, hours: int) -> Outcome:
        before = self.workspace.account.snapshot()
        self.workspace.pass_time(hours)
        waited = ngettext(
            "{hours} hour passes and you do nothing.", "{hours} hours pass and you do nothing.", hours, hours=hours
        )
        return Outcome((waited, self._account_line(before, self.workspace.account)))

    def _move(self, transition: Transition) -> Outcome:
        task = self.workspace.act(self.task_name, transition.trigger)
        moved = _(
            "{actor}: {action}. The task is now {state}.", actor=transition.actor, action=transition, state=task.state
        )
        return Outcome((moved,))

    def _not_allowed(self, task: Task, possible: list[Transition]) -> list[Transition]:
        """Rows whose guard fails now, then a skip-ahead along the main path and cancel/decline mix-ups."""
        guarded = [t for t in chosen_from(task.state) if t not in possible]
        wanted = [*_skip_ahead(task.state), *(TRIGGERS[trigger] for trigger in _TEACHING_TRIGGERS)]
        refused = [t for t in wanted if transition_from(task.state, t.trigger) is None]
        return guarded + refused[:_NOT_ALLOWED_SHOWN]

    # Values the catalogue's sentences use

    def _eligible(self) -> bool:
        account = self.workspace.account
        return account.followers >= self.workspace.rules.followers_needed(account.platform)

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
            "requirements": _(
                "a 30 to 60 second vertical video featuring the new summer drink; the script goes to the brand first"
            ),
            "price": format_yuan(price_fen),
            "fee": format_yuan(fee_fen),
            "net": format_yuan(price_fen - fee_fen),
            "percent": f"{_percent(rules.service_fee_percent)}%",
            "hours": rules.accept_window_hours,
            "deadline": task.accept_deadline if task else rules.accept_window_hours,
            "script_limit": rules.script_change_limit,
            "script_used": task.script_changes if task else 0,
            "video_limit": rules.video_change_limit,
            "video_used": task.video_changes if task else 0,
            "platform": account.platform,
            "needed": follower_count(needed),
            "followers": follower_count(account.followers),
        }

    def _account_line(self, before: CreatorAccount, after: CreatorAccount) -> Message:
        values = {
            "balance_before": format_yuan(before.balance_fen),
            "balance_after": format_yuan(after.balance_fen),
            "breaches_before": before.breaches,
            "breaches_after": after.breaches,
        }
        if after == before:
            return _(
                "Account before: balance {balance_before} yuan, breaches {breaches_before}.\n"
                "Account after:  balance {balance_after} yuan, breaches {breaches_after}. Unchanged.",
                **values,
            )
        return _(
            "Account before: balance {balance_before} yuan, breaches {breaches_before}.\n"
            "Account after:  balance {balance_after} yuan, breaches {breaches_after}.",
            **values,
        )


def _skip_ahead(state: State) -> list[Transition]:
    """The main path's move after the next one: what a newcomer tries when skipping a step."""
    path = main_path()
    if state not in path or path.index(state) + 2 >= len(path):
        return []
    after_next = path[path.index(state) + 1]
    return [t for t in triggers_from(after_next) if t.dest is path[path.index(after_next) + 1]][:1]


def _move_label(actor: Actor, action: Transition | AccountAction | Message) -> Message:
    return _("{actor}: {action}", actor=actor, action=action)


def _percent(percent: Decimal) -> str:
    return format(percent.normalize(), "f")


_OPENING = N_(
    "To take paid tasks you first open Xingtu (开通星图): brands and advertisers publish their tasks in Xingtu. "
    "Brands look for {platform} accounts with at least {needed} followers; yours has {followers}. Opening it "
    "commits you to nothing: if you never take a task, nothing happens (没有什么后果)."
)
_OPENING_BELOW_THRESHOLD = N_(
    "To take paid tasks you first open Xingtu (开通星图): brands and advertisers publish their tasks in Xingtu. "
    "Brands look for {platform} accounts with at least {needed} followers; yours has only {followers}, so "
    "opening Xingtu is refused for now: try it to see why. Not opening it has no consequence (没有什么后果)."
)
_STAGES: dict[State, str] = {
    State.PENDING_RECEIPT: N_(
        "To take tasks, log in to Xingtu with a browser: under the task overview (任务概览) the task appears "
        "among the pending tasks (待接收任务). Nothing obliges you to take it: not accepting has no "
        "consequence (没有什么后果). A task nobody accepts within {hours} hours lapses, with no penalty on "
        "either side."
    ),
    State.VIEWING_DETAILS: N_(
        "You clicked the task title to see its details (点击任务标题查看任务详情): here you see the advertiser's "
        "main requirements (广告主的主要需求). Weigh them against your own situation and decide whether to "
        "accept.\nBrand: {brand}. Task: {task}. Requirements: {requirements}.\nPay: {price} yuan, of which "
        "the platform keeps a {percent} service fee ({fee} yuan), so {net} yuan comes to you. Decide "
        "before hour {deadline}."
    ),
    State.ACCEPTED: N_(
        "By accepting you committed to the task: you make the script (脚本) and the video (视频) as its "
        "requirements say, publish the video, and the task is complete once it passes review (审核). From "
        "now on, cancelling earns nothing and counts against you as a breach."
    ),
    State.SCRIPTING: N_(
        "Write the script (脚本) to the task's requirements, then submit it: the brand checks the script "
        "before you shoot."
    ),
    State.SCRIPT_REVIEW: N_(
        "The brand is checking your script. It may approve it, or ask for changes: at most "
        "{script_limit} times for this task ({script_used} used so far)."
    ),
    State.PRODUCING: N_("Produce the video (视频) as the task requires, then upload it for the brand to confirm."),
    State.VIDEO_REVIEW: N_(
        "The brand is checking your video. It may confirm it, or ask for changes: at most {video_limit} "
        "times for this task ({video_used} used so far)."
    ),
    State.PUBLISHING: N_("The brand confirmed the video. Now publish it on your account (视频发布)."),
    State.IN_REVIEW: N_(
        "The platform is reviewing the published video (审核). Once the review passes, the task is "
        "complete and you are paid: the platform takes its service fee (服务费), {percent} of {price} yuan "
        "= {fee} yuan, and {net} yuan goes to your balance. If the review fails, the video must be "
        "redone."
    ),
    State.COMPLETED: N_(
        "The review passed: the task is complete. The platform kept its service fee of {fee} yuan; {net} "
        "yuan went to your balance."
    ),
    State.DECLINED: N_(
        "You declined the task. Nothing happens to your account: not accepting has no consequence (没有什么后果)."
    ),
    State.EXPIRED: N_(
        "Nobody accepted the task within {hours} hours, so it lapsed. No penalty on either side: your "
        "account is exactly as it was (没有什么后果)."
    ),
    State.CANCELLED: N_(
        "You cancelled after accepting: no pay for this task, and the cancellation counts as a breach."
    ),
}
# Why the task came back to a stage it had passed.
_AFTER: dict[Trigger, str] = {
    Trigger.CLOSE: N_("You closed the details and are back at the task list, still undecided."),
    Trigger.REQUEST_SCRIPT_CHANGES: N_("The brand asked for changes to the script: revise it and submit it again."),
    Trigger.REQUEST_VIDEO_CHANGES: N_("The brand asked for changes to the video: rework it and upload it again."),
    Trigger.FAIL_REVIEW: N_("The platform's review failed: the video must be redone, and the brand confirms it again."),
}
