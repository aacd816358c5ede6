"""WEB.md's classroom promises through a real `xingtu-sim serve --class`: each trainee sees and moves only their
own tasks, the dashboard needs the trainer's token, every POST its CSRF token, bodies stay under 64 KiB, the
security headers are on every response, wrong class codes are rate-limited, and a restart keeps everyone."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import httpx2 as httpx
import pytest
from served import Served

from xingtu_sim.sandbox import session
from xingtu_sim.sandbox.attempts import moves
from xingtu_sim.sandbox.classroom import trainees
from xingtu_sim.web.security import CSRF_COOKIE, CSRF_FIELD, MAX_BODY_BYTES

pytestmark = pytest.mark.slow  # a server process per test module
TIMEOUT = 30.0  # a busy machine; not a speed check


class Class:
    """A classroom server as a trainer starts it, with what it printed: the class code and the trainer's link."""

    def __init__(self, db: Path, *args: str) -> None:
        self.db = db
        self.served = Served(db, "--class", *args)
        self.code = re.search(r"Class code: (\w+)", self.served.line_with("Class code: "))[1]  # type: ignore[index]
        self.trainer_link = self.served.line_with("class?token=").split()[-1]
        self.browsers: list[Browser] = []

    def browser(self) -> Browser:
        browser = Browser(self.served.url)
        self.browsers.append(browser)
        return browser

    def stop(self, *, keep: tuple[Browser, ...] = ()) -> tuple[int, str, str]:
        """Ctrl-C; every browser closed but those kept (for the server's next start)."""
        for browser in self.browsers:
            if browser not in keep:
                browser.client.close()
        return self.served.stop()

    def trainee(self, name: str) -> Browser:
        browser = self.browser()
        joined = browser.post("/join", name=name, code=self.code)
        assert (joined.status_code, joined.headers["location"]) == (303, "/lessons")
        return browser


class Browser:
    """One browser: its cookies, and the CSRF token its pages gave it."""

    def __init__(self, url: str) -> None:
        self.client = httpx.Client(base_url=url, follow_redirects=False, timeout=TIMEOUT)

    def get(self, address: str) -> httpx.Response:
        return self.client.get(address)

    def post(self, address: str, **fields: str) -> httpx.Response:
        if CSRF_COOKIE not in self.client.cookies:
            self.client.get("/join")
        return self.client.post(address, data={CSRF_FIELD: self.client.cookies[CSRF_COOKIE], **fields})


@pytest.fixture(scope="module")
def room(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Class]:
    room = Class(tmp_path_factory.mktemp("class") / "class.db")
    yield room
    code, _stdout, stderr = room.stop()
    assert code == 0, stderr
    assert stderr == "", stderr  # no traceback, no server error, ever


def tasks_of(db: Path, account: str) -> list[str]:
    with session(db, account, write=False) as current:
        return [task.name for task in current.workspace]


def account_of(db: Path, name: str) -> str:
    return next(trainee.account for trainee in trainees(db) if trainee.name == name)


def test_serve_class_prints_the_class_code_and_the_trainer_s_link_which_opens_the_dashboard(room: Class) -> None:
    assert re.fullmatch(r"[A-HJ-NP-Z2-9]{6}", room.code)
    assert room.trainer_link.startswith(room.served.url + "class?token=")
    trainer = room.browser()
    opened = trainer.get(room.trainer_link)
    assert (opened.status_code, opened.headers["location"]) == (303, "/class")
    dashboard = trainer.get("/class")
    assert dashboard.status_code == 200
    assert "<h1>Class</h1>" in dashboard.text
    assert room.code in dashboard.text


def test_the_dashboard_and_the_recordings_answer_403_without_the_trainer_s_token(room: Class) -> None:
    for browser in (room.browser(), room.trainee("Nosy")):
        for address in ("/class", "/class/recordings.zip", "/class?token=", "/class?token=" + "A" * 43):
            assert browser.get(address).status_code == 403, address


def test_a_trainee_gets_404_for_another_trainee_s_task_whatever_id_is_tried(room: Class) -> None:
    owner, other = room.trainee("Owner"), room.trainee("Other")
    assert owner.post("/account", action="open").status_code == 303
    assert owner.post("/publish", name="Owner's task", brand="Nike", price="8000").status_code == 303
    tried = ["Owner's task", "1", "0", "-1", "../Owner's task", "%2e%2e", account_of(room.db, "Owner")]
    for name in tried:
        assert other.get("/tasks/" + quote(name, safe="")).status_code == 404, name
        assert other.post("/move", task=name, trigger="view").status_code == 404, name
    assert tasks_of(room.db, account_of(room.db, "Other")) == []
    with session(room.db, account_of(room.db, "Owner"), write=False) as current:
        assert current.task("Owner's task").state.value == "pending_receipt"  # nobody else moved it


def test_a_post_without_its_csrf_token_answers_403_and_changes_nothing(room: Class) -> None:
    trainee = room.trainee("Careful")
    account = account_of(room.db, "Careful")
    before = (tasks_of(room.db, account), moves(room.db, account))
    fields = {"name": "Sneaky", "brand": "B", "price": "1", "action": "open", "hours": "5", "code": room.code}
    for address in ("/account", "/publish", "/wait", "/move", "/lessons/start", "/join"):
        for token in ({}, {CSRF_FIELD: "x" * 43}):
            response = trainee.client.post(address, data={**fields, **token})
            assert response.status_code == 403, address
    assert (tasks_of(room.db, account), moves(room.db, account)) == before
    assert [t.name for t in trainees(room.db)].count("Sneaky") == 0


def test_a_body_over_64_kib_answers_413_and_changes_nothing(room: Class) -> None:
    trainee = room.trainee("Big")
    account = account_of(room.db, "Big")
    token = trainee.client.cookies[CSRF_COOKIE]
    body = f"{CSRF_FIELD}={token}&hours=5&pad=".encode() + b"a" * MAX_BODY_BYTES
    headers = {"content-type": "application/x-www-form-urlencoded"}
    for address in ("/wait", "/join"):
        assert trainee.client.post(address, content=body, headers=headers).status_code == 413
    assert moves(room.db, account) == []


def test_every_response_carries_the_security_headers(room: Class) -> None:
    stranger, trainee = room.browser(), room.trainee("Headers")
    responses = [
        stranger.get("/"),  # 303 to join
        stranger.get("/join"),
        stranger.get("/class"),  # 403
        stranger.get("/static/console.css"),
        trainee.get("/lessons"),
        trainee.get("/lessons/en/04_declining_costs_nothing"),
        trainee.get("/tasks/nothing"),  # 404
        trainee.get("/recording"),
        trainee.post("/account", action="nope", **{CSRF_FIELD: ""}),  # 403: the token is left out
    ]
    for response in responses:
        headers = response.headers
        assert headers["content-security-policy"].startswith("default-src 'self'"), response
        assert headers["x-content-type-options"] == "nosniff", response
        assert headers["x-frame-options"] == "DENY", response
    assert {response.status_code for response in responses} == {200, 303, 403, 404}


def test_session_cookies_are_http_only_and_same_site(room: Class) -> None:
    browser = room.browser()
    browser.post("/join", name="Cookies", code=room.code)
    joined = browser.client.post(
        "/join", data={CSRF_FIELD: browser.client.cookies[CSRF_COOKIE], "name": "Cookies2", "code": room.code}
    )
    cookie = next(value for value in joined.headers.get_list("set-cookie") if value.startswith("xingtu_trainee="))
    assert "HttpOnly" in cookie
    assert "samesite=lax" in cookie.lower()


def test_names_are_length_limited_and_shown_as_text(room: Class) -> None:
    browser = room.browser()
    refused = browser.post("/join", name="x" * 61, code=room.code)
    assert refused.status_code == 422
    trainee = room.trainee("<b>Bold</b>")
    assert trainee.post("/account", action="open").status_code == 303
    assert trainee.post("/publish", name="<script>alert(1)</script>", brand="B", price="8").status_code == 303
    page = trainee.get("/").text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<script>" not in page
    trainer = room.browser()
    trainer.get(room.trainer_link)
    assert "&lt;b&gt;Bold&lt;/b&gt;" in trainer.get("/class").text


def test_wrong_class_codes_are_rate_limited(tmp_path: Path) -> None:
    room = Class(tmp_path / "class.db")  # a server of its own: every client here is 127.0.0.1
    try:
        guesser = room.browser()
        statuses = [guesser.post("/join", name="Guesser", code=f"WRONG{n}").status_code for n in range(7)]
        assert statuses[:5] == [403] * 5
        assert statuses[5:] == [429, 429]
        assert guesser.post("/join", name="Guesser", code=room.code).status_code == 429  # even the right one, for now
        assert "Guesser" not in [trainee.name for trainee in trainees(room.db)]
    finally:
        code, _stdout, stderr = room.stop()
        assert code == 0, stderr


def test_a_restart_keeps_every_account_session_and_recording(tmp_path: Path) -> None:
    first = Class(tmp_path / "class.db")
    try:
        trainee = first.trainee("Stays")
        trainer = first.browser()
        trainer.get(first.trainer_link)
        assert trainee.post("/lessons/start", lesson="en/04_declining_costs_nothing").status_code == 303
        assert trainee.post("/move", task="Spring launch", trigger="view").status_code == 303
        recorded = trainee.get("/recording").text
    finally:
        assert first.stop(keep=(trainee, trainer))[0] == 0
    again = Class(tmp_path / "class.db")
    again.browsers += [trainee, trainer]
    try:
        assert again.code == first.code
        for browser in (trainee, trainer):
            browser.client.base_url = httpx.URL(again.served.url)
        assert trainee.get("/recording").text == recorded
        assert trainee.post("/move", task="Spring launch", trigger="decline").status_code == 303
        assert "Lesson complete" in trainee.get("/lessons/en/04_declining_costs_nothing").text
        assert trainer.get("/class").status_code == 200
        assert again.browser().get(first.trainer_link.replace(first.served.url, "/")).status_code == 403
    finally:
        code, _stdout, stderr = again.stop()
        assert code == 0, stderr
        assert stderr == "", stderr


def test_serving_a_class_on_every_address_prints_one_other_machines_can_reach(tmp_path: Path) -> None:
    room = Class(tmp_path / "class.db", "--host", "0.0.0.0")
    try:
        assert "0.0.0.0" not in room.served.url
        assert room.trainer_link.startswith(room.served.url)
    finally:
        assert room.stop()[0] == 0
