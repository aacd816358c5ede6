"""Lessons written in Gherkin, and practice checked against them and recorded as scenarios.

lessons = bundled_lessons() + read_lessons([Path("my_lessons")])   # checked: file and line on a problem
practice = Practice.of_lesson(lessons[0])          # or Practice.free(account, lang)
practice.progress(moves)      # each goal step, met or not yet, after the trainee's moves
practice.recording(moves, "…")  # a .feature file that runs green exactly when it reached what it records
"""

from __future__ import annotations

from xingtu_sim.lessons.lesson import Lesson, LessonStep, bundled_lessons, read_lessons
from xingtu_sim.lessons.practice import Goal, Practice
from xingtu_sim.steps.moves import Move

__all__ = ["Goal", "Lesson", "LessonStep", "Move", "Practice", "bundled_lessons", "read_lessons"]
