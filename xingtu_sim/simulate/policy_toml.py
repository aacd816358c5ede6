"""The policy as TOML: read from a file or text over a base policy, every bad key named; written back with comments."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from pathlib import Path
from types import MappingProxyType
from typing import Any

from xingtu_sim.domain.errors import InputError
from xingtu_sim.domain.lifecycle import CLOCK_MOVE, State, chosen_from
from xingtu_sim.domain.money import FEN_PER_YUAN, MAX_PRICE_YUAN, format_yuan
from xingtu_sim.domain.text import Text, _
from xingtu_sim.files.toml_checker import Checker, is_whole, load_toml, read_toml, shown
from xingtu_sim.i18n import available_languages, comment_lines, render
from xingtu_sim.simulate.defaults import DEFAULTS
from xingtu_sim.simulate.policy import (
    MAX_HOURS,
    MAX_STEPS,
    MOVING_STATES,
    MoveOdds,
    Policy,
    PriceOdds,
)

_TOLERANCE = 1e-9  # TOML decimals are binary floats: 0.1 + 0.2 must still count as 0.3
_FINAL_STATES = {state.id: state for state in State if state.terminal}
_Draft = dict[State, dict[str, dict[str, Any]]]  # state -> trigger -> {"probability": .., "hours": ..}


class PolicyError(InputError):
    """A policy file that cannot be used; names every bad key."""


def read_policy(path: Path) -> Policy:
    """A policy from a TOML file, checked before it is read; the defaults for what it leaves out."""
    return _build(read_toml(path, PolicyError, _("Policy file")), str(path), DEFAULT_POLICY)


def parse_policy(document: str, source: str, base: Policy | None = None) -> Policy:
    """A policy from TOML text: `base` (the defaults) for what it leaves out, an error naming each bad key."""
    return _build(load_toml(document, source, PolicyError), source, base or DEFAULT_POLICY)


def policy_to_toml(policy: Policy) -> str:
    """The policy as TOML with comments in both languages; reads back to an equal policy."""
    header = _("Behaviour policy for `xingtu-sim simulate`. Save it, change any part, pass it with --policy FILE.")
    hours = _(
        "Per move: its probability in its state (a state's moves add up to 1) and hours = [low, high], the hours it "
        "takes, picked evenly; a task still undecided when its accept window runs out lapses."
    )
    max_steps = _("moves a task may make; a task still moving after that counts as unfinished")
    lines = [*comment_lines(header), *comment_lines(hours), ""]
    lines += [*comment_lines(max_steps), f"max_steps = {policy.max_steps}", ""]
    yuan = ", ".join(_plain_yuan(price.price_fen) for price in policy.prices)
    odds = ", ".join(repr(price.probability) for price in policy.prices)
    prices = _("what tasks pay: prices in yuan and the probability of each")
    lines += [*comment_lines(prices), "[prices]", f"yuan = [{yuan}]", f"probability = [{odds}]", ""]
    for state in MOVING_STATES:
        assert state.mover is not None  # a moving state has someone whose turn it is
        turn = " / ".join(
            render(_("{action} ({actor})", action=state, actor=state.mover), lang) for lang in available_languages()
        )
        lines += [f"# {turn}", f"[{state.id}]"]
        for odds_of_move in policy.moves[state]:
            move = odds_of_move.transition
            low, high = odds_of_move.hours
            labels = " / ".join(
                render(_("{action} ({actor})", action=move, actor=move.actor), lang) for lang in available_languages()
            )
            lines.append(f"{move.trigger} = {{ probability = {odds_of_move.probability!r}, hours = [{low}, {high}] }}")
            lines[-1] += f"  # {labels}"
        lines.append("")
    return "\n".join(lines[:-1]) + "\n"


def _build(table: Mapping[str, Any], source: str, base: Policy | None) -> Policy:
    checker = Checker()
    draft = _draft(base)
    max_steps = base.max_steps if base else None
    prices: dict[str, list[Any]] = {}
    if base:
        prices = {"yuan": [p.price_fen for p in base.prices], "probability": [p.probability for p in base.prices]}
    states = {state.id: state for state in MOVING_STATES}
    for key, value in table.items():
        if key == "max_steps":
            max_steps = checker.whole(key, value, 1, MAX_STEPS)
        elif key == "prices":
            _read_prices(checker, value, prices)
        elif key in states:
            _read_moves(checker, states[key], value, draft[states[key]])
        elif key in _FINAL_STATES:
            checker.add(key, _("{state} is a final state: nobody moves from it", state=_FINAL_STATES[key]))
        else:
            checker.unknown(key, ["max_steps", "prices", *states])
    moves = {state: _finished_moves(checker, state, draft[state]) for state in MOVING_STATES}
    price_odds = _finished_prices(checker, prices)
    if "max_steps" not in table and max_steps is None:
        checker.missing("max_steps")
    checker.raise_if_any(PolicyError, _("Invalid policy in {source}:", source=source))
    assert max_steps is not None  # checked: present and valid, or a problem was raised
    return Policy(MappingProxyType(moves), price_odds, max_steps)


def _draft(base: Policy | None) -> _Draft:
    draft: _Draft = {state: {} for state in MOVING_STATES}
    for state, odds in (base.moves if base else {}).items():
        for move in odds:
            draft[state][move.transition.trigger] = {"probability": move.probability, "hours": move.hours}
    return draft


def _read_moves(checker: Checker, state: State, value: object, draft: dict[str, dict[str, Any]]) -> None:
    table = checker.table(state.id, value)
    known = {move.trigger for move in chosen_from(state)}
    for trigger, fields in (table or {}).items():
        key = f"{state.id}.{trigger}"
        if trigger not in known:
            checker.add(key, _not_a_move(state, trigger))
        elif not isinstance(fields, dict):
            checker.add(key, _("must be a table like {{ probability = 0.5, hours = [1, 4] }}"))
        else:
            _read_move_fields(checker, key, fields, draft.setdefault(trigger, {}))


def _not_a_move(state: State, trigger: str) -> Text:
    if trigger == CLOCK_MOVE.trigger and state in CLOCK_MOVE.sources:
        return _(
            "{trigger} is the clock's move: a task lapses by itself once its accept window "
            "(rule accept_window_hours) is over, so it takes no probability",
            trigger=trigger,
        )
    moves = ", ".join(t.trigger for t in chosen_from(state))
    return _("not a move in {state}; moves: {moves}", state=state, moves=moves)


def _read_move_fields(checker: Checker, key: str, fields: dict[str, Any], move: dict[str, Any]) -> None:
    for name, value in fields.items():
        if name == "probability":
            move[name] = checker.real(f"{key}.{name}", value, 0, 1)
        elif name == "hours":
            move[name] = _hours(checker, f"{key}.{name}", value)
        else:
            checker.unknown(f"{key}.{name}", ["probability", "hours"])


def _finished_moves(checker: Checker, state: State, draft: dict[str, dict[str, Any]]) -> tuple[MoveOdds, ...]:
    for move in chosen_from(state):
        for name in ("probability", "hours"):
            if name not in draft.get(move.trigger, {}):
                checker.missing(f"{state.id}.{move.trigger}.{name}")
    odds = [(move, draft.get(move.trigger, {})) for move in chosen_from(state)]
    probabilities = [(str(move.trigger), fields.get("probability")) for move, fields in odds]
    if all(probability is not None for _, probability in probabilities):
        _check_total(checker, state.id, probabilities)
    complete = [(move, fields) for move, fields in odds if None not in (fields.get("probability"), fields.get("hours"))]
    return tuple(MoveOdds(move, fields["probability"], fields["hours"]) for move, fields in complete)


def _check_total(checker: Checker, key: str, odds: Sequence[tuple[str, float | None]]) -> None:
    total = math.fsum(probability or 0.0 for _, probability in odds)
    if abs(total - 1) > _TOLERANCE:
        listed = ", ".join(f"{name} {probability!r}" for name, probability in odds)
        written = f"{total:.9g}"
        checker.add(key, _("the probabilities add up to {total}, not 1 ({odds})", total=written, odds=listed))


def _read_prices(checker: Checker, value: object, prices: dict[str, Any]) -> None:
    for name, items in (checker.table("prices", value) or {}).items():
        key = f"prices.{name}"
        if name not in ("yuan", "probability"):
            checker.unknown(key, ["yuan", "probability"])
        elif (listed := checker.items(key, items)) is None:
            continue
        elif name == "yuan":
            prices[name] = [_price_fen(checker, key, item) for item in listed]
        else:
            prices[name] = [checker.real(key, item, 0, 1) for item in listed]


def _price_fen(checker: Checker, key: str, value: object) -> int | None:
    yuan = checker.decimal(key, value, 0, MAX_PRICE_YUAN, places=2)
    return None if yuan is None else int(yuan * FEN_PER_YUAN)


def _finished_prices(checker: Checker, prices: dict[str, Any]) -> tuple[PriceOdds, ...]:
    fen, odds = prices.get("yuan"), prices.get("probability")
    if fen is None or odds is None:
        for name in ("yuan", "probability"):
            if name not in prices:
                checker.missing(f"prices.{name}")
        return ()
    if len(fen) != len(odds):
        problem = _("yuan lists {prices} prices but probability lists {odds}", prices=len(fen), odds=len(odds))
        checker.add("prices", problem)
        return ()
    if None in fen or None in odds:
        return ()
    _check_total(checker, "prices.probability", [(_plain_yuan(f), p) for f, p in zip(fen, odds, strict=True)])
    return tuple(PriceOdds(f, p) for f, p in zip(fen, odds, strict=True))


def _hours(checker: Checker, key: str, value: object) -> tuple[int, int] | None:
    pair = [value, value] if is_whole(value) else value
    if not (isinstance(pair, list) and len(pair) == 2 and all(is_whole(hours) for hours in pair)):
        checker.add(key, _("must be whole hours, e.g. 4, or a range [low, high], got {value}", value=shown(value)))
        return None
    low, high = pair
    if low < 0 or high < 0:
        checker.add(key, _("hours cannot be negative, got {value}", value=shown(value)))
    elif high > MAX_HOURS:
        checker.add(key, _("must be between {low} and {high}, got {value}", low=0, high=MAX_HOURS, value=shown(value)))
    elif low > high:
        checker.add(key, _("the low end {low} is above the high end {high}", low=low, high=high))
    else:
        return low, high
    return None


def _plain_yuan(fen: int) -> str:
    """1000 for 1000.00 yuan and 10.5 for 10.50: what TOML reads back to the same amount."""
    return format_yuan(fen).rstrip("0").rstrip(".")


DEFAULT_POLICY = _build(DEFAULTS, "defaults", None)
