"""The lifecycle diagram: drawn from the table, every state and edge once, in either language."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import LANGS

from xingtu_sim import EDGES, INITIAL_STATE, Edge, State
from xingtu_sim.i18n import Lang, render
from xingtu_sim.tools.diagram import dot, dot_text, edge_label, mermaid, mermaid_id, mermaid_text

README = Path(__file__).parent.parent / "README.md"
STATES_IN_EACH_LANG = [(state, lang) for state in State for lang in LANGS]
EDGES_IN_EACH_LANG = [(edge, lang) for edge in EDGES for lang in LANGS]


def _case_id(value: object) -> str:
    if isinstance(value, State):
        return value.id
    if isinstance(value, Edge):
        return f"{value.source.id}-{value.trigger}"
    return str(value)


def _mermaid_arrows(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if "-->" in line and "[*]" not in line]


def _dot_arrows(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if " -> " in line and not line.strip().startswith('"_initial"')]


def test_an_arrow_says_the_action_and_who_takes_it_in_the_readers_language() -> None:
    assert "viewing_details --> accepted: accept · creator" in mermaid("en")
    assert "viewing_details --> accepted: 接受任务 · 达人" in mermaid("zh-CN")
    assert '"viewing_details" -> "accepted" [label=" 接受任务 · 达人 ", weight=8, penwidth=2];' in dot("zh-CN")


@pytest.mark.parametrize(("state", "lang"), STATES_IN_EACH_LANG, ids=_case_id)
def test_every_state_is_drawn_once_with_its_label(state: State, lang: Lang) -> None:
    assert mermaid(lang).count(f'state "{render(state, lang)}" as {mermaid_id(state)}\n') == 1
    assert dot(lang).count(f'"{state.id}" [label="{render(state, lang)}"') == 1


@pytest.mark.parametrize(("edge", "lang"), EDGES_IN_EACH_LANG, ids=_case_id)
def test_every_edge_of_the_table_is_drawn_exactly_once(edge: Edge, lang: Lang) -> None:
    source, dest, label = edge.source, edge.dest, edge_label(edge, lang)
    assert _mermaid_arrows(mermaid(lang)).count(f"{mermaid_id(source)} --> {mermaid_id(dest)}: {label}") == 1
    dot_arrow = f'"{source.id}" -> "{dest.id}" [label=" {label} "'
    assert sum(arrow.startswith(dot_arrow) for arrow in _dot_arrows(dot(lang))) == 1


@pytest.mark.parametrize("lang", LANGS)
def test_no_arrow_is_drawn_that_the_table_does_not_have(lang: Lang) -> None:
    assert len(_mermaid_arrows(mermaid(lang))) == len(EDGES)
    assert len(_dot_arrows(dot(lang))) == len(EDGES)


@pytest.mark.parametrize("lang", LANGS)
def test_the_initial_state_is_marked(lang: Lang) -> None:
    assert f"[*] --> {mermaid_id(INITIAL_STATE)}\n" in mermaid(lang)
    assert f'"_initial" -> "{INITIAL_STATE.id}";' in dot(lang)


@pytest.mark.parametrize("state", State, ids=lambda s: s.id)
def test_only_terminal_states_are_drawn_as_ends(state: State) -> None:
    [styled] = [line for line in mermaid("en").splitlines() if line.strip().startswith("class ")]
    assert (mermaid_id(state) in styled.split()[1].split(",")) is state.terminal
    [node] = [line for line in dot("en").splitlines() if line.strip().startswith(f'"{state.id}" [')]
    assert ("doubleoctagon" in node) is state.terminal


@pytest.mark.parametrize("state", State, ids=lambda s: s.id)
def test_state_ids_are_safe_mermaid_identifiers(state: State) -> None:
    assert re.fullmatch(r"[A-Za-z][A-Za-z0-9_]*", mermaid_id(state))
    assert mermaid_id(state).lower() not in {"end", "state", "class", "classdef", "direction", "note"}


def test_characters_that_mean_syntax_are_escaped() -> None:
    assert mermaid_text('say "hi": now; #1') == "say #quot;hi#quot;#58; now#59; #35;1"
    assert dot_text('a "quote" and a \\ backslash') == '"a \\"quote\\" and a \\\\ backslash"'


@pytest.mark.slow
@pytest.mark.parametrize("output_format", ["mermaid", "dot"])
def test_the_text_is_the_same_in_every_process(output_format: str) -> None:
    """Set order and hashing must not leak into the drawing (PYTHONHASHSEED differs)."""
    runs = {
        subprocess.run(
            [sys.executable, "-m", "xingtu_sim", "diagram", "--format", output_format, "--lang", "zh-CN"],
            capture_output=True,
            check=True,
            env={"PYTHONHASHSEED": seed, "PATH": ""},
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(runs) == 1


def test_the_readme_shows_the_diagram_the_command_draws() -> None:
    [block] = re.findall(r"```mermaid\n(.*?)```", README.read_text(encoding="utf-8"), flags=re.DOTALL)
    assert block == mermaid("en")
