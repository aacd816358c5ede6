"""Every message id in the code, as a gettext template: `python -m xingtu_sim.i18n.extract build/xingtu_sim.pot`.

A developer's tool (it needs Babel, from the `test` extra); the catalogue tests use the same extraction.
It reads this package (the console's templates too) and click, whose own messages (usage errors, help
headings) our catalogues translate too. Locations are file names without line numbers, so the
catalogues change only when messages do.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import write_po

import xingtu_sim

PACKAGES = (Path(xingtu_sim.__file__).parent, Path(click.__file__).parent)
# Python code, and the web console's Jinja2 templates (their `_("...")` calls).
METHODS = [("**.py", "python"), ("**/templates/**.html", "jinja2.ext:babel_extract")]


def template() -> Catalog:
    """A catalogue of every message id that the code of xingtu_sim and click marks, untranslated."""
    catalogue = Catalog(project="xingtu-sim", version="0.1.0", fuzzy=False)
    for root in PACKAGES:
        for filename, _line, msgid, comments, context in extract_from_dir(root, method_map=METHODS):
            location = (f"{root.name}/{filename}", 0)  # no line number: see include_lineno below
            catalogue.add(msgid, None, [location], auto_comments=comments, context=context)
    return catalogue


def main(output: str) -> None:
    Path(output).parent.mkdir(parents=True, exist_ok=True)
    with open(output, "wb") as pot:
        write_po(pot, template(), sort_output=True, include_lineno=False)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "build/xingtu_sim.pot")
