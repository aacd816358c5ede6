"""A pytest plugin that turns pytest-bdd's hooks into ScenarioResults as the scenarios run."""

from __future__ import annotations

import time
from collections.abc import Callable, Generator
from typing import Any

import pytest
from pytest_bdd.parser import Feature, Scenario, Step

from xingtu_sim.domain.errors import XingtuError
from xingtu_sim.i18n import Lang, render, render_lines
from xingtu_sim.interrupts import stop_if_signalled
from xingtu_sim.runner.results import RunResult, ScenarioResult, Status, StepResult
from xingtu_sim.runner.scenarios import PLANNED
from xingtu_sim.runner.suggest import nearest_phrasing


class Recorder:
    """Each scenario with its steps, their status, outcome and time; handed on as each scenario ends."""

    def __init__(self, lang: Lang, on_scenario: Callable[[ScenarioResult], None], fail_fast: bool = False) -> None:
        self.lang = lang
        self.on_scenario = on_scenario
        self.fail_fast = fail_fast
        self.result = RunResult()
        self.ran: set[int] = set()  # id() of each PlannedScenario that ran
        self.collection_error: str | None = None
        self.stopped_by: BaseException | None = None  # what pytest caught and stopped for, to raise again
        self._current: ScenarioResult | None = None
        self._step_index: dict[int, int] = {}  # id(step) -> its place in the scenario: one look-up per step
        self._step_started = 0.0
        self._session: pytest.Session | None = None

    def pytest_sessionstart(self, session: pytest.Session) -> None:
        self._session = session

    def pytest_runtest_setup(self, item: pytest.Item) -> None:
        stop_if_signalled()
        planned = item.stash[PLANNED]
        self.ran.add(id(planned))
        self._current = planned.result()

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        """The scenario's own time is its setup's, steps' and teardown's: not the building of pytest's reports."""
        if self._current is not None:
            self._current.duration += report.duration

    def pytest_bdd_before_scenario(self, request: Any, feature: Feature, scenario: Scenario) -> None:
        self._step_index = {id(step): index for index, step in enumerate(scenario.steps)}
        assert self._current is not None
        self._current.steps = [StepResult(step.keyword, step.name, step.line_number) for step in scenario.steps]

    def pytest_bdd_after_scenario(self, request: pytest.FixtureRequest) -> None:
        if self._current is not None and "xingtu_scenario" in request.fixturenames:
            self._current.trace = _context_of(request).trace()

    def pytest_bdd_before_step(self, request: Any, feature: Feature, scenario: Scenario, step: Step) -> None:
        stop_if_signalled()
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
        result.error = render(nearest_phrasing(step.name, step.type, self.lang), self.lang)

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_makereport(self, item: pytest.Item, call: pytest.CallInfo[None]) -> Generator[None, Any, Any]:
        report = yield
        scenario = self._current
        if scenario is not None and report.failed and call.excinfo is not None and not _a_step_failed(scenario):
            scenario.error = self._describe(call.excinfo.value)  # e.g. a refusal nobody checked
        return report

    def pytest_runtest_logfinish(self, nodeid: str) -> None:
        if self._current is not None:
            finished, self._current = self._current, None
            self.result.scenarios.append(finished)
            self.on_scenario(finished)
            if self.fail_fast and finished.status in (Status.FAILED, Status.UNDEFINED) and self._session is not None:
                self._session.shouldfail = "--fail-fast"  # pytest stops after this test, as for -x

    def pytest_keyboard_interrupt(self, excinfo: pytest.ExceptionInfo[BaseException]) -> None:
        self.stopped_by = excinfo.value  # Ctrl-C or SIGTERM: pytest stops the session, we stop the command

    def pytest_internalerror(self, excrepr: object, excinfo: pytest.ExceptionInfo[BaseException]) -> bool:
        """An exception from our own hooks (a report that cannot be written): raised again once pytest is done."""
        self.stopped_by = excinfo.value
        return True  # pytest prints nothing

    def pytest_collectreport(self, report: pytest.CollectReport) -> None:
        if report.failed:
            self.collection_error = str(report.longrepr)

    def _result_of(self, step: Step) -> StepResult:
        assert self._current is not None
        return self._current.steps[self._step_index[id(step)]]

    def _describe(self, exception: BaseException) -> str:
        if isinstance(exception, XingtuError):
            return render_lines(exception.lines, self.lang)
        if isinstance(exception, AssertionError):
            return str(exception)
        return f"{type(exception).__name__}: {exception}"


def _a_step_failed(scenario: ScenarioResult) -> bool:
    return any(step.status in (Status.FAILED, Status.UNDEFINED) for step in scenario.steps)


def _context_of(request: pytest.FixtureRequest) -> Any:
    return request.getfixturevalue("xingtu_scenario")
