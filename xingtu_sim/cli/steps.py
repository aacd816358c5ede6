"""`xingtu-sim steps`: the step vocabulary, so that a trainer can write a feature from it."""

from __future__ import annotations

import click

from xingtu_sim.cli.base import current_lang, lang_option, say
from xingtu_sim.domain.account import Platform
from xingtu_sim.domain.errors import Reason
from xingtu_sim.domain.lifecycle import State
from xingtu_sim.i18n import join, text
from xingtu_sim.steps.vocabulary import VOCABULARY, Kind, step_line


@click.command("steps")
@lang_option
def command() -> None:
    """List every step phrasing scenario writers can use, grouped by Given, When and Then.

    列出编写场景时可用的全部步骤说法，按“假如 / 当 / 那么”分组。

    Example / 示例:  xingtu-sim steps --lang zh-CN
    """
    lang = current_lang()
    say(text("steps.title", lang), bold=True)
    say(text("steps.placeholders", lang))
    for kind in Kind:
        say("")
        say(text(f"steps.{kind.value}", lang), bold=True)
        for phrase in VOCABULARY:
            if kind in phrase.kinds:
                say(f"  {step_line(phrase, lang, kind)}")
    say("")
    say(text("steps.states", lang, states=join([f"{s.label(lang)} ({s.id})" for s in State], lang)))
    say(text("steps.reasons", lang, reasons=join([r.label(lang) for r in Reason], lang)))
    say(text("steps.platforms", lang, platforms=join([f"{p.value} ({p.zh})" for p in Platform], lang)))
