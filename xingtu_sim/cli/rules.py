"""`xingtu-sim rules`: the rules in force, as TOML."""

from __future__ import annotations

import click

from xingtu_sim.cli.base import XingtuCommand, lang_option, rules_option, say
from xingtu_sim.domain.rules import Rules
from xingtu_sim.files.rules_toml import rules_to_toml


@click.command("rules", cls=XingtuCommand)
@rules_option
@lang_option
def command(rules: Rules) -> None:
    """Print the rules in force as TOML; save, edit and pass it back with --rules.

    Example:  xingtu-sim rules > my-rules.toml && xingtu-sim rules --rules my-rules.toml
    """
    say(rules_to_toml(rules), nl=False)
