"""The moves (POST, then a redirect): a task's move, an account action, publishing, letting time pass."""

from __future__ import annotations

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from xingtu_sim.domain.account import parse_platform
from xingtu_sim.domain.errors import ActionRefused, InputError
from xingtu_sim.domain.lifecycle import INITIAL_STATE
from xingtu_sim.domain.text import _
from xingtu_sim.web.forms import field, read_form, whole_number
from xingtu_sim.web.pages import account_page, details_page, overview_page, practice, publish_page
from xingtu_sim.web.practice import TaskNotFound
from xingtu_sim.web.render import task_href

CONFLICT = 409  # a refused move: the request was fine, the lifecycle says no
BAD_INPUT = 422


def _see(address: str) -> Response:
    return RedirectResponse(address, status_code=303)


async def move(request: Request) -> Response:
    form = await read_form(request)
    name, trigger = field(form, "task"), field(form, "trigger")
    try:
        state = await run_in_threadpool(practice(request).move, name, trigger)
    except TaskNotFound:
        raise
    except ActionRefused as refused:
        return await details_page(request, name, status=CONFLICT, problem=refused.lines)
    except InputError as bad:
        return await details_page(request, name, status=BAD_INPUT, problem=bad.lines)
    # A task back where it started (its details closed) is back among the pending tasks.
    return _see("/" if state is INITIAL_STATE else task_href(name))


async def account_action(request: Request) -> Response:
    form = await read_form(request)
    try:
        await run_in_threadpool(practice(request).account_action, field(form, "action"))
    except ActionRefused as refused:
        return await account_page(request, status=CONFLICT, problem=refused.lines)
    except InputError as bad:
        return await account_page(request, status=BAD_INPUT, problem=bad.lines)
    return _see("/account")


async def start_over(request: Request) -> Response:
    form = await read_form(request)
    values = {"followers": field(form, "followers"), "platform": field(form, "platform")}
    try:
        written = values["followers"]
        followers = whole_number(
            written, _('"{followers}" is not a follower count (a whole number, zero or more).', followers=written)
        )
        await run_in_threadpool(practice(request).start_over, followers, parse_platform(values["platform"]))
    except InputError as bad:
        return await account_page(request, status=BAD_INPUT, problem=bad.lines, values=values)
    return _see("/account")


async def publish(request: Request) -> Response:
    form = await read_form(request)
    values = {key: field(form, key) for key in ("name", "brand", "price")}
    values["requirements"] = form.get("requirements", "")  # optional: a brand may state none
    try:
        await run_in_threadpool(practice(request).publish, *values.values())
    except ActionRefused as refused:
        return publish_page(request, status=CONFLICT, problem=refused.lines, values=values)
    except InputError as bad:
        return publish_page(request, status=BAD_INPUT, problem=bad.lines, values=values)
    return _see("/")


async def wait(request: Request) -> Response:
    form = await read_form(request)
    written, back_to = field(form, "hours"), form.get("task")
    try:
        hours = whole_number(
            written, _('"{hours}" is not a number of hours (a whole number, zero or more).', hours=written)
        )
        await run_in_threadpool(lambda: practice(request).wait(hours, from_task=back_to))
    except InputError as bad:
        if back_to is not None:
            return await details_page(request, back_to, status=BAD_INPUT, problem=bad.lines)
        return await overview_page(request, status=BAD_INPUT, problem=bad.lines)
    return _see("/" if back_to is None else task_href(back_to))
