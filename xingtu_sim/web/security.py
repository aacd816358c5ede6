"""What every response and request goes through: security headers, the body limit, the CSRF token."""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable, Collection

from starlette.datastructures import Headers, MutableHeaders
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

MAX_BODY_BYTES = 64 * 1024
CSRF_COOKIE = "xingtu_csrf"
CSRF_FIELD = "csrf_token"
_TOKEN = re.compile(r"[A-Za-z0-9_-]{43}")  # what secrets.token_urlsafe(32) makes

SECURITY_HEADERS = {
    # Nothing but our own stylesheet may load: no inline script or style, no other origin, no framing.
    "content-security-policy": "default-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "same-origin",
    "cache-control": "no-store",
}


class BodyTooLarge(Exception):
    """A request body went over MAX_BODY_BYTES while it was being read."""


class Guard:
    """ASGI middleware: security headers on every response, the CSRF cookie, 413 for large bodies.

    Only the host names the console is served under are answered: a page of another site whose name
    was pointed at 127.0.0.1 (DNS rebinding) would otherwise be same-origin with the console. A
    classroom answers any name it is reached by; there every page needs a session signed for that name.
    """

    def __init__(self, app: ASGIApp, too_large: Callable[[Request], Response], hosts: Collection[str] | None) -> None:
        self.app = app
        self.too_large = too_large
        self.hosts = None if hosts is None else frozenset(host.lower() for host in hosts)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        token, is_new = _csrf_token(scope)
        scope.setdefault("state", {})["csrf_token"] = token
        started = False

        async def send_guarded(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    headers[name] = value
                if is_new:
                    headers.append("set-cookie", _csrf_cookie(token))
            await send(message)

        if self.hosts is not None and _host_name(scope) not in self.hosts:
            await PlainTextResponse("Invalid host header", status_code=400)(scope, receive, send_guarded)
            return
        if _declared_length(scope) > MAX_BODY_BYTES:
            await self.too_large(Request(scope))(scope, _no_body, send_guarded)
            return
        try:
            await self.app(scope, _limited(receive), send_guarded)
        except BodyTooLarge:
            if started:
                raise
            await self.too_large(Request(scope))(scope, _no_body, send_guarded)


def csrf_ok(request: Request, submitted: str | None) -> bool:
    """The form carries the token its page was given (the one in the browser's cookie)."""
    cookie = request.cookies.get(CSRF_COOKIE, "")
    return bool(submitted and _TOKEN.fullmatch(cookie) and secrets.compare_digest(submitted, cookie))


def _csrf_token(scope: Scope) -> tuple[str, bool]:
    """The browser's token if it has a well-formed one, else a new one to set."""
    token = Request(scope).cookies.get(CSRF_COOKIE, "")
    if _TOKEN.fullmatch(token):
        return token, False
    return secrets.token_urlsafe(32), True


def _csrf_cookie(token: str) -> str:
    return f"{CSRF_COOKIE}={token}; Path=/; HttpOnly; SameSite=Strict"


def _host_name(scope: Scope) -> str:
    """The Host header without its port: 127.0.0.1, localhost, ::1 (written [::1]:8000)."""
    host = Headers(scope=scope).get("host", "").strip().lower()
    if host.startswith("["):
        return host[1 : host.find("]")] if "]" in host else ""
    return host.partition(":")[0]


def _declared_length(scope: Scope) -> int:
    for name, value in scope["headers"]:
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return MAX_BODY_BYTES + 1  # a length we cannot read is refused like a large one
    return 0


def _limited(receive: Receive) -> Receive:
    """`receive`, counting body bytes and stopping at the limit (for bodies sent without a length)."""
    received = 0

    async def receive_limited() -> Message:
        nonlocal received
        message = await receive()
        if message["type"] == "http.request":
            received += len(message.get("body", b""))
            if received > MAX_BODY_BYTES:
                raise BodyTooLarge
        return message

    return receive_limited


async def _no_body() -> Message:
    return {"type": "http.request", "body": b"", "more_body": False}
