"""The `xingtu-sim` command line: each command reads its arguments, calls the library, prints."""

from __future__ import annotations

import click

from xingtu_sim.cli.base import LazyGroup, lang_option

# name: (module defining `command`, its line in `xingtu-sim --help`). Imported only when run.
COMMANDS = {
    "run": ("xingtu_sim.cli.run", "Run feature files (default: the bundled ones). 运行场景。"),
    "steps": ("xingtu_sim.cli.steps", "List the step vocabulary. 列出步骤词汇表。"),
    "coverage": ("xingtu_sim.cli.coverage", "Which states and transitions the scenarios cover. 覆盖率。"),
    "generate": ("xingtu_sim.cli.generate", "Generate scenarios from the lifecycle table. 生成场景。"),
    "diagram": ("xingtu_sim.cli.diagram", "Draw the task lifecycle. 绘制任务生命周期图。"),
    "tour": ("xingtu_sim.cli.tour", "A guided, interactive walk through one task. 新手导览。"),
    "sandbox": ("xingtu_sim.cli.sandbox", "A practice account and task inbox. 练习账户与任务收件箱。"),
    "rules": ("xingtu_sim.cli.rules", "Print the rules in force as TOML. 打印当前规则。"),
    "simulate": ("xingtu_sim.cli.simulate", "Simulate many tasks at once and report. 批量模拟任务并汇总。"),
    "serve": ("xingtu_sim.cli.serve", "The practice console in the browser. 浏览器练习控制台。"),
}


@click.group(cls=LazyGroup, lazy_commands=COMMANDS, context_settings={"help_option_names": ["-h", "--help"]})
@lang_option
@click.version_option(package_name="xingtu-sim")
def main() -> None:
    """Simulate how a creator takes on a paid ad task on Douyin Xingtu.

    模拟达人在抖音星图接受付费广告任务的全过程。

    Example / 示例:  xingtu-sim run
    """


__all__ = ["main"]
