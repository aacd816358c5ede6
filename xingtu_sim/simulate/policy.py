"""The behaviour policy: how likely each move is, how long it takes, and what tasks pay."""

from __future__ import annotations

import math
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any

from xingtu_sim.domain.errors import InputError, Message, key_problem, message, unreadable
from xingtu_sim.domain.lifecycle import CLOCK_MOVE, State, Transition, chosen_from
from xingtu_sim.domain.money import format_yuan, yuan_to_fen
from xingtu_sim.i18n import LANGS, comment_lines, text
from xingtu_sim.simulate.defaults import DEFAULTS

MAX_HOURS = 24 * 365  # one move never takes more than a year
MAX_STEPS = 10_000
MAX_PRICE_YUAN = 10_000_000  # keeps a million tasks' money inside 64-bit integers
_TOLERANCE = 1e-9  # TOML decimals are binary floats: 0.1 + 0.2 must still count as 0.3


MOVING_STATES = tuple(state for state in State if not state.terminal)
_FINAL_STATES = {state.id: state for state in State if state.terminal}


@dataclass(frozen=True)
class MoveOdds:
    """One move's chance in its state and the hours it takes: a whole number picked evenly from low to high."""

    transition: Transition
    probability: float
    hours: tuple[int, int]


@dataclass(frozen=True)
class PriceOdds:
    """One price a task may pay, and how likely it is."""

    price_fen: int
    probability: float


@dataclass(frozen=True)
class Policy:
    """How the simulated creators, brands and platform behave, and what tasks pay."""

    moves: Mapping[State, tuple[MoveOdds, ...]]
    prices: tuple[PriceOdds, ...]
    max_steps: int


class PolicyError(InputError):
    """A policy file that cannot be used; names every bad key."""


_Problems = list[tuple[str, Message]]
_Draft = dict[State, dict[str, dict[str, Any]]]  # state -> trigger -> {"probability": .., "hours": ..}


def parse_policy(document: str, source: str, base: Policy | None = None) -> Policy:
    """A policy from TOML text: `base` (the defaults) for what it leaves out, an error naming each bad key."""
    try:
        table = tomllib.loads(document)
    except tomllib.TOMLDecodeError as error:
        raise PolicyError(message("rules.not_toml", source=source, error=str(error))) from None
    return _build(table, source, base or DEFAULT_POLICY)


def read_policy(path: Path) -> Policy:
    """A policy from a TOML file; an unreadable file is an input error, not a traceback."""
    try:
        document = path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise PolicyError(message("policy.unreadable", source=path, error=unreadable(error))) from None
    return parse_policy(document, str(path))


def policy_to_toml(policy: Policy) -> str:
    """The policy as TOML with comments in both languages; reads back to an equal policy."""
    lines = [*comment_lines("policy.comment.header"), *comment_lines("policy.comment.hours"), ""]
    lines += [*comment_lines("policy.comment.max_steps"), f"max_steps = {policy.max_steps}", ""]
    yuan = ", ".join(_plain_yuan(price.price_fen) for price in policy.prices)
    odds = ", ".join(repr(price.probability) for price in policy.prices)
    lines += [*comment_lines("policy.comment.prices"), "[prices]", f"yuan = [{yuan}]", f"probability = [{odds}]", ""]
    for state in MOVING_STATES:
        assert state.mover is not None  # a moving state has someone whose turn it is
        turn = " / ".join(text("move", lang, action=state.label(lang), actor=state.mover.label(lang)) for lang in LANGS)
        lines += [f"# {turn}", f"[{state.id}]"]
        for odds_of_move in policy.moves[state]:
            move = odds_of_move.transition
            low, high = odds_of_move.hours
            labels = " / ".join(
                text("move", lang, action=move.label(lang), actor=move.actor.label(lang)) for lang in LANGS
            )
            lines.append(f"{move.trigger} = {{ probability = {odds_of_move.probability!r}, hours = [{low}, {high}] }}")
            lines[-1] += f"  # {labels}"
        lines.append("")
    return "\n".join(lines[:-1]) + "\n"


def _build(table: Mapping[str, Any], source: str, base: Policy | None) -> Policy:
    problems: _Problems = []
    draft = _draft(base)
    max_steps = base.max_steps if base else None
    prices: dict[str, list[Any]] = {}
    if base:
        prices = {"yuan": [p.price_fen for p in base.prices], "probability": [p.probability for p in base.prices]}
    states = {state.id: state for state in MOVING_STATES}
    for key, value in table.items():
        if key == "max_steps":
            max_steps = _whole(key, value, 1, MAX_STEPS, problems)
        elif key == "prices":
            _read_prices(value, prices, problems)
        elif key in states:
            _read_moves(states[key], value, draft[states[key]], problems)
        elif key in _FINAL_STATES:
            problems.append((key, message("policy.final_state", state=_FINAL_STATES[key])))
        else:
            problems.append((key, message("rules.unknown_key", known=", ".join(["max_steps", "prices", *states]))))
    moves = {state: _finished_moves(state, draft[state], problems) for state in MOVING_STATES}
    price_odds = _finished_prices(prices, problems)
    if max_steps is None:
        problems.append(("max_steps", message("policy.missing")))
    if problems or max_steps is None:
        header = message("policy.invalid", source=source)
        raise PolicyError(header, *(key_problem(key, problem) for key, problem in problems))
    return Policy(MappingProxyType(moves), price_odds, max_steps)


def _draft(base: Policy | None) -> _Draft:
    draft: _Draft = {state: {} for state in MOVING_STATES}
    for state, odds in (base.moves if base else {}).items():
        for move in odds:
            draft[state][move.transition.trigger] = {"probability": move.probability, "hours": move.hours}
    return draft


def _read_moves(state: State, value: object, draft: dict[str, dict[str, Any]], problems: _Problems) -> None:
    if not isinstance(value, dict):
        problems.append((state.id, message("rules.not_table")))
        return
    known = {move.trigger for move in chosen_from(state)}
    for trigger, fields in value.items():
        key = f"{state.id}.{trigger}"
        if trigger not in known:
            problems.append((key, _not_a_move(state, trigger)))
        elif not isinstance(fields, dict):
            problems.append((key, message("policy.move_not_table")))
        else:
            _read_move_fields(key, fields, draft.setdefault(trigger, {}), problems)


def _not_a_move(state: State, trigger: str) -> Message:
    if trigger == CLOCK_MOVE.trigger and state in CLOCK_MOVE.sources:
        return message("policy.clock_move", trigger=trigger)
    moves = ", ".join(t.trigger for t in chosen_from(state))
    return message("policy.not_a_move", state=state, moves=moves)


def _read_move_fields(key: str, fields: dict[str, Any], move: dict[str, Any], problems: _Problems) -> None:
    for name, value in fields.items():
        if name == "probability":
            move[name] = _probability(f"{key}.{name}", value, problems)
        elif name == "hours":
            move[name] = _hours(f"{key}.{name}", value, problems)
        else:
            problems.append((f"{key}.{name}", message("rules.unknown_key", known="probability, hours")))


def _finished_moves(state: State, draft: dict[str, dict[str, Any]], problems: _Problems) -> tuple[MoveOdds, ...]:
    for move in chosen_from(state):
        missing = [name for name in ("probability", "hours") if name not in draft.get(move.trigger, {})]
        problems.extend((f"{state.id}.{move.trigger}.{name}", message("policy.missing")) for name in missing)
    odds = [(move, draft.get(move.trigger, {})) for move in chosen_from(state)]
    probabilities = [(move.trigger, fields.get("probability")) for move, fields in odds]
    if all(probability is not None for _, probability in probabilities):
        _check_total(state.id, probabilities, problems)
    complete = [(move, fields) for move, fields in odds if None not in (fields.get("probability"), fields.get("hours"))]
    return tuple(MoveOdds(move, fields["probability"], fields["hours"]) for move, fields in complete)


def _check_total(key: str, odds: Sequence[tuple[str, float | None]], problems: _Problems) -> None:
    total = math.fsum(probability or 0.0 for _, probability in odds)
    if abs(total - 1) > _TOLERANCE:
        listed = ", ".join(f"{name} {probability!r}" for name, probability in odds)
        problems.append((key, message("policy.not_one", total=f"{total:.9g}", odds=listed)))


def _read_prices(value: object, prices: dict[str, Any], problems: _Problems) -> None:
    if not isinstance(value, dict):
        problems.append(("prices", message("rules.not_table")))
        return
    for name, items in value.items():
        key = f"prices.{name}"
        if name not in ("yuan", "probability"):
            problems.append((key, message("rules.unknown_key", known="yuan, probability")))
        elif not isinstance(items, list) or not items:
            problems.append((key, message("policy.not_list")))
        elif name == "yuan":
            prices[name] = [_price_fen(key, item, problems) for item in items]
        else:
            prices[name] = [_probability(key, item, problems) for item in items]


def _finished_prices(prices: dict[str, Any], problems: _Problems) -> tuple[PriceOdds, ...]:
    fen, odds = prices.get("yuan"), prices.get("probability")
    if fen is None or odds is None:
        problems.extend(
            (f"prices.{name}", message("policy.missing")) for name in ("yuan", "probability") if name not in prices
        )
        return ()
    if len(fen) != len(odds):
        problems.append(("prices", message("policy.prices_length", prices=len(fen), odds=len(odds))))
        return ()
    if None in fen or None in odds:
        return ()
    _check_total("prices.probability", [(_plain_yuan(f), p) for f, p in zip(fen, odds, strict=True)], problems)
    return tuple(PriceOdds(f, p) for f, p in zip(fen, odds, strict=True))


def _probability(key: str, value: object, problems: _Problems) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        problems.append((key, message("rules.not_number", value=value)))
        return None
    if not 0 <= value <= 1:
        problems.append((key, message("rules.out_of_range", low=0, high=1, value=value)))
        return None
    return float(value)


def _hours(key: str, value: object, problems: _Problems) -> tuple[int, int] | None:
    pair = [value, value] if isinstance(value, int) and not isinstance(value, bool) else value
    if not (isinstance(pair, list) and len(pair) == 2 and all(_is_whole(hours) for hours in pair)):
        problems.append((key, message("policy.hours_shape", value=value)))
        return None
    low, high = pair
    if low < 0 or high < 0:
        problems.append((key, message("policy.hours_negative", value=value)))
    elif high > MAX_HOURS:
        problems.append((key, message("rules.out_of_range", low=0, high=MAX_HOURS, value=value)))
    elif low > high:
        problems.append((key, message("policy.hours_order", low=low, high=high)))
    else:
        return low, high
    return None


def _price_fen(key: str, value: object, problems: _Problems) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int | float) or math.isnan(value):
        problems.append((key, message("rules.not_number", value=value)))
        return None
    try:
        fen = yuan_to_fen(str(value))
    except InputError as error:
        problems.append((key, error.lines[0]))
        return None
    if fen > MAX_PRICE_YUAN * 100:
        problems.append((key, message("rules.out_of_range", low=0, high=MAX_PRICE_YUAN, value=value)))
        return None
    return fen


def _whole(key: str, value: object, low: int, high: int, problems: _Problems) -> int | None:
    if not _is_whole(value):
        problems.append((key, message("rules.not_whole", value=value)))
        return None
    assert isinstance(value, int)
    if not low <= value <= high:
        problems.append((key, message("rules.out_of_range", low=low, high=high, value=value)))
        return None
    return value


def _is_whole(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _plain_yuan(fen: int) -> str:
    """1000 for 1000.00 yuan and 10.5 for 10.50: what TOML reads back to the same amount."""
    return format_yuan(fen).rstrip("0").rstrip(".")


DEFAULT_POLICY = _build(DEFAULTS, "defaults", None)
