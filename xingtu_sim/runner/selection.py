"""Which scenarios run: by tag expression, by name (regular expressions) and by line (`FILE:LINE`), as Cucumber."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from xingtu_sim.domain.errors import InputError
from xingtu_sim.domain.text import Text, _, join, ngettext
from xingtu_sim.runner.scenarios import PlannedScenario
from xingtu_sim.runner.tags import TagFilter


def name_patterns(patterns: Iterable[str]) -> tuple[re.Pattern[str], ...]:
    """The --name patterns compiled; one that is not a regular expression is bad input."""
    compiled = []
    for pattern in patterns:
        try:
            compiled.append(re.compile(pattern))
        except re.error as error:
            raise InputError(
                _(
                    '--name "{pattern}" is not a regular expression: {problem} (at character {position}).',
                    pattern=pattern, problem=error.msg, position=(error.pos or 0) + 1,
                )
            ) from None  # fmt: skip
    return tuple(compiled)


@dataclass(frozen=True)
class Selection:
    """Tags, names and lines: a scenario runs if it matches all three (any name, any line)."""

    tags: TagFilter = field(default_factory=TagFilter)
    names: tuple[re.Pattern[str], ...] = ()
    lines: Mapping[Path, frozenset[int]] = field(default_factory=dict)  # resolved file -> its lines; others whole

    @property
    def selects_all(self) -> bool:
        return self.tags.selects_all and not self.names and not self.lines

    def selects(self, scenario: PlannedScenario) -> bool:
        if not self.tags.matches(tag.name for tag in scenario.tags):
            return False
        if self.names and not any(pattern.search(scenario.name) for pattern in self.names):
            return False
        lines = self.lines.get(Path(scenario.file.feature.filename))
        return lines is None or scenario.line in lines or scenario.template.line_number in lines

    def choose(self, scenarios: Sequence[PlannedScenario]) -> list[PlannedScenario]:
        """The scenarios selected; none of many is NothingSelected (a check that ran nothing did not pass)."""
        chosen = [scenario for scenario in scenarios if self.selects(scenario)]
        if scenarios and not chosen and not self.selects_all:
            raise NothingSelected(self, {tag.name for scenario in scenarios for tag in scenario.tags})
        return chosen


def check_lines(scenarios: Sequence[PlannedScenario], lines: Mapping[Path, frozenset[int]]) -> None:
    """Each line asked for starts a scenario or an Examples row; if not, the nearest ones are named."""
    problems: list[Text] = []
    for path, asked in lines.items():
        starts = sorted(
            {s.line for s in scenarios if Path(s.file.feature.filename) == path}
            | {s.template.line_number for s in scenarios if Path(s.file.feature.filename) == path}
        )
        shown = next((s.file.path for s in scenarios if Path(s.file.feature.filename) == path), path)
        for line in sorted(asked - set(starts)):
            before, after = [n for n in starts if n < line][-1:], [n for n in starts if n > line][:1]
            found = before + after
            problems.append(
                ngettext(
                    "{path}:{line}: no scenario or Examples row starts at line {line}; the nearest starts at line "
                    "{lines}.",
                    "{path}:{line}: no scenario or Examples row starts at line {line}; the nearest start at lines "
                    "{lines}.",
                    len(found), path=shown, line=line, lines=join(found),
                )
            )  # fmt: skip
    if problems:
        raise InputError(*problems)


class NothingSelected(Exception):
    """Filters that select no scenario: a check that ran nothing did not pass (exit 1); says which tags there are."""

    def __init__(self, selection: Selection, available: Iterable[str]) -> None:
        tags = sorted(set(available))
        # The options as the user typed them, each --tags apart: not the expression they combine into.
        asked = " ".join(
            [f'--tags "{expression}"' for expression in selection.tags.given]
            + [f'--name "{pattern.pattern}"' for pattern in selection.names]
        )
        if selection.names or selection.lines:
            self.line: Text = _("No scenario matches {filters} in the lines asked for.", filters=asked)
            if not selection.lines:
                self.line = _("No scenario matches {filters}.", filters=asked)
        elif tags:
            self.line = _(
                "No scenario matches {filters}. The tags in these files: {tags}.", filters=asked, tags=join(tags)
            )
        else:
            self.line = _("No scenario matches {filters}: these files have no tags.", filters=asked)
        super().__init__(str(self.line))
