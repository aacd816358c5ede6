"""What a run found: each scenario with its steps and their status, in the order they ran."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from xingtu_sim.domain.text import LabelledEnum, pgettext
from xingtu_sim.domain.trace import Trace


class Status(LabelledEnum):
    """A step's or scenario's result; the value is what reports for tools write."""

    PASSED = "passed", pgettext("status", "passed")
    FAILED = "failed", pgettext("status", "failed")
    UNDEFINED = "undefined", pgettext("status", "undefined")
    SKIPPED = "skipped", pgettext("status", "skipped")


@dataclass
class StepResult:
    keyword: str
    text: str
    line: int
    status: Status = Status.SKIPPED
    outcome: str | None = None  # what the step did, e.g. the state the task reached
    error: str | None = None
    duration: float = 0.0


@dataclass
class ScenarioResult:
    feature_name: str
    feature_keyword: str
    feature_file: str
    feature_line: int
    keyword: str
    name: str
    line: int
    tags: list[str]
    steps: list[StepResult]
    example: list[str] = field(default_factory=list)  # the Examples row of an outline
    error: str | None = None  # a failure at the scenario's end, not in a step
    duration: float = 0.0
    trace: Trace | None = None  # what the scenario did to the lifecycle, for coverage

    @property
    def status(self) -> Status:
        statuses = {step.status for step in self.steps}
        if Status.UNDEFINED in statuses:
            return Status.UNDEFINED
        if Status.FAILED in statuses or self.error:
            return Status.FAILED
        return Status.PASSED

    @property
    def passed(self) -> bool:
        return self.status is Status.PASSED

    @property
    def title(self) -> str:
        return f"{self.name} · {' | '.join(self.example)}" if self.example else self.name


@dataclass
class RunResult:
    scenarios: list[ScenarioResult] = field(default_factory=list)
    started_at: float = field(default_factory=time.time)  # seconds since the epoch, for reports that need it

    @property
    def passed(self) -> int:
        return sum(scenario.passed for scenario in self.scenarios)

    @property
    def failed(self) -> int:
        return len(self.scenarios) - self.passed

    @property
    def undefined(self) -> int:
        return sum(scenario.status is Status.UNDEFINED for scenario in self.scenarios)

    @property
    def ok(self) -> bool:
        return self.failed == 0
