"""The pages (GET only, never a move): the task overview, a task's details, the account, the publish form."""

from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import urlencode

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

from xingtu_sim.domain.account import Platform
from xingtu_sim.domain.lifecycle import TRANSITIONS, TRIGGERS
from xingtu_sim.domain.text import Text
from xingtu_sim.web import who
from xingtu_sim.web.forms import page_number
from xingtu_sim.web.lesson_pages import lesson_progress
from xingtu_sim.web.practice import OPENING_MOVE, Pages, Practice
from xingtu_sim.web.render import render_page, task_href

LISTS = ("pending", "active", "ended")


def practice(request: Request) -> Practice:
    return who.practice(request)


async def overview(request: Request) -> Response:
    return await overview_page(request)


async def details(request: Request) -> Response:
    return await details_page(request, request.path_params["name"])


async def account(request: Request) -> Response:
    return await account_page(request)


async def publish_form(request: Request) -> Response:
    practice(request)  # in a classroom, only a trainee publishes to their own account
    return publish_page(request)


async def overview_page(request: Request, *, status: int = 200, problem: Sequence[Text] = ()) -> Response:
    pages = Pages(*(page_number(request, name) for name in LISTS)) if request.method == "GET" else Pages()
    data = await run_in_threadpool(practice(request).overview, pages)

    def page_href(name: str, page: int) -> str:
        chosen = {key: getattr(pages, key) for key in LISTS if getattr(pages, key) != 1}
        chosen[name] = page
        return "/?" + urlencode(chosen)

    return render_page(
        request,
        "overview.html",
        status=status,
        here=None if request.method == "GET" else "/",
        current="overview",
        overview=data,
        opening_move=OPENING_MOVE,
        page_href=page_href,
        problem=problem,
        unchanged=bool(problem),
        progress=await lesson_progress(request),
    )


async def details_page(request: Request, name: str, *, status: int = 200, problem: Sequence[Text] = ()) -> Response:
    data = await run_in_threadpool(practice(request).details, name)
    return render_page(
        request,
        "details.html",
        status=status,
        here=task_href(name),
        current="details",
        task=data,
        all_moves=TRANSITIONS,
        moves_by_trigger=TRIGGERS,
        progress=await lesson_progress(request),
        problem=problem,
        unchanged=bool(problem),
    )


async def account_page(
    request: Request,
    *,
    status: int = 200,
    problem: Sequence[Text] = (),
    values: dict[str, str] | None = None,
) -> Response:
    data = await run_in_threadpool(practice(request).account_page)
    shown = values or {"followers": str(data.account.followers), "platform": data.account.platform.value}
    return render_page(
        request,
        "account.html",
        status=status,
        here="/account",
        current="account",
        page=data,
        platforms=list(Platform),
        values=shown,
        problem=problem,
        unchanged=bool(problem),
        progress=await lesson_progress(request),
    )


def publish_page(
    request: Request,
    *,
    status: int = 200,
    problem: Sequence[Text] = (),
    values: dict[str, str] | None = None,
) -> Response:
    shown = {"name": "", "brand": "", "price": "", "requirements": "", **(values or {})}
    return render_page(
        request,
        "publish.html",
        status=status,
        here="/publish",
        current="publish",
        values=shown,
        problem=problem,
        unchanged=bool(problem),
    )
