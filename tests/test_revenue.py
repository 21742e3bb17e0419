"""Tests for helpers.revenue: worked examples from the sources, edge cases and properties."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import helpers as h
from helpers.revenue import (
    amounts_from_shares,
    blended_margin,
    implied_share,
    like_period_growth,
    multiple,
    other_segment_margin,
    per_unit,
    remainder_share,
)

FAST = settings(max_examples=200, deadline=None)


# --- worked examples -------------------------------------------------------


def test_other_ai_native_is_the_remainder() -> None:
    assert remainder_share(71.1, [35.1, 32.6]) == 3.4
    assert remainder_share(71.1, [35.1, 2.6]) == 33.4  # the misprint makes "others" bigger than Hailuo


def test_remainder_refuses_parts_over_the_total() -> None:
    with pytest.raises(ValueError, match="sum to more than the total"):
        remainder_share(71.1, [35.1, 40.0])
    assert remainder_share(10.0, [10.05], tolerance_pp=0.1) == 0.0


def test_segment_amounts_add_up_to_revenue() -> None:
    shares = {"talkie": 35.1, "hailuo": 32.6, "other": 3.4, "open": 28.9}
    amounts = amounts_from_shares(53.437, shares)
    assert sum(amounts.values()) == pytest.approx(53.437)
    assert amounts["open"] == pytest.approx(15.443, abs=1e-3)


def test_amounts_refuse_shares_over_100() -> None:
    with pytest.raises(ValueError, match="over 100"):
        amounts_from_shares(10.0, {"a": 60.0, "b": 40.2})
    with pytest.raises(ValueError, match="negative"):
        amounts_from_shares(10.0, {"a": -1.0})


def test_hailuo_payers_imply_the_prospectus_share() -> None:
    assert implied_share(56, 310_000, 53.437) == pytest.approx(32.49, abs=0.01)
    assert per_unit(53.437 * 0.326, 310_000) == pytest.approx(56.19, abs=0.01)


def test_per_unit_and_multiple() -> None:
    assert per_unit(15.443, 2500) == pytest.approx(6177.2)
    assert multiple(186, 53.437) == pytest.approx(3.4807, abs=1e-4)
    assert multiple(180, 53.437) == pytest.approx(3.37, abs=0.005)  # the article's 3.37
    with pytest.raises(ValueError, match="units must be positive"):
        per_unit(1.0, 0)
    with pytest.raises(ValueError, match="positive denominator"):
        multiple(1.0, 0.0)
    with pytest.raises(ValueError, match="finite"):
        multiple(float("nan"), 1.0)


def test_like_period_growth_on_the_data() -> None:
    g = like_period_growth(h.fact("minimax", "revenue", "9M2025"), h.fact("minimax", "revenue", "9M2024"))
    assert g == pytest.approx(53.437 / 19.45 - 1)
    assert round(g * 100) == h.value("minimax", "revenue_growth_yoy", "9M2025")  # the article's 175%


def test_like_period_growth_refuses_unlike_periods() -> None:
    nine = h.fact("minimax", "revenue", "9M2025")
    with pytest.raises(ValueError, match="same kind"):
        like_period_growth(nine, h.fact("minimax", "revenue", "FY2024"))
    with pytest.raises(ValueError, match="one year apart"):
        like_period_growth(h.fact("minimax", "revenue", "FY2025"), h.fact("minimax", "revenue", "FY2023"))
    with pytest.raises(ValueError, match="units differ"):
        like_period_growth(h.fact("zhipu", "revenue", "H1 2025"), replace(h.fact("zhipu", "revenue", "H1 2024"), currency="USD"))


def test_margins() -> None:
    assert blended_margin([84.8, 15.2], [59.1, -0.4]) == pytest.approx(50.06, abs=0.01)
    assert other_segment_margin(23.3, 71.1, 4.7) == pytest.approx(69.06, abs=0.01)
    with pytest.raises(ValueError, match="below 100"):
        other_segment_margin(20.0, 100.0, 5.0)
    with pytest.raises(ValueError, match="one margin per share"):
        blended_margin([50.0], [1.0, 2.0])


# --- properties ------------------------------------------------------------

share = st.floats(0.0, 100.0)
margin = st.floats(-100.0, 100.0)


@FAST
@given(share, share, share)
def test_remainder_plus_parts_is_total(total: float, a: float, b: float) -> None:
    if a + b <= total:
        assert remainder_share(total, [a, b]) + a + b == pytest.approx(total, abs=1e-8)


@FAST
@given(st.floats(0.0, 99.0), margin, margin)
def test_other_margin_inverts_blended(s: float, m_known: float, m_other: float) -> None:
    blended = blended_margin([s, 100 - s], [m_known, m_other])
    assert other_segment_margin(blended, s, m_known) == pytest.approx(m_other, abs=1e-6)


@FAST
@given(st.floats(0.01, 1e4), st.floats(1.0, 1e8), st.floats(0.01, 1e4))
def test_implied_share_and_per_unit_are_inverse(total: float, units: float, part: float) -> None:
    assert implied_share(per_unit(part, units), units, total) == pytest.approx(part / total * 100, rel=1e-9)
