"""Run feature files through pytest-bdd in this process and record every step as it happens."""

from __future__ import annotations

import os
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Generator, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import pytest_bdd.feature
from pytest_bdd.parser import Feature, Scenario, Step
from pytest_bdd.scenario import scenario_wrapper_template_registry

from xingtu_sim.domain.errors import XingtuError
from xingtu_sim.domain.rules import DEFAULT_RULES, Rules, rules_to_toml
from xingtu_sim.i18n import Lang
from xingtu_sim.runner.files import ENCODING, TAG_MARK, FeatureFile
from xingtu_sim.runner.results import RunResult, ScenarioResult, Status, StepResult
from xingtu_sim.runner.suggest import nearest_phrasing
from xingtu_sim.runner.tags import TagFilter

# Bound to the feature files by pytest-bdd itself, one call per file to keep the files' order.
_TEST_MODULE = """\
from pytest_bdd import scenarios

for path in {paths!r}:
    scenarios(path, encoding={encoding!r}, features_base_dir="/")
"""


@dataclass(frozen=True)
class RunOptions:
    lang: Lang
    tags: TagFilter
    rules: Rules = DEFAULT_RULES


def run_features(
    files: Sequence[FeatureFile], options: RunOptions, on_scenario: Callable[[ScenarioResult], None]
) -> RunResult:
    """Run the scenarios of `files` that the tags select; report each scenario as it finishes."""
    recorder = Recorder(options, on_scenario)
    with tempfile.TemporaryDirectory(prefix="xingtu-sim-") as folder, _isolated_environment():
        module = Path(folder) / f"test_xingtu_features_{uuid.uuid4().hex}.py"  # fresh, never a cached import
        paths = [file.feature.filename for file in files]
        module.write_text(_TEST_MODULE.format(paths=paths, encoding=ENCODING), encoding="utf-8")
        (Path(folder) / "pytest.ini").write_text("[pytest]\n", encoding="utf-8")
        rules_file = Path(folder) / "rules.toml"  # the steps plugin reads rules from a file, as pytest would
        rules_file.write_text(rules_to_toml(options.rules), encoding="utf-8")
        # pytest-bdd caches parsed files by path; give it ours, parsed once and with a byte-order mark
        # allowed (its scenarios() does not pass the encoding on).
        pytest_bdd.feature.features.clear()
        pytest_bdd.feature.features.update({path: file.feature for path, file in zip(paths, files, strict=True)})
        args = [
            str(module),
            *("-c", str(Path(folder) / "pytest.ini"), "--rootdir", folder),
            *("-p", "pytest_bdd.plugin", "-p", "xingtu_sim.steps.plugin"),
            *("-p", "no:cacheprovider", "-p", "no:terminal", "--import-mode=importlib"),
            *("-W", "ignore::pytest.PytestUnknownMarkWarning"),
            *("--xingtu-lang", options.lang, "--xingtu-rules", str(rules_file)),
        ]
        try:
            pytest.main(args, plugins=[recorder])
        finally:
            sys.modules.pop(module.stem, None)
    if recorder.internal_error:
        raise RuntimeError(recorder.internal_error)
    return recorder.result


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


class Recorder:
    """A pytest plugin: turns pytest-bdd's hooks into ScenarioResults."""

    def __init__(self, options: RunOptions, on_scenario: Callable[[ScenarioResult], None]) -> None:
        self.options = options
        self.on_scenario = on_scenario
        self.result = RunResult()
        self.internal_error: str | None = None
        self._current: ScenarioResult | None = None
        self._steps: list[Step] = []
        self._started = 0.0
        self._step_started = 0.0

    def pytest_collection_modifyitems(self, config: pytest.Config, items: list[pytest.Item]) -> None:
        selected = [item for item in items if self.options.tags.matches(_tags_of(item))]
        deselected = [item for item in items if item not in selected]
        if deselected:
            config.hook.pytest_deselected(items=deselected)
        items[:] = selected

    def pytest_runtest_setup(self, item: pytest.Item) -> None:
        self._current = _scenario_of(item)
        self._started = time.perf_counter()

    def pytest_bdd_before_scenario(self, request: Any, feature: Feature, scenario: Scenario) -> None:
        self._steps = list(scenario.steps)
        assert self._current is not None
        self._current.steps = [StepResult(step.keyword, step.name, step.line_number) for step in scenario.steps]

    def pytest_bdd_after_scenario(self, request: pytest.FixtureRequest) -> None:
        if self._current is not None and "xingtu_scenario" in request.fixturenames:
            self._current.trace = _context_of(request).trace()

    def pytest_bdd_before_step(self, request: Any, feature: Feature, scenario: Scenario, step: Step) -> None:
        self._step_started = time.perf_counter()

    def pytest_bdd_after_step(self, request: pytest.FixtureRequest, step: Step) -> None:
        result = self._result_of(step)
        result.status = Status.PASSED
        result.outcome = _context_of(request).outcome if "xingtu_scenario" in request.fixturenames else None
        result.duration = time.perf_counter() - self._step_started

    def pytest_bdd_step_error(self, step: Step, exception: BaseException) -> None:
        result = self._result_of(step)
        result.status = Status.FAILED
        result.error = self._describe(exception)
        result.duration = time.perf_counter() - self._step_started

    def pytest_bdd_step_func_lookup_error(self, step: Step) -> None:
        result = self._result_of(step)
        result.status = Status.UNDEFINED
        result.error = nearest_phrasing(step.name, step.type, self.options.lang)

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_makereport(self, item: pytest.Item, call: pytest.CallInfo[None]) -> Generator[None, Any, Any]:
        report = yield
        scenario = self._current
        if scenario is not None and report.failed and call.excinfo is not None and not _a_step_failed(scenario):
            scenario.error = self._describe(call.excinfo.value)  # e.g. a refusal nobody checked
        return report

    def pytest_runtest_logfinish(self, nodeid: str) -> None:
        if self._current is not None:
            self._current.duration = time.perf_counter() - self._started
            self.result.scenarios.append(self._current)
            self.on_scenario(self._current)
            self._current = None

    def pytest_internalerror(self, excrepr: object) -> None:
        self.internal_error = str(excrepr)

    def pytest_collectreport(self, report: pytest.CollectReport) -> None:
        if report.failed:
            self.internal_error = str(report.longrepr)

    def _result_of(self, step: Step) -> StepResult:
        assert self._current is not None
        index = next(i for i, known in enumerate(self._steps) if known is step)
        return self._current.steps[index]

    def _describe(self, exception: BaseException) -> str:
        if isinstance(exception, XingtuError):
            return exception.describe(self.options.lang)
        if isinstance(exception, AssertionError):
            return str(exception)
        return f"{type(exception).__name__}: {exception}"


def _a_step_failed(scenario: ScenarioResult) -> bool:
    return any(step.status in (Status.FAILED, Status.UNDEFINED) for step in scenario.steps)


def _tags_of(item: pytest.Item) -> set[str]:
    return {f"@{mark.name.removeprefix(TAG_MARK)}" for mark in item.iter_markers() if mark.name.startswith(TAG_MARK)}


def _scenario_of(item: pytest.Item) -> ScenarioResult:
    """The scenario a collected test runs, with its Examples row if it comes from an outline."""
    template = scenario_wrapper_template_registry[getattr(item, "obj")]  # noqa: B009
    feature = template.feature
    example = getattr(item, "callspec", None)
    row = example.params.get("_pytest_bdd_example", {}) if example else {}
    return ScenarioResult(
        feature_name=feature.name,
        feature_keyword=feature.keyword,
        feature_file=feature.filename,
        feature_line=feature.line_number,
        keyword=template.keyword,
        name=template.render(row).name if row else template.name,
        line=template.line_number,
        tags=sorted(_tags_of(item)),
        steps=[],
        example=list(row.values()),
    )


def _context_of(request: pytest.FixtureRequest) -> Any:
    return request.getfixturevalue("xingtu_scenario")
