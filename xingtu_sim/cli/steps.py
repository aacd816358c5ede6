"""`xingtu-sim steps`: the step vocabulary, so that a trainer can write a feature from it."""

from __future__ import annotations

import click

from xingtu_sim.cli.base import XingtuCommand, current_lang, lang_option, say, say_fitted
from xingtu_sim.domain.account import Platform
from xingtu_sim.domain.errors import Reason
from xingtu_sim.domain.lifecycle import State
from xingtu_sim.domain.text import _, join
from xingtu_sim.i18n import Lang, render
from xingtu_sim.steps.vocabulary import VOCABULARY, Kind, state_variants, step_line

PLACEHOLDERS = _(
    'Placeholders: "{{task}}", "{{brand}}" quoted names; "{{text}}" a quoted text; {{n}} a whole number '
    "(150000, 150,000, 15万, 9.5万, 10w or 十五万); {{amount}} yuan (8000 or 10.50); {{state}} a state; "
    "{{platform}} a platform; {{reason}} a refusal reason. A step may end with . or 。"
)


@click.command("steps", cls=XingtuCommand)
@lang_option
def command() -> None:
    """List every step phrasing scenario writers can use, grouped by Given, When and Then.

    Example:  xingtu-sim steps --lang zh-CN
    """
    lang = current_lang()
    introduction = _(
        "Step vocabulary: write these after Given / When / Then (And / But "
        "continue the one before).\nA Chinese feature file starts with the line: "
        "# language: zh-CN"
    )
    for line in render(introduction, lang).split("\n"):
        say_fitted(line, bold=True)
    say_fitted(PLACEHOLDERS)
    for kind in Kind:
        say("")
        say_fitted(_HEADINGS[kind], bold=True)
        for phrase in VOCABULARY:
            if kind in phrase.kinds:
                say_fitted(f"  {step_line(phrase, lang, kind)}", hanging=_HANGING)
                for variant in phrase.variants(lang):
                    also = _("also: {phrasing}", phrasing=step_line(phrase, lang, kind, variant=variant))
                    say_fitted("      " + render(also, lang), hanging=_HANGING)
    say("")
    say_fitted(_("States {{state}}: {states}.", states=join(_state(state, lang) for state in State)))
    say_fitted(_("Reasons {{reason}}: {reasons}.", reasons=join(Reason)))
    say_fitted(_("Platforms {{platform}}: {platforms}.", platforms=join(p.choice for p in Platform)))


_HANGING = "    "  # a step too long for the terminal goes on under its own start, further in

_HEADINGS = {
    Kind.GIVEN: _("Given: set-up"),
    Kind.WHEN: _("When: actions (a refused action is remembered for a Then step)"),
    Kind.THEN: _("Then: checks"),
}


def _state(state: State, lang: Lang) -> str:
    """A state as a step may write it: its label (and the source text's name for it), then its id."""
    names = [render(state, lang)]
    names += [name for name, named in state_variants(lang).items() if named is state]
    return f"{' / '.join(names)} ({state.id})"
