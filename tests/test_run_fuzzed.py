"""`xingtu-sim run` on generated feature files, valid and broken: never a traceback, exit 0, 1 or 2 only,
and a report for tools that is still a well-formed document.

The files are built from our own step vocabulary with odd values, from Gherkin keywords of several
languages, and from random pieces: any Unicode, any bytes, 100,000-character lines, deep and wide
tables, odd tags and Examples, NUL bytes, invalid UTF-8, byte-order marks and CRLF line ends.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis_budget import examples

from xingtu_sim.cli import main
from xingtu_sim.domain.errors import Reason
from xingtu_sim.domain.lifecycle import State
from xingtu_sim.i18n import render
from xingtu_sim.steps.vocabulary import VOCABULARY

pytestmark = pytest.mark.slow  # the fast loop leaves these out (README: Developing)

FUZZ = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
# A step that broke on an exception of ours would show it as "TypeError: …" in place of a clear sentence.
PYTHON_ERROR = re.compile(
    r"\b(TypeError|ValueError|KeyError|IndexError|AttributeError|RuntimeError|OverflowError|RecursionError"
    r"|ZeroDivisionError|UnicodeError|UnicodeDecodeError|UnicodeEncodeError|InvalidOperation|MemoryError"
    r"|NameError|StopIteration|Traceback)\b"
)
FORMATS = ["pretty", "progress", "cucumber-json", "junit"]


def run_file(folder: Path, content: bytes, *options: str) -> None:
    """Run one generated file; the run may pass, fail or refuse the file, and nothing else."""
    path = folder / "generated.feature"
    path.write_bytes(content)
    result = CliRunner().invoke(main, ["run", *options, str(path)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert result.exit_code in (0, 1, 2), result.output
    assert not PYTHON_ERROR.search(result.output), result.output
    if result.exit_code != 2 and "--format=cucumber-json" in options:
        json.loads(result.stdout)  # a report for tools stays a document whatever the names hold
    if result.exit_code != 2 and "--format=junit" in options:
        ET.fromstring(result.stdout.encode("utf-8"))


options = st.tuples(
    st.sampled_from(["--lang=en", "--lang=zh-CN"]),
    st.sampled_from(["--dry-run", *(f"--format={name}" for name in FORMATS)]),
)

# Pieces of feature files. About a third of the documents are broken on purpose, in any of many ways;
# the others are sound Gherkin in one language, so that their scenarios run through every step.

any_line = st.text(st.characters(codec="utf-8", exclude_characters="\r\n\x00"), max_size=40)
plain = st.text(
    st.characters(codec="utf-8", categories=["L", "N", "P", "S", "Zs"], exclude_characters="|@#<>\\"), max_size=30
)
odd = st.sampled_from(["", " ", "|", "\\|", "\\", "<n>", "<>", '"', "“", "「", "@", "#", "\t", "\u200b", "\u2028"])
long_line = st.sampled_from(["x", "达", "|", " ", "@", "😀"]).map(lambda char: char * 100_000)
odd_words = st.one_of(odd, any_line, long_line)


@dataclass(frozen=True)
class Dialect:
    """The keywords of one `# language:`; `line` is that header ("" for none)."""

    line: str
    feature: str
    background: str
    scenario: tuple[str, ...]
    examples: str
    rule: str
    steps: tuple[str, ...]
    space: str = " "


DIALECTS = [
    Dialect("", "Feature", "Background", ("Scenario", "Example", "Scenario Outline"), "Examples", "Rule",
            ("Given", "When", "Then", "*", "And", "But")),
    Dialect("# language: en", "Feature", "Background", ("Scenario", "Scenario Template"), "Scenarios", "Rule",
            ("Given", "When", "Then", "*", "And", "But")),
    Dialect("# language: zh-CN", "功能", "背景", ("场景", "剧本", "场景大纲"), "例子", "规则",
            ("假如", "当", "那么", "* ", "而且", "但是", "同时"), space=""),
    Dialect("# language: fr", "Fonctionnalité", "Contexte", ("Scénario", "Plan du scénario"), "Exemples", "Règle",
            ("Soit", "Quand", "Alors", "*", "Et", "Mais")),
]  # fmt: skip
KEYWORDS = st.sampled_from(sorted({k for d in DIALECTS for k in (d.feature, *d.scenario, d.examples, *d.steps)}))

numbers = st.integers(0, 10**30).map(str) | st.sampled_from(["0", "1,000", "15万", "1,,", "007", "1.5", "-3", ""])
amounts = st.decimals(0, 10**12, places=2).map(str) | st.sampled_from(["0.001", "1e5", "1,000.50", "9" * 40])
names = st.text(st.characters(codec="utf-8", exclude_characters='\r\n"“”「」\x00'), max_size=20)
states = st.sampled_from([label for s in State for label in (s.id, s.label.msgid, render(s, "zh-CN"))]) | plain
reasons = st.sampled_from([label for r in Reason for label in (r.label.msgid, render(r, "zh-CN"))]) | plain
platforms = st.sampled_from(["douyin", "xigua", "huoshan", "抖音", "西瓜", "火山", "weibo"]) | plain
values = st.fixed_dictionaries(
    {"n": numbers, "amount": amounts, "task": names, "brand": names, "text": names, "state": states, "reason": reasons}
).flatmap(lambda v: platforms.map(lambda platform: {**v, "platform": platform}))
vocabulary_steps = st.builds(
    lambda phrase, lang, found: phrase.render(lang, **found),
    st.sampled_from(VOCABULARY),
    st.sampled_from(["en", "zh-CN"]),
    values,
)


class Writer:
    """Draws the pieces of one document: sound ones, or, in a document meant to be broken, now and then odd ones."""

    def __init__(self, draw: st.DrawFn) -> None:
        self.draw = draw
        self.broken = draw(st.integers(0, 2)) == 0
        self.dialect = draw(st.sampled_from(DIALECTS))

    def pick(self, usual: st.SearchStrategy[Any], odd: st.SearchStrategy[Any]) -> Any:
        if self.broken and self.draw(st.integers(0, 4)) == 0:
            return self.draw(odd)
        return self.draw(usual)

    def words(self) -> str:
        return str(self.pick(plain, odd_words))

    def tags(self) -> str:
        names = st.text(st.characters(codec="utf-8", exclude_categories=["Z", "C"]), min_size=1, max_size=12)
        found = self.draw(st.lists(st.builds(lambda name: "@" + name, names), max_size=3))
        return "  " + " ".join(found) + self.pick(st.just(""), st.just(" @with space"))

    def table(self, width: int | None = None) -> list[str]:
        """Up to 40 wide and 60 deep, with escapes; ragged in a broken document."""
        width = width or self.draw(st.integers(1, 40))
        cell = st.sampled_from(["a", "", "\\|", "\\n", "<n>", "达人", " x "]) | plain
        shortest = self.pick(st.just(width), st.integers(1, width))
        rows = self.draw(st.lists(st.lists(cell, min_size=shortest, max_size=width), min_size=1, max_size=60))
        return ["      | " + " | ".join(row) + " |" for row in rows]

    def doc_string(self) -> list[str]:
        fence = self.draw(st.sampled_from(['"""', "```"]))
        text = self.draw(st.lists(any_line.filter(lambda line: fence not in line), max_size=4))
        return [f"      {fence}", *text, *self.pick(st.just([f"      {fence}"]), st.just([]))]

    def steps(self) -> list[str]:
        lines = []
        for number in range(self.draw(st.integers(0, 6))):
            keywords = self.dialect.steps if number else self.dialect.steps[:4]  # And/But cannot come first
            keyword = self.pick(st.sampled_from(keywords), KEYWORDS | st.sampled_from(["Given:", ""]))
            body = self.pick(vocabulary_steps | plain.filter(str.strip) | long_line, odd_words)
            lines.append(f"    {keyword}{self.dialect.space}{body}")
            if self.draw(st.integers(0, 5)) == 0:
                lines += self.table() if self.draw(st.booleans()) else self.doc_string()
        return lines

    def scenario(self) -> list[str]:
        keyword = self.pick(st.sampled_from(self.dialect.scenario), KEYWORDS | st.just(""))
        lines = [self.tags(), f"  {keyword}: {self.words()}", *self.steps()]
        if keyword == self.dialect.scenario[-1] or self.draw(st.integers(0, 3)) == 0:  # Examples, fitting or not
            header = self.draw(st.lists(st.sampled_from(["n", "task", "amount", "state"]) | plain, max_size=4))
            lines += [self.tags(), f"    {self.dialect.examples}: {self.words()}"]
            if header:
                rows = self.table(len(header))[: self.draw(st.integers(0, 3))]
                lines += ["      | " + " | ".join(header) + " |", *rows]
        return lines


@st.composite
def feature_text(draw: st.DrawFn) -> str:
    writer = Writer(draw)
    dialect = writer.dialect
    lines = [writer.pick(st.just(dialect.line), odd_words.map(lambda text: f"# language: {text}")), writer.tags()]
    lines += [f"{writer.pick(st.just(dialect.feature), odd_words)}: {writer.words()}"]
    lines += draw(st.lists(plain.map(lambda text: "  " + text), max_size=2))  # a description
    if draw(st.booleans()):
        lines += [f"  {dialect.background}:", *writer.steps()]
    for _ in range(writer.pick(st.integers(1, 4), st.just(0))):
        if draw(st.integers(0, 7)) == 0:
            lines.append(f"  {dialect.rule}: {writer.words()}")
        lines += writer.scenario()
    return str(writer.pick(st.sampled_from(["\n", "\r\n"]), st.just("\r"))).join(lines)


@st.composite
def feature_files(draw: st.DrawFn) -> bytes:
    """The text as UTF-8 bytes, with a byte-order mark or not; now and then spoilt."""
    text = draw(feature_text())
    data = ("\ufeff" if draw(st.booleans()) else "").encode() + text.encode("utf-8", "surrogatepass")
    spoil = draw(st.sampled_from(["", "", "", "", "", "", "", "nul", "latin-1", "truncated", "utf16"]))
    if spoil == "nul":
        at = draw(st.integers(0, len(data)))
        data = data[:at] + b"\x00" + data[at:]
    elif spoil == "latin-1":
        data += "\n  Scenario: café\n".encode("latin-1")
    elif spoil == "truncated":
        data = data[: draw(st.integers(0, len(data)))]
    elif spoil == "utf16":
        data = text.encode("utf-16", "surrogatepass")
    return data


@settings(FUZZ, max_examples=examples(250))
@given(content=feature_files(), chosen=options)
def test_generated_feature_files_valid_or_broken_never_crash_the_runner(
    tmp_path_factory: pytest.TempPathFactory, content: bytes, chosen: tuple[str, str]
) -> None:
    run_file(_folder(tmp_path_factory), content, *chosen)


@settings(FUZZ, max_examples=examples(60))
@given(text=st.text(), chosen=options)
def test_any_unicode_text_at_all_never_crashes_the_runner(
    tmp_path_factory: pytest.TempPathFactory, text: str, chosen: tuple[str, str]
) -> None:
    run_file(_folder(tmp_path_factory), text.encode("utf-8", "surrogatepass"), *chosen)


@settings(FUZZ, max_examples=examples(60))
@given(prefix=st.sampled_from([b"", b"\xef\xbb\xbf", b"\xff\xfe", b"Feature: x\n  Scenario: y\n"]), data=st.binary())
def test_any_bytes_at_all_never_crash_the_runner(
    tmp_path_factory: pytest.TempPathFactory, prefix: bytes, data: bytes
) -> None:
    run_file(_folder(tmp_path_factory), prefix + data, "--lang=en")


def _folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh folder per example (pytest's tmp_path is one per test, and Hypothesis runs many examples)."""
    return tmp_path_factory.mktemp("fuzz")
