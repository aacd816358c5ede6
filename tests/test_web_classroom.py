"""The classroom in-process: joining with a name and the class code, an account each, the trainer's dashboard,
every recording in a zip, wrong codes rate-limited, and a restart keeping everyone signed in."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import LANGS
from web_client import Classroom, Console, Page, new_sandbox

from xingtu_sim import CreatorAccount
from xingtu_sim.cli import main
from xingtu_sim.domain.rules import Rules
from xingtu_sim.domain.text import _
from xingtu_sim.i18n import Lang, render
from xingtu_sim.sandbox import create
from xingtu_sim.sandbox.classroom import trainees
from xingtu_sim.sandbox.practice import Status
from xingtu_sim.web.class_pages import clock
from xingtu_sim.web.limits import WrongCodes
from xingtu_sim.web.render import task_href
from xingtu_sim.web.security import CSRF_FIELD


@pytest.fixture
def room(tmp_path: Path) -> Classroom:
    return Classroom(new_sandbox(tmp_path / "class.db"))


def said(message: str, lang: Lang) -> str:
    return render(_(message), lang)


def opened(trainee: Console) -> Console:
    """The trainee has opened Xingtu, so brands can publish tasks to them."""
    assert trainee.post("/account", action="open").status == 303
    return trainee


def finish_declining(trainee: Console, lang: Lang) -> None:
    task = {"en": "Spring launch", "zh-CN": "春季新品"}[lang]
    assert trainee.post("/lessons/start", lesson=f"{lang}/04_declining_costs_nothing").status == 303
    assert trainee.move(task, "view").status == 303
    assert trainee.move(task, "decline").status == 303


@pytest.mark.parametrize("lang", LANGS)
def test_the_join_page_asks_for_a_name_and_the_class_code(room: Classroom, lang: Lang) -> None:
    page = room.browser().get(f"/join?lang={lang}")
    assert page.status == 200
    assert page.headings[0] == said("Join the class", lang)
    assert page.buttons == [said("Join", lang)]
    for label in ("Name", "Class code"):
        assert f">{said(label, lang)}</label>" in page.html


def test_each_trainee_gets_a_practice_account_of_their_own(room: Classroom) -> None:
    li, wang = opened(room.trainee("Li Lei")), opened(room.trainee("Wang Fang"))
    assert li.publish("Li's task").status == 303
    assert wang.publish("Wang's task").status == 303
    assert "Li's task" in li.get("/").buttons
    assert "Wang's task" not in li.get("/").buttons
    assert "Wang's task" in wang.get("/").buttons
    assert "Li's task" not in wang.get("/").buttons
    assert [trainee.name for trainee in trainees(room.path)] == ["Li Lei", "Wang Fang"]


def test_another_trainee_s_task_is_not_found_and_cannot_be_moved(room: Classroom) -> None:
    li, wang = opened(room.trainee("Li Lei")), room.trainee("Wang Fang")
    assert li.publish("Li's task").status == 303
    assert wang.get(task_href("Li's task")).status == 404
    before = li.get(task_href("Li's task")).text
    moved = wang.move("Li's task", "view")
    assert moved.status == 404
    assert li.get(task_href("Li's task")).text == before


def test_the_class_s_pages_send_someone_who_has_not_joined_to_the_join_page(room: Classroom) -> None:
    stranger = room.browser()
    for address in ("/", "/account", "/lessons", "/publish", task_href("x"), "/recording"):
        page = stranger.get(address)
        assert (page.status, page.location) == (303, "/join"), address
    refused = stranger.post("/wait", hours="5")
    assert refused.status == 403
    assert "Join the class first" in refused.text


def test_a_session_cookie_not_signed_by_the_class_is_not_a_session(room: Classroom) -> None:
    li = room.trainee("Li Lei")
    cookie = li.client.cookies["xingtu_trainee"]
    forger = room.browser()
    value, _dot, mac = cookie.rpartition(".")
    for forged in (f"{value}.{'0' * len(mac)}", f"{value[:-2]}AA.{mac}", "trainee:1:trainee-0", "x" * 5000):
        forger.client.cookies.set("xingtu_trainee", forged)
        assert forger.get("/").location == "/join", forged


@pytest.mark.parametrize("lang", LANGS)
def test_a_wrong_class_code_is_refused_in_the_page_s_language_and_makes_no_account(room: Classroom, lang: Lang) -> None:
    browser = room.browser()
    page = browser.post(f"/join?lang={lang}", name="Li Lei", code="WRONG1")
    assert page.status == 403
    assert page.alert == said("That is not this class's code. Check it with your trainer and type it again.", lang)
    assert 'value="Li Lei"' in page.html  # the form comes back as typed
    assert trainees(room.path) == []


def test_the_code_is_read_as_meant_whatever_its_case_spaces_or_dashes(room: Classroom) -> None:
    code = room.opened.code
    typed = f" {code[:3].lower()}-{code[3:]} "
    joined = room.browser().post("/join", name="Li Lei", code=typed)
    assert (joined.status, joined.location) == (303, "/lessons")


def test_wrong_class_codes_are_rate_limited_then_allowed_again_after_a_minute(room: Classroom) -> None:
    now = [1000.0]
    room.app.state.wrong_codes = WrongCodes(clock=lambda: now[0])
    browser = room.browser()
    for _try in range(5):
        assert browser.post("/join", name="Guesser", code="AAAAAA").status == 403
    limited = browser.post("/join", name="Guesser", code=room.opened.code)
    assert limited.status == 429
    assert limited.alert == "Too many wrong class codes from this device: wait a minute, then try again."
    assert int(limited.response.headers["retry-after"]) > 0  # type: ignore[attr-defined]
    assert trainees(room.path) == []
    now[0] += 61
    joined = browser.post("/join", name="Guesser", code=room.opened.code)
    assert joined.status == 303


@pytest.mark.parametrize(
    ("name", "why"),
    [
        ("", "cannot be empty"),
        ("x" * 61, "at most 60 characters"),
        ("Li\u202eLei", "does not show"),
        ("Li\nLei", "does not show"),
        (" Li Lei", "space"),
    ],
    ids=["empty", "61 characters", "a right-to-left override", "a newline", "a space before it"],
)
def test_a_name_that_could_hide_or_disguise_itself_is_refused(room: Classroom, name: str, why: str) -> None:
    page = room.browser().post("/join", name=name, code=room.opened.code)
    assert page.status == 422
    assert why in page.alert
    assert trainees(room.path) == []


def test_the_dashboard_answers_403_without_the_trainer_s_token_and_to_a_trainee(room: Classroom) -> None:
    for browser in (room.browser(), room.trainee("Li Lei")):
        for address in ("/class", "/class/recordings.zip", "/class?token=wrong"):
            page = browser.get(address)
            assert page.status == 403, address
            assert "trainer" in page.alert


@pytest.mark.parametrize("lang", LANGS)
def test_the_dashboard_shows_every_trainee_against_every_lesson_and_their_last_moves(
    room: Classroom, lang: Lang
) -> None:
    li, wang = room.trainee("Li Lei", "en"), room.trainee("王芳", "zh-CN")
    room.trainee("Zhang Wei")
    finish_declining(li, "en")
    assert wang.post("/lessons/start", lesson="zh-CN/06_the_whole_path").status == 303
    assert wang.move("春季新品", "view").status == 303
    page = room.trainer().get(f"/class?lang={lang}")
    assert page.status == 200
    assert page.headings[0] == said("Class", lang)
    assert render(_("Class code: {code}", code=room.opened.code), lang) in page.text
    rows = dashboard_rows(page)
    done, going, waiting = (render(status, lang) for status in (Status.DONE, Status.IN_PROGRESS, Status.NOT_STARTED))
    assert len(rows["Li Lei"]) == len(rows["王芳"]) == len(rows["Zhang Wei"]) == 9  # each lesson once, either language
    assert rows["Li Lei"][3] == done
    assert rows["Li Lei"].count(waiting) == 8
    assert rows["王芳"][5] == going
    assert rows["王芳"].count(waiting) == 8
    assert rows["Zhang Wei"] == [waiting] * 9
    assert "Spring launch" in page.text
    assert "春季新品" in page.text
    assert re.search(r"<li><time datetime=\S+\+00:00\">\d\d:\d\d</time> · ", page.html)  # made today


def test_a_move_shows_its_time_of_day_in_the_server_s_time_zone_with_the_date_when_not_today() -> None:
    made = datetime(2026, 11, 27, 23, 30, tzinfo=UTC)
    here = made.astimezone()
    assert clock(made, now=made) == here.strftime("%H:%M")
    assert clock(made, now=made + timedelta(days=2)) == here.strftime("%Y-%m-%d %H:%M")


def dashboard_rows(page: Page) -> dict[str, list[str]]:
    """Each trainee's row of the dashboard's table: the status shown in each lesson's column."""
    rows = re.findall(r'<th scope="row">([^<]+)</th>(.*?)</tr>', page.html, flags=re.S)
    return {name: re.findall(r'<td class="status-\w+">([^<]+)</td>', cells) for name, cells in rows}


def test_the_trainer_downloads_every_recording_one_folder_per_trainee_and_each_runs(
    room: Classroom, tmp_path: Path
) -> None:
    li, wang = room.trainee("Li Lei", "en"), room.trainee("王芳", "zh-CN")
    finish_declining(li, "en")
    finish_declining(wang, "zh-CN")
    response = room.trainer().client.get("/class/recordings.zip")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    names = sorted(archive.namelist())
    assert [name.split("/")[0] for name in names] == ["Li-Lei-1", "王芳-2"]
    archive.extractall(tmp_path / "recordings")
    for name in names:
        result = CliRunner().invoke(main, ["run", "--lang", "en", str(tmp_path / "recordings" / name)])
        assert result.exit_code == 0, result.output
    assert archive.read(names[1]).decode().startswith("# language: zh-CN\n")


def test_a_restart_keeps_every_trainee_and_the_trainer_signed_in_but_not_the_old_link(room: Classroom) -> None:
    li, trainer = opened(room.trainee("Li Lei")), room.trainer()
    assert li.publish("Li's task").status == 303
    old_link = f"/class?token={room.opened.trainer_token}"
    restarted = Classroom(room.path)  # serve --class again on the same file
    assert restarted.opened.code == room.opened.code
    li.app.app = trainer.app.app = restarted.app
    assert "Li's task" in li.get("/").buttons
    assert trainer.get("/class").status == 200
    assert restarted.browser().get(old_link).status == 403
    assert restarted.browser().get(f"/class?token={restarted.opened.trainer_token}").status == 303


def test_a_post_to_join_without_its_csrf_token_is_refused(room: Classroom) -> None:
    browser = room.browser()
    browser.get("/join")
    page = Page(browser.client.post("/join", data={"name": "Li Lei", "code": room.opened.code}))
    assert page.status == 403
    page = Page(browser.client.post("/join", data={"name": "Li Lei", "code": room.opened.code, CSRF_FIELD: "x" * 43}))
    assert page.status == 403
    assert trainees(room.path) == []


def test_a_trainee_who_switches_language_has_free_practice_recorded_in_it(room: Classroom, tmp_path: Path) -> None:
    trainee = opened(room.trainee("Li Lei", "en"))
    assert trainee.get("/?lang=zh-CN").lang == "zh-CN"
    assert trainee.publish("秋季新款").status == 303
    archive = zipfile.ZipFile(io.BytesIO(room.trainer().client.get("/class/recordings.zip").content))
    (name,) = archive.namelist()
    assert archive.read(name).decode().startswith("# language: zh-CN\n")


def test_a_trainee_s_account_is_under_the_rules_in_force(tmp_path: Path) -> None:
    path = tmp_path / "class.db"
    create(path, CreatorAccount(followers=150_000), rules=Rules(service_fee_percent=Decimal(10)))
    trainee = Classroom(path).trainee("Li Lei")
    assert "Platform service fee on the price 10%" in trainee.get("/account").text
