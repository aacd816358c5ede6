"""Which scenarios to run: Cucumber tag expressions, e.g. `@no-op and not (@zh or @slow)`."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from cucumber_tag_expressions import TagExpressionError, parse
from cucumber_tag_expressions.model import And, Expression, Literal, Not, Or

from xingtu_sim.domain.errors import InputError
from xingtu_sim.domain.text import Text, _


class TagFilter:
    """Parsed tag expressions, all of which must hold (a repeated --tags, as behave and cucumber-js); none selects
    every scenario."""

    def __init__(self, expressions: str | Sequence[str] | None = None) -> None:
        given = [expressions] if isinstance(expressions, str) else list(expressions or [])
        given = [expression for expression in given if expression.strip()]
        self.given = tuple(given)  # as written, one per --tags
        self.expression = " and ".join(given if len(given) < 2 else [f"({e})" for e in given]) or None
        self._parsed = [_parse(expression) for expression in given]

    @property
    def selects_all(self) -> bool:
        return not self._parsed

    def matches(self, tags: Iterable[str]) -> bool:
        present = set(tags)
        return all(evaluate(parsed, present) for parsed in self._parsed)


def _parse(expression: str) -> Expression:
    try:
        return parse(expression)
    except TagExpressionError as error:
        problem = explain(str(error), expression)
        raise InputError(
            _('Invalid --tags expression "{expression}": {problem}.', expression=expression, problem=problem)
        ) from None


# The parser's complaints (cucumber-tag-expressions), each as what to change.
_AFTER = re.compile(r"Expected (operand|operator) after (\S+)")
_TOO_FEW = re.compile(r"^(and|or|not): Too few operands")


def explain(error: str, expression: str) -> Text:
    """What is wrong with a tag expression, without the parser's internals."""
    if found := _AFTER.search(error):
        wanted, after = found.groups()
        if wanted == "operator":
            return _('"and" or "or" is missing after "{word}"', word=after)
        if after == "BEGIN":
            first = expression.split()[0] if expression.split() else expression
            return _('it cannot start with "{word}"; start with a tag such as @no-op, "not" or "("', word=first)
        return _('a tag is missing after "{word}"', word=after)
    if found := _TOO_FEW.search(error):
        if found.group(1) == "not":
            return _('"not" needs a tag after it')
        return _('"{word}" needs a tag on each side', word=found.group(1))
    if error.startswith("Unclosed '('"):
        return _('a "(" is never closed')
    if error.startswith("Missing '('"):
        return _('a ")" has no "(" before it')
    if "Illegal escape" in error:
        return _('a backslash may only come before "(", ")", a space or another backslash')
    return _('it is not a tag expression such as "@no-op and not @zh"')


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
