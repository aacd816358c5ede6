"""How fast the simulator is: a million tasks through the command, and each way of simulating per task.

Run: python benchmarks/bench_simulate.py      (exits 1 if a goal is missed)
Goals: `xingtu-sim simulate --orders 1000000 --json` in at most 2 s wall, start-up included, and at most
500 MB peak memory; the compiled engine at least 5x faster per task than a plain-Python loop over a dict
transition table that makes the same moves from the same draws (the pure-Python floor).
"""

from __future__ import annotations

import resource
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

from xingtu_sim import DEFAULT_RULES, Rules, State, service_fee
from xingtu_sim.domain.lifecycle import AWAITING_DECISION, CLOCK_MOVE, EDGES, Effect, Guard
from xingtu_sim.simulate import DEFAULT_POLICY, Policy
from xingtu_sim.simulate.choices import Choices, hours_taken
from xingtu_sim.simulate.compiled import simulate_compiled
from xingtu_sim.simulate.draws import Draws
from xingtu_sim.simulate.outcomes import UNFINISHED, Outcomes, code_of
from xingtu_sim.simulate.transitions_engine import simulate_with_transitions

MILLION = 1_000_000
SEED = 2024
Engine = Callable[[int, int, Policy, Rules], Outcomes]


def plain_python(orders: int, seed: int, policy: Policy, rules: Rules) -> Outcomes:
    """The same simulation as a plain loop over a dict transition table: the pure-Python floor."""
    choices, draws = Choices.of(policy), Draws(seed, orders)
    dest = {(edge.source, edge.trigger): edge.dest for edge in EDGES}
    deadline = rules.accept_window_hours
    price = [choices.price_fen(draw) for draw in draws.prices().tolist()]
    net = {fen: fen - service_fee(fen, rules.service_fee_percent) for fen in set(price)}
    state, hours = [State.PENDING_RECEIPT] * orders, [0] * orders
    script, video, balance, breaches, accepted = (
        [0] * orders,
        [0] * orders,
        [0] * orders,
        [0] * orders,
        [False] * orders,
    )
    holds: dict[Guard, Callable[[int], bool]] = {
        Guard.XINGTU_OPEN: lambda task: True,
        Guard.WITHIN_ACCEPT_WINDOW: lambda task: hours[task] < deadline,
        Guard.ACCEPT_WINDOW_OVER: lambda task: hours[task] >= deadline,
        Guard.UNDER_SCRIPT_CHANGE_LIMIT: lambda task: script[task] < rules.script_change_limit,
        Guard.UNDER_VIDEO_CHANGE_LIMIT: lambda task: video[task] < rules.video_change_limit,
    }
    moving = list(range(orders))
    for _ in range(policy.max_steps):
        if not moving:
            break
        move_draws, hour_draws = (block.tolist() for block in draws.step())
        still = []
        for task in moving:
            now, move_draw, hour_draw = state[task], move_draws[task], hour_draws[task]
            allowed = 0
            for slot, odds in enumerate(policy.moves[now]):
                if all(holds[guard](task) for guard in odds.transition.guards):
                    allowed |= 1 << slot
            move = choices.move(now, allowed, move_draw)
            if move is None:
                continue
            arrive = hours[task] + hours_taken(move, hour_draw)
            if now in AWAITING_DECISION and arrive >= deadline:
                state[task], hours[task] = dest[now, CLOCK_MOVE.trigger], deadline
            else:
                state[task], hours[task] = dest[now, move.transition.trigger], arrive
                accepted[task] = accepted[task] or state[task] is State.ACCEPTED
                for effect in move.transition.effects:
                    if effect is Effect.COUNT_SCRIPT_CHANGE:
                        script[task] += 1
                    elif effect is Effect.COUNT_VIDEO_CHANGE:
                        video[task] += 1
                    elif effect is Effect.CREDIT_NET_PAY:
                        balance[task] += net[price[task]]
                    else:
                        breaches[task] += 1
            if not state[task].terminal:
                still.append(task)
        moving = still
    return Outcomes(
        state=np.array([code_of(s) if s.terminal else UNFINISHED for s in state], np.int8),
        script_changes=np.array(script, np.int16),
        video_changes=np.array(video, np.int16),
        hours=np.array(hours, np.int32),
        price_fen=np.array(price, np.int64),
        accepted=np.array(accepted, np.bool_),
        balance_fen=np.array(balance, np.int64),
        breaches=np.array(breaches, np.int16),
    )


def run_the_command(orders: int) -> float:
    """Wall seconds for the command as a user runs it, start-up included."""
    command = [str(Path(sys.executable).with_name("xingtu-sim")), "simulate", "--orders", str(orders), "--json"]
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def per_task(engine: Engine, orders: int) -> tuple[float, Outcomes]:
    started = time.perf_counter()
    outcomes = engine(orders, SEED, DEFAULT_POLICY, DEFAULT_RULES)
    return (time.perf_counter() - started) / orders, outcomes


def verdict(met: bool) -> str:
    return "ok" if met else "MISSED"


def main() -> int:
    walls = [run_the_command(MILLION) for _ in range(3)]
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # Linux reports KiB
    print(f"xingtu-sim simulate --orders {MILLION:,} --json   (a fresh process each time, start-up included)")
    tries = ", ".join(f"{wall:.2f}" for wall in walls)
    print(f"  wall time: {tries} s in 3 runs   goal <= 2 s every run: {verdict(max(walls) <= 2)}")
    print(f"  peak memory (child max RSS): {peak_mb:.0f} MB   goal <= 500 MB: {verdict(peak_mb <= 500)}")

    simulate_compiled(10_000, SEED, DEFAULT_POLICY, DEFAULT_RULES)  # warm up imports and caches
    compiled, _ = min((per_task(simulate_compiled, MILLION) for _ in range(3)), key=lambda run: run[0])
    floor, floor_out = per_task(plain_python, 100_000)
    machine, machine_out = per_task(simulate_with_transitions, 20_000)
    agree = not floor_out.differences(simulate_compiled(100_000, SEED, DEFAULT_POLICY, DEFAULT_RULES))
    agree = agree and not machine_out.differences(simulate_compiled(20_000, SEED, DEFAULT_POLICY, DEFAULT_RULES))
    print("\nper task, same seed and draws (in-process, start-up excluded):")
    print(f"  {'engine':<36}{'tasks':>11}{'per task':>13}{'vs compiled':>14}")
    for name, tasks, seconds in [
        ("compiled (NumPy arrays)", MILLION, compiled),
        ("plain-Python loop, dict table", 100_000, floor),
        ("transitions Machine (Task.fire)", 20_000, machine),
    ]:
        print(f"  {name:<36}{tasks:>11,}{seconds * 1e6:>10.2f} µs{seconds / compiled:>13.1f}x")
    print(f"  every task's outcome identical across the three: {'yes' if agree else 'NO'}")
    print(
        f"compiled vs plain-Python loop: {floor / compiled:.1f}x faster   goal >= 5x: {verdict(floor / compiled >= 5)}"
    )
    print(f"compiled vs transitions Machine: {machine / compiled:.0f}x faster")
    met = max(walls) <= 2 and peak_mb <= 500 and floor / compiled >= 5 and agree
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
