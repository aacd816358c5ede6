"""Lessons in the console: the list, a lesson's page, its goal met or not yet after every move, starting again,
and any practice downloaded as a feature file that runs green exactly when it reached what it records."""

from __future__ import annotations

import html
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import LANGS, sandbox_environment
from web_client import Console, Page, new_sandbox

from xingtu_sim import CreatorAccount
from xingtu_sim.cli import main
from xingtu_sim.domain.account import Platform
from xingtu_sim.domain.rules import DEFAULT_RULES, Rules
from xingtu_sim.domain.text import _
from xingtu_sim.i18n import Lang, render
from xingtu_sim.lessons import Lesson, Move, bundled_lessons, read_lessons, solve
from xingtu_sim.lessons.solve import unfinishable
from xingtu_sim.sandbox import create
from xingtu_sim.sandbox.attempts import current_attempt, moves
from xingtu_sim.sandbox.practice import Status
from xingtu_sim.steps.vocabulary import PHRASE_FOR_TRIGGER
from xingtu_sim.web import Practice

LESSONS = {lesson.key: lesson for lesson in bundled_lessons()}
TRIGGER_OF = {phrase.key: trigger for trigger, phrase in PHRASE_FOR_TRIGGER.items()}
TASK = {"en": "Spring launch", "zh-CN": "春季新品"}
WHOLE_PATH = ["view", "accept", "start_script", "submit_script", "approve_script", "upload_video"]
WHOLE_PATH += ["confirm_video", "publish_video", "pass_review"]


def said(message: str, lang: Lang) -> str:
    return render(_(message), lang)


def console(tmp_path: Path, lang: Lang = "en") -> Console:
    return Console(new_sandbox(tmp_path / "practice.db"), default_lang=lang)


def make(page_console: Console, move: Move) -> Page:
    """A move as a trainee makes it: the button of a task's move, an account action, or letting time pass."""
    if move.phrase in TRIGGER_OF:
        return page_console.move(move.values["task"], TRIGGER_OF[move.phrase].value)
    if move.phrase == "hours_pass":
        return page_console.post("/wait", hours=move.values["n"])
    return page_console.post("/account", action=move.phrase)


def run_feature(path: Path) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["run", "--lang", "en", str(path)])
    return result.exit_code, result.output


def download(page_console: Console, folder: Path) -> Path:
    response = page_console.client.get("/recording")
    assert response.status_code == 200
    assert response.headers["content-disposition"].startswith("attachment;")
    path = folder / "downloaded.feature"
    path.write_text(response.text, encoding="utf-8")
    return path


def done_on_the_list(page_console: Console, lang: Lang) -> list[str]:
    """The lessons the list of lessons marks done."""
    page = page_console.get("/lessons")
    done = render(Status.DONE, lang)
    titles = [lesson.title for lesson in LESSONS.values() if lesson.lang == lang]
    found = re.findall(r'lang="[^"]+">([^<]+)</a>\s*<span class="lesson-status status-(\w+)">([^<]+)</span>', page.html)
    assert [html.unescape(title) for title, _status, _label in found] == titles
    return [html.unescape(title) for title, status, label in found if status == "done" and label == done]


def goal_marks(page: Page, lang: Lang) -> tuple[int, int]:
    """How many goal steps the page shows as met, and as not yet."""
    met, not_yet = said("met", lang), said("not yet", lang)
    return page.html.count(f'<span class="mark">{met}</span>'), page.html.count(f'<span class="mark">{not_yet}</span>')


@pytest.mark.parametrize("lang", LANGS)
def test_the_lessons_page_lists_each_lesson_of_the_page_s_language_by_its_title(tmp_path: Path, lang: Lang) -> None:
    page = console(tmp_path, lang).get("/lessons")
    assert page.status == 200
    assert page.headings[0] == said("Lessons", lang)
    assert page.links[said("Lessons", lang)] == "/lessons"
    titles = [lesson.title for lesson in LESSONS.values() if lesson.lang == lang]
    assert len(titles) >= 8
    for lesson in (lesson for lesson in LESSONS.values() if lesson.lang == lang):
        assert page.links[lesson.title] == f"/lessons/{lesson.key}"
    assert not any(lesson.title in page.links for lesson in LESSONS.values() if lesson.lang != lang)
    assert page.text.count(render(Status.NOT_STARTED, lang)) >= len(titles)


def test_a_lesson_s_page_gives_its_instruction_and_its_goal_before_it_starts(tmp_path: Path) -> None:
    lesson = LESSONS["en/04_declining_costs_nothing"]
    page = console(tmp_path).get(f"/lessons/{lesson.key}")
    assert page.headings[0] == lesson.title
    assert all(paragraph in page.text for paragraph in lesson.instruction)
    assert all(step.text in page.text for step in lesson.goal)
    assert page.buttons == ["Start this lesson"]


@pytest.mark.parametrize("lang", LANGS)
def test_each_goal_step_shows_met_or_not_yet_after_every_move_and_the_lesson_completes_at_the_last(
    tmp_path: Path, lang: Lang
) -> None:
    lesson = LESSONS[f"{lang}/06_the_whole_path"]
    trainee = console(tmp_path, lang)
    started = trainee.post("/lessons/start", lesson=lesson.key)
    assert (started.status, started.location) == (303, f"/lessons/{lesson.key}")
    steps = len(lesson.goal)
    for number, phrase in enumerate(WHOLE_PATH, start=1):
        made = make(trainee, Move(phrase, {"task": TASK[lang]}))
        assert made.status == 303, made
        page = trainee.get("/")  # the task pages show the goal too, after every move
        met, not_yet = goal_marks(page, lang)
        assert met + not_yet == steps
        finished = number == len(WHOLE_PATH)
        assert (not_yet == 0) is finished
        assert (said("Lesson complete", lang) in page.text) is finished
    page = trainee.get(f"/lessons/{lesson.key}")
    assert goal_marks(page, lang) == (steps, 0)
    assert said("Lesson complete", lang) in page.text
    assert done_on_the_list(trainee, lang) == [lesson.title]


@pytest.mark.parametrize("lang", LANGS)
def test_a_finished_lesson_downloads_as_a_feature_file_in_its_language_that_runs_green(
    tmp_path: Path, lang: Lang
) -> None:
    trainee = console(tmp_path, lang)
    trainee.post("/lessons/start", lesson=f"{lang}/04_declining_costs_nothing")
    for phrase in ("view", "decline"):
        make(trainee, Move(phrase, {"task": TASK[lang]}))
    recording = download(trainee, tmp_path)
    text = recording.read_text(encoding="utf-8")
    assert text.startswith(f"# language: {lang}\n")
    assert Move("decline", {"task": TASK[lang]}).line(lang) in text
    assert run_feature(recording)[0] == 0


def test_an_unfinished_lesson_s_recording_fails_on_its_goal(tmp_path: Path) -> None:
    trainee = console(tmp_path)
    trainee.post("/lessons/start", lesson="en/04_declining_costs_nothing")
    make(trainee, Move("view", {"task": "Spring launch"}))
    code, output = run_feature(download(trainee, tmp_path))
    assert code == 1
    assert "1 failed" in output


def test_a_refused_move_is_recorded_with_its_reason_and_the_recording_still_runs_green(tmp_path: Path) -> None:
    trainee = console(tmp_path)
    trainee.post("/lessons/start", lesson="en/04_declining_costs_nothing")
    refused = make(trainee, Move("accept", {"task": "Spring launch"}))
    assert refused.status == 409
    text = download(trainee, tmp_path).read_text(encoding="utf-8")
    assert "Then the action is refused because" in text
    assert run_feature(tmp_path / "downloaded.feature")[0] == 1  # the goal is not reached yet


def test_starting_a_lesson_again_starts_it_fresh(tmp_path: Path) -> None:
    trainee = console(tmp_path)
    key = "en/04_declining_costs_nothing"
    trainee.post("/lessons/start", lesson=key)
    for phrase in ("view", "decline"):
        make(trainee, Move(phrase, {"task": "Spring launch"}))
    first = current_attempt(trainee.path)
    again = trainee.post("/lessons/start", lesson=key)
    assert again.status == 303
    page = trainee.get(f"/lessons/{key}")
    assert "Lesson complete" not in page.text
    assert goal_marks(page, "en")[1] >= 1
    assert current_attempt(trainee.path).id != first.id
    assert moves(trainee.path) == []
    overview = trainee.get("/")
    assert "Spring launch" in overview.buttons  # pending again: its title fires `view`
    assert done_on_the_list(trainee, "en") == [LESSONS[key].title]  # the first attempt finished it


@pytest.mark.parametrize("lang", LANGS)
def test_free_practice_downloads_in_the_page_s_language_and_runs_green(tmp_path: Path, lang: Lang) -> None:
    trainee = console(tmp_path, lang)
    trainee.publish("Autumn coats", "Bosideng", "9500")
    make(trainee, Move("view", {"task": "Autumn coats"}))
    make(trainee, Move("accept", {"task": "Autumn coats"}))
    make(trainee, Move("cancel", {"task": "Autumn coats"}))
    recording = download(trainee, tmp_path)
    text = recording.read_text(encoding="utf-8")
    assert text.startswith(f"# language: {lang}\n")
    assert Move("accept", {"task": "Autumn coats"}).line(lang) in text
    assert run_feature(recording)[0] == 0


def test_an_unknown_lesson_is_not_found_and_starting_one_changes_nothing(tmp_path: Path) -> None:
    trainee = console(tmp_path)
    before = current_attempt(trainee.path)
    assert trainee.get("/lessons/en/99_no_such_lesson").status == 404
    refused = trainee.post("/lessons/start", lesson="en/99_no_such_lesson")
    assert refused.status == 404
    assert "There is nothing at this address." in refused.text
    assert current_attempt(trainee.path) == before


def test_starting_a_lesson_without_the_form_s_token_is_refused_and_changes_nothing(tmp_path: Path) -> None:
    trainee = console(tmp_path)
    before = current_attempt(trainee.path)
    refused = Page(trainee.client.post("/lessons/start", data={"lesson": "en/04_declining_costs_nothing"}))
    assert refused.status == 403
    assert current_attempt(trainee.path) == before


# Xingtu open and not open: no sequence of moves makes both hold.
IMPOSSIBLE = (
    "@lesson\nFeature: x\n  Scenario: y\n    Given a creator with 150000 followers\n"
    "    Then the creator's Xingtu is open\n"
    "    And the creator's Xingtu is not open\n"
)


def test_a_lesson_no_trainee_can_finish_is_found_with_the_line_of_its_goal(tmp_path: Path) -> None:
    (tmp_path / "impossible.feature").write_text(IMPOSSIBLE, encoding="utf-8")
    (tmp_path / "possible.feature").write_text(IMPOSSIBLE.replace(" is not open", " is open"), encoding="utf-8")
    problems = unfinishable(read_lessons([tmp_path]))
    assert [render(problem, "en").split(": no trainee")[0] for problem in problems] == [
        f"{tmp_path / 'impossible.feature'}:5"
    ]


def test_a_lesson_is_checked_under_the_rules_the_sandbox_keeps(tmp_path: Path) -> None:
    """Lesson 1 opens Xingtu with 150,000 followers: no trainee can where Douyin asks for 200,000."""
    (lesson,) = [lesson for lesson in bundled_lessons() if lesson.key == "en/01_opening_xingtu"]
    strict = Rules(followers_to_open={**DEFAULT_RULES.followers_to_open, Platform.DOUYIN: 200_000})
    create(tmp_path / "class.db", CreatorAccount(followers=150_000), rules=strict)
    kept = Practice(tmp_path / "class.db").rules_in_force()
    assert kept == strict
    assert unfinishable([lesson]) == []
    assert [render(problem, "en").split(": ", 2)[1] for problem in unfinishable([lesson], kept)] == [
        "no trainee can finish this lesson"
    ]
    assert Practice(tmp_path / "new.db").rules_in_force() == DEFAULT_RULES
    assert not (tmp_path / "new.db").exists()  # nothing made to find that out


def test_a_lesson_whose_search_gives_up_is_let_through(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "impossible.feature").write_text(IMPOSSIBLE, encoding="utf-8")
    monkeypatch.setattr(solve, "CHECK_REPLAYS", 10)  # not enough to prove anything: it refuses only what it proved
    assert unfinishable(read_lessons([tmp_path])) == []


def _serve(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "xingtu_sim", "serve", "--db", str(tmp_path / "p.db"), "--port", "0", *args]
    return subprocess.run(command, capture_output=True, text=True, env=sandbox_environment(), timeout=60)


BAD_LESSONS = {
    "a When step": (
        "@lesson\nFeature: x\n  Scenario: y\n    Given a creator with 150000 followers\n"
        "    When the creator opens Xingtu\n    Then the creator's Xingtu is open\n",
        5,
        "a lesson has no When steps",
    ),
    "no Then step": (
        "@lesson\nFeature: x\n  Scenario: y\n    Given a creator with 150000 followers\n",
        3,
        "the lesson has no Then step",
    ),
    "a goal no trainee reaches": (IMPOSSIBLE, 5, "no trainee can finish this lesson"),
}


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(BAD_LESSONS))
def test_serve_refuses_a_trainer_s_lesson_that_cannot_be_one_with_its_file_and_line(tmp_path: Path, name: str) -> None:
    text, line, why = BAD_LESSONS[name]
    lesson = tmp_path / "mine.feature"
    lesson.write_text(text, encoding="utf-8")
    refused = _serve(tmp_path, "--lessons", str(lesson))
    assert refused.returncode == 2
    assert f"{lesson}:{line}: " in refused.stderr
    assert why in refused.stderr
    assert "Traceback" not in refused.stderr
    assert refused.stdout == ""


def test_a_trainer_s_own_lesson_is_listed_and_can_be_finished(tmp_path: Path) -> None:
    own = tmp_path / "mine"
    own.mkdir()
    (own / "open_up.feature").write_text(
        "@lesson\nFeature: Open Xingtu yourself\n  Open it.\n\n  Scenario: y\n"
        "    Given a creator with 150000 followers\n    Then the creator's Xingtu is open\n",
        encoding="utf-8",
    )
    lessons: list[Lesson] = [*bundled_lessons(), *read_lessons([own])]
    trainee = Console(new_sandbox(tmp_path / "practice.db"), lessons=lessons)
    page = trainee.get("/lessons")
    assert page.links["Open Xingtu yourself"] == "/lessons/own/mine/open_up"
    trainee.post("/lessons/start", lesson="own/mine/open_up")
    make(trainee, Move("open"))
    assert "Lesson complete" in trainee.get("/lessons/own/mine/open_up").text
