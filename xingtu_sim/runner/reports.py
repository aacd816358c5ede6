"""The report formats behind one interface: told of each scenario as it ends, then of the run."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from xingtu_sim.i18n import Lang
from xingtu_sim.runner.html_report import html_report
from xingtu_sim.runner.locations import rerun_list
from xingtu_sim.runner.messages import messages_ndjson
from xingtu_sim.runner.results import RunResult, ScenarioResult
from xingtu_sim.runner.text_reports import Emit, PrettyReport, ProgressReport
from xingtu_sim.runner.tool_reports import cucumber_json, junit_xml

FORMATS = ("pretty", "progress", "cucumber-json", "junit", "message", "html", "rerun")
FOR_TOOLS = ("cucumber-json", "junit", "message", "html", "rerun")  # documents, written whole at the end
_DOCUMENTS: dict[str, Callable[[RunResult], str]] = {
    "cucumber-json": cucumber_json,
    "junit": junit_xml,
    "message": messages_ndjson,
    "html": html_report,
    "rerun": rerun_list,
}


class Report(Protocol):
    def scenario(self, result: ScenarioResult) -> None: ...

    def finish(self, run: RunResult) -> None: ...


class DocumentReport:
    """A report written whole at the end (JSON, XML)."""

    def __init__(self, render: Callable[[RunResult], str], emit: Emit) -> None:
        self.render = render
        self.emit = emit

    def scenario(self, result: ScenarioResult) -> None:
        pass

    def finish(self, run: RunResult) -> None:
        self.emit(self.render(run), nl=False)


def make_report(report_format: str, emit: Emit, lang: Lang) -> Report:
    if report_format == "pretty":
        return PrettyReport(emit, lang)
    if report_format == "progress":
        return ProgressReport(emit, lang)
    return DocumentReport(_DOCUMENTS[report_format], emit)
