"""The Cucumber HTML report: the official formatter's published page, with this run's messages inside.

The assets in `html_formatter/` are `@cucumber/html-formatter`'s own (MIT; the version is in VERSION;
`scripts/update-html-formatter.sh` replaces them). Filling its template is what the formatter's
CucumberHtmlStream does; the result is one file that needs no network to view.
"""

from __future__ import annotations

import itertools
import json
import re
from importlib import resources

from xingtu_sim.runner.messages import messages, neutralised
from xingtu_sim.runner.results import RunResult

_ASSETS = resources.files("xingtu_sim.runner") / "html_formatter"
_PLACEHOLDER = re.compile(r"\{\{(\w+)\}\}")


def html_report(run: RunResult) -> str:
    """One self-contained HTML page rendering the run as the Cucumber HTML formatter does."""
    template = _asset("index.mustache")
    # `<` as \x3C keeps a step's text from closing the script element (the formatter does the same).
    envelopes = ",".join(
        json.dumps(neutralised(envelope), ensure_ascii=False).replace("<", "\\x3C") for envelope in messages(run)
    )
    fields = {
        "title": "xingtu-sim",
        "icon": _asset("icon.url"),
        "css": _asset("main.css"),
        "custom_css": "",
        "messages": envelopes,
        "script": _asset("main.js"),
        "custom_script": "",
    }
    # The template is cut at its placeholders once, so nothing inside a value is ever taken for one.
    parts = _PLACEHOLDER.split(template)
    return "".join(fields[part] if odd else part for odd, part in zip(itertools.cycle((False, True)), parts))


def _asset(name: str) -> str:
    return (_ASSETS / name).read_text(encoding="utf-8")
