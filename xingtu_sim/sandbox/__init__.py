"""The practice sandbox: practice accounts kept in one SQLite file, shared by the CLI and the web console.

The store API both doors call:

    create(path, CreatorAccount(followers=150_000), key="default", rules=rules)   # a practice account
    with session(path, "default") as current:      # one move = one transaction on one account
        current.use_rules(rules)                   # optional: the rules in force from now on
        task = current.act("Spring launch", "accept")   # reads that task only, moves it by the domain
    # leaving the block writes back what changed and commits; an error rolls everything back

A `Session` reads only what a move touches (`act`, `publish`, `pass_time`, `open_xingtu`, ...), lists
tasks a page at a time (`tasks`) and counts them without reading them (`counts`). `reset` starts an
account over; `account_keys` lists the accounts. The CLI sandbox plays the account `default`
(DEFAULT_ACCOUNT); each account has its own tasks, history, clock and rules in force, and each task
keeps the rules it was published under.

Every move a session makes is journaled in its transaction as the vocabulary's When step that makes
it (a `lessons.Move`), whether the lifecycle did it or refused it; input errors are not moves. Each
account's journal is kept per attempt: `create` and `reset` start an attempt of free practice, and
`sandbox.attempts` reads them (`current_attempt`, `attempts`, `moves`). Replaying an attempt's moves
from its set-up with `lessons.Practice` gives the account the store holds. `sandbox.practice` starts
lessons (one transaction: a new attempt, the account set up as the lesson's Given steps say) and gives
any attempt's progress and recording; `sandbox.classroom` keeps the class and its trainees and draws
the trainer's dashboard. Both read the lessons (and so the runner): import them where they are used.

Errors: NoSandbox (no such account, or no file yet), SandboxExists (create without force),
SandboxUnavailable (not a mistake in what was asked: UnusableSandbox, not a file we can read, left
untouched; SandboxBusy, held by another command too long), and the domain's ActionRefused and
InputError. A session that raises writes nothing, except that one ending in ActionRefused keeps
what it did before and the refused move's journal row (the refusal itself changes nothing).

Module by module: `store` opens and checks the file and runs transactions, `schema` holds the
tables and their migrations (add one there for new tables), `rows` turns rows into domain objects
and back, `journal` writes the moves, `session`, `accounts` and `attempts` are the API.
"""

from __future__ import annotations

from xingtu_sim.sandbox.accounts import SandboxExists, account_keys, create, reset
from xingtu_sim.sandbox.duration import parse_duration
from xingtu_sim.sandbox.schema import DEFAULT_ACCOUNT, SCHEMA_VERSION, Stage
from xingtu_sim.sandbox.session import Counts, Session, session
from xingtu_sim.sandbox.store import APPLICATION_ID, NoSandbox, SandboxBusy, SandboxUnavailable, UnusableSandbox

__all__ = [
    "APPLICATION_ID",
    "DEFAULT_ACCOUNT",
    "SCHEMA_VERSION",
    "Counts",
    "NoSandbox",
    "SandboxBusy",
    "SandboxExists",
    "SandboxUnavailable",
    "Session",
    "Stage",
    "UnusableSandbox",
    "account_keys",
    "create",
    "parse_duration",
    "reset",
    "session",
]
