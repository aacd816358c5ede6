"""The lifecycle drawn from its table: Mermaid and Graphviz DOT text, labelled in either language."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from xingtu_sim.domain.lifecycle import EDGES, INITIAL_STATE, TRIGGERS, Edge, State
from xingtu_sim.domain.routes import shortest_path
from xingtu_sim.i18n import Lang, text

# CJK first so Chinese never falls back to tofu; the list is read by Pango and, in SVG, by browsers.
FONT = "Noto Sans CJK SC, Source Han Sans SC, Microsoft YaHei, PingFang SC, sans-serif"
_MERMAID_WORDS = {"state", "note", "class", "classdef", "direction", "end", "as", "style", "click", "default"}


def edge_label(edge: Edge, lang: Lang) -> str:
    """What an arrow says: the action and who takes it, e.g. "accept · creator"."""
    row = TRIGGERS[edge.trigger]
    return f"{row.label(lang)} · {row.actor.label(lang)}"


def mermaid(lang: Lang) -> str:
    """The lifecycle as a Mermaid state diagram (stateDiagram-v2)."""
    return "\n".join(_mermaid_lines(lang)) + "\n"


def _mermaid_lines(lang: Lang) -> Iterator[str]:
    yield f"%% {text('diagram.generated', lang)}"
    yield "stateDiagram-v2"
    for state in State:
        yield f'    state "{mermaid_text(state.label(lang))}" as {mermaid_id(state)}'
    yield f"    [*] --> {mermaid_id(INITIAL_STATE)}"
    for edge in EDGES:
        yield f"    {mermaid_id(edge.source)} --> {mermaid_id(edge.dest)}: {mermaid_text(edge_label(edge, lang))}"
    # Ends are styled rather than joined to a `[*]` marker: one shared end node tangles Mermaid's layout.
    ended = [state for state in State if state.terminal]
    yield "    classDef ended fill:#eeeeee,stroke:#555555,stroke-width:3px,font-weight:bold"
    yield f"    class {','.join(mermaid_id(state) for state in ended)} ended"


def mermaid_id(state: State) -> str:
    """The state's id as a Mermaid identifier: ASCII word characters, never a keyword."""
    safe = re.sub(r"[^A-Za-z0-9_]", "_", state.id)
    return f"s_{safe}" if safe.lower() in _MERMAID_WORDS or not safe[:1].isalpha() else safe


def mermaid_text(label: str) -> str:
    """Mermaid entity codes for the few characters its grammar would read as syntax."""
    codes = {"#": "#35;", '"': "#quot;", ";": "#59;", ":": "#58;", "\n": " "}
    return "".join(codes.get(char, char) for char in label)


def dot(lang: Lang) -> str:
    """The lifecycle as a Graphviz digraph."""
    return "\n".join(_dot_lines(lang)) + "\n"


def _dot_lines(lang: Lang) -> Iterator[str]:
    font = f"fontname={dot_text(FONT)}"
    yield f"// {text('diagram.generated', lang)}"
    yield "digraph lifecycle {"
    yield f"    graph [{font}, label={dot_text(text('diagram.title', lang))}, labelloc=t, fontsize=18, nodesep=0.5];"
    yield f'    node [{font}, shape=box, style="rounded,filled", fillcolor="#f4f7fb", color="#4a6785"];'
    yield f'    edge [{font}, fontsize=10, color="#4a6785"];'
    yield '    "_initial" [shape=point, width=0.2, fillcolor=black, label=""];'
    for state in State:
        ending = ', shape=doubleoctagon, style=filled, fillcolor="#eeeeee", color="#555555"' if state.terminal else ""
        yield f"    {dot_text(state.id)} [label={dot_text(state.label(lang))}{ending}];"
    yield f'    "_initial" -> {dot_text(INITIAL_STATE.id)};'
    # The way to completion is drawn straight and bold, so a reader sees the main line first.
    happy_path = set(shortest_path(INITIAL_STATE, State.COMPLETED))
    for edge in EDGES:
        label = dot_text(f" {edge_label(edge, lang)} ")  # a space keeps the text off the line
        main_line = ", weight=8, penwidth=2" if edge in happy_path else ""
        yield f"    {dot_text(edge.source.id)} -> {dot_text(edge.dest.id)} [label={label}{main_line}];"
    yield "}"


def dot_text(value: str) -> str:
    """A DOT double-quoted string."""
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


TEXT_FORMATS: dict[str, Callable[[Lang], str]] = {"mermaid": mermaid, "dot": dot}
