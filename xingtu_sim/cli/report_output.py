"""Where `run` writes its report: standard output, or a file that is never left saying a stopped run passed."""

from __future__ import annotations

import contextlib
import os
import stat
from functools import partial
from pathlib import Path
from types import TracebackType
from typing import IO, Any

import click

from xingtu_sim.cli.base import BadInput, current_lang, say
from xingtu_sim.cli.output import why_not_written
from xingtu_sim.domain.text import _
from xingtu_sim.i18n import render


class ReportOutput:
    """A report's destination: the file is opened once the feature files are known to be sound."""

    def __init__(self, path: Path | None, document: bool) -> None:
        self.path = path
        self.document = document  # JSON, XML or HTML, written whole at the end
        self._stream: IO[str] | None = None
        self._file: tuple[int, int] | None = None  # (device, inode) of the regular file we opened
        self._failed = False

    def open(self) -> None:
        """Open the file before anything runs: a path that cannot be written is bad input."""
        if self.path is not None:
            try:
                self._stream = self.path.open("w", encoding="utf-8")
            except OSError as error:
                raise self._cannot_write(error) from None
            opened = os.fstat(self._stream.fileno())
            if stat.S_ISREG(opened.st_mode):
                self._file = (opened.st_dev, opened.st_ino)

    def emit(self, line: str = "", nl: bool = True, **style: Any) -> None:
        # A document is written as built (its builder made users' text visible; the HTML page's own script
        # holds control characters that must stay); text for people goes through say().
        write = partial(click.echo, color=False) if self.document else partial(say, **style)
        if self._stream is None:
            write(line, nl=nl)  # standard output: a full disk or closed pipe is the command's to tell
            return
        try:
            write(line, nl=nl, file=self._stream)
        except OSError as error:
            self._failed = True
            raise self._cannot_write(error) from None

    def withdraw(self, why: str | None) -> None:
        """The run stopped or the report failed: a document is deleted (a tool must not read part of a run as
        a pass); a text report in a file ends with `why`. On standard output the command's last line says it."""
        if self._stream is None or self.path is None:
            return
        if self.document or self._failed:
            with contextlib.suppress(OSError):
                self._stream.close()
                self._delete()
        elif why is not None:
            self.emit("")  # progress marks share a line
            self.emit(why)

    def __enter__(self) -> ReportOutput:
        return self

    def __exit__(self, kind: type[BaseException] | None, *_: BaseException | TracebackType | None) -> None:
        if self._stream is None or self._stream.closed:
            return
        try:
            self._stream.close()
        except OSError as error:
            if kind is None:  # the last of the report did not reach the disk
                raise self._cannot_write(error) from None

    def _delete(self) -> None:
        """Delete the report, if it is the regular file we opened: never a device (/dev/null) or someone else's."""
        assert self.path is not None
        now = os.stat(self.path, follow_symlinks=False)
        if stat.S_ISREG(now.st_mode) and (now.st_dev, now.st_ino) == self._file:
            self.path.unlink()

    def _cannot_write(self, error: OSError) -> BadInput:
        reason = why_not_written(error)
        return BadInput(render(_("Cannot write {path}: {reason}.", path=self.path, reason=reason), current_lang()))
