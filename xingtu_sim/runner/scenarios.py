"""The scenarios feature files hold, one per Examples row (Cucumber's pickles), with their lines and tags."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from pytest_bdd.gherkin_parser import Rule as GherkinRule
from pytest_bdd.gherkin_parser import Scenario as GherkinScenario
from pytest_bdd.gherkin_parser import Tag as GherkinTag
from pytest_bdd.parser import ScenarioTemplate

from xingtu_sim.runner.files import FeatureFile
from xingtu_sim.runner.results import ScenarioResult, StepResult, Tag


@dataclass(frozen=True, eq=False)
class PlannedScenario:
    """A scenario as it will run: an outline's once per Examples row."""

    file: FeatureFile
    template: ScenarioTemplate
    row: int | None  # its Examples row among all of the outline's, counted as pytest-bdd parametrizes them
    line: int  # its own line: the Examples row's, else the scenario's
    name: str  # as written, the row's values filled in (what --name matches, as Cucumber's pickle name)
    values: tuple[str, ...]  # the Examples row
    tags: tuple[Tag, ...]  # the feature's, the rule's, the scenario's and the Examples' own, where written

    @property
    def context(self) -> dict[str, str]:
        """The row as pytest-bdd renders steps with it."""
        rows = [row for examples in self.template.examples for row in examples.as_contexts()]
        return rows[self.row] if self.row is not None else {}

    def result(self, steps: list[StepResult] | None = None, ran: bool = True) -> ScenarioResult:
        """Its result, before (or without) running: no step done yet."""
        feature, document = self.template.feature, self.file.document.feature
        return ScenarioResult(
            feature_name=feature.name,
            feature_keyword=feature.keyword,
            feature_file=feature.filename,
            feature_line=feature.line_number,
            feature_description=document.description,
            feature_tags=[_tag(tag) for tag in document.tags],
            language=document.language,
            keyword=self.template.keyword,
            name=self.template.render(self.context).name if self.row is not None else self.template.name,
            line=self.line,
            tags=list(self.tags),
            steps=steps if steps is not None else [],
            example=list(self.values),
            ran=ran,
        )

    def steps(self) -> list[StepResult]:
        """Its steps (the background's first), none done yet."""
        return [StepResult(s.keyword, s.name, s.line_number) for s in self.template.render(self.context).steps]


# A collected test's scenario.
PLANNED = pytest.StashKey["PlannedScenario"]()


def planned_scenarios(file: FeatureFile) -> list[PlannedScenario]:
    """Every scenario of the file, in the order pytest-bdd runs them."""
    written = {scenario.location.line: (scenario, rule) for scenario, rule in _scenarios_of(file)}
    feature_tags = [_tag(tag) for tag in file.document.feature.tags]
    planned: list[PlannedScenario] = []
    for template in file.feature.scenarios.values():
        scenario, rule = written[template.line_number]
        rule_tags = [_tag(tag) for tag in rule.tags] if rule else []
        tags = [*feature_tags, *rule_tags, *(_tag(tag) for tag in scenario.tags)]
        # The Examples tables pytest-bdd parametrizes with: those with a header row.
        tables = [examples for examples in scenario.examples if examples.table_header is not None]
        rows = [(examples, row) for examples in tables for row in examples.table_body or []]
        if not rows:
            planned.append(PlannedScenario(file, template, None, template.line_number, scenario.name, (), tuple(tags)))
            continue
        for index, (examples, row) in enumerate(rows):
            assert examples.table_header is not None
            values = tuple(cell.value or "" for cell in row.cells)
            name = scenario.name
            for header, value in zip(examples.table_header.cells, values, strict=False):
                name = name.replace(f"<{header.value}>", value)
            own_tags = (*tags, *(_tag(tag) for tag in examples.tags))
            planned.append(PlannedScenario(file, template, index, row.location.line, name, values, own_tags))
    return planned


def _scenarios_of(file: FeatureFile) -> Iterator[tuple[GherkinScenario, GherkinRule | None]]:
    for child in file.document.feature.children:
        if child.scenario:
            yield child.scenario, None
        elif child.rule:
            yield from ((grandchild.scenario, child.rule) for grandchild in child.rule.children if grandchild.scenario)


def _tag(tag: GherkinTag) -> Tag:
    return Tag(tag.name, tag.location.line)
