"""The lessons: their list, a lesson's page (its instruction, each goal step met or not yet), starting one
(again: fresh), and any practice downloaded as a feature file."""

from __future__ import annotations

import getpass
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import quote

from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from xingtu_sim.domain.errors import InputError
from xingtu_sim.domain.text import Text
from xingtu_sim.i18n import Lang
from xingtu_sim.lessons import Goal, Lesson
from xingtu_sim.sandbox import classroom as class_store
from xingtu_sim.sandbox import practice as store
from xingtu_sim.web.forms import PageError, field, read_form
from xingtu_sim.web.render import lang_of, lesson_href, render_page
from xingtu_sim.web.who import classroom, practice, signed_in

BAD_INPUT = 422


@dataclass(frozen=True)
class LessonProgress:
    """The lesson being practised now, as every page of the practice shows it."""

    lesson: Lesson
    goals: list[Goal]
    done: bool


def offered(request: Request) -> Mapping[str, Lesson]:
    lessons: Mapping[str, Lesson] = request.app.state.lessons
    return lessons


def shown_in(lessons: Mapping[str, Lesson], lang: Lang) -> list[Lesson]:
    """The lessons a page in `lang` lists: the bundled ones in its language (English if none is), a trainer's
    own in any."""
    bundled_in = {lesson.lang for lesson in lessons.values() if _bundled(lesson)}
    chosen = lang if lang in bundled_in else "en"
    return [lesson for lesson in lessons.values() if lesson.lang == chosen or not _bundled(lesson)]


def _bundled(lesson: Lesson) -> bool:
    return not lesson.key.startswith("own/")


async def lesson_progress(request: Request) -> LessonProgress | None:
    """The lesson the account practises now, with its goal after the last move; None in free practice."""
    here = practice(request)
    lessons = offered(request)
    found = await run_in_threadpool(store.progress, here.path, here.account, lessons, lang_of(request))
    lesson = lessons.get(found.attempt.lesson or "")
    return None if lesson is None else LessonProgress(lesson, found.goals, found.done)


async def lessons_list(request: Request) -> Response:
    here = practice(request)
    lessons = offered(request)
    statuses = await run_in_threadpool(store.lesson_statuses, here.path, here.account, lessons)
    now = await lesson_progress(request)
    return render_page(
        request,
        "lessons.html",
        here="/lessons",
        current="lessons",
        lessons=shown_in(lessons, lang_of(request)),
        statuses=statuses,
        lesson_href=lesson_href,
        progress=now,
    )


async def lesson_page(request: Request) -> Response:
    return await _lesson_page(request, _lesson(request, request.path_params["key"]))


async def _lesson_page(
    request: Request, lesson: Lesson, *, status: int = 200, problem: Sequence[Text] = ()
) -> Response:
    now = await lesson_progress(request)
    return render_page(
        request,
        "lesson.html",
        status=status,
        here=lesson_href(lesson.key),
        current="lessons",
        lesson=lesson,
        practising=now is not None and now.lesson.key == lesson.key,
        progress=now,
        problem=problem,
        unchanged=bool(problem),
    )


async def start(request: Request) -> Response:
    """Start a lesson, or start it again from its set-up: the account's tasks and clock as the lesson gives them."""
    form = await read_form(request)
    lesson = _lesson(request, field(form, "lesson"))
    here = practice(request)
    try:
        await run_in_threadpool(store.start_lesson, here.path, here.account, lesson)
    except InputError as bad:
        return await _lesson_page(request, lesson, status=BAD_INPUT, problem=bad.lines)
    return RedirectResponse(lesson_href(lesson.key), status_code=303)


async def download(request: Request) -> Response:
    """The current practice (a lesson's attempt, or free practice) as a feature file to keep and run."""
    here = practice(request)
    name = await run_in_threadpool(_trainee_name, request)
    try:
        recorded = await run_in_threadpool(
            store.recording, here.path, here.account, offered(request), lang_of(request), name
        )
    except InputError as bad:
        raise PageError(409, bad.lines[0]) from None
    return feature_file(recorded.file_name, recorded.text)


def feature_file(file_name: str, text: str) -> Response:
    """A download: the browser saves it under its name instead of showing it."""
    plain = "".join(char if char.isascii() and char not in '"\\' else "_" for char in file_name)
    disposition = f"attachment; filename=\"{plain}\"; filename*=UTF-8''{quote(file_name)}"
    return Response(text, media_type="text/plain; charset=utf-8", headers={"content-disposition": disposition})


def _trainee_name(request: Request) -> str:
    """Who practised: the trainee's display name in a class, the login name in personal practice."""
    room = classroom(request)
    if room is not None:
        return class_store.find_trainee(practice(request).path, signed_in(request, room).trainee).name
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no $USER and no entry in the password database (a bare container)
        return "trainee"


def _lesson(request: Request, key: str) -> Lesson:
    lesson = offered(request).get(key)
    if lesson is None:
        raise HTTPException(404)
    return lesson
