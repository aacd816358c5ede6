"""The step library as a pytest plugin in another project, and `xingtu-sim steps`."""

from __future__ import annotations

import subprocess
import sys

import pytest
from click.testing import CliRunner

from xingtu_sim.cli import main
from xingtu_sim.steps.vocabulary import VOCABULARY, Kind, step_line


@pytest.mark.slow
def test_another_project_can_use_the_steps_as_a_pytest_plugin(pytester: pytest.Pytester) -> None:
    pytester.makefile(
        ".feature",
        onboarding="""\
            Feature: Our own onboarding check
              Scenario: Declining is free
                Given a creator with 150000 followers
                And the creator has opened Xingtu
                And the brand "Nike" publishes the task "Spring launch" paying 8000 yuan
                When the creator declines the task "Spring launch"
                Then the creator's account is unchanged
            """,
    )
    pytester.makeconftest('pytest_plugins = ["xingtu_sim.steps.plugin"]')
    pytester.makepyfile('from pytest_bdd import scenarios\n\nscenarios("onboarding.feature")\n')
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=1)


@pytest.mark.parametrize("lang", ["en", "zh-CN"])
def test_steps_lists_every_phrasing_under_each_of_its_keywords(lang: str) -> None:
    result = CliRunner().invoke(main, ["steps", "--lang", lang])
    assert result.exit_code == 0
    listed = result.output.splitlines()
    for phrase in VOCABULARY:
        for kind in phrase.kinds:
            assert f"  {step_line(phrase, lang, kind)}" in listed  # type: ignore[arg-type]
    assert ("脚本待确认 (script_review)" if lang == "zh-CN" else "script review (script_review)") in result.output


@pytest.mark.slow
def test_help_does_not_import_pytest() -> None:
    probe = "import sys; from xingtu_sim.cli import main\ntry: main(['--help'])\nexcept SystemExit: pass\n"
    probe += "print('pytest' in sys.modules, 'pytest_bdd' in sys.modules)"
    output = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert output.splitlines()[-1] == "False False"


def test_every_kind_has_phrases() -> None:
    assert {kind for phrase in VOCABULARY for kind in phrase.kinds} == set(Kind)
