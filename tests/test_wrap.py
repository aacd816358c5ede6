"""Fitting English and Chinese text to a terminal's width."""

from __future__ import annotations

import pytest
from babel.messages.pofile import read_po
from hypothesis import given
from hypothesis import strategies as st

from xingtu_sim.cli.wrap import columns, wrap_text
from xingtu_sim.i18n.languages import LOCALE_DIR

TOKENS = [
    "Xingtu ",
    "the ",
    "brand's ",
    "review, ",
    "(任务概览) ",
    "(没有什么后果). ",
    "星",
    "图",
    "任务，",
    "后果。",
    "（审核）",
    "10万",
    " ",
]
CLOSING = tuple("，。、；：！？）」』”’》")

paragraphs = st.lists(st.sampled_from(TOKENS), max_size=60).map("".join)


@given(paragraphs, st.integers(min_value=20, max_value=100))
def test_wrapped_lines_fit_the_width_and_keep_every_character(paragraph: str, width: int) -> None:
    lines = wrap_text(paragraph, width)
    assert all(columns(line) <= width for line in lines)
    assert "".join(lines).replace(" ", "") == paragraph.replace(" ", "")


@given(paragraphs, st.integers(min_value=20, max_value=100))
def test_no_wrapped_line_starts_with_closing_chinese_punctuation(paragraph: str, width: int) -> None:
    assert not any(line.startswith(CLOSING) for line in wrap_text(paragraph, width)[1:])


def test_a_chinese_term_in_ascii_parentheses_stays_on_one_line() -> None:
    lines = wrap_text("Under the task overview (任务概览) the task appears.", 30)
    assert any("(任务概览)" in line for line in lines)


def test_an_indented_paragraph_keeps_its_indent_on_every_line() -> None:
    lines = wrap_text("  " + "word " * 30, 40)
    assert len(lines) > 1
    assert all(line.startswith("  ") and not line.startswith("   ") for line in lines)


def _tour_sentences() -> list[tuple[str, str]]:
    """Every message of the tour, in English (its id) and in each catalogue's translation."""
    sentences = []
    for po in LOCALE_DIR.glob("*/LC_MESSAGES/xingtu_sim.po"):
        with po.open("rb") as source:
            for message in read_po(source):
                if any("tour.py" in path for path, _line in message.locations) and isinstance(message.id, str):
                    sentences += [(message.id, message.id), (message.id, message.string)]
    return sentences


@pytest.mark.parametrize("width", [40, 80])
@pytest.mark.parametrize(("msgid", "sentence"), _tour_sentences())
def test_every_tour_sentence_fits_a_narrow_terminal(msgid: str, sentence: str, width: int) -> None:
    for paragraph in sentence.split("\n"):
        assert all(columns(line) <= width for line in wrap_text(paragraph, width)), msgid


def test_a_command_in_an_error_stays_on_one_line_so_that_copying_it_copies_all_of_it() -> None:
    command = "xingtu-sim sandbox --db /tmp/practice.db new --followers 150000"
    lines = wrap_text(f"Start one with: {command}", 40, keep_command=True)
    assert lines == ["Start one with:", command]
    assert wrap_text(f"Start one with: {command}", 40)[-1] != command  # elsewhere it wraps like any text


def test_wrapping_reads_each_character_a_bounded_number_of_times(monkeypatch: pytest.MonkeyPatch) -> None:
    """An error quoting a very long step is laid out in linear time (it was quadratic: a fuzzed file hung)."""
    from xingtu_sim.cli import wrap as wrapping

    counted = [0]
    measure = wrapping.columns

    def counting(text: str) -> int:
        counted[0] += len(text)
        return measure(text)

    monkeypatch.setattr(wrapping, "columns", counting)
    work = []
    for words in (1_000, 8_000):
        for width in (80, wrapping.UNWRAPPED):
            counted[0] = 0
            wrapping.wrap_text("word " * words + "字" * words, width)
            work.append(counted[0] / (words * 6))
    assert max(work) < 4, work  # columns looked at per character of the text
