"""Which scenarios to run: Cucumber tag expressions, e.g. `@no-op and not (@zh or @slow)`."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

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
        self._parsed = [compile_expression(_parse(expression)) for expression in given]

    @property
    def selects_all(self) -> bool:
        return not self._parsed

    def matches(self, tags: Iterable[str]) -> bool:
        present = set(tags)
        return all(parsed.holds(present) for parsed in self._parsed)


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


@dataclass(frozen=True)
class Operator:
    """An `and`, `or` or `not` of tags and other operators, its tag operands one set: `and`s within an `and`
    (and `or`s within an `or`) are merged, so `@t1 and @t2 and … @t1000` is one set test."""

    kind: type[And | Or | Not]
    tags: frozenset[str]
    operands: tuple[Operator, ...]

    def holds(self, present: set[str]) -> bool:
        """Whether it holds for the tags present, without recursion (parentheses may nest a thousand deep)."""
        pending: list[tuple[Operator, bool]] = [(self, False)]
        values: list[bool] = []
        while pending:
            operator, operands_done = pending.pop()
            if not operands_done:
                pending.append((operator, True))
                pending.extend((operand, False) for operand in operator.operands)
                continue
            found = [values.pop() for _operand in operator.operands]
            values.append(operator._value(found, present))
        return values[0]

    def _value(self, operands: list[bool], present: set[str]) -> bool:
        if self.kind is And:
            return self.tags <= present and all(operands)
        if self.kind is Or:
            return not self.tags.isdisjoint(present) or any(operands)
        return not (self.tags <= present and all(operands))  # `not` has one operand: a tag or an operator


def compile_expression(expression: Expression) -> Operator:
    """The parsed expression as operators over sets of tags, built without recursion (the parser nests
    `@t1 and @t2 and … @t1000` a thousand deep)."""
    root = And(expression)  # a lone tag becomes an operator too
    built: dict[int, Operator] = {}
    pending: list[tuple[Expression, bool]] = [(root, False)]
    while pending:
        node, operands_done = pending.pop()
        terms = _terms(node)
        if not operands_done:
            pending.append((node, True))
            pending.extend((term, False) for term in terms if not isinstance(term, Literal))
            continue
        tags = {term.name for term in terms if isinstance(term, Literal)}
        operands: list[Operator] = []
        for term in terms:
            if isinstance(term, Literal):
                continue
            operand = built.pop(id(term))
            if isinstance(node, And | Or) and type(term) is type(node):  # the same operator: one set
                tags |= operand.tags
                operands += operand.operands
            else:
                operands.append(operand)
        built[id(node)] = Operator(type(node), frozenset(tags), tuple(operands))
    return built[id(root)]


def _terms(node: Expression) -> tuple[Expression, ...]:
    """The operands of an operator (an empty expression is refused before it gets here)."""
    if isinstance(node, And | Or):
        return tuple(node.terms)
    if isinstance(node, Not):
        return (node.term,)
    raise TypeError(f"not an operator or a tag: {node!r}")
