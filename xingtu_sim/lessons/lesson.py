"""A lesson: a feature file tagged @lesson. Its Given steps set the practice up, its Then steps are the goal,
its description is the instruction; it has no When steps, because the trainee makes the moves."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from pytest_bdd.parser import Step

from xingtu_sim.domain.errors import InputError
from xingtu_sim.domain.text import Message, _
from xingtu_sim.i18n import Lang
from xingtu_sim.runner.dry_run import StepProblem, check_steps
from xingtu_sim.runner.files import TAG_MARK, FeatureFile, find_feature_files, load_feature_files
from xingtu_sim.steps.vocabulary import Kind, Phrase, matching, vocabulary_lang

LESSON_TAG = "lesson"


@dataclass(frozen=True)
class LessonStep:
    """One step of a lesson as written, with the phrasing of the vocabulary it says and its values."""

    keyword: str
    kind: Kind
    text: str
    line: int
    phrase: Phrase
    values: Mapping[str, str]


@dataclass(frozen=True)
class Lesson:
    """A lesson read from its file: what the trainee is told, how the practice starts, what the goal is."""

    key: str  # stable across restarts: where progress and recordings are kept
    path: Path
    lang: Lang
    title: str
    instruction: tuple[str, ...]  # paragraphs
    setup: tuple[LessonStep, ...]
    goal: tuple[LessonStep, ...]


def bundled_lessons_folder() -> Path:
    return Path(str(resources.files("xingtu_sim.lessons") / "bundled"))


def bundled_lessons() -> list[Lesson]:
    """The lessons that ship with xingtu-sim, English and Chinese."""
    return read_lessons([bundled_lessons_folder()], prefix="")


def read_lessons(paths: Sequence[Path], prefix: str = "own/") -> list[Lesson]:
    """The lessons in these files and folders; every problem in any of them is reported at once."""
    files = load_feature_files(find_feature_files(list(paths)))
    problems = [problem for file in files for problem in _problems(file)]
    if problems:
        raise InputError(*problems)
    lessons: list[Lesson] = []
    taken: set[str] = set()
    for file in files:
        lesson = _lesson(file, _key(file.path, prefix, taken))
        taken.add(lesson.key)
        lessons.append(lesson)
    return lessons


def _key(path: Path, prefix: str, taken: set[str]) -> str:
    """The folder and file name (en/04_declining), made unique: a second lesson of the same name gets -2."""
    base = prefix + "/".join(
        re.sub(r"[^\w-]+", "-", part).strip("-") or "lesson" for part in path.with_suffix("").parts[-2:]
    )
    key, n = base, 1
    while key in taken:
        n += 1
        key = f"{base}-{n}"
    return key


def _problems(file: FeatureFile) -> list[Message]:
    """Why this file cannot be a lesson: not tagged, not one plain scenario, a When step, no goal, a bad step."""
    feature, path = file.feature, file.path
    if TAG_MARK + LESSON_TAG not in feature.tags:
        return [
            _("{path}:{line}: not a lesson: a lesson's feature is tagged @lesson.", path=path, line=feature.line_number)
        ]
    scenarios = list(feature.scenarios.values())
    if len(scenarios) != 1 or scenarios[0].templated:
        line = scenarios[1].line_number if len(scenarios) > 1 else scenarios[0].line_number
        return [
            _(
                "{path}:{line}: a lesson has exactly one scenario (a Scenario, not a Scenario Outline).",
                path=path,
                line=line,
            )
        ]
    (scenario,) = scenarios
    steps = scenario.steps
    problems = [
        _(
            "{path}:{line}: a lesson has no When steps, the trainee makes the moves: "
            '"{step}". Make it a Given step (set-up) or leave it to the trainee.',
            path=path,
            line=step.line_number,
            step=_as_written(step),
        )
        for step in steps
        if step.type == "when"
    ]
    if not any(step.type == "then" for step in steps):
        problems.append(
            _(
                "{path}:{line}: the lesson has no Then step; its Then steps are the goal the trainee reaches.",
                path=path,
                line=scenario.line_number,
            )
        )
    _checked, undefined = check_steps([file], vocabulary_lang(feature.language))
    problems += [  # the step as written, then why it is undefined, as `run --dry-run` shows it
        _("{path}:{line}: {step}\n    {problem}", path=p.path, line=p.line, step=_as_written(p), problem=line)
        for p in undefined
        for line in p.problem
    ]
    return problems


def _lesson(file: FeatureFile, key: str) -> Lesson:
    feature = file.feature
    (scenario,) = feature.scenarios.values()
    steps = [_step(step.keyword, Kind.from_label(step.type), step.name, step.line_number) for step in scenario.steps]
    return Lesson(
        key=key,
        path=file.path,
        lang=vocabulary_lang(feature.language),
        title=feature.name,
        instruction=_paragraphs(feature.description),
        setup=tuple(step for step in steps if step.kind is Kind.GIVEN),
        goal=tuple(step for step in steps if step.kind is Kind.THEN),
    )


def _paragraphs(description: str) -> tuple[str, ...]:
    """The description's paragraphs, each of its wrapped lines joined as a reader expects."""
    blocks = re.split(r"\n\s*\n", description.strip())
    return tuple(_unwrap([line.strip() for line in block.splitlines()]) for block in blocks if block.strip())


def _unwrap(lines: list[str]) -> str:
    """Lines joined with a space, except between two wide (CJK) characters, where Chinese runs on."""
    text = lines[0]
    for line in lines[1:]:
        wide = _is_wide(text[-1:]) and _is_wide(line[:1])
        text += line if wide else f" {line}"
    return text


def _is_wide(char: str) -> bool:
    return bool(char) and unicodedata.east_asian_width(char) in "WF"


def _as_written(step: Step | StepProblem) -> str:
    """A step as its line has it: "When the creator accepts …"."""
    return f"{step.keyword} {step.name}" if isinstance(step, Step) else f"{step.keyword} {step.text}"


def _step(keyword: str, kind: Kind, text: str, line: int) -> LessonStep:
    phrase = matching(text, kind)
    assert phrase is not None, "a lesson's steps were checked against the vocabulary when it was read"
    match = phrase.match(text)
    assert match is not None
    values = {name: value for name, value in match.groupdict().items() if value is not None}
    return LessonStep(keyword, kind, text, line, phrase, values)
