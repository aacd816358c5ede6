"""The classroom in the sandbox file: the class, its trainees (each with a practice account), the dashboard.

What `xingtu-sim serve --class` calls (each call is one transaction; nothing here knows HTTP):

    opened = open_class(path)            # at start-up: Opened(code, trainer_token, session_secret)
        # The first time, the class is made: a code to type (6 letters and digits, no 0/O/1/I) and the
        # secret that signs session cookies, both kept in the file, so a restart keeps every session.
        # Every time, a new trainer token is issued and only its SHA-256 is kept: the link printed at
        # the last start stops working; a trainer session already signed with the secret goes on.
    is_trainer(path, token)              # the trainer's token? (compared in constant time)
    trainee = join(path, "李雷", "K7PX2M", lang="zh-CN")   # WrongCode, or the name's InputError
        # Trainee(id, name, account, lang, joined_at): `account` is their practice account's key, for
        # sandbox.session(path, trainee.account) and everything else that takes an account.
    find_trainee(path, trainee.id)       # the trainee a session cookie names (NoTrainee if none)
    set_lang(path, trainee.id, "en")     # the language they switched to (free practice is recorded in it)
    trainees(path)                       # every trainee, in joining order
    board = dashboard(path, lessons, last=5)
        # Dashboard(lessons=[keys...], rows=[Row(trainee, statuses={key: Status}, last_moves=[...])]):
        # each trainee against each lesson (Status.NOT_STARTED / IN_PROGRESS / DONE, each with a `label`
        # message) and their last moves (LastMove: attempt, lesson, seq, hour, move, refused, made_at),
        # newest first. It reads each trainee's attempts and last moves by the file's indexes, never the
        # whole journal; an attempt whose goal has not been worked out since its last move is replayed
        # once (from its own journal), and the result kept.
    for item in recordings(path, lessons):   # every attempt of every trainee, for the zip to download
        item.folder, item.recording.file_name, item.recording.text

Names are checked as task names are (domain.names: not blank, at most 60 characters, no control or
format character, no space at either end): the error says why, in the reader's language.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from xingtu_sim.domain.account import CreatorAccount
from xingtu_sim.domain.errors import InputError, Reason
from xingtu_sim.domain.names import checked_name
from xingtu_sim.domain.rules import DEFAULT_RULES, Rules
from xingtu_sim.domain.text import _, pgettext
from xingtu_sim.i18n import Lang, parse_lang
from xingtu_sim.sandbox.accounts import create_in
from xingtu_sim.sandbox.journal import last_entries
from xingtu_sim.sandbox.practice import Lessons, Recording, Status, lesson_keys, lesson_statuses_of, record_attempts
from xingtu_sim.sandbox.schema import utc_now
from xingtu_sim.sandbox.store import transaction
from xingtu_sim.steps.moves import Move

TRAINEE_NAME = pgettext("a kind of name", "trainee")
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud or from a projector
CODE_LENGTH = 6
STARTING_ACCOUNT = CreatorAccount(followers=150_000)  # a trainee's creator when they join, as the examples'
_NOT_IN_A_FOLDER_NAME = re.compile(r"[^\w-]+")


class WrongCode(InputError):
    """The class code typed is not this class's (the console rate-limits these)."""


class NoTrainee(InputError):
    """No trainee by that id (a session cookie from another classroom file, say)."""


@dataclass(frozen=True)
class Opened:
    """The class as the server starts it: the code trainees type, the trainer's new token, the signing secret."""

    code: str
    trainer_token: str
    session_secret: bytes


@dataclass(frozen=True)
class Trainee:
    id: int
    name: str
    account: str  # their practice account's key
    lang: Lang
    joined_at: datetime


@dataclass(frozen=True)
class LastMove:
    """One of a trainee's last moves: which attempt (and lesson), its number there, the hour, the step, the refusal."""

    attempt: int
    lesson: str | None
    seq: int
    hour: int
    move: Move
    refused: Reason | None
    made_at: datetime


@dataclass(frozen=True)
class Row:
    trainee: Trainee
    statuses: dict[str, Status]  # by lesson key, in the order of the dashboard's lessons
    last_moves: list[LastMove]  # newest first


@dataclass(frozen=True)
class Dashboard:
    lessons: list[str]  # the keys of the lessons offered, in the order given
    rows: list[Row]  # one per trainee, in joining order


@dataclass(frozen=True)
class Recorded:
    """One attempt's recording, with the folder (one per trainee) it goes in."""

    trainee: Trainee
    folder: str
    recording: Recording


def open_class(path: Path) -> Opened:
    """The file's class (made the first time), with a new trainer token whose hash replaces the last one."""
    token = secrets.token_urlsafe(32)
    with transaction(path, create=True) as connection:
        row = connection.execute("SELECT code, session_secret FROM class WHERE id = 1").fetchone()
        if row is None:
            code, secret = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH)), secrets.token_bytes(32)
            connection.execute(
                "INSERT INTO class (id, code, trainer_token_hash, session_secret, created_at) VALUES (1, ?, ?, ?, ?)",
                (code, _hash(token), secret, utc_now()),
            )
        else:
            code, secret = str(row[0]), bytes(row[1])
            connection.execute("UPDATE class SET trainer_token_hash = ? WHERE id = 1", (_hash(token),))
    return Opened(code, token, secret)


def is_trainer(path: Path, token: str) -> bool:
    """Whether `token` is the trainer's current one (compared in constant time; False if there is no class)."""
    with transaction(path, write=False) as connection:
        row = connection.execute("SELECT trainer_token_hash FROM class WHERE id = 1").fetchone()
    return row is not None and hmac.compare_digest(str(row[0]), _hash(token))


def join(
    path: Path,
    name: str,
    code: str,
    *,
    lang: Lang = "en",
    creator: CreatorAccount = STARTING_ACCOUNT,
    rules: Rules = DEFAULT_RULES,
) -> Trainee:
    """A new trainee with a practice account of their own (free practice from `creator`), in one transaction."""
    name = checked_name(name, TRAINEE_NAME)
    with transaction(path) as connection:
        row = connection.execute("SELECT code FROM class WHERE id = 1").fetchone()
        if row is None or not hmac.compare_digest(_plain_code(code).encode(), str(row[0]).encode()):
            raise WrongCode(_("That is not this class's code. Check it with your trainer and type it again."))
        key = f"trainee-{secrets.token_hex(6)}"
        account_id = create_in(connection, key, creator, rules)
        joined = utc_now()
        cursor = connection.execute(
            "INSERT INTO trainee (name, account_id, lang, joined_at) VALUES (?, ?, ?, ?)",
            (name, account_id, lang, joined),
        )
        assert cursor.lastrowid is not None
        return Trainee(cursor.lastrowid, name, key, lang, datetime.fromisoformat(joined))


def find_trainee(path: Path, trainee_id: int) -> Trainee:
    with transaction(path, write=False) as connection:
        found = _trainees(connection, "WHERE trainee.id = ?", trainee_id)
    if not found:
        raise NoTrainee(_("There is no such trainee in this class."))
    return found[0][0]


def set_lang(path: Path, trainee_id: int, lang: Lang) -> None:
    """The language the trainee practises in from now on."""
    with transaction(path) as connection:
        connection.execute("UPDATE trainee SET lang = ? WHERE id = ?", (parse_lang(lang), trainee_id))


def trainees(path: Path) -> list[Trainee]:
    with transaction(path, write=False) as connection:
        return [trainee for trainee, _account_id in _trainees(connection, "")]


def dashboard(path: Path, lessons: Lessons, *, last: int = 5) -> Dashboard:
    """Every trainee against every lesson, and each trainee's `last` moves."""
    offered = lesson_keys(lessons)
    with transaction(path, write=False) as connection:
        found = _trainees(connection, "")
        moves = {trainee.id: _last_moves(connection, account_id, last) for trainee, account_id in found}
    everyone = [trainee for trainee, _account_id in found]
    statuses = lesson_statuses_of(path, [trainee.account for trainee in everyone], lessons)
    rows = [
        Row(
            trainee, {key: statuses[trainee.account].get(key, Status.NOT_STARTED) for key in offered}, moves[trainee.id]
        )
        for trainee in everyone
    ]
    return Dashboard(offered, rows)


def recordings(path: Path, lessons: Lessons) -> Iterator[Recorded]:
    """Every attempt of every trainee as a feature file (a lesson's in its language, free practice in theirs);
    attempts of free practice with no move are left out."""
    for trainee in trainees(path):
        folder = f"{_NOT_IN_A_FOLDER_NAME.sub('-', trainee.name).strip('-') or 'trainee'}-{trainee.id}"
        for recording in record_attempts(path, trainee.account, lessons, trainee.lang, trainee.name):
            yield Recorded(trainee, folder, recording)


def _trainees(connection: sqlite3.Connection, where: str, *parameters: object) -> list[tuple[Trainee, int]]:
    """Trainees (and their accounts' ids) in joining order."""
    rows = connection.execute(
        "SELECT trainee.id, trainee.name, account.key, trainee.lang, trainee.joined_at, trainee.account_id"
        f" FROM trainee JOIN account ON account.id = trainee.account_id {where} ORDER BY trainee.id",
        parameters,
    )
    return [
        (
            Trainee(
                int(row[0]), str(row[1]), str(row[2]), parse_lang(str(row[3])), datetime.fromisoformat(str(row[4]))
            ),
            int(row[5]),
        )
        for row in rows
    ]


def _last_moves(connection: sqlite3.Connection, account_id: int, count: int) -> list[LastMove]:
    lessons: dict[int, str | None] = {}
    found = []
    for attempt_id, entry in last_entries(connection, account_id, count):
        if attempt_id not in lessons:
            row = connection.execute("SELECT lesson FROM attempt WHERE id = ?", (attempt_id,)).fetchone()
            lessons[attempt_id] = None if row[0] is None else str(row[0])
        lesson = lessons[attempt_id]
        found.append(LastMove(attempt_id, lesson, entry.seq, entry.hour, entry.move, entry.refused, entry.made_at))
    return found


def _plain_code(code: str) -> str:
    """A code as typed, read as meant: any case, spaces and dashes ignored."""
    return "".join(code.split()).replace("-", "").upper()


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()
