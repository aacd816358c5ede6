"""Counts on the command line, written as feature files write them: 150000, 150,000, 15万, 十五万."""

from __future__ import annotations

from typing import Any

import click

from xingtu_sim.domain.errors import InputError
from xingtu_sim.domain.text import _
from xingtu_sim.steps.numbers import parse_count


class Followers(click.ParamType):  # type: ignore[type-arg]
    """A follower count as feature files write it: 150000, 150,000 or 15万."""

    name = "followers"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> int:
        try:
            return parse_count(str(value))
        except InputError:
            raise InputError(
                _('"{followers}" is not a follower count (a whole number, zero or more).', followers=value)
            ) from None
