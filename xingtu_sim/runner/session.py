"""Run feature files through pytest-bdd in this process: settings and scenarios go to pytest as objects."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from xingtu_sim.domain.rules import DEFAULT_RULES, Rules
from xingtu_sim.i18n import Lang
from xingtu_sim.interrupts import stop_if_signalled
from xingtu_sim.runner.binding import FeatureModule
from xingtu_sim.runner.files import (
    DEFAULT_LANGUAGE,
    FeatureFile,
    bundled_features,
    find_feature_files,
    load_feature_files,
)
from xingtu_sim.runner.recorder import Recorder
from xingtu_sim.runner.results import RunResult, ScenarioResult
from xingtu_sim.runner.scenarios import PLANNED, PlannedScenario, planned_scenarios
from xingtu_sim.runner.selection import Selection, check_lines
from xingtu_sim.steps import plugin as steps_plugin
from xingtu_sim.steps.plugin import SETTINGS, StepSettings

# pytest's own plugins a run of scenarios has no use for. Among them, the unraisable-exception plugin runs
# gc.collect() several times a run: in a process holding many objects (a test session, a program calling
# run_paths) that was nine tenths of a run's time (benchmarks/bench_runner_heap.py).
_UNUSED_PLUGINS = (
    *("cacheprovider", "terminal", "unraisableexception", "threadexception", "faulthandler", "debugging"),
    *("doctest", "unittest", "junitxml", "pastebin", "legacypath", "stepwise", "setuponly", "setupplan"),
    "subtests",
)

# pytest's own settings for a run: none of the user's (no ini file, no conftest.py, no plugins found
# by entry point), no cache, no terminal output (the reports are ours), tags are not pytest marks.
_PYTEST_ARGS = (
    *("-c", os.devnull, "--noconftest"),
    *(arg for plugin in _UNUSED_PLUGINS for arg in ("-p", f"no:{plugin}")),
    *("-p", "pytest_bdd.plugin"),
    *("-W", "ignore::pytest.PytestUnknownMarkWarning"),
)


@dataclass(frozen=True)
class RunOptions:
    lang: Lang
    selection: Selection = field(default_factory=Selection)
    rules: Rules = DEFAULT_RULES
    fail_fast: bool = False  # stop at the first scenario that does not pass; the rest are reported skipped
    language: str = DEFAULT_LANGUAGE  # of feature files without a '# language:' line


def run_paths(
    paths: Sequence[Path],
    options: RunOptions,
    on_scenario: Callable[[ScenarioResult], None] | None = None,
    *,
    before_run: Callable[[], object] | None = None,
) -> RunResult:
    """Find, check and run the feature files at `paths` (none: the bundled scenarios).

    `before_run` is called once every file is known to be sound, e.g. to open a report file.
    """
    chosen = select(load_paths(paths, options.language), options.selection)
    if before_run is not None:
        before_run()
    return run_scenarios(chosen, options, on_scenario or (lambda _scenario: None))


def load_paths(
    paths: Sequence[Path], language: str = DEFAULT_LANGUAGE, *, language_option: bool = False
) -> list[FeatureFile]:
    """The feature files at `paths` (none: the bundled scenarios), each parsed and checked.

    `language_option`: the command offers --language, so a hint may suggest it.
    """
    found = find_feature_files(list(paths) or [bundled_features()])
    return load_feature_files(found, language, language_option=language_option)


def select(files: Sequence[FeatureFile], selection: Selection) -> list[PlannedScenario]:
    """The scenarios of `files` the selection chooses: a line that starts none is bad input, a selection that
    chooses none raises NothingSelected."""
    scenarios = [scenario for file in files for scenario in planned_scenarios(file)]
    check_lines(scenarios, selection.lines)
    return selection.choose(scenarios)


def run_scenarios(
    chosen: Sequence[PlannedScenario], options: RunOptions, on_scenario: Callable[[ScenarioResult], None]
) -> RunResult:
    """Run the scenarios chosen; report each scenario as it finishes (after --fail-fast stopped the run, each
    one left is reported skipped).

    Ctrl-C or SIGTERM during the run, or an exception from `on_scenario`, stops it and is raised again here.
    """
    if not chosen:
        return RunResult()
    recorder = Recorder(options.lang, on_scenario, fail_fast=options.fail_fast)
    files = list({id(scenario.file): scenario.file for scenario in chosen}.values())
    scenarios = _Scenarios(files, chosen, options)
    with _isolated_environment():
        pytest.main([*_PYTEST_ARGS, "--rootdir", _root_of(files)], plugins=[steps_plugin, scenarios, recorder])
    if recorder.stopped_by is not None:
        raise recorder.stopped_by
    stop_if_signalled()  # a signal swallowed after the last scenario's last step still means not finished
    if recorder.collection_error:
        raise RuntimeError(recorder.collection_error)
    for scenario in chosen:
        if id(scenario) not in recorder.ran:  # stopped by --fail-fast before it
            skipped = scenario.result(scenario.steps(), ran=False)
            recorder.result.scenarios.append(skipped)
            on_scenario(skipped)
    return recorder.result


class _Scenarios:
    """A pytest plugin: hands the steps their settings and pytest the chosen scenarios of our parsed files."""

    def __init__(self, files: Sequence[FeatureFile], chosen: Sequence[PlannedScenario], options: RunOptions) -> None:
        self.files = files
        self.options = options
        # pytest-bdd's tests are found by their template and Examples row.
        self.chosen = {(id(scenario.template), scenario.row): scenario for scenario in chosen}

    @pytest.hookimpl(tryfirst=True)
    def pytest_configure(self, config: pytest.Config) -> None:
        config.stash[SETTINGS] = StepSettings(self.options.rules, self.options.lang)
        # pytest's report of a failure is not shown (the reports are ours): the plain traceback, as pytest's
        # own would parse every source file on the way (`--tb` belongs to the terminal plugin, left out).
        config.option.tbstyle = "native"

    @pytest.hookimpl(tryfirst=True)
    def pytest_collection(self, session: pytest.Session) -> bool:
        """Collect our files instead of searching folders (pytest's documented way to replace collection)."""
        items: list[pytest.Item] = []
        for file in self.files:
            module = FeatureModule.of(session, file)
            items += [item for item in session.genitems(module) if isinstance(item, pytest.Item)]
        selected = []
        for item in items:
            assert isinstance(item.parent, FeatureModule)
            callspec = getattr(item, "callspec", None)
            row = callspec.indices.get("_pytest_bdd_example") if callspec else None
            planned = self.chosen.get((id(item.parent.template_of(item)), row))
            if planned is not None:
                item.stash[PLANNED] = planned
                selected.append(item)
        if len(selected) < len(items):
            chosen = set(map(id, selected))
            session.config.hook.pytest_deselected(items=[item for item in items if id(item) not in chosen])
        items = selected
        session.config.hook.pytest_collection_modifyitems(session=session, config=session.config, items=items)
        session.config.hook.pytest_collection_finish(session=session)
        session.items = items
        session.testscollected = len(items)
        return True


def _root_of(files: Sequence[FeatureFile]) -> str:
    """The folder holding every file, so that each file's test has its own id."""
    folders = [str(Path(file.feature.filename).parent) for file in files]
    try:
        return os.path.commonpath(folders) if folders else os.getcwd()
    except ValueError:  # on different drives
        return Path(folders[0]).anchor


@contextmanager
def _isolated_environment() -> Iterator[None]:
    """The user's pytest settings and plugins must not change how scenarios run."""
    saved = {name: os.environ.get(name) for name in ("PYTEST_ADDOPTS", "PYTEST_DISABLE_PLUGIN_AUTOLOAD")}
    os.environ.pop("PYTEST_ADDOPTS", None)
    os.environ["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = "1"
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
