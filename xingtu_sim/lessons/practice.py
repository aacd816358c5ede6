"""Practice as steps of the vocabulary: replayed to check a lesson's goal, and written out as a scenario.

A practice is its set-up (a lesson's Given steps, or a new creator for free practice) and the moves the
trainee made, each one a When step of the vocabulary (`Move`). Replaying them through the same scenario
context that `xingtu-sim run` uses gives the state reached, which refusals happened, and which goal steps
hold; the recording is those same steps as a feature file, so it runs green exactly when the practice
reached what it records.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from xingtu_sim.domain.account import CreatorAccount
from xingtu_sim.domain.errors import ActionRefused
from xingtu_sim.domain.money import format_yuan
from xingtu_sim.domain.rules import DEFAULT_RULES, Rules
from xingtu_sim.domain.text import _
from xingtu_sim.i18n import Lang, render
from xingtu_sim.lessons.lesson import Lesson, LessonStep
from xingtu_sim.steps.context import ScenarioContext, StepFailed
from xingtu_sim.steps.moves import Move
from xingtu_sim.steps.vocabulary import GHERKIN, GIVEN, PHRASES, THEN, WHEN, Kind, Phrase, step_line, vocabulary_lang


@dataclass(frozen=True)
class Step:
    """A Given or Then step of a practice, as a phrasing and its values."""

    phrase: Phrase
    values: Mapping[str, str]

    @classmethod
    def of(cls, lesson_step: LessonStep) -> Step:
        return cls(lesson_step.phrase, lesson_step.values)


@dataclass
class Replay:
    """A practice replayed: the context it left, each move's refusal (None when it was done)."""

    context: ScenarioContext
    refusals: list[ActionRefused | None]


@dataclass(frozen=True)
class Goal:
    """A goal step and whether the practice meets it now."""

    text: str
    met: bool


@dataclass(frozen=True)
class Practice:
    """What a practice starts from and aims at; the moves are kept apart (in the store) and given to each call."""

    lang: Lang
    title: str
    setup: tuple[Step, ...]
    goal: tuple[Step, ...] = ()
    instruction: tuple[str, ...] = ()
    rules: Rules = DEFAULT_RULES

    @classmethod
    def of_lesson(cls, lesson: Lesson, rules: Rules = DEFAULT_RULES) -> Practice:
        setup, goal = tuple(map(Step.of, lesson.setup)), tuple(map(Step.of, lesson.goal))
        return cls(lesson.lang, lesson.title, setup, goal, lesson.instruction, rules)

    @classmethod
    def free(cls, account: CreatorAccount, lang: Lang, rules: Rules = DEFAULT_RULES) -> Practice:
        """Free practice: a new creator, as `sandbox new` or a trainee's first visit makes one."""
        values = {"n": str(account.followers), "platform": render(account.platform, vocabulary_lang(lang))}
        creator = Step(PHRASES["creator_on_platform"], values)
        return cls(lang, render(_("Free practice"), lang), (creator,), rules=rules)

    def replay(self, moves: Sequence[Move]) -> Replay:
        """The set-up, then every move, through the scenario context; a refused move is remembered, not raised."""
        context = ScenarioContext(self.rules, self.lang)
        for step in self.setup:
            _perform(context, GIVEN, step.phrase, step.values)
            context.remember_account()
        return Replay(context, [perform_move(context, move) for move in moves])

    def progress(self, moves: Sequence[Move]) -> list[Goal]:
        """Each goal step, met or not yet, after these moves."""
        context = self.replay(moves).context
        goals = []
        for step in self.goal:
            try:
                perform_goal(context, step)
            except StepFailed:
                goals.append(Goal(step_line(step.phrase, self.lang, THEN, **step.values), met=False))
            else:
                goals.append(Goal(step_line(step.phrase, self.lang, THEN, **step.values), met=True))
        return goals

    def done(self, moves: Sequence[Move]) -> bool:
        return bool(self.goal) and all(goal.met for goal in self.progress(moves))

    def recording(self, moves: Sequence[Move], scenario: str) -> str:
        """The practice as a feature file in the practice's language: set-up, moves, refusals, state reached, goal."""
        replay = self.replay(moves)
        lang, gherkin = self.lang, GHERKIN[vocabulary_lang(self.lang)]
        lines = [f"# language: {vocabulary_lang(lang)}", "@recording", f"{gherkin.feature}: {self.title}"]
        lines += [f"  {paragraph}" for paragraph in self.instruction]
        lines += ["", f"  {gherkin.scenario}: {scenario}"]
        lines += [f"    {step_line(step.phrase, lang, GIVEN, **step.values)}" for step in self.setup]
        for move, refusal in zip(moves, replay.refusals, strict=True):
            lines.append(f"    {move.line(lang)}")
            if refusal is not None:
                reason = render(refusal.reason, vocabulary_lang(lang))
                lines.append(f"    {step_line(PHRASES['refused_because'], lang, THEN, reason=reason)}")
        checks = [*_state_reached(replay.context), *self.goal]
        lines += [f"    {step_line(step.phrase, lang, THEN, **step.values)}" for step in checks]
        return "\n".join(lines) + "\n"


def perform_move(context: ScenarioContext, move: Move) -> ActionRefused | None:
    """A move as its When step; its refusal, if it was refused (checked at once: a recording checks it next)."""
    context.last_action = None
    _perform(context, WHEN, PHRASES[move.phrase], move.values)
    action = context.last_action
    if action is None or action.refusal is None:
        return None
    action.checked = True
    return action.refusal


def perform_goal(context: ScenarioContext, step: Step) -> None:
    """A goal step as its Then step: StepFailed when it does not hold."""
    _perform(context, THEN, step.phrase, step.values)


def _perform(context: ScenarioContext, kind: Kind, said: Phrase, values: Mapping[str, str]) -> None:
    context.current_kind = kind.value
    context.current_step = step_line(said, context.lang, kind, **values)
    context.perform(said, values)


def _state_reached(context: ScenarioContext) -> list[Step]:
    """Then steps for where the practice stands: each task's state, the balance, the breaches, Xingtu open or not."""
    workspace, lang = context.workspace, context.lang
    steps = [
        Step(PHRASES["state_is"], {"task": task.name, "state": render(task.state, vocabulary_lang(lang))})
        for task in workspace
    ]
    account = workspace.account
    steps.append(Step(PHRASES["balance_is"], {"amount": format_yuan(account.balance_fen)}))
    steps.append(Step(PHRASES["breaches"], {"n": str(account.breaches)}))
    steps.append(Step(PHRASES["is_open" if account.xingtu_open else "is_not_open"], {}))
    return steps
