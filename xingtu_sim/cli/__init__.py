"""The `xingtu-sim` command line: each command reads its arguments, calls the library, prints."""

from __future__ import annotations

import click

from xingtu_sim.cli.base import LazyGroup, lang_option
from xingtu_sim.domain.text import N_

# name: (module defining `command`, its line in `xingtu-sim --help`, a message id). Imported only when run.
COMMANDS = {
    "run": ("xingtu_sim.cli.run", N_("Run feature files (default: the bundled ones).")),
    "steps": ("xingtu_sim.cli.steps", N_("List the step vocabulary.")),
    "coverage": ("xingtu_sim.cli.coverage", N_("Which states and transitions the scenarios cover.")),
    "generate": ("xingtu_sim.cli.generate", N_("Generate scenarios from the lifecycle table.")),
    "diagram": ("xingtu_sim.cli.diagram", N_("Draw the task lifecycle.")),
    "tour": ("xingtu_sim.cli.tour", N_("A guided, interactive walk through one task.")),
    "sandbox": ("xingtu_sim.cli.sandbox", N_("A practice account and task inbox.")),
    "rules": ("xingtu_sim.cli.rules", N_("Print the rules in force as TOML.")),
    "simulate": ("xingtu_sim.cli.simulate", N_("Simulate many tasks at once and report.")),
    "serve": ("xingtu_sim.cli.serve", N_("The practice console in the browser.")),
}


@click.group(cls=LazyGroup, lazy_commands=COMMANDS, context_settings={"help_option_names": ["-h", "--help"]})
@lang_option
@click.version_option(package_name="xingtu-sim")
def main() -> None:
    """Simulate how a creator takes on a paid ad task on Douyin Xingtu.

    Example:  xingtu-sim run
    """


__all__ = ["main"]
