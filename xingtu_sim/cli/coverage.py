"""`xingtu-sim coverage`: which states and transitions of the lifecycle the scenarios exercise."""

from __future__ import annotations

import json
from pathlib import Path

import click

from xingtu_sim.cli.base import EXIT_FAILED, Failed, XingtuCommand, current_lang, lang_option, rules_option, say
from xingtu_sim.domain.lifecycle import EDGES, TRIGGERS, State
from xingtu_sim.domain.rules import Rules
from xingtu_sim.domain.text import N_, Text, _, ngettext
from xingtu_sim.domain.trace import Trace
from xingtu_sim.i18n import Lang, render
from xingtu_sim.tools.generate import SAMPLE_TASK, action_step
from xingtu_sim.tools.lifecycle_coverage import Coverage, Missing


@click.command("coverage", cls=XingtuCommand)
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--fail-under", type=click.FloatRange(0, 100), metavar="PCT",
              help=N_("Exit 1 when transition coverage is below PCT percent."))  # fmt: skip
@click.option("--format", "report_format", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help=N_("text for people, json for tools."))  # fmt: skip
@click.option("--tags", metavar="EXPRESSION", help=N_("Only scenarios matching this tag expression."))
@rules_option
@lang_option
def command(
    paths: tuple[Path, ...], fail_under: float | None, report_format: str, tags: str | None, rules: Rules
) -> None:
    """Run the scenarios (default: the bundled ones) and report which states and transitions they
    exercise, with the shortest way to reach each one they miss.

    Example:  xingtu-sim coverage features/ --fail-under 100
    """
    from xingtu_sim.runner.selection import NothingSelected, Selection
    from xingtu_sim.runner.session import RunOptions, run_paths
    from xingtu_sim.runner.tags import TagFilter

    lang = current_lang()
    try:
        run = run_paths(paths, RunOptions(lang, Selection(TagFilter(tags)), rules))
    except NothingSelected as nothing:
        raise Failed(render(nothing.line, lang)) from None
    trace = Trace()
    for scenario in run.scenarios:
        if scenario.trace is not None:
            trace.merge(scenario.trace)
    coverage = Coverage(trace)
    failures = len(run.scenarios) - run.passed  # failed or undefined
    if report_format == "json":
        report = coverage.as_json() | {"scenarios": {"passed": run.passed, "failed": failures}}
        say(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        _print_text(coverage, lang, rules)
    if failures:
        failed = ngettext(
            "{failed} scenario failed; coverage counts what it did before failing.",
            "{failed} scenarios failed; coverage counts what they did before failing.",
            failures,
            failed=failures,
        )
        say(failed, err=True, fg="yellow")
    if fail_under is not None and coverage.transition_percent < fail_under:
        percent, limit = f"{coverage.transition_percent:.1f}%", f"{fail_under:g}%"
        say(
            _("Transition coverage {percent} is under --fail-under {limit}.", percent=percent, limit=limit),
            err=True,
            fg="red",
        )
        raise click.exceptions.Exit(EXIT_FAILED)
    if failures:
        raise click.exceptions.Exit(EXIT_FAILED)


def _print_text(coverage: Coverage, lang: Lang, rules: Rules) -> None:
    states = 100 * coverage.states_covered / len(State)
    say(
        _(
            "States:      {covered}/{total} ({percent:.0f}%)",
            covered=coverage.states_covered,
            total=len(State),
            percent=states,
        )
    )
    transitions, percent = coverage.transitions_covered, coverage.transition_percent
    say(_("Transitions: {covered}/{total} ({percent:.0f}%)", covered=transitions, total=len(EDGES), percent=percent))
    refused = len(coverage.trace.refused)
    say(
        ngettext(
            "Refusals exercised: {count} (state, action) pair",
            "Refusals exercised: {count} (state, action) pairs",
            refused,
            count=refused,
        )
    )
    missing = coverage.missing()
    if not missing:
        say(_("Every state and transition is covered."), fg="green")
        return
    say("")
    say(_("Not covered, with the fewest moves that reach it:"), bold=True)
    for item in missing:
        say(_what(item), fg="yellow")
        for edge in item.path:
            say(f"    {action_step(edge, render(SAMPLE_TASK, lang), lang, rules).strip()}")


def _what(item: Missing) -> Text:
    if item.edge is None:
        assert item.state is not None
        return _("  state {state}", state=item.state)
    row = TRIGGERS[item.edge.trigger]
    move = _("{action} ({actor})", action=row, actor=row.actor)
    return _("  {source} --{move}--> {dest}", source=item.edge.source, move=move, dest=item.edge.dest)
