"""`run --format FMT[:PATH]`, repeatable: which reports a run writes, and where (at most one to standard output)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from xingtu_sim.domain.errors import InputError
from xingtu_sim.domain.text import _, join

T = TypeVar("T")


def once(option: str, given: Sequence[T]) -> T | None:
    """An option that takes one value: given twice is bad input, never the last silently kept."""
    if len(given) > 1:
        raise InputError(_("{option} is given {count} times; give it once.", option=option, count=len(given)))
    return given[0] if given else None


@dataclass(frozen=True)
class ReportSpec:
    format: str
    path: Path | None  # None: standard output


def report_specs(
    given: Sequence[str], output: Path | None, formats: Sequence[str], default: str | None
) -> list[ReportSpec]:
    """The reports asked for: `--format FMT[:PATH]` each, `--output` naming the file of a single one; with no
    --format, `default` (if any) to --output or standard output."""
    specs = [_spec(value, formats) for value in given]
    if output is not None:
        if len(specs) > 1 or (specs and specs[0].path is not None):
            raise InputError(
                _("--output names the file of a single --format; for several reports write --format FMT:PATH each.")
            )
        specs = [ReportSpec(specs[0].format if specs else default or "pretty", output)]
    elif not specs and default is not None:
        specs = [ReportSpec(default, None)]
    to_stdout = [spec.format for spec in specs if spec.path is None]
    if len(to_stdout) > 1:
        raise InputError(
            _(
                "Only one report can go to standard output, not {formats}; write the others to files with "
                "--format FMT:PATH.",
                formats=join(to_stdout),
            )
        )  # fmt: skip
    paths = [spec.path.resolve() for spec in specs if spec.path is not None]
    if shared := next((path for path in paths if paths.count(path) > 1), None):
        raise InputError(_("Two reports cannot be written to the same file {path}.", path=shared))
    return specs


def _spec(value: str, formats: Sequence[str]) -> ReportSpec:
    name, colon, path = value.partition(":")
    if name not in formats:
        raise InputError(_('There is no --format "{name}"; choose from {formats}.', name=name, formats=join(formats)))
    if colon and not path:
        raise InputError(_('--format "{value}" names no file after the colon.', value=value))
    return ReportSpec(name, Path(path) if path else None)
