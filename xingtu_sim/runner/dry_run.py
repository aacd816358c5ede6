"""Check every step against the vocabulary without running anything."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from xingtu_sim.domain.rules import DEFAULT_RULES
from xingtu_sim.i18n import Lang, render
from xingtu_sim.runner.files import FeatureFile
from xingtu_sim.runner.suggest import nearest_phrasing
from xingtu_sim.steps.context import ScenarioContext, StepFailed
from xingtu_sim.steps.vocabulary import Kind, matching


@dataclass(frozen=True)
class StepProblem:
    path: str
    line: int
    keyword: str
    text: str
    problem: str


def check_steps(files: Sequence[FeatureFile], lang: Lang) -> tuple[int, list[StepProblem]]:
    """How many distinct steps were checked, and each one that is undefined or has a bad value."""
    seen: set[tuple[str, int, str]] = set()
    problems: list[StepProblem] = []
    context = ScenarioContext(DEFAULT_RULES, lang)
    for file in files:
        for template in file.feature.scenarios.values():
            rows = [row for examples in template.examples for row in examples.as_contexts()] or [{}]
            for row in rows:
                for step in template.render(row).steps:
                    key = (str(file.path), step.line_number, step.name)
                    if key in seen:
                        continue
                    seen.add(key)
                    phrase = matching(step.name, Kind.from_label(step.type))
                    try:
                        problem = render(nearest_phrasing(step.name, step.type, lang), lang) if phrase is None else None
                        if phrase is not None:
                            context.check_values(phrase, step.name)
                    except StepFailed as error:
                        problem = str(error)
                    if problem:
                        problems.append(StepProblem(str(file.path), step.line_number, step.keyword, step.name, problem))
    return len(seen), problems
