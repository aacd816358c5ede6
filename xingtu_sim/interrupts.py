"""Ctrl-C and SIGTERM: whatever a command is doing, it stops, says so in one line and exits 128 + the signal."""

from __future__ import annotations

import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from xingtu_sim.i18n import Lang


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised as Ctrl-C is, so that pytest, click and open transactions stop the same way for both."""


def signal_of(interrupt: KeyboardInterrupt) -> signal.Signals:
    return signal.SIGTERM if isinstance(interrupt, Terminated) else signal.SIGINT


def exit_code(interrupt: KeyboardInterrupt) -> int:
    """The shell's convention for a command stopped by a signal: 130 for Ctrl-C, 143 for SIGTERM."""
    return 128 + signal_of(interrupt)


def _terminate(_signum: int, _frame: FrameType | None) -> None:
    raise Terminated


@contextmanager
def terminate_as_interrupt() -> Iterator[None]:
    """While this lasts, SIGTERM raises Terminated (in the main thread; elsewhere signals cannot be handled)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, _terminate)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def interrupted_line(interrupt: KeyboardInterrupt, lang: Lang | None = None) -> str:
    """The one line a stopped command ends with, in the reader's language."""
    # Imported only once stopped: they may be what was importing when the signal came.
    from xingtu_sim.domain.text import _
    from xingtu_sim.i18n import default_lang, render

    said = _("Interrupted ({signal}): stopped before the end.", signal=signal_of(interrupt).name)
    return render(said, lang or default_lang())


def main() -> None:
    """The `xingtu-sim` command: a signal while it is still starting is handled as well as one later on."""
    with terminate_as_interrupt():
        try:
            from xingtu_sim.cli import main as cli  # inside: a signal may land while it imports
        except KeyboardInterrupt as interrupt:
            print(interrupted_line(interrupt), file=sys.stderr)
            sys.exit(exit_code(interrupt))
        cli(prog_name="xingtu-sim")
