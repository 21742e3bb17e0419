"""Tests for helpers.sensitivity: agreement with helpers.runway, brute-force checks, edge cases."""

from __future__ import annotations

import doctest
import math

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import helpers.sensitivity as sensitivity
from helpers.runway import compute_price_adjusted_burn, runway_months
from helpers.sensitivity import (
    cumulative_net_burn,
    months_between,
    runway_with_revenue_growth,
    scenario_runway,
    tornado_table,
)

FAST = settings(max_examples=200, deadline=None)

cash_st = st.floats(1.0, 1e4)
burn_st = st.floats(0.1, 1e3)
growth_st = st.floats(-0.3, 0.3)
revenue_st = st.floats(0.0, 1e3)
margin_st = st.floats(0.0, 1.0)


def brute_force_first_crossing(cash: float, horizon: float, **kw: float) -> float:
    """The first grid month where the cumulative net burn reaches cash (inf if none up to horizon)."""
    grid = np.linspace(0.0, horizon, 20001)
    values = np.array([cumulative_net_burn(t, **kw) for t in grid])
    hit = np.nonzero(values >= cash)[0]
    return float(grid[hit[0]]) if hit.size else math.inf


def test_doctests() -> None:
    assert doctest.testmod(sensitivity).failed == 0


# --- agreement with helpers.runway ------------------------------------------


def test_minimax_base_case() -> None:
    assert scenario_runway(1046.2, 27.9) == 1046.2 / 27.9


@FAST
@given(cash_st, burn_st, growth_st, revenue_st, margin_st)
def test_no_revenue_growth_is_runway_months(
    c: float, b: float, g: float, rev: float, m: float
) -> None:
    got = runway_with_revenue_growth(
        c, b, burn_growth_per_month=g, revenue_per_month=rev, revenue_margin=m
    )
    assert got == runway_months(c, b, burn_growth_per_month=g)


@FAST
@given(cash_st, burn_st, growth_st, growth_st)
def test_no_revenue_is_runway_months(c: float, b: float, g: float, r: float) -> None:
    got = runway_with_revenue_growth(c, b, burn_growth_per_month=g, revenue_growth_per_month=r)
    assert got == runway_months(c, b, burn_growth_per_month=g)


@FAST
@given(st.floats(0.0, 500.0), burn_st, growth_st)
def test_cumulative_matches_runway_closed_form(t: float, b: float, g: float) -> None:
    # runway_months inverts S(T) = C, so S(runway(C)) = C.
    c = cumulative_net_burn(t, b, burn_growth_per_month=g)
    assume(0 < c < 1e12)
    back = runway_months(c, b, burn_growth_per_month=g)
    assume(math.isfinite(back))  # near the asymptote of a shrinking burn, C rounds onto it
    assert cumulative_net_burn(back, b, burn_growth_per_month=g) == pytest.approx(c, rel=1e-9)


def test_compute_price_goes_through_the_shared_helper() -> None:
    burn = compute_price_adjusted_burn(27.9, 0.4, 0.25)
    assert (
        scenario_runway(1046.2, 27.9, compute_share=0.4, compute_price_change=0.25) == 1046.2 / burn
    )


# --- the revenue-growth solver ----------------------------------------------


@FAST
@given(cash_st, burn_st, growth_st, revenue_st, st.floats(0.001, 0.3), margin_st)
def test_runway_solves_the_equation(
    c: float, b: float, g: float, rev: float, r: float, m: float
) -> None:
    kw = {
        "burn_growth_per_month": g,
        "revenue_per_month": rev,
        "revenue_growth_per_month": r,
        "revenue_margin": m,
    }
    t = runway_with_revenue_growth(c, b, **kw)
    if math.isfinite(t):
        # S(T) is a difference of two terms; judge the error against their size.
        scale = c + cumulative_net_burn(t, b, burn_growth_per_month=g)
        assert cumulative_net_burn(t, b, **kw) == pytest.approx(c, abs=1e-9 * scale)
        # and it is the first crossing: never reached before
        early = np.linspace(0.0, t, 200)[:-1]
        assert all(cumulative_net_burn(x, b, **kw) < c for x in early)


@pytest.mark.parametrize(
    ("cash", "burn", "g", "rev", "r", "m"),
    [
        (1046.2, 27.9, 0.0, 5.94, 0.05, 0.233),
        (100.0, 10.0, 0.0, 5.0, 0.05, 1.0),
        (100.0, 10.0, 0.0, 5.0, 0.1, 1.0),  # never runs out
        (100.0, 1.0, 0.2, 10.0, 0.1, 1.0),  # burn dips below zero, then burn growth wins again
        (1000.0, 1.0, 0.2, 10.0, 0.1, 1.0),  # the same, cash reached on the last rising piece
        (100.0, 10.0, 0.03, 4.0, 0.05, 0.5),
        (100.0, 10.0, -0.05, 4.0, -0.05, 0.5),  # revenue shrinks: burn rises
    ],
)
def test_against_brute_force(
    cash: float, burn: float, g: float, rev: float, r: float, m: float
) -> None:
    kw = {
        "burn_growth_per_month": g,
        "revenue_per_month": rev,
        "revenue_growth_per_month": r,
        "revenue_margin": m,
    }
    exact = runway_with_revenue_growth(cash, burn, **kw)
    horizon = 400.0
    approx = brute_force_first_crossing(cash, horizon, burn_per_month=burn, **kw)
    if math.isinf(exact):
        assert math.isinf(approx)
    else:
        assert exact == pytest.approx(approx, abs=horizon / 20000 + 1e-9)


def test_burn_dips_then_returns() -> None:
    # B=1, K=10, burn +20%/month, revenue +10%/month: net burn turns negative, then positive again.
    kw = {"burn_growth_per_month": 0.2, "revenue_per_month": 10.0, "revenue_growth_per_month": 0.1}
    zeros = sensitivity._zeros_of_net_burn(1.0, math.log1p(0.2), 10.0, math.log1p(0.1))
    assert len(zeros) == 2
    t = runway_with_revenue_growth(1000.0, 1.0, **kw)
    assert t > zeros[1]
    assert cumulative_net_burn(t, 1.0, **kw) == pytest.approx(1000.0, rel=1e-9)


@pytest.mark.parametrize(
    ("cash", "burn", "g", "rev", "r"),
    [
        (
            1.0,
            1.0,
            2.225073858507e-311,
            2.225073858507e-311,
            0.0625,
        ),  # tiny revenue overtakes after e**715
        (10.0, 156.90584458520058, 1e-300, 1e-300, 1e-9),  # overflow in t * expm1(ct) / ct
    ],
)
def test_tiny_and_huge_magnitudes(cash: float, burn: float, g: float, rev: float, r: float) -> None:
    kw = {"revenue_per_month": rev, "revenue_growth_per_month": r, "revenue_margin": 0.5}
    flat = runway_with_revenue_growth(cash, burn, **kw)
    grown = runway_with_revenue_growth(cash, burn, burn_growth_per_month=g, **kw)
    assert grown == pytest.approx(flat, rel=1e-12)
    assert grown == pytest.approx(cash / burn, rel=1e-9)


def test_unresolvable_runway_raises() -> None:
    with pytest.raises(ValueError, match="1e\\+12 months"):
        runway_with_revenue_growth(
            1e4,
            1.0,
            burn_growth_per_month=-0.16,
            revenue_per_month=1e-9,
            revenue_growth_per_month=-0.18,
        )


@FAST
@given(cash_st, burn_st, revenue_st, st.floats(0.0, 0.1), st.floats(0.0, 0.1))
def test_runway_rises_with_revenue_growth(
    c: float, b: float, rev: float, r1: float, r2: float
) -> None:
    lo, hi = sorted((r1, r2))
    kw = {"revenue_per_month": rev, "revenue_margin": 0.5}
    assert runway_with_revenue_growth(
        c, b, revenue_growth_per_month=lo, **kw
    ) <= runway_with_revenue_growth(c, b, revenue_growth_per_month=hi, **kw) * (1 + 1e-9)


@FAST
@given(
    cash_st, burn_st, revenue_st, st.floats(0.0, 0.1), st.floats(-0.1, 0.1), st.floats(-0.1, 0.1)
)
def test_runway_falls_with_burn_growth(
    c: float, b: float, rev: float, r: float, g1: float, g2: float
) -> None:
    lo, hi = sorted((g1, g2))
    kw = {"revenue_per_month": rev, "revenue_growth_per_month": r, "revenue_margin": 0.5}
    assert runway_with_revenue_growth(
        c, b, burn_growth_per_month=hi, **kw
    ) <= runway_with_revenue_growth(c, b, burn_growth_per_month=lo, **kw) * (1 + 1e-9)


# --- edge cases and bad input -----------------------------------------------


def test_zero_cash_and_zero_burn() -> None:
    assert (
        runway_with_revenue_growth(0.0, 10.0, revenue_per_month=5.0, revenue_growth_per_month=0.1)
        == 0.0
    )
    assert (
        runway_with_revenue_growth(100.0, 0.0, revenue_per_month=5.0, revenue_growth_per_month=0.1)
        == math.inf
    )
    # shrinking revenue with no burn today: the lost revenue becomes the burn
    t = runway_with_revenue_growth(
        100.0, 0.0, revenue_per_month=10.0, revenue_growth_per_month=-0.1
    )
    assert cumulative_net_burn(
        t, 0.0, revenue_per_month=10.0, revenue_growth_per_month=-0.1
    ) == pytest.approx(100.0)


def test_proceeds_add_to_cash() -> None:
    kw = {"revenue_per_month": 5.0, "revenue_growth_per_month": 0.02}
    assert runway_with_revenue_growth(
        60.0, 10.0, proceeds=40.0, **kw
    ) == runway_with_revenue_growth(100.0, 10.0, **kw)


@pytest.mark.parametrize(
    ("kwargs", "name"),
    [
        ({"cash": -1.0}, "cash"),
        ({"burn_per_month": float("nan")}, "burn_per_month"),
        ({"burn_growth_per_month": -1.0}, "burn_growth_per_month"),
        ({"revenue_growth_per_month": -1.5}, "revenue_growth_per_month"),
        ({"revenue_margin": -0.1}, "revenue_margin"),
        ({"revenue_per_month": "x"}, "revenue_per_month"),
        ({"proceeds": -5.0}, "proceeds"),
    ],
)
def test_bad_input_names_the_value(kwargs: dict[str, object], name: str) -> None:
    args: dict[str, object] = {"cash": 100.0, "burn_per_month": 10.0, "revenue_per_month": 1.0}
    args.update(kwargs)
    with pytest.raises(ValueError, match=name):
        runway_with_revenue_growth(**args)  # type: ignore[arg-type]


# --- tornado and dates -------------------------------------------------------


def test_tornado_table_orders_by_swing() -> None:
    base = {
        "cash": 100.0,
        "burn_per_month": 10.0,
        "burn_growth_per_month": 0.0,
        "compute_share": 0.5,
    }
    table = tornado_table(
        scenario_runway,
        base,
        {
            "compute_share": (0.0, 1.0),
            "burn_growth_per_month": (-0.05, 0.05),
            "cash": (90.0, 110.0),
        },
    )
    assert list(table["input"]) == ["burn_growth_per_month", "cash", "compute_share"]
    assert table["base_runway"].eq(10.0).all()
    assert table.loc[1, "runway_low"] == pytest.approx(9.0)
    assert table.loc[2, "swing"] == 0.0  # a share with no price change moves nothing


def test_tornado_table_rejects_unknown_inputs() -> None:
    with pytest.raises(ValueError, match="nope"):
        tornado_table(scenario_runway, {"cash": 1.0, "burn_per_month": 1.0}, {"nope": (0.0, 1.0)})


def test_months_between() -> None:
    assert months_between("2025-06-30", "2025-06-30") == 0.0
    assert months_between("2025-01-01", "2026-01-01") == pytest.approx(365 * 12 / 365.25)
    assert months_between("2026-01-08", "2025-06-30") < 0
