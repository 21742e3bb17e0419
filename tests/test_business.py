"""Tests for helpers.business: worked examples from the data, bad input, and properties."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import helpers as h
from helpers.business import scale_steps, share_of

FAST = settings(max_examples=200, deadline=None)


def test_share_of_top_five_matches_s18() -> None:
    assert share_of(142, 312.4) == pytest.approx(45.4545, abs=1e-4)
    assert round(share_of(142, 312.4), 1) == 45.5  # S18 prints 45.5%


def test_share_of_rejects_bad_input() -> None:
    with pytest.raises(ValueError, match="total must be positive, got -1"):
        share_of(1.0, -1.0)
    with pytest.raises(ValueError, match="part must be a finite number, got nan"):
        share_of(float("nan"), 1.0)


def test_scale_steps_with_data() -> None:
    zp, mm = h.fact("zhipu", "revenue", "H1 2025"), h.fact("minimax", "revenue", "9M2025")
    steps = scale_steps(zp, mm, "USD")
    assert steps["step"].tolist() == ["as_reported", "one_currency", "monthly_run_rate"]
    usd_rmb = float(h.rate("USD", "RMB")["factor"])
    assert steps["ratio"].iloc[0] == pytest.approx(53.437 / 190.9)
    assert steps["ratio"].iloc[1] == pytest.approx(53.437 * usd_rmb / 190.9)
    assert steps["ratio"].iloc[2] == pytest.approx((53.437 / 9) / (190.9 / usd_rmb / 6))
    assert steps["first_unit"].iloc[0] == "RMB million, H1 2025"
    assert steps["second_unit"].iloc[2] == "USD million a month (over 9 months)"


def test_scale_steps_same_period_and_currency_gives_one_ratio() -> None:
    zp = h.fact("zhipu", "revenue", "FY2024")
    steps = scale_steps(zp, zp, "RMB")
    assert steps["ratio"].tolist() == [1.0, 1.0, 1.0]


def test_scale_steps_rejects_non_money() -> None:
    share = h.fact("minimax", "revenue_share_region", "9M2025", "mainland_china")
    with pytest.raises(ValueError, match="mm_share_mainland_9m2025"):
        scale_steps(share, h.fact("zhipu", "revenue", "H1 2025"), "USD")


def test_scale_steps_rejects_unknown_currency() -> None:
    with pytest.raises(h.FactLookupError, match="EUR"):
        scale_steps(h.fact("zhipu", "revenue", "H1 2025"), h.fact("minimax", "revenue", "9M2025"), "EUR")


@FAST
@given(st.floats(0.0, 1e6), st.floats(0.01, 1e6))
def test_share_of_is_proportional(part: float, total: float) -> None:
    assert share_of(part, total) * total == pytest.approx(part * 100, rel=1e-9, abs=1e-9)
    assert share_of(total, total) == pytest.approx(100.0)
