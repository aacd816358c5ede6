"""The sandbox file's tables, one migration per schema version, and the upgrade that runs them.

Version 1 held one creator: an `account` row, its `task`s and their `history`. Version 2 holds many
practice accounts (the CLI sandbox's is the account keyed `default`; the web console's classroom
adds one per trainee), each with its own clock and the rules in force; every task belongs to an
account and keeps the rules it was published under. Version 3 keeps a journal of practice: each
account's attempts (free practice, or a lesson started or started again) and, for each attempt, every
move made through the store's session in the vocabulary's terms, so that replaying an attempt's
moves from its set-up gives the account as the store holds it. Version 4 holds a classroom: the
class (its code, the trainer's token as a hash, the secret that signs sessions) and its trainees,
each with a practice account of their own. A later version is one more function appended to
`MIGRATIONS`: a file at version n runs migrations n+1, n+2, ... inside the transaction of the first
command that opens it.
"""

from __future__ import annotations

import enum
import json
import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime

from xingtu_sim.domain.lifecycle import AWAITING_DECISION, State
from xingtu_sim.domain.rules import DEFAULT_RULES
from xingtu_sim.files.rules_toml import rules_to_toml

DEFAULT_ACCOUNT = "default"  # the account `xingtu-sim sandbox` plays
STATES = {state.id: state for state in State}  # a state by the id the file writes


class Stage(enum.IntEnum):
    """Where a task is in its life, stored beside its state so that lists and `wait` use an index."""

    AWAITING_DECISION = 0  # pending receipt or viewing details: the clock may lapse it
    IN_PROGRESS = 1
    ENDED = 2

    @classmethod
    def of(cls, state: State) -> Stage:
        if state in AWAITING_DECISION:
            return cls.AWAITING_DECISION
        return cls.ENDED if state.terminal else cls.IN_PROGRESS


def _version_1(connection: sqlite3.Connection) -> None:
    """One creator's sandbox, as xingtu-sim 0.1 wrote it."""
    _run(
        connection,
        """
        CREATE TABLE account (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            followers INTEGER NOT NULL CHECK (followers >= 0),
            platform TEXT NOT NULL,
            xingtu_open INTEGER NOT NULL,
            receiving INTEGER NOT NULL,
            balance_fen INTEGER NOT NULL,
            breaches INTEGER NOT NULL,
            clock_hour INTEGER NOT NULL
        );
        CREATE TABLE task (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            brand TEXT NOT NULL,
            price_fen INTEGER NOT NULL,
            published_at INTEGER NOT NULL,
            state TEXT NOT NULL,
            script_changes INTEGER NOT NULL,
            video_changes INTEGER NOT NULL,
            fee_fen INTEGER
        );
        CREATE TABLE history (
            task_id INTEGER NOT NULL REFERENCES task (id),
            step INTEGER NOT NULL,
            time INTEGER NOT NULL,
            trigger TEXT NOT NULL,
            source TEXT NOT NULL,
            dest TEXT NOT NULL,
            actor TEXT NOT NULL,
            PRIMARY KEY (task_id, step)
        );
        """,
    )


def _version_2(connection: sqlite3.Connection) -> None:
    """Many practice accounts; rules stored with each account and task; indexes for what a move touches."""
    _run(
        connection,
        """
        CREATE TABLE rules (
            id INTEGER PRIMARY KEY,
            document TEXT NOT NULL UNIQUE  -- the rules as `xingtu-sim rules` prints them (TOML)
        );
        CREATE TABLE account_v2 (
            id INTEGER PRIMARY KEY,
            key TEXT NOT NULL UNIQUE,  -- 'default' for the CLI sandbox
            followers INTEGER NOT NULL CHECK (followers >= 0),
            platform TEXT NOT NULL,
            xingtu_open INTEGER NOT NULL,
            receiving INTEGER NOT NULL,
            balance_fen INTEGER NOT NULL,
            breaches INTEGER NOT NULL,
            clock_hour INTEGER NOT NULL,  -- each account has its own simulated clock
            rules_id INTEGER NOT NULL REFERENCES rules (id)  -- the rules in force for what comes next
        );
        CREATE TABLE task_v2 (
            id INTEGER PRIMARY KEY,
            account_id INTEGER NOT NULL REFERENCES account (id),
            name TEXT NOT NULL,
            brand TEXT NOT NULL,
            requirements TEXT NOT NULL DEFAULT '',
            price_fen INTEGER NOT NULL,
            published_at INTEGER NOT NULL,
            accept_deadline INTEGER NOT NULL,  -- published_at + the task's accept window
            state TEXT NOT NULL,
            stage INTEGER NOT NULL,  -- 0 awaiting decision, 1 in progress, 2 ended (see Stage)
            script_changes INTEGER NOT NULL,
            video_changes INTEGER NOT NULL,
            fee_fen INTEGER,
            rules_id INTEGER NOT NULL REFERENCES rules (id),  -- the rules it was published under
            UNIQUE (account_id, name)
        );
        -- How many tasks each account has in each state, kept by the triggers below, so that a
        -- summary costs the same with ten tasks or a hundred thousand.
        CREATE TABLE tally (
            account_id INTEGER NOT NULL REFERENCES account (id),
            state TEXT NOT NULL,
            tasks INTEGER NOT NULL,
            PRIMARY KEY (account_id, state)
        ) WITHOUT ROWID;
        """,
    )
    rules_id = connection.execute("INSERT INTO rules (document) VALUES (?)", (rules_to_toml(DEFAULT_RULES),)).lastrowid
    # Version 1 kept no rules: its tasks ran under whatever each command was given, usually the defaults.
    connection.execute(
        "INSERT INTO account_v2 SELECT id, ?, followers, platform, xingtu_open, receiving, balance_fen, breaches,"
        " clock_hour, ? FROM account",
        (DEFAULT_ACCOUNT, rules_id),
    )
    tasks = connection.execute("SELECT id, state, published_at FROM task").fetchall()
    connection.execute(
        "INSERT INTO task_v2 (id, account_id, name, brand, price_fen, published_at, accept_deadline, state, stage,"
        " script_changes, video_changes, fee_fen, rules_id)"
        " SELECT id, 1, name, brand, price_fen, published_at, 0, state, 0, script_changes, video_changes, fee_fen, ?"
        " FROM task",
        (rules_id,),
    )
    connection.executemany(
        "UPDATE task_v2 SET accept_deadline = ?, stage = ? WHERE id = ?",
        [
            (published_at + DEFAULT_RULES.accept_window_hours, int(Stage.of(STATES[state])), task_id)
            for task_id, state, published_at in tasks
        ],
    )
    _run(
        connection,
        """
        DROP TABLE task;
        DROP TABLE account;
        ALTER TABLE task_v2 RENAME TO task;
        ALTER TABLE account_v2 RENAME TO account;
        INSERT INTO tally SELECT account_id, state, count(*) FROM task GROUP BY account_id, state;
        -- `wait` looks up the undecided tasks whose accept window ends by a given hour
        CREATE INDEX task_deadline ON task (account_id, stage, accept_deadline);
        -- lists show what awaits a decision first, then what is in progress, then what ended
        CREATE INDEX task_listing ON task (account_id, stage, id);
        CREATE TRIGGER task_added AFTER INSERT ON task BEGIN
            INSERT INTO tally (account_id, state, tasks) VALUES (NEW.account_id, NEW.state, 1)
                ON CONFLICT (account_id, state) DO UPDATE SET tasks = tasks + 1;
        END;
        CREATE TRIGGER task_moved AFTER UPDATE OF state ON task WHEN OLD.state IS NOT NEW.state BEGIN
            UPDATE tally SET tasks = tasks - 1 WHERE account_id = OLD.account_id AND state = OLD.state;
            INSERT INTO tally (account_id, state, tasks) VALUES (NEW.account_id, NEW.state, 1)
                ON CONFLICT (account_id, state) DO UPDATE SET tasks = tasks + 1;
        END;
        CREATE TRIGGER task_removed AFTER DELETE ON task BEGIN
            UPDATE tally SET tasks = tasks - 1 WHERE account_id = OLD.account_id AND state = OLD.state;
        END;
        """,
    )


def _version_3(connection: sqlite3.Connection) -> None:
    """The practice journal: attempts, and every move of each attempt as a step of the vocabulary."""
    _run(
        connection,
        """
        CREATE TABLE attempt (
            id INTEGER PRIMARY KEY,
            account_id INTEGER NOT NULL REFERENCES account (id),
            lesson TEXT,  -- the lesson's key; NULL for free practice
            started_at TEXT NOT NULL,  -- when, in UTC (ISO 8601)
            setup TEXT NOT NULL,  -- JSON: the creator as created (free practice) or the lesson's Given steps
            rules_id INTEGER NOT NULL REFERENCES rules (id),  -- the rules it started under
            from_start INTEGER NOT NULL,  -- 0: moves were made before the journal was kept (an upgraded file)
            moves INTEGER NOT NULL DEFAULT 0,  -- how many moves its journal holds
            checked_moves INTEGER NOT NULL DEFAULT 0,  -- how many of them `done` was worked out after
            done INTEGER NOT NULL DEFAULT 0  -- a lesson's goal held after those moves (see sandbox.attempts)
        );
        -- an account's current attempt is its newest; the dashboard reads an account's attempts by lesson
        CREATE INDEX attempt_of_account ON attempt (account_id, id);
        CREATE TABLE journal (
            attempt_id INTEGER NOT NULL REFERENCES attempt (id),
            seq INTEGER NOT NULL,  -- 1, 2, ... within the attempt
            hour INTEGER NOT NULL,  -- the account's clock when the move was made
            phrase TEXT NOT NULL,  -- the vocabulary's phrase key of the When step (steps/vocabulary.py)
            vals TEXT NOT NULL,  -- JSON: the values the step fills in
            refused TEXT,  -- the reason the lifecycle refused it (domain Reason id), or NULL
            made_at TEXT NOT NULL,  -- when, in UTC (ISO 8601)
            PRIMARY KEY (attempt_id, seq)
        ) WITHOUT ROWID;
        """,
    )
    # Moves made before this version were not journaled: each account starts an attempt of free practice
    # here, from the creator it holds, complete only if nothing had happened to the account yet.
    now = utc_now()
    accounts = connection.execute(
        "SELECT id, followers, platform, rules_id, xingtu_open = 0 AND receiving = 0 AND balance_fen = 0"
        " AND breaches = 0 AND clock_hour = 0 AND NOT EXISTS (SELECT 1 FROM task WHERE account_id = account.id)"
        " FROM account"
    ).fetchall()
    connection.executemany(
        "INSERT INTO attempt (account_id, started_at, setup, rules_id, from_start) VALUES (?, ?, ?, ?, ?)",
        [
            (account_id, now, free_setup(followers, platform), rules_id, int(untouched))
            for account_id, followers, platform, rules_id, untouched in accounts
        ],
    )


def _version_4(connection: sqlite3.Connection) -> None:
    """The classroom: one class per file, and its trainees, each playing a practice account of their own."""
    _run(
        connection,
        """
        CREATE TABLE class (
            id INTEGER PRIMARY KEY CHECK (id = 1),  -- one class per sandbox file
            code TEXT NOT NULL,  -- what trainees type to join
            trainer_token_hash TEXT NOT NULL,  -- SHA-256 of the trainer's token (hex): the token is never stored
            session_secret BLOB NOT NULL,  -- signs session cookies: kept, so a restart keeps everyone logged in
            created_at TEXT NOT NULL  -- UTC, ISO 8601
        );
        CREATE TABLE trainee (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,  -- the display name, checked as a task's name is (domain.names)
            account_id INTEGER NOT NULL UNIQUE REFERENCES account (id),  -- their practice account
            lang TEXT NOT NULL,  -- the language they practise in: their free practice is recorded in it
            joined_at TEXT NOT NULL  -- UTC, ISO 8601
        );
        """,
    )


def free_setup(followers: int, platform: str) -> str:
    """The set-up of free practice as the attempt keeps it: the creator as created."""
    return json.dumps({"followers": followers, "platform": platform})


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


Migration = Callable[[sqlite3.Connection], None]
MIGRATIONS: tuple[Migration, ...] = (_version_1, _version_2, _version_3, _version_4)
SCHEMA_VERSION = len(MIGRATIONS)


def upgrade(connection: sqlite3.Connection, version: int) -> None:
    """Bring a file at `version` (0 for a new file) to SCHEMA_VERSION, inside the caller's transaction."""
    for migration in MIGRATIONS[version:]:
        migration(connection)


def _run(connection: sqlite3.Connection, script: str) -> None:
    """Statements one by one: executescript would commit the transaction we are in."""
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            connection.execute(statement)
            statement = ""
