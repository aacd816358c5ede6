"""Output that cannot be written: a reader that went away ends a command quietly, a full disk with one line."""

from __future__ import annotations

import errno
import os
import signal
import sys
from typing import IO, Any

import click

from xingtu_sim.domain.text import Text, _, pgettext

CLOSED_PIPE = errno.EPIPE
# What writing can run into once the file is open: the disk, a quota, a size limit, the device.
WRITE_ERRORS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO, errno.EROFS})


class OutputGone(click.ClickException):
    """Whoever read the output went away (`xingtu-sim run | head -1`): nothing more to say.

    The exit status is the one a shell reports for a writer stopped by SIGPIPE, 141, as `yes | head` gives.
    """

    exit_code = 128 + signal.SIGPIPE

    def __init__(self) -> None:
        super().__init__("")

    def show(self, file: IO[Any] | None = None) -> None:
        pass


def why_not_written(error: OSError) -> Text:
    """Why a file or the output could not be written, in words a reader knows."""
    if isinstance(error, FileNotFoundError):
        return _("no such file or folder")
    if isinstance(error, IsADirectoryError):
        return _("it is a folder, not a file")
    if isinstance(error, PermissionError):
        return pgettext("writing a file", "permission denied")
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return _("no space left on the disk")
    if error.errno == errno.EROFS:
        return _("the disk is read-only")
    if error.errno in (errno.ENOTDIR, errno.EEXIST):
        return _("it is not a folder")
    return error.strerror or str(error)  # what the system says


def flush_stdout() -> None:
    """Standard output, written out now: a full disk shows here, not as Python exits."""
    sys.stdout.flush()


def discard_stdout() -> None:
    """What is still buffered for standard output goes nowhere, instead of failing again as Python exits."""
    try:
        descriptor = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):
        return  # not a file (click's test runner): nothing is flushed at exit
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, descriptor)
    os.close(devnull)
