"""Pages from templates, in the page's language, with what every page shows (navigation, the switch)."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qsl, quote, urlencode

import jinja2
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response

from xingtu_sim.domain.clock import HOURS_PER_DAY
from xingtu_sim.domain.lifecycle import Actor
from xingtu_sim.domain.money import format_yuan
from xingtu_sim.domain.names import visible
from xingtu_sim.domain.text import _
from xingtu_sim.i18n import Lang, gettext_functions, language_name, other_languages, render
from xingtu_sim.web import who
from xingtu_sim.web.lang import LANG_COOKIE, chosen_in_address, page_lang
from xingtu_sim.web.security import CSRF_FIELD
from xingtu_sim.web.words import shown

ONE_YEAR = 365 * 24 * 3600

_ENV = jinja2.Environment(
    loader=jinja2.PackageLoader("xingtu_sim.web", "templates"),
    autoescape=True,  # every name and text a user typed is shown as text
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)
_ENV.filters["visible"] = visible  # text from users: nothing in it may hide or disguise itself


def lang_of(request: Request) -> Lang:
    return page_lang(request, request.app.state.default_lang)


def render_page(
    request: Request, template: str, *, status: int = 200, here: str | None = None, **context: Any
) -> HTMLResponse:
    """The page `template` in the request's language; `here` is its GET address, for the language switch."""
    lang = lang_of(request)
    here = here or _address(request)
    values = {
        **gettext_functions(lang),
        "lang": lang,
        "shown": lambda value: shown(value, lang),
        "actors": Actor,
        "yuan": format_yuan,
        "clock": lambda hour: clock(hour, lang),
        "task_href": task_href,
        "lesson_href": lesson_href,
        "progress": None,
        "csrf_field": CSRF_FIELD,
        "csrf_token": request.scope["state"]["csrf_token"],
        "other_langs": [(other, language_name(other), with_lang(here, other)) for other in other_languages(lang)],
        "current": "",
        "problem": (),
        "unchanged": False,
        **context,
    }
    response = HTMLResponse(_ENV.get_template(template).render(values), status_code=status)
    if chosen_in_address(request):
        remember_lang(response, lang)
        who.remember_lang(request, lang)
    return response


def remember_lang(response: Response, lang: Lang) -> None:
    response.set_cookie(LANG_COOKIE, lang, max_age=ONE_YEAR, httponly=True, samesite="lax")


def task_href(name: str) -> str:
    """The address of a task's details page (any name, slashes and all)."""
    return "/tasks/" + quote(name, safe="")


def lesson_href(key: str) -> str:
    """The address of a lesson's page (keys are folder/file: en/04_declining_costs_nothing)."""
    return "/lessons/" + quote(key, safe="/")


def clock(hour: int, lang: Lang) -> str:
    """hour 25 (day 2, 01:00)."""
    day, hour_of_day = divmod(hour, HOURS_PER_DAY)
    time = f"{hour_of_day:02d}:00"
    return render(_("hour {hour} (day {day}, {time})", hour=hour, day=day + 1, time=time), lang)


def with_lang(address: str, lang: Lang) -> str:
    """The same address with ?lang= set, keeping its other parameters."""
    path, _mark, query = address.partition("?")
    params = [(name, value) for name, value in parse_qsl(query, keep_blank_values=True) if name != "lang"]
    return f"{path}?{urlencode([*params, ('lang', lang)])}"


def _address(request: Request) -> str:
    query = request.url.query
    return request.url.path + (f"?{query}" if query else "")
