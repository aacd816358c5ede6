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


@dataclass(frozen=True)
class Tag:
    name: str  # with its @
    line: int  # where it is written: an inherited tag keeps its feature's or rule's line


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
    feature_description: str
    feature_tags: list[Tag]
    language: str  # of the feature file: its '# language:', else the default it was read in
    keyword: str
    name: str
    line: int  # its own line: an outline's Examples row's, else the scenario's
    tags: list[Tag]
    steps: list[StepResult]
    example: list[str] = field(default_factory=list)  # the Examples row of an outline
    error: str | None = None  # a failure at the scenario's end, not in a step
    duration: float = 0.0  # its own: setup, steps and teardown
    trace: Trace | None = None  # what the scenario did to the lifecycle, for coverage
    ran: bool = True  # False: not run (after --fail-fast stopped the run, or in a dry run)

    @property
    def status(self) -> Status:
        statuses = {step.status for step in self.steps}
        if Status.UNDEFINED in statuses:
            return Status.UNDEFINED
        if Status.FAILED in statuses or self.error:
            return Status.FAILED
        return Status.PASSED if self.ran else Status.SKIPPED

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

    def count(self, status: Status) -> int:
        return sum(scenario.status is status for scenario in self.scenarios)

    @property
    def passed(self) -> int:
        return self.count(Status.PASSED)

    @property
    def failed(self) -> int:
        """Scenarios that failed; undefined and skipped ones are counted apart, as Cucumber does."""
        return self.count(Status.FAILED)

    @property
    def undefined(self) -> int:
        return self.count(Status.UNDEFINED)

    @property
    def skipped(self) -> int:
        return self.count(Status.SKIPPED)

    @property
    def ok(self) -> bool:
        """None failed and none is undefined (scenarios are left unrun only after a failure, or in a dry run)."""
        return self.failed == 0 and self.undefined == 0
