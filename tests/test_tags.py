"""Tag expressions select exactly what the official library's own evaluation selects."""

from __future__ import annotations

from cucumber_tag_expressions import parse
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis_budget import examples

from xingtu_sim.runner.tags import TagFilter

TAGS = ("@a", "@b", "@c", "@d")

expressions = st.recursive(
    st.sampled_from(TAGS),
    lambda inner: st.one_of(
        inner.map(lambda term: f"not {term}"),
        st.tuples(inner, st.sampled_from(["and", "or"]), inner).map(lambda t: f"({t[0]} {t[1]} {t[2]})"),
    ),
    max_leaves=12,
)


@settings(max_examples=examples(300))
@given(expressions, st.sets(st.sampled_from(TAGS)))
def test_a_tag_expression_holds_exactly_where_the_official_evaluation_says(expression: str, present: set[str]) -> None:
    assert TagFilter(expression).matches(present) == parse(expression).evaluate(present)


def test_expressions_nested_a_thousand_deep_are_evaluated_without_recursion() -> None:
    assert TagFilter("not " * 1000 + "@a").matches({"@a"})
    assert TagFilter("(" * 1000 + "@a" + ")" * 1000).matches({"@a"})
    assert not TagFilter(" and ".join(f"@t{number}" for number in range(1000))).matches({"@t1"})
