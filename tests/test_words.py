"""Every branch of every verdict word in helpers.words, both directions, ties and bad input."""

from __future__ import annotations

import math

import pytest
from IPython.display import Markdown

from helpers import words as w


@pytest.mark.parametrize(
    ("before", "after", "kw", "expected"),
    [
        (59.21, 53.5, {}, "fell"),
        (53.5, 59.21, {}, "rose"),
        (1.0, 1.0, {}, "was unchanged"),
        (100.0, 100.4, {"abs_tol": 0.5}, "was unchanged"),
        (100.0, 101.0, {"rel_tol": 0.02}, "was unchanged"),
        (100.0, 103.0, {"rel_tol": 0.02}, "rose"),
        (5.0, 4.0, {"up": "up", "down": "down", "same": "flat"}, "down"),
    ],
)
def test_direction(before: float, after: float, kw: dict, expected: str) -> None:
    assert w.direction(before, after, **kw) == expected


@pytest.mark.parametrize(
    ("value", "other", "kw", "expected"),
    [
        (1.31, 1.0, {}, "more"),
        (0.7, 1.0, {}, "less"),
        (0.99, 1.0, {"rel_tol": 0.05}, "about the same"),
        (2.0, 2.0, {}, "about the same"),
        (3.0, 1.0, {"more": "above", "less": "below", "same": "at"}, "above"),
    ],
)
def test_compare(value: float, other: float, kw: dict, expected: str) -> None:
    assert w.compare(value, other, **kw) == expected


def test_agreement_both_branches() -> None:
    assert w.agreement(1046.6, 1046.2, abs_tol=0.5) == "agrees with"
    assert w.agreement(1046.6, 1046.2, abs_tol=0.1) == "does not agree with"
    assert w.agreement(158.9, 158.9) == "agrees with"


def test_match_or_closest_both_branches() -> None:
    assert w.match_or_closest(37.498, 37) == "matches"
    assert w.match_or_closest(13.0, 37) == "is closest to"


def test_closest_picks_nearest_and_names_ties() -> None:
    assert (
        w.closest(9.0, {"net loss": 6.5, "adjusted loss": 8.7, "cash flow": 11.5})
        == "adjusted loss"
    )
    assert (
        w.closest(12.0, {"net loss": 6.5, "adjusted loss": 8.7, "cash flow": 11.5}) == "cash flow"
    )
    assert w.closest(5.0, {"a": 4.0, "b": 6.0}) == "a and b"
    with pytest.raises(ValueError, match="at least one candidate"):
        w.closest(1.0, {})
    with pytest.raises(ValueError, match="candidate 'a'"):
        w.closest(1.0, {"a": math.nan})


def test_sign_all_branches() -> None:
    words = {"positive": "gain", "negative": "loss", "zero": "nil"}
    assert [w.sign(v, **words) for v in (2.0, -2.0, 0.0)] == ["gain", "loss", "nil"]


def test_choose_both_branches_and_refuses_truthiness() -> None:
    assert w.choose(True, "passes", "fails") == "passes"
    assert w.choose(False, "passes", "fails") == "fails"
    with pytest.raises(ValueError, match="True or False"):
        w.choose(1, "passes", "fails")  # type: ignore[arg-type]


def test_plural_and_listing() -> None:
    assert w.plural(1, "source") == "1 source"
    assert w.plural(3, "source") == "3 sources"
    assert w.plural(2, "company", "companies") == "2 companies"
    with pytest.raises(ValueError):
        w.plural(2.5, "x")  # type: ignore[arg-type]
    assert w.listing(["a"]) == "a"
    assert w.listing(["a", "b"]) == "a and b"
    assert w.listing(["a", "b", "c"], "or") == "a, b or c"
    with pytest.raises(ValueError):
        w.listing([])


def test_bad_numbers_are_named() -> None:
    with pytest.raises(ValueError, match="before must be finite"):
        w.direction(math.inf, 1.0)
    with pytest.raises(ValueError, match="rel_tol must be >= 0"):
        w.compare(1.0, 1.0, rel_tol=-1)


def test_sentence_fills_named_fields_and_escapes_values() -> None:
    assert (
        w.sentence("Votes {went} to {share}.", went="fell", share="53.5%") == "Votes fell to 53.5%."
    )
    planted = w.sentence("{x}", x="<script>alert(1)</script> *a* $x$ [l](u)")
    assert "<script>" not in planted and "&lt;script&gt;" in planted
    assert r"\*a\*" in planted and r"\$x\$" in planted and r"\[l\]" in planted
    assert w.sentence("{x} rose", x=w.Markup("**Revenue**")) == "**Revenue** rose"


@pytest.mark.parametrize(
    ("template", "fields", "message"),
    [
        ("{a} and {b}", {"a": 1}, "needs"),
        ("{a}", {"a": 1, "b": 2}, "not in the template"),
        ("{}", {}, "must be named"),
        ("{a:.1f}", {"a": 1.0}, "format numbers"),
    ],
)
def test_sentence_refuses_bad_templates(template: str, fields: dict, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        w.sentence(template, **fields)


def test_say_returns_markdown() -> None:
    shown = w.say("The cash lasts {m}.", m="37.5 months")
    assert isinstance(shown, Markdown) and shown.data == "The cash lasts 37.5 months."
