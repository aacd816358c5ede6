"""`xingtu-sim simulate`: many tasks at once, each following a behaviour policy, and a report."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import click

from xingtu_sim.cli.base import XingtuCommand, current_lang, lang_option, rules_option, say
from xingtu_sim.domain.rules import Rules
from xingtu_sim.domain.text import N_, _
from xingtu_sim.i18n import render
from xingtu_sim.simulate import ENGINES, MAX_ORDERS, simulate
from xingtu_sim.simulate.policy_toml import DEFAULT_POLICY, policy_to_toml, read_policy

# Below these sizes a run takes well under a second and a bar would only flicker.
_BAR_FROM = {"compiled": 500_000, "transitions": 2_000}


@click.command("simulate", cls=XingtuCommand)
@click.option(
    "--orders",
    type=click.IntRange(1, MAX_ORDERS),
    default=10_000,
    show_default=True,
    metavar="N",
    help=N_("How many tasks to simulate."),
)
@click.option(
    "--seed",
    type=click.IntRange(min=0),
    default=0,
    show_default=True,
    help=N_("Seed of the random draws: same seed and inputs, same report."),
)
@click.option(
    "--policy",
    "policy_file",
    type=click.Path(path_type=Path),
    metavar="FILE",
    help=N_("TOML file overriding any part of the behaviour policy; see --show-policy."),
)
@click.option(
    "--engine",
    type=click.Choice(ENGINES),
    default="compiled",
    show_default=True,
    help=N_("compiled: NumPy arrays, fast; transitions: each task through the real state machine. Same results."),
)
@click.option("--json", "as_json", is_flag=True, help=N_("Print the report as JSON."))
@click.option(
    "--show-policy",
    is_flag=True,
    help=N_("Print the behaviour policy in force as TOML, then stop."),
)
@rules_option
@lang_option
def command(
    rules: Rules, orders: int, seed: int, policy_file: Path | None, engine: str, as_json: bool, show_policy: bool
) -> None:
    """Simulate many tasks, each moved by a behaviour policy, and report what became of them.

    Example:  xingtu-sim simulate --orders 100000 --policy picky.toml
    """
    policy = read_policy(policy_file) if policy_file else DEFAULT_POLICY
    if show_policy:
        say(policy_to_toml(policy), nl=False)
        return
    from xingtu_sim.simulate.report import report_json, report_table, summarise  # NumPy, only when simulating

    with _progress_bar(orders >= _BAR_FROM[engine]) as progress:
        outcomes = simulate(engine, orders, seed, policy, rules, progress)
    summary = summarise(outcomes, rules, seed)
    say(report_json(summary) if as_json else report_table(summary, engine, current_lang()))


@contextmanager
def _progress_bar(long_run: bool) -> Iterator[Callable[[int], None] | None]:
    """A bar on stderr for long runs, only when stdout is a terminal: piped output stays clean."""
    if not (long_run and sys.stdout.isatty()):
        yield None
        return
    ctx = click.get_current_context()
    with click.progressbar(
        length=ctx.params["orders"], label=render(_("Simulating"), current_lang()), file=sys.stderr
    ) as bar:
        yield bar.update
