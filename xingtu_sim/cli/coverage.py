"""`xingtu-sim coverage`: which states and transitions of the lifecycle the scenarios exercise."""

from __future__ import annotations

import json
from pathlib import Path

import click

from xingtu_sim.cli.base import EXIT_FAILED, current_lang, lang_option, rules_option, say
from xingtu_sim.domain.lifecycle import EDGES, TRIGGERS, State
from xingtu_sim.domain.rules import Rules
from xingtu_sim.domain.trace import Trace
from xingtu_sim.i18n import Lang, text
from xingtu_sim.tools.generate import action_step
from xingtu_sim.tools.lifecycle_coverage import Coverage, Missing


@click.command("coverage")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--fail-under", type=click.FloatRange(0, 100), metavar="PCT",
              help="Exit 1 when transition coverage is below PCT percent. 覆盖率下限。")  # fmt: skip
@click.option("--format", "report_format", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text for people, json for tools. 输出格式。")  # fmt: skip
@click.option("--tags", metavar="EXPRESSION", help="Only scenarios matching this tag expression. 标签表达式。")
@rules_option
@lang_option
def command(
    paths: tuple[Path, ...], fail_under: float | None, report_format: str, tags: str | None, rules: Rules
) -> None:
    """Run the scenarios (default: the bundled ones) and report which states and transitions they
    exercise, with the shortest way to reach each one they miss.

    运行场景并报告覆盖了哪些状态和状态转换，并为每个未覆盖的部分给出最短的到达路径。

    Example / 示例:  xingtu-sim coverage features/ --fail-under 100
    """
    from xingtu_sim.runner.session import RunOptions, run_paths
    from xingtu_sim.runner.tags import TagFilter

    lang = current_lang()
    run = run_paths(paths, RunOptions(lang, TagFilter(tags), rules))
    trace = Trace()
    for scenario in run.scenarios:
        if scenario.trace is not None:
            trace.merge(scenario.trace)
    coverage = Coverage(trace)
    if report_format == "json":
        report = coverage.as_json() | {"scenarios": {"passed": run.passed, "failed": run.failed}}
        say(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        _print_text(coverage, lang, rules)
    if run.failed:
        say(text("coverage.failed_scenarios", lang, failed=run.failed), err=True, fg="yellow")
    if fail_under is not None and coverage.transition_percent < fail_under:
        say(text("coverage.under", lang, percent=coverage.transition_percent, limit=fail_under), err=True, fg="red")
        raise click.exceptions.Exit(EXIT_FAILED)
    if run.failed:
        raise click.exceptions.Exit(EXIT_FAILED)


def _print_text(coverage: Coverage, lang: Lang, rules: Rules) -> None:
    states = 100 * coverage.states_covered / len(State)
    say(text("coverage.states", lang, covered=coverage.states_covered, total=len(State), percent=states))
    transitions = coverage.transitions_covered
    say(text("coverage.transitions", lang, covered=transitions, total=len(EDGES), percent=coverage.transition_percent))
    say(text("coverage.refused", lang, count=len(coverage.trace.refused)))
    missing = coverage.missing()
    if not missing:
        say(text("coverage.all_covered", lang), fg="green")
        return
    say("")
    say(text("coverage.missing", lang), bold=True)
    for item in missing:
        say(f"  {_what(item, lang)}", fg="yellow")
        for edge in item.path:
            say(f"    {action_step(edge, text('generate.task', lang), lang, rules).strip()}")


def _what(item: Missing, lang: Lang) -> str:
    if item.edge is None:
        assert item.state is not None
        return text("coverage.missing_state", lang, state=item.state.label(lang))
    row = TRIGGERS[item.edge.trigger]
    move = text("move", lang, action=row.label(lang), actor=row.actor.label(lang))
    return text(
        "coverage.missing_edge", lang, source=item.edge.source.label(lang), move=move, dest=item.edge.dest.label(lang)
    )
