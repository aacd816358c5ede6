"""What `run` is asked to run: files and folders, `FILE:LINE[:LINE…]`, and `@FILE`, a list of them (a rerun file)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from xingtu_sim.domain.errors import InputError
from xingtu_sim.domain.text import _
from xingtu_sim.files.text import read_text
from xingtu_sim.runner.results import RunResult, ScenarioResult, Status
from xingtu_sim.runner.text_reports import shown_path

_WITH_LINES = re.compile(r"(.+?)((?::\d+)+)")
_AFTER_FEATURE = re.compile(r"(.+?\.feature)(:.*)")


@dataclass
class Locations:
    paths: list[Path] = field(default_factory=list)  # files and folders, each run whole unless it has lines
    lines: dict[Path, frozenset[int]] = field(default_factory=dict)  # a resolved file -> the lines asked for
    from_lists_only: bool = False  # every argument was a rerun file: if they name nothing, nothing runs

    @property
    def nothing(self) -> bool:
        """Rerun files that name no scenario: nothing to run (it passes, as an empty list passes in Cucumber)."""
        return self.from_lists_only and not self.paths


def read_locations(arguments: Sequence[str]) -> Locations:
    """The paths and lines of the command line, rerun files read in place."""
    found = Locations(from_lists_only=bool(arguments) and all(arg.startswith("@") for arg in arguments))
    whole: set[Path] = set()
    for argument in arguments:
        for location in _rerun_file(argument) if argument.startswith("@") else [argument]:
            path, lines = _location(location)
            found.paths.append(path)
            if lines:
                key = path.resolve()
                found.lines[key] = found.lines.get(key, frozenset()) | lines
            else:
                whole.add(path.resolve())
    for path in whole:  # a file named whole anywhere runs whole
        found.lines.pop(path, None)
    return found


def _rerun_file(argument: str) -> list[str]:
    """The locations listed in `@FILE` (a file literally named `@FILE` first, as cucumber-js writes them)."""
    literal, named = Path(argument), Path(argument[1:])
    path = literal if literal.exists() else named
    if not path.exists() and not path.is_symlink():
        raise InputError(
            _("{argument}: there is no file {path} to read the scenarios to run from.", argument=argument, path=named)
        )
    text = read_text(path)
    return [word for line in text.splitlines() if not line.lstrip().startswith("#") for word in line.split()]


def _location(location: str) -> tuple[Path, frozenset[int]]:
    path = Path(location)
    if path.exists() or path.is_symlink():
        return path, frozenset()
    if found := _WITH_LINES.fullmatch(location):
        file, lines = Path(found.group(1)), frozenset(int(line) for line in found.group(2)[1:].split(":"))
        if file.is_dir():
            raise InputError(_("{location}: a line number follows a feature file, not a folder.", location=location))
        return file, lines
    if (found := _AFTER_FEATURE.fullmatch(location)) and Path(found.group(1)).exists():
        named, written = found.group(1), found.group(2)[1:]
        example = named + ":12"
        raise InputError(
            _(
                '{location}: "{lines}" is not a line number; write FILE:LINE, e.g. {example}.',
                location=location, lines=written, example=example,
            )
        )  # fmt: skip
    return path, frozenset()


def rerun_list(run: RunResult) -> str:
    """`--format rerun`: each file with a scenario that did not pass, as `FILE:LINE:LINE` (an Examples row by its
    own line), one file a line; `run @FILE` runs exactly those."""
    lines: dict[str, list[int]] = {}
    for scenario in run.scenarios:
        if scenario.status is not Status.PASSED:
            lines.setdefault(_rerun_path(scenario), []).append(scenario.line)
    return "".join(f"{path}:{':'.join(map(str, numbers))}\n" for path, numbers in lines.items())


def _rerun_path(scenario: ScenarioResult) -> str:
    """The path as it can be run again from here: relative to this folder, else whole."""
    shown = shown_path(scenario.feature_file)
    return shown if Path(shown).resolve() == Path(scenario.feature_file).resolve() else scenario.feature_file
