"""The console's one door into the sandbox store: what the pages read, and the moves they make.

Every call is one `sandbox.session` on one practice account (one transaction) and reads only what its
page shows: a page of each list, counted by the store's tally, or the one task a move touches.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from xingtu_sim.domain.account import AccountAction, CreatorAccount, Platform
from xingtu_sim.domain.errors import InputError
from xingtu_sim.domain.lifecycle import Actor, State, Transition, Trigger, transition_from
from xingtu_sim.domain.money import service_fee
from xingtu_sim.domain.rules import DEFAULT_RULES, Rules
from xingtu_sim.domain.task import HistoryEntry, Task
from xingtu_sim.domain.text import Message, _
from xingtu_sim.sandbox import DEFAULT_ACCOUNT, Counts, Session, Stage, account_keys, create, session

PAGE_SIZE = 20
OPENING_MOVE = Trigger.VIEW  # WEB.md: activating a pending task's title fires this move (by POST)
STARTING_ACCOUNT = CreatorAccount(followers=150_000)  # the creator of every example, when serve starts a sandbox


def unknown_task(name: str) -> Message:
    return _('There is no task "{task}".', task=name)


class TaskNotFound(InputError):
    """No task by that name in this practice account: the page answers 404."""

    def __init__(self, name: str) -> None:
        super().__init__(unknown_task(name))


@dataclass(frozen=True)
class TaskLine:
    """One task in a list of the overview."""

    name: str
    brand: str
    price_fen: int
    state: State
    hours_left: int | None
    opens_by_viewing: bool  # its title fires the opening move rather than being a plain link


@dataclass(frozen=True)
class TaskList:
    """One page of a list of tasks."""

    lines: list[TaskLine]
    page: int
    pages: int
    total: int


@dataclass(frozen=True)
class Overview:
    clock_hour: int
    account: CreatorAccount
    pending: TaskList
    active: TaskList
    ended: TaskList


@dataclass(frozen=True)
class Details:
    """One task as its details page shows it."""

    name: str
    brand: str
    requirements: str
    price_fen: int
    fee_percent: Decimal
    fee_fen: int  # what the platform keeps (charged when the review passes)
    paid: bool  # the review passed and the creator was paid price minus fee
    state: State
    hours_left: int | None
    accept_deadline: int
    script_changes: int
    script_change_limit: int
    video_changes: int
    video_change_limit: int
    moves: dict[Actor, list[Transition]]  # the moves possible now, by whose they are
    history: list[HistoryEntry]


@dataclass(frozen=True)
class AccountPage:
    account: CreatorAccount
    followers_needed: int
    actions: list[AccountAction]
    rules: Rules
    clock_hour: int


@dataclass(frozen=True)
class Pages:
    """Which page of each overview list to show (1-based)."""

    pending: int = 1
    active: int = 1
    ended: int = 1


@dataclass(frozen=True)
class Practice:
    """One practice account in a sandbox file: the CLI's own (`default`) in personal practice."""

    path: Path
    account: str = DEFAULT_ACCOUNT

    def rules_in_force(self, rules: Rules | None = None) -> Rules:
        """The rules `ensure(rules)` would put in force, found without writing: `rules`, else the account's own,
        else (no account yet) the defaults."""
        if rules is not None or _holds_nothing(self.path) or self.account not in account_keys(self.path):
            return rules or DEFAULT_RULES
        with self._session(write=False) as current:
            return current.rules

    def ensure(self, rules: Rules | None = None) -> tuple[bool, bool]:
        """Check the file, start the account if missing, put `rules` in force: (started, rules changed)."""
        if _holds_nothing(self.path) or self.account not in account_keys(self.path):
            create(self.path, STARTING_ACCOUNT, key=self.account, rules=rules or DEFAULT_RULES)
            return True, False
        if rules is None:
            with self._session(write=False):
                return False, False
        with self._session() as current:
            return False, current.use_rules(rules)

    def overview(self, pages: Pages) -> Overview:
        with self._session(write=False) as current:
            counts = current.counts()
            return Overview(
                clock_hour=current.workspace.clock.now,
                account=current.workspace.account.snapshot(),
                pending=_page(current, counts, Stage.AWAITING_DECISION, pages.pending),
                active=_page(current, counts, Stage.IN_PROGRESS, pages.active),
                ended=_page(current, counts, Stage.ENDED, pages.ended, newest_first=True),
            )

    def details(self, name: str) -> Details:
        with self._session(write=False) as current:
            return _details(current, _task(current, name))

    def account_page(self) -> AccountPage:
        with self._session(write=False) as current:
            account = current.workspace.account
            return AccountPage(
                account=account.snapshot(),
                followers_needed=current.rules.followers_needed(account.platform),
                actions=account.possible_actions(),
                rules=current.rules,
                clock_hour=current.workspace.clock.now,
            )

    def move(self, name: str, trigger: str) -> State:
        """Fire `trigger` on the task; returns the state it reached."""
        with self._session() as current:
            _task(current, name)
            return current.act(name, trigger).state

    def account_action(self, action: str) -> None:
        chosen = {a.value: a for a in AccountAction}.get(action)
        if chosen is None:
            raise InputError(_('"{action}" is not an account action.', action=action))
        with self._session() as current:
            {
                AccountAction.OPEN: current.open_xingtu,
                AccountAction.STOP_RECEIVING: current.stop_receiving,
                AccountAction.RESUME_RECEIVING: current.resume_receiving,
            }[chosen]()

    def publish(self, name: str, brand: str, price: str, requirements: str = "") -> None:
        with self._session() as current:
            current.publish(name, brand, price, requirements)

    def wait(self, hours: int, *, from_task: str | None = None) -> list[str]:
        """Let `hours` pass (from the details of `from_task`, which must exist); the names of the tasks that lapsed."""
        with self._session() as current:
            if from_task is not None:
                _task(current, from_task)
            return [task.name for task in current.pass_time(hours)]

    def start_over(self, followers: int, platform: Platform) -> None:
        """A fresh account with these followers on this platform, under the rules in force."""
        account = CreatorAccount(followers=followers, platform=platform)
        with self._session(write=False) as current:
            rules = current.rules
        create(self.path, account, key=self.account, rules=rules, force=True)

    @contextmanager
    def _session(self, *, write: bool = True) -> Iterator[Session]:
        with session(self.path, self.account, write=write) as current:
            yield current


def _holds_nothing(path: Path) -> bool:
    """No file yet, or an empty one: nothing to check, a sandbox to start."""
    try:
        return path.stat().st_size == 0 and not path.is_dir()
    except FileNotFoundError:
        return True


def _task(current: Session, name: str) -> Task:
    """The task called `name`; unknown, it is a TaskNotFound (the store's other errors pass through)."""
    try:
        return current.task(name)
    except InputError as error:
        if error.lines[0] == unknown_task(name):
            raise TaskNotFound(name) from None
        raise


def _page(current: Session, counts: Counts, stage: Stage, page: int, *, newest_first: bool = False) -> TaskList:
    """Page `page` of the tasks in `stage` (reading only those), in publishing order or newest first."""
    total = counts.in_stage(stage)
    pages = max(1, -(-total // PAGE_SIZE))
    page = min(max(page, 1), pages)
    tasks = current.tasks([stage], offset=(page - 1) * PAGE_SIZE, limit=PAGE_SIZE, newest_first=newest_first)
    opens = {state: transition_from(state, OPENING_MOVE) is not None for state in State}
    lines = [TaskLine(t.name, t.brand, t.price_fen, t.state, t.hours_left, opens[t.state]) for t in tasks]
    return TaskList(lines, page, pages, total)


def _details(current: Session, task: Task) -> Details:
    moves: dict[Actor, list[Transition]] = {actor: [] for actor in Actor}
    for transition in task.possible_now():
        moves[transition.actor].append(transition)
    rules = current.rules_of(task)  # the rules it was published under
    percent = rules.service_fee_percent
    return Details(
        name=task.name,
        brand=task.brand,
        requirements=task.requirements,
        price_fen=task.price_fen,
        fee_percent=percent,
        fee_fen=task.fee_fen if task.fee_fen is not None else service_fee(task.price_fen, percent),
        paid=task.fee_fen is not None,
        state=task.state,
        hours_left=task.hours_left,
        accept_deadline=task.accept_deadline,
        script_changes=task.script_changes,
        script_change_limit=rules.script_change_limit,
        video_changes=task.video_changes,
        video_change_limit=rules.video_change_limit,
        moves=moves,
        history=list(task.history),
    )
