"""Every message id in the code, as a gettext template: `python -m xingtu_sim.i18n.extract build/xingtu_sim.pot`.

A developer's tool (it needs Babel, from the `test` extra); the catalogue tests use the same extraction.
It reads this package (the console's templates too) and click, whose own messages (usage errors, help
headings) our catalogues translate too, and the docstrings of our click commands, which are their
--help. Locations are file names without line numbers, so the catalogues change only when messages do.
"""

from __future__ import annotations

import ast
import inspect
import sys
from collections.abc import Iterator
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
    package = PACKAGES[0]
    for path in sorted(package.rglob("*.py")):
        for docstring in command_docstrings(path.read_text(encoding="utf-8")):
            location = (f"{package.name}/{path.relative_to(package)}", 0)
            catalogue.add(docstring, None, [location], auto_comments=["The --help of a command."])
    return catalogue


def command_docstrings(source: str) -> Iterator[str]:
    """The docstring of each function a click decorator (`...command(...)`, `...group(...)`) makes a command."""
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.FunctionDef) and any(_makes_command(decorator) for decorator in node.decorator_list):
            docstring = ast.get_docstring(node, clean=False)
            if docstring:
                yield inspect.cleandoc(docstring)


def _makes_command(decorator: ast.expr) -> bool:
    called = decorator.func if isinstance(decorator, ast.Call) else decorator
    name = called.attr if isinstance(called, ast.Attribute) else getattr(called, "id", "")
    return name in {"command", "group"}


def main(output: str) -> None:
    Path(output).parent.mkdir(parents=True, exist_ok=True)
    with open(output, "wb") as pot:
        write_po(pot, template(), sort_output=True, include_lineno=False)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "build/xingtu_sim.pot")
