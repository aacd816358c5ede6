"""The console as an ASGI app: its addresses, its guards, and every error as a page in the reader's language."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from xingtu_sim.domain.errors import InputError
from xingtu_sim.domain.text import Message, _
from xingtu_sim.i18n import Lang
from xingtu_sim.lessons import Lesson, bundled_lessons
from xingtu_sim.sandbox import SandboxUnavailable
from xingtu_sim.web import actions, class_pages, lesson_pages, pages
from xingtu_sim.web.forms import PageError
from xingtu_sim.web.limits import WrongCodes
from xingtu_sim.web.practice import Practice, TaskNotFound
from xingtu_sim.web.render import render_page
from xingtu_sim.web.security import Guard
from xingtu_sim.web.who import Classroom, NotJoined

LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")

ROUTES = [
    Route("/", pages.overview, methods=["GET"]),
    Route("/tasks/{name:path}", pages.details, methods=["GET"]),
    Route("/account", pages.account, methods=["GET"]),
    Route("/publish", pages.publish_form, methods=["GET"]),
    Route("/move", actions.move, methods=["POST"]),
    Route("/account", actions.account_action, methods=["POST"]),
    Route("/account/start-over", actions.start_over, methods=["POST"]),
    Route("/publish", actions.publish, methods=["POST"]),
    Route("/lessons", lesson_pages.lessons_list, methods=["GET"]),
    Route("/lessons/start", lesson_pages.start, methods=["POST"]),
    Route("/lessons/{key:path}", lesson_pages.lesson_page, methods=["GET"]),
    Route("/recording", lesson_pages.download, methods=["GET"]),
    Route("/join", class_pages.join_form, methods=["GET"]),
    Route("/join", class_pages.join, methods=["POST"]),
    Route("/class", class_pages.dashboard, methods=["GET"]),
    Route("/class/recordings.zip", class_pages.all_recordings, methods=["GET"]),
    Route("/wait", actions.wait, methods=["POST"]),
    Route("/favicon.ico", lambda _request: Response(status_code=204), methods=["GET"]),
    Mount("/static", StaticFiles(packages=[("xingtu_sim.web", "static")]), name="static"),
]


def create_app(
    practice: Practice,
    *,
    default_lang: Lang | None = None,
    hosts: Sequence[str] | None = LOOPBACK_HOSTS,
    lessons: Sequence[Lesson] | None = None,
    classroom: Classroom | None = None,
) -> Starlette:
    """The console on this practice sandbox, offering `lessons` (the bundled ones if None).

    `hosts` are the Host headers it answers (DNS rebinding); None: any (a classroom, where every page
    needs a signed session). With `classroom`, each trainee practises on their own account.
    """
    app = Starlette(
        routes=ROUTES,
        middleware=[
            Middleware(Guard, too_large=_too_large, hosts=hosts),
        ],
        exception_handlers={
            TaskNotFound: _not_found_task,
            NotJoined: _not_joined,
            PageError: _page_error,
            HTTPException: _http_error,
            SandboxUnavailable: _store_error,
            InputError: _store_error,
        },
    )
    app.state.practice = practice
    app.state.default_lang = default_lang
    app.state.lessons = {lesson.key: lesson for lesson in (_bundled() if lessons is None else lessons)}
    app.state.classroom = classroom
    app.state.wrong_codes = WrongCodes()
    return app


@cache
def _bundled() -> tuple[Lesson, ...]:
    return tuple(bundled_lessons())


NOT_FOUND = _("Not found")
NOT_DONE = _("The request could not be done")


def _error_page(request: Request, status: int, title: Message, problem: Sequence[object]) -> Response:
    return render_page(request, "error.html", status=status, here="/", title=title, problem=problem)


def _too_large(request: Request) -> Response:
    return _error_page(request, 413, NOT_DONE, [_("The request is too large (over 64 KiB); nothing was changed.")])


async def _not_found_task(request: Request, error: Exception) -> Response:
    assert isinstance(error, TaskNotFound)
    return _error_page(request, 404, NOT_FOUND, error.lines)


async def _not_joined(request: Request, error: Exception) -> Response:
    """A classroom's page without a trainee's session: join first (a POST is refused, nothing changed)."""
    if request.method in ("GET", "HEAD"):
        return RedirectResponse("/join", status_code=303)
    return _error_page(
        request,
        403,
        NOT_DONE,
        [_("Join the class first: open the class's address and type your name and the class code.")],
    )


async def _page_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, PageError)
    return _error_page(request, error.status, NOT_DONE, [error.line])


async def _http_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, HTTPException)
    if error.status_code == 404:
        return _error_page(request, 404, NOT_FOUND, [_("There is nothing at this address.")])
    if error.status_code == 405:
        return _error_page(request, 405, NOT_DONE, [_("This address does not take that kind of request.")])
    return _error_page(request, error.status_code, NOT_DONE, [_("The request could not be understood.")])


async def _store_error(request: Request, error: Exception) -> Response:
    """The sandbox file could not be used: busy, or deleted or damaged while the console was serving it."""
    assert isinstance(error, SandboxUnavailable | InputError)
    return _error_page(request, 503, NOT_DONE, error.lines)
