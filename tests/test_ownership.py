"""Tests for helpers.ownership: worked examples, edge cases and hypothesis properties."""

from __future__ import annotations

import dataclasses
import math

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from helpers.ownership import (
    Check,
    dilute,
    dilution_factor,
    founder_voting_after_issue,
    hkex_8a_checks,
    implied_wvr_fraction,
    issue_size_for_voting_below,
    new_shares_fraction_from_factor,
    voting_share,
)

FAST = settings(max_examples=200, deadline=None)

fraction_st = st.floats(0.0, 1.0)
votes_st = st.floats(1.0, 20.0)
issue_st = st.floats(0.0, 10.0)


@st.composite
def holdings(draw: st.DrawFn) -> tuple[float, float]:
    """An (economic, wvr_fraction) pair with 0 <= wvr_fraction <= economic <= 1."""
    e = draw(fraction_st)
    x = draw(st.floats(0.0, e))
    return e, x


# --- worked examples -------------------------------------------------------


def test_implied_wvr_fraction_article_example() -> None:
    x = implied_wvr_fraction(0.2235, 0.5921)
    assert x == pytest.approx(0.100, abs=0.001)
    assert voting_share(0.2235, x) == pytest.approx(0.5921, abs=1e-12)


def test_voting_share_formula() -> None:
    assert voting_share(0.2235, 0.1) == pytest.approx((0.2235 + 0.9) / 1.9)
    assert voting_share(0.3, 0.0) == pytest.approx(0.3)
    assert voting_share(0.2, 0.1, others_wvr_fraction=0.1) == pytest.approx(1.1 / 2.8)
    assert voting_share(0.2, 0.1, votes_per_wvr_share=1.0) == pytest.approx(0.2)


def test_alisoft_dilution_factor() -> None:
    f = dilution_factor(0.1504, 0.1252)
    assert f == pytest.approx(0.1252 / 0.1504)
    assert f == pytest.approx(0.8324, abs=1e-4)
    n = new_shares_fraction_from_factor(f)
    assert n == pytest.approx(0.1504 / 0.1252 - 1)
    assert dilute({"Alisoft": 0.1504}, n)["Alisoft"] == pytest.approx(0.1252)


def test_dilute_adds_new_holders_and_keeps_total() -> None:
    out = dilute({"a": 0.5, "b": 0.3}, 0.25)
    assert out == pytest.approx({"a": 0.4, "b": 0.24, "new holders": 0.2})
    assert math.fsum(out.values()) == pytest.approx(0.8 / 1.25 + 0.2)


def test_dilute_empty_mapping_gives_only_new_holders() -> None:
    assert dilute({}, 0.25) == pytest.approx({"new holders": 0.2})


def test_founder_voting_after_issue() -> None:
    assert founder_voting_after_issue(0.2235, 0.1, 0.0) == voting_share(0.2235, 0.1)
    assert founder_voting_after_issue(0.2235, 0.1, 0.25) == pytest.approx(1.1235 / 2.15)


def test_issue_size_for_voting_below() -> None:
    n = issue_size_for_voting_below(0.2235, 0.1)
    assert n == pytest.approx(0.347)
    assert founder_voting_after_issue(0.2235, 0.1, n) == pytest.approx(0.5, abs=1e-12)


def test_issue_size_edge_cases() -> None:
    assert issue_size_for_voting_below(0.3, 0.0) == 0.0  # already below 50%
    assert issue_size_for_voting_below(0.3, 0.1, threshold=0.0) == math.inf
    assert issue_size_for_voting_below(0.0, 0.0, threshold=0.0) == 0.0


def test_hkex_checks_pass_and_fail() -> None:
    checks = hkex_8a_checks(10, 0.4079, 0.2235)
    assert [c.rule for c in checks] == ["8A.10", "8A.09", "8A.12"]
    assert all(c.passed for c in checks)
    failing = hkex_8a_checks(20, 0.05, 0.08)
    assert [c.passed for c in failing] == [False, False, False]
    assert [(c.value, c.limit) for c in failing] == [(20.0, 10.0), (0.05, 0.1), (0.08, 0.1)]


def test_hkex_limits_are_parameters() -> None:
    checks = hkex_8a_checks(
        10,
        0.4,
        0.2,
        max_votes_per_wvr_share=5,
        min_non_wvr_voting_share=0.5,
        min_wvr_economic_share=0.25,
    )
    assert [c.passed for c in checks] == [False, False, False]
    assert "5" in checks[0].requirement


def test_check_is_frozen() -> None:
    check = hkex_8a_checks(10, 0.4, 0.2)[0]
    assert isinstance(check, Check)
    with pytest.raises(dataclasses.FrozenInstanceError):
        check.passed = False  # type: ignore[misc]


# --- invalid input ---------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "name"),
    [
        ((0.2, 0.3), "wvr_fraction"),
        ((1.2, 0.1), "economic"),
        ((0.2, -0.1), "wvr_fraction"),
        ((math.nan, 0.1), "economic"),
        ((0.2, 0.1, 0.9), "others_wvr_fraction"),
        ((0.2, 0.1, 0.0, 0.5), "votes_per_wvr_share"),
    ],
)
def test_voting_share_rejects(args: tuple[float, ...], name: str) -> None:
    with pytest.raises(ValueError, match=name):
        voting_share(*args)


def test_implied_wvr_fraction_rejects_impossible_numbers() -> None:
    with pytest.raises(ValueError, match=r"0\.3.*0\.2.*cannot come"):
        implied_wvr_fraction(0.3, 0.2)  # voting below economic
    with pytest.raises(ValueError, match="cannot come"):
        implied_wvr_fraction(0.05, 0.9)  # would need more WVR shares than he owns
    with pytest.raises(ValueError, match="voting"):
        implied_wvr_fraction(0.3, 1.0)
    with pytest.raises(ValueError, match="votes_per_wvr_share"):
        implied_wvr_fraction(0.3, 0.5, 1.0)


def test_dilute_rejects() -> None:
    with pytest.raises(ValueError, match=r"sum.*1\.1"):
        dilute({"a": 0.6, "b": 0.5}, 0.1)
    with pytest.raises(ValueError, match=r"shares\['a'\].*1\.5"):
        dilute({"a": 1.5}, 0.1)
    with pytest.raises(ValueError, match=r"new_shares_fraction.*-0\.1"):
        dilute({"a": 0.5}, -0.1)
    with pytest.raises(ValueError, match="new holders"):
        dilute({"new holders": 0.5}, 0.1)


def test_factor_functions_reject() -> None:
    with pytest.raises(ValueError, match="before"):
        dilution_factor(0.0, 0.1)
    with pytest.raises(ValueError, match=r"factor.*1\.2"):
        new_shares_fraction_from_factor(1.2)
    with pytest.raises(ValueError, match="factor"):
        new_shares_fraction_from_factor(0.0)


def test_issue_functions_reject() -> None:
    with pytest.raises(ValueError, match=r"new_shares_fraction.*-1"):
        founder_voting_after_issue(0.2, 0.1, -1.0)
    with pytest.raises(ValueError, match=r"threshold.*1\.5"):
        issue_size_for_voting_below(0.2, 0.1, threshold=1.5)


def test_hkex_checks_reject() -> None:
    with pytest.raises(ValueError, match="non_wvr_voting_share"):
        hkex_8a_checks(10, 1.5, 0.2)
    with pytest.raises(ValueError, match="min_wvr_economic_share"):
        hkex_8a_checks(10, 0.5, 0.2, min_wvr_economic_share=math.nan)


# --- properties ------------------------------------------------------------


@FAST
@given(st.dictionaries(st.text(max_size=5), st.floats(0.0, 0.2), max_size=5), issue_st)
def test_dilution_never_raises_a_share(shares: dict[str, float], n: float) -> None:
    assume("new holders" not in shares)
    out = dilute(shares, n)
    for name, before in shares.items():
        assert out[name] <= before
    assert math.fsum(out.values()) <= 1 + 1e-9


@FAST
@given(holdings(), st.floats(1.5, 20.0))
def test_implied_fraction_round_trips(holding: tuple[float, float], v: float) -> None:
    e, x = holding
    vtg = voting_share(e, x, votes_per_wvr_share=v)
    assume(vtg < 1)
    x_back = implied_wvr_fraction(e, vtg, v)
    assert voting_share(e, x_back, votes_per_wvr_share=v) == pytest.approx(vtg, abs=1e-12)


@FAST
@given(holdings(), votes_st, issue_st, issue_st)
def test_founder_voting_non_increasing_in_issue(
    holding: tuple[float, float], v: float, n1: float, n2: float
) -> None:
    e, x = holding
    lo, hi = sorted((n1, n2))
    assert founder_voting_after_issue(e, x, hi, v) <= founder_voting_after_issue(e, x, lo, v)


@FAST
@given(holdings(), votes_st, st.floats(0.01, 1.0))
def test_issue_size_hits_threshold(holding: tuple[float, float], v: float, t: float) -> None:
    e, x = holding
    n = issue_size_for_voting_below(e, x, t, v)
    after = founder_voting_after_issue(e, x, n, v)
    if n == 0:
        assert after <= t + 1e-12
    else:
        assert after == pytest.approx(t, abs=1e-12)
