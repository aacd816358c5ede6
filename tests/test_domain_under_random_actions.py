"""The SPEC's five invariants hold after every step of random interleavings of every actor's actions.

Hypothesis drives one creator's Workspace: brands publish tasks at random prices, the creator, the
brand and the platform fire every trigger of the lifecycle table on random tasks (illegal ones too),
the creator opens Xingtu, stops and resumes receiving, time passes and the rules change between
commands (as `--rules` may in the sandbox). A model kept beside the workspace says what each step
may change; the checks after every step compare the two.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from types import MappingProxyType

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.stateful import Bundle, RuleBasedStateMachine, initialize, invariant, rule
from hypothesis_budget import examples

from xingtu_sim import (
    INITIAL_STATE,
    TRIGGERS,
    ActionRefused,
    CreatorAccount,
    InputError,
    Platform,
    Reason,
    Rules,
    State,
    Task,
    Workspace,
    XingtuError,
    yuan_to_fen,
)
from xingtu_sim.domain.lifecycle import CLOCK_MOVE, triggers_from
from xingtu_sim.domain.money import MAX_PRICE_YUAN
from xingtu_sim.domain.routes import shortest_paths_from

TERMINAL = frozenset(state for state in State if state.terminal)
ALL_TRIGGERS = sorted(TRIGGERS)

rules_in_force = st.builds(
    Rules,
    accept_window_hours=st.integers(1, 72),
    script_change_limit=st.integers(0, 4),
    video_change_limit=st.integers(0, 4),
    service_fee_percent=st.decimals(0, 100, places=2),
    followers_to_open=st.fixed_dictionaries({p: st.integers(0, 200_000) for p in Platform}).map(MappingProxyType),
)
yuan = st.integers(0, 10**9).map(lambda fen: Decimal(fen) / 100) | st.decimals(0, 10_000_000, places=2)
prices = st.one_of(yuan, yuan.map(str), st.integers(0, 10**9), yuan.map(lambda amount: f" {amount} "))
bad_prices = st.sampled_from(["-1", "1.234", "abc", "", "1e3", "NaN", "-0.01", "１００"]) | st.text(max_size=8)


def pays_something(price: Decimal | str | int) -> bool:
    """The SPEC's price of a task: more than 0 yuan, at most the largest price."""
    return 0 < Decimal(str(price).strip()) <= MAX_PRICE_YUAN


def readable(name: str) -> bool:
    """The SPEC's name of a task or brand: something to read, at most 60 characters, nothing hidden, no edge spaces,
    no quotation mark (scenarios write names between them)."""
    hidden = {"Cc", "Cf", "Cs", "Zl", "Zp"}
    shown = not any(unicodedata.category(character) in hidden for character in name)
    unquoted = not any(quote in name for quote in '"“”「」')
    return bool(name.strip()) and name == name.strip() and len(name) <= 60 and shown and unquoted


task_names = st.sampled_from(["Spring launch", "夏季新品", "T", "a b"]) | st.text(min_size=1, max_size=12)


@dataclass
class Expected:
    """What one task must have done to the account, and to itself, so far."""

    moves: int = 0
    script_changes: int = 0
    video_changes: int = 0
    net_fen: int = 0
    fee_fen: int | None = None
    breaches: int = 0
    moves_when_ended: int | None = None


def _fee(price_fen: int, percent: Decimal) -> int:
    """The SPEC's fee, worked out again: the percentage of the price, half-up to the fen."""
    return int((Decimal(price_fen) * percent / 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))


@dataclass
class Model:
    followers: int
    platform: Platform
    xingtu_open: bool = False
    receiving: bool = False
    tasks: dict[str, Expected] = field(default_factory=dict)

    def account(self) -> CreatorAccount:
        return CreatorAccount(
            followers=self.followers,
            platform=self.platform,
            xingtu_open=self.xingtu_open,
            receiving=self.receiving,
            balance_fen=sum(task.net_fen for task in self.tasks.values()),
            breaches=sum(task.breaches for task in self.tasks.values()),
        )


def everything(workspace: Workspace) -> tuple[object, ...]:
    """All a refused action must leave as it was, down to the order of the tasks."""
    tasks = tuple(
        (
            t.name,
            t.brand,
            t.price_fen,
            t.published_at,
            t.state,
            t.script_changes,
            t.video_changes,
            t.fee_fen,
            *t.history,
        )
        for t in workspace
    )
    return (workspace.account.snapshot(), workspace.clock.now, workspace.rules, tasks)


class OneCreatorsXingtu(RuleBasedStateMachine):
    """Every actor's actions, in any order, on one creator's workspace."""

    names = Bundle("names")

    def __init__(self) -> None:
        super().__init__()
        self.workspace = Workspace(CreatorAccount(followers=0))
        self.model = Model(0, Platform.DOUYIN)

    @initialize(
        followers=st.integers(0, 300_000),
        platform=st.sampled_from(Platform),
        rules=rules_in_force,
        opens_at_once=st.booleans(),
    )
    def a_creator_signs_up(self, followers: int, platform: Platform, rules: Rules, opens_at_once: bool) -> None:
        self.workspace = Workspace(CreatorAccount(followers=followers, platform=platform), rules)
        self.model = Model(followers, platform)
        if opens_at_once:
            self.the_creator_opens_xingtu()

    def refused(self, action: Callable[..., object], *args: object) -> XingtuError | None:
        """Try an action; the error if it was refused, after checking that the refusal changed nothing."""
        before = everything(self.workspace)
        try:
            action(*args)
        except (ActionRefused, InputError) as error:
            assert everything(self.workspace) == before
            return error
        return None

    def why_not(self, task: Task, trigger: str) -> Reason | None:
        """The SPEC's guards, written out again as the oracle: why this move must be refused, if it must."""
        rules, now = self.workspace.rules, self.workspace.clock.now
        deadline = task.published_at + rules.accept_window_hours
        if task.state not in TRIGGERS[trigger].sources:
            return Reason.NOT_ALLOWED
        if trigger == "accept" and not self.model.xingtu_open:
            return Reason.XINGTU_NOT_OPENED
        if trigger == "accept" and now >= deadline:
            return Reason.TASK_EXPIRED
        if trigger == CLOCK_MOVE.trigger and now < deadline:
            return Reason.NOT_ALLOWED
        if trigger == "request_script_changes" and task.script_changes >= rules.script_change_limit:
            return Reason.CHANGE_LIMIT_REACHED
        if trigger == "request_video_changes" and task.video_changes >= rules.video_change_limit:
            return Reason.CHANGE_LIMIT_REACHED
        return None

    # The creator's account

    @rule()
    def the_creator_opens_xingtu(self) -> None:
        needed = self.workspace.rules.followers_needed(self.model.platform)
        may = not self.model.xingtu_open and self.model.followers >= needed
        assert self.refused(self.workspace.open_xingtu) is not may
        if may:
            self.model.xingtu_open = self.model.receiving = True

    @rule()
    def the_creator_stops_receiving(self) -> None:
        may = self.model.xingtu_open and self.model.receiving
        assert self.refused(self.workspace.stop_receiving) is not may
        if may:
            self.model.receiving = False

    @rule()
    def the_creator_resumes_receiving(self) -> None:
        may = self.model.xingtu_open and not self.model.receiving
        assert self.refused(self.workspace.resume_receiving) is not may
        if may:
            self.model.receiving = True

    # Brands

    @rule(target=names, name=task_names, brand=st.text(max_size=8), price=prices)
    def a_brand_publishes_a_task(self, name: str, brand: str, price: Decimal | str | int) -> str:
        may = (
            readable(name)
            and readable(brand)
            and name not in self.model.tasks
            and self.model.xingtu_open
            and self.model.receiving
            and pays_something(price)
        )
        assert self.refused(self.workspace.publish, name, brand, price) is not may
        if may:
            task = self.workspace.task(name)
            assert (task.state, task.history, task.published_at) == (INITIAL_STATE, [], self.workspace.clock.now)
            assert task.price_fen == yuan_to_fen(price)
            self.model.tasks[name] = Expected()
        return name

    @rule(name=task_names, price=bad_prices)
    def a_brand_publishes_at_a_price_that_is_not_one(self, name: str, price: str) -> None:
        try:
            yuan_to_fen(price)
        except InputError:
            assert self.refused(self.workspace.publish, name, "Nike", price)

    # Moves on tasks, legal or not, by whoever the table says makes them

    @rule(name=names, trigger=st.sampled_from(ALL_TRIGGERS))
    def someone_fires_a_trigger(self, name: str, trigger: str) -> None:
        if name not in self.model.tasks:
            assert isinstance(self.refused(self.workspace.act, name, trigger), InputError)
            return
        task, expected = self.workspace.task(name), self.model.tasks[name]
        source, reason = task.state, self.why_not(task, trigger)
        refusal = self.refused(self.workspace.act, name, trigger)
        if reason is not None:
            assert isinstance(refusal, ActionRefused)
            assert (refusal.reason, refusal.task, refusal.state, refusal.action) == (reason, name, source.id, trigger)
            return
        assert refusal is None
        row, last = TRIGGERS[trigger], task.history[-1]
        assert (last.trigger, last.source, last.dest, last.actor) == (trigger, source, row.dest, row.actor)
        assert (last.time, task.state) == (self.workspace.clock.now, row.dest)
        expected.moves += 1
        expected.script_changes += trigger == "request_script_changes"
        expected.video_changes += trigger == "request_video_changes"
        if trigger == "pass_review":
            expected.fee_fen = _fee(task.price_fen, self.workspace.rules.service_fee_percent)
            expected.net_fen = task.price_fen - expected.fee_fen
        expected.breaches += trigger == "cancel"
        if task.state.terminal:
            expected.moves_when_ended = expected.moves

    @rule(name=names, data=st.data())
    def the_actors_make_a_run_of_moves_on_one_task(self, name: str, data: st.DataObject) -> None:
        """Mostly moves toward completion or detours the table has from here, now and then any move at all."""
        for _ in range(data.draw(st.integers(1, 20))):
            state = self.workspace.tasks[name].state if name in self.model.tasks else INITIAL_STATE
            forward = [edge.trigger for edge in shortest_paths_from(state).get(State.COMPLETED, ())[:1]]
            detours = [row.trigger for row in triggers_from(state) if not row.dest.terminal]
            pick = data.draw(st.integers(0, 6))
            kind = (forward if pick < 3 else detours if pick < 6 else ALL_TRIGGERS) or ALL_TRIGGERS
            self.someone_fires_a_trigger(name, data.draw(st.sampled_from(kind)))
            self.check_the_invariants()

    @rule(name=names, trigger=st.text(max_size=10).filter(lambda text: text not in TRIGGERS))
    def someone_fires_a_trigger_that_does_not_exist(self, name: str, trigger: str) -> None:
        assert self.refused(self.workspace.act, name, trigger)

    # The platform's clock, and the rules

    @rule(hours=st.integers(0, 100) | st.sampled_from([0, 1, 23, 24, 25, 24 * 365]))
    def time_passes(self, hours: int) -> None:
        before = self.workspace.account.snapshot()
        start = self.workspace.clock.now
        waiting = {task.name for task in self.workspace.pending_tasks()}
        lapsed = self.workspace.pass_time(hours)
        assert self.workspace.account == before
        assert self.workspace.clock.now == start + hours
        assert {task.name for task in lapsed} == {
            name for name in waiting if self.workspace.task(name).accept_deadline <= start + hours
        }
        for task in lapsed:
            expected = self.model.tasks[task.name]
            expected.moves += 1
            expected.moves_when_ended = expected.moves
            last = task.history[-1]
            assert (task.state, last.trigger, last.actor.value) == (State.EXPIRED, CLOCK_MOVE.trigger, "platform")
            assert last.time == max(start, task.accept_deadline)

    @rule(hours=st.integers(max_value=-1) | st.sampled_from([True, 1.5, "2", None]))
    def time_passes_by_something_that_is_not_hours(self, hours: object) -> None:
        assert self.refused(self.workspace.pass_time, hours)

    @rule(rules=rules_in_force)
    def the_rules_change_between_commands(self, rules: Rules) -> None:
        self.workspace.rules = rules

    # After every step (and after every move of a run)

    def check_the_invariants(self) -> None:
        self.declined_and_expired_tasks_never_touched_the_account()
        self.money_is_conserved()
        self.terminal_states_absorb()
        self.every_task_keeps_its_full_history()

    @invariant()
    def declined_and_expired_tasks_never_touched_the_account(self) -> None:
        for task in self.workspace:
            expected = self.model.tasks[task.name]
            if task.state in (State.DECLINED, State.EXPIRED):
                assert (expected.net_fen, expected.breaches) == (0, 0)
        assert self.workspace.account == self.model.account()

    @invariant()
    def money_is_conserved(self) -> None:
        for task in self.workspace:
            expected = self.model.tasks[task.name]
            assert task.fee_fen == expected.fee_fen
            if task.state is State.COMPLETED:
                assert task.fee_fen is not None
                assert expected.net_fen + task.fee_fen == task.price_fen
        balance = sum(self.model.tasks[task.name].net_fen for task in self.workspace if task.state is State.COMPLETED)
        assert self.workspace.account.balance_fen == balance
        assert self.workspace.account.breaches == sum(task.state is State.CANCELLED for task in self.workspace)

    @invariant()
    def terminal_states_absorb(self) -> None:
        for task in self.workspace:
            expected = self.model.tasks[task.name]
            if task.state in TERMINAL:
                assert task.possible_now() == []
                assert len(task.history) == expected.moves_when_ended
            else:
                assert expected.moves_when_ended is None

    @invariant()
    def every_task_keeps_its_full_history(self) -> None:
        for task in self.workspace:
            expected, history = self.model.tasks[task.name], task.history
            assert len(history) == expected.moves  # exactly one entry per successful move
            chain = [INITIAL_STATE, *(entry.dest for entry in history)]
            assert [entry.source for entry in history] == chain[:-1]
            assert chain[-1] is task.state
            times = [task.published_at, *(entry.time for entry in history), self.workspace.clock.now]
            assert times == sorted(times)
            for entry in history:
                row = TRIGGERS[entry.trigger]
                assert (entry.source in row.sources, entry.dest, entry.actor) == (True, row.dest, row.actor)
            assert (task.script_changes, task.video_changes) == (expected.script_changes, expected.video_changes)


OneCreatorsXingtu.TestCase.settings = settings(
    max_examples=examples(500),
    stateful_step_count=50,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
test_the_specs_invariants_hold_whatever_every_actor_does_in_any_order = OneCreatorsXingtu.TestCase


@settings(max_examples=examples(200), deadline=None)
@given(
    rules=rules_in_force,
    published=st.lists(
        st.tuples(task_names.filter(readable), prices.filter(pays_something)), max_size=5, unique_by=lambda p: p[0]
    ),
    waits=st.lists(st.integers(0, 24 * 30), min_size=1, max_size=6),
)
def test_a_creator_who_opens_xingtu_and_leaves_every_task_alone_ends_with_the_account_as_it_was(
    rules: Rules, published: list[tuple[str, Decimal | str | int]], waits: list[int]
) -> None:
    workspace = Workspace(CreatorAccount(followers=rules.followers_needed(Platform.DOUYIN)), rules)
    workspace.open_xingtu()
    before = workspace.account.snapshot()
    for name, price in published:
        workspace.publish(name, "Nike", price)
    for hours in [*waits, rules.accept_window_hours]:
        workspace.pass_time(hours)
    assert workspace.account == before
    assert {task.state for task in workspace} <= {State.EXPIRED}
