"""Whose practice a request is: the sandbox's own account in personal practice, a trainee's in a classroom.

A classroom's session cookies are signed with the secret kept in the sandbox file (so a restart keeps
everyone signed in); a trainee's cookie names their trainee id and practice account, so a page knows
whose tasks to show without reading the file first.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from dataclasses import dataclass
from pathlib import Path

from starlette.requests import Request
from starlette.responses import Response

from xingtu_sim.i18n import Lang
from xingtu_sim.sandbox.classroom import set_lang
from xingtu_sim.web.practice import Practice

TRAINEE_COOKIE = "xingtu_trainee"
TRAINER_COOKIE = "xingtu_trainer"
TRAINER = "trainer"
SESSION_SECONDS = 30 * 24 * 3600  # a course lasts days, not months
MAX_COOKIE = 300  # longer than any cookie of ours: not worth checking


@dataclass(frozen=True)
class Classroom:
    """What a classroom server knows from the start: the code trainees type, the secret that signs sessions."""

    code: str
    secret: bytes


@dataclass(frozen=True)
class Signed:
    """A trainee's session: who they are and which practice account is theirs."""

    trainee: int
    account: str


class NotJoined(Exception):
    """A classroom page asked for by someone who has not joined the class (or whose cookie is not ours)."""


def classroom(request: Request) -> Classroom | None:
    found: Classroom | None = request.app.state.classroom
    return found


def practice_path(request: Request) -> Path:
    """The sandbox file the console serves."""
    personal: Practice = request.app.state.practice
    return personal.path


def practice(request: Request) -> Practice:
    """The practice account this request moves and shows."""
    personal: Practice = request.app.state.practice
    room = classroom(request)
    if room is None:
        return personal
    return Practice(personal.path, signed_in(request, room).account)


def signed_in(request: Request, room: Classroom) -> Signed:
    """The trainee whose signed cookie came with the request; NotJoined if none did."""
    value = _unsigned(room.secret, request.cookies.get(TRAINEE_COOKIE, ""))
    kind, _, rest = (value or "").partition(":")
    trainee, _, account = rest.partition(":")
    if kind != "trainee" or not trainee.isdigit() or not account:
        raise NotJoined
    return Signed(int(trainee), account)


def remember_lang(request: Request, lang: Lang) -> None:
    """A trainee switched language: their free practice is recorded in it from now on (the trainer's zip)."""
    room = classroom(request)
    if room is None:
        return
    try:
        trainee = signed_in(request, room)
    except NotJoined:
        return
    set_lang(practice_path(request), trainee.trainee, lang)


def is_trainer(request: Request) -> bool:
    """Whether the request carries the trainer's signed session (given by the trainer's link)."""
    room = classroom(request)
    return room is not None and _unsigned(room.secret, request.cookies.get(TRAINER_COOKIE, "")) == TRAINER


def sign_in_trainee(response: Response, room: Classroom, trainee: int, account: str) -> None:
    _set(response, TRAINEE_COOKIE, _signed(room.secret, f"trainee:{trainee}:{account}"))


def sign_in_trainer(response: Response, room: Classroom) -> None:
    _set(response, TRAINER_COOKIE, _signed(room.secret, TRAINER))


def _set(response: Response, name: str, value: str) -> None:
    # Lax, not Strict: a trainee coming back from a link (the trainer's message, say) is still signed in.
    response.set_cookie(name, value, max_age=SESSION_SECONDS, path="/", httponly=True, samesite="lax")


def _signed(secret: bytes, value: str) -> str:
    encoded = base64.urlsafe_b64encode(value.encode()).decode().rstrip("=")
    return f"{encoded}.{_mac(secret, encoded)}"


def _unsigned(secret: bytes, cookie: str) -> str | None:
    """The value a cookie we signed carries; None for anything else (forged, altered, from another class)."""
    if not cookie or len(cookie) > MAX_COOKIE:
        return None
    encoded, _, mac = cookie.rpartition(".")
    if not encoded or not mac.isascii() or not hmac.compare_digest(mac, _mac(secret, encoded)):
        return None
    try:
        return base64.urlsafe_b64decode(encoded + "=" * (-len(encoded) % 4)).decode()
    except (ValueError, UnicodeDecodeError):
        return None


def _mac(secret: bytes, encoded: str) -> str:
    return hmac.new(secret, b"xingtu-sim session\0" + encoded.encode(), hashlib.sha256).hexdigest()
