"""Tests for helpers.aftermath: worked examples from the data, edge cases, properties,
and proof that a Zhipu FY2025 row, once added to data/, is picked up."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import aftermath as am

FAST = settings(max_examples=200, deadline=None)


# --- worked examples -----------------------------------------------------------


def test_market_cap_at_offer_matches_zhipu_reported_floor() -> None:
    # First-day HK$57.9 billion at HK$131.50, scaled to the HK$116.20 offer price.
    at_offer = am.market_cap_at(116.20, 57900, 131.50)
    assert at_offer == pytest.approx(57900 * 116.20 / 131.50)
    assert at_offer > 51100  # the reported "over HK$51.1 billion"


def test_market_cap_at_reference_price_is_reference() -> None:
    assert am.market_cap_at(345, 105400, 345) == 105400


def test_minimax_full_year_revenue_check() -> None:
    c = am.full_year_check(53.437, 9, 79.038)
    assert c.run_rate == pytest.approx(53.437 * 12 / 9)
    assert c.remainder == pytest.approx(25.601)
    assert c.remainder_months == 3
    assert c.surprise == pytest.approx(79.038 / 71.24933 - 1, rel=1e-6)
    assert c.remainder_vs_interim_pace == pytest.approx(25.601 / 3 / (53.437 / 9) - 1)


def test_compare() -> None:
    c = am.compare(73, 72)
    assert c.difference == 1
    assert c.relative == pytest.approx(1 / 72)
    assert c.agrees(0.02) and not c.agrees(0.01)


# --- bad input names the value ---------------------------------------------------


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: am.market_cap_at(0, 1, 1), "price must be > 0, got 0"),
        (lambda: am.market_cap_at(1, 1, float("nan")), "reference_price must be finite"),
        (
            lambda: am.full_year_check(10, 12, 20),
            "interim_months must be a whole number from 1 to 11, got 12",
        ),
        (lambda: am.full_year_check(10, 4.5, 20), "got 4.5"),
        (lambda: am.full_year_check(0, 6, 20), "interim must be > 0, got 0"),
        (lambda: am.compare(1, 0), "reported must be non-zero"),
        (lambda: am.market_cap_at("x", 1, 1), "price must be a real number, got 'x'"),
    ],
)
def test_errors_name_the_value(call: object, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        call()  # type: ignore[operator]


# --- properties ------------------------------------------------------------------


@FAST
@given(
    st.floats(0.01, 1e4),
    st.floats(0.01, 1e6),
    st.floats(0.01, 1e4),
    st.floats(0.01, 1e4),
)
def test_market_cap_is_proportional_to_price(p1: float, m: float, r: float, p2: float) -> None:
    a, b = am.market_cap_at(p1, m, r), am.market_cap_at(p2, m, r)
    assert a / b == pytest.approx(p1 / p2, rel=1e-9)
    # the implied share count is the same at every price
    assert a / p1 == pytest.approx(m / r, rel=1e-9)


@FAST
@given(st.floats(0.01, 1e4), st.integers(1, 11), st.floats(0.0, 3.0))
def test_run_rate_and_remainder_add_up(interim: float, months: int, growth: float) -> None:
    full = interim * (1 + growth)
    c = am.full_year_check(interim, months, full)
    assert c.interim + c.remainder == pytest.approx(full)
    assert c.run_rate == pytest.approx(interim * 12 / months)
    # beating the run-rate means the remainder runs faster than the interim pace
    if abs(c.surprise) > 1e-9:
        assert (c.surprise > 0) == (c.remainder_vs_interim_pace > 0)


# --- data lookups ------------------------------------------------------------------


def test_find_returns_none_for_missing_and_fact_for_present() -> None:
    assert am.find("minimax", "revenue", "FY2025") is not None
    assert am.find("minimax", "revenue", "FY1999") is None


def test_latest_ltm_from_data() -> None:
    mm = am.latest_ltm("minimax", "revenue", 2025)
    assert mm.label == "LTM to 9M2025"
    assert mm.value == pytest.approx(30.523 - 19.45 + 53.437)
    assert mm.currency == "USD"
    zp = am.latest_ltm("zhipu", "revenue", 2025)
    assert zp.label == "LTM to H1 2025"
    assert zp.value == pytest.approx(312.4 - 44.9 + 190.9)
    with pytest.raises(LookupError, match="no pair of interims"):
        am.latest_ltm("minimax", "revenue", 2024)


def test_full_year_check_for_minimax_and_missing_zhipu() -> None:
    found = am.full_year_check_for("minimax", "rd_expense", "9M2025")
    assert found is not None
    check, interim, full = found
    assert (interim.fact_id, full.fact_id) == ("mm_rd_9m2025", "mm_rd_fy2025")
    assert check.remainder == pytest.approx(73)
    if am.period_rows("zhipu", "FY2025").empty:
        assert am.full_year_check_for("zhipu", "revenue", "H1 2025") is None


def test_zhipu_fy2025_row_is_picked_up_once_added() -> None:
    """Zhipu's FY2025 results, added to data/ with notebook 06, flow through without code changes."""
    assert not am.period_rows("zhipu", "FY2025").empty
    found = am.full_year_check_for("zhipu", "revenue", "H1 2025")
    assert found is not None
    check, _, full = found
    assert full.fact_id == "zp_revenue_fy2025"
    assert check.run_rate == pytest.approx(190.9 * 2)
    assert check.remainder == pytest.approx(724.334 - 190.9)


def test_only_and_series() -> None:
    assert am.only("minimax", "offer_price").value == 165
    with pytest.raises(LookupError, match="expected one reported minimax/market_cap_close"):
        am.only("minimax", "market_cap_close")  # low and high rows
    prices = am.series("zhipu", "share_price")
    assert [p.period_label for p in prices] == ["2026-02", "2026-02", "2026-03-27"]
    assert [p.breakdown for p in prices] == ["high", "later", ""]
    caps = am.series("minimax", "market_cap_close", currency="HKD")
    assert sorted(c.breakdown for c in caps) == ["high", "low"]


def test_to_facts_keeps_order_and_values() -> None:
    from helpers.facts import facts_table

    rows = facts_table(company="zhipu", metric="share_price")
    items = am.to_facts(rows)
    assert [i.fact_id for i in items] == rows["fact_id"].tolist()
    assert all(isinstance(i.value, float) for i in items)
