"""The step vocabulary as pytest-bdd steps. Load it with `pytest_plugins = ["xingtu_sim.steps.plugin"]`."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from pytest_bdd import parsers, step
from pytest_bdd.parser import Feature, Scenario, Step

from xingtu_sim.domain.clock import HOURS_PER_DAY
from xingtu_sim.domain.errors import XingtuError
from xingtu_sim.domain.lifecycle import Trigger
from xingtu_sim.domain.rules import DEFAULT_RULES, Rules, read_rules
from xingtu_sim.i18n import LANGS, default_lang, parse_lang
from xingtu_sim.steps.context import ScenarioContext, StepFailed
from xingtu_sim.steps.vocabulary import VOCABULARY, Phrase

_RULES = pytest.StashKey[Rules]()
_FAILED = pytest.StashKey[bool]()


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("xingtu-sim")
    group.addoption("--xingtu-lang", choices=LANGS, default=None, help="Language of step failures (en, zh-CN).")
    group.addoption("--xingtu-rules", default=None, metavar="FILE", help="TOML rules file for the scenarios.")


def pytest_configure(config: pytest.Config) -> None:
    path = config.getoption("xingtu_rules", default=None)
    try:
        config.stash[_RULES] = read_rules(Path(path)) if path else DEFAULT_RULES
    except XingtuError as error:
        raise pytest.UsageError(error.describe(default_lang())) from None


@pytest.fixture
def xingtu_scenario(request: pytest.FixtureRequest) -> ScenarioContext:
    """The creator's workspace for one scenario and what its Then steps check against."""
    config = request.config
    lang = config.getoption("xingtu_lang", default=None)
    return ScenarioContext(config.stash.get(_RULES, DEFAULT_RULES), parse_lang(lang) if lang else default_lang())


# One small function per phrase: each calls the scenario context, which calls the domain.

Handler = Callable[..., None]


def _creator(xingtu_scenario: ScenarioContext, n: str) -> None:
    xingtu_scenario.create_creator(n)


def _creator_on_platform(xingtu_scenario: ScenarioContext, n: str, platform: str) -> None:
    xingtu_scenario.create_creator(n, platform)


def _has_opened(xingtu_scenario: ScenarioContext) -> None:
    xingtu_scenario.set_up(xingtu_scenario.workspace.open_xingtu)


def _has_stopped(xingtu_scenario: ScenarioContext) -> None:
    xingtu_scenario.set_up(xingtu_scenario.workspace.stop_receiving)


def _fee(xingtu_scenario: ScenarioContext, n: str) -> None:
    xingtu_scenario.set_fee(n)


def _publish(xingtu_scenario: ScenarioContext, brand: str, task: str, amount: str) -> None:
    xingtu_scenario.publish(brand, task, amount)


def _task_is(xingtu_scenario: ScenarioContext, task: str, state: str) -> None:
    xingtu_scenario.bring_to(task, state)


def _account_action(method: str, xingtu_scenario: ScenarioContext) -> None:
    xingtu_scenario.do(getattr(xingtu_scenario.workspace, method))


def _move(trigger: Trigger, xingtu_scenario: ScenarioContext, task: str) -> None:
    xingtu_scenario.act(task, trigger)


def _time_passes(unit_hours: int, xingtu_scenario: ScenarioContext, n: str) -> None:
    xingtu_scenario.pass_time(n, unit_hours)


def _state_is(xingtu_scenario: ScenarioContext, task: str, state: str) -> None:
    xingtu_scenario.check_state(task, state)


def _account_unchanged(xingtu_scenario: ScenarioContext) -> None:
    xingtu_scenario.check_unchanged()


def _balance_is(xingtu_scenario: ScenarioContext, amount: str) -> None:
    xingtu_scenario.check_balance(amount)


def _fee_is(xingtu_scenario: ScenarioContext, task: str, amount: str) -> None:
    xingtu_scenario.check_fee(task, amount)


def _pending_count(xingtu_scenario: ScenarioContext, n: str) -> None:
    xingtu_scenario.check_pending(n)


def _is_open(should_be_open: bool, xingtu_scenario: ScenarioContext) -> None:
    xingtu_scenario.check_open(should_be_open)


def _refused(xingtu_scenario: ScenarioContext) -> None:
    xingtu_scenario.check_refused()


def _refused_because(xingtu_scenario: ScenarioContext, reason: str) -> None:
    xingtu_scenario.check_refused(reason)


def _breaches(xingtu_scenario: ScenarioContext, n: str) -> None:
    xingtu_scenario.check_breaches(n)


HANDLERS: dict[str, Handler] = {
    "creator": _creator,
    "creator_on_platform": _creator_on_platform,
    "has_opened": _has_opened,
    "has_stopped": _has_stopped,
    "fee": _fee,
    "publish": _publish,
    "task_is": _task_is,
    "open": partial(_account_action, "open_xingtu"),
    "stop_receiving": partial(_account_action, "stop_receiving"),
    "resume_receiving": partial(_account_action, "resume_receiving"),
    "hours_pass": partial(_time_passes, 1),
    "days_pass": partial(_time_passes, HOURS_PER_DAY),
    "state_is": _state_is,
    "account_unchanged": _account_unchanged,
    "balance_is": _balance_is,
    "fee_is": _fee_is,
    "pending_count": _pending_count,
    "is_open": partial(_is_open, True),
    "is_not_open": partial(_is_open, False),
    "refused": _refused,
    "refused_because": _refused_because,
    "breaches": _breaches,
}


def _register(phrase: Phrase, handler: Handler) -> None:
    for kind in phrase.kinds:
        for lang in LANGS:
            parser = parsers.re(phrase.pattern(lang).pattern, re.IGNORECASE)
            # stacklevel=2: pytest-bdd puts the step fixture in this module, the caller's caller.
            step(parser, type_=kind.value, stacklevel=2)(handler)


for _phrase in VOCABULARY:
    _register(_phrase, partial(_move, _phrase.trigger) if _phrase.trigger else HANDLERS[_phrase.key])


# Hooks: the SPEC's semantics that span steps.


def _context(request: pytest.FixtureRequest) -> ScenarioContext:
    context: ScenarioContext = request.getfixturevalue("xingtu_scenario")
    return context


def pytest_bdd_before_scenario(request: pytest.FixtureRequest, feature: Feature, scenario: Scenario) -> None:
    request.node.stash[_FAILED] = False


def pytest_bdd_before_step(
    request: pytest.FixtureRequest, feature: Feature, scenario: Scenario, step: Step, step_func: Any
) -> None:
    context = _context(request)
    context.current_step = f"{step.keyword} {step.name}"
    context.current_kind = step.type
    context.outcome = None


def pytest_bdd_after_step(
    request: pytest.FixtureRequest,
    feature: Feature,
    scenario: Scenario,
    step: Step,
    step_func: Any,
    step_func_args: Any,
) -> None:
    if step.type == "given":
        _context(request).remember_account()


def pytest_bdd_step_error(request: pytest.FixtureRequest, **_: Any) -> None:
    request.node.stash[_FAILED] = True


def pytest_bdd_step_func_lookup_error(request: pytest.FixtureRequest, **_: Any) -> None:
    request.node.stash[_FAILED] = True


@pytest.hookimpl(trylast=True)
def pytest_bdd_after_scenario(request: pytest.FixtureRequest, feature: Feature, scenario: Scenario) -> None:
    """A refusal that no Then step checked fails the scenario at its end."""
    if request.node.stash.get(_FAILED, False):
        return
    context = _context(request)
    unchecked = context.unchecked_refusals()
    if unchecked:
        raise StepFailed(context.unchecked_message(unchecked))
