"""The compiled engine: the lifecycle table as arrays, every task moved at once with NumPy."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields
from typing import assert_never

import numpy as np
from numpy.typing import NDArray

from xingtu_sim.domain.lifecycle import CLOCK_MOVE, Effect, Guard, State
from xingtu_sim.domain.money import service_fee
from xingtu_sim.domain.rules import Rules
from xingtu_sim.simulate.choices import Choices
from xingtu_sim.simulate.draws import Draws
from xingtu_sim.simulate.outcomes import STATES, UNFINISHED, Outcomes, code_of
from xingtu_sim.simulate.policy import MOVING_STATES, Policy

Bools = NDArray[np.bool_]


@dataclass(frozen=True)
class CompiledLifecycle:
    """The lifecycle table and the policy as arrays."""

    # A move is `state * width + slot`; a row of the choice tables is `state << width | allowed slots`.

    width: int
    dest: NDArray[np.int8]  # per move: the state it leads to
    low: NDArray[np.int32]  # per move: the fewest hours it takes
    span: NDArray[np.float64]  # per move: how many whole hours it may take
    accepts: Bools  # per move: it leads to accepted
    effects: Mapping[Effect, Bools]  # per move: it has the effect
    guarded: Mapping[Guard, NDArray[np.uint8]]  # per state: the slots that need the guard, as bits
    slots: NDArray[np.uint8]  # per state: all its slots, as bits
    cuts: tuple[NDArray[np.float64], ...]  # width - 1 thresholds per row
    stuck: Bools  # per row: no allowed move is likely
    lapses: Bools  # per state: the clock lapses it once the accept window is over
    lapse_dest: int
    terminal: Bools  # per state
    price_cuts: NDArray[np.float64]
    price_fen: NDArray[np.int64]  # per price
    net_fen: NDArray[np.int64]  # per price: what the creator keeps after money.service_fee


def compile_lifecycle(policy: Policy, rules: Rules) -> CompiledLifecycle:
    """Arrays derived from the lifecycle table (through the policy's moves, which are its rows)."""
    choices = Choices.of(policy)
    width, states = choices.width, len(STATES)
    moves = [(code_of(state), slot, odds) for state in MOVING_STATES for slot, odds in enumerate(policy.moves[state])]
    dest = np.array([code_of(state) for state in STATES for _ in range(width)], np.int8)  # unused slots stay put
    low, span = np.zeros(states * width, np.int32), np.ones(states * width, np.float64)
    effects = {effect: np.zeros(states * width, np.bool_) for effect in Effect}
    guarded = {guard: np.zeros(states, np.uint8) for guard in Guard}
    slots = np.zeros(states, np.uint8)
    for state, slot, odds in moves:
        move = state * width + slot
        dest[move] = code_of(odds.transition.dest)
        low[move], span[move] = odds.hours[0], odds.hours[1] - odds.hours[0] + 1
        slots[state] |= 1 << slot
        for effect in odds.transition.effects:
            effects[effect][move] = True
        for guard in odds.transition.guards:
            guarded[guard][state] |= 1 << slot
    rows = [choices.thresholds.get((state, allowed)) for state in STATES for allowed in range(1 << width)]
    cuts = tuple(np.array([row[cut] if row else 1.0 for row in rows]) for cut in range(width - 1))
    fees = [service_fee(price.price_fen, rules.service_fee_percent) for price in policy.prices]
    return CompiledLifecycle(
        width=width,
        dest=dest,
        low=low,
        span=span,
        accepts=dest == code_of(State.ACCEPTED),
        effects=effects,
        guarded={guard: bits for guard, bits in guarded.items() if bits.any()},
        slots=slots,
        cuts=cuts,
        stuck=np.array([row is None for row in rows]),
        lapses=np.array([state in CLOCK_MOVE.sources for state in STATES]),
        lapse_dest=code_of(CLOCK_MOVE.dest),
        terminal=np.array([state.terminal for state in STATES]),
        price_cuts=np.array(choices.price_thresholds, np.float64),
        price_fen=np.array([price.price_fen for price in policy.prices], np.int64),
        net_fen=np.array([p.price_fen - fee for p, fee in zip(policy.prices, fees, strict=True)], np.int64),
    )


@dataclass
class _Moving:
    """The tasks still moving, in task order; finished ones are dropped after each step."""

    number: NDArray[np.int64]
    state: NDArray[np.int8]
    hours: NDArray[np.int32]
    script_changes: NDArray[np.int16]
    video_changes: NDArray[np.int16]
    accepted: Bools

    def keep(self, still: Bools) -> _Moving:
        return _Moving(*(getattr(self, f.name)[still] for f in fields(self)))

    def record(self, done: Bools, outcomes: Outcomes, table: CompiledLifecycle) -> None:
        number, state = self.number[done], self.state[done]
        outcomes.state[number] = np.where(table.terminal[state], state, UNFINISHED)
        outcomes.hours[number] = self.hours[done]
        outcomes.script_changes[number] = self.script_changes[done]
        outcomes.video_changes[number] = self.video_changes[done]
        outcomes.accepted[number] = self.accepted[done]


def simulate_compiled(
    orders: int, seed: int, policy: Policy, rules: Rules, progress: Callable[[int], None] | None = None
) -> Outcomes:
    """Every task at once, one move per step, with the same draws as the transitions engine."""
    table, draws = compile_lifecycle(policy, rules), Draws(seed, orders)
    outcomes = Outcomes.empty(orders)  # also every creator's account: balance_fen and breaches
    price = np.searchsorted(table.price_cuts, draws.prices(), side="right")
    outcomes.price_fen[:] = table.price_fen[price]
    tasks = _Moving(
        number=np.arange(orders),
        state=np.full(orders, code_of(State.PENDING_RECEIPT), np.int8),
        hours=np.zeros(orders, np.int32),
        script_changes=np.zeros(orders, np.int16),
        video_changes=np.zeros(orders, np.int16),
        accepted=np.zeros(orders, np.bool_),
    )
    for _ in range(policy.max_steps):
        if not len(tasks.number):
            break
        move_draws, hour_draws = draws.step()
        done = _step(tasks, table, rules, outcomes, price, move_draws[tasks.number], hour_draws[tasks.number])
        tasks.record(done, outcomes, table)
        tasks = tasks.keep(~done)
        if progress:
            progress(int(np.count_nonzero(done)))
    tasks.record(np.ones(len(tasks.number), np.bool_), outcomes, table)  # still moving at the cap: unfinished
    if progress and len(tasks.number):
        progress(len(tasks.number))
    return outcomes


def _step(
    tasks: _Moving,
    table: CompiledLifecycle,
    rules: Rules,
    accounts: Outcomes,
    price: NDArray[np.intp],
    move_draw: NDArray[np.float64],
    hour_draw: NDArray[np.float64],
) -> Bools:
    """One move for every moving task, as the transitions engine makes it; returns which tasks are done."""
    state = tasks.state.astype(np.intp)
    allowed = table.slots[state]
    for guard, slots in table.guarded.items():
        holds = _holds(guard, tasks, rules)
        if holds is not None:
            allowed = np.where(holds, allowed, allowed & ~slots[state])
    row = (state << table.width) | allowed
    slot = sum((move_draw >= cut[row] for cut in table.cuts), np.zeros(len(state), np.intp))
    move = state * table.width + slot
    arrive = tasks.hours + table.low[move] + (hour_draw * table.span[move]).astype(np.int32)
    stuck = table.stuck[row]
    deadline = rules.accept_window_hours  # every task was published at hour 0
    lapsed = table.lapses[state] & (arrive >= deadline) & ~stuck
    moved = ~(stuck | lapsed)
    tasks.state = np.where(moved, table.dest[move], np.where(lapsed, table.lapse_dest, tasks.state))
    tasks.hours = np.where(moved, arrive, np.where(lapsed, deadline, tasks.hours))
    tasks.accepted |= moved & table.accepts[move]
    for effect, flagged in table.effects.items():
        hit = np.flatnonzero(moved & flagged[move])
        if len(hit):
            _apply(effect, hit, tasks, accounts, table.net_fen[price[tasks.number[hit]]])
    done: Bools = stuck | table.terminal[tasks.state]
    return done


def _holds(guard: Guard, tasks: _Moving, rules: Rules) -> Bools | None:
    """Where the guard holds for each moving task; None when it always holds here. mypy checks every guard is here."""
    match guard:
        case Guard.XINGTU_OPEN:
            return None  # every simulated creator opened Xingtu before the task was published
        case Guard.WITHIN_ACCEPT_WINDOW:
            return tasks.hours < rules.accept_window_hours
        case Guard.ACCEPT_WINDOW_OVER:
            return tasks.hours >= rules.accept_window_hours
        case Guard.UNDER_SCRIPT_CHANGE_LIMIT:
            return tasks.script_changes < rules.script_change_limit
        case Guard.UNDER_VIDEO_CHANGE_LIMIT:
            return tasks.video_changes < rules.video_change_limit
        case _:
            assert_never(guard)


def _apply(
    effect: Effect, hit: NDArray[np.intp], tasks: _Moving, accounts: Outcomes, net_fen: NDArray[np.int64]
) -> None:
    """The effect on the tasks in `hit` and their creators' accounts. mypy checks every effect is here."""
    match effect:
        case Effect.COUNT_SCRIPT_CHANGE:
            tasks.script_changes[hit] += 1
        case Effect.COUNT_VIDEO_CHANGE:
            tasks.video_changes[hit] += 1
        case Effect.CREDIT_NET_PAY:
            accounts.balance_fen[tasks.number[hit]] += net_fen
        case Effect.ADD_BREACH:
            accounts.breaches[tasks.number[hit]] += 1
        case _:
            assert_never(effect)
