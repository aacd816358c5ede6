"""`xingtu-sim run`: run feature files and report each step, in Gherkin style or for tools."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from xingtu_sim.cli.base import EXIT_FAILED, Failed, XingtuCommand, current_lang, lang_option, rules_option, say
from xingtu_sim.cli.report_output import ReportOutput
from xingtu_sim.domain.rules import Rules
from xingtu_sim.domain.text import N_, _, ngettext
from xingtu_sim.i18n import render
from xingtu_sim.interrupts import signal_of

if TYPE_CHECKING:
    from xingtu_sim.runner.results import ScenarioResult

FORMATS = ("pretty", "progress", "cucumber-json", "junit", "message", "html")  # runner.reports.FORMATS, without pytest


@click.command("run", cls=XingtuCommand)
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--tags", metavar="EXPRESSION", help=N_("Cucumber tag expression, e.g. '@no-op and not @zh'."))
@click.option(
    "--format", "report_format", type=click.Choice(FORMATS), default="pretty", show_default=True,
    help=N_("How to report."),
)  # fmt: skip
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), help=N_("Write the report to FILE."))
@click.option("--dry-run", is_flag=True, help=N_("Check every step against the vocabulary, run nothing."))
@rules_option
@lang_option
def command(
    paths: tuple[Path, ...], tags: str | None, report_format: str, output: Path | None, dry_run: bool, rules: Rules
) -> None:
    """Run feature files or folders; with none, the scenarios that ship with xingtu-sim.

    Exit 0 when every scenario passed, 1 when one failed or has an undefined step, 2 on bad input.

    Example:  xingtu-sim run features/ --tags '@no-op and not @zh'
    """
    from xingtu_sim.runner.dry_run import check_steps
    from xingtu_sim.runner.reports import FOR_TOOLS, make_report
    from xingtu_sim.runner.session import RunOptions, load_paths, run_paths
    from xingtu_sim.runner.tags import NothingSelected, TagFilter
    from xingtu_sim.runner.text_reports import summary_lines

    lang = current_lang()
    options = RunOptions(lang, TagFilter(tags), rules)
    if dry_run:
        checked, problems = check_steps(load_paths(paths), lang)
        for problem in problems:
            step = f"{problem.keyword} {problem.text}"
            say(_("{path}:{line}: {step}", path=problem.path, line=problem.line, step=step))
            say(f"    {problem.problem}", fg="yellow")
        checked_line = ngettext(
            "{checked} step checked against the vocabulary, {problems} with problems.",
            "{checked} steps checked against the vocabulary, {problems} with problems.",
            checked,
            checked=checked,
            problems=len(problems),
        )
        say(checked_line)
        if problems:
            raise click.exceptions.Exit(EXIT_FAILED)
        return

    output_to = ReportOutput(output, document=report_format in FOR_TOOLS)
    report = make_report(report_format, output_to.emit, lang)
    finished: list[ScenarioResult] = []

    def on_scenario(scenario: ScenarioResult) -> None:
        finished.append(scenario)
        report.scenario(scenario)

    with output_to:
        try:
            run = run_paths(paths, options, on_scenario, before_run=output_to.open)
            report.finish(run)
        except KeyboardInterrupt as interrupt:
            count, signal = len(finished), signal_of(interrupt).name
            said = ngettext(
                "Interrupted ({signal}) after {count} scenario: the run did not finish and did not pass.",
                "Interrupted ({signal}) after {count} scenarios: the run did not finish and did not pass.",
                count, count=count, signal=signal,
            )  # fmt: skip
            output_to.withdraw(render(said, lang))
            raise
        except NothingSelected as nothing:
            output_to.withdraw(render(nothing.line, lang))
            raise Failed(render(nothing.line, lang)) from None
        except Exception:
            output_to.withdraw(None)
            raise

    if output is not None:
        say(_("{format} report written to {path}", format=report_format, path=output))
    *lines, last = summary_lines(run, lang)
    summary_to_stderr = output is None and report_format in FOR_TOOLS  # keep the document clean
    for line in lines:
        say(line, err=summary_to_stderr)
    say(last, err=summary_to_stderr, bold=True, fg="green" if run.ok else "red")
    if not run.ok:
        raise click.exceptions.Exit(EXIT_FAILED)
