"""`xingtu-sim diagram`: the lifecycle as Mermaid, DOT, or an SVG/PNG picture drawn by Graphviz."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import click

from xingtu_sim.cli.base import BadInput, XingtuCommand, current_lang, lang_option, say
from xingtu_sim.cli.output import why_not_written
from xingtu_sim.domain.errors import InputError
from xingtu_sim.domain.text import N_, _
from xingtu_sim.i18n import render
from xingtu_sim.tools import diagram

PICTURE_FORMATS = ("svg", "png")
FORMATS = (*diagram.TEXT_FORMATS, *PICTURE_FORMATS)
_BY_SUFFIX = {".mmd": "mermaid", ".mermaid": "mermaid", ".dot": "dot", ".gv": "dot", ".svg": "svg", ".png": "png"}


@click.command("diagram", cls=XingtuCommand)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(FORMATS),
    help=N_(
        "mermaid (default; needs nothing), dot, or svg/png (need Graphviz). "
        "Default: from --output's extension, else mermaid."
    ),
)
@click.option(
    "--output",
    "-o",
    type=click.Path(path_type=Path),
    metavar="FILE",
    help=N_("Write to FILE instead of the screen."),
)
@lang_option
def command(output_format: str | None, output: Path | None) -> None:
    """Draw the task lifecycle from its table: states, and each move with who makes it.

    Example:  xingtu-sim diagram --lang zh-CN --output lifecycle.png
    """
    lang = current_lang()
    chosen = output_format or _BY_SUFFIX.get(output.suffix.lower() if output else "", "mermaid")
    if chosen == "png" and output is None and _stdout_is_terminal():
        raise InputError(
            _("A PNG picture cannot be shown in a terminal; write it to a file with --output lifecycle.png.")
        )
    if chosen in diagram.TEXT_FORMATS:
        content: str | bytes = diagram.TEXT_FORMATS[chosen](lang)
    else:
        content = _draw_with_graphviz(diagram.dot(lang), chosen)
    if output:
        _write(output, content)
        say(_("Wrote the diagram to {path}.", path=output), err=True)
    elif isinstance(content, bytes):
        click.echo(content, nl=False)  # click writes bytes to the binary stream underneath
    else:
        say(content, nl=False)


def _stdout_is_terminal() -> bool:
    return sys.stdout.isatty()


def _draw_with_graphviz(dot_source: str, picture_format: str) -> bytes:
    """Graphviz's `dot` program turns the DOT text into a picture."""
    program = shutil.which("dot")
    if program is None:
        raise InputError(
            _(
                "Drawing {format} needs Graphviz's `dot` program, which is not "
                "installed. Install Graphviz (Debian/Ubuntu: apt install graphviz "
                "fonts-noto-cjk; macOS: brew install graphviz; Windows: "
                "https://graphviz.org/download/), or use --format mermaid or --format "
                "dot, which need nothing else.",
                format=picture_format.upper(),
            )
        )
    sharper = ["-Gdpi=144"] if picture_format == "png" else []
    drawn = subprocess.run(
        [program, f"-T{picture_format}", *sharper], input=dot_source.encode("utf-8"), capture_output=True, check=False
    )
    if drawn.returncode != 0:
        error = drawn.stderr.decode("utf-8", "replace").strip() or f"exit code {drawn.returncode}"
        raise InputError(_("Graphviz could not draw the diagram: {error}", error=error))
    return drawn.stdout


def _write(output: Path, content: str | bytes) -> None:
    try:
        if isinstance(content, bytes):
            output.write_bytes(content)
        else:
            output.write_text(content, encoding="utf-8")
    except OSError as error:
        said = _("Cannot write {path}: {reason}.", path=output, reason=_why_not_written(error))
        raise BadInput(render(said, current_lang())) from None


def _why_not_written(error: OSError) -> object:
    if isinstance(error, FileNotFoundError):
        return _("its folder does not exist")
    return why_not_written(error)  # no permission, a full disk, a folder, or what the system says
