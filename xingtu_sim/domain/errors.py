"""Domain errors: a refused action, and input the simulator cannot use."""

from __future__ import annotations

from collections.abc import Sequence

from xingtu_sim.domain.text import LabelledEnum, Text, _, join, pgettext


class Reason(LabelledEnum):
    """Why an action was refused, with the SPEC's fixed labels."""

    NOT_ALLOWED = "not_allowed", pgettext("reason", "not allowed in this state")
    NOT_ELIGIBLE = "not_eligible", pgettext("reason", "not eligible")
    XINGTU_NOT_OPENED = "xingtu_not_opened", pgettext("reason", "Xingtu not opened")
    NOT_RECEIVING = "not_receiving", pgettext("reason", "not receiving tasks")
    CHANGE_LIMIT_REACHED = "change_limit_reached", pgettext("reason", "change limit reached")
    TASK_EXPIRED = "task_expired", pgettext("reason", "task expired")


class XingtuError(Exception):
    """Base of every error the simulator reports to a user."""

    def __init__(self, *lines: Text) -> None:
        self.lines = lines  # rendered in the reader's language by the door that shows them
        super().__init__("\n".join(str(line) for line in lines))


class InputError(XingtuError):
    """Input the simulator cannot use: a wrong name, a bad number, a broken file."""


class ActionRefused(XingtuError):
    """A refused action: what was tried, the reason, and what can be done now. Nothing changed."""

    def __init__(
        self,
        reason: Reason,
        headline: Text,
        detail: Text | None = None,
        possible_now: Sequence[Text] = (),
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


def _possible_now_line(actions: Sequence[Text]) -> Text:
    if not actions:
        return _("Nothing can be done with it now.")
    return _("Possible now: {actions}.", actions=join(actions))


def unreadable(error: OSError) -> Text:
    """Why a file could not be read or written, in the reader's language."""
    if isinstance(error, FileNotFoundError):
        return _("no such file or folder")
    if isinstance(error, IsADirectoryError):
        return _("it is a folder, not a file")
    if isinstance(error, PermissionError):
        return _("permission denied")
    return error.strerror or str(error)  # the system's own words


def key_problem(key: str, problem: Text) -> Text:
    """One line of a file error: the key, then what is wrong with its value."""
    return _("  {key}: {problem}", key=key, problem=problem)
