"""One creator's Xingtu: the account, the tasks brands published to it, the clock, the rules."""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from decimal import Decimal

from xingtu_sim.domain.account import CreatorAccount
from xingtu_sim.domain.clock import Clock, checked_hours
from xingtu_sim.domain.errors import ActionRefused, InputError
from xingtu_sim.domain.lifecycle import AWAITING_DECISION, CLOCK_MOVE, State, Trigger
from xingtu_sim.domain.money import price_to_fen
from xingtu_sim.domain.names import BRAND_NAME, TASK_NAME, checked_name, checked_requirements
from xingtu_sim.domain.routes import shortest_path
from xingtu_sim.domain.rules import DEFAULT_RULES, Rules
from xingtu_sim.domain.task import Task
from xingtu_sim.domain.text import Text, _, join


class Workspace:
    """Everything one creator's tasks act on. Every change goes through a task or the account."""

    def __init__(self, account: CreatorAccount, rules: Rules = DEFAULT_RULES, clock: Clock | None = None) -> None:
        self.account = account
        self.rules = rules
        self.clock = clock or Clock()
        self.tasks: dict[str, Task] = {}

    def __iter__(self) -> Iterator[Task]:
        return iter(self.tasks.values())

    # The account

    def open_xingtu(self) -> None:
        self.account.open_xingtu(self.rules.followers_needed(self.account.platform))

    def stop_receiving(self) -> None:
        self.account.stop_receiving()

    def resume_receiving(self) -> None:
        self.account.resume_receiving()

    # Tasks

    def publish(self, name: str, brand: str, price_yuan: Decimal | str | int, requirements: str = "") -> Task:
        """A brand publishes a task; refused when the creator cannot receive it. Creates nothing then."""
        checked_name(name, TASK_NAME)
        checked_name(brand, BRAND_NAME)
        checked_requirements(requirements)
        price_fen = price_to_fen(price_yuan)
        if name in self.tasks:
            raise InputError(_('A task named "{task}" already exists; task names are unique per creator.', task=name))
        reason = self.account.refusal_to_receive()
        if reason is not None:
            raise ActionRefused(
                reason,
                _(
                    'Refused: brand "{brand}" cannot publish task "{task}". Reason: {reason}.',
                    brand=brand,
                    task=name,
                    reason=reason,
                ),
                possible_now=[action.label for action in self.account.possible_actions()],
                task=name,
                action="publish_task",
            )
        task = Task(self, name, brand, price_fen, self.clock.now, requirements)
        self.tasks[name] = task
        return task

    def task(self, name: str) -> Task:
        """The task called `name`; an unknown name is an input error that suggests the nearest."""
        try:
            return self.tasks[name]
        except KeyError:
            raise InputError(*_unknown_task_lines(name, list(self.tasks))) from None

    def act(self, name: str, trigger: Trigger | str) -> Task:
        """Fire `trigger` on the task called `name`."""
        task = self.task(name)
        task.fire(trigger)
        return task

    def bring_to(self, name: str, state: State) -> Task:
        """Replay the shortest legal path from the task's state to `state` through the machine."""
        task = self.task(name)
        for edge in shortest_path(task.state, state):
            if edge.trigger is CLOCK_MOVE.trigger:
                self.pass_time(task.hours_left or 0)
            else:
                task.fire(edge.trigger)
        return task

    def pending_tasks(self) -> list[Task]:
        """Tasks still waiting for the creator's decision: pending receipt or viewing details."""
        return [task for task in self if task.state in AWAITING_DECISION]

    # Time

    def pass_time(self, hours: int) -> list[Task]:
        """Move the clock on; each undecided task lapses at its deadline. Returns the lapsed tasks."""
        until = self.clock.now + checked_hours(hours)
        due = sorted(
            (task for task in self.pending_tasks() if task.accept_deadline <= until),
            key=lambda task: task.accept_deadline,
        )
        for task in due:
            self.clock.now = max(self.clock.now, task.accept_deadline)
            task.fire(CLOCK_MOVE.trigger)
        self.clock.now = until
        return due


def _unknown_task_lines(name: str, known: list[str]) -> list[Text]:
    lines = [_('There is no task "{task}".', task=name)]
    if not known:
        return [*lines, _("No task has been published yet.")]
    nearest = difflib.get_close_matches(name, known, n=1, cutoff=0.5)
    if nearest:
        lines.append(_('Did you mean "{suggestion}"?', suggestion=nearest[0]))
    shown = [f"“{task}”" for task in known[:10]]
    return [*lines, _("Tasks: {tasks}.", tasks=join(shown))]
