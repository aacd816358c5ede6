"""`xingtu-sim generate`: scenarios derived from the lifecycle table itself."""

from __future__ import annotations

from pathlib import Path

import click

from xingtu_sim.cli.base import BadInput, XingtuCommand, current_lang, lang_option, rules_option, say
from xingtu_sim.cli.output import why_not_written
from xingtu_sim.domain.rules import Rules
from xingtu_sim.domain.text import N_, _, ngettext
from xingtu_sim.i18n import render
from xingtu_sim.tools.generate import SCENARIO_COUNT, file_name, generate_feature


@click.command("generate", cls=XingtuCommand)
@click.option("--output", "-o", type=click.Path(file_okay=False, path_type=Path), metavar="DIR",
              help=N_("Write lifecycle_<lang>.feature into DIR instead of printing it."))  # fmt: skip
@rules_option
@lang_option
def command(output: Path | None, rules: Rules) -> None:
    """Write Gherkin derived from the lifecycle table: the shortest path through every transition,
    and one scenario per way a task can end. The same on every run; it runs green and covers everything.

    Example:  xingtu-sim generate --lang zh-CN --output generated/ && xingtu-sim run generated/
    """
    lang = current_lang()
    feature = generate_feature(lang, rules)
    if output is None:
        say(feature, nl=False)
        return
    path = output / file_name(lang)
    try:
        output.mkdir(parents=True, exist_ok=True)
        path.write_text(feature, encoding="utf-8")
    except OSError as error:
        where = output if output.exists() and not output.is_dir() else path  # --output /dev/full: not a folder
        said = _("Cannot write {path}: {reason}.", path=where, reason=why_not_written(error))
        raise BadInput(render(said, lang)) from None
    say(
        ngettext(
            "Wrote {path} ({count} scenario).",
            "Wrote {path} ({count} scenarios).",
            SCENARIO_COUNT,
            path=path,
            count=SCENARIO_COUNT,
        )
    )
