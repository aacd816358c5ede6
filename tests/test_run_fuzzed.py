"""`xingtu-sim run` on generated feature files, valid and broken: never a traceback, exit 0, 1 or 2 only.

The files are built from our own step vocabulary with odd values, from Gherkin keywords of several
languages, and from random pieces: any Unicode, any bytes, 100,000-character lines, deep and wide
tables, odd tags and Examples, NUL bytes, invalid UTF-8, byte-order marks and CRLF line ends.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from xingtu_sim.cli import main
from xingtu_sim.errors import Reason
from xingtu_sim.lifecycle import State
from xingtu_sim.steps.vocabulary import VOCABULARY

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


options = st.tuples(
    st.sampled_from(["--lang=en", "--lang=zh-CN"]),
    st.sampled_from(["--dry-run", *(f"--format={name}" for name in FORMATS)]),
)

# Pieces of feature files

any_line = st.text(st.characters(exclude_characters="\r\n"), max_size=40)
odd_words = st.sampled_from(["", " ", "|", "\\|", "\\", "<n>", "<>", '"', "“", "「", "@", "#", "\t", "\u200b", "😀"])
word = any_line | odd_words
long_line = st.builds(lambda char, size: char * size, st.sampled_from(["x", "达", "|", " ", "@"]), st.just(100_000))

numbers = st.integers(0, 10**30).map(str) | st.sampled_from(["0", "1,000", "15万", "1,,", "007", "1.5", "-3", ""])
amounts = st.decimals(0, 10**12, places=2).map(str) | st.sampled_from(["0.001", "1e5", "1,000.50", "9" * 40])
names = st.text(st.characters(exclude_characters='\r\n"“”「」'), max_size=20)
states = st.sampled_from([label for s in State for label in (s.id, s.en, s.zh)]) | word
reasons = st.sampled_from([label for r in Reason for label in (r.en, r.zh)]) | word
platforms = st.sampled_from(["douyin", "xigua", "huoshan", "抖音", "西瓜", "火山", "weibo"]) | word
values = st.fixed_dictionaries(
    {"n": numbers, "amount": amounts, "task": names, "brand": names, "state": states, "reason": reasons}
).flatmap(lambda v: platforms.map(lambda platform: {**v, "platform": platform}))


@st.composite
def vocabulary_steps(draw: st.DrawFn) -> str:
    phrase = draw(st.sampled_from(VOCABULARY))
    return phrase.render(draw(st.sampled_from(["en", "zh-CN"])), **draw(values))


step_keywords = st.sampled_from(
    ["Given", "When", "Then", "And", "But", "*", "假如", "当", "那么", "而且", "但是", "Soit", "Quand", "Given:", ""]
)
step_text = vocabulary_steps() | word | long_line


@st.composite
def tables(draw: st.DrawFn) -> str:
    """Wide, deep, ragged or escaped tables."""
    width = draw(st.integers(1, 40))
    cell = st.sampled_from(["a", "", "\\|", "\\n", "<n>", "达人", " x "]) | any_line.map(lambda s: s.replace("|", ""))
    rows = draw(st.lists(st.lists(cell, min_size=1, max_size=width), min_size=1, max_size=draw(st.integers(1, 60))))
    return "\n".join("      | " + " | ".join(row) + " |" for row in rows)


doc_strings = st.builds(
    lambda fence, lines, closed: "\n".join([f"      {fence}", *lines, *([f"      {fence}"] if closed else [])]),
    st.sampled_from(['"""', "```", '"""json']),
    st.lists(any_line, max_size=4),
    st.booleans(),
)


@st.composite
def steps(draw: st.DrawFn) -> list[str]:
    lines = []
    for _ in range(draw(st.integers(0, 6))):
        keyword, body = draw(step_keywords), draw(step_text)
        lines.append(f"    {keyword}{'' if keyword in '假如当那么而且但是' else ' '}{body}")
        if draw(st.integers(0, 5)) == 0:
            lines.append(draw(tables() | doc_strings))
    return lines


tags = st.lists(st.builds(lambda text: "@" + text, word), max_size=3).map(lambda found: "  " + " ".join(found))


@st.composite
def scenarios(draw: st.DrawFn) -> list[str]:
    keyword = draw(st.sampled_from(["Scenario", "Scenario Outline", "Example", "场景", "场景大纲", "Szenario", ""]))
    lines = [draw(tags), f"  {keyword}: {draw(word)}", *draw(steps())]
    if "Outline" in keyword or "大纲" in keyword or draw(st.booleans()):
        header = draw(st.lists(st.sampled_from(["n", "task", "", "<n>", "达人", "x y"]) | word, max_size=4))
        lines += [draw(tags), f"    {draw(st.sampled_from(['Examples', '例子', 'Scenarios', 'Beispiele']))}:"]
        lines += ["      | " + " | ".join(header) + " |"] if header else []
        lines += [draw(tables())] if draw(st.booleans()) else []
    return lines


@st.composite
def feature_files(draw: st.DrawFn) -> bytes:
    language = draw(st.sampled_from(["", "en", "zh-CN", "fr", "en-lol", "xx", " zh-CN ", "ZH-cn"]) | word)
    lines = [f"# language: {language}"] if draw(st.booleans()) else []
    lines += [
        draw(tags),
        f"{draw(st.sampled_from(['Feature', '功能', 'Fonctionnalité', 'Feature ', '']))}: {draw(word)}",
    ]
    lines += draw(st.lists(word.map(lambda text: "  " + text), max_size=2))  # a description
    if draw(st.booleans()):
        lines += [f"  {draw(st.sampled_from(['Background', '背景']))}:", *draw(steps())]
    for _ in range(draw(st.integers(0, 4))):
        if draw(st.integers(0, 7)) == 0:
            lines.append(f"  {draw(st.sampled_from(['Rule', '规则']))}: {draw(word)}")
        lines += draw(scenarios())
    text = draw(st.sampled_from(["\n", "\r\n", "\r"])).join(lines)
    data = ("\ufeff" if draw(st.booleans()) else "").encode() + text.encode("utf-8", "surrogatepass")
    spoil = draw(st.sampled_from(["", "", "", "nul", "latin-1", "truncated", "utf16"]))
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


@settings(FUZZ, max_examples=250)
@given(content=feature_files(), chosen=options)
def test_generated_feature_files_valid_or_broken_never_crash_the_runner(
    tmp_path_factory: pytest.TempPathFactory, content: bytes, chosen: tuple[str, str]
) -> None:
    run_file(_folder(tmp_path_factory), content, *chosen)


@settings(FUZZ, max_examples=60)
@given(text=st.text(), chosen=options)
def test_any_unicode_text_at_all_never_crashes_the_runner(
    tmp_path_factory: pytest.TempPathFactory, text: str, chosen: tuple[str, str]
) -> None:
    run_file(_folder(tmp_path_factory), text.encode("utf-8", "surrogatepass"), *chosen)


@settings(FUZZ, max_examples=60)
@given(prefix=st.sampled_from([b"", b"\xef\xbb\xbf", b"\xff\xfe", b"Feature: x\n  Scenario: y\n"]), data=st.binary())
def test_any_bytes_at_all_never_crash_the_runner(
    tmp_path_factory: pytest.TempPathFactory, prefix: bytes, data: bytes
) -> None:
    run_file(_folder(tmp_path_factory), prefix + data, "--lang=en")


def _folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh folder per example (pytest's tmp_path is one per test, and Hypothesis runs many examples)."""
    return tmp_path_factory.mktemp("fuzz")
