"""The classroom: joining (a display name and the class code), the trainer's dashboard, every recording in a zip."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from xingtu_sim.domain.errors import InputError
from xingtu_sim.domain.text import Text, _
from xingtu_sim.i18n import Lang
from xingtu_sim.lessons import Lesson
from xingtu_sim.sandbox import DEFAULT_ACCOUNT, session
from xingtu_sim.sandbox import classroom as class_store
from xingtu_sim.sandbox.practice import Status
from xingtu_sim.web import who
from xingtu_sim.web.forms import PageError, field, read_form
from xingtu_sim.web.lesson_pages import offered
from xingtu_sim.web.limits import WrongCodes
from xingtu_sim.web.render import lang_of, remember_lang, render_page
from xingtu_sim.web.who import Classroom

LAST_MOVES = 5
MAX_CODE_TYPED = 40  # longer than any code with spaces and dashes: not worth comparing
_BEST_FIRST = (Status.DONE, Status.IN_PROGRESS, Status.NOT_STARTED)


@dataclass(frozen=True)
class Column:
    """A lesson on the dashboard: its title in the page's language, and its keys in every language."""

    title: str
    keys: tuple[str, ...]


def _room(request: Request) -> Classroom:
    """The classroom; personal practice has no class pages."""
    room = who.classroom(request)
    if room is None:
        raise HTTPException(404)
    return room


def _limits(request: Request) -> WrongCodes:
    limits: WrongCodes = request.app.state.wrong_codes
    return limits


async def join_form(request: Request) -> Response:
    room = _room(request)
    try:
        who.signed_in(request, room)
    except who.NotJoined:
        return join_page(request)
    return RedirectResponse("/lessons", status_code=303)


def join_page(
    request: Request, *, status: int = 200, problem: Sequence[Text] = (), values: Mapping[str, str] | None = None
) -> Response:
    shown = {"name": "", "code": "", **(values or {})}
    return render_page(request, "join.html", status=status, here="/join", current="join", values=shown, problem=problem)


async def join(request: Request) -> Response:
    """A trainee joins: their own practice account, and a signed session cookie naming it."""
    form = await read_form(request)  # the token first: a POST without it is a 403, whatever its address
    room = _room(request)
    values = {"name": field(form, "name"), "code": field(form, "code")[:MAX_CODE_TYPED]}
    client = request.client.host if request.client else ""
    limits = _limits(request)
    wait = limits.wait_seconds(client)
    if wait:
        too_many = _("Too many wrong class codes from this device: wait a minute, then try again.")
        response = join_page(request, status=429, problem=[too_many], values=values)
        response.headers["retry-after"] = str(wait)
        return response
    try:
        trainee = await run_in_threadpool(
            _join, who.practice_path(request), values["name"], values["code"], lang_of(request)
        )
    except class_store.WrongCode as wrong:
        limits.wrong(client)
        return join_page(request, status=403, problem=wrong.lines, values=values)
    except InputError as bad:
        return join_page(request, status=422, problem=bad.lines, values=values)
    response = RedirectResponse("/lessons", status_code=303)
    who.sign_in_trainee(response, room, trainee.id, trainee.account)
    remember_lang(response, trainee.lang)  # the language they joined in, on every page from now on
    return response


def _join(path: Path, name: str, code: str, lang: Lang) -> class_store.Trainee:
    """A new trainee, whose account is under the rules in force (serve --rules puts them on the sandbox's own)."""
    with session(path, DEFAULT_ACCOUNT, write=False) as current:
        rules = current.rules
    return class_store.join(path, name, code, lang=lang, rules=rules)


async def dashboard(request: Request) -> Response:
    """The trainer's page: every trainee against every lesson, their last moves. The link's token signs in."""
    room = _room(request)
    token = request.query_params.get("token")
    if token is not None:
        if not await run_in_threadpool(class_store.is_trainer, who.practice_path(request), token[:100]):
            raise PageError(
                403,
                _("This trainer's link is not valid (any more): use the one xingtu-sim serve --class printed last."),
            )
        response = RedirectResponse("/class", status_code=303)  # the token leaves the address bar and history
        who.sign_in_trainer(response, room)
        return response
    _trainer_only(request)
    lessons = offered(request)
    lang = lang_of(request)
    board = await run_in_threadpool(class_store.dashboard, who.practice_path(request), lessons, last=LAST_MOVES)
    return render_page(
        request,
        "class.html",
        here="/class",
        current="class",
        code=room.code,
        join_url=str(request.base_url),
        columns=columns(lessons, lang),
        board=board,
        best=best,
        titles={key: lesson.title for key, lesson in lessons.items()},
        clock=clock,
    )


def clock(made_at: datetime, now: datetime | None = None) -> str:
    """When a move was made, in the server's time zone (the trainer's, in a classroom): the time of day, with
    the date before it when that was not today."""
    local, today = made_at.astimezone(), (now or datetime.now(UTC)).astimezone().date()
    return local.strftime("%H:%M" if local.date() == today else "%Y-%m-%d %H:%M")


async def all_recordings(request: Request) -> Response:
    """Every attempt of every trainee as a .feature file, one folder per trainee, in one zip."""
    _room(request)
    _trainer_only(request)
    data = await run_in_threadpool(_zip, request)
    disposition = 'attachment; filename="class-recordings.zip"'
    return Response(data, media_type="application/zip", headers={"content-disposition": disposition})


def _zip(request: Request) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for item in class_store.recordings(who.practice_path(request), offered(request)):
            archive.writestr(f"{item.folder}/{item.recording.file_name}", item.recording.text)
    return buffer.getvalue()


def _trainer_only(request: Request) -> None:
    if not who.is_trainer(request):
        raise PageError(
            403, _("This page is the trainer's: open it with the trainer's link that xingtu-sim serve --class printed.")
        )


def columns(lessons: Mapping[str, Lesson], lang: Lang) -> list[Column]:
    """One column per lesson, its translations together (en/04_x and zh-CN/04_x are one lesson)."""
    grouped: dict[str, list[Lesson]] = {}
    for lesson in lessons.values():
        same = lesson.key if lesson.key.startswith("own/") else lesson.key.partition("/")[2]
        grouped.setdefault(same, []).append(lesson)
    found = []
    for variants in grouped.values():
        titled = next((lesson for lesson in variants if lesson.lang == lang), variants[0])
        found.append(Column(titled.title, tuple(lesson.key for lesson in variants)))
    return found


def best(statuses: Mapping[str, Status], keys: Sequence[str]) -> Status:
    """A trainee's status in a lesson, in whichever language they took it: done beats in progress."""
    found = {statuses.get(key, Status.NOT_STARTED) for key in keys}
    return next(status for status in _BEST_FIRST if status in found)
