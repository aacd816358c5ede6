"""Which language a page speaks: ?lang= (remembered), else the remembered one, else --lang, else the browser's."""

from __future__ import annotations

from starlette.requests import Request

from xingtu_sim.i18n import SOURCE_LANG, Lang, parse_lang

LANG_COOKIE = "xingtu_lang"


def chosen_in_address(request: Request) -> Lang | None:
    """The language named by ?lang= (en, zh-CN, zh...), if it names one we speak."""
    return _known(request.query_params.get("lang", ""))


def page_lang(request: Request, server_default: Lang | None) -> Lang:
    """The page's language, by WEB.md's order of precedence."""
    return (
        chosen_in_address(request)
        or _known(request.cookies.get(LANG_COOKIE, ""))
        or server_default
        or from_accept_language(request.headers.get("accept-language", ""))
        or SOURCE_LANG
    )


def from_accept_language(header: str) -> Lang | None:
    """The language the browser prefers most among ours ("zh-CN,zh;q=0.9,en;q=0.8" gives zh-CN)."""
    best: tuple[float, Lang] | None = None
    for item in header.split(",")[:20]:
        tag, _, params = item.strip().partition(";")
        lang = _known(tag.strip())
        if lang is None:
            continue
        weight = _quality(params)
        if weight > 0 and (best is None or weight > best[0]):  # on a tie the earlier entry wins
            best = (weight, lang)
    return best[1] if best else None


def _quality(params: str) -> float:
    for param in params.split(";"):
        name, _, value = param.strip().partition("=")
        if name.strip() == "q":
            try:
                return min(max(float(value), 0.0), 1.0)
            except ValueError:
                return 0.0
    return 1.0


def _known(value: str) -> Lang | None:
    if not value or len(value) > 35:
        return None
    try:
        return parse_lang(value)
    except ValueError:
        return None
