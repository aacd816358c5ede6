"""The report on a simulation: outcomes, money, change requests, hours, and the no-op check."""

from __future__ import annotations

import json
import unicodedata
from decimal import Decimal
from typing import Any

import numpy as np

from xingtu_sim.domain.lifecycle import AWAITING_DECISION, TRANSITIONS, State
from xingtu_sim.domain.money import format_yuan, service_fee
from xingtu_sim.domain.rules import Rules
from xingtu_sim.domain.text import Text, _, ngettext, pgettext
from xingtu_sim.i18n import Lang, render
from xingtu_sim.simulate.outcomes import STATES, UNFINISHED, Outcomes, code_of

# The endings of a task nobody accepted: declined or expired, straight from awaiting a decision.
NEVER_ACCEPTED = tuple(t.dest for t in TRANSITIONS if t.dest.terminal and set(t.sources) <= AWAITING_DECISION)
PERCENTILES = (50, 90, 99)


def summarise(outcomes: Outcomes, rules: Rules, seed: int) -> dict[str, Any]:
    """The report as plain data: the same outcomes and inputs give the same JSON, byte for byte."""
    orders = len(outcomes.state)
    counts = np.bincount(outcomes.state.astype(np.intp) - UNFINISHED, minlength=len(STATES) - UNFINISHED)
    ends = {state.id: int(counts[code_of(state) - UNFINISHED]) for state in STATES if state.terminal}
    completed = outcomes.state == code_of(State.COMPLETED)
    prices, tasks_at_price = np.unique(outcomes.price_fen[completed], return_counts=True)
    pairs = [(int(price), int(count)) for price, count in zip(prices, tasks_at_price, strict=True)]
    never = np.isin(outcomes.state, [code_of(state) for state in NEVER_ACCEPTED])
    touched = (outcomes.balance_fen != 0) | (outcomes.breaches != 0)
    accepted = int(np.count_nonzero(outcomes.accepted))
    return {
        "orders": orders,
        "seed": seed,
        "outcomes": ends | {"unfinished": int(counts[0])},
        "accepted": accepted,
        "acceptance_rate": round(accepted / orders, 4),
        "gross_yuan": format_yuan(sum(price * count for price, count in pairs)),
        "fee_yuan": format_yuan(sum(service_fee(price, rules.service_fee_percent) * count for price, count in pairs)),
        "net_yuan": format_yuan(int(outcomes.balance_fen.sum())),  # what the accounts hold, counted apart
        "service_fee_percent": _plain(rules.service_fee_percent),
        "change_requests": {
            "script": _changes(outcomes.script_changes, rules.script_change_limit, accepted),
            "video": _changes(outcomes.video_changes, rules.video_change_limit, accepted),
        },
        "hours_to_completion": _percentiles(outcomes.hours[completed]),
        "breaches": int(outcomes.breaches.sum()),
        "never_accepted": {
            "tasks": int(np.count_nonzero(never)),
            "accounts_changed": int(np.count_nonzero(never & touched)),
        },
    }


def report_json(summary: dict[str, Any]) -> str:
    return json.dumps(summary, ensure_ascii=False, indent=2)


def report_table(summary: dict[str, Any], engine: str, lang: Lang) -> str:
    """The report for a terminal, in the reader's language."""
    orders = summary["orders"]
    shown_orders, percent = f"{orders:,}", f"{summary['service_fee_percent']}%"
    title = ngettext(
        "Simulated {orders} task (seed {seed}, {engine}).",
        "Simulated {orders} tasks (seed {seed}, {engine}).",
        orders,
        orders=shown_orders,
        seed=summary["seed"],
        engine=_ENGINES[engine],
    )
    tasks, share = render(pgettext("a count of tasks", "Tasks"), lang), render(_("Share"), lang)
    rows: list[tuple[Text, str, str]] = [(_("Outcome"), tasks, share)]
    for end, count in summary["outcomes"].items():
        label = _("unfinished") if end == "unfinished" else State.by_id(end).label
        rows.append((f"  {render(label, lang)}", f"{count:,}", _share(count, orders)))
    rows.append((_("Accepted at some point"), f"{summary['accepted']:,}", _share(summary["accepted"], orders)))
    money = [
        (_("Paid by brands (completed)"), summary["gross_yuan"]),
        (_("Platform service fee ({percent})", percent=percent), summary["fee_yuan"]),
        (_("Credited to creators"), summary["net_yuan"]),
    ]
    rows += [(label, render(_yuan(amount), lang), "") for label, amount in money]
    for kind, changes in summary["change_requests"].items():
        shown = {"total": f"{changes['total']:,}", "tasks_at_limit": f"{changes['tasks_at_limit']:,}"}
        shown["per_accepted_task"] = f"{changes['per_accepted_task']:.2f}"
        detail = _(
            "{total} ({per_accepted_task} per accepted task; {tasks_at_limit} tasks used all {limit})",
            **changes | shown,
        )
        rows.append((_CHANGES[kind], render(detail, lang), ""))
    hours = summary["hours_to_completion"]
    done = _("p50 {p50} · p90 {p90} · p99 {p99}", **hours) if hours["p50"] is not None else _("no task completed")
    rows.append((_("Hours to completion"), render(done, lang), ""))
    rows.append((_("Breaches (cancelled after accepting)"), f"{summary['breaches']:,}", ""))
    never = summary["never_accepted"]
    shown = {name: f"{count:,}" for name, count in never.items()}
    never_line = ngettext(
        "{tasks} task; accounts changed: {accounts_changed}",
        "{tasks} tasks; accounts changed: {accounts_changed}",
        never["tasks"],
        **shown,
    )
    rows.append((_("Never accepted (declined or expired)"), render(never_line, lang), ""))
    accounts = _("Each task went to its own creator account, which started at 0 yuan with no breaches.")
    table = [(render(label, lang), value, share) for label, value, share in rows]
    return "\n".join([render(title, lang), render(accounts, lang), "", *_aligned(table)])


_ENGINES = {"compiled": _("compiled engine"), "transitions": _("transitions engine")}
_CHANGES = {"script": _("Script change requests"), "video": _("Video change requests")}


def _yuan(amount: str) -> Text:
    """An amount of the report's JSON (a decimal string) as people read it: 12,345.60 yuan."""
    shown = f"{Decimal(amount):,}"
    return _("{amount} yuan", amount=shown)


def _changes(counts: np.ndarray[Any, Any], limit: int, accepted: int) -> dict[str, Any]:
    total = int(counts.sum())
    return {
        "total": total,
        "per_accepted_task": round(total / accepted, 4) if accepted else 0.0,
        "tasks_at_limit": int(np.count_nonzero(counts >= limit)) if limit else 0,
        "limit": limit,
    }


def _percentiles(hours: np.ndarray[Any, Any]) -> dict[str, int | None]:
    """Nearest-rank percentiles: the smallest hour by which at least p% of completed tasks were done."""
    if not len(hours):
        return {f"p{p}": None for p in PERCENTILES}
    ranks = [max((p * len(hours) + 99) // 100, 1) - 1 for p in PERCENTILES]
    ordered = np.partition(hours, ranks)
    return {f"p{p}": int(ordered[rank]) for p, rank in zip(PERCENTILES, ranks, strict=True)}


def _share(count: int, orders: int) -> str:
    return f"{count / orders:.1%}"


def _plain(number: Decimal) -> str:
    digits = format(number, "f")
    return digits.rstrip("0").rstrip(".") if "." in digits else digits


def _aligned(rows: list[tuple[str, str, str]]) -> list[str]:
    """Columns padded by display width, so Chinese labels line up too."""
    first = max(_width(row[0]) for row in rows)
    second = max(_width(row[1]) for row in rows if row[2])
    lines = []
    for label, value, share in rows:
        cells = _pad(label, first) + "  "
        cells += _pad(value, second, right=True) + "  " + _pad(share, 6, right=True) if share else value
        lines.append(cells.rstrip())
    return lines


def _width(cell: str) -> int:
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in cell)


def _pad(cell: str, width: int, right: bool = False) -> str:
    room = " " * (width - _width(cell))
    return room + cell if right else cell + room
