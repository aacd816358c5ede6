"""`xingtu-sim steps`: the step vocabulary, so that a trainer can write a feature from it."""

from __future__ import annotations

import click

from xingtu_sim.cli.base import current_lang, lang_option, say
from xingtu_sim.domain.account import Platform
from xingtu_sim.domain.errors import Reason
from xingtu_sim.domain.lifecycle import State
from xingtu_sim.domain.text import _
from xingtu_sim.i18n import Lang, join, render, text
from xingtu_sim.steps.vocabulary import STATE_VARIANTS, VOCABULARY, Kind, step_line


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
    numbers = _("A number may also be written 150,000, 15万, 1.5万, 15w or 十五万; a step may end with . or 。")
    say(render(numbers, lang))
    for kind in Kind:
        say("")
        say(text(f"steps.{kind.value}", lang), bold=True)
        for phrase in VOCABULARY:
            if kind in phrase.kinds:
                say(f"  {step_line(phrase, lang, kind)}")
                for variant in phrase.variants(lang):
                    say(
                        "      "
                        + render(_("also: {phrasing}", phrasing=step_line(phrase, lang, kind, variant=variant)), lang)
                    )
    say("")
    say(text("steps.states", lang, states=join([_state(state, lang) for state in State], lang)))
    say(text("steps.reasons", lang, reasons=join([r.label(lang) for r in Reason], lang)))
    say(text("steps.platforms", lang, platforms=join([f"{p.value} ({p.zh})" for p in Platform], lang)))


def _state(state: State, lang: Lang) -> str:
    """A state as a step may write it: its label (and the source text's name for it), then its id."""
    names = [state.label(lang)]
    if lang == "zh-CN":
        names += [name for name, named in STATE_VARIANTS.items() if named is state]
    return f"{' / '.join(names)} ({state.id})"
