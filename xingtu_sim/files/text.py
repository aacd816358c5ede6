"""A text file a user names, checked before it is read: a regular file, not too large, UTF-8."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from xingtu_sim.domain.errors import InputError, unreadable
from xingtu_sim.domain.text import Text, _

MAX_BYTES = 10_000_000  # far above any scenario or settings file; stops /dev/zero and runaway files
ENCODING = "utf-8-sig"  # a byte-order mark, as Windows Notepad writes, is not an error
# Opening a FIFO for reading waits for a writer; without blocking it opens at once and fstat refuses it.
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)


class UnreadableFile(InputError):
    """A file that cannot be read as text: where (the path, and the line when known) and why."""

    def __init__(self, path: Path, problem: Text, line: int | None = None) -> None:
        self.location = f"{path}:{line}" if line else str(path)
        self.problem = problem
        super().__init__(_("{location}: {problem}.", location=self.location, problem=problem))


def read_text(path: Path) -> str:
    """The file's text; a pipe, a device, a folder, over MAX_BYTES, binary or not UTF-8 is an UnreadableFile."""
    try:
        _check_kind(path, os.stat(path).st_mode)  # a pipe is refused before anything opens it
        descriptor = os.open(path, _OPEN_FLAGS)
    except OSError as error:
        raise UnreadableFile(path, _cannot_read(error)) from None
    try:
        _check_kind(path, os.fstat(descriptor).st_mode)  # what was opened, should the path have changed since
        with os.fdopen(descriptor, "rb", closefd=False) as file:
            data = file.read(MAX_BYTES + 1)
    except OSError as error:
        raise UnreadableFile(path, _cannot_read(error)) from None
    finally:
        os.close(descriptor)
    if len(data) > MAX_BYTES:
        limit = MAX_BYTES // 1_000_000
        raise UnreadableFile(
            path, _("larger than {megabytes} MB, the most xingtu-sim reads from one file", megabytes=limit)
        )
    return _decoded(path, data)


def _cannot_read(error: OSError) -> Text:
    return _("cannot be read: {reason}", reason=unreadable(error))


def _check_kind(path: Path, mode: int) -> None:
    if stat.S_ISDIR(mode):
        raise UnreadableFile(path, _("cannot be read: {reason}", reason=_("it is a folder, not a file")))
    if not stat.S_ISREG(mode):
        problem = _("not a regular file (a pipe or a device); save the text in a file and give that file")
        raise UnreadableFile(path, problem)


def _decoded(path: Path, data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise UnreadableFile(path, _("saved as UTF-16; save it as UTF-8"))
    if b"\x00" in data:
        raise UnreadableFile(path, _("not a text file (it holds binary data)"))
    try:
        return data.decode(ENCODING)
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise UnreadableFile(
            path, _("not UTF-8 text{hint}; save it as UTF-8", hint=_encoding_hint(data)), line
        ) from None


def _encoding_hint(data: bytes) -> Text:
    try:
        data.decode("gb18030")
    except UnicodeDecodeError:
        return ""
    return _(" (it looks like GBK/GB18030)")
