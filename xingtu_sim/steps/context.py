"""What one scenario remembers between its steps, and what each step of the vocabulary does."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from typing import TypeVar

from xingtu_sim.domain.account import CreatorAccount, parse_platform
from xingtu_sim.domain.clock import HOURS_PER_DAY, checked_hours
from xingtu_sim.domain.errors import ActionRefused, InputError, Reason
from xingtu_sim.domain.lifecycle import State, Trigger
from xingtu_sim.domain.money import format_yuan, price_to_fen, yuan_to_fen
from xingtu_sim.domain.names import BRAND_NAME, TASK_NAME, checked_name, checked_requirements
from xingtu_sim.domain.rules import Rules
from xingtu_sim.domain.text import Message, Text, _, join, ngettext
from xingtu_sim.domain.trace import Trace
from xingtu_sim.domain.workspace import Workspace
from xingtu_sim.files.rules_toml import with_rule
from xingtu_sim.i18n import Lang, parse_label, render, render_lines
from xingtu_sim.steps.numbers import parse_count
from xingtu_sim.steps.vocabulary import Phrase, state_named


class StepFailed(AssertionError):
    """A step that did not hold, told in the reader's language; no traceback is needed.

    `lines` say the same as messages, for a reader whose language is chosen later (a lesson file's checks).
    """

    def __init__(self, told: str, lines: Sequence[Text] = ()) -> None:
        super().__init__(told)
        self.lines: tuple[Text, ...] = tuple(lines) or (told,)


Method = TypeVar("Method", bound=Callable[..., None])
# The vocabulary's phrase keys, each with the ScenarioContext method that does what it says.
_SAYS: dict[str, Callable[..., None]] = {}


def says(*keys: str) -> Callable[[Method], Method]:
    """Marks the method that does what the vocabulary's phrases `keys` say; their placeholders are its arguments."""

    def mark(method: Method) -> Method:
        _SAYS.update(dict.fromkeys(keys, method))
        return method

    return mark


def handled(phrase: Phrase) -> bool:
    """Whether a step saying `phrase` has something to do: a move of the lifecycle, or a method marked with says()."""
    return phrase.trigger is not None or phrase.key in _SAYS


@dataclass
class Action:
    """The last When step's action: what it was, and its refusal if it was refused."""

    description: str
    refusal: ActionRefused | None = None
    checked: bool = False

    def explanation(self, lang: Lang) -> str:
        return render_lines(self.refusal.lines, lang) if self.refusal else ""


class ScenarioContext:
    """The creator's workspace for one scenario, the account to compare with, and the last action."""

    def __init__(self, rules: Rules, lang: Lang) -> None:
        self.rules = rules
        self.lang = lang
        self.baseline: CreatorAccount | None = None
        self.last_action: Action | None = None
        self.refusals: list[Action] = []
        self.outcome: str | None = None  # what the last step changed, for the runner to show
        self.current_step = ""  # the step being run, as written
        self.current_kind = ""  # given, when or then (And and But take the kind before them)
        self._workspace: Workspace | None = None

    @property
    def workspace(self) -> Workspace:
        if self._workspace is None:
            raise self._failure(
                _('There is no creator yet: start the scenario with "Given a creator with 150000 followers".')
            )
        return self._workspace

    def remember_account(self) -> None:
        """Called after every Given step: "unchanged" compares with the account as it is now."""
        if self._workspace is not None:
            self.baseline = self._workspace.account.snapshot()

    def trace(self) -> Trace:
        """What this scenario did to the lifecycle: moves, states, refused (state, trigger) pairs."""
        refused = [(a.refusal.state, a.refusal.action) for a in self.refusals if a.refusal and a.refusal.state]
        return Trace.of(self._workspace, refused)

    def unchecked_refusals(self) -> list[Action]:
        return [action for action in self.refusals if not action.checked]

    def unchecked_message(self, unchecked: list[Action]) -> str:
        return "\n".join(
            render(
                _(
                    'A refused action was never checked: "{step}". Add "Then the action is '
                    'refused" after it.\n{refusal}',
                    step=action.description,
                    refusal=action.explanation(self.lang),
                ),
                self.lang,
            )
            for action in unchecked
        )

    def perform(self, phrase: Phrase, values: Mapping[str, str]) -> None:
        """Do what a step says: a move by the trigger the phrase names, anything else by the method marked for it."""
        if phrase.trigger is not None:
            self.act(values["task"], phrase.trigger)
        else:
            _SAYS[phrase.key](self, **values)

    # Given

    @says("creator", "creator_on_platform")
    def create_creator(self, n: str, platform: str = "douyin") -> None:
        account = CreatorAccount(followers=parse_count(n), platform=parse_platform(platform))
        self._workspace = Workspace(account, self.rules)
        self.outcome = self._account_outcome()

    @says("fee")
    def set_fee(self, n: str) -> None:
        self.rules = with_rule(self.rules, "service_fee_percent", parse_count(n))
        if self._workspace is not None:
            self._workspace.rules = self.rules

    def set_up(self, action: Callable[[], object]) -> None:
        """A Given step: set-up that cannot be done fails the step at once."""
        try:
            action()
        except ActionRefused as refusal:
            raise StepFailed(
                render(
                    _("The set-up could not be done.\n{refusal}", refusal=render_lines(refusal.lines, self.lang)),
                    self.lang,
                )
            ) from None
        self.outcome = self._account_outcome()

    @says("has_opened")
    def has_opened(self) -> None:
        self.set_up(self.workspace.open_xingtu)

    @says("has_stopped")
    def has_stopped(self) -> None:
        self.set_up(self.workspace.stop_receiving)

    @says("asks_for")
    def ask_for(self, task: str, text: str) -> None:
        """The brand's requirements, shown with the task's details: set up (Given) or changed (When)."""

        def set_requirements() -> None:
            self.workspace.task(task).requirements = checked_requirements(text)

        if self.current_kind == "given":
            self.set_up(set_requirements)
        else:
            self.do(set_requirements, task)
        self.outcome = render(_('task "{task}" asks for "{text}"', task=task, text=text), self.lang)

    @says("publish")
    def publish(self, brand: str, task: str, amount: str) -> None:
        """Given: set-up that must succeed; When: the brand's move, refusal remembered."""
        price = parse_price(amount)
        if self.current_kind == "given":
            self.set_up(lambda: self.workspace.publish(task, brand, format_yuan(price)))
            self.outcome = self._task_line(task)
        else:
            self.do(lambda: self.workspace.publish(task, brand, format_yuan(price)), task)

    @says("task_is")
    def bring_to(self, task: str, state: str) -> None:
        target = self._state(state)
        self.set_up(lambda: self.workspace.bring_to(task, target))
        self.outcome = self._task_line(task)

    # When

    def do(self, action: Callable[[], object], task: str | None = None) -> None:
        """A When step: a refusal is remembered for a Then step instead of failing this one."""
        self.last_action = Action(self.current_step)
        try:
            action()
        except ActionRefused as refusal:
            self.last_action.refusal = refusal
            self.refusals.append(self.last_action)
            self.outcome = render(_("refused: {reason}", reason=render(refusal.reason, self.lang)), self.lang)
            return
        self.outcome = self._task_line(task) if task else self._account_outcome()

    def act(self, task: str, trigger: Trigger) -> None:
        self.do(lambda: self.workspace.act(task, trigger), task)

    @says("open")
    def open_xingtu(self) -> None:
        self.do(self.workspace.open_xingtu)

    @says("stop_receiving")
    def stop_receiving(self) -> None:
        self.do(self.workspace.stop_receiving)

    @says("resume_receiving")
    def resume_receiving(self) -> None:
        self.do(self.workspace.resume_receiving)

    @says("hours_pass")
    def pass_hours(self, n: str) -> None:
        self.pass_time(parse_count(n))

    @says("days_pass")
    def pass_days(self, n: str) -> None:
        self.pass_time(parse_count(n) * HOURS_PER_DAY)

    def pass_time(self, hours: int) -> None:
        lapsed = self.workspace.pass_time(hours)
        self.last_action = Action(self.current_step)
        names = join(f"“{task.name}”" for task in lapsed) if lapsed else "-"
        self.outcome = render(
            _("hour {hour}; lapsed: {lapsed}", hour=self.workspace.clock.now, lapsed=names), self.lang
        )

    # Then

    @says("state_is")
    def check_state(self, task: str, state: str) -> None:
        expected, actual = self._state(state), self.workspace.task(task).state
        self._check(expected is actual, self._task_line(task, expected), self._task_line(task))

    @says("account_unchanged")
    def check_unchanged(self) -> None:
        if self.baseline is None:
            raise self._failure(
                _("There is nothing to compare with: the account is remembered after the last Given step.")
            )
        before, after = self._account_line(self.baseline), self._account_line()
        self._check(self.workspace.account == self.baseline, before, after)

    @says("balance_is")
    def check_balance(self, amount: str) -> None:
        expected, actual = parse_amount(amount), self.workspace.account.balance_fen
        self._check(expected == actual, _yuan(expected, self.lang), _yuan(actual, self.lang))

    @says("fee_is")
    def check_fee(self, task: str, amount: str) -> None:
        expected, fee = parse_amount(amount), self.workspace.task(task).fee_fen
        if fee is None:
            actual = render(_("no fee yet ({task})", task=self._task_line(task)), self.lang)
            self._check(False, _yuan(expected, self.lang), actual)
        else:
            self._check(expected == fee, _yuan(expected, self.lang), _yuan(fee, self.lang))

    @says("pending_count")
    def check_pending(self, n: str) -> None:
        expected, pending = parse_count(n), self.workspace.pending_tasks()
        names = join(f"“{task.name}”" for task in pending) if pending else "-"
        actual = render(_("{count} pending: {tasks}", count=len(pending), tasks=names), self.lang)
        self._check(expected == len(pending), str(expected), actual)

    @says("is_open")
    def check_open(self) -> None:
        self._check_open(True)

    @says("is_not_open")
    def check_not_open(self) -> None:
        self._check_open(False)

    def _check_open(self, should_be_open: bool) -> None:
        account = self.workspace.account
        self._check(account.xingtu_open == should_be_open, self._open_word(should_be_open), self._account_line())

    @says("breaches")
    def check_breaches(self, n: str) -> None:
        expected, actual = parse_count(n), self.workspace.account.breaches
        self._check(expected == actual, str(expected), str(actual))

    @says("refused", "refused_because")
    def check_refused(self, reason: str | None = None) -> None:
        """The last action was refused (for this reason); the refusal counts as checked."""
        action = self.last_action
        if action is None:
            raise self._failure(_("No action has been taken yet, so none can have been refused."))
        if action.refusal is None:
            outcome = self.outcome or ""
            raise self._failure(
                _("The last action was not refused: {action} → {outcome}", action=action.description, outcome=outcome)
            )
        action.checked = True
        if reason is not None:
            expected = self._reason(reason)
            actual = action.refusal.reason
            self._check(expected is actual, render(expected, self.lang), render(actual, self.lang))

    def check_values(self, phrase: Phrase, step_text: str) -> None:
        """Fail as the step would on a value it cannot use: an unknown state, a bad amount, …"""
        match = phrase.match(step_text)
        assert match is not None, "check_values needs a step that says the phrase"
        checks: dict[str, Callable[[str], object]] = {
            "n": parse_count,
            "amount": parse_price if phrase.key == "publish" else parse_amount,
            "state": self._state,
            "reason": self._reason,
            "platform": parse_platform,
        }
        if phrase.key == "publish":  # the names a task is published with are made here
            checks["task"] = partial(checked_name, kind=TASK_NAME)
            checks["brand"] = partial(checked_name, kind=BRAND_NAME)
        for name, value in match.groupdict().items():
            try:
                checks.get(name, str)(value)
            except InputError as error:
                raise StepFailed(render_lines(error.lines, self.lang), error.lines) from None

    # Helpers

    def _check(self, holds: bool, expected: str, actual: str) -> None:
        if not holds:
            raise StepFailed(
                render(_("expected: {expected}\nactual:   {actual}", expected=expected, actual=actual), self.lang)
            )

    def _failure(self, message: Message) -> StepFailed:
        return StepFailed(render(message, self.lang), [message])

    def _state(self, label: str) -> State:
        try:
            return state_named(label)
        except ValueError:
            states = join(f"{render(s, self.lang)} ({s.id})" for s in State)
            raise self._failure(
                _('There is no state "{label}". States: {states}.', label=label, states=states)
            ) from None

    def _reason(self, label: str) -> Reason:
        try:
            return parse_label(Reason, label)
        except ValueError:
            unknown = _('There is no refusal reason "{label}". Reasons: {reasons}.', label=label, reasons=join(Reason))
            raise self._failure(unknown) from None

    def _task_line(self, task: str, state: State | None = None) -> str:
        state = state or self.workspace.task(task).state
        return render(_('task "{task}" is {state}', task=task, state=render(state, self.lang)), self.lang)

    def _account_outcome(self) -> str:
        return render(_("account: {account}", account=self._account_line()), self.lang)

    def _open_word(self, is_open: bool) -> str:
        return render(_("Xingtu open") if is_open else _("Xingtu not open"), self.lang)

    def _account_line(self, account: CreatorAccount | None = None) -> str:
        account = account or self.workspace.account
        line = ngettext(
            "{open}, {receiving}, balance {balance} yuan, {breaches} breach",
            "{open}, {receiving}, balance {balance} yuan, {breaches} breaches",
            account.breaches,
            open=self._open_word(account.xingtu_open),
            receiving=_("receiving tasks") if account.receiving else _("not receiving tasks"),
            balance=format_yuan(account.balance_fen),
            breaches=account.breaches,
        )
        return render(line, self.lang)


def _yuan(fen: int, lang: Lang) -> str:
    return render(_("{amount} yuan", amount=format_yuan(fen)), lang)


def unusable_number(phrase: Phrase, step_text: str) -> InputError | None:
    """Why a number in this step can never be used (a price past the largest, a wait past ten years), if it can't.

    Such a step is bad input, found when the file is read, like a step too long: no scenario could run it.
    """
    match = phrase.match(step_text)
    values = match.groupdict() if match else {}
    try:
        if "amount" in values:
            (parse_price if phrase.key == "publish" else parse_amount)(values["amount"])
        if "n" in values:
            count = parse_count(values["n"])
            if phrase.key in _WAITS:
                checked_hours(count * _WAITS[phrase.key])
    except InputError as error:
        return error
    return None


_WAITS = {"hours_pass": 1, "days_pass": HOURS_PER_DAY}  # the phrases that let time pass, and hours per unit


def parse_amount(amount: str) -> int:
    """Yuan as scenario writers type them (8000, 8,000.50), in fen."""
    return yuan_to_fen(plain_amount(amount))


def plain_amount(amount: str) -> str:
    """Yuan as scenario writers type them, without thousands separators: 8,000.50 -> 8000.50."""
    return amount.replace(",", "")


def parse_price(amount: str) -> int:
    """A task's price as scenario writers type it, in fen: more than 0, at most the largest price."""
    return price_to_fen(plain_amount(amount))
