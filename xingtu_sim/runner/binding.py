"""Feature files we parsed ourselves, as pytest test modules: one test function per scenario."""

from __future__ import annotations

import types
from collections.abc import Callable
from pathlib import Path

import pytest
from pytest_bdd.parser import ScenarioTemplate

# PRIVATE pytest-bdd API, used here and nowhere else. pytest-bdd's public scenario() and scenarios()
# take a file name and parse the file again with their own parser, through a process-wide cache;
# there is no public way to hand them a Feature already parsed (ours tells apart scenarios that
# share a name, reads a first '*' step as a Given, and prefixes tags, see runner/files.py).
# _get_scenario_decorator is the function scenario() ends with once it has the Feature.
from pytest_bdd.scenario import _get_scenario_decorator

from xingtu_sim.runner.files import FeatureFile


def _test_function(template: ScenarioTemplate) -> Callable[..., object]:
    """The test pytest-bdd makes for one scenario (parametrized by its Examples rows, marked with its tags)."""
    decorate = _get_scenario_decorator(
        feature=template.feature,
        feature_name=template.feature.filename,
        templated_scenario=template,
        scenario_name=template.name,
    )
    return decorate(lambda: None)


class FeatureModule(pytest.Module):
    """A feature file as a test module; its object is built from the parsed feature, nothing is imported."""

    file: FeatureFile
    templates: dict[str, ScenarioTemplate]

    @classmethod
    def of(cls, parent: pytest.Session, file: FeatureFile) -> FeatureModule:
        module: FeatureModule = cls.from_parent(parent, path=Path(file.feature.filename))
        module.file = file
        module.templates = {f"test_{i}": template for i, template in enumerate(file.feature.scenarios.values())}
        return module

    def _getobj(self) -> types.ModuleType:
        """pytest's documented override point ("may be overwritten by subclasses"): the module object."""
        module = types.ModuleType(f"xingtu_feature_{id(self)}")
        for name, template in self.templates.items():
            setattr(module, name, _test_function(template))
        return module

    def template_of(self, item: pytest.Item) -> ScenarioTemplate:
        return self.templates[getattr(item, "originalname", item.name)]
