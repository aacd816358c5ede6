"""The practice console over real HTTP: a page and a move cost what they show, not what the file holds.

Run: python benchmarks/bench_console.py   (goal: each ratio at most 1.5, median and p95; exits 1 if not)

Each sandbox file is served by its own `xingtu-sim serve` process on 127.0.0.1, and the practice
account served holds the same 10 tasks awaiting a decision in all of them. Two comparisons:

- 10 tasks in the file, against 20,010: the same 10 plus 20,000 in five other practice accounts (as a
  classroom's file holds), nine in ten of them ended. The pages show exactly the same.
- 30 tasks in the account (the 10, and one page of 20 ended), against 20,010 (the 10, and 20,000
  ended): the overview shows the same page of each list; the rest are on later pages.

Requests take turns across the servers (in a new random order each turn), one keep-alive connection
each, so that whatever else the machine is doing weighs on all of them alike. Timed: the task
overview (GET /, a page of each list) and a move (POST /move, `view` then `close` on one task: a
write transaction answered by a redirect).
"""

from __future__ import annotations

import http.client
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlencode

from xingtu_sim import CreatorAccount
from xingtu_sim.sandbox import create, session

REQUESTS = 600  # of each kind, per file
ROUNDS = 4
WARM_UP = 30
GOAL = 1.5
SERVED = 10  # tasks awaiting a decision in the account served, in every file
MANY = 20_000
OTHER_ACCOUNTS = 5

# name: (ended tasks in the account served, tasks in other accounts)
FILES = {
    "10 tasks": (0, 0),
    "10 + 20,000 in other accounts": (0, MANY),
    "10 + one page of ended": (20, 0),
    "10 + 20,000 ended": (MANY, 0),
}
COMPARED = [("10 tasks", "10 + 20,000 in other accounts"), ("10 + one page of ended", "10 + 20,000 ended")]


def fill(path: Path, ended: int, elsewhere: int) -> int:
    """A sandbox file as FILES describes it; the number of tasks it holds."""
    create(path, CreatorAccount(followers=150_000))
    with session(path) as current:
        current.open_xingtu()
        for number in range(ended):
            current.publish(f"Ended {number}", "Adidas", "500")
            current.act(f"Ended {number}", "decline")
        for number in range(SERVED):
            current.publish(f"Task {number}", "Nike", "8000")
    for account in range(OTHER_ACCOUNTS if elsewhere else 0):
        key = f"trainee-{account}"
        create(path, CreatorAccount(followers=150_000), key=key)
        with session(path, key) as current:
            current.open_xingtu()
            for number in range(elsewhere // OTHER_ACCOUNTS):
                current.publish(f"Other {number}", "Li-Ning", "1000")
                if number % 10:  # nine in ten ended, the rest still pending
                    current.act(f"Other {number}", "decline")
    return SERVED + ended + elsewhere


class Server:
    """`xingtu-sim serve` on a free port, and one keep-alive connection to it, holding its CSRF cookie."""

    def __init__(self, db: Path) -> None:
        command = [sys.executable, "-m", "xingtu_sim", "serve", "--db", str(db), "--port", "0", "--lang", "en"]
        self.process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
        assert self.process.stdout is not None
        for line in self.process.stdout:
            if "http://" in line:
                host_port = line.split("http://", 1)[1].split("/", 1)[0]
                break
        else:
            raise SystemExit(f"serve did not start on {db}")
        host, port = host_port.rsplit(":", 1)
        self.connection = http.client.HTTPConnection(host, int(port), timeout=60)
        self.cookie = ""
        page = self.request("GET", "/")
        self.token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)  # type: ignore[union-attr]

    def request(self, method: str, path: str, body: str | None = None) -> str:
        headers = {"Host": "127.0.0.1", "Cookie": self.cookie}  # as a browser sends them
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            self.connection.request(method, path, body=body, headers=headers)
            response = self.connection.getresponse()
        except (http.client.RemoteDisconnected, ConnectionResetError):  # idle past uvicorn's keep-alive (5 s)
            self.connection.close()  # reconnects, as a browser does; the time it takes is counted
            self.connection.request(method, path, body=body, headers=headers)
            response = self.connection.getresponse()
        text = response.read().decode()
        if response.status >= 400:
            raise SystemExit(f"{method} {path}: {response.status}")
        self.cookie = (response.getheader("set-cookie") or self.cookie).split(";")[0]
        return text

    def move(self, trigger: str) -> None:
        self.request("POST", "/move", urlencode({"csrf_token": self.token, "task": "Task 0", "trigger": trigger}))

    def stop(self) -> None:
        self.connection.close()
        self.process.terminate()
        self.process.wait(timeout=60)


def measure(servers: list[Server], action: Callable[[Server, int], object], requests: int) -> list[list[float]]:
    """Seconds per request for each server; the servers take turns, in a new random order each turn."""
    times: list[list[float]] = [[] for _ in servers]
    turn = list(enumerate(servers))
    for number in range(WARM_UP + requests):
        random.shuffle(turn)  # no server always follows the same one
        for index, server in turn:
            started = time.perf_counter()
            action(server, number)
            if number >= WARM_UP:
                times[index].append(time.perf_counter() - started)
    return times


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        paths = {name: Path(folder) / f"{number}.db" for number, name in enumerate(FILES)}
        sizes = {name: fill(paths[name], *FILES[name]) for name in FILES}
        print(f"{len(FILES)} files filled through the store in {time.perf_counter() - started:.1f} s")
        results = {pair: compare([paths[name] for name in pair]) for pair in COMPARED}
    print(f"{REQUESTS} requests of each kind per file ({ROUNDS} rounds, after {WARM_UP} to warm up); milliseconds")
    print(f"{'':18} {'file':31} {'tasks':>7} {'median':>8} {'p95':>8}")
    worst = 0.0
    for kind in KINDS:
        for pair, times in results.items():
            for name, spent in zip(pair, times[kind], strict=True):
                print(f"{kind:18} {name:31} {sizes[name]:>7,} {median_ms(spent):8.2f} {p95_ms(spent):8.2f}")
            small, large = times[kind]
            ratios = median_ms(large) / median_ms(small), p95_ms(large) / p95_ms(small)
            worst = max(worst, *ratios)
            print(f"{'':18} {'ratio':>39} {ratios[0]:8.2f} {ratios[1]:8.2f}   goal <= {GOAL}")
    verdict = "ok" if worst <= GOAL else "MISSED"
    print(f"worst ratio {worst:.2f}: {verdict}")
    if worst > GOAL:
        sys.exit(1)


KINDS: dict[str, Callable[[Server, int], object]] = {
    "overview (GET /)": lambda server, _n: server.request("GET", "/"),
    "move (POST /move)": lambda server, n: server.move("view" if n % 2 == 0 else "close"),
}


def compare(paths: list[Path]) -> dict[str, list[list[float]]]:
    """Each kind of request timed on a server for each file, in rounds: the servers are started afresh
    each round, in turn first, so that neither file always gets the process started first."""
    times: dict[str, list[list[float]]] = {kind: [[] for _ in paths] for kind in KINDS}
    for round_number in range(ROUNDS):
        order = list(range(len(paths)))[:: 1 if round_number % 2 == 0 else -1]
        servers = {index: Server(paths[index]) for index in order}
        try:
            for kind, action in KINDS.items():
                spent = measure([servers[index] for index in range(len(paths))], action, REQUESTS // ROUNDS)
                for index, samples in enumerate(spent):
                    times[kind][index] += samples
        finally:
            for server in servers.values():
                server.stop()
    return times


def median_ms(values: list[float]) -> float:
    return statistics.median(values) * 1000


def p95_ms(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1] * 1000


if __name__ == "__main__":
    main()
