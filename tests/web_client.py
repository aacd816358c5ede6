"""The console in-process, used as a browser uses it, and its pages read as a person reads them."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterable
from html.parser import HTMLParser
from pathlib import Path

import httpx2
from starlette.applications import Starlette

from xingtu_sim import CreatorAccount
from xingtu_sim.i18n import Lang
from xingtu_sim.lessons import Lesson
from xingtu_sim.sandbox import create, session
from xingtu_sim.sandbox.classroom import open_class
from xingtu_sim.web import Practice, create_app
from xingtu_sim.web.security import CSRF_COOKIE, CSRF_FIELD
from xingtu_sim.web.who import Classroom as ClassSecrets


def new_sandbox(path: Path, followers: int = 150_000, *, open_xingtu: bool = True) -> Path:
    """A sandbox file for a Douyin creator, Xingtu opened unless told otherwise."""
    create(path, CreatorAccount(followers=followers))
    if open_xingtu:
        with session(path) as current:
            current.open_xingtu()
    return path


class Console:
    """One browser on the console: it keeps its cookies, sends each form with the token its page gave it."""

    def __init__(
        self,
        path: Path,
        *,
        default_lang: Lang | None = "en",
        lessons: list[Lesson] | None = None,
        app: Starlette | None = None,
    ) -> None:
        if app is None:
            app = create_app(Practice(path), default_lang=default_lang, hosts=["testserver"], lessons=lessons)
        self.app = InProcess(app)
        self.client = httpx2.Client(transport=self.app, base_url="http://testserver", follow_redirects=False)
        self.path = path

    def get(self, address: str, **headers: str) -> Page:
        return Page(self.client.get(address, headers=headers))

    def token(self) -> str:
        if CSRF_COOKIE not in self.client.cookies:
            self.client.get("/")
        return str(self.client.cookies[CSRF_COOKIE])

    def post(self, address: str, **fields: str) -> Page:
        return Page(self.client.post(address, data={CSRF_FIELD: self.token(), **fields}))

    def move(self, task: str, trigger: str) -> Page:
        return self.post("/move", task=task, trigger=trigger)

    def publish(self, name: str, brand: str = "Nike", price: str = "8000", requirements: str = "") -> Page:
        return self.post("/publish", name=name, brand=brand, price=price, requirements=requirements)


class InProcess(httpx2.BaseTransport):
    """Hands each request to the app on an event loop of this thread, an app's exception raised here.

    Starlette's TestClient hands every ASGI message to a loop in another thread: twice the cost of a page.
    """

    def __init__(self, app: Starlette) -> None:
        self.app = app  # a test may swap it, as a restarted server

    def handle_request(self, request: httpx2.Request) -> httpx2.Response:
        if not isinstance(request.stream, httpx2.AsyncByteStream):  # a body sent as it is made
            request.stream = _Chunks(request.stream)

        async def answer() -> tuple[int, httpx2.Headers, bytes]:
            response = await httpx2.ASGITransport(app=self.app).handle_async_request(request)
            return response.status_code, response.headers, await response.aread()

        status, headers, body = _LOOP.run(answer())
        return httpx2.Response(status, headers=headers, stream=httpx2.ByteStream(body))


class _Chunks(httpx2.AsyncByteStream):
    def __init__(self, chunks: Iterable[bytes]) -> None:
        self.chunks = chunks

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for chunk in self.chunks:
            yield chunk


_LOOP = asyncio.Runner()  # one event loop for every console of the test session: closed as the session ends


def close_event_loop() -> None:
    _LOOP.close()


class Page:
    """A response as a person sees it: status, where it sends you, headings, buttons, links, the alert, the text."""

    def __init__(self, response: object) -> None:
        self.response = response
        self.status: int = response.status_code  # type: ignore[attr-defined]
        self.location: str | None = response.headers.get("location")  # type: ignore[attr-defined]
        self.html: str = response.text  # type: ignore[attr-defined]
        reader = _Reader()
        reader.feed(self.html)
        self.headings, self.buttons, self.links = reader.headings, reader.buttons, reader.links
        self.alert = " ".join(" ".join(reader.alert).split())
        self.text = " ".join(" ".join(reader.text).split())
        self.lang = reader.lang

    def __repr__(self) -> str:
        return f"Page({self.status}, {self.headings[:2]}, alert={self.alert!r})"


class _Reader(HTMLParser):
    """Headings, buttons and links by their text; the role=alert text; all visible text."""

    def __init__(self) -> None:
        super().__init__()
        self.headings: list[str] = []
        self.buttons: list[str] = []
        self.links: dict[str, str] = {}
        self.alert: list[str] = []
        self.text: list[str] = []
        self.lang = ""
        self._open: list[tuple[str, list[str], str]] = []  # (tag, its text, href)
        self._alert_depth = 0
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "html":
            self.lang = values.get("lang") or ""
        if tag in {"script", "style", "title", "option"}:
            self._hidden += 1
        if self._alert_depth:
            self._alert_depth += 1 if tag not in _VOID else 0
        elif values.get("role") == "alert":
            self._alert_depth = 1
        if tag in {"h1", "h2", "h3", "button", "a"}:
            self._open.append((tag, [], values.get("href") or ""))

    def handle_endtag(self, tag: str) -> None:
        if tag in {"script", "style", "title", "option"}:
            self._hidden -= 1
        if self._alert_depth:
            self._alert_depth -= 1
        if self._open and self._open[-1][0] == tag:
            _tag, words, href = self._open.pop()
            name = " ".join(" ".join(words).split())
            if tag == "a":
                self.links[name] = href
            elif tag == "button":
                self.buttons.append(name)
            else:
                self.headings.append(name)

    def handle_data(self, data: str) -> None:
        if self._hidden:
            return
        self.text.append(data)
        if self._alert_depth:
            self.alert.append(data)
        for _tag, words, _href in self._open:
            words.append(data)


_VOID = {"input", "br", "meta", "link", "img", "hr"}


class Classroom:
    """A classroom console in-process (as `serve --class` makes it), and the browsers of the people in it."""

    def __init__(self, path: Path, *, default_lang: Lang | None = "en", lessons: list[Lesson] | None = None) -> None:
        self.path = path
        self.opened = open_class(path)
        room = ClassSecrets(self.opened.code, self.opened.session_secret)
        self.app = create_app(Practice(path), default_lang=default_lang, hosts=None, lessons=lessons, classroom=room)

    def browser(self) -> Console:
        """A new browser (its own cookies) on the class."""
        return Console(self.path, app=self.app)

    def trainee(self, name: str, lang: Lang = "en") -> Console:
        """A browser whose trainee has joined the class."""
        browser = self.browser()
        joined = browser.post(f"/join?lang={lang}", name=name, code=self.opened.code)
        assert (joined.status, joined.location) == (303, "/lessons"), joined
        return browser

    def trainer(self) -> Console:
        """A browser that opened the trainer's link."""
        browser = self.browser()
        opened = browser.get(f"/class?token={self.opened.trainer_token}")
        assert (opened.status, opened.location) == (303, "/class"), opened
        return browser
