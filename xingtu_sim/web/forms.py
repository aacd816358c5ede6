"""Reading what a page's form sent: plain url-encoded fields, its CSRF token checked, numbers parsed."""

from __future__ import annotations

from decimal import Decimal
from urllib.parse import parse_qsl

from starlette.requests import Request

from xingtu_sim.domain.errors import InputError
from xingtu_sim.domain.text import Text, _
from xingtu_sim.web.security import CSRF_FIELD, csrf_ok

MAX_FIELDS = 20
_FORM_TYPE = "application/x-www-form-urlencoded"
NOT_A_FORM = _("The request is not a form sent by these pages.")
FORM_NOT_CHECKED = _(
    "This form could not be checked: its security token is missing or out of date. "
    "Reload the page and try again; nothing was changed."
)


class PageError(Exception):
    """A request the console cannot take: an error page with this status and message."""

    def __init__(self, status: int, line: object) -> None:
        super().__init__(str(line))
        self.status = status
        self.line = line


async def read_form(request: Request) -> dict[str, str]:
    """The fields of a POSTed form (the first of each name); 403 without its CSRF token."""
    if request.headers.get("content-type", "").split(";")[0].strip().lower() != _FORM_TYPE:
        raise PageError(415, NOT_A_FORM)
    try:
        pairs = parse_qsl((await request.body()).decode("utf-8"), keep_blank_values=True, max_num_fields=MAX_FIELDS)
    except (UnicodeDecodeError, ValueError):
        raise PageError(400, NOT_A_FORM) from None
    fields: dict[str, str] = {}
    for name, value in pairs:
        fields.setdefault(name, value)
    if not csrf_ok(request, fields.get(CSRF_FIELD)):
        raise PageError(403, FORM_NOT_CHECKED)
    return fields


def field(fields: dict[str, str], name: str) -> str:
    """A field every form of ours sends; a request without it did not come from our page."""
    if name not in fields:
        raise PageError(400, _('The form has no field "{field}".', field=name))
    return fields[name]


def whole_number(text: str, error: Text) -> int:
    """A whole number of ASCII digits, zero or more; anything else is `error`."""
    text = text.strip()
    if not (text.isascii() and text.isdigit()):
        raise InputError(error)
    return int(Decimal(text))  # int() of a string stops at 4,300 digits; the domain says what is too large


def page_number(request: Request, name: str) -> int:
    """?NAME=N, the page of a list to show (1 when absent)."""
    written = request.query_params.get(name)
    if written is None:
        return 1
    try:
        return max(whole_number(written, _('"{page}" is not a page number.', page=written)), 1)
    except InputError as bad:
        raise PageError(400, bad.lines[0]) from None
