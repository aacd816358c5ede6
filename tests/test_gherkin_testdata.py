"""`xingtu-sim run` on the official Gherkin parser's own test files (tests/data/gherkin-testdata).

Nobody on this project wrote them: `bad/` must each be one clear error naming the file and line (exit 2);
`good/` is valid Gherkin in other steps than ours: exit 1 with the undefined steps listed, 2 where a file
holds no scenario, 0 where no scenario has a step at all. Never a traceback, in a run or a dry run.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from gherkin.errors import CompositeParserException, ParserException
from gherkin.parser import Parser

from xingtu_sim.cli import main

# A copy of cucumber/gherkin's testdata/good and testdata/bad kept with the tests (its README says which commit).
TESTDATA = Path(os.environ.get("XINGTU_SIM_GHERKIN_TESTDATA") or Path(__file__).parent / "data" / "gherkin-testdata")


def feature_files(kind: str) -> list[Path]:
    """Every .feature file in TESTDATA/kind, as a user would type it: relative to the current folder."""
    return [Path(os.path.relpath(path)) for path in sorted((TESTDATA / kind).glob("*.feature"))]


def test_the_gherkin_test_files_are_there() -> None:
    assert len(feature_files("good")) >= 40, TESTDATA
    assert len(feature_files("bad")) >= 10, TESTDATA


def run(path: Path, *options: str) -> Result:
    result = CliRunner().invoke(main, ["run", "--lang", "en", *options, str(path)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert "Traceback" not in result.output
    return result


def lines_the_official_parser_rejects(path: Path) -> list[int]:
    try:
        Parser().parse(path.read_text(encoding="utf-8"))
    except CompositeParserException as errors:
        return [error.location["line"] for error in errors.errors]
    except ParserException as error:
        return [error.location["line"]]
    return []


def scenarios_and_steps(path: Path) -> tuple[dict[int, int], list[int]]:
    """What the official parser reads: each scenario's own line (an outline's Examples rows', each) with its
    number of steps (a background's included), and the line of every step."""
    feature = Parser().parse(path.read_text(encoding="utf-8")).get("feature") or {}
    scenarios: dict[int, int] = {}
    step_lines: list[int] = []

    def walk(children: list[dict[str, object]], inherited: int) -> None:
        for child in children:
            if "background" in child:
                steps = child["background"]["steps"]  # type: ignore[index]
                inherited += len(steps)
                step_lines.extend(step["location"]["line"] for step in steps)
            elif "rule" in child:
                walk(child["rule"]["children"], inherited)  # type: ignore[index]
            elif "scenario" in child:
                scenario: Any = child["scenario"]
                tables = [table for table in scenario.get("examples", []) if table.get("tableHeader")]
                rows = [row["location"]["line"] for table in tables for row in table.get("tableBody", [])]
                for line in rows or [scenario["location"]["line"]]:
                    scenarios[line] = inherited + len(scenario["steps"])
                step_lines.extend(step["location"]["line"] for step in scenario["steps"])  # type: ignore[index]

    walk(feature.get("children", []), 0)
    return scenarios, step_lines


@pytest.mark.parametrize("path", feature_files("bad"), ids=lambda path: path.name)
@pytest.mark.parametrize("dry_run", [False, True], ids=["run", "dry-run"])
def test_every_file_the_official_parser_rejects_is_one_clear_error_naming_file_and_line(
    path: Path, dry_run: bool
) -> None:
    rejected = lines_the_official_parser_rejects(path)
    assert rejected, "the official parser accepts this file: it does not belong in bad/"
    result = run(path, *(["--dry-run"] if dry_run else []))
    assert result.exit_code == 2
    assert f"{path}:{rejected[0]}: " in result.output
    assert "passed" not in result.output  # nothing ran


@pytest.mark.slow  # a conformance corpus: 45 runs of the runner
@pytest.mark.parametrize("path", feature_files("good"), ids=lambda path: path.name)
def test_every_valid_file_runs_with_the_exit_code_that_fits_and_no_traceback(path: Path) -> None:
    scenarios, _ = scenarios_and_steps(path)
    result = run(path)
    if not scenarios:
        assert result.exit_code == 2
        assert str(path) in result.output
        assert re.search(r"is empty|holds no scenario|no 'Feature:' line", result.output)
        return
    with_steps = {line for line, steps in scenarios.items() if steps}
    assert result.exit_code == (1 if with_steps else 0)
    undefined = rf"^  {re.escape(str(path))}:(\d+)  .*\(undefined\)$"
    failed = {int(line) for line in re.findall(undefined, result.output, re.MULTILINE)}
    assert failed == with_steps  # each scenario with a step is listed as undefined, the others passed


@pytest.mark.parametrize("path", feature_files("good"), ids=lambda path: path.name)
def test_a_dry_run_of_every_valid_file_lists_each_step_that_is_not_ours(path: Path) -> None:
    scenarios, step_lines = scenarios_and_steps(path)
    result = run(path, "--dry-run")
    if not scenarios:
        assert result.exit_code == 2
        return
    listed = {int(line) for line in re.findall(rf"^{re.escape(str(path))}:(\d+): ", result.output, re.M)}
    assert listed == set(step_lines)
    assert result.exit_code == (1 if step_lines else 0)
