"""`xingtu-sim run`: run feature files and report each step, in Gherkin style or for tools."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import ExitStack
from pathlib import Path
from typing import TYPE_CHECKING

import click

from xingtu_sim.cli.base import EXIT_FAILED, Failed, XingtuCommand, current_lang, lang_option, rules_option, say
from xingtu_sim.cli.report_formats import ReportSpec, once, report_specs
from xingtu_sim.cli.report_output import ReportOutput
from xingtu_sim.domain.rules import Rules
from xingtu_sim.domain.text import N_, _, ngettext
from xingtu_sim.i18n import Lang, render
from xingtu_sim.interrupts import signal_of

if TYPE_CHECKING:
    from xingtu_sim.runner.dry_run import DryRun
    from xingtu_sim.runner.results import RunResult, ScenarioResult

# runner.reports.FORMATS, without importing pytest for --help
FORMATS = ("pretty", "progress", "cucumber-json", "junit", "message", "html", "rerun")
_DOCUMENTS = ("cucumber-json", "junit", "message", "html", "rerun")


@click.command("run", cls=XingtuCommand)
@click.argument("paths", nargs=-1, metavar="[PATH[:LINE...]|@FILE]...")
@click.option(
    "--tags", multiple=True, metavar="EXPRESSION",
    help=N_("Cucumber tag expression, e.g. '@no-op and not @zh'; repeated, every one must hold."),
)  # fmt: skip
@click.option(
    "--name", "names", multiple=True, metavar="REGEX",
    help=N_("Run the scenarios whose name matches this regular expression; repeated, any may match."),
)  # fmt: skip
@click.option(
    "--format", "formats", multiple=True, metavar="FORMAT[:FILE]",
    help=N_(
        "How to report: pretty (the default), progress, cucumber-json, junit, message, html or rerun; to FILE "
        "after a colon. Repeat it for several reports, at most one of them to standard output."
    ),
)  # fmt: skip
@click.option(
    "--output", "-o", "outputs", type=click.Path(dir_okay=False, path_type=Path), multiple=True,
    help=N_("Write the report of a single --format to FILE."),
)  # fmt: skip
@click.option(
    "--dry-run", is_flag=True,
    help=N_("Check every step against the vocabulary, run nothing; the reports asked for show the steps skipped."),
)  # fmt: skip
@click.option("--fail-fast", is_flag=True, help=N_("Stop at the first scenario that fails; the rest are skipped."))
@click.option(
    "--language", "languages", metavar="CODE", multiple=True,
    help=N_(
        "The Gherkin language of feature files without a '# language:' line, en if not given (--lang is that "
        "of messages)."
    ),
)  # fmt: skip
@click.option(
    "--i18n-keywords", "keywords_of", metavar="CODE", multiple=True,
    help=N_("List the Gherkin keywords of a language, run nothing."),
)  # fmt: skip
@rules_option
@lang_option
def command(
    paths: tuple[str, ...],
    tags: tuple[str, ...],
    names: tuple[str, ...],
    formats: tuple[str, ...],
    outputs: tuple[Path, ...],
    dry_run: bool,
    fail_fast: bool,
    languages: tuple[str, ...],
    keywords_of: tuple[str, ...],
    rules: Rules,
) -> None:
    """Run feature files or folders; with none, the scenarios that ship with xingtu-sim.

    FILE:12 runs the scenario (or the Examples row) at line 12, FILE:12:30 both; @rerun.txt runs the scenarios
    that a run with --format rerun:rerun.txt listed as not passed.

    Exit 0 when every scenario passed, 1 when one failed or has an undefined step, 2 on bad input.

    Example:  xingtu-sim run features/ --tags '@no-op and not @zh' --format junit:junit.xml
    """
    from xingtu_sim.runner.files import DEFAULT_LANGUAGE
    from xingtu_sim.runner.gherkin_keywords import gherkin_language, keyword_lines
    from xingtu_sim.runner.locations import read_locations
    from xingtu_sim.runner.selection import NothingSelected, Selection, name_patterns
    from xingtu_sim.runner.session import RunOptions, load_paths, select
    from xingtu_sim.runner.tags import TagFilter

    lang = current_lang()
    output, language = once("--output", outputs), once("--language", languages)
    i18n_keywords = once("--i18n-keywords", keywords_of)
    if i18n_keywords is not None:
        for line in keyword_lines(i18n_keywords):
            say(line)
        return
    specs = report_specs(formats, output, FORMATS, default=None if dry_run else "pretty")
    locations = read_locations(paths)
    selection = Selection(TagFilter(tags), name_patterns(names), locations.lines)
    options = RunOptions(lang, selection, rules, fail_fast, gherkin_language(language or DEFAULT_LANGUAGE))
    written = [ReportOutput(spec.path, document=spec.format in _DOCUMENTS) for spec in specs]
    try:
        if locations.nothing:
            chosen = []
        else:
            chosen = select(load_paths(locations.paths, options.language, language_option=True), selection)
    except NothingSelected as nothing:
        raise Failed(render(nothing.line, lang)) from None
    if dry_run:
        from xingtu_sim.runner.dry_run import dry_run as check

        checked = check(chosen, lang)
        _write(specs, written, lang, lambda on_scenario: _replay(checked.run, on_scenario))
        _say_problems(checked, quiet=_document_on_stdout(specs))
        if checked.problems:
            raise click.exceptions.Exit(EXIT_FAILED)
        return
    from xingtu_sim.runner.session import run_scenarios

    run = _write(specs, written, lang, lambda on_scenario: run_scenarios(chosen, options, on_scenario))
    to_stderr = _document_on_stdout(specs)  # keep the document clean
    if locations.nothing:
        empty = ngettext(
            "The rerun file names no scenario: nothing to run.",
            "The rerun files name no scenario: nothing to run.",
            len(paths),
        )
        say(empty, err=to_stderr)
    *lines, last = _summary(run, lang)
    for line in lines:
        say(line, err=to_stderr)
    say(last, err=to_stderr, bold=True, fg="green" if run.ok else "red")
    if not run.ok:
        raise click.exceptions.Exit(EXIT_FAILED)


def _write(
    specs: Sequence[ReportSpec],
    outputs: Sequence[ReportOutput],
    lang: Lang,
    run: Callable[[Callable[[ScenarioResult], None]], RunResult],
) -> RunResult:
    """Run, telling every report of each scenario as it ends, then of the run; a run that stops leaves no report
    for tools behind."""
    from xingtu_sim.runner.reports import make_report

    reports = [make_report(spec.format, output.emit, lang) for spec, output in zip(specs, outputs, strict=True)]
    finished: list[ScenarioResult] = []

    def on_scenario(scenario: ScenarioResult) -> None:
        finished.append(scenario)
        for report in reports:
            report.scenario(scenario)

    with ExitStack() as stack:
        for output in outputs:
            stack.enter_context(output)
        try:
            for output in outputs:
                output.open()
            result = run(on_scenario)
            for report in reports:
                report.finish(result)
        except KeyboardInterrupt as interrupt:
            count, signal = len(finished), signal_of(interrupt).name
            said = ngettext(
                "Interrupted ({signal}) after {count} scenario: the run did not finish and did not pass.",
                "Interrupted ({signal}) after {count} scenarios: the run did not finish and did not pass.",
                count, count=count, signal=signal,
            )  # fmt: skip
            for output in outputs:
                output.withdraw(render(said, lang))
            raise
        except Exception:
            for output in outputs:
                output.withdraw(None)
            raise
    for spec in specs:
        if spec.path is not None:
            written = _("{format} report written to {path}", format=spec.format, path=spec.path)
            say(written, err=_document_on_stdout(specs))
    return result


def _replay(run: RunResult, on_scenario: Callable[[ScenarioResult], None]) -> RunResult:
    for scenario in run.scenarios:
        on_scenario(scenario)
    return run


def _document_on_stdout(specs: Sequence[ReportSpec]) -> bool:
    return any(spec.path is None and spec.format in _DOCUMENTS for spec in specs)


def _say_problems(checked: DryRun, quiet: bool) -> None:
    for problem in checked.problems:
        step = f"{problem.keyword} {problem.text}"
        say(_("{path}:{line}: {step}", path=problem.path, line=problem.line, step=step), err=quiet)
        for line in problem.problem:
            say("    ", line, fg="yellow", err=quiet)
    checked_line = ngettext(
        "{checked} step checked against the vocabulary, {problems} with problems.",
        "{checked} steps checked against the vocabulary, {problems} with problems.",
        checked.checked,
        checked=checked.checked,
        problems=len(checked.problems),
    )
    say(checked_line, err=quiet)


def _summary(run: RunResult, lang: Lang) -> list[str]:
    from xingtu_sim.runner.text_reports import summary_lines

    return summary_lines(run, lang)
