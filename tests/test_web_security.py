"""WEB.md's promises for personal practice: headers on every response, CSRF on every POST, 64 KiB, escaping."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.routing import Route
from web_client import Console, Page, new_sandbox

from xingtu_sim.web.app import ROUTES
from xingtu_sim.web.render import task_href
from xingtu_sim.web.security import CSRF_COOKIE, CSRF_FIELD, MAX_BODY_BYTES

POST_ADDRESSES = sorted(r.path for r in ROUTES if isinstance(r, Route) and "POST" in (r.methods or ()))
FORM = {"content-type": "application/x-www-form-urlencoded"}


@pytest.fixture
def console(tmp_path: Path) -> Console:
    console = Console(new_sandbox(tmp_path / "practice.db"))
    console.publish("Spring launch")
    return console


def every_kind_of_response(console: Console) -> Iterator[Page]:
    for address in ("/", "/account", "/publish", task_href("Spring launch"), "/static/console.css", "/favicon.ico"):
        yield console.get(address)
    yield console.get("/nope")  # 404
    yield console.get("/move")  # 405
    yield console.get("/?pending=x")  # 400
    yield console.move("Spring launch", "pass_review")  # 409
    yield console.move("Spring launch", "view")  # 303
    yield Page(console.client.post("/wait", data={"hours": "1"}))  # 403
    yield Page(console.client.post("/wait", content=b"a" * (MAX_BODY_BYTES + 1), headers=FORM))  # 413
    yield Page(console.client.get("/", headers={"host": "attacker.example"}))  # 400


def test_every_response_carries_the_security_headers(console: Console) -> None:
    statuses = set()
    for page in every_kind_of_response(console):
        headers = page.response.headers  # type: ignore[attr-defined]
        statuses.add(page.status)
        assert "default-src 'self'" in headers["content-security-policy"], page
        assert headers["x-content-type-options"] == "nosniff", page
        assert headers["x-frame-options"] == "DENY", page
    assert statuses == {200, 204, 303, 400, 403, 404, 405, 409, 413}


def test_no_page_holds_a_script_an_inline_style_or_an_address_of_another_site(console: Console) -> None:
    for page in every_kind_of_response(console):
        if "text/html" not in page.response.headers.get("content-type", ""):  # type: ignore[attr-defined]
            continue
        html = page.html.lower()
        assert "<script" not in html, page
        assert " style=" not in html, page
        assert "<style" not in html, page
        assert not re.search(r"<[^>]*\son[a-z]+=", html), page  # no onclick= and such
        assert not re.search(r"(src|href|action)=\"(https?:)?//", html), page


@pytest.mark.parametrize("address", POST_ADDRESSES)
@pytest.mark.parametrize("token", ["missing", "wrong", "no cookie"])
def test_a_post_without_its_csrf_token_answers_403_and_changes_nothing(
    console: Console, address: str, token: str
) -> None:
    fields = {"task": "Spring launch", "trigger": "view", "hours": "48", "action": "open", "name": "New", "brand": "B"}
    fields |= {"price": "1", "followers": "1", "platform": "douyin"}
    good = console.token()
    if token == "wrong":
        fields[CSRF_FIELD] = good[::-1]
    if token == "no cookie":
        fields[CSRF_FIELD] = good
        console.client.cookies.delete(CSRF_COOKIE)
    before = console.path.read_bytes()
    page = Page(console.client.post(address, data=fields))
    assert page.status == 403
    assert "security token is missing or out of date" in page.alert
    assert console.path.read_bytes() == before


def test_the_csrf_cookie_is_http_only_and_same_site(tmp_path: Path) -> None:
    console = Console(new_sandbox(tmp_path / "practice.db"))
    cookie = console.client.get("/").headers["set-cookie"]
    assert cookie.startswith(f"{CSRF_COOKIE}=")
    assert "HttpOnly" in cookie
    assert "SameSite=Strict" in cookie
    assert "set-cookie" not in console.client.get("/").headers  # the browser keeps the one it has


@pytest.mark.parametrize("size", [MAX_BODY_BYTES + 1, 10 * MAX_BODY_BYTES])
@pytest.mark.parametrize("declared", [True, False], ids=["with a length", "streamed"])
def test_a_body_over_64_kib_answers_413_and_changes_nothing(console: Console, size: int, declared: bool) -> None:
    body = f"{CSRF_FIELD}={console.token()}&hours=5&pad=".encode() + b"a" * size

    def chunks() -> Iterator[bytes]:
        for start in range(0, len(body), 8192):
            yield body[start : start + 8192]

    before = console.path.read_bytes()
    response = console.client.post("/wait", content=body if declared else chunks(), headers=FORM)
    assert response.status_code == 413
    assert "The request is too large (over 64 KiB)" in Page(response).alert
    assert console.path.read_bytes() == before


def test_a_form_just_under_64_kib_is_taken(console: Console) -> None:
    body = f"{CSRF_FIELD}={console.token()}&hours=5&pad=".encode()
    body += b"a" * (MAX_BODY_BYTES - len(body))
    assert console.client.post("/wait", content=body, headers=FORM).status_code == 303


def test_a_request_for_another_host_name_is_not_answered(console: Console) -> None:
    """A site whose name was pointed at 127.0.0.1 (DNS rebinding) gets no page and makes no move."""
    before = console.path.read_bytes()
    for host in ("attacker.example", "attacker.example:8000", "127.0.0.1.attacker.example"):
        assert console.client.get("/", headers={"host": host}).status_code == 400
        response = console.client.post(
            "/wait", data={CSRF_FIELD: console.token(), "hours": "5"}, headers={"host": host}
        )
        assert response.status_code == 400
    assert console.path.read_bytes() == before


def test_names_are_shown_as_text_never_as_markup(console: Console) -> None:
    name = "<script>alert(1)</script><img src=x onerror=alert(1)>"
    assert console.publish(name, brand="<b>Brand</b>").status == 303
    for page in (console.get("/"), console.get(task_href(name))):
        assert "<script>alert" not in page.html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;" in page.html
        assert name in page.text
    assert "&lt;b&gt;Brand&lt;/b&gt;" in console.get(task_href(name)).html


def test_text_from_users_never_hides_or_disguises_itself_on_a_page(console: Console) -> None:
    before = console.path.read_bytes()
    page = console.publish("Summer", requirements="Show the logo\u202e, ogol eht wohs\u200b and\x07 nothing else")
    assert page.status == 422
    assert page.alert is not None
    assert "The requirements hold U+202E RIGHT-TO-LEFT OVERRIDE" in page.alert
    assert not any(character in page.html for character in "\u202e\u200b\x07")  # nor in the form shown again
    assert console.path.read_bytes() == before


def test_a_form_that_is_not_url_encoded_is_refused(console: Console) -> None:
    before = console.path.read_bytes()
    response = console.client.post(
        "/wait", files={"hours": (None, "5")}, data={CSRF_FIELD: console.token()}
    )  # multipart/form-data
    assert response.status_code == 415
    assert console.path.read_bytes() == before
