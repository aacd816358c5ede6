"""The sandbox at 100,000 tasks: eight processes acting at once all succeed, their commands queueing up."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ok, sandbox_environment
from test_sandbox_store import recount, tally

pytestmark = pytest.mark.slow  # the fast loop leaves these out (README: Developing)

_BENCHMARK = Path(__file__).parents[1] / "benchmarks" / "bench_sandbox.py"


def fill(path: Path, count: int) -> None:
    """The benchmark's sandbox: `count` tasks in the states of a long-used one."""
    spec = importlib.util.spec_from_file_location("bench_sandbox", _BENCHMARK)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.fill(path, count)


def test_eight_processes_on_a_sandbox_of_100000_tasks_all_succeed(tmp_path: Path) -> None:
    db = tmp_path / "big.db"
    fill(db, 100_000)
    commands = [
        *(["wait", "1h"] for _ in range(4)),  # four at once failed with "is busy" before
        ["offer", "Newcomer", "--brand", "Nike", "--price", "10"],
        ["do", "view", "task 0 #7"],
        ["do", "decline", "task 1 #99"],
        ["inbox"],
    ]
    base = [sys.executable, "-m", "xingtu_sim", "sandbox", "--db", str(db)]
    workers = [
        subprocess.Popen([*base, *args], env=sandbox_environment(), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for args in commands
    ]
    for worker, args in zip(workers, commands, strict=True):
        _, errors = worker.communicate(timeout=240)
        assert worker.returncode == 0, (args, errors)
    account = json.loads(ok(db, "account", "--json"))
    assert (account["clock_hour"], account["tasks"]) == (4, 100_001)
    shown = {name: json.loads(ok(db, "show", name, "--json"))["state"] for name in ("task 0 #7", "task 1 #99")}
    assert shown == {"task 0 #7": "viewing_details", "task 1 #99": "declined"}
    assert tally(db) == recount(db)
