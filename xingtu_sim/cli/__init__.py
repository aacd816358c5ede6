"""The `xingtu-sim` command line: each command reads its arguments, calls the library, prints."""

from __future__ import annotations

import click

from xingtu_sim.cli.base import XingtuGroup, lang_option
from xingtu_sim.cli.diagram import diagram_command
from xingtu_sim.cli.rules import rules_command
from xingtu_sim.cli.run import run_command
from xingtu_sim.cli.steps import steps_command


@click.group(cls=XingtuGroup, context_settings={"help_option_names": ["-h", "--help"]})
@lang_option
@click.version_option(package_name="xingtu-sim")
def main() -> None:
    """Simulate how a creator takes on a paid ad task on Douyin Xingtu.
    模拟达人在抖音星图接受付费广告任务的全过程。

    Example / 示例:  xingtu-sim run
    """


main.add_command(run_command)
main.add_command(steps_command)
main.add_command(rules_command)
main.add_command(diagram_command)

__all__ = ["main"]
