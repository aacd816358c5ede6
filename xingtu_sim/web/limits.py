"""Rate limits: wrong class codes, counted per client address, so a code cannot be guessed by trying."""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable

WRONG_CODES_ALLOWED = 5  # a trainee mistyping a few times is not slowed down
WINDOW_SECONDS = 60.0
MAX_CLIENTS = 10_000  # addresses remembered at once: a flood of addresses cannot fill the memory


class WrongCodes:
    """How many wrong codes each address sent in the last minute; over the limit it must wait."""

    def __init__(
        self,
        allowed: int = WRONG_CODES_ALLOWED,
        window: float = WINDOW_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.allowed, self.window, self.clock = allowed, window, clock
        self._tries: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def wait_seconds(self, client: str) -> int:
        """0 if the address may try a code now, else how many seconds until it may."""
        with self._lock:
            tries = self._recent(client)
            if len(tries) < self.allowed:
                return 0
            return max(1, round(tries[0] + self.window - self.clock()))

    def wrong(self, client: str) -> None:
        with self._lock:
            if client not in self._tries and len(self._tries) >= MAX_CLIENTS:
                self._forget_old()
            self._tries.setdefault(client, deque()).append(self.clock())

    def _recent(self, client: str) -> deque[float]:
        tries = self._tries.get(client, deque())
        while tries and tries[0] <= self.clock() - self.window:
            tries.popleft()
        return tries

    def _forget_old(self) -> None:
        for client in list(self._tries):
            if not self._recent(client):
                del self._tries[client]
        if len(self._tries) >= MAX_CLIENTS:  # all recent: the oldest address goes
            del self._tries[next(iter(self._tries))]
