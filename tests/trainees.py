"""Many trainees at once on a real `xingtu-sim serve` over HTTP: the moves each made, those the server acknowledged.

Each trainee is a thread with its own keep-alive connection, cookies and CSRF token, and makes its moves
one after another as plain form POSTs, as a browser with JavaScript off does: a move is acknowledged when
it is answered by a redirect (303). If the server is killed, a trainee's move then on the wire is "in
flight" (it may or may not have been done); the trainee gives up that task, waits for the server to come
back, and goes on with its next task.
"""

from __future__ import annotations

import http.client
import re
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from urllib.parse import urlencode, urlsplit

from xingtu_sim import State
from xingtu_sim.domain.lifecycle import INITIAL_STATE
from xingtu_sim.domain.routes import shortest_path
from xingtu_sim.web.security import CSRF_COOKIE, CSRF_FIELD

TIMEOUT = 60.0  # seconds a request may take on a loaded machine; not a speed check
# The creator's whole happy path, from the pending task to the fee and the net pay (the brand's and the
# platform's moves included, as a trainee plays them from their panels), from the lifecycle table.
HAPPY_PATH = [edge.trigger.value for edge in shortest_path(INITIAL_STATE, State.COMPLETED)]


@dataclass(frozen=True)
class Move:
    """One form POST a trainee makes: opening Xingtu, a brand publishing `task`, or `trigger` fired on `task`."""

    address: str
    fields: tuple[tuple[str, str], ...]
    task: str = ""
    trigger: str | None = None

    def __str__(self) -> str:
        if self.address == "/account":
            return "open Xingtu"
        return f"{self.trigger or 'a brand publishes'} {self.task!r}"


OPEN_XINGTU = Move("/account", (("action", "open"),))


def plan(trainee: int | str, count: int, *, open_first: bool = False) -> list[Move]:
    """`count` moves: (opening Xingtu, if asked, then) a brand publishes a task to the trainee, who takes it along
    the happy path; then the next task."""
    moves = [OPEN_XINGTU] if open_first else []
    for number in range(count):
        task = f"Task {trainee}-{number}"
        moves.append(Move("/publish", (("name", task), ("brand", "Nike"), ("price", "8000")), task))
        moves += [Move("/move", (("task", task), ("trigger", trigger)), task, trigger) for trigger in HAPPY_PATH]
        if len(moves) >= count:
            break
    return moves[:count]


class Door:
    """Where the server answers now, and in which of its lives (one more each time it is killed)."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.generation = 0
        self._up = threading.Event()
        self._up.set()
        self._lock = threading.Lock()

    def killed(self) -> None:
        """Call just before killing the server: a connection made before this is dead from now on."""
        with self._lock:
            self.generation += 1
            self._up.clear()

    def back(self, url: str) -> None:
        with self._lock:
            self.url = url
            self._up.set()

    def address(self) -> tuple[int, str]:
        """The server's life and address once it is up."""
        while True:
            if not self._up.wait(TIMEOUT):
                raise TimeoutError("the server did not come back")
            with self._lock:
                if self._up.is_set():
                    return self.generation, self.url


@dataclass
class Outcome:
    """What one trainee did: the moves acknowledged (with their seconds), those in flight at a kill, failures."""

    name: str
    acknowledged: list[Move] = field(default_factory=list)
    seconds: list[float] = field(default_factory=list)
    in_flight: list[tuple[int, Move]] = field(default_factory=list)  # each after so many acknowledged
    failures: list[str] = field(default_factory=list)  # any answer but a redirect; any error while it was up


class Trainee:
    """One browser: a keep-alive connection, its cookies (the session and the CSRF token), as it sends them."""

    def __init__(self, name: str, door: Door) -> None:
        self.name = name
        self.cookies: dict[str, str] = {}
        self._connect(door)

    def _connect(self, door: Door) -> None:
        self.generation, url = door.address()  # the server's life this connection was made in
        address = urlsplit(url)
        assert address.hostname is not None
        assert address.port is not None
        self.connection = http.client.HTTPConnection(address.hostname, address.port, timeout=TIMEOUT)

    def reconnect(self, door: Door) -> None:
        """A new connection to the server as it is now (after a restart, say), with the same cookies."""
        self.connection.close()
        self._connect(door)

    def reopen(self, door: Door) -> Trainee:
        """The browser opened again later: a new connection (the server closes idle ones), the same cookies."""
        self.reconnect(door)
        return self

    def close(self) -> None:
        self.connection.close()

    def request(self, method: str, address: str, fields: dict[str, str] | None = None) -> tuple[int, str, str]:
        """Status, Location and body of one request, the cookies it set kept."""
        headers = {"Cookie": "; ".join(f"{key}={value}" for key, value in self.cookies.items())}
        body = None
        if fields is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            body = urlencode({CSRF_FIELD: self.cookies.get(CSRF_COOKIE, ""), **fields})
        self.connection.request(method, address, body=body, headers=headers)
        response = self.connection.getresponse()
        text = response.read().decode()
        for header in response.headers.get_all("set-cookie") or ():
            for key, morsel in SimpleCookie(header).items():
                self.cookies[key] = morsel.value
        return response.status, response.getheader("location") or "", text

    def start(self, join: tuple[str, str] | None) -> None:
        """Pick up the CSRF cookie; join the class as (display name, class code) if given."""
        status, _location, _text = self.request("GET", "/join" if join else "/")
        assert status == 200, f"{self.name}: GET answered {status}"
        if join:
            name, code = join
            status, _location, text = self.request("POST", "/join", {"name": name, "code": code})
            assert status == 303, f"{self.name}: joining answered {status}: {text[:300]}"


def make_moves(trainee: Trainee, moves: list[Move], door: Door, outcome: Outcome) -> None:
    """Make the moves in order; a task whose move was in flight at a kill, or failed, is given up."""
    given_up: set[str] = set()
    for move in moves:
        if move.task and move.task in given_up:
            continue
        if trainee.generation != door.generation:  # killed since: the old connection is dead
            trainee.reconnect(door)
        started = time.perf_counter()
        try:
            status, _location, text = trainee.request("POST", move.address, dict(move.fields))
        except (OSError, http.client.HTTPException) as error:
            given_up.add(move.task)
            if trainee.generation == door.generation:
                outcome.failures.append(f"{move}: {error!r} while the server was up")
            else:
                outcome.in_flight.append((len(outcome.acknowledged), move))
            continue
        if status != 303:
            given_up.add(move.task)
            outcome.failures.append(f"{move}: answered {status}: {alert(text)}")
            continue
        outcome.seconds.append(time.perf_counter() - started)
        outcome.acknowledged.append(move)


def alert(page: str) -> str:
    """What a page says went wrong (its role=alert text), else its start."""
    found = re.search(r'role="alert">(.*?)</div>', page, re.DOTALL)
    return " ".join(re.sub("<[^>]+>", " ", found[1] if found else page[:300]).split())


def run(
    trainees: list[Trainee], moves: Callable[[int], list[Move]], door: Door
) -> tuple[list[Outcome], list[threading.Thread]]:
    """Start every trainee's moves at once, each in a thread; the outcomes fill in as they go."""
    outcomes = [Outcome(trainee.name) for trainee in trainees]
    threads = [
        threading.Thread(target=_guarded, args=(trainee, moves(number), door, outcome), daemon=True)
        for number, (trainee, outcome) in enumerate(zip(trainees, outcomes, strict=True))
    ]
    for thread in threads:
        thread.start()
    return outcomes, threads


def _guarded(trainee: Trainee, moves: list[Move], door: Door, outcome: Outcome) -> None:
    try:
        make_moves(trainee, moves, door, outcome)
    except Exception as error:  # a thread's exception would be printed and lost: the test reads it here
        outcome.failures.append(f"{outcome.name}: {error!r}")


def join_all(threads: list[threading.Thread], deadline: float) -> None:
    for thread in threads:
        thread.join(max(0.0, deadline - time.monotonic()))
    assert not any(thread.is_alive() for thread in threads), "trainees still moving at the deadline"


def by_task(moves: list[Move]) -> Iterator[tuple[str, list[str]]]:
    """Each task a trainee published, with the lifecycle moves made on it, in order."""
    tasks: dict[str, list[str]] = {}
    for move in moves:
        if not move.task:
            continue
        if move.trigger is None:
            tasks[move.task] = []
        else:
            tasks.setdefault(move.task, []).append(move.trigger)
    yield from tasks.items()
