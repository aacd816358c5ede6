"""Serving the console: a loopback address only, the port taken before anything is printed, a clean stop."""

from __future__ import annotations

import errno
import ipaddress
import socket

import uvicorn
from starlette.types import ASGIApp

from xingtu_sim.domain.errors import InputError
from xingtu_sim.domain.text import N_, _

BACKLOG = 128
PORT_IN_USE = N_("Cannot serve on {host}:{port}: the port is in use. Choose another with --port.")
CANNOT_LISTEN = N_("Cannot serve on {host}:{port}: {error}")


def is_loopback(host: str) -> bool:
    """127.0.0.1 and the rest of 127/8, ::1, localhost: addresses only this machine reaches."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def listen(host: str, port: int, *, classroom: bool = False) -> socket.socket:
    """A socket bound to host:port (port 0: a free one), or one clear line saying why not.

    Only a classroom, where every trainee signs in, may be served to other machines."""
    if not classroom and not is_loopback(host):
        raise InputError(
            _(
                "--host {host} is not a loopback address: without --class the console has no login, so it is "
                "served only to this machine (127.0.0.1, ::1 or localhost). For a class: xingtu-sim serve --class "
                "--host {host}",
                host=host,
            )
        )
    try:
        family, kind, proto, _name, address = socket.getaddrinfo(host.strip("[]"), port, type=socket.SOCK_STREAM)[0]
        sock = socket.socket(family, kind, proto)
    except OSError as error:
        raise InputError(_(CANNOT_LISTEN, host=host, port=port, error=str(error))) from None
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(BACKLOG)  # from now on a browser's request waits in line instead of being refused
    except OSError as error:
        sock.close()
        if error.errno == errno.EADDRINUSE:
            raise InputError(_(PORT_IN_USE, host=host, port=port)) from None
        raise InputError(_(CANNOT_LISTEN, host=host, port=port, error=error.strerror)) from None
    return sock


def address(sock: socket.socket) -> str:
    """The console's address as a browser takes it: http://127.0.0.1:8000/ or http://[::1]:8000/.

    Served on every address (0.0.0.0, ::), it is the one other machines on the network reach this one by."""
    host, port = sock.getsockname()[:2]
    if ipaddress.ip_address(host.split("%")[0]).is_unspecified:
        host = _network_address(sock.family)
    shown = f"[{host}]" if sock.family == socket.AF_INET6 else host
    return f"http://{shown}:{port}/"


def _network_address(family: socket.AddressFamily) -> str:
    """This machine's address on its network: the one a connection outwards would leave from."""
    probe = ("192.0.2.1", 9) if family == socket.AF_INET else ("2001:db8::1", 9)  # documentation addresses
    try:
        with socket.socket(family, socket.SOCK_DGRAM) as udp:
            udp.connect(probe)  # UDP: nothing is sent, the system only picks the route
            return str(udp.getsockname()[0])
    except OSError:  # no network at all: this machine itself
        return "127.0.0.1" if family == socket.AF_INET else "::1"


def serve(app: ASGIApp, sock: socket.socket) -> None:
    """Serve until Ctrl-C or SIGTERM: uvicorn lets requests in flight finish, then raises the signal again
    (the command's handlers make both a KeyboardInterrupt, see `xingtu_sim.interrupts`)."""
    config = uvicorn.Config(app, log_level="warning", access_log=False, server_header=False, lifespan="off")
    uvicorn.Server(config).run(sockets=[sock])
