"""Gherkin derived from the lifecycle table: the shortest path through every transition, and to every end."""

from __future__ import annotations

from xingtu_sim.domain.account import Platform
from xingtu_sim.domain.lifecycle import CLOCK_MOVE, EDGES, INITIAL_STATE, TRIGGERS, Edge, State
from xingtu_sim.domain.money import format_yuan, service_fee
from xingtu_sim.domain.routes import path_through, shortest_path
from xingtu_sim.domain.rules import Rules
from xingtu_sim.domain.text import _
from xingtu_sim.i18n import Lang, render
from xingtu_sim.steps.vocabulary import GHERKIN, PHRASE_FOR_TRIGGER, PHRASES, Kind, vocabulary_lang

PRICE_FEN = 100_000  # 1000 yuan: every fee rounds to a whole number of fen
_NO_OP_ENDINGS = (State.DECLINED, State.EXPIRED)
SCENARIO_COUNT = len(EDGES) + sum(state.terminal for state in State)
SAMPLE_TASK = _("Sample task")
TITLE = _("Every move of the task lifecycle (generated)")
DESCRIPTION = _(
    "Derived from the lifecycle table by `xingtu-sim generate`: for every transition, the shortest\n"
    "path from a freshly published task through it, then one scenario for each way a task can end.\n"
    "Regenerate it rather than editing it."
)


def file_name(lang: Lang) -> str:
    return f"lifecycle_{lang}.feature"


def generate_feature(lang: Lang, rules: Rules) -> str:
    """One feature file: a scenario through each transition, then one ending in each terminal state.

    Titles are in `lang`; the steps and keywords in the vocabulary's language for it.
    """
    gherkin = GHERKIN[vocabulary_lang(lang)]
    lines = [*([gherkin.header] if gherkin.header else []), "@generated", f"{gherkin.feature}: {render(TITLE, lang)}"]
    lines += [f"  {line}" for line in render(DESCRIPTION, lang).splitlines()]
    for edge in EDGES:
        row = TRIGGERS[edge.trigger]
        title = _("{move} ({actor}): {source} → {dest}", move=row, actor=row.actor, source=edge.source, dest=edge.dest)
        lines += _scenario(render(title, lang), [f"@{row.actor.value}"], path_through(edge), lang, rules)
    for ending in (state for state in State if state.terminal):
        title = _("a task that ends {state}", state=ending)
        tags = ["@ending", *(["@no-op"] if ending in _NO_OP_ENDINGS else [])]
        lines += _scenario(render(title, lang), tags, shortest_path(INITIAL_STATE, ending), lang, rules)
    return "\n".join(lines) + "\n"


def _scenario(title: str, tags: list[str], path: tuple[Edge, ...], lang: Lang, rules: Rules) -> list[str]:
    task, brand = render(SAMPLE_TASK, lang), render(_("Sample brand"), lang)
    gherkin = GHERKIN[vocabulary_lang(lang)]
    given, then, and_ = Kind.GIVEN.keyword(lang), Kind.THEN.keyword(lang), gherkin.and_
    lines = ["", f"  {' '.join(tags)}", f"  {gherkin.scenario}: {title}"]
    lines.append(_step(given, "creator", lang, n=rules.followers_needed(Platform.DOUYIN)))
    lines.append(_step(and_, "has_opened", lang))
    lines.append(_step(and_, "publish", lang, brand=brand, task=task, amount=format_yuan(PRICE_FEN)))
    for edge in path:
        lines.append(action_step(edge, task, lang, rules))
        lines.append(_step(then, "state_is", lang, task=task, state=render(edge.dest, vocabulary_lang(lang))))
    return lines + _account_checks(path[-1].dest if path else INITIAL_STATE, task, lang, rules)


def action_step(edge: Edge, task: str, lang: Lang, rules: Rules) -> str:
    """The When step that makes this move, in the vocabulary's words."""
    when = Kind.WHEN.keyword(lang)
    if edge.trigger is CLOCK_MOVE.trigger:
        return _step(when, "hours_pass", lang, n=rules.accept_window_hours)
    return _step(when, PHRASE_FOR_TRIGGER[edge.trigger].key, lang, task=task)


def _account_checks(end: State, task: str, lang: Lang, rules: Rules) -> list[str]:
    """After a no-op ending, the account is as it was; otherwise what the ending did to it."""
    and_ = GHERKIN[vocabulary_lang(lang)].and_
    if end in _NO_OP_ENDINGS:
        return [_step(and_, "account_unchanged", lang)]
    if end is State.COMPLETED:
        fee = service_fee(PRICE_FEN, rules.service_fee_percent)
        return [
            _step(and_, "fee_is", lang, task=task, amount=format_yuan(fee)),
            _step(and_, "balance_is", lang, amount=format_yuan(PRICE_FEN - fee)),
        ]
    if end is State.CANCELLED:
        return [_step(and_, "breaches", lang, n=1)]
    return []


def _step(keyword: str, key: str, lang: Lang, **values: object) -> str:
    return f"    {keyword}{GHERKIN[vocabulary_lang(lang)].space}{PHRASES[key].render(lang, **values)}"
