"""`xingtu-sim serve` in a process of its own, on a free port, as a trainer starts it."""

from __future__ import annotations

import queue
import signal
import subprocess
import sys
import threading
import urllib.request
from pathlib import Path

from conftest import sandbox_environment

START_SECONDS = 30  # how long a start may take on a busy machine; not a speed check


class Served:
    """The console's process: its address once it printed it, its output, and a Ctrl-C to stop it."""

    def __init__(self, db: Path, *args: str, lang: str = "en") -> None:
        command = [sys.executable, "-m", "xingtu_sim", "serve", "--db", str(db), "--port", "0", *args]
        environment = {**sandbox_environment(), "XINGTU_SIM_LANG": lang}
        self.process = subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=environment
        )
        self.lines: queue.Queue[str | None] = queue.Queue()
        self.stdout: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()
        self.url = self._wait_for_address()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.put(line)
        self.lines.put(None)

    def _wait_for_address(self) -> str:
        while True:
            try:
                line = self.lines.get(timeout=START_SECONDS)
            except queue.Empty:
                self.process.kill()
                self.process.wait()
                self._close()
                raise AssertionError("serve printed no address") from None
            if line is None:
                self.process.wait()
                raise AssertionError(f"serve ended before printing its address: {self._close()}")
            self.stdout.append(line)
            if "http://" in line:
                return line[line.index("http://") :].split()[0]

    def line_with(self, text: str) -> str:
        """The first line printed (so far or from now on) that holds `text`."""
        for line in self.stdout:
            if text in line:
                return line
        while True:
            line = self.lines.get(timeout=START_SECONDS)
            if line is None:
                raise AssertionError(f"serve printed no line with {text!r}: {''.join(self.stdout)}")
            self.stdout.append(line)
            if text in line:
                return line

    def get(self, path: str = "/") -> str:
        with urllib.request.urlopen(self.url.rstrip("/") + path, timeout=START_SECONDS) as response:
            return str(response.read().decode())

    def stop(self, sent: signal.Signals = signal.SIGINT) -> tuple[int, str, str]:
        """Send Ctrl-C (or another signal); the exit code, all of stdout, all of stderr."""
        if self.process.poll() is None:
            self.process.send_signal(sent)
        try:
            code = self.process.wait(timeout=START_SECONDS)
        except subprocess.TimeoutExpired:
            self.process.kill()
            raise
        while (line := self.lines.get(timeout=START_SECONDS)) is not None:
            self.stdout.append(line)
        return code, "".join(self.stdout), self._close()

    def kill(self) -> None:
        """Make sure the process is gone (after a failed test, say): no server outlives its test."""
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=START_SECONDS)
            self._close()

    def _close(self) -> str:
        """Close the pipes; what was written to stderr."""
        stderr = ""
        if self.process.stderr:
            stderr = self.process.stderr.read()
            self.process.stderr.close()
        if self.process.stdout:
            self.process.stdout.close()
        return stderr
