"""Tests for helpers.control: worked examples, edge cases, bad input and hypothesis properties."""

from __future__ import annotations

import math

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from helpers.control import (
    REMAINDER,
    implied_share_count,
    issue_size_for_economic_below,
    min_economic_for_voting,
    min_votes_per_wvr_share,
    non_wvr_voting_share,
    with_remainder,
)
from helpers.ownership import dilute, founder_voting_after_issue, implied_wvr_fraction, voting_share

FAST = settings(max_examples=200, deadline=None)

# --- worked examples -------------------------------------------------------


def test_with_remainder_minimax_article_holders() -> None:
    named = {"alisoft": 0.1504, "mihoyo": 0.0705, "idg": 0.0308, "tencent": 0.0284, "founder": 0.2235}
    out = with_remainder(named)
    assert out[REMAINDER] == pytest.approx(0.4964)
    assert math.fsum(out.values()) == pytest.approx(1.0)
    assert list(out)[:-1] == list(named)


def test_with_remainder_custom_name_and_full_table() -> None:
    assert with_remainder({"a": 1.0}, name="rest") == {"a": 1.0, "rest": 0.0}
    assert with_remainder({}) == {REMAINDER: 1.0}


def test_non_wvr_voting_share_formula() -> None:
    assert non_wvr_voting_share(0.1) == pytest.approx(0.9 / 1.9)
    assert non_wvr_voting_share(0.0) == 1.0
    assert non_wvr_voting_share(0.1, 10, 0.25) == pytest.approx(1.15 / 2.15)
    assert non_wvr_voting_share(0.5, 1.0) == pytest.approx(0.5)


def test_min_votes_per_wvr_share_article_numbers() -> None:
    v = min_votes_per_wvr_share(0.2235, 0.5921)
    assert v == pytest.approx(1 + 0.3686 / (0.2235 * 0.4079))
    # at that many votes every one of his shares must be a WVR share
    assert implied_wvr_fraction(0.2235, 0.5921, v) == pytest.approx(0.2235)
    assert voting_share(0.2235, 0.2235, votes_per_wvr_share=v) == pytest.approx(0.5921)


def test_min_votes_per_wvr_share_no_uplift_needed() -> None:
    assert min_votes_per_wvr_share(0.6, 0.5) == 1.0
    assert min_votes_per_wvr_share(0.5, 0.5) == 1.0


def test_min_economic_for_voting_examples() -> None:
    assert min_economic_for_voting(0.5, 10) == pytest.approx(1 / 11)
    assert min_economic_for_voting(0.5, 20) == pytest.approx(1 / 21)
    assert min_economic_for_voting(0.5, 1) == pytest.approx(0.5)
    assert min_economic_for_voting(0.0, 10) == 0.0
    assert min_economic_for_voting(1.0, 10) == pytest.approx(1.0)


def test_issue_size_for_economic_below_examples() -> None:
    n = issue_size_for_economic_below(0.2235, 0.10)
    assert n == pytest.approx(1.235)
    assert dilute({"founder": 0.2235}, n)["founder"] == pytest.approx(0.10)
    assert issue_size_for_economic_below(0.05, 0.10) == 0.0


def test_implied_share_count_examples() -> None:
    assert implied_share_count(51100, 116.2) == pytest.approx(51100 / 116.2)
    assert implied_share_count(0, 10) == 0.0


# --- bad input names the value --------------------------------------------


@pytest.mark.parametrize(
    ("call", "match"),
    [
        (lambda: with_remainder({"a": 0.7, "b": 0.4}), "sum to <= 1"),
        (lambda: with_remainder({"a": 1.5}), r"shares\['a'\]"),
        (lambda: with_remainder({REMAINDER: 0.1}), "must not already contain"),
        (lambda: non_wvr_voting_share(1.2), "wvr_fraction"),
        (lambda: non_wvr_voting_share(0.1, 0.5), "votes_per_wvr_share"),
        (lambda: non_wvr_voting_share(0.1, 10, -0.1), "new_shares_fraction"),
        (lambda: min_votes_per_wvr_share(0.0, 0.5), "economic must be > 0"),
        (lambda: min_votes_per_wvr_share(0.2, 1.0), "voting must be < 1"),
        (lambda: min_votes_per_wvr_share(0.2, float("nan")), "voting must be finite"),
        (lambda: min_economic_for_voting(-0.1), "voting"),
        (lambda: issue_size_for_economic_below(0.2, 0.0), "threshold must be > 0"),
        (lambda: implied_share_count(100, 0), "price must be > 0"),
        (lambda: implied_share_count(-1, 10), "market_cap must be >= 0"),
        (lambda: implied_share_count("x", 10), "market_cap must be a real number"),  # type: ignore[arg-type]
    ],
)
def test_bad_input_raises_with_the_value(call: object, match: str) -> None:
    with pytest.raises(ValueError, match=match):
        call()  # type: ignore[operator]


# --- properties -------------------------------------------------------------


@FAST
@given(st.floats(0.0, 1.0), st.floats(1.0, 20.0), st.floats(0.0, 10.0))
def test_non_wvr_plus_wvr_votes_is_one(x: float, v: float, n: float) -> None:
    wvr_votes = v * x / (1 + (v - 1) * x + n)
    assert non_wvr_voting_share(x, v, n) + wvr_votes == pytest.approx(1.0)


@FAST
@given(st.floats(0.01, 0.99), st.floats(0.01, 0.99))
def test_min_votes_reaches_the_target_exactly(e: float, vt: float) -> None:
    assume(vt > e)
    v = min_votes_per_wvr_share(e, vt)
    assert v >= 1
    assert voting_share(e, e, votes_per_wvr_share=v) == pytest.approx(vt, rel=1e-9)


@FAST
@given(st.floats(0.0, 0.99), st.floats(1.0, 50.0))
def test_min_economic_round_trip_and_monotone(vt: float, v: float) -> None:
    e = min_economic_for_voting(vt, v)
    assert 0 <= e <= vt + 1e-12
    assert voting_share(e, e, votes_per_wvr_share=v) == pytest.approx(vt, abs=1e-9)
    # more votes per WVR share never needs a larger stake
    assert min_economic_for_voting(vt, v + 1) <= e + 1e-12


@FAST
@given(st.floats(0.001, 1.0), st.floats(0.001, 1.0))
def test_issue_size_for_economic_below_round_trip(e: float, t: float) -> None:
    assume(t < e)
    n = issue_size_for_economic_below(e, t)
    assert dilute({"h": e}, n)["h"] == pytest.approx(t, rel=1e-9)


@FAST
@given(st.floats(0.0, 1.0), st.floats(1.0, 20.0), st.floats(0.0, 10.0))
def test_non_wvr_votes_rise_with_the_issue(x: float, v: float, n: float) -> None:
    assert non_wvr_voting_share(x, v, n + 0.1) >= non_wvr_voting_share(x, v, n) - 1e-12


def test_founder_and_non_wvr_votes_agree_when_he_owns_only_wvr_shares() -> None:
    # if all his shares are WVR shares, non-WVR votes are exactly everyone else's votes
    e = x = 0.2
    for n in (0.0, 0.1, 0.5):
        assert non_wvr_voting_share(x, 10, n) == pytest.approx(1 - founder_voting_after_issue(e, x, n))
