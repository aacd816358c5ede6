"""Which scenarios to run: Cucumber tag expressions, e.g. `@no-op and not (@zh or @slow)`."""

from __future__ import annotations

from collections.abc import Iterable

from cucumber_tag_expressions import TagExpressionError, parse

from xingtu_sim.domain.errors import InputError, message


class TagFilter:
    """A parsed tag expression; no expression selects every scenario."""

    def __init__(self, expression: str | None = None) -> None:
        self.expression = expression
        try:
            self._parsed = parse(expression) if expression and expression.strip() else None
        except TagExpressionError as error:
            raise InputError(message("run.bad_tags", expression=expression, error=str(error))) from None

    def matches(self, tags: Iterable[str]) -> bool:
        return self._parsed is None or bool(self._parsed.evaluate(list(tags)))
