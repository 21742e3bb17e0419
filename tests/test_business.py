"""Tests for helpers.business: worked examples from the sources, bad input, and properties."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import helpers as h
from helpers.business import (
    blended_margin,
    implied_margin,
    multiple,
    rest_of_whole,
    revenue_per_unit,
    scale_steps,
    segment_amount,
    share_of,
)

FAST = settings(max_examples=200, deadline=None)
share_st = st.floats(0.0, 99.0)
margin_st = st.floats(-100.0, 100.0)


# --- worked examples from the data --------------------------------------------


def test_rest_of_whole_regions() -> None:
    assert rest_of_whole(88.39) == pytest.approx(11.61)
    assert rest_of_whole(26.95) == pytest.approx(73.05)
    assert abs(rest_of_whole(26.95) - 73.1) <= 0.05 + 1e-9  # agrees with S4's overseas share


def test_segment_amount_and_share_of() -> None:
    assert segment_amount(53.437, 28.9) == pytest.approx(15.443293)
    assert share_of(142, 312.4) == pytest.approx(45.4545, abs=1e-4)  # S18 prints 45.5%


def test_revenue_per_unit_hailuo_matches_s3() -> None:
    per_user = revenue_per_unit(segment_amount(53.437, 32.6), 310_000)
    assert per_user == pytest.approx(56.19, abs=0.01)
    assert round(per_user) == 56  # S3's "about USD 56"
    assert revenue_per_unit(190.9, 8000) == 23862.5


def test_blended_margin_reproduces_reported_totals() -> None:
    assert round(blended_margin([(84.8, 59.1), (15.2, -0.4)]), 1) == 50.1  # Zhipu H1 2025, reported 50.0
    assert round(blended_margin([(71.1, 4.7), (28.9, 69.4)]), 1) == 23.4  # MiniMax 9M2025, reported 23.3


def test_implied_margin_examples() -> None:
    assert implied_margin(56.3, 84.5, 66.0) == pytest.approx(3.4194, abs=1e-4)
    assert implied_margin(50.0, 84.8, 59.1) == pytest.approx(-0.7684, abs=1e-4)


def test_multiple() -> None:
    assert multiple(4240.2, 53.437 / 9 * 12) == pytest.approx(59.51, abs=0.01)


def test_scale_steps_with_data() -> None:
    zp, mm = h.fact("zhipu", "revenue", "H1 2025"), h.fact("minimax", "revenue", "9M2025")
    steps = scale_steps(zp, mm, "USD")
    assert steps["step"].tolist() == ["as_reported", "one_currency", "monthly_run_rate"]
    usd_rmb = float(h.rate("USD", "RMB")["factor"])
    assert steps["ratio"].iloc[0] == pytest.approx(53.437 / 190.9)
    assert steps["ratio"].iloc[1] == pytest.approx(53.437 * usd_rmb / 190.9)
    assert steps["ratio"].iloc[2] == pytest.approx((53.437 / 9) / (190.9 / usd_rmb / 6))
    assert steps["first_unit"].iloc[0] == "RMB million, H1 2025"


# --- bad input -------------------------------------------------------------------


@pytest.mark.parametrize("bad", [-0.1, 100.1, float("nan"), float("inf")])
def test_rest_of_whole_rejects_bad_share(bad: float) -> None:
    with pytest.raises(ValueError, match="share_pct"):
        rest_of_whole(bad)


def test_revenue_per_unit_rejects_zero_count() -> None:
    with pytest.raises(ValueError, match="count must be positive, got 0"):
        revenue_per_unit(1.0, 0)


def test_blended_margin_rejects_shares_not_summing_to_100() -> None:
    with pytest.raises(ValueError, match="sum to 100, got 90"):
        blended_margin([(80.0, 10.0), (10.0, 20.0)])
    with pytest.raises(ValueError, match="got none"):
        blended_margin([])


def test_implied_margin_rejects_whole_share() -> None:
    with pytest.raises(ValueError, match="no other segment"):
        implied_margin(50.0, 100.0, 50.0)


def test_multiple_and_share_of_reject_nonpositive_denominator() -> None:
    with pytest.raises(ValueError, match="denominator must be positive, got 0"):
        multiple(1.0, 0.0)
    with pytest.raises(ValueError, match="total must be positive, got -1"):
        share_of(1.0, -1.0)


def test_scale_steps_rejects_non_money() -> None:
    share = h.fact("minimax", "revenue_share_region", "9M2025", "mainland_china")
    with pytest.raises(ValueError, match="mm_share_mainland_9m2025"):
        scale_steps(share, h.fact("zhipu", "revenue", "H1 2025"), "USD")


# --- properties ------------------------------------------------------------------


@FAST
@given(share_st, margin_st, margin_st)
def test_implied_margin_inverts_blended_margin(share: float, known: float, other: float) -> None:
    total = blended_margin([(share, known), (100 - share, other)])
    assert implied_margin(total, share, known) == pytest.approx(other, abs=1e-6)


@FAST
@given(share_st, margin_st, margin_st)
def test_blended_margin_lies_between_segment_margins(share: float, a: float, b: float) -> None:
    total = blended_margin([(share, a), (100 - share, b)])
    assert min(a, b) - 1e-9 <= total <= max(a, b) + 1e-9


@FAST
@given(st.floats(0.0, 1e6), share_st)
def test_segments_add_back_to_total(total: float, share: float) -> None:
    assert segment_amount(total, share) + segment_amount(total, rest_of_whole(share)) == pytest.approx(total)


@FAST
@given(st.floats(0.01, 1e6), st.floats(1.0, 1e9), st.floats(1.0, 1e9))
def test_more_customers_never_raise_revenue_per_customer(revenue: float, n: float, extra: float) -> None:
    assert revenue_per_unit(revenue, n + extra) <= revenue_per_unit(revenue, n)
