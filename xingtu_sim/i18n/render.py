"""A lazy message rendered in one language: looked up in its catalogue, placeholders filled in the same language."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, Protocol, TypeVar

from xingtu_sim.domain.text import Joined, LabelledEnum, Message, Text, pgettext
from xingtu_sim.i18n.languages import Lang, available_languages, translations

L = TypeVar("L", bound=LabelledEnum)


class Labelled(Protocol):
    """A member or row with a label message: a state, an actor, a move of the lifecycle."""

    @property
    def label(self) -> Message: ...


SEPARATOR = pgettext("list separator", ", ")
LANGUAGE_NAME = pgettext("the name of this language", "English")  # each catalogue names its language


def render(text: Text | Labelled, lang: Lang) -> str:
    """The text in `lang`: a message translated, a list joined, a labelled thing's label, data as it is."""
    if not isinstance(text, str | Message | Joined):
        return render(text.label, lang)
    if isinstance(text, Joined):
        return render(SEPARATOR, lang).join(str(_value(item, lang)) for item in text.items)
    if isinstance(text, Message):
        return _template(text, lang).format(**{name: _value(value, lang) for name, value in text.values})
    return text


def render_lines(lines: Iterable[Text], lang: Lang) -> str:
    """Several messages, one per line."""
    return "\n".join(render(line, lang) for line in lines)


def language_name(lang: Lang) -> str:
    """The language's name in itself, for a language switch: English, 中文."""
    return render(LANGUAGE_NAME, lang)


def comment_lines(text: Text) -> list[str]:
    """A comment (TOML, say) in every language, one line each, so that a file reads the same for everyone."""
    return list(dict.fromkeys(f"# {render(text, lang)}" for lang in available_languages()))


def labels(labelled: Labelled) -> set[str]:
    """Its label in every language, as a reader may type it (case, spaces and _ do not matter)."""
    return {_normalized(render(labelled.label, lang)) for lang in available_languages()}


def parse_label(kind: type[L], written: str) -> L:
    """The member of `kind` whose id or label in any language is `written` (case, spaces and _ do not matter)."""
    wanted = _normalized(written)
    for member in kind:
        if wanted == _normalized(member.id) or wanted in labels(member):
            return member
    raise ValueError(written)


def _normalized(name: str) -> str:
    return " ".join(name.replace("_", " ").split()).casefold()


def describe(error: BaseException, lang: Lang) -> str:
    """A domain error's explanation in `lang`, one line per message; any other error as it says itself."""
    lines = getattr(error, "lines", None)
    return render_lines(lines, lang) if lines is not None else str(error)


def gettext_functions(lang: Lang) -> dict[str, Callable[..., str]]:
    """`_`, `gettext`, `ngettext` and `pgettext` that render at once in `lang`, e.g. for Jinja2 templates.

    They take the same arguments as the builders in `xingtu_sim.domain.text` and fill `{placeholders}`.
    """

    def gettext(msgid: str, /, **values: object) -> str:
        return render(Message(msgid, values=tuple(values.items())), lang)

    def ngettext(singular: str, plural: str, count: int, /, **values: object) -> str:
        return render(Message(singular, plural, count, values=tuple(values.items())), lang)

    def pgettext(context: str, msgid: str, /, **values: object) -> str:
        return render(Message(msgid, context=context, values=tuple(values.items())), lang)

    return {"_": gettext, "gettext": gettext, "ngettext": ngettext, "pgettext": pgettext}


def _template(message: Message, lang: Lang) -> str:
    catalogue = translations(lang)
    if message.plural is None:
        if message.context is None:
            return catalogue.gettext(message.msgid)
        return catalogue.pgettext(message.context, message.msgid)
    count = message.count or 0
    if message.context is None:
        return catalogue.ngettext(message.msgid, message.plural, count)
    return catalogue.npgettext(message.context, message.msgid, message.plural, count)


def _value(value: Any, lang: Lang) -> Any:
    if isinstance(value, Message | Joined) or isinstance(getattr(value, "label", None), Message):
        return render(value, lang)
    return value
