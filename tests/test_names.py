"""Names people read are checked where they are made; text from users is shown with nothing hidden in it."""

from __future__ import annotations

import re
import sys
import unicodedata
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import LANGS

from xingtu_sim import CreatorAccount, InputError, Workspace
from xingtu_sim.cli import main
from xingtu_sim.domain.names import FORMAT_CHARACTERS, MAX_NAME_LENGTH, visible
from xingtu_sim.i18n import Lang, describe
from xingtu_sim.sandbox import create, session

HIDDEN_CATEGORIES = {"Cc", "Cf", "Cs", "Zl", "Zp"}

# A bad name, and what the refusal says about it in English and in Chinese.
BAD_NAMES = {
    "empty": ("", "name cannot be empty or only spaces.", "名称不能为空"),
    "blank": ("   ", "name cannot be empty or only spaces.", "名称不能为空"),
    "ideographic space": ("\u3000", "name cannot be empty or only spaces.", "名称不能为空"),
    "bidi override": ("Spring\u202elaunch", 'name "Spring�launch" holds U+202E RIGHT-TO-LEFT OVERRIDE', "U+202E"),
    "zero-width space": ("Spring\u200blaunch", "holds U+200B ZERO WIDTH SPACE", "U+200B"),
    "byte-order mark": ("\ufeffSpring", "holds U+FEFF ZERO WIDTH NO-BREAK SPACE", "U+FEFF"),
    "newline": ("Spring\nlaunch", 'name "Spring�launch" holds U+000A CONTROL CHARACTER', "U+000A"),
    "tab": ("Spring\tlaunch", "holds U+0009", "U+0009"),
    "escape sequence": ("\x1b[31mSpring", "holds U+001B", "U+001B"),
    "line separator": ("Spring\u2028launch", "holds U+2028 LINE SEPARATOR", "U+2028"),
    "half a character": ("Spring\udcff", "holds U+DCFF", "U+DCFF"),
    "leading space": (" Spring launch", "starts or ends with a space", "开头或结尾有空格"),
    "trailing space": ("Spring launch ", "starts or ends with a space", "开头或结尾有空格"),
    "too long": ("x" * (MAX_NAME_LENGTH + 1), "at most 60 characters; this one has 61.", "最多 60 个字符"),
    "quotation mark": ('Say "hi"', "holds a quotation mark", "含有引号"),
    "Chinese quotation mark": ("“春季”新品", "holds a quotation mark", "含有引号"),
}
KINDS = {"task": ("A task", "任务"), "brand": ("A brand", "品牌")}


def _workspace() -> Workspace:
    workspace = Workspace(CreatorAccount(followers=150_000))
    workspace.open_xingtu()
    return workspace


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("bad", BAD_NAMES, ids=str)
def test_a_name_that_could_mislead_a_reader_is_refused_where_it_is_made(kind: str, bad: str) -> None:
    name, english, chinese = BAD_NAMES[bad]
    workspace = _workspace()
    with pytest.raises(InputError) as error:
        workspace.publish(name, "Nike", 8000) if kind == "task" else workspace.publish("Spring launch", name, 8000)
    assert english in describe(error.value, "en")
    assert chinese in describe(error.value, "zh-CN")
    assert KINDS[kind][1] in describe(error.value, "zh-CN")
    assert workspace.tasks == {}
    for lang in LANGS:
        assert visible(describe(error.value, lang)) == describe(error.value, lang)  # the refusal hides nothing itself


@pytest.mark.parametrize(
    "name",
    [
        "x" * MAX_NAME_LENGTH,
        "春季新品",
        "Spring launch 2025",
        "Été · Ausverkauf",
        "🚀 launch",
        "a\u00a0b",
        "北京\u3000上海",
    ],
)
def test_names_people_write_are_accepted_as_written(name: str) -> None:
    assert _workspace().publish(name, name, 8000).name == name


def test_the_format_characters_are_unicodes_own_list() -> None:
    """Every Cf, Zl and Zp character of this Python's Unicode is listed (regenerate the list if this fails)."""
    listed = re.compile(f"[{FORMAT_CHARACTERS}]")
    wanted = {cp for cp in range(sys.maxunicode + 1) if unicodedata.category(chr(cp)) in {"Cf", "Zl", "Zp"}}
    found = {cp for cp in range(sys.maxunicode + 1) if listed.match(chr(cp))}
    assert found == wanted, f"Unicode {unicodedata.unidata_version}: update FORMAT_CHARACTERS in domain/names.py"


@pytest.mark.parametrize("lang", LANGS)
def test_text_is_shown_with_each_hidden_character_replaced_visibly_and_lines_kept(lang: Lang) -> None:
    assert visible("Spring\u202elaunch\u200b\n\tline 2\x1b[0m\x07\u2028\udcff") == "Spring�launch�\n\tline 2�[0m���"
    assert visible("达人接受任务 “春季新品”。🚀 Été") == "达人接受任务 “春季新品”。🚀 Été"


def test_every_hidden_character_and_only_those_is_replaced() -> None:
    for cp in range(sys.maxunicode + 1):
        character = chr(cp)
        hidden = unicodedata.category(character) in HIDDEN_CATEGORIES and character not in "\n\t"
        assert (visible(character) == "\ufffd") is hidden or character == "\ufffd", f"U+{cp:04X}"


# Every door that makes a task gets the same check: the sandbox's command line and a feature file.


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("bad", ["empty", "bidi override", "zero-width space", "newline", "too long"])
def test_the_sandbox_refuses_such_a_name_with_one_line_and_changes_nothing(
    tmp_path: Path, bad: str, lang: Lang
) -> None:
    name, english, chinese = BAD_NAMES[bad]
    db = tmp_path / "practice.db"
    create(db, CreatorAccount(followers=150_000))
    with session(db) as current:
        current.open_xingtu()
    before = db.read_bytes()
    for args in (["offer", name, "--brand", "Nike"], ["offer", "Spring launch", "--brand", name]):
        result = CliRunner().invoke(main, ["--lang", lang, "sandbox", "--db", str(db), *args, "--price", "8000"])
        assert result.exit_code == 2
        assert (english if lang == "en" else chinese) in result.output
        assert len(result.output.splitlines()) == 1
        assert visible(result.output) == result.output
    assert db.read_bytes() == before


def test_a_feature_files_step_with_such_a_name_fails_with_the_same_line(tmp_path: Path) -> None:
    feature = tmp_path / "names.feature"
    feature.write_text(
        "Feature: Names\n  Scenario: Hidden\n    Given a creator with 150000 followers\n"
        "    And the creator has opened Xingtu\n"
        '    When the brand "Nike" publishes the task "Spring\u200blaunch" paying 8000 yuan\n',
        encoding="utf-8",
    )
    for args in ([], ["--dry-run"]):
        result = CliRunner().invoke(main, ["run", str(feature), *args])
        assert result.exit_code == 1
        assert 'The task name "Spring�launch" holds U+200B ZERO WIDTH SPACE' in result.output


# Text from feature files, in every report: a hidden character shows as �.

DISGUISED = (
    "Feature: Launch \u202eecnalab\u202c\n"
    "  Scenario: Spring\u200blaunch \u2066x\u2069\n"
    "    Given a creator with 150000 followers\n"
    "    And the creator has opened Xingtu\n"
    '    And the brand "Nike" publishes the task "Spring\u200blaunch" paying 8000 yuan\n'
)


@pytest.mark.parametrize("report_format", ["pretty", "progress", "cucumber-json", "junit", "message", "html"])
def test_no_report_passes_a_format_character_from_a_feature_file_on(tmp_path: Path, report_format: str) -> None:
    feature = tmp_path / "disguised.feature"
    feature.write_text(DISGUISED, encoding="utf-8")
    output = tmp_path / "report"
    result = CliRunner().invoke(main, ["run", str(feature), "--format", report_format, "--output", str(output)])
    assert result.exit_code == 1, result.output
    report = output.read_text(encoding="utf-8")
    if report_format == "html":  # the page's own script keeps its characters; the run's messages are ours
        report = report[report.index("window.CUCUMBER_MESSAGES") : report.index("</script>")]
    for text in (report, result.output):
        assert not {"\u202e", "\u202c", "\u200b", "\u2066", "\u2069"} & set(text)
    assert "Spring�launch" in report


# The brand's requirements: shown on the details page and written into recordings between quotation marks.

BAD_REQUIREMENTS = {
    "line break": ("30 s video\nshow the shoes", "U+000A", "换行"),
    "bidi override": ("30 s video \u202e", "U+202E", "U+202E"),
    "quotation mark": ('say "light"', "quotation mark", "引号"),
    "too long": ("x" * 501, "at most 500 characters; these have 501.", "最多 500 个字符"),
}


@pytest.mark.parametrize("bad", BAD_REQUIREMENTS, ids=str)
def test_requirements_that_could_not_be_shown_or_recorded_as_written_are_refused(bad: str) -> None:
    text, english, chinese = BAD_REQUIREMENTS[bad]
    workspace = _workspace()
    with pytest.raises(InputError) as error:
        workspace.publish("Spring launch", "Nike", 8000, requirements=text)
    assert english in describe(error.value, "en")
    assert chinese in describe(error.value, "zh-CN")
    assert workspace.tasks == {}


def test_requirements_people_write_are_kept_as_written() -> None:
    written = "30 秒开箱视频，突出轻便；Show the shoes in daylight (2 shots)."
    assert _workspace().publish("Spring launch", "Nike", 8000, requirements=written).requirements == written
