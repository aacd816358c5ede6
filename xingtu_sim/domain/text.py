"""Lazy messages: what the domain says, kept as English message ids until a reader's language renders them.

The builders are named like gettext's (`_`, `ngettext`, `pgettext`, `npgettext`, `N_`) so that Babel's
extractor finds every message in the code. Rendering (choosing a language, looking the id up in a
catalogue, filling the placeholders) is the i18n package's job: the domain never chooses a language.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Self


@dataclass(frozen=True)
class Message:
    """A message id (with its plural and context, if any) and the values of its `{placeholders}`.

    Values may themselves be messages, lists or labelled members: they render in the same language.
    """

    msgid: str
    plural: str | None = None
    count: int | None = None
    context: str | None = None
    values: tuple[tuple[str, object], ...] = ()

    def __str__(self) -> str:
        """The English text, for logs and tracebacks; users see it rendered in their language."""
        english = self.msgid if self.plural is None or self.count == 1 else self.plural
        return english.format(**{name: _english(value) for name, value in self.values})


@dataclass(frozen=True)
class Joined:
    """Items shown as one list, with the separator of the reader's language ("a, b" / "a、b")."""

    items: tuple[object, ...]

    def __str__(self) -> str:
        return ", ".join(str(_english(item)) for item in self.items)


def _(msgid: str, /, **values: object) -> Message:
    """A message, e.g. `_("Task {task} is {state}.", task=name, state=state)`."""
    return Message(msgid, values=tuple(values.items()))


def ngettext(singular: str, plural: str, count: int, /, **values: object) -> Message:
    """A message with plural forms chosen by `count` in the reader's language."""
    return Message(singular, plural, count, values=tuple(values.items()))


def pgettext(context: str, msgid: str, /, **values: object) -> Message:
    """A message whose English words need telling apart, e.g. the state "accepted" and the move "accept"."""
    return Message(msgid, context=context, values=tuple(values.items()))


def npgettext(context: str, singular: str, plural: str, count: int, /, **values: object) -> Message:
    return Message(singular, plural, count, context, tuple(values.items()))


def N_(msgid: str, /) -> str:
    """Marks a message id for the extractor without building a message (click help, table headings)."""
    return msgid


def join(items: Iterable[object]) -> Joined:
    """A list rendered in the reader's language."""
    return Joined(tuple(items))


class LabelledEnum(enum.Enum):
    """Members written as (id, label message): the value is the id, `label` says it to people."""

    label: Message

    def __new__(cls, member_id: str, label: Message) -> Self:
        member = object.__new__(cls)
        member._value_ = member_id
        member.label = label
        return member

    @property
    def id(self) -> str:
        return str(self.value)

    @classmethod
    def by_id(cls, member_id: str) -> Self:
        """The member whose id is `member_id` (a value error names it otherwise)."""
        for member in cls:
            if member.value == member_id:
                return member
        raise ValueError(member_id)


Text = Message | Joined | str
"""Anything shown to a person: a message, a list of them, or data (a user's name) as it is."""


def _english(value: object) -> object:
    if isinstance(value, LabelledEnum):
        return str(value.label)
    if isinstance(value, Message | Joined):
        return str(value)
    return value
