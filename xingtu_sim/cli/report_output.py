"""Where `run` writes its report: standard output, or a file that is never left saying a stopped run passed."""

from __future__ import annotations

import contextlib
from pathlib import Path
from types import TracebackType
from typing import IO, Any

from xingtu_sim.cli.base import say
from xingtu_sim.domain.errors import InputError, message, unreadable


class ReportOutput:
    """A report's destination: the file is opened once the feature files are known to be sound."""

    def __init__(self, path: Path | None, document: bool) -> None:
        self.path = path
        self.document = document  # JSON or XML, written whole at the end
        self._stream: IO[str] | None = None

    def open(self) -> None:
        """Open the file before anything runs: a path that cannot be written is bad input."""
        if self.path is None:
            return
        try:
            self._stream = self.path.open("w", encoding="utf-8")
        except OSError as error:
            raise InputError(message("file.cannot_write", path=self.path, reason=unreadable(error))) from None

    def emit(self, line: str = "", nl: bool = True, **style: Any) -> None:
        say(line, nl=nl, file=self._stream, **style)

    def withdraw(self, why: str) -> None:
        """The run was stopped: a document is deleted (a tool must not read a partial run as a pass); a text
        report in a file ends with `why`. On standard output the command's last line says it."""
        if self._stream is None or self.path is None:
            return
        if self.document:
            with contextlib.suppress(OSError):
                self._stream.close()
                self.path.unlink()
        else:
            self.emit("")  # progress marks share a line
            self.emit(why)

    def __enter__(self) -> ReportOutput:
        return self

    def __exit__(self, *_: type[BaseException] | BaseException | TracebackType | None) -> None:
        if self._stream is not None:
            self._stream.close()
