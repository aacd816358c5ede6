"""Lessons in the store: starting one (or starting it again), and any attempt's progress and recording.

    attempt = start_lesson(path, account, lesson)   # one transaction: a new attempt, the account set up afresh
    progress(path, account, lessons)                # Progress(attempt, goals, done) of the current attempt
    recording(path, account, lessons, "en", "Li Lei")            # Recording(file_name, text): a .feature file
    recording(path, account, lessons, "zh-CN", "李雷", attempt=3)  # an older attempt of the same account
    practice_of(attempt, lessons, "en")             # the attempt's lessons.Practice, for anything else
    lesson_statuses(path, account, lessons)         # {lesson key: Status.NOT_STARTED / IN_PROGRESS / DONE}
    record_attempts(path, account, lessons, "en", "Li Lei")     # every attempt worth recording, oldest first

`lessons` are those the server offers (bundled and a trainer's), by key or as a list; an attempt keeps
its set-up as it started, so it replays the same even if the lesson's file has changed since (its goal
is the lesson's as it is now; an attempt of a lesson no longer offered is practice without a goal).
Free practice is recorded in the language asked for; a lesson's attempt in the lesson's language.
A lesson is done once an attempt of it ends with every goal step met; whether an attempt does is
kept with it (after `progress` or a status worked it out), so statuses replay only attempts that
moved since.

This module reads `xingtu_sim.lessons` (and through it the runner): it is imported where lessons are
used, not by every sandbox command.
"""

from __future__ import annotations

import dataclasses
import re
import sqlite3
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from xingtu_sim.domain.errors import InputError, XingtuError
from xingtu_sim.domain.text import LabelledEnum, _, pgettext
from xingtu_sim.i18n import Lang, render
from xingtu_sim.lessons import Goal, Lesson, Practice
from xingtu_sim.lessons.practice import Step
from xingtu_sim.sandbox.accounts import replace_workspace
from xingtu_sim.sandbox.attempts import (
    ATTEMPT_COLUMNS,
    Attempt,
    FreeSetup,
    account_id_of,
    attempt_from_row,
    attempt_with_moves,
    attempts,
    current_attempt,
    lesson_setup,
)
from xingtu_sim.sandbox.journal import read_entries, start_attempt
from xingtu_sim.sandbox.rows import RulesBook
from xingtu_sim.sandbox.store import transaction
from xingtu_sim.steps.context import StepFailed
from xingtu_sim.steps.moves import Move
from xingtu_sim.steps.vocabulary import PHRASES

Lessons = Mapping[str, Lesson] | Sequence[Lesson]
_NOT_IN_A_FILE_NAME = re.compile(r"[^\w-]+")


class Status(LabelledEnum):
    """Where a trainee stands with a lesson."""

    NOT_STARTED = "not_started", pgettext("lesson status", "not started")
    IN_PROGRESS = "in_progress", pgettext("lesson status", "in progress")
    DONE = "done", pgettext("lesson status", "done")


class NotRecorded(InputError):
    """The attempt's first moves were made before the file kept a journal: its recording would not be true."""


@dataclass(frozen=True)
class Progress:
    """Where the account's current attempt stands: each goal step met or not yet (none in free practice)."""

    attempt: Attempt
    goals: list[Goal]
    done: bool  # a lesson whose every goal step is met


@dataclass(frozen=True)
class Recording:
    """An attempt written as a feature file, and a file name for it."""

    file_name: str
    text: str


def start_lesson(path: Path, account: str, lesson: Lesson) -> Attempt:
    """Start `lesson` (again: fresh) on the account, in one transaction: a new attempt with an empty journal,
    the account's tasks, clock and account replaced by the lesson's set-up, under the rules in force."""
    with transaction(path) as connection:
        account_id = account_id_of(connection, path, account)
        book = RulesBook(connection)
        (rules_id,) = connection.execute("SELECT rules_id FROM account WHERE id = ?", (account_id,)).fetchone()
        rules = book.rules(int(rules_id))
        try:
            workspace = Practice.of_lesson(lesson, rules).replay(()).context.workspace
        except (StepFailed, XingtuError) as error:  # a set-up that cannot be done: the trainer's file says so
            reason = error.lines[0] if isinstance(error, XingtuError) else str(error)
            raise InputError(
                _("The lesson {lesson} cannot start: {reason}", lesson=lesson.key, reason=reason)
            ) from None
        replace_workspace(connection, account_id, workspace)
        setup = lesson_setup(lesson.lang, [(step.phrase.key, step.values) for step in lesson.setup])
        start_attempt(connection, account_id, lesson.key, setup, book.id_of(rules), from_start=True)
    return current_attempt(path, account)


def practice_of(attempt: Attempt, lessons: Lessons, lang: Lang) -> Practice:
    """The attempt as a lessons.Practice: its set-up as it started, its lesson's goal (`lang`: free practice's)."""
    if isinstance(attempt.setup, FreeSetup):
        return Practice.free(attempt.setup.creator, lang, attempt.rules)
    setup = tuple(Step(PHRASES[key], values) for key, values in attempt.setup.steps)
    lesson = _by_key(lessons).get(attempt.lesson or "")
    if lesson is None:  # no longer offered: its practice, without a goal
        return Practice(attempt.setup.lang, attempt.lesson or "", setup, rules=attempt.rules)
    return dataclasses.replace(Practice.of_lesson(lesson, attempt.rules), setup=setup)


def progress(path: Path, account: str, lessons: Lessons, lang: Lang = "en") -> Progress:
    """The current attempt's progress: each goal step met or not yet after its moves, in the lesson's language."""
    current = current_attempt(path, account)
    if current.lesson is None:  # free practice has no goal: nothing to replay (every page asks)
        return Progress(current, [], done=False)
    attempt, entries = attempt_with_moves(path, account)
    practice = practice_of(attempt, lessons, lang)
    goals = practice.progress([entry.move for entry in entries])
    done = bool(goals) and all(goal.met for goal in goals)
    if attempt.lesson is not None and practice.goal and attempt.known_done is not done:
        remember_done(path, attempt.id, len(entries), done)  # for the dashboard, which reads it without replaying
    return Progress(attempt, goals, done)


def remember_done(path: Path, attempt_id: int, checked: int, done: bool) -> None:
    """Keep whether the attempt's goal held after its first `checked` moves, unless it has moved on since."""
    with transaction(path) as connection:
        _keep_done(connection, attempt_id, checked, done)


def recording(
    path: Path,
    account: str,
    lessons: Lessons,
    lang: Lang,
    trainee: str,
    attempt: int | None = None,
) -> Recording:
    """The account's attempt (its current one if None) as a feature file named after the trainee and the date."""
    chosen, entries = attempt_with_moves(path, account, attempt)
    if not chosen.from_start:
        raise NotRecorded(_("This practice began before xingtu-sim kept a journal of moves, so it cannot be recorded."))
    return record(chosen, [entry.move for entry in entries], lessons, lang, trainee)


def record(attempt: Attempt, made: list[Move], lessons: Lessons, lang: Lang, trainee: str) -> Recording:
    """An attempt and its moves as a feature file (for a caller that has read them already)."""
    practice = practice_of(attempt, lessons, lang)
    day = attempt.started_at.date().isoformat()
    scenario = render(_("{trainee}'s practice, {date}", trainee=trainee, date=day), practice.lang)
    return Recording(file_name(attempt), practice.recording(made, scenario))


def file_name(attempt: Attempt) -> str:
    """`04_declining_costs_nothing-12.feature`, `free-practice-7.feature`: the lesson (or not) and the attempt."""
    base = attempt.lesson.rsplit("/", 1)[-1] if attempt.lesson else "free-practice"
    slug = _NOT_IN_A_FILE_NAME.sub("-", base).strip("-") or "practice"
    return f"{slug}-{attempt.id}.feature"


def lesson_statuses(path: Path, account: str, lessons: Lessons) -> dict[str, Status]:
    """The account's status in each lesson offered."""
    return lesson_statuses_of(path, [account], lessons)[account]


def lesson_statuses_of(path: Path, accounts: Sequence[str], lessons: Lessons) -> dict[str, dict[str, Status]]:
    """Each account's status in each lesson offered, from its attempts (read by index): an attempt not worked
    out since its last move is replayed from its own journal, and the result kept for next time."""
    by_key = _by_key(lessons)
    with transaction(path, write=False) as connection:
        found = {account: _lesson_attempts(connection, path, account) for account in accounts}
        stale = [a for tried in found.values() for a in tried if a.known_done is None and a.lesson in by_key]
        journals = {a.id: [entry.move for entry in read_entries(connection, a.id)] for a in stale}
    worked_out = {a.id: practice_of(a, by_key, "en").done(journals[a.id]) for a in stale}
    if stale:
        with transaction(path) as connection:
            for attempt in stale:
                _keep_done(connection, attempt.id, len(journals[attempt.id]), worked_out[attempt.id])
    statuses: dict[str, dict[str, Status]] = {}
    for account, tried in found.items():
        mine = statuses[account] = dict.fromkeys(by_key, Status.NOT_STARTED)
        for attempt in tried:
            key = attempt.lesson
            if key is None or key not in by_key:
                continue
            done = worked_out.get(attempt.id, attempt.done)
            if done or mine[key] is Status.NOT_STARTED:
                mine[key] = Status.DONE if done else Status.IN_PROGRESS
    return statuses


def record_attempts(path: Path, account: str, lessons: Lessons, lang: Lang, trainee: str) -> list[Recording]:
    """Every attempt of the account worth downloading (all of a lesson's; free practice with a move), oldest first."""
    recorded = []
    for attempt in attempts(path, account):
        if attempt.from_start and (attempt.lesson is not None or attempt.moves):
            recorded.append(recording(path, account, lessons, lang, trainee, attempt.id))
    return recorded


def _lesson_attempts(connection: sqlite3.Connection, path: Path, account: str) -> list[Attempt]:
    account_id = account_id_of(connection, path, account)
    rows = connection.execute(
        f"SELECT {ATTEMPT_COLUMNS} FROM attempt WHERE account_id = ? AND lesson IS NOT NULL ORDER BY id",
        (account_id,),
    )
    return [attempt_from_row(connection, path, account, row) for row in rows.fetchall()]


def _keep_done(connection: sqlite3.Connection, attempt_id: int, checked: int, done: bool) -> None:
    """Whether the attempt's goal held after its first `checked` moves, unless it has moved on since."""
    connection.execute(
        "UPDATE attempt SET done = ?, checked_moves = ? WHERE id = ? AND moves = ?",
        (int(done), checked, attempt_id, checked),
    )


def lesson_keys(lessons: Lessons) -> list[str]:
    """The keys of the lessons offered, in the order given."""
    return list(_by_key(lessons))


def _by_key(lessons: Lessons) -> Mapping[str, Lesson]:
    return lessons if isinstance(lessons, Mapping) else {lesson.key: lesson for lesson in lessons}
