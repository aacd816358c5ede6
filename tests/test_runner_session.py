"""The runner hands pytest its settings and scenarios as objects: no files written, nothing global changed."""

from __future__ import annotations

import tempfile
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
import pytest_bdd.feature
from click.testing import CliRunner

from xingtu_sim.cli import main
from xingtu_sim.domain.rules import DEFAULT_RULES
from xingtu_sim.runner.session import RunOptions, run_paths
from xingtu_sim.steps.context import handled
from xingtu_sim.steps.vocabulary import VOCABULARY

COMPLETED = """\
Feature: Fees
  Scenario: Paid
    Given a creator with 150000 followers
    And the creator has opened Xingtu
    And the brand "Nike" publishes the task "Spring launch" paying 8000 yuan
    And the task "Spring launch" is completed
    Then the creator's balance is 7600 yuan
"""


def _feature(folder: Path, text: str = COMPLETED, name: str = "fees.feature") -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_run_writes_no_temporary_file_and_leaves_pytest_bdds_feature_cache_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    cached = dict(pytest_bdd.feature.features)
    written: list[Path] = []

    def look_in_the_temporary_folder(_scenario: object) -> None:
        written.extend(scratch.rglob("*"))

    result = run_paths([_feature(tmp_path)], RunOptions("en"), look_in_the_temporary_folder)
    assert (result.passed, result.failed) == (1, 0)
    assert written == []
    assert pytest_bdd.feature.features == cached


def test_runs_in_one_process_each_keep_their_own_rules(tmp_path: Path) -> None:
    path = _feature(tmp_path)
    ten_percent = replace(DEFAULT_RULES, service_fee_percent=Decimal(10))
    assert run_paths([path], RunOptions("en", rules=ten_percent)).failed == 1  # 7200 yuan, not 7600
    assert run_paths([path], RunOptions("en", rules=DEFAULT_RULES)).passed == 1


def test_the_users_own_pytest_settings_and_conftest_do_not_reach_the_scenarios(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "pytest.ini").write_text("[pytest]\naddopts = -k nothing --strict-markers -x\n", encoding="utf-8")
    (tmp_path / "conftest.py").write_text("raise SystemExit('the user conftest was imported')\n", encoding="utf-8")
    monkeypatch.setenv("PYTEST_ADDOPTS", "-k nothing")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["run", str(_feature(tmp_path))])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[-1] == "1 passed, 0 failed"


@pytest.mark.parametrize("name", ["a::b.feature", "row[1].feature", "-k.feature"])
def test_a_feature_file_whose_name_pytest_would_misread_runs(tmp_path: Path, name: str) -> None:
    result = CliRunner().invoke(main, ["run", str(_feature(tmp_path, name=name))])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[-1] == "1 passed, 0 failed"


@pytest.mark.parametrize("phrase", VOCABULARY, ids=lambda phrase: phrase.key)
def test_every_phrase_of_the_vocabulary_has_something_to_do(phrase: object) -> None:
    assert handled(phrase)  # type: ignore[arg-type]


@pytest.mark.slow
def test_another_project_sets_rules_and_language_with_options(pytester: pytest.Pytester) -> None:
    pytester.makefile(".feature", fees=COMPLETED.replace("7600", "7200"))
    pytester.makefile(".toml", rules="service_fee_percent = 10\n")
    pytester.makeconftest('pytest_plugins = ["xingtu_sim.steps.plugin"]')
    pytester.makepyfile('from pytest_bdd import scenarios\n\nscenarios("fees.feature")\n')
    passing = pytester.runpytest_subprocess("-p", "no:cacheprovider", "--xingtu-rules", "rules.toml")
    passing.assert_outcomes(passed=1)
    failing = pytester.runpytest_subprocess("-p", "no:cacheprovider", "--xingtu-lang", "zh-CN")
    failing.assert_outcomes(failed=1)
    failing.stdout.fnmatch_lines(["*预期*7200.00*"])


def test_a_step_written_twice_gets_a_result_of_its_own_each_time(tmp_path: Path) -> None:
    twice = COMPLETED + "    Then the creator's balance is 7600 yuan\n    Then the creator's balance is 7601 yuan\n"
    [scenario] = run_paths([_feature(tmp_path, twice)], RunOptions("en")).scenarios
    assert [step.status.value for step in scenario.steps][-3:] == ["passed", "passed", "failed"]


@pytest.mark.slow
def test_a_step_of_another_project_with_our_words_takes_precedence(pytester: pytest.Pytester) -> None:
    pytester.makefile(".feature", fees=COMPLETED)
    pytester.makeconftest('pytest_plugins = ["xingtu_sim.steps.plugin"]')
    pytester.makepyfile(
        """
        from pytest_bdd import scenarios, then

        scenarios("fees.feature")

        @then("the creator's balance is 7600 yuan")
        def _ours() -> None:
            raise AssertionError("the project's own step ran")
        """
    )
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*the project's own step ran*"])
