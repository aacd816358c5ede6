"""Reports for tools: Cucumber JSON and JUnit XML, counting every scenario that ran."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from itertools import groupby
from typing import Any

from xingtu_sim.domain.names import visible
from xingtu_sim.runner.results import RunResult, ScenarioResult, Status
from xingtu_sim.runner.text_reports import shown_path

_NANOSECONDS = 1_000_000_000
# What XML 1.0 cannot hold at all, not even escaped: most control characters, e.g. from a pasted name.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def neutralised(value: Any) -> Any:
    """A document's values with every string as it may be shown: a name's control or format characters become �."""
    if isinstance(value, str):
        return visible(value)
    if isinstance(value, dict):
        return {key: neutralised(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [neutralised(item) for item in value]
    return value


def _slug(name: str) -> str:
    return re.sub(r"[^\w]+", "-", name.strip().casefold()).strip("-") or "unnamed"


def _by_feature(run: RunResult) -> list[list[ScenarioResult]]:
    ordered = sorted(run.scenarios, key=lambda s: s.feature_file)  # stable: keeps run order within a file
    return [list(group) for _, group in groupby(ordered, key=lambda s: s.feature_file)]


def cucumber_json(run: RunResult) -> str:
    """The Cucumber JSON format; a scenario whose first step is undefined is kept, unlike pytest-bdd's."""
    features = []
    for scenarios in _by_feature(run):
        first = scenarios[0]
        feature_id = _slug(first.feature_name)
        features.append(
            {
                "uri": shown_path(first.feature_file),
                "id": feature_id,
                "keyword": first.feature_keyword,
                "name": first.feature_name,
                "description": first.feature_description,
                "line": first.feature_line,
                "tags": [{"name": tag.name, "line": tag.line} for tag in first.feature_tags],
                "elements": [_element(feature_id, scenario) for scenario in scenarios],
            }
        )
    return json.dumps(neutralised(features), ensure_ascii=False, indent=2) + "\n"


def _element(feature_id: str, scenario: ScenarioResult) -> dict[str, object]:
    steps = [
        {
            "keyword": f"{step.keyword} ",
            "name": step.text,
            "line": step.line,
            "arguments": [],
            "match": {"location": "xingtu_sim.steps"},
            "result": {
                "status": step.status.value,
                "duration": int(step.duration * _NANOSECONDS),
                **({"error_message": step.error} if step.error else {}),
            },
        }
        for step in scenario.steps
    ]
    after = []
    if scenario.error:  # a failure at the end (an unchecked refusal) belongs to an "after" hook
        # `embeddings`, even empty, is what cucumber-html-reporter needs to count the hook (and so the failure).
        result = {"status": "failed", "duration": 0, "error_message": scenario.error}
        after = [{"match": {"location": "xingtu_sim.steps"}, "result": result, "embeddings": []}]
    return {
        "id": f"{feature_id};{_slug(scenario.title)}",
        "keyword": scenario.keyword,
        "type": "scenario",
        "name": scenario.title,
        "description": "",
        "line": scenario.line,
        "tags": [{"name": tag.name, "line": tag.line} for tag in scenario.tags],
        "steps": steps,
        "after": after,
    }


def junit_xml(run: RunResult) -> str:
    """JUnit XML as Jenkins' xUnit plugin validates it (junit-10.xsd): one testsuite per feature file, one
    testcase per scenario; the schema has no place for a test case's file and line, so the file is the suite's
    and each scenario's `FILE:LINE` opens its <system-out>."""
    failures = run.failed + run.undefined
    root = ET.Element("testsuites", name="xingtu-sim", tests=str(len(run.scenarios)), failures=str(failures))
    root.set("errors", "0")
    root.set("time", _seconds(sum(s.duration for s in run.scenarios)))
    for scenarios in _by_feature(run):
        first = scenarios[0]
        suite = ET.SubElement(root, "testsuite", name=first.feature_name, file=shown_path(first.feature_file))
        suite.set("tests", str(len(scenarios)))
        suite.set("failures", str(sum(s.status in (Status.FAILED, Status.UNDEFINED) for s in scenarios)))
        suite.set("errors", "0")
        suite.set("skipped", str(sum(s.status is Status.SKIPPED for s in scenarios)))
        suite.set("time", _seconds(sum(s.duration for s in scenarios)))
        for scenario in scenarios:
            case = ET.SubElement(suite, "testcase", classname=first.feature_name, name=scenario.title)
            case.set("time", _seconds(scenario.duration))
            if scenario.status is Status.SKIPPED:
                ET.SubElement(case, "skipped", message="not run")
            elif not scenario.passed:
                details = _details(scenario)
                failure = ET.SubElement(case, "failure", type=scenario.status.value, message=details.splitlines()[0])
                failure.text = details
            ET.SubElement(case, "system-out").text = _transcript(scenario)
    ET.indent(root)
    document = ET.tostring(root, encoding="unicode")
    return '<?xml version="1.0" encoding="utf-8"?>\n' + visible(_NOT_XML.sub("\ufffd", document)) + "\n"


def _seconds(seconds: float) -> str:
    """Three decimals: the most the newest junit-10.xsd allows."""
    return f"{seconds:.3f}"


def _transcript(scenario: ScenarioResult) -> str:
    """Where the scenario is, then each step with its status."""
    lines = [f"{shown_path(scenario.feature_file)}:{scenario.line}"]
    lines += [f"{step.status.value}: {step.keyword} {step.text} (line {step.line})" for step in scenario.steps]
    return "\n".join(lines)


def _details(scenario: ScenarioResult) -> str:
    lines = []
    for step in scenario.steps:
        lines.append(f"{step.status.value}: {step.keyword} {step.text} (line {step.line})")
        if step.error and step.status is not Status.PASSED:
            lines += [f"    {line}" for line in step.error.splitlines()]
    problem = [line for line in lines if not line.startswith(("passed", "skipped"))]
    if scenario.error:
        problem = [scenario.error.splitlines()[0], *problem]
        lines.append(scenario.error)
    return "\n".join([*problem[:1], *lines])
