"""Which scenarios to run: Cucumber tag expressions, e.g. `@no-op and not (@zh or @slow)`."""

from __future__ import annotations

from collections.abc import Iterable

from cucumber_tag_expressions import TagExpressionError, parse
from cucumber_tag_expressions.model import And, Expression, Literal, Not, Or

from xingtu_sim.domain.errors import InputError
from xingtu_sim.domain.text import _


class TagFilter:
    """A parsed tag expression; no expression selects every scenario."""

    def __init__(self, expression: str | None = None) -> None:
        self.expression = expression
        try:
            self._parsed = parse(expression) if expression and expression.strip() else None
        except TagExpressionError as error:
            raise InputError(
                _('Invalid --tags expression "{expression}": {error}', expression=expression, error=str(error))
            ) from None

    def matches(self, tags: Iterable[str]) -> bool:
        return self._parsed is None or evaluate(self._parsed, set(tags))


def evaluate(expression: Expression, tags: set[str]) -> bool:
    """The expression's truth for these tags, without recursion.

    The library's own evaluate() recurses once per operator, so `@t1 and @t2 and … @t1000` exceeded
    Python's recursion limit; here the tree is walked with a stack of its own.
    """
    pending: list[tuple[Expression, bool]] = [(expression, False)]
    values: list[bool] = []
    while pending:
        node, children_done = pending.pop()
        terms = _terms(node)
        if terms is None:
            values.append(node.name in tags if isinstance(node, Literal) else bool(node.evaluate(tags)))
        elif not children_done:
            pending.append((node, True))
            pending.extend((term, False) for term in reversed(terms))
        else:
            found = values[len(values) - len(terms) :]
            del values[len(values) - len(terms) :]
            values.append(all(found) if isinstance(node, And) else any(found) if isinstance(node, Or) else not found[0])
    return values[0]


def _terms(node: Expression) -> tuple[Expression, ...] | None:
    """The operands of an operator; None for a tag (or an empty expression)."""
    if isinstance(node, And | Or):
        return tuple(node.terms)
    if isinstance(node, Not):
        return (node.term,)
    return None
