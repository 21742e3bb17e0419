"""Tests for helpers.revenue: worked examples from the sources, edge cases and properties."""

from __future__ import annotations

import math
import re
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import helpers as h
import helpers.revenue as rv
from helpers.params import cases, check
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
    assert (
        remainder_share(71.1, [35.1, 2.6]) == 33.4
    )  # the misprint makes "others" bigger than Hailuo


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
    g = like_period_growth(
        h.fact("minimax", "revenue", "9M2025"), h.fact("minimax", "revenue", "9M2024")
    )
    assert g == pytest.approx(53.437 / 19.45 - 1)
    assert round(g * 100) == h.value(
        "minimax", "revenue_growth_yoy", "9M2025"
    )  # the article's 175%


def test_like_period_growth_refuses_unlike_periods() -> None:
    nine = h.fact("minimax", "revenue", "9M2025")
    with pytest.raises(ValueError, match="same kind"):
        like_period_growth(nine, h.fact("minimax", "revenue", "FY2024"))
    with pytest.raises(ValueError, match="one year apart"):
        like_period_growth(
            h.fact("minimax", "revenue", "FY2025"), h.fact("minimax", "revenue", "FY2023")
        )
    with pytest.raises(ValueError, match="units differ"):
        like_period_growth(
            h.fact("zhipu", "revenue", "H1 2025"),
            replace(h.fact("zhipu", "revenue", "H1 2024"), currency="USD"),
        )


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
    assert implied_share(per_unit(part, units), units, total) == pytest.approx(
        part / total * 100, rel=1e-9
    )


# --- notebook 02: seasonality, denominators, findings ----------------------


def test_steady_growth_share_closed_form_and_edges() -> None:
    assert rv.steady_growth_share(4.0, 0, 0.5) == pytest.approx(1 / 3)
    assert rv.steady_growth_share(2.509, 0, 0.5) == pytest.approx(1 / (1 + math.sqrt(2.509)))
    assert rv.steady_growth_share(1.0, 0.25, 1.0) == pytest.approx(0.75)  # no growth: an even year
    assert (
        rv.steady_growth_share(0.5, 0, 0.5) > 0.5
    )  # shrinking revenue: the first half is the larger
    for bad in (
        (0.0, 0, 1),
        (-1.0, 0, 1),
        (2.0, 0.6, 0.5),
        (2.0, -0.1, 0.5),
        (2.0, 0, 1.1),
        (math.nan, 0, 1),
    ):
        with pytest.raises(ValueError):
            rv.steady_growth_share(*bad)


@FAST
@given(st.floats(0.05, 50.0), st.floats(0.0, 1.0))
def test_steady_growth_shares_add_up_to_the_year(g: float, cut: float) -> None:
    assert rv.steady_growth_share(g, 0, cut) + rv.steady_growth_share(g, cut, 1) == pytest.approx(
        1.0
    )


def test_per_paying_month_and_its_guards() -> None:
    assert rv.per_paying_month(37.99, 1_771_600, 9) == pytest.approx(37.99e6 / 1_771_600 / 9)
    for months in (0, -3, 2.5, True):
        with pytest.raises(ValueError, match="months"):
            rv.per_paying_month(1.0, 10, months)  # type: ignore[arg-type]


def test_split_ratio_is_the_product_of_its_parts() -> None:
    split = rv.split_ratio(15.443, 2500, 25.96, 214_000)
    assert split.ratio == pytest.approx((15.443e6 / 2500) / (25.96e6 / 214_000))
    assert split.ratio == pytest.approx(split.numerators * split.denominators)
    assert split.denominators == pytest.approx(85.6)
    with pytest.raises(ValueError, match="den_b must be positive"):
        rv.split_ratio(1, 1, 1, 0)


def test_gross_profit_shares() -> None:
    assert [round(x, 1) for x in rv.gross_profit_shares([71.1, 28.9], [4.7, 69.06])] == [14.3, 85.7]
    assert sum(rv.gross_profit_shares([84.8, 15.2], [59.1, -0.4])) == pytest.approx(100.0)
    with pytest.raises(ValueError, match="gross profit must be positive"):
        rv.gross_profit_shares([50.0, 50.0], [-10.0, 5.0])


def test_every_count_has_a_kind_label_and_reading() -> None:
    for fact_id, kind in rv.COUNT_KINDS.items():
        item = h.fact_by_id(fact_id)
        assert rv.count_kind(item) == kind and kind in rv.DENOMINATOR_KINDS
        assert fact_id in rv.COUNT_LABELS
    with pytest.raises(ValueError, match="not a count"):
        rv.count_kind(h.fact("minimax", "revenue", "9M2025"))
    with pytest.raises(ValueError, match="no recorded kind"):
        rv.count_kind(h.fact("minimax", "mau_average", "FY2023", "ai_native"))


def test_ratio_hedge_all_branches() -> None:
    assert (
        rv.ratio_hedge("over") == "at most"
        and rv.ratio_hedge("over", below_the_line=False) == "at least"
    )
    assert rv.ratio_hedge("about") == "about" and rv.ratio_hedge("") == ""
    with pytest.raises(ValueError, match="no rule"):
        rv.ratio_hedge("roughly")


def test_rates_are_shown_as_numbers_for_every_currency() -> None:
    assert (
        rv.rate_note("USD")
        == rv.rate_note("RMB")
        == "7.04 RMB per USD (dated 2025-12-21), one rate for all periods"
    )
    assert rv.rate_note("HKD").startswith(
        "7.8 HKD per USD (dated 2026-01-09) and 0.894 RMB per HKD"
    )
    assert rv.rates_table("HKD")["rate"].tolist() == ["7.8 HKD per USD", "0.894 RMB per HKD"]
    with pytest.raises(ValueError, match="USD, RMB or HKD"):
        rv.rate_note("EUR")


def test_every_documented_parameter_value_passes_its_own_check() -> None:
    defaults = {"common_currency": "USD", "tie_tolerance_pct": 5.0, "margin_match_pp": 0.5}
    check(rv.PARAMETERS, **defaults)
    for name, value in cases(rv.PARAMETERS):
        check(rv.PARAMETERS, **(defaults | {name: value}))


def test_season_and_range_words_all_branches() -> None:
    assert rv.season_words(14.4, 38.7) == "below"
    assert rv.season_words(60.0, 50.0) == "above"
    assert rv.season_words(67.6, 65.5) == "close to"
    assert rv.range_direction((7.99, 7.99), (3.16, 3.18)) == "fell"
    assert rv.range_direction((3.16, 3.18), (7.99, 7.99)) == "rose"
    assert rv.range_direction((3.0, 4.0), (3.5, 3.6)) == "held"
    assert rv._range((3.16, 3.18)) == "3.16x to 3.18x" and rv._range((2.0, 2.0)) == "2.00x"


def text(md: object) -> str:
    return str(md.data)  # type: ignore[attr-defined]


def test_finding_seasonality_both_readings() -> None:
    back = text(rv.finding_seasonality(14.4, 38.7, 67.6, 65.5))
    assert "below the 38.7%" in back and "timing" in back and "close to the 65.5%" in back
    assert "consistent with steady growth; the benchmark cannot judge a gap this small" in back
    assert "fair guide" not in back and "interims" not in back
    even = text(rv.finding_seasonality(40.0, 38.7, 80.0, 65.5))
    assert "close to the 38.7%" in even and "no smaller than growth alone" in even
    assert "above the 65.5%" in even and "same care" in even


def test_finding_growth_verdicts_follow_the_numbers() -> None:
    fy = h.fact("minimax", "revenue", "FY2025")
    q4 = [h.fact("minimax", m, "Q4 2025") for m in ("revenue", "revenue_growth_yoy")]
    up = text(rv.finding_growth(3.25, 1.51, 14.4, 64.5, fy, 25.6, 11.1, *q4))
    assert (
        "faster than the 151.0%" in up
        and "is above its last twelve" in up
        and "was larger than" in up
    )
    assert "derived as the year less its first nine months" in up
    assert (
        "agrees with the about USD 26 million that S25 reports" in up
        and "agrees with the 131% printed" in up
    )
    down = text(rv.finding_growth(1.0, 1.51, 14.4, 90.0, fy, 5.0, 11.1, *q4))
    assert (
        "slower than" in down and "is below its last twelve" in down and "was smaller than" in down
    )
    assert (
        "does not agree with the about USD 26 million" in down
        and "does not agree with the 131%" in down
    )
    tie = text(rv.finding_growth(1.51, 1.51, 14.4, fy.value, fy, 11.1, 11.1, *q4))
    assert "the same as" in tie and "is equal to" in tie and "equalled" in tie


def test_finding_mix_units_and_caveats() -> None:
    out = text(rv.finding_mix((71.4, 67.2), (7.7, 32.6), (63.7, 38.5), 71.1, 59.1))
    assert "fell 4.2 percentage points" in out and "rose 24.9 percentage points" in out
    assert (
        "The nine-month mix was not the year's" in out and "about 59% in the fourth quarter" in out
    )
    assert "seasonal artefact" not in out and "cloud" not in out
    other = text(rv.finding_mix((67.2, 71.4), (32.6, 7.7), (38.5, 63.7), 71.4, 71.4))
    assert "rose 4.2 percentage points" in other and "The nine-month mix was the year's" in other


def test_finding_payers_names_the_echo() -> None:
    printed = h.fact("minimax", "revenue_per_paying_user", "9M2025", "hailuo_ai")
    payers = h.fact("minimax", "paying_users", "9M2025", "hailuo_ai")
    users = h.fact_by_id("mm_users_2025_09_30")
    out = text(rv.finding_payers(21.45, 2.38, 9, 6.41, 0.84, 56.2, payers, printed, "USD", users))
    assert "matches the about USD 56" in out and "corroborates nothing" in out and "floor" in out
    assert (
        "would be at most 0.84%" in out and "(over 212,000,000)" in out
    )  # "over N" below the line
    plain = replace(users, qualifier="")
    assert "would be 0.84%, a nine-month" in text(
        rv.finding_payers(21.45, 2.38, 9, 6.41, 0.84, 56.2, payers, printed, "USD", plain)
    )
    assert (
        "brought in about USD 56 each" in out and "56.20" not in out
    )  # two figures over an "about" count
    assert out.count("company-stated") >= 3
    assert "misses" in text(
        rv.finding_payers(21.45, 2.38, 9, 6.41, 0.84, 60.0, payers, printed, "USD", users)
    )


def test_finding_customers_explains_the_gap_both_ways() -> None:
    customers = h.fact("minimax", "paying_customers", "9M2025", "open_platform")
    firms = h.fact("minimax", "enterprise_customers", "2025-12-31")
    gap = rv.split_ratio(15.443, customers.value, 25.96, firms.value)
    out = text(rv.finding_customers(6177.0, 121.0, gap, customers, firms, "USD"))
    assert "about 86x" in out and "back the other way by 1.68x" in out and "about USD 6,200" in out
    assert "6,177" not in out and out.count("company-stated") == 2
    assert (
        "the second's count takes in enterprise customers too" in out
        and "both overstate" not in out
    )
    wider = rv.split_ratio(30.0, customers.value, 25.96, firms.value)
    assert "further apart" in text(
        rv.finding_customers(12000.0, 121.0, wider, customers, firms, "USD")
    )


def test_finding_institutions_hedges_and_agreement() -> None:
    inst = h.fact("zhipu", "institutional_customers", "2025-06-30")
    printed = h.fact("zhipu", "top5_customers_share", "FY2024")
    out = text(rv.finding_institutions(23862.5, 57300.0, inst, 45.45, 28.4, printed, "RMB"))
    assert (
        "at most RMB 23,862" in out and "in line with the 45.5%" in out and "Neither bounds" in out
    )
    assert (
        "consistent within S18, not a check" in out
        and "FY2024's and the count is of 2025-06-30" in out
    )
    assert "company-stated" in out
    assert "out of line with the 45.5%" in text(
        rv.finding_institutions(23862.5, 57300.0, inst, 40.0, 28.4, printed, "RMB")
    )
    assert "back-loaded second half" in out
    assert "no back-loading" in text(
        rv.finding_institutions(30000.0, 57300.0, inst, 45.45, 28.4, printed, "RMB")
    )


def test_finding_margins_tolerance_and_directions() -> None:
    reported = h.fact("zhipu", "gross_margin", "H1 2025")
    printed = h.fact("minimax", "gross_margin", "unstated", "open_platform")
    gm = {
        ("minimax", "FY2024"): 12.2,
        ("minimax", "FY2025"): 25.4,
        ("zhipu", "FY2023"): 64.6,
        ("zhipu", "FY2024"): 56.3,
        ("zhipu", "H1 2025"): 50.0,
    }
    inside = text(rv.finding_margins(69.06, printed, 0.5, gm))
    assert "inside our tolerance" in inside and "rose 13.2 percentage points" in inside
    assert (
        "fell 8.3 percentage points" in inside
        and "is below FY2024's" in inside
        and "blend to" not in inside
    )
    outside = text(rv.finding_margins(69.06, printed, 0.0, gm))
    assert "outside our tolerance" in outside and "cannot place" in outside
    level = text(rv.finding_margins(69.06, printed, 0.5, gm | {("zhipu", "H1 2025"): 56.3}))
    assert "is level with FY2024's" in level
    assert reported.value == 50.0  # the blend check itself lives in notebook 01


def test_finding_losses_like_periods() -> None:
    out = text(
        rv.finding_losses(
            ((7.99, 7.99), (3.16, 3.18)),
            ((22.94, 22.94), (9.18, 9.18)),
            ((4.99, 4.99), (7.89, 7.89)),
            14.4,
        )
    )
    assert (
        "adjusted net loss as a multiple of revenue fell from 7.99x in FY2024" in out
        and "3.16x to 3.18x" in out
        and "rose from 4.99x" in out
        and "2.9x" in out
    )
    assert "base held only 14.4% of its year" in out and "no trend" in out


def test_customer_worth_verdict_does_not_depend_on_the_display_currency() -> None:
    hedges = ("at most", "about")
    masked = {
        re.sub(
            r"[\d.,]+", "#", text(rv.finding_customer_worth(4775.0, 686.3, cur, 5.0, *hedges))
        ).replace(cur, "CUR")
        for cur in ("USD", "RMB", "HKD")
    }
    assert len({m.split("Taken at")[0] for m in masked}) == 1, masked
    tie = text(rv.finding_customer_worth(4775.0, 686.3, "HKD", 5.0, *hedges))
    assert (
        "is at most level with" in tie
        and "about the same" not in tie
        and "inside the tie band of 5.0% for one constant rate: a tie, so neither is called larger."
        in tie
        and "neither a floor nor a ceiling" in tie
    )
    assert "about USD 690 a month" in text(
        rv.finding_customer_worth(4775.0, 686.3, "USD", 5.0, *hedges)
    )
    apart = text(rv.finding_customer_worth(4775.0, 686.3, "HKD", 0.0, *hedges))
    assert "is less than" in apart and "outside the tie band" in apart and "a tie at" not in apart
    assert "is not rankable against" in text(
        rv.finding_customer_worth(6000.0, 686.3, "RMB", 1.0, *hedges)
    )
    assert "is more than" in text(rv.finding_customer_worth(6000.0, 686.3, "RMB", 1.0, "", "about"))


def test_bounded_compare_every_branch() -> None:
    bc = rv.bounded_compare
    assert bc(1.0, "", 2.0, "", rel_tol=0.0) == "less than"
    assert (
        bc(1.0, "at most", 2.0, "at least", rel_tol=0.0) == "less than"
    )  # a ceiling below a floor
    assert bc(1.0, "at least", 2.0, "", rel_tol=0.0) == "not rankable against"
    assert bc(1.0, "", 2.0, "at most", rel_tol=0.0) == "not rankable against"
    assert bc(2.0, "", 1.0, "about", rel_tol=0.0) == "more than"
    assert bc(2.0, "at most", 1.0, "", rel_tol=0.0) == "not rankable against"
    assert bc(2.0, "", 1.0, "at least", rel_tol=0.0) == "not rankable against"
    assert bc(678.0, "at most", 686.0, "about", rel_tol=0.05) == "at most level with"
    assert bc(1.0, "", 1.0, "at least", rel_tol=0.0) == "at most level with"
    assert bc(1.0, "at least", 1.0, "", rel_tol=0.0) == "at least level with"
    assert bc(1.0, "", 1.0, "at most", rel_tol=0.0) == "at least level with"
    assert bc(1.0, "at most", 1.0, "at most", rel_tol=0.0) == "not rankable against"
    assert bc(1.0, "about", 1.01, "about", rel_tol=0.05) == "about the same as"


def test_precision_follows_the_count() -> None:
    assert rv.hedged_amount(6177.3, "about") == "6,200" and rv.hedged_amount(56.19, "about") == "56"
    assert rv.hedged_amount(6177.3, "") == "6,177" and rv.hedged_amount(56.19, "over") == "56.19"
    assert rv.hedged_times(50.93, "about") == "about 51x" and rv.hedged_times(50.93, "") == "50.9x"
    with pytest.raises(ValueError, match="finite"):
        rv.hedged_amount(math.nan, "about")


def test_company_stated_marks_counts_only() -> None:
    assert rv.company_stated(h.fact("minimax", "enterprise_customers", "2025-12-31"))
    assert not rv.company_stated(h.fact("minimax", "revenue", "9M2025"))


def test_gross_profit_words() -> None:
    assert rv._all_or_share(100.1, -0.4) == "all" and rv._all_or_share(100.0, 0.0) == "all"
    assert rv._all_or_share(85.7, 4.7) == "86%"
    assert (
        rv._where(84.8) == "where most of its revenue is"
        and rv._where(28.9) == "where most of its revenue is not"
    )
    assert rv._where(50.0) == "in a segment with half its revenue"


def test_titles_and_takeaways_carry_their_numbers() -> None:
    shares = {
        "Talkie / Xingye": 35.1,
        "Hailuo AI": 32.6,
        rv.OTHER_AI_NATIVE: 3.4,
        rv.OPEN_PLATFORM_SEGMENT: 28.9,
    }
    assert "67.7%" in rv.split_title(shares) and "3.4%" in rv.split_title(shares)
    assert "fell 4.2 percentage points" in rv.mix_title((71.4, 67.2))
    assert "below the 38.7%" in rv.season_title(14.4, 38.7, 67.6, 65.5)
    title = rv.profit_title(84.8, 100.1, -0.4, 28.9, 85.7)
    assert "earned all of Zhipu's gross profit" in title and "-0.4%" in title and "86%" in title
    assert "computed" in title and "100%" not in title
    assert "earned 97% of Zhipu's" in rv.profit_title(84.8, 97.0, 2.0, 28.9, 85.7)
    out = text(
        rv.takeaways(
            h1_share=14.4,
            h1_steady=38.7,
            growth={"MiniMax": (1.589, "FY2024 to FY2025")},
            h1_growth=3.25,
            hailuo=(7.7, 32.6),
            native=(71.4, 67.2),
            per_month=2.38,
            per_9m=6177.0,
            per_fy=121.0,
            gap=50.9,
            denominators=85.6,
            zp_profit=(84.8, 100.1, -0.4),
            op_profit=85.7,
            op_share=28.9,
            currency="USD",
            customers_hedge="about",
        )
    )
    assert out.count("\n") == 4 and "at least USD 2.38" in out and "about USD 6,200" in out
    assert "consistent with late acceptances" in out and "because on-premise" not in out
    assert (
        "(our explanation, a typical pattern for project sales" in out
        and "the company describes" not in out
    )
    assert "06_one_year_on.ipynb#was-zhipus-year-as-back-loaded-as-the-prospectus-suggested" in out
    assert "latest full years in this notebook's window" in out
    assert "earned all of its gross profit" in out and "sits where most of its revenue is;" in out
    assert "sits where the revenue does not" not in out and "about 51x" in out


def test_tables_refuse_mismatched_input_and_carry_hedges() -> None:
    rev = h.fact("minimax", "revenue", "9M2025")
    with pytest.raises(ValueError, match="one amount and one citation"):
        rv.segment_table({"a": 50.0}, {"a": 1.0}, rev, [])
    inst = h.fact("zhipu", "institutional_customers", "2025-06-30")
    table = rv.per_unit_table([("per institution", "H1 2025", 190.9, "RMB", inst)], "HKD")
    assert table["value"].item().startswith("at most RMB 23,862") and table[
        "in HKD"
    ].item().startswith("at most HKD")
    assert table["denominator"].item().endswith("(count at one date; company-stated)")
    payers = h.fact("minimax", "paying_users", "9M2025", "hailuo_ai")
    table = rv.per_unit_table([("per payer", "9M2025", 17.42, "USD", payers)], "USD")
    assert table["value"].item() == "about USD 56" and table["in USD"].item() == "about USD 56"
    counts = rv.denominator_table([inst])
    assert counts["company-stated"].item() == "yes: a management claim"
    table = rv.multiples_table({"zhipu": ["H1 2024"], "minimax": ["FY2025"]})
    assert (
        table["R&D / revenue"].tolist()[0] == "not in data"
        and " to " in table["adjusted net loss / revenue"][1]
    )
    growth = rv.growth_table(
        [
            (
                h.fact("zhipu", "revenue", "H1 2025"),
                h.fact("zhipu", "revenue", "H1 2024"),
                h.fact("zhipu", "revenue", "FY2024"),
            )
        ],
        {},
    )
    assert growth["prior period is"].item() == "14.4% of its year"
