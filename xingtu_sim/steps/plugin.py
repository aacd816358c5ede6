"""The step vocabulary as pytest-bdd steps. Load it with `pytest_plugins = ["xingtu_sim.steps.plugin"]`."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest
from pytest_bdd import parsers, step
from pytest_bdd.parser import Feature, Scenario, Step

from xingtu_sim.domain.errors import XingtuError
from xingtu_sim.domain.rules import DEFAULT_RULES, Rules
from xingtu_sim.files.rules_toml import read_rules
from xingtu_sim.i18n import Lang, available_languages, default_lang, parse_lang, render_lines
from xingtu_sim.steps.context import ScenarioContext, StepFailed
from xingtu_sim.steps.vocabulary import VOCABULARY, Kind, Phrase


@dataclass(frozen=True)
class StepSettings:
    """What the scenarios run under: the rules, and the language their failures are told in."""

    rules: Rules = DEFAULT_RULES
    lang: Lang = field(default_factory=default_lang)


# Where the settings live for one pytest run. `xingtu-sim run` puts its own there as an object;
# other projects set them with --xingtu-lang and --xingtu-rules.
SETTINGS = pytest.StashKey[StepSettings]()
_FAILED = pytest.StashKey[bool]()


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("xingtu-sim")
    languages = available_languages()
    group.addoption(
        "--xingtu-lang", choices=languages, default=None, help=f"Language of step failures ({', '.join(languages)})."
    )
    group.addoption("--xingtu-rules", default=None, metavar="FILE", help="TOML rules file for the scenarios.")


def pytest_configure(config: pytest.Config) -> None:
    if SETTINGS in config.stash:  # handed over by a runner (xingtu-sim run), not read from options
        return
    path, lang = config.getoption("xingtu_rules", default=None), config.getoption("xingtu_lang", default=None)
    try:
        rules = read_rules(Path(path)) if path else DEFAULT_RULES
    except XingtuError as error:
        raise pytest.UsageError(render_lines(error.lines, default_lang())) from None
    config.stash[SETTINGS] = StepSettings(rules, parse_lang(lang) if lang else default_lang())


@pytest.fixture
def xingtu_scenario(request: pytest.FixtureRequest) -> ScenarioContext:
    """The creator's workspace for one scenario and what its Then steps check against."""
    settings = request.config.stash.get(SETTINGS, None) or StepSettings()
    return ScenarioContext(settings.rules, settings.lang)


class VocabularyParser(parsers.StepParser):
    """Every phrase that may follow one keyword, as one pytest-bdd step parser: the vocabulary says what matches.

    Three step definitions, not one per phrasing: pytest-bdd looks a step up among every step fixture it
    knows, so each phrasing and variant registered on its own made every step of every scenario slower.
    """

    def __init__(self, kind: Kind) -> None:
        super().__init__(f"a phrase of the xingtu-sim vocabulary after {kind.value}")
        self.kind = kind

    def is_matching(self, name: str) -> bool:
        return _said(self.kind, name) is not None

    def parse_arguments(self, name: str) -> dict[str, object] | None:
        """The phrase the step says and the values of its placeholders, for the step function's arguments."""
        said = _said(self.kind, name)
        return None if said is None else {"phrase": said[0], "values": dict(said[1])}


@lru_cache(maxsize=4096)  # scenarios say the same steps again and again, and pytest-bdd asks twice for each
def _said(kind: Kind, name: str) -> tuple[Phrase, tuple[tuple[str, str], ...]] | None:
    """The phrase a step after a `kind` keyword says, and its values (kept as a tuple: the cache hands it out)."""
    for phrase in VOCABULARY:
        if kind in phrase.kinds and (found := phrase.match(name)):
            return phrase, tuple(found.groupdict().items())
    return None


def _says(xingtu_scenario: ScenarioContext, phrase: Phrase, values: dict[str, str]) -> None:
    """Every step of the vocabulary: the scenario context does what its phrase says."""
    xingtu_scenario.perform(phrase, values)


for _kind in Kind:
    step(VocabularyParser(_kind), type_=_kind.value)(_says)  # pytest-bdd puts the step fixture in this module


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
