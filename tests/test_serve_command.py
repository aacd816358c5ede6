"""`xingtu-sim serve` as a process: its address, a clean stop, and one clear line when it cannot serve."""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from conftest import LANGS, ok, sandbox, sandbox_environment
from served import Served

from xingtu_sim.i18n import Lang

pytestmark = pytest.mark.slow  # real processes


@pytest.fixture
def start() -> Iterator[Callable[..., Served]]:
    """Starts `xingtu-sim serve` processes; any still running when the test ends is killed."""
    started: list[Served] = []

    def serving(db: Path, *args: str) -> Served:
        started.append(Served(db, *args))
        return started[-1]

    yield serving
    for served in started:
        served.kill()


def serve(db: Path, *args: str, lang: Lang = "en") -> subprocess.CompletedProcess[str]:
    """A serve that is expected to refuse at once."""
    command = [sys.executable, "-m", "xingtu_sim", "serve", "--db", str(db), *args]
    environment = {**sandbox_environment(), "XINGTU_SIM_LANG": lang}
    return subprocess.run(command, capture_output=True, text=True, env=environment, timeout=60, check=False)


@pytest.mark.parametrize("sent", [signal.SIGINT, signal.SIGTERM], ids=["Ctrl-C", "SIGTERM"])
def test_serve_prints_its_address_serves_the_pages_and_stops_cleanly(
    db: Path, sent: signal.Signals, start: Callable[..., Served]
) -> None:
    served = start(db)
    assert served.url.startswith("http://127.0.0.1:")
    assert "<h1>Task overview</h1>" in served.get("/")
    code, stdout, stderr = served.stop(sent)
    assert code == 0, stderr
    assert stdout.splitlines()[-1] == "Stopped."
    assert stderr == ""


@pytest.mark.parametrize("lang", LANGS)
def test_a_port_in_use_is_one_clear_line_and_exit_2(db: Path, lang: Lang, start: Callable[..., Served]) -> None:
    served = start(db)
    port = served.url.rsplit(":", 1)[1].strip("/")
    try:
        refused = serve(db, "--port", port, lang=lang)
    finally:
        served.stop()
    assert refused.returncode == 2
    expected = {"en": "the port is in use", "zh-CN": "端口已被占用"}[lang]
    assert len(refused.stderr.splitlines()) == 1
    assert expected in refused.stderr
    assert refused.stdout == ""


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.20", "::", "example.com"])
def test_a_host_other_than_this_machine_is_refused(db: Path, host: str) -> None:
    refused = serve(db, "--host", host, "--port", "0")
    assert refused.returncode == 2
    assert refused.stderr.splitlines() == [
        f"Error: --host {host} is not a loopback address: without --class the console has no login, so it is served "
        f"only to this machine (127.0.0.1, ::1 or localhost). For a class: xingtu-sim serve --class --host {host}"
    ]


def test_another_program_s_database_is_refused_and_left_untouched(tmp_path: Path) -> None:
    foreign = tmp_path / "notes.db"
    with sqlite3.connect(foreign) as connection:
        connection.execute("CREATE TABLE notes (text TEXT)")
    before = foreign.read_bytes()
    refused = serve(foreign, "--port", "0")
    assert refused.returncode == 2
    assert len(refused.stderr.splitlines()) == 1
    assert "is another application's SQLite database" in refused.stderr
    assert foreign.read_bytes() == before


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (lambda path: path.write_bytes(b"not a database at all" * 50), "is not a readable xingtu-sim sandbox"),
        (lambda path: path.mkdir(), "is a folder; a sandbox is a file: choose one with --db."),
    ],
    ids=["not SQLite", "a folder"],
)
def test_an_unreadable_database_is_one_clear_line_and_exit_2(tmp_path: Path, make: object, expected: str) -> None:
    path = tmp_path / "practice.db"
    make(path)  # type: ignore[operator]
    refused = serve(path, "--port", "0")
    assert refused.returncode == 2
    assert len(refused.stderr.splitlines()) == 1
    assert expected in refused.stderr


def test_a_file_without_a_sandbox_gets_one_for_the_default_creator(
    tmp_path: Path, start: Callable[..., Served]
) -> None:
    path = tmp_path / "new.db"
    served = start(path)
    code, stdout, _stderr = served.stop()
    assert code == 0
    assert f"There was no sandbox in {path}: started one for a Douyin creator with 150000 followers" in stdout
    assert "Followers 150000 (Douyin needs 100000 to open Xingtu)" in " ".join(ok(path, "account").split())
    assert sandbox(path, "new", "--followers", "1").returncode == 2  # it is a sandbox like any other


def test_a_class_on_a_file_without_a_sandbox_says_each_trainee_gets_an_account(
    tmp_path: Path, start: Callable[..., Served]
) -> None:
    path = tmp_path / "class.db"
    served = start(path, "--class")
    code, stdout, _stderr = served.stop()
    assert code == 0
    assert f"There was no sandbox in {path}: started one for the class (each trainee who joins gets" in stdout
    assert "Douyin creator" not in stdout


def test_the_web_stack_is_imported_only_by_serve() -> None:
    script = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from xingtu_sim.cli import main\n"
        "for args in (['--help'], ['serve', '--help'], ['sandbox', '--help'], ['steps']):\n"
        "    assert CliRunner().invoke(main, args).exit_code == 0, args\n"
        "print(sorted({'starlette', 'jinja2', 'uvicorn'} & {name.split('.')[0] for name in sys.modules}))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_rules_given_to_serve_are_the_rules_in_force_from_then_on(
    db: Path, tmp_path: Path, start: Callable[..., Served]
) -> None:
    rules = tmp_path / "rules.toml"
    rules.write_text("service_fee_percent = 10\n", encoding="utf-8")
    served = start(db, "--rules", str(rules))
    try:
        assert "Platform service fee on the price 10%" in " ".join(served.get("/account").split()).replace(
            "</dt><dd>", " "
        )
    finally:
        code, stdout, _stderr = served.stop()
    assert code == 0
    assert "The sandbox keeps these rules from now on" in stdout
    assert json.loads(ok(db, "account", "--json"))["rules"]["service_fee_percent"] == "10"
