"""Tests for helpers.runway: worked examples, edge cases and hypothesis properties."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.runway import (
    burn_growth_for_runway,
    compute_price_adjusted_burn,
    month_by_month,
    runway_by_month,
    runway_grid,
    runway_months,
)

FAST = settings(max_examples=200, deadline=None)

cash_st = st.floats(0.0, 1e4)
burn_st = st.floats(0.01, 1e3)
growth_st = st.floats(-0.5, 0.5)
offset_st = st.floats(0.0, 1e3)
proceeds_st = st.floats(0.0, 1e4)


def close(a: float, b: float, rel: float = 1e-9) -> bool:
    """True when a and b are equal, both inf, or within rel (relative) of each other."""
    return a == b or math.isclose(a, b, rel_tol=rel, abs_tol=1e-12)


# --- worked examples -------------------------------------------------------


def test_minimax_constant_burn() -> None:
    assert runway_months(1046.2, 27.9) == pytest.approx(37.498, abs=1e-3)
    assert runway_months(1046.2, 27.9) == 1046.2 / 27.9
    assert round(runway_months(1046.2, 27.9)) == 37  # as the article rounds it


def test_cash_only_and_no_bank_facilities() -> None:
    assert runway_months(362.6, 27.9) == pytest.approx(13.0, abs=0.05)  # 12.996
    assert runway_months(1006.8, 27.9) == pytest.approx(36.1, abs=0.05)  # 36.086


def test_proceeds_add_to_cash() -> None:
    assert runway_months(362.6, 27.9, proceeds=683.6) == pytest.approx(1046.2 / 27.9)


def test_revenue_offset_reduces_burn() -> None:
    assert runway_months(100.0, 10.0, revenue_offset_per_month=5.0) == pytest.approx(20.0)


def test_growth_closed_form() -> None:
    g, t = 0.05, runway_months(100.0, 2.0, burn_growth_per_month=0.05)
    assert 2.0 * ((1 + g) ** t - 1) / math.log(1 + g) == pytest.approx(100.0, rel=1e-12)


def test_tiny_growth_approaches_constant() -> None:
    assert runway_months(1046.2, 27.9, burn_growth_per_month=1e-12) == pytest.approx(
        1046.2 / 27.9, rel=1e-9
    )


def test_burn_growth_for_24_months() -> None:
    g = burn_growth_for_runway(1046.2, 27.9, 24)
    assert 0.03 < g < 0.04
    assert abs(runway_months(1046.2, 27.9, burn_growth_per_month=g) - 24) < 1e-9


@pytest.mark.parametrize("target", [1.0, 12.0, 36.0, 37.49, 40.0, 100.0])
def test_burn_growth_round_trip(target: float) -> None:
    g = burn_growth_for_runway(1046.2, 27.9, target)
    assert abs(runway_months(1046.2, 27.9, burn_growth_per_month=g) - target) < 1e-9 * target
    assert (g > 0) == (target < 1046.2 / 27.9)


def test_burn_growth_zero_at_constant_runway() -> None:
    assert burn_growth_for_runway(100.0, 10.0, 10.0) == 0.0


def test_compute_price_adjusted_burn() -> None:
    assert compute_price_adjusted_burn(27.9, 0.5, -0.2) == pytest.approx(25.11)
    assert compute_price_adjusted_burn(27.9, 0.0, 3.0) == 27.9
    assert compute_price_adjusted_burn(27.9, 1.0, 0.1) == pytest.approx(30.69)


# --- edge cases ------------------------------------------------------------


def test_zero_cash_is_zero_months() -> None:
    assert runway_months(0.0, 27.9) == 0.0
    assert runway_months(0.0, 0.0) == 0.0


@pytest.mark.parametrize(("burn", "offset"), [(0.0, 0.0), (10.0, 10.0), (10.0, 12.0)])
def test_zero_or_negative_net_burn_is_inf(burn: float, offset: float) -> None:
    assert runway_months(100.0, burn, revenue_offset_per_month=offset) == math.inf


def test_shrinking_burn_that_never_runs_out_is_inf() -> None:
    # total ever burned at g = -10%: 10 / -ln(0.9) = 94.9 < 100
    assert runway_months(100.0, 10.0, burn_growth_per_month=-0.1) == math.inf


def test_shrinking_burn_that_runs_out_is_finite_and_longer() -> None:
    t = runway_months(50.0, 10.0, burn_growth_per_month=-0.1)
    assert math.isfinite(t)
    assert t > runway_months(50.0, 10.0)


def test_negative_cash_raises_with_value() -> None:
    with pytest.raises(ValueError, match=r"cash.*-5\.0"):
        runway_months(-5.0, 10.0)


@pytest.mark.parametrize(
    ("kwargs", "name"),
    [
        ({"cash": math.nan}, "cash"),
        ({"burn_per_month": math.inf}, "burn_per_month"),
        ({"burn_growth_per_month": math.nan}, "burn_growth_per_month"),
        ({"burn_growth_per_month": -1.0}, "burn_growth_per_month"),
        ({"revenue_offset_per_month": -1.0}, "revenue_offset_per_month"),
        ({"proceeds": -1.0}, "proceeds"),
    ],
)
def test_bad_inputs_name_the_argument(kwargs: dict[str, float], name: str) -> None:
    args: dict[str, float] = {"cash": 100.0, "burn_per_month": 10.0, **kwargs}
    with pytest.raises(ValueError, match=name):
        runway_months(**args)
    with pytest.raises(ValueError, match=name):
        runway_grid(**args)


@pytest.mark.parametrize(
    ("share", "change"), [(-0.1, 0.0), (1.1, 0.0), (0.5, -1.0), (0.5, math.nan)]
)
def test_compute_price_adjusted_burn_rejects(share: float, change: float) -> None:
    with pytest.raises(ValueError, match="compute_"):
        compute_price_adjusted_burn(27.9, share, change)


@pytest.mark.parametrize(
    ("cash", "burn", "target", "match"),
    [
        (100.0, 10.0, 0.0, "target_months"),
        (100.0, 10.0, -3.0, "target_months"),
        (0.0, 10.0, 5.0, "target_months"),
        (100.0, 0.0, 5.0, "target_months"),
        (1046.2, 27.9, 1e6, "target_months"),
        (1.0, 38.0, 1.0, "tends to -1"),
    ],
)
def test_burn_growth_for_runway_rejects(
    cash: float, burn: float, target: float, match: str
) -> None:
    with pytest.raises(ValueError, match=match):
        burn_growth_for_runway(cash, burn, target)


def test_grid_shape_and_special_values() -> None:
    out = runway_grid(100.0, [[10.0], [0.0]], [0.0, -0.1, -0.01])
    assert out.shape == (2, 3)
    assert out[0, 0] == 10.0
    assert out[0, 1] == math.inf
    assert np.all(out[1] == math.inf)
    assert runway_grid(0.0, 10.0, [0.0, 0.1]).tolist() == [0.0, 0.0]


# --- properties ------------------------------------------------------------


@FAST
@given(cash_st, burn_st, burn_st, growth_st, proceeds_st)
def test_runway_never_rises_when_burn_rises(
    c: float, b1: float, b2: float, g: float, p: float
) -> None:
    lo, hi = sorted((b1, b2))
    t_lo = runway_months(c, lo, burn_growth_per_month=g, proceeds=p)
    t_hi = runway_months(c, hi, burn_growth_per_month=g, proceeds=p)
    assert t_hi <= t_lo or close(t_hi, t_lo)


@FAST
@given(cash_st, burn_st, growth_st, growth_st)
def test_runway_never_rises_when_growth_rises(c: float, b: float, g1: float, g2: float) -> None:
    lo, hi = sorted((g1, g2))
    t_lo = runway_months(c, b, burn_growth_per_month=lo)
    t_hi = runway_months(c, b, burn_growth_per_month=hi)
    assert t_hi <= t_lo or close(t_hi, t_lo)


@FAST
@given(cash_st, burn_st, growth_st, proceeds_st, proceeds_st)
def test_runway_never_falls_when_proceeds_rise(
    c: float, b: float, g: float, p1: float, p2: float
) -> None:
    lo, hi = sorted((p1, p2))
    t_lo = runway_months(c, b, burn_growth_per_month=g, proceeds=lo)
    t_hi = runway_months(c, b, burn_growth_per_month=g, proceeds=hi)
    assert t_hi >= t_lo or close(t_hi, t_lo)


@FAST
@given(
    cash_st,
    burn_st,
    st.lists(st.one_of(growth_st, st.just(0.0)), min_size=1, max_size=6),
    st.lists(offset_st, min_size=1, max_size=4),
    proceeds_st,
)
def test_grid_matches_scalar(
    c: float, b: float, gs: list[float], offsets: list[float], p: float
) -> None:
    grid = runway_grid(c, b, np.array(gs)[:, None], np.array(offsets)[None, :], p)
    assert grid.shape == (len(gs), len(offsets))
    for i, g in enumerate(gs):
        for j, o in enumerate(offsets):
            scalar = runway_months(
                c, b, burn_growth_per_month=g, revenue_offset_per_month=o, proceeds=p
            )
            assert close(float(grid[i, j]), scalar, rel=1e-12)


@FAST
@given(st.floats(1.0, 1e4), burn_st, st.floats(0.5, 200.0))
def test_burn_growth_round_trips(c: float, b: float, target: float) -> None:
    try:
        g = burn_growth_for_runway(c, b, target)
    except ValueError as exc:  # only the documented floating-point limits
        assert any(why in str(exc) for why in ("floating point", "range of floats", "tends to -1"))
        return
    assert abs(runway_months(c, b, burn_growth_per_month=g) - target) <= 1e-9 * target


# --- the month-by-month table beside the closed form ------------------------


def spreadsheet_loop(cash: float, burn: float, g: float, limit: int = 100_000) -> float:
    """What a student types: pay each month's opening burn until the cash cannot, then pro rata."""
    left, month = cash, 0
    while month < limit:
        charge = burn * (1 + g) ** month
        if charge > left:
            return month + left / charge
        left -= charge
        month += 1
    return math.inf


@pytest.mark.parametrize("g", [0.0, 0.01, 0.0354, -0.01, -0.02])
def test_runway_by_month_is_the_spreadsheet(g: float) -> None:
    assert runway_by_month(1046.2, 27.9, burn_growth_per_month=g) == pytest.approx(
        spreadsheet_loop(1046.2, 27.9, g), rel=1e-9
    )


def test_runway_by_month_flat_burn_equals_closed_form() -> None:
    assert runway_by_month(1046.2, 27.9) == runway_months(1046.2, 27.9)


@settings(max_examples=200, deadline=None)
@given(st.floats(1.0, 1e4), st.floats(0.1, 1e3), st.floats(0.001, 0.2))
def test_growing_burn_spreadsheet_is_longer(c: float, b: float, g: float) -> None:
    # Month k is charged b q^(k-1) < the continuous burn over it, so the spreadsheet's cash lasts longer.
    assert runway_by_month(c, b, burn_growth_per_month=g) >= runway_months(
        c, b, burn_growth_per_month=g
    )


@settings(max_examples=200, deadline=None)
@given(st.floats(1.0, 1e4), st.floats(0.1, 1e3), st.floats(-0.2, -0.001))
def test_shrinking_burn_spreadsheet_is_shorter(c: float, b: float, g: float) -> None:
    by_month = runway_by_month(c, b, burn_growth_per_month=g)
    assert by_month <= runway_months(c, b, burn_growth_per_month=g)


def test_runway_by_month_edges() -> None:
    assert runway_by_month(0.0, 10.0, burn_growth_per_month=0.1) == 0.0
    assert runway_by_month(100.0, 0.0) == math.inf
    assert (
        runway_by_month(100.0, 10.0, burn_growth_per_month=-0.1) == math.inf
    )  # 10 / 0.1 = 100: never
    assert math.isfinite(runway_by_month(99.0, 10.0, burn_growth_per_month=-0.1))
    assert runway_by_month(50.0, 10.0, proceeds=50.0) == 10.0
    with pytest.raises(ValueError, match="burn_growth_per_month"):
        runway_by_month(100.0, 10.0, burn_growth_per_month=-1.0)
    with pytest.raises(ValueError, match="cash"):
        runway_by_month(-1.0, 10.0)


def test_month_by_month_table() -> None:
    table = month_by_month(100.0, 10.0, burn_growth_per_month=0.1, months=3)
    assert table["burn"].round(6).tolist() == [10.0, 11.0, 12.1]
    assert table["cash left, by month"].round(6).tolist() == [90.0, 79.0, 66.9]
    # continuous: 100 - 10 (1.1^k - 1) / ln 1.1, less than the spreadsheet's at every month for g > 0
    assert table["cash left, continuous"].iloc[0] == pytest.approx(100 - 10 * 0.1 / math.log(1.1))
    assert (table["cash left, continuous"] < table["cash left, by month"]).all()
    flat = month_by_month(100.0, 10.0, months=2)
    assert flat["cash left, by month"].tolist() == flat["cash left, continuous"].tolist()
    for bad in (0, 1.5, True):
        with pytest.raises(ValueError, match="months"):
            month_by_month(100.0, 10.0, months=bad)  # type: ignore[arg-type]
