"""Tests for helpers.yearon (notebook 06): the maths from the data, every branch of every verdict,
the refusal to mix management claims with reported figures, and bad input."""

from __future__ import annotations

import math

import pandas as pd
import pytest

import helpers as h
from helpers import yearon as yo
from helpers.params import cases, check

ZP, MM = "zhipu", "minimax"


def text(markdown: object) -> str:
    return str(getattr(markdown, "data", markdown))


# --------------------------------------------------------------------------- parameters


def test_parameters_defaults_and_every_case_pass_the_spec() -> None:
    defaults = {
        "exit_price_to_sales": 10.0,
        "horizon_years": 5,
        "required_return": 0.15,
        "burn_growth_per_month": 0.0,
        "display_currency": "USD",
    }
    check(yo.PARAMETERS, **defaults)
    for name, value in cases(yo.PARAMETERS):
        check(yo.PARAMETERS, **(defaults | {name: value}))


def test_parameters_reject_a_bad_value() -> None:
    with pytest.raises(h.params.ParameterError, match="display_currency"):
        check(
            yo.PARAMETERS,
            exit_price_to_sales=10.0,
            horizon_years=5,
            required_return=0.15,
            burn_growth_per_month=0.0,
            display_currency="EUR",
        )


# --------------------------------------------------------------------------- labelled figures


def test_figure_converts_and_keeps_sureness() -> None:
    arr = yo.figure(h.fact(ZP, "arr", "2026-09", "api"), "RMB")
    assert arr.is_claim and arr.currency == "RMB" and arr.value == pytest.approx(1800 * 7.04)
    revenue = yo.figure(h.fact(ZP, "revenue", "FY2025"))
    assert not revenue.is_claim and revenue.sureness == "F+" and revenue.currency == "RMB"
    share = yo.figure(h.fact(ZP, "revenue_share_segment", "H1 2026", "cloud"), "USD")
    assert share.currency == "" and share.value == 86.5  # not money: never converted


def test_ratio_and_total_of_reported_figures() -> None:
    a, b = yo.derived(10.0, "USD", ["S1"]), yo.derived(4.0, "USD", ["S40", "S2"])
    r = yo.ratio(a, b)
    assert r.value == 2.5 and r.sureness == "D" and r.sources == ("S1", "S2", "S40")
    assert yo.total([a, b]).value == 14.0
    assert yo.claim_label(r) == ""


def test_a_claim_never_mixes_with_reported_figures_unless_asked() -> None:
    reported = yo.derived(1000.0, "USD")
    claim = yo.figure(h.fact(MM, "arr", "2026-08"))
    with pytest.raises(yo.ClaimMixError, match="allow_claims=True"):
        yo.ratio(reported, claim)
    with pytest.raises(yo.ClaimMixError):
        yo.ratio(claim, reported)
    with pytest.raises(yo.ClaimMixError):
        yo.total([reported, claim])
    mixed = yo.ratio(reported, claim, allow_claims=True)
    assert mixed.is_claim and mixed.value == pytest.approx(1.25)
    assert "not audited" in yo.claim_label(mixed)
    assert yo.total([reported, claim], allow_claims=True).is_claim
    # claims among themselves need no permission, and stay claims
    assert yo.ratio(claim, claim).is_claim


def test_ratio_and_total_reject_bad_input() -> None:
    with pytest.raises(ValueError, match="one currency"):
        yo.ratio(yo.derived(1.0, "USD"), yo.derived(1.0, "RMB"))
    with pytest.raises(ValueError, match="non-zero"):
        yo.ratio(yo.derived(1.0, "USD"), yo.derived(0.0, "USD"))
    with pytest.raises(ValueError, match="at least one"):
        yo.total([])
    with pytest.raises(ValueError, match="one currency"):
        yo.total([yo.derived(1.0, "USD"), yo.derived(1.0, "RMB")])
    with pytest.raises(ValueError, match="finite"):
        yo.derived(math.nan)


# --------------------------------------------------------------------------- periods


def test_second_half_from_the_data() -> None:
    fy, h1 = h.fact(ZP, "revenue", "FY2025"), h.fact(ZP, "revenue", "H1 2025")
    assert yo.second_half(fy, h1) == pytest.approx(724.334 - 190.9)
    assert yo.second_half_share(fy, h1) == pytest.approx((724.334 - 190.9) / 724.334 * 100)
    assert yo.run_rate_multiple(fy, h1) == pytest.approx(724.334 / 381.8)


def test_second_half_rejects_mismatched_periods() -> None:
    fy, h1_24 = h.fact(ZP, "revenue", "FY2025"), h.fact(ZP, "revenue", "H1 2024")
    with pytest.raises(ValueError, match="same year"):
        yo.second_half(fy, h1_24)
    with pytest.raises(ValueError, match="first half"):
        yo.second_half(h.fact(MM, "revenue", "FY2025"), h.fact(MM, "revenue", "Q4 2025"))
    with pytest.raises(ValueError, match="units or currencies"):
        yo.second_half(h.fact(MM, "revenue", "FY2025"), h.fact(MM, "gross_margin", "H1 2025"))


def test_second_half_rejects_non_positive_totals() -> None:
    fy, h1 = h.fact(ZP, "revenue", "FY2025"), h.fact(ZP, "revenue", "H1 2025")
    zero = h.Fact(**{**fy.__dict__, "value": 0.0})
    with pytest.raises(ValueError, match="positive"):
        yo.second_half_share(zero, h1)
    with pytest.raises(ValueError, match="positive"):
        yo.run_rate_multiple(fy, h.Fact(**{**h1.__dict__, "value": 0.0}))


# --------------------------------------------------------------------------- market value and valuation


def test_share_count_in_force_and_market_value_path() -> None:
    counts = {"2026-01-08": 100.0, "2026-07-13": 150.0}
    assert yo.shares_in_force("2026-07-12", counts) == 100.0
    assert yo.shares_in_force("2026-07-13", counts) == 150.0
    with pytest.raises(ValueError, match="no share count"):
        yo.shares_in_force("2026-01-07", counts)
    path = yo.market_value_path(ZP, {"2026-01-08": 1e6, "2026-07-13": 2e6})
    first = path.iloc[0]
    assert first["market_value"] == pytest.approx(
        131.5
    )  # 131.5 HKD x 1 million shares, in millions
    after = path[path["date"] >= pd.Timestamp("2026-07-13")].iloc[0]
    assert after["shares"] == 2e6
    with pytest.raises(ValueError, match="no prices"):
        yo.market_value_path("hkex", counts)


def test_close_on() -> None:
    assert yo.close_on(ZP, "2026-06-30") == 2104.0
    with pytest.raises(ValueError, match="no close"):
        yo.close_on(ZP, "2026-06-28")  # a Sunday


def test_market_value_matches_the_first_day_report() -> None:
    """Independent check: the first close times the listing count equals the press's market value (S23)."""
    listing = h.value(ZP, "shares_in_issue", "2026-02-04") - h.value(
        ZP, "over_allotment_shares", "2026-02-04"
    )
    value = yo.market_value(yo.close_on(ZP, "2026-01-08"), listing)
    assert value == pytest.approx(h.value(ZP, "market_cap_close", "2026-01-08"), rel=0.005)


def test_reverse_valuation_round_trip() -> None:
    required = yo.required_revenue(1000.0, 10.0, 5, 0.15)
    assert required == pytest.approx(1000 * 1.15**5 / 10)
    g = yo.implied_growth(required, 100.0, 5)
    assert 100 * (1 + g) ** 5 == pytest.approx(required)
    assert yo.implied_growth(400, 100, 2) == pytest.approx(1.0)
    assert yo.implied_growth(50, 100, 1) == pytest.approx(-0.5)
    with pytest.raises(ValueError):
        yo.required_revenue(1000.0, 0.0, 5, 0.15)
    with pytest.raises(ValueError):
        yo.implied_growth(100, 0.0, 5)


def test_wvr_vote_share() -> None:
    assert yo.wvr_vote_share(1, 9) == pytest.approx(10 / 19)
    assert yo.wvr_vote_share(1, 9, 1) == pytest.approx(0.1)
    assert yo.wvr_vote_share(0, 5) == 0.0
    with pytest.raises(ValueError, match="both be zero"):
        yo.wvr_vote_share(0, 0)
    # more class A shares always lower the class B votes, but less than the economic share
    before, after = yo.wvr_vote_share(81.1, 268.1), yo.wvr_vote_share(81.1, 287.5)
    assert after < before
    assert before / after < (81.1 / 349.2) / (81.1 / 368.6)


# --------------------------------------------------------------------------- verdict words


def test_verdict_every_branch() -> None:
    assert yo.verdict(testable=False, holds=True) == "not testable"
    assert yo.verdict(testable=False, holds=False) == "not testable"
    assert yo.verdict(testable=True, holds=True) == "borne out"
    assert yo.verdict(testable=True, holds=False) == "not borne out"
    assert (
        yo.verdict(testable=True, holds=False, held_before=True)
        == "borne out for 2025, no longer true"
    )
    assert yo.verdict(testable=True, holds=True, held_before=True) == "borne out"
    assert yo.verdict(testable=True, holds=False, held_before=False) == "not borne out"
    assert yo.verdict(testable=False, holds=False, held_before=True) == "not testable"


def test_surest_prefers_filing_rows_and_leaves_fact_alone() -> None:
    assert yo.surest(ZP, "revenue", "H1 2025").value == 190.877  # F, the interim's comparative
    assert h.fact(ZP, "revenue", "H1 2025").value == 190.9  # notebooks 00-05 unchanged
    assert yo.surest_value(MM, "cash_resources_total", "2025-12-31") == 1050.3  # F+ over M's 1050
    assert (
        yo.surest(ZP, "capital_expenditure", "FY2025").value == 23.088
    )  # tie on F: the reported row
    assert (
        yo.sureness_rank("F+")
        < yo.sureness_rank("F")
        < yo.sureness_rank("M")
        < yo.sureness_rank("IP")
    )
    assert yo.sureness_rank("F", "reported") < yo.sureness_rank("F", "alternative")
    with pytest.raises(ValueError, match="unknown sureness"):
        yo.sureness_rank("X")
    with pytest.raises(ValueError, match="no reported or alternative row"):
        yo.surest(ZP, "revenue", "FY1999")


def test_mix_rate_adds_up_and_rejects_bad_input() -> None:
    mix, rate_effect = yo.mix_rate([84.8, 15.2], [59.1, -0.4], [13.5, 86.5], [37.9, 24.6])
    before, after = (84.8 * 59.1 + 15.2 * -0.4) / 100, (13.5 * 37.9 + 86.5 * 24.6) / 100
    assert mix + rate_effect == pytest.approx(after - before)
    assert mix == pytest.approx(-42.4235) and rate_effect == pytest.approx(18.763)
    assert yo.mix_rate([50, 50], [60, 0], [0, 100], [60, 10]) == (-30.0, 10.0)
    with pytest.raises(ValueError, match="same non-zero length"):
        yo.mix_rate([50, 50], [60], [0, 100], [60, 10])
    with pytest.raises(ValueError):
        yo.mix_rate([float("nan")], [1.0], [1.0], [1.0])


def test_steps_runway_and_monthly_rate() -> None:
    assert yo.steps_runway(100, 10, 0.0) == 10.0
    assert yo.steps_runway(100, 10, 0.1) == pytest.approx(math.log(2) / math.log(1.1))
    assert yo.steps_runway(100, 10, 0.1) > yo.burns_runway(100, 10, 0.1)  # g > ln(1 + g)
    assert yo.steps_runway(100, 10, -0.5) == math.inf  # a shrinking burn that never uses the cash
    assert yo.monthly_rate(2.0, 12) == pytest.approx(2 ** (1 / 12) - 1)
    assert yo.monthly_rate(1.0) == 0.0
    with pytest.raises(ValueError):
        yo.monthly_rate(0.0)


def test_lasts_runway_range_and_bracket() -> None:
    assert yo.lasts(7.13) == "last 7.1 months"
    assert yo.lasts(math.inf) == "never run out"
    assert yo.runway_range(27.1, 20.0) == "between 20.0 and 27.1 months"
    assert yo.runway_range(20.0, math.inf).startswith("at least 20.0 months")
    assert yo.runway_range(math.inf, math.inf) == "without running out on any of them"
    with pytest.raises(ValueError):
        yo.runway_range(-1.0, 5.0)
    assert yo.bracket(40, 60, 27.9) == "all above"
    assert yo.bracket(10, 20, 27.9) == "all below"
    assert yo.bracket(20, 40, 27.9) == "on both sides of"
    assert yo.bracket(60, 40, 27.9) == "all above"  # order of the ends does not matter
    assert yo.burns_runway(100, 10, 0.0) == pytest.approx(10.0)
    assert yo.months_added(119.7, 81.9) == pytest.approx(37.8)
    assert yo.months_added(math.inf, 81.9) == math.inf
    assert yo.months_added(math.inf, math.inf) == 0.0
    assert yo.months_added(5.0, math.inf) == -math.inf


def test_rate_note() -> None:
    assert (
        yo.rate_note(["RMB", "USD"], "USD")
        == "7.04 RMB per USD (dated 2025-12-21), one rate for all periods"
    )
    assert yo.rate_note(["USD"], "USD") == "no conversion: all in USD"
    assert "7.8 HKD per USD" in yo.rate_note(["RMB", "USD"], "HKD")


def test_per_revenue_derives_halves_ranges_and_gaps() -> None:
    zp = yo.per_revenue(ZP, "rd_expense")
    assert zp["H2 2025"] == pytest.approx(
        (3180.443 - 1594.7) / (724.334 - 190.877)
    )  # the surest rows
    mm = yo.per_revenue(MM, "adjusted_net_loss")
    assert mm["FY2025"] == pytest.approx(250.5 / 79.038)  # the midpoint of the reported range
    assert yo.per_revenue(MM, "rd_expense")["H1 2025"] is None  # not in our sources
    gm = yo.per_revenue(ZP, "gross_profit")
    assert gm["H1 2025"] == pytest.approx(50.0)  # margin times revenue, over revenue
    assert gm["FY2025"] == pytest.approx(296.656 / 724.334 * 100)


# --------------------------------------------------------------------------- findings, every branch


def seasonality(**change: float) -> str:
    base = {
        "fy": 724.3,
        "run_rate": 381.8,
        "ltm_prior": 458.4,
        "h2_share": 73.6,
        "h2_share_prior": 85.6,
        "next_h1": 953.9,
    }
    return text(yo.finding_seasonality(currency="RMB", **(base | change)))


def test_finding_seasonality_branches() -> None:
    assert "less than the 85.6%" in seasonality()
    assert "more than the 60.0%" in seasonality(h2_share_prior=60.0)
    assert "about the same as the 73.0%" in seasonality(h2_share_prior=73.0)
    assert "is confirmed" in seasonality()
    assert "is not confirmed" in seasonality(h2_share=45.0)
    assert "would have to bring RMB 2.7 billion" in seasonality()  # 953.9 x 73.6 / 26.4
    assert "would have to bring RMB 300.0 million" in seasonality(next_h1=300.0, h2_share=50.0)
    with pytest.raises(ValueError, match="h2_share"):
        seasonality(h2_share=100.0)


def test_finding_convergence_branches() -> None:
    out = text(
        yo.finding_convergence(zp=(15.2, 86.5), mm=(30.3, 63.4), periods=("H1 2025", "H1 2026"))
    )
    assert (
        "rose from 15.2% to 86.5%" in out
        and "15.1 percentage points below" in out
        and "to 23.1 above" in out
    )
    assert "Both now earn most" in out
    out = text(yo.finding_convergence(zp=(40.0, 30.0), mm=(40.0, 45.0), periods=("a", "b")))
    assert "fell from 40.0%" in out and "level with" in out and "do not yet both" in out


def test_finding_growth_branches() -> None:
    kw = {"zp_ltm": 211.3, "mm_ltm": 165.2, "currency": "USD", "rate_note": "7.04 RMB per USD"}
    assert "Zhipu grew faster" in text(yo.finding_growth(zp_growth=399.7, mm_growth=283.1, **kw))
    assert "more slowly" in text(yo.finding_growth(zp_growth=100.0, mm_growth=283.1, **kw))
    assert "about the same pace" in text(yo.finding_growth(zp_growth=283.5, mm_growth=283.1, **kw))
    assert "1.28x MiniMax" in text(yo.finding_growth(zp_growth=1.0, mm_growth=1.0, **kw))


def test_finding_margins_branches() -> None:
    kw = {"periods": ("H1 2025", "H1 2026"), "currency": "RMB"}
    out = text(
        yo.finding_margins(
            company="Zhipu",
            rd=(8.35, 2.23),
            loss=(9.18, 2.06),
            gm=(50.0, 26.4),
            rd_amount=(1594.7, 2131.171),
            **kw,
        )
    )
    assert (
        "R&D per unit of revenue fell from 8.35x to 2.23x" in out
        and "R&D itself rose by 33.6%" in out
    )
    assert (
        "margin fell from 50.0% to 26.4% (-23.6 percentage points)" in out
        and "loss fell from 9.18x" in out
    )
    out = text(
        yo.finding_margins(
            company="X",
            rd=(2.0, 3.0),
            loss=(1.0, 1.5),
            gm=(10.0, 12.5),
            rd_amount=(200.0, 100.0),
            **kw,
        )
    )
    assert (
        "revenue rose from 2.00x" in out
        and "R&D itself fell by 50.0%" in out
        and "loss rose" in out
    )
    assert "margin rose from 10.0% to 12.5% (+2.5 percentage points)" in out
    out = text(
        yo.finding_margins_no_rd(
            company="MiniMax",
            periods=("H1 2025", "H1 2026"),
            gm=(12.1, 17.9),
            loss=(4.56, 2.51),
            rd_year=3.2,
            rd_half=2.55,
        )
    )
    assert (
        "margin rose from 12.1% to 17.9% (+5.8 percentage points)" in out
        and "no R&D for H1 2025" in out
    )
    assert "with no verdict drawn" in out
    out = text(
        yo.finding_margins_no_rd(
            company="X",
            periods=("a", "b"),
            gm=(20.0, 10.0),
            loss=(1.0, 2.0),
            rd_year=1.0,
            rd_half=1.0,
        )
    )
    assert "margin fell" in out and "loss rose" in out


def test_finding_mix_branches() -> None:
    out = text(
        yo.finding_mix(
            change=-23.7, mix=-42.4, rate_effect=18.8, onprem_gm=(59.1, 37.9), cloud_gm=(-0.4, 24.6)
        )
    )
    assert (
        "-42.4 points" in out
        and "+18.8" in out
        and "on-premise margin fell" in out
        and "cloud margin rose" in out
    )
    assert "The mix lowered the margin; the segments' own margins raised it." in out
    out = text(
        yo.finding_mix(
            change=1.0, mix=2.0, rate_effect=-1.0, onprem_gm=(10.0, 10.0), cloud_gm=(5.0, 1.0)
        )
    )
    assert "mix raised" in out and "margins lowered" in out and "was unchanged" in out
    out = text(
        yo.finding_mix(
            change=0.0, mix=0.0, rate_effect=0.0, onprem_gm=(1.0, 1.0), cloud_gm=(1.0, 1.0)
        )
    )
    assert "mix left unchanged" in out


def test_finding_arr_labels_the_claim() -> None:
    claim = yo.figure(h.fact(ZP, "arr", "2026-07", "api"), "USD")
    out = text(yo.finding_arr(cloud_half=825.176, annualised=234.4, claim=claim, currency="USD"))
    assert "USD 234.4 million a year" in out and "not audited" in out and "4.27x" in out


def test_finding_zhipu_runway_branches() -> None:
    kw = {
        "burn_h1": (221.2, 562.3),
        "burn_2025": 187.2,
        "growth": 0.0,
        "before": 7.1,
        "placings_fcf": 73.4,
        "with_bond": 119.7,
        "trend_growth": 0.081,
        "trend_runway": 25.7,
        "bank_loans": 2224.8,
        "currency": "RMB",
        "last_close": 780.0,
        "conversion_price": 892.5,
    }
    out = text(yo.finding_zhipu_runway(placings=81.9, **kw))
    assert "on like halves it rose to 2.54x" in out and "a half beside a year, it is 3.00x" in out
    assert (
        "**last 7.1 months**" in out
        and "**last 81.9 months**" in out
        and "would last 119.7 months" in out
    )
    assert "HKD 892.50 a share; the last close, HKD 780.00, is below it" in out
    assert "is above it" in text(
        yo.finding_zhipu_runway(placings=81.9, **(kw | {"last_close": 900.0}))
    )
    assert "is at it" in text(
        yo.finding_zhipu_runway(placings=81.9, **(kw | {"last_close": 892.5}))
    )
    assert "8.1% a month" in out and "would last 25.7 months" in out and "RMB 2.2 billion" in out
    assert "an upper bound" in out and "they last 73.4 months" in out and "more slowly" in out
    assert "so the bond is left out of the lead figure" in out
    assert "more slowly" not in text(
        yo.finding_zhipu_runway(placings=81.9, **(kw | {"growth": 0.081}))
    )
    assert "more slowly" not in text(
        yo.finding_zhipu_runway(placings=81.9, **(kw | {"growth": 0.1}))
    )
    out = text(yo.finding_zhipu_runway(placings=math.inf, **(kw | {"burn_h1": (600.0, 562.3)})))
    assert "**never run out**" in out and "it fell to 0.94x" in out
    assert "it held" in text(
        yo.finding_zhipu_runway(placings=81.9, **(kw | {"burn_h1": (562.3, 562.3)}))
    )


def test_finding_minimax_runway_branches() -> None:
    claim = yo.figure(h.fact(MM, "cash_burn_per_month", "FY2025"))
    kw = {
        "cash": 1322.8,
        "placing": 2536.3,
        "with_bond": 3366.8,
        "last_close": 303.0,
        "conversion_price": 335.0,
        "growth": 0.0,
        "currency": "USD",
        "article_burn": claim,
    }
    out = text(yo.finding_minimax_runway(burns={"a": 48.8, "b": 84.2}, burn_2025=20.8, **kw))
    assert "all above" in out and "between 15.7 and 27.1 months" in out and "not audited" in out
    assert "with the July placing, **between 30.1 and 52.0 months**" in out
    assert "would last between 40.0 and 69.0 months" in out and "HKD 335.00 a share" in out
    assert "HKD 303.00, is below it, so the bond is left out of the lead figure" in out
    above = text(
        yo.finding_minimax_runway(burns={"a": 48.8}, burn_2025=20.8, **(kw | {"last_close": 400.0}))
    )
    assert "is above it" in above and "still left out" in above
    assert "definitions above" in out and "lower bound that sits below the expectation" in out
    assert "sits above" in text(yo.finding_minimax_runway(burns={"a": 48.8}, burn_2025=40.0, **kw))
    assert "sits about" in text(yo.finding_minimax_runway(burns={"a": 48.8}, burn_2025=28.0, **kw))
    assert "all below" in text(
        yo.finding_minimax_runway(burns={"a": 10.0, "b": 20.0}, burn_2025=20.8, **kw)
    )
    assert "on both sides of" in text(
        yo.finding_minimax_runway(burns={"a": 10.0, "b": 40.0}, burn_2025=20.8, **kw)
    )
    out = text(
        yo.finding_minimax_runway(burns={"a": 48.8}, burn_2025=20.8, **(kw | {"growth": -0.05}))
    )
    assert "without running out" in out


def test_finding_dilution_branches() -> None:
    kw = {
        "zp_counts": (445_843_090, 487_588_090, 513_953_116),
        "zp_group": (29.84, 25.89),
        "mm_counts": (313_635_308, 349_235_308, 368_635_308),
        "mm_other": 3_244_875,
    }
    out = text(yo.finding_dilution(mm_votes=(0.777, 0.736), mm_econ=(0.2586, 0.218), **kw))
    assert (
        "add 41,745,000 shares and its convertible bond 26,365,026" in out
        and "multiplied by 0.867" in out
    )
    assert "adds 35,600,000 shares and its own bond 19,400,000 (factor 0.851)" in out
    assert "3,244,875 shares" in out and "do not explain" in out
    assert "fall from 77.7% to 73.6%" in out and "25.9% at listing, above the tenth" in out
    assert "21.8% after everything" in out and "26.4% of the votes, above" in out
    out = text(yo.finding_dilution(mm_votes=(0.90, 0.95), mm_econ=(0.05, 0.04), **kw))
    assert (
        "rise" in out
        and "5.0% at listing, below the tenth" in out
        and "5.0% of the votes, below" in out
    )
    assert "barely move" in text(yo.finding_dilution(mm_votes=(0.9, 0.9), mm_econ=(0.2, 0.2), **kw))


def test_finding_market_branches() -> None:
    kw = {"mm": (108.2e3, 388.3e3, 105.8e3), "last_day": "2026-09-18", "currency": "HKD"}
    assert "fell back" in text(yo.finding_market(zp=(57.9e3, 1.07e6, 380.3e3), **kw))
    assert "rose further" in text(yo.finding_market(zp=(57.9e3, 1.07e6, 1.2e6), **kw))
    assert "held" in text(yo.finding_market(zp=(57.9e3, 1.07e6, 1.07e6), **kw))


def test_finding_reverse_branches() -> None:
    kw = {
        "company": "Zhipu",
        "value": 340e3,
        "required": 68.4e3,
        "ltm_revenue": 1487.3,
        "years": 5,
        "multiple": 10.0,
        "required_return": 0.15,
        "currency": "RMB",
        "ev_growth": 1.092,
        "net_cash": 43.8e3,
    }
    out = text(yo.finding_reverse(growth=1.15, past_growth=2.245, **kw))
    assert "slower than the 224.5% its twelve-month revenue grew" in out
    assert "net cash of about RMB 43.8 billion" in out and "109.2% a year" in out
    assert "faster than the 50.0%" in text(yo.finding_reverse(growth=1.15, past_growth=0.5, **kw))
    assert "about the 115.0%" in text(yo.finding_reverse(growth=1.15, past_growth=1.15, **kw))
    assert "for 5 years" in text(yo.finding_reverse(growth=1.15, past_growth=1.15, **kw))
    none = text(yo.finding_reverse(growth=0.75, past_growth=None, **(kw | {"company": "MiniMax"})))
    assert "MiniMax has no first half of 2024" in none and "grew over" not in none
    one = text(yo.finding_reverse(growth=1.15, past_growth=1.15, **(kw | {"years": 1})))
    assert "for 1 year" in one


def test_finding_claims_carries_the_label() -> None:
    out = text(
        yo.finding_claims(
            company="MiniMax",
            required=yo.derived(2728.7, "USD"),
            arr=yo.figure(h.fact(MM, "arr", "2026-08")),
            forecast=yo.figure(h.fact(MM, "revenue_forecast_consensus", "FY2026")),
            currency="USD",
        )
    )
    assert out.count("not audited") == 2 and "3.4x the latest ARR" in out


def question_rows(**change: object) -> pd.DataFrame:
    base: dict[str, object] = {
        "onprem_share_fy": 73.7,
        "onprem_share_ltm": 33.7,
        "onprem_revenue": (161.8, 128.7),
        "adj_loss": (1752.0, 1964.1),
        "loss_multiple": (9.18, 2.06),
        "ai_native": (21.2, 42.6),
        "user_counts_since_listing": 0,
        "article_burn": yo.figure(h.fact(MM, "cash_burn_per_month", "FY2025")),
        "burn_2025": 20.8,
        "burns_now": (48.8, 59.7),
        "cash_burn_now": 84.2,
        "currency": ("RMB", "USD"),
    }
    return yo.article_questions(**(base | change))  # type: ignore[arg-type]


def test_article_questions_every_verdict() -> None:
    assert question_rows()["verdict"].tolist() == [
        "borne out for 2025, no longer true",
        "not borne out",
        "not testable",
        "not borne out",
    ]
    flipped = question_rows(
        onprem_share_ltm=60.0,
        adj_loss=(1964.1, 1752.0),
        user_counts_since_listing=2,
        cash_burn_now=20.0,
    )
    assert flipped["verdict"].tolist() == ["borne out", "borne out", "borne out", "borne out"]
    assert question_rows(onprem_share_fy=40.0)["verdict"].iloc[0] == "not borne out"
    fell = question_rows(user_counts_since_listing=2, ai_native=(42.6, 21.2))
    assert fell["verdict"].iloc[2] == "not borne out"
    assert "user counts disclosed since listing: 0" in question_rows()["evidence"].iloc[2]
    burn = question_rows()["evidence"].iloc[3]
    assert (
        "not audited" in burn
        and "a lower bound, below it" in burn
        and "USD 84.2 million a month" in burn
    )
    assert "a lower bound, above it" in question_rows(burn_2025=40.0)["evidence"].iloc[3]
    assert "33.7% of the twelve months to June 2026" in question_rows()["evidence"].iloc[0]


def test_questions_table_rejects_an_unknown_verdict() -> None:
    with pytest.raises(ValueError, match="verdict must be one of"):
        yo.questions_table([("q", "e", "probably", "m")])


def test_takeaways() -> None:
    kw = {
        "h2_share": 73.6,
        "zp_cloud": (15.2, 86.5),
        "mm_open": (30.3, 63.4),
        "zp_growth": 399.7,
        "mm_growth": 283.1,
        "zp_runway": 7.1,
        "zp_runway_trend": (0.081, 25.7),
        "zp_factor": (0.914, 0.867),
        "ps": (228.6, 82.1),
        "implied": (1.15, 0.752),
        "years": 5,
    }
    out = text(yo.key_takeaways(next_h1_multiple=1.32, zp_runway_placings=math.inf, **kw))
    assert out.count("\n- ") == 5 and "never run out" in out and "229x" in out
    assert "1.32x all of 2025, so the pattern may not hold" in out and "convertible bond" in out
    out = text(yo.key_takeaways(next_h1_multiple=0.4, zp_runway_placings=81.9, **kw))
    assert "may still hold" in out and "last 81.9 months" in out
    assert "an upper bound" in out and "(8.1% a month) it would last 25.7 months" in out
    assert "by 0.914; 0.867 if the bond converts" in out
    with pytest.raises(ValueError):
        yo.takeaways([])


def test_bond_clause_every_branch() -> None:
    below = yo.bond_clause(780.0, 892.5)
    assert (
        below
        == "the last close, HKD 780.00, is below it, so the bond is left out of the lead figure"
    )
    above = yo.bond_clause(900.0, 892.5)
    assert (
        "is above it" in above
        and "converting would pay today" in above
        and "still left out" in above
    )
    at = yo.bond_clause(892.5, 892.5)
    assert "is at it, so the bond is left out" in at
    with pytest.raises(ValueError):
        yo.bond_clause(-1.0, 892.5)


def test_public_basis_counts_a_release_from_the_next_day() -> None:
    releases = {
        "LTM to June 2025": "2026-01-08",
        "FY2025": "2026-03-31",
        "LTM to June 2026": "2026-08-31",
    }
    assert yo.public_basis("2026-03-31", releases) == "LTM to June 2025"
    assert yo.public_basis("2026-04-01", releases) == "FY2025"
    assert yo.public_basis("2026-08-31", releases) == "FY2025"
    assert yo.public_basis("2026-09-18", releases) == "LTM to June 2026"
    with pytest.raises(ValueError, match="no figure was public before 2026-01-08"):
        yo.public_basis("2026-01-08", releases)
