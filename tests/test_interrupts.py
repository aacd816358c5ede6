"""Ctrl-C and SIGTERM, sent to real processes: every command stops with one line and 128 + the signal's number,
and an interrupted run never looks green (no passed line, no report for tools saying it passed)."""

from __future__ import annotations

import fcntl
import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from conftest import ok, sandbox_environment

from xingtu_sim.interrupts import Terminated, signals_as_interrupts
from xingtu_sim.runner.session import RunOptions, run_paths

pytestmark = pytest.mark.slow  # real processes (README: Developing)

SIGNALS = [signal.SIGINT, signal.SIGTERM]
LINES = {signal.SIGINT: "Interrupted (SIGINT): stopped before the end.", signal.SIGTERM: ""}
LINES[signal.SIGTERM] = LINES[signal.SIGINT].replace("SIGINT", "SIGTERM")


def _full_pipe() -> tuple[int, int]:
    """A pipe already holding as much as it can: whoever writes to it next waits."""
    read_end, write_end = os.pipe()
    fcntl.fcntl(write_end, fcntl.F_SETFL, os.O_NONBLOCK)
    try:
        while True:
            os.write(write_end, b"." * 4096)
    except BlockingIOError:
        pass
    fcntl.fcntl(write_end, fcntl.F_SETFL, 0)
    return read_end, write_end


def _wait_until(pid: int, what: Callable[[], bool], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not what():
        assert time.monotonic() < deadline, f"process {pid} never got there"
        time.sleep(0.02)


def _waiting_on_a_pipe(pid: int) -> bool:
    """The kernel's word for where the process sleeps: writing to or reading from a pipe."""
    wchan = Path(f"/proc/{pid}/wchan")
    if not wchan.exists():
        pytest.skip("needs /proc/PID/wchan (Linux) to see where a process waits")
    return "pipe_" in wchan.read_text()


@contextmanager
def _started(args: list[str], env: dict[str, str] | None = None, **streams: object) -> Iterator[subprocess.Popen[str]]:
    command = [sys.executable, "-m", "xingtu_sim", *args]
    process = subprocess.Popen(command, text=True, env=env or sandbox_environment(), **streams)  # type: ignore[call-overload]
    try:
        yield process
    finally:
        if process.poll() is None:
            process.kill()
        process.wait()
        for stream in (process.stdin, process.stdout, process.stderr):
            if stream is not None:
                stream.close()


def _stopped_while_writing(
    args: list[str], sig: signal.Signals, env: dict[str, str] | None = None
) -> tuple[int, str, str]:
    """Run a command whose standard output is full, signal it once it waits to write; (exit, stdout, stderr)."""
    read_end, write_end = _full_pipe()
    with _started(args, env, stdout=write_end, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL) as process:
        os.close(write_end)
        _wait_until(process.pid, lambda: _waiting_on_a_pipe(process.pid))
        process.send_signal(sig)
        output = b""
        while chunk := os.read(read_end, 65536):
            output += chunk
        os.close(read_end)
        stderr = process.stderr.read() if process.stderr else ""
        process.wait(timeout=60)
        return process.returncode, output.decode("utf-8", "replace").lstrip("."), stderr


COMMANDS = {
    "run": ["run"],
    "coverage": ["coverage", "--format", "json"],
    "steps": ["steps"],
    "generate": ["generate"],
    "diagram": ["diagram"],
    "rules": ["rules"],
    "simulate": ["simulate", "--orders", "1000", "--json"],
    "tour": ["tour"],
}


@pytest.mark.parametrize("sig", SIGNALS, ids=lambda sig: sig.name)
@pytest.mark.parametrize("command", COMMANDS)
def test_a_signal_stops_every_command_with_one_line_and_128_plus_its_number(command: str, sig: signal.Signals) -> None:
    code, _output, stderr = _stopped_while_writing(COMMANDS[command], sig)
    assert (code, stderr.splitlines()) == (128 + sig, [LINES[sig]])


@pytest.mark.parametrize("sig", SIGNALS, ids=lambda sig: sig.name)
@pytest.mark.parametrize("args", [["inbox"], ["offer", "Autumn launch", "--brand", "Adidas", "--price", "5000"]])
def test_a_signal_stops_a_sandbox_command_and_the_sandbox_still_works(
    db: Path, args: list[str], sig: signal.Signals
) -> None:
    ok(db, "offer", "Spring launch", "--brand", "Nike", "--price", "8000")
    code, _output, stderr = _stopped_while_writing(["sandbox", "--db", str(db), *args], sig)
    assert (code, stderr.splitlines()) == (128 + sig, [LINES[sig]])
    assert "Spring launch" in ok(db, "inbox")


def test_the_line_is_in_the_readers_language() -> None:
    env = {**sandbox_environment(), "XINGTU_SIM_LANG": "zh-CN"}
    code, _output, stderr = _stopped_while_writing(["steps"], signal.SIGINT, env)
    assert (code, stderr.splitlines()) == (130, ["已中断（SIGINT）：未执行完就停止了。"])


def test_ctrl_c_at_the_tour_prompt_stops_it_like_any_command(tmp_path: Path) -> None:
    screen = tmp_path / "screen.txt"
    with screen.open("w") as out, _started(["tour"], stdin=subprocess.PIPE, stdout=out, stderr=subprocess.PIPE) as tour:
        _wait_until(tour.pid, lambda: _waiting_on_a_pipe(tour.pid))  # at the prompt, waiting for a choice
        tour.send_signal(signal.SIGINT)
        stderr = tour.stderr.read() if tour.stderr else ""
        tour.wait(timeout=60)
    assert (tour.returncode, stderr.splitlines()) == (130, [LINES[signal.SIGINT]])
    assert "Your choice" in screen.read_text(encoding="utf-8")


def test_an_interrupted_run_never_prints_its_passed_line() -> None:
    code, output, stderr = _stopped_while_writing(["run"], signal.SIGINT)
    assert code == 130
    assert " passed, " not in output
    assert stderr.splitlines() == [LINES[signal.SIGINT]]


def _long_feature(folder: Path, rows: int = 3000) -> Path:
    """One outline, thousands of rows: a run that lasts long enough to be stopped in the middle."""
    examples = "".join(f"      | {row} |\n" for row in range(rows))
    path = folder / "long.feature"
    path.write_text(
        "Feature: Long\n  Scenario Outline: Declining task <n>\n    Given a creator with 150000 followers\n"
        '    And the creator has opened Xingtu\n    And the brand "Nike" publishes the task "T<n>" paying 8000 yuan\n'
        '    When the creator declines the task "T<n>"\n    Then the creator\'s account is unchanged\n'
        f"    Examples:\n      | n |\n{examples}",
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize("sig", SIGNALS, ids=lambda sig: sig.name)
@pytest.mark.parametrize("report_format", ["junit", "cucumber-json"])
def test_a_run_stopped_in_the_middle_leaves_no_report_for_tools(
    tmp_path: Path, report_format: str, sig: signal.Signals
) -> None:
    report = tmp_path / "report.out"
    args = ["run", str(_long_feature(tmp_path)), "--format", report_format, "--output", str(report)]
    with _started(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as run:
        _wait_until(run.pid, report.exists)  # opened once the file is read, just before the scenarios start
        time.sleep(0.5)
        run.send_signal(sig)
        stdout, stderr = run.communicate(timeout=60)
    assert (run.returncode, stderr.splitlines()) == (128 + sig, [LINES[sig]])
    assert not report.exists()
    assert "passed" not in stdout


def test_a_text_report_of_a_stopped_run_ends_saying_so(tmp_path: Path) -> None:
    report = tmp_path / "report.txt"
    args = ["run", str(_long_feature(tmp_path)), "--format", "progress", "--output", str(report)]
    with _started(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as run:
        _wait_until(run.pid, lambda: report.exists() and report.stat().st_size > 0)  # a scenario has finished
        run.send_signal(signal.SIGTERM)
        _stdout, stderr = run.communicate(timeout=60)
    assert (run.returncode, stderr.splitlines()) == (143, [LINES[signal.SIGTERM]])
    marks, last = report.read_text(encoding="utf-8").splitlines()
    assert set(marks) == {"."}
    said = re.fullmatch(
        r"Interrupted \(SIGTERM\) after (\d+) scenarios?: the run did not finish and did not pass\.", last
    )
    assert said is not None, last
    assert int(said.group(1)) in (len(marks), len(marks) + 1)  # the signal may land between counting and printing


def test_an_interrupt_inside_the_run_is_raised_again_not_swallowed_by_pytest(tmp_path: Path) -> None:
    def stop(_scenario: object) -> None:
        raise Terminated

    with pytest.raises(Terminated):
        run_paths([_long_feature(tmp_path, rows=3)], RunOptions("en"), stop)


class _SignalledWhileCollected:
    """An object whose clean-up is where Ctrl-C lands: Python prints the exception as ignored and goes on."""

    def __del__(self) -> None:
        signal.raise_signal(signal.SIGINT)
        for _ in range(10_000):  # the handler runs at the next check, still in here
            pass


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")  # the swallowing, as intended
def test_an_interrupt_swallowed_where_it_landed_still_stops_the_run(tmp_path: Path) -> None:
    finished: list[object] = []

    def land_a_signal_in_a_clean_up(scenario: object) -> None:
        finished.append(scenario)
        _SignalledWhileCollected()  # dropped at once: its __del__ runs here

    with signals_as_interrupts(), pytest.raises(KeyboardInterrupt):
        run_paths([_long_feature(tmp_path, rows=3)], RunOptions("en"), land_a_signal_in_a_clean_up)
    assert len(finished) == 1


def test_a_signal_handled_once_does_not_stop_what_runs_next_in_the_same_process(tmp_path: Path) -> None:
    with signals_as_interrupts(), pytest.raises(KeyboardInterrupt):
        signal.raise_signal(signal.SIGINT)
    run_paths([_long_feature(tmp_path, rows=2)], RunOptions("en"))  # not stopped by the signal above
