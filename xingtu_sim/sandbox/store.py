"""The sandbox file: an SQLite database we recognise, checked before anything is written to it.

Only SQLite opens the file: a plain open() and close() of it would drop the POSIX locks SQLite holds
on it for every connection in the process (the web console's other threads included).
"""

from __future__ import annotations

import sqlite3
import stat
from collections.abc import Iterator
from contextlib import closing, contextmanager, nullcontext, suppress
from pathlib import Path

from xingtu_sim.domain.errors import InputError, XingtuError, unreadable
from xingtu_sim.domain.text import Text, _
from xingtu_sim.sandbox.schema import SCHEMA_VERSION, upgrade
from xingtu_sim.sandbox.turns import turns


class NoSandbox(InputError):
    """The file holds no sandbox (or not the account asked for) yet."""


class SandboxUnavailable(XingtuError):
    """The file cannot be used, whatever was asked of it: nothing was done. Not a mistake in what was asked,
    so a form is not sent back with it: the console answers 503 (the command line exits 2, as for bad input)."""


class UnusableSandbox(SandboxUnavailable):
    """The file is not a sandbox we can read: damaged, cut short, not SQLite, or cannot be opened. It was left
    untouched."""


class SandboxBusy(SandboxUnavailable):
    """Another command held the file longer than the busy timeout; trying again may work."""


APPLICATION_ID = 0x58545342  # "XTSB" in the header marks a file as a xingtu-sim sandbox
BUSY_TIMEOUT_SECONDS = 30.0  # how long a command waits for another one holding the file


@contextmanager
def transaction(
    path: Path, *, create: bool = False, write: bool = True, commit_on: type[BaseException] | tuple[()] = ()
) -> Iterator[sqlite3.Connection]:
    """One command's transaction on the sandbox file: all of it is written, or none of it (an error of the
    kind `commit_on` is the exception: what was written is committed before it goes on)."""
    # This process's writers take turns in the order they came, checks of the file included (a check's read
    # lock would hold up the commit before it); readers go straight in.
    with turns(path).turn() if write else nullcontext(), _transaction(path, create, write, commit_on) as connection:
        yield connection


@contextmanager
def _transaction(
    path: Path, create: bool, write: bool, commit_on: type[BaseException] | tuple[()]
) -> Iterator[sqlite3.Connection]:
    _refuse_what_is_not_a_file(path)
    if not _is_empty(path):
        _inspect_read_only(path)
    elif not create:
        raise NoSandbox(missing(path))
    connection = _connect(path, create)
    try:
        with _database_errors(path):
            # IMMEDIATE takes the write lock before reading, so two shells acting at once queue up
            # instead of both reading the same state and one overwriting the other.
            connection.execute("BEGIN IMMEDIATE" if write else "BEGIN")
            _bring_up_to_date(connection, path, create)
            try:
                yield connection
            except commit_on:
                connection.execute("COMMIT")
                raise
            connection.execute("COMMIT")
    finally:
        with suppress(sqlite3.Error):
            if connection.in_transaction:
                connection.execute("ROLLBACK")
        connection.close()


def _refuse_what_is_not_a_file(path: Path) -> None:
    """A folder, a pipe or a device is never a sandbox, nor a place to make one (SQLite would say "disk I/O error")."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return  # not there (yet), or unreadable: the checks that follow say which
    if stat.S_ISDIR(mode):
        raise InputError(_("{path} is a folder; a sandbox is a file: choose one with --db.", path=path))
    if not stat.S_ISREG(mode):
        raise InputError(
            _(
                "{path} is not a regular file (a pipe or a device); a sandbox is a file: choose one with --db.",
                path=path,
            )
        )


def _is_empty(path: Path) -> bool:
    """No file, or a file with nothing in it: there is no sandbox to lose."""
    try:
        return path.stat().st_size == 0 and not path.is_dir()
    except FileNotFoundError:
        return True
    except OSError as error:
        raise InputError(_("Cannot open the sandbox {path}: {error}", path=path, error=unreadable(error))) from None


def missing(path: Path) -> Text:
    return _("There is no sandbox in {path} yet.", path=path)


def unusable(path: Path, error: object) -> Text:
    return _("{path} is not a readable xingtu-sim sandbox ({error}); it was left untouched.", path=path, error=error)


def _inspect_read_only(path: Path) -> None:
    """Refuse a file that is not ours (or is damaged, cut short, or newer) before opening it for writing.

    A whole-file check (`PRAGMA quick_check`) would cost every command time in proportion to the file;
    SQLite itself refuses a file shorter than its header says, and finds other damage when a command
    reads it, and that command is rolled back.
    """
    if not _inspect(path, hot_journal_ok=True):
        # A command killed in the middle of writing left its journal behind ("hot"): only a writable
        # connection rolls it back, restoring the file as the last finished command left it.
        with _database_errors(path), closing(_connect(path, create=False)) as connection:
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        _inspect(path, hot_journal_ok=False)


def _inspect(path: Path, *, hot_journal_ok: bool) -> bool:
    """Check the file read-only; False if a journal left by a killed command must be rolled back first."""
    try:
        connection = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_SECONDS)
    except sqlite3.Error as error:
        raise InputError(_("Cannot open the sandbox {path}: {error}", path=path, error=str(error))) from None
    try:
        with _database_errors(path):
            try:
                _check_identity(connection, path)
            except sqlite3.OperationalError as error:
                if hot_journal_ok and error.sqlite_errorname == "SQLITE_READONLY_ROLLBACK":
                    return False
                raise
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()  # a damaged schema shows here
    finally:
        connection.close()
    return True


@contextmanager
def _database_errors(path: Path) -> Iterator[None]:
    """SQLite's errors as one clear line for the user."""
    try:
        yield
    except sqlite3.OperationalError as error:
        raise _database_error(path, error) from None
    except sqlite3.DatabaseError as error:
        detail = _("not an SQLite database") if error.sqlite_errorname == "SQLITE_NOTADB" else str(error)
        raise UnusableSandbox(unusable(path, detail)) from None
    except OverflowError:  # SQLite keeps 64-bit integers: a price or a span of time beyond them
        raise InputError(_("A number is too large for the sandbox to keep; nothing was changed.")) from None


def _connect(path: Path, create: bool) -> sqlite3.Connection:
    if create and not path.parent.is_dir():
        raise InputError(
            _(
                "Cannot create the sandbox {path}: the folder {folder} does not exist. "
                "Create it first, or choose another file with --db.",
                path=path,
                folder=path.parent,
            )
        )
    mode = "rwc" if create else "rw"
    try:
        # isolation_level=None: the transaction is ours to begin and commit, not the module's.
        return sqlite3.connect(
            f"{path.absolute().as_uri()}?mode={mode}", uri=True, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None
        )
    except sqlite3.Error as error:
        raise InputError(_("Cannot open the sandbox {path}: {error}", path=path, error=str(error))) from None


def _check_identity(connection: sqlite3.Connection, path: Path) -> int:
    """The file's schema version, once it is known to be our kind of file at a version we read."""
    application_id = connection.execute("PRAGMA application_id").fetchone()[0]
    version = int(connection.execute("PRAGMA user_version").fetchone()[0])
    blank = application_id == 0 and version == 0 and not _has_schema(connection)
    if blank:
        return 0
    if application_id != APPLICATION_ID:
        raise InputError(
            _(
                "{path} is another application's SQLite database, not a xingtu-sim "
                "sandbox; it was left untouched. Choose another file with --db.",
                path=path,
            )
        )
    if version > SCHEMA_VERSION:
        raise InputError(
            _(
                "{path} was written by a newer xingtu-sim (sandbox format {found}; this "
                "version reads up to {supported}); it was left untouched. Upgrade "
                "xingtu-sim to use it.",
                path=path,
                found=version,
                supported=SCHEMA_VERSION,
            )
        )
    return version


def _bring_up_to_date(connection: sqlite3.Connection, path: Path, create: bool) -> None:
    """Check the file again inside the transaction, then create or upgrade its schema."""
    version = _check_identity(connection, path)
    if version == 0 and not create:
        raise NoSandbox(missing(path))
    upgrade(connection, version)
    if version < SCHEMA_VERSION:
        connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


def _has_schema(connection: sqlite3.Connection) -> bool:
    return bool(connection.execute("SELECT count(*) FROM sqlite_master").fetchone()[0])


def _database_error(path: Path, error: sqlite3.OperationalError) -> SandboxUnavailable:
    if "locked" in str(error) or "busy" in str(error):
        return SandboxBusy(
            _(
                "The sandbox {path} is busy: another command held it for {seconds} seconds. Try again.",
                path=path,
                seconds=int(BUSY_TIMEOUT_SECONDS),
            )
        )
    detail: Text = str(error)
    return UnusableSandbox(_("Cannot open the sandbox {path}: {error}", path=path, error=detail))
