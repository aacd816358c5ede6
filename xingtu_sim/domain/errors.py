"""Domain errors: a refused action, and input the simulator cannot use."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol, cast

from xingtu_sim.domain.text import Text
from xingtu_sim.i18n import LabelledEnum, Lang, render, text


class Reason(LabelledEnum):
    """Why an action was refused, with the SPEC's fixed labels."""

    NOT_ALLOWED = "not_allowed", "not allowed in this state", "当前状态不允许该操作"
    NOT_ELIGIBLE = "not_eligible", "not eligible", "不符合开通条件"
    XINGTU_NOT_OPENED = "xingtu_not_opened", "Xingtu not opened", "未开通星图"
    NOT_RECEIVING = "not_receiving", "not receiving tasks", "未开启接收任务"
    CHANGE_LIMIT_REACHED = "change_limit_reached", "change limit reached", "修改次数已用完"
    TASK_EXPIRED = "task_expired", "task expired", "任务已过期"


# A message in both languages, rendered when it is shown.
Message = Callable[[Lang], str]


class Labelled(Protocol):
    def label(self, lang: Lang) -> str: ...


def message(key: str, **values: object) -> Message:
    """A catalogue message rendered later in the reader's language; labelled values follow it."""

    def render(lang: Lang) -> str:
        return text(key, lang, **{name: localize(value, lang) for name, value in values.items()})

    return render


def localize(value: object, lang: Lang) -> object:
    """A label or message in `lang`; any other value as it is."""
    if hasattr(value, "label"):
        return cast(Labelled, value).label(lang)
    if callable(value):
        return value(lang)
    return value


class XingtuError(Exception):
    """Base of every error the simulator reports to a user."""

    def __init__(self, *lines: Message | Text) -> None:
        self.lines = tuple(as_line(line) for line in lines)
        super().__init__(self.describe("en"))

    def describe(self, lang: Lang) -> str:
        return "\n".join(line(lang) for line in self.lines)


class InputError(XingtuError):
    """Input the simulator cannot use: a wrong name, a bad number, a broken file."""


class ActionRefused(XingtuError):
    """A refused action: what was tried, the reason, and what can be done now. Nothing changed."""

    def __init__(
        self,
        reason: Reason,
        headline: Message,
        detail: Message | None = None,
        possible_now: Sequence[Message] = (),
        *,
        task: str | None = None,
        state: str | None = None,
        action: str,
    ) -> None:
        self.reason = reason
        self.task = task
        self.state = state
        self.action = action
        self.possible_now = possible_now
        lines = [headline, *([detail] if detail else []), _possible_now_line(possible_now)]
        super().__init__(*lines)


def _possible_now_line(actions: Sequence[Message]) -> Message:
    if not actions:
        return message("refused.nothing_now")

    def render(lang: Lang) -> str:
        return text("refused.now", lang, actions=text("list.separator", lang).join(a(lang) for a in actions))

    return render


def unreadable(error: OSError) -> Message:
    """Why a file could not be read or written, in the reader's language."""
    if isinstance(error, FileNotFoundError):
        return message("file.missing")
    if isinstance(error, IsADirectoryError):
        return message("file.is_folder")
    if isinstance(error, PermissionError):
        return message("file.no_permission")
    return message("file.os_error", error=error.strerror or str(error))


def key_problem(key: str, problem: Message | Text) -> Message:
    """One line of a file error: the key, then what is wrong with its value."""
    line = as_line(problem)
    return lambda lang: f"  {key}: {line(lang)}"


def as_line(line: Message | Text) -> Message:
    """A catalogue message (or an old-style one) as a line, rendered in the reader's language when shown."""
    if callable(line):
        return line
    return lambda lang: render(line, lang)
