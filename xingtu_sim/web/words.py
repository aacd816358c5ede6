"""Messages, labels and plain values as text in the page's language."""

from __future__ import annotations

from xingtu_sim.domain.names import visible
from xingtu_sim.domain.text import Joined, Message
from xingtu_sim.i18n import Lang, render


def shown(value: object, lang: Lang) -> str:
    """A message, a labelled member or row (a state, a move), or a plain value, as text in `lang`.

    Names a message quotes come from users: a control or format character in one shows as �.
    """
    if isinstance(value, Message | Joined) or isinstance(getattr(value, "label", None), Message):
        return visible(render(value, lang))  # type: ignore[arg-type]
    return visible(str(value))
