"""Messages of both kinds as text: the gettext catalogues are replacing the domain's old ones, meanwhile."""

from __future__ import annotations

from xingtu_sim.domain.text import Joined, LabelledEnum, Message
from xingtu_sim.i18n import Lang, render


def shown(value: object, lang: Lang) -> str:
    """A message or label of either kind (catalogue, or old `label(lang)` and functions), or a plain value."""
    if isinstance(value, Message | Joined | LabelledEnum):
        return render(value, lang)
    label = getattr(value, "label", None)
    if callable(label):
        return str(label(lang))
    if callable(value):
        return str(value(lang))
    return str(value)
