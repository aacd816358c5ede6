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


_received: list[signal.Signals] = []  # the signals that came while handled here, oldest first


def _interrupt(signum: int, _frame: FrameType | None) -> None:
    _received.append(signal.Signals(signum))
    raise Terminated if signum == signal.SIGTERM else KeyboardInterrupt


def stop_if_signalled() -> None:
    """Raise again a signal whose exception was swallowed where it landed.

    Python raises a signal's exception wherever the main thread happens to be; inside a `__del__` or a
    garbage collector's callback it is printed as "ignored" (pytest keeps it as a warning) and the work
    goes on. Long loops call this at each step, so that such a signal still stops them.
    """
    if _received:
        raise Terminated if _received[-1] == signal.SIGTERM else KeyboardInterrupt


def signal_was_the_end() -> None:
    """The signal ended the command as it should (serving stops at Ctrl-C): no longer an interruption."""
    _received.clear()


@contextmanager
def signals_as_interrupts() -> Iterator[None]:
    """While this lasts, Ctrl-C raises KeyboardInterrupt and SIGTERM Terminated, and both are remembered.

    Only in the main thread (elsewhere signals cannot be handled), and Ctrl-C only where it was not
    ignored (`nohup`, a background job in a shell without job control).
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    outermost = signal.getsignal(signal.SIGTERM) is not _interrupt
    if outermost:
        _received.clear()  # e.g. a test's earlier command, in the same process
    handled = [signal.SIGTERM]
    if signal.getsignal(signal.SIGINT) is signal.default_int_handler:
        handled.append(signal.SIGINT)
    previous = {signum: signal.signal(signum, _interrupt) for signum in handled}
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
        if outermost:
            _received.clear()  # handled by now: what runs next in this process starts afresh


def interrupted_line(interrupt: KeyboardInterrupt, lang: Lang | None = None) -> str:
    """The one line a stopped command ends with, in the reader's language."""
    # Imported only once stopped: they may be what was importing when the signal came.
    from xingtu_sim.domain.text import _
    from xingtu_sim.i18n import default_lang, render

    said = _("Interrupted ({signal}): stopped before the end.", signal=signal_of(interrupt).name)
    return render(said, lang or default_lang())


def main() -> None:
    """The `xingtu-sim` command: a signal while it is still starting is handled as well as one later on."""
    with signals_as_interrupts():
        try:
            from xingtu_sim.cli import main as cli  # inside: a signal may land while it imports
        except KeyboardInterrupt as interrupt:
            print(interrupted_line(interrupt), file=sys.stderr)
            sys.exit(exit_code(interrupt))
        cli(prog_name="xingtu-sim")
