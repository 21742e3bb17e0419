"""Tests for helpers.audit: the rounding rule, the source-preference table and every verdict of the D1-D8 findings."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import pytest

import helpers as h
from helpers import audit
from helpers.params import check


def text(markdown: object) -> str:
    return str(getattr(markdown, "data", markdown))


def test_parameters_cover_every_checkable_figure() -> None:
    check(audit.PARAMETERS, checked_fact_id="zp_revenue_h1_2025")
    for fact_id in audit.WHERE_IN_FILING:
        table = audit.filing_check(h.fact_by_id(fact_id))
        assert "thousand" in table.iloc[-1, 0]
    with pytest.raises(ValueError, match="no filing location recorded for 'mm_burn_2025'"):
        audit.filing_check(h.fact_by_id("mm_burn_2025"))


def test_rounding_interval_and_fit() -> None:
    assert audit.rounding_interval(190.9, 1) == (190.85, 190.95)
    assert audit.rounding_interval(363.0, 0) == (362.5, 363.5)
    assert audit.fits_rounding(363, 0, 362.6) and audit.fits_rounding(363, 0, 362.5)
    assert not audit.fits_rounding(363, 0, 362.4)
    assert audit.decimals(362.6) == 1 and audit.decimals(363.0) == 0 and audit.decimals(53.437) == 3
    with pytest.raises(ValueError, match="places must be 0 or more"):
        audit.rounding_interval(1.0, -1)
    assert audit.fits_in_unit(27_600_000, 27_622_000, 1e6) and not audit.fits_in_unit(
        27_600_000, 27_622_000
    )
    with pytest.raises(ValueError, match="scale must be positive"):
        audit.fits_in_unit(1.0, 1.0, 0.0)
    assert audit.intervals_meet(1752, 1751, 0) and not audit.intervals_meet(1752, 1750, 0)


def test_filing_check_interval_in_thousands() -> None:
    table = audit.filing_check(h.fact_by_id("zp_revenue_h1_2025"))
    assert table.loc["filing amounts that agree"].iloc[0] == "190,850 to 190,950 RMB thousand"


def test_preference_table_names_a_rule_for_every_row_set_aside() -> None:
    facts = h.load_facts()
    table = audit.preference_table(facts)
    assert len(table) == int((facts["status"] != "reported").sum())
    known = (
        set(audit.RULE_FOR_STATUS.values())
        | set(audit.RULE_FOR_FACT.values())
        | {audit.LATER_PRINTING}
    )
    assert set(table["rule"]) <= known
    rules = table.set_index("status").loc["erroneous", "rule"].tolist()
    assert rules[0] == "consistency beats one printing" and rules[1].startswith(
        "precision beats rounding"
    )


def test_sources_finding_and_title_say_ties() -> None:
    table = audit.source_table(h.load_facts(), h.load_sources())
    assert "more than the next" in text(audit.sources_finding(table))
    busy = table.copy()
    busy.loc[busy["figures cited"] == 0, "figures corroborated"] = 1
    assert "each of the others only agrees with rows" in text(audit.sources_finding(busy))
    idle = table.copy()
    idle.loc[idle["figures cited"] == 0, "figures corroborated"] = 0
    assert "some give none yet" in text(audit.sources_finding(idle))
    leader = table.sort_values("figures cited", ascending=False).iloc[0]
    assert audit.leader_title(table).startswith(f"{leader['source_id']} (")
    assert "supplies more figures than any other" in audit.leader_title(table)
    top = table["figures cited"].max()
    tied = table.copy()
    tied.loc[tied["source_id"] == "S7", "figures cited"] = top
    assert "as many as the next" in text(audit.sources_finding(tied))
    assert "as many figures as any other" in audit.leader_title(tied)


def d1_facts() -> tuple[h.Fact, ...]:
    p = "9M2025"
    return (
        h.fact("minimax", "revenue_share_segment", p, "ai_native"),
        h.fact("minimax", "revenue_share_segment", p, "talkie_xingye"),
        h.fact("minimax", "revenue_share_segment", p, "open_platform"),
        h.fact("minimax", "revenue_share_segment", p, "hailuo_ai", status="erroneous"),
        h.fact("minimax", "revenue_share_segment", p, "hailuo_ai"),
    )


def test_d1_both_readings() -> None:
    ai, talkie, platform, printed, corrected = d1_facts()
    table = audit.d1_table(ai, talkie, platform, printed, corrected)
    assert table["other AI-native % (remainder)"].tolist() == [33.4, 3.4]
    finding = text(audit.d1_finding(table, printed, corrected, talkie))
    assert (
        "rank number 4 of 4" in finding
        and "could not be" in finding
        and "leading digit lost" in finding
    )
    assert "close to Talkie" in finding
    assert audit.d1_title(table, printed).endswith("would outearn Hailuo AI")
    # A printed share that leaves Hailuo AI among the two largest parts, and is no lost digit.
    big = replace(printed, value=30.0)
    table2 = audit.d1_table(ai, talkie, platform, big, corrected)
    finding2 = text(audit.d1_finding(table2, big, corrected, talkie))
    assert (
        "could still be" in finding2
        and "more than one digit" in finding2
        and "less than Talkie" in finding2
    )
    assert audit.d1_title(table2, big).endswith("would earn less than Hailuo AI")


def test_d1_echo_is_never_called_corroboration() -> None:
    share = h.fact("minimax", "revenue_share_segment", "9M2025", "hailuo_ai")
    rev = h.fact("minimax", "revenue", "9M2025")
    payers = h.fact("minimax", "paying_users", "9M2025", "hailuo_ai")
    each = h.fact("minimax", "revenue_per_paying_user", "9M2025", "hailuo_ai")
    finding = text(audit.d1_echo(share, rev, payers, each))
    assert "which matches the figure" in finding and "**not** corroboration" in finding
    assert "is about USD 56 each" in finding and "56.2" not in finding
    off = text(audit.d1_echo(share, rev, replace(payers, value=200_000), each))
    assert "does not match" in off and "**not** corroboration" in off


def test_d2_gap_and_rounding() -> None:
    at = "2025-09-30"
    total = h.fact("minimax", "cash_resources_total", at)
    printed = h.fact("minimax", "cash_and_equivalents", at, status="superseded")
    precise = h.fact("minimax", "cash_and_equivalents", at)
    parts = [
        h.fact("minimax", "fvtpl_financial_assets_current", at),
        h.fact("minimax", "unused_bank_facilities", at),
    ]
    finding = text(audit.d2_finding(parts, total, printed, precise))
    assert "USD 0.4 million too much" in finding and "lies in that interval" in finding
    assert "equals the total" in finding and "rests on that one source" in finding
    assert "whole millions" in finding
    worse = text(audit.d2_finding(parts, total, printed, replace(precise, value=361.0)))
    assert "lies outside" in worse and "still differs from" in worse
    short = text(audit.d2_finding(parts, replace(total, value=1047.0), printed, precise))
    assert "too little" in short


def test_d3_match_and_mismatch() -> None:
    burn = h.fact("minimax", "cash_burn_per_month", "FY2025")
    stated = h.fact("minimax", "runway_stated", "2025-09-30")
    runways = pd.Series([13.0, 36.09, 37.498])
    assert "37.5 months" in text(audit.d3_finding(runways, stated, burn))
    assert "37.4 to 37.6 months over the rounding" in text(audit.d3_finding(runways, stated, burn))
    assert "expected for FY2025: a management projection" in text(
        audit.d3_finding(runways, stated, burn)
    )
    assert "credit not yet drawn" in text(audit.d3_finding(runways, stated, burn))
    assert "That is consistent with" in text(audit.d3_finding(runways, stated, burn))
    assert "not consistent with" in text(
        audit.d3_finding(pd.Series([13.0, 36.1, 38.2]), stated, burn)
    )


def test_d4_below_at_and_above_the_floor() -> None:
    claimed = h.fact("zhipu", "revenue_share_segment", "H1 2025", "on_premise", status="erroneous")
    reported = h.fact("zhipu", "revenue_share_segment", "H1 2025", "on_premise")
    fy = h.fact("zhipu", "revenue_share_segment", "FY2024", "on_premise")
    below = text(audit.d4_finding(claimed, reported, fy))
    assert (
        "0.2 percentage points below" in below
        and "false" in below
        and "84.5%, below the floor" in below
    )
    above = text(audit.d4_finding(claimed, replace(reported, value=86.0), replace(fy, value=85.0)))
    assert (
        "1.0 percentage points above" in above
        and "true" in above
        and "85.0%, at the floor" in above
    )
    at = text(audit.d4_finding(claimed, replace(reported, value=85.0), replace(fy, value=90.0)))
    assert "exactly at" in at and "90.0%, above the floor" in at


def test_d5_both_readings() -> None:
    loss = h.fact("minimax", "adjusted_net_loss", "9M2025")
    rev = h.fact("minimax", "revenue", "9M2025")
    said = h.fact("minimax", "adjusted_loss_to_revenue", "9M2025")
    finding = text(audit.d5_finding(loss, rev, said))
    assert "3.48x" in finding and "3x is true" in finding and "it is false" in finding
    both = text(audit.d5_finding(replace(loss, value=250.0), rev, said))
    assert "3x is true" in both and "it is true" in both
    neither = text(audit.d5_finding(replace(loss, value=100.0), rev, said))
    assert "3x is false" in neither


def test_d6_rate_d7_d8_and_small_checks() -> None:
    zp, mm = h.fact("zhipu", "revenue", "H1 2025"), h.fact("minimax", "revenue", "9M2025")
    assert audit.d6_table(zp, mm)["months"].tolist() == [6, 9]
    translations = [h.fact("minimax", "revenue", "9M2025", status="translation")]
    assert "7.036 RMB per USD" in text(audit.rate_finding(translations, 7.04))
    count = h.fact("zhipu", "institutional_customers", "2025-06-30")
    assert audit.d7_table([("press", "a stock", count)])["customers"].tolist() == ["over 8,000"]
    mihoyo = h.fact("minimax", "shareholding", "pre-IPO", "mihoyo")
    other = h.fact("minimax", "shareholding", "pre-IPO", "mihoyo", status="alternative")
    before = h.fact("minimax", "shareholding", "pre-IPO", "alisoft_china")
    after = h.fact("minimax", "shareholding", "post-IPO", "alisoft_china")
    d8 = text(audit.d8_finding(mihoyo, other, before, after))
    assert "about 10.2% larger than" in d8 and "unconfirmed" in d8 and "over-allotment" in d8
    assert "cannot be reconciled" not in d8
    assert "smaller than" in text(
        audit.d8_finding(mihoyo, replace(other, value=8.0, qualifier=""), before, after)
    )
    rates = {"usd_rmb": 7.04, "usd_hkd": 7.8, "hkd_rmb": 0.894}
    checks = audit.small_checks(
        h.fact("minimax", "users_cumulative", "2025-09-30", status="superseded"),
        h.fact("minimax", "users_cumulative", "2025-09-30"),
        rates,
    )
    assert checks["values"].iloc[-1] == "0.894 / 0.903" and len(checks) == 2
    assert (
        not checks["check"].str.contains("HKD per USD").any()
    )  # circular: the rate row comes from S14


def test_takeaways_follow_the_numbers() -> None:
    facts = h.load_facts()
    ai, talkie, platform, printed, corrected = d1_facts()
    d1 = audit.d1_table(ai, talkie, platform, printed, corrected)
    runways = pd.Series([13.0, 36.1, 37.498])
    md = text(audit.takeaways(facts, d1, 0.4, True, runways, -0.2, 3.48, 3.0))
    aside = int((facts["status"] != "reported").sum())
    assert "was rounding" in md and "the on-premise floor failed" in md and f"{aside} rows" in md
    assert "once the phrase is read one way" in md and "13.0 months to 37.5 months" in md
    md2 = text(audit.takeaways(facts, d1, 0.4, False, runways, 0.5, 4.5, 3.0))
    assert (
        "was more than rounding" in md2
        and "the on-premise floor held;" in md2
        and "on either reading" in md2
    )
    assert "the on-premise floor held exactly" in text(
        audit.takeaways(facts, d1, 0.4, True, runways, 0.0, 2.0, 3.0)
    )
    assert "on either reading" in text(
        audit.takeaways(facts, d1, 0.4, True, runways, 0.0, 2.0, 3.0)
    )


def test_rules_name_the_hedge_and_sources_drop_the_secondary_flag() -> None:
    facts = h.load_facts()
    table = audit.preference_table(facts).set_index("status")
    rule = audit.RULE_FOR_FACT["zp_customers_article"]
    assert rule.startswith("the hedge differs") and "period" not in rule
    assert rule in table.loc["superseded", "rule"].tolist()
    assert "secondary" not in audit.source_table(facts, h.load_sources()).columns


def test_d1_table_has_no_total_by_construction() -> None:
    table = audit.d1_table(*d1_facts())
    assert not any("total" in c for c in table.columns)


def test_like_printed_and_finest_unit() -> None:
    assert audit.like_printed(56.2, 56.0) == 56.0 and audit.like_printed(7.8071, 7.81) == 7.81
    units = {"one": 1.0, "hundred thousand": 1e5, "million": 1e6, "hundred million": 1e8}
    assert audit.finest_unit(200e6, 212e6, units) == "hundred million"
    assert audit.finest_unit(27_600_000, 27_622_000, units) == "hundred thousand"
    assert audit.finest_unit(363.0, 362.6, units) == "one"
    assert audit.finest_unit(2.0, 9.0, units) == "none"


def test_season_finding_each_verdict() -> None:
    h1, fy = h.fact("zhipu", "revenue", "H1 2024"), h.fact("zhipu", "revenue", "FY2024")
    late = text(audit.season_finding(h1, fy))
    assert (
        "14.4% of its FY2024 revenue" in late and "late in the year" in late and "one year" in late
    )
    assert "early in the year" in text(audit.season_finding(replace(h1, value=200.0), fy))
    assert "evenly split" in text(audit.season_finding(replace(h1, value=156.2), fy))


def test_per_customer_table_bounds_and_periods() -> None:
    rev, zp = h.fact("minimax", "revenue", "9M2025"), h.fact("zhipu", "revenue", "H1 2025")
    payers = h.fact("minimax", "paying_customers", "9M2025", "open_platform")
    stock = h.fact("zhipu", "institutional_customers", "2025-06-30")
    table = audit.per_customer_table([(rev, 28.9, payers), (zp, 100.0, stock)])
    assert table["revenue per customer"].tolist() == ["about USD 6,200", "at most RMB 23,900"]
    assert table["same period"].tolist() == ["yes", "no"]
    assert table["count"].tolist() == ["paying customers", "institutional customers"]
    plain = audit.per_customer_table([(rev, 28.9, replace(payers, qualifier=""))])
    assert plain["revenue per customer"].iloc[0] == "USD 6,200"
    with pytest.raises(ValueError, match="no bound known for qualifier 'roughly'"):
        audit.per_customer_table([(rev, 28.9, replace(payers, qualifier="roughly"))])


def test_rule_for_each_branch() -> None:
    """A named row keeps its own rule; a more precise later printing inside the rounding is named as such; a
    rival figure outside the rounding, or no more precise, falls back to the status's rule."""
    assert audit.rule_for("zp_arr_target_2026_earlier", "superseded", 2400, 3000).startswith(
        "not a rival"
    )
    assert audit.rule_for("x", "alternative", 312.414, 312.4) == audit.LATER_PRINTING
    assert audit.rule_for("x", "alternative", 296, 292.6) == audit.RULE_FOR_STATUS["alternative"]
    assert audit.rule_for("x", "alternative", 312.5, 312.4) == audit.RULE_FOR_STATUS["alternative"]
    assert audit.rule_for("x", "alternative", 1751, 1752) == audit.RULE_FOR_STATUS["alternative"]
    assert audit.rule_for("x", "superseded", 363, 362.6) == audit.RULE_FOR_STATUS["superseded"]
