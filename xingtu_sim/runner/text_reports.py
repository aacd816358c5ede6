"""Reports for people: Gherkin-style `pretty`, one mark per scenario `progress`, and the summary."""

from __future__ import annotations

import contextlib
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

from xingtu_sim.domain.text import Message, _, ngettext
from xingtu_sim.i18n import SOURCE_LANG, Lang, render
from xingtu_sim.runner.files import bundled_features
from xingtu_sim.runner.results import RunResult, ScenarioResult, Status, StepResult

# emit(line, **style): style is click.style's (fg=..., bold=..., dim=...), dropped where colour is off.
Emit = Callable[..., None]

_MARKS = {Status.PASSED: "✓", Status.FAILED: "✗", Status.UNDEFINED: "?", Status.SKIPPED: "-"}
_COLOURS = {Status.PASSED: "green", Status.FAILED: "red", Status.UNDEFINED: "yellow", Status.SKIPPED: "cyan"}
_PROGRESS = {Status.PASSED: ".", Status.FAILED: "F", Status.UNDEFINED: "U", Status.SKIPPED: "-"}
_UNSUCCESSFUL = (Status.FAILED, Status.UNDEFINED)


def shown_path(path: str) -> str:
    """A path relative to the current folder, or to the package for the bundled scenarios."""
    for base in (Path.cwd(), bundled_features().parent):
        with contextlib.suppress(ValueError):
            return str(Path(path).relative_to(base))
    return path


def _joined(keyword: str, words: str) -> str:
    """Chinese keywords run into the text (假如一位…); English ones take a space."""
    cjk = keyword and unicodedata.east_asian_width(keyword[-1]) == "W"
    return f"{keyword}{words}" if cjk else f"{keyword} {words}"


class PrettyReport:
    """Feature, scenario, each step with its mark, the state an action reached, and why a step failed."""

    def __init__(self, emit: Emit, lang: Lang) -> None:
        self.emit = emit
        self.lang = lang
        self._feature: str | None = None

    def scenario(self, result: ScenarioResult) -> None:
        if result.feature_file != self._feature:
            self._feature = result.feature_file
            where = f"{shown_path(result.feature_file)}:{result.feature_line}"
            self.emit("")
            self.emit(f"{result.feature_keyword}: {result.feature_name}", bold=True, nl=False)
            self.emit(f"  # {where}", dim=True)
        self.emit("")
        self.emit(f"  {result.keyword}: {result.title}", bold=True, nl=False)
        self.emit(f"  # {shown_path(result.feature_file)}:{result.line}", dim=True)  # what `run FILE:LINE` takes
        for step in result.steps:
            self._step(step)
        if result.error:
            where = render(_("at the end of the scenario"), self.lang)
            self.emit(f"    ✗ {where}", fg="red")
            self._indented(result.error, fg="red")

    def _step(self, step: StepResult) -> None:
        line = f"    {_MARKS[step.status]} {_joined(step.keyword, step.text)}"
        if step.status is not Status.PASSED:
            line += f"  ({render(step.status, self.lang)})"
        self.emit(line, fg=_COLOURS[step.status], nl=not step.outcome)
        if step.outcome:
            self.emit(f"   → {step.outcome}", dim=True)
        if step.error:
            self._indented(step.error, fg=_COLOURS[step.status])

    def _indented(self, message: str, **style: Any) -> None:
        for line in message.splitlines():
            self.emit(f"        {line}", **style)

    def finish(self, run: RunResult) -> None:
        failed = [scenario for scenario in run.scenarios if scenario.status in _UNSUCCESSFUL]
        if failed:
            self.emit("")
            self.emit(render(_("Failed scenarios:"), self.lang), fg="red", bold=True)
            for scenario in failed:
                where = f"{shown_path(scenario.feature_file)}:{scenario.line}"
                self.emit(f"  {where}  {scenario.title}  ({render(scenario.status, self.lang)})", fg="red")


class ProgressReport:
    """One mark per scenario (. F U), then what failed."""

    def __init__(self, emit: Emit, lang: Lang) -> None:
        self.emit = emit
        self.lang = lang
        self._pretty = PrettyReport(emit, lang)

    def scenario(self, result: ScenarioResult) -> None:
        self.emit(_PROGRESS[result.status], fg=_COLOURS[result.status], nl=False)

    def finish(self, run: RunResult) -> None:
        self.emit("")
        for scenario in run.scenarios:
            if scenario.status in _UNSUCCESSFUL:
                self._pretty.scenario(scenario)
        self._pretty.finish(run)


def summary_lines(run: RunResult, lang: Lang) -> list[str]:
    """The closing lines; the very last one always starts with a plain `N passed, N failed`.

    Undefined and skipped scenarios are counted apart, as Cucumber counts them; the exit code says whether the
    run passed.
    """
    lines = [""]
    total = len(run.scenarios)
    parts: list[Message] = [
        ngettext(
            "{total} scenario: {passed} passed, {failed} failed",
            "{total} scenarios: {passed} passed, {failed} failed",
            total, total=total, passed=run.passed, failed=run.failed,
        )
    ]  # fmt: skip
    plain = f"{run.passed} passed, {run.failed} failed"
    if run.undefined:
        parts.append(_(", {undefined} undefined", undefined=run.undefined))
        plain += f", {run.undefined} undefined"
    if run.skipped:
        parts.append(_(", {skipped} skipped", skipped=run.skipped))
        plain += f", {run.skipped} skipped"
    said = "".join(render(part, lang) for part in parts)
    if said != "".join(render(part, SOURCE_LANG) for part in parts):  # the plain last line says it in English
        lines.append(said)
    if run.undefined:
        undefined = ngettext(
            "{undefined} scenario has undefined steps: `xingtu-sim steps` lists every phrasing.",
            "{undefined} scenarios have undefined steps: `xingtu-sim steps` lists every phrasing.",
            run.undefined,
            undefined=run.undefined,
        )
        lines.append(render(undefined, lang))
    return [*lines, plain]
