"""Tests for helpers.business: worked examples from the data, bad input, and properties."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import helpers as h
from helpers import business
from helpers.business import scale_steps, share_of
from helpers.params import check

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
        scale_steps(
            h.fact("zhipu", "revenue", "H1 2025"), h.fact("minimax", "revenue", "9M2025"), "EUR"
        )


@FAST
@given(st.floats(0.0, 1e6), st.floats(0.01, 1e6))
def test_share_of_is_proportional(part: float, total: float) -> None:
    assert share_of(part, total) * total == pytest.approx(part * 100, rel=1e-9, abs=1e-9)
    assert share_of(total, total) == pytest.approx(100.0)


# --------------------------------------------------------------------------- notebook 01's finding layer

ZP_REV = tuple(h.fact("zhipu", "revenue", p) for p in ("FY2024", "H1 2024", "H1 2025"))
MM_REV = tuple(h.fact("minimax", "revenue", p) for p in ("FY2024", "9M2024", "9M2025"))


def md(x: object) -> str:
    return str(getattr(x, "data", x))


def test_parameters_defaults_pass() -> None:
    check(
        business.PARAMETERS,
        compare_currency="USD",
        tie_band_pct=5.0,
        fit_tolerance_pp=0.5,
        breakeven_margin_pp=1.0,
    )


def test_ladder_ltm_matches_the_formula_and_is_a_tie_in_every_currency() -> None:
    steps = business.ladder(ZP_REV, MM_REV, "USD")  # type: ignore[arg-type]
    zp_ltm = (312.4 - 44.9 + 190.9) / 7.04 / 12
    mm_ltm = (30.523 - 19.45 + 53.437) / 12
    assert steps["ratio"].iloc[3] == pytest.approx(mm_ltm / zp_ltm)
    for currency in ("USD", "RMB", "HKD"):
        ratios = business.ladder(ZP_REV, MM_REV, currency)["ratio"]  # type: ignore[arg-type]
        for band in (2.0, 5.0, 20.0):
            assert business.ladder_verdict(float(ratios.iloc[3]), band) == "about the same as"
    assert list(business.ladder_view(steps, ("Zhipu", "MiniMax")).columns)[:3] == [
        "step",
        "Zhipu",
        "MiniMax",
    ]


def test_ladder_verdicts_both_ways_and_tie() -> None:
    assert business.ladder_verdict(1.31, 5) == "more than"
    assert business.ladder_verdict(0.80, 5) == "less than"
    assert business.ladder_verdict(0.99, 5) == "about the same as"
    steps = business.ladder(ZP_REV, MM_REV, "USD")  # type: ignore[arg-type]
    assert business.ladder_title(steps, 5).startswith(
        "Over the last twelve months MiniMax earned about the same as"
    )
    weights = (
        business.interim_weight(ZP_REV[1], ZP_REV[0]),
        business.interim_weight(MM_REV[1], MM_REV[0]),
    )
    tie = md(business.ladder_finding(steps, 5, "USD", weights))
    assert (
        "a tie, not a win" in tie
        and "dated later than 2025-12-21)" in tie
        and "the band is a choice" in tie
    )
    assert (
        "14.4% of its year (less than the 50% of an even year)" in tie
        and "63.7% (less than 75%)" in tie
    )
    assert "Zhipu's the more" in tie
    hkd = md(business.ladder_finding(steps, 5, "HKD", weights))
    assert "none dated later than 2026-01-13)" in hkd and "2026-01-09" not in hkd
    assert "MiniMax's the more" in md(
        business.ladder_finding(steps, 5, "USD", ((45.0, 50.0), (30.0, 75.0)))
    )
    even = md(business.ladder_finding(steps, 5, "USD", ((50.0, 50.0), (76.0, 75.0))))
    assert "the two alike" in even and "close to the 50%" in even and "close to 75%" in even
    assert "more than 75%" in md(
        business.ladder_finding(steps, 5, "USD", ((50.0, 50.0), (90.0, 75.0)))
    )
    steps.loc[3, "ratio"] = 1.2
    finding = md(business.ladder_finding(steps, 5, "USD", weights))
    assert (
        "outside" in finding
        and "larger than the rate can explain" in finding
        and "more than Zhipu (" in finding
    )


def test_interim_weight_from_data_and_bad_pairs() -> None:
    weight, even = business.interim_weight(MM_REV[1], MM_REV[0])
    assert (round(weight, 1), even) == (63.7, 75.0)
    assert business.interim_weight(ZP_REV[1], ZP_REV[0])[1] == 50.0
    with pytest.raises(ValueError, match="is not an interim of the full year"):
        business.interim_weight(ZP_REV[2], ZP_REV[0])  # H1 2025 is not in FY2024


def test_rate_note_gives_numbers() -> None:
    assert business.rate_note("USD") == "Constant rate: 7.04 RMB per USD, one rate for all periods."
    assert "7.8 HKD per USD and 0.894 RMB per HKD" in business.rate_note("HKD")


def test_growth_and_season() -> None:
    fy = {y: h.fact("zhipu", "revenue", y) for y in ("FY2022", "FY2023", "FY2024")}
    growth = business.growth_table(ZP_REV[1], ZP_REV[2], fy["FY2023"], fy["FY2024"], fy["FY2022"])
    assert growth["percent"].round(1).tolist() == [325.2, 150.9, 133.3]
    finding = md(business.season_finding(ZP_REV[1], ZP_REV[0], growth))
    assert "far less than the 50%" in finding and "14.4%" in finding
    even = md(business.season_finding(replace(ZP_REV[1], value=156.2), ZP_REV[0], growth))
    assert "close to the 50%" in even
    heavy = md(business.season_finding(replace(ZP_REV[1], value=250.0), ZP_REV[0], growth))
    assert "far more than" in heavy


def margin_rows(cloud: float = -0.4, api: float = 69.06) -> pd.DataFrame:
    return business.contributions(
        [
            ("zhipu", "on-premise", 84.8, 59.1),
            ("zhipu", "cloud", 15.2, cloud),
            ("minimax", "apps", 71.1, 4.7),
            ("minimax", "open platform", 28.9, api),
        ]
    )


def test_contributions_sum_to_the_blend_and_title_names_the_source() -> None:
    table = margin_rows()
    assert table["contribution, pp"].iloc[:2].sum() == pytest.approx(50.056)
    assert business.margin_title(table).endswith(
        "Zhipu 100% from on-premise; MiniMax 86% from open platform"
    )


def test_margin_finding_every_branch() -> None:
    base = md(business.margin_finding(margin_rows(), {"zhipu": 50.0}, -0.4, 1.0, 0.5, 69.4))
    assert (
        "agree with each other" in base
        and "roughly breaks even" in base
        and "1 percentage point of" in base
    )
    assert (
        "agrees, within 0.5" in base
        and "a fit, not a check" in base
        and "another period" not in base
    )
    strict = md(business.margin_finding(margin_rows(), {"zhipu": 48.0}, -0.4, 0.0, 0.1, 69.4))
    assert (
        "do not agree with" in strict
        and "sells below what it costs" in strict
        and "differs by more than" in strict
    )
    assert "another period" in strict and "a fit, not a check" not in strict
    assert "0 percentage points" in strict
    positive = md(
        business.margin_finding(margin_rows(cloud=3.0), {"zhipu": 50.5}, 3.0, 1.0, 0.5, 69.4)
    )
    assert "keeps a margin of its own" in positive


def test_decompose_adds_up_and_rejects_bad_shapes() -> None:
    parts = business.decompose([71.4, 28.6], [-8.1, 62.88], [71.1, 28.9], [4.7, 69.06])
    change = parts["after"] - parts["before"]
    assert parts["mix"] + parts["margin 0"] + parts["margin 1"] == pytest.approx(change)
    assert business.decompose([50, 50], [10, 30], [40, 60], [10, 30])["mix"] == pytest.approx(2.0)
    with pytest.raises(ValueError, match="one share and one margin"):
        business.decompose([50], [10, 30], [40, 60], [10, 30])


def test_decomposition_words_all_branches() -> None:
    years = (
        h.fact("minimax", "gross_margin", "FY2024"),
        h.fact("minimax", "gross_margin", "FY2025"),
    )
    margin_led = {"before": 12.2, "mix": 0.2, "margin 0": 9.1, "margin 1": 1.8, "after": 23.3}
    title = business.decomposition_title(margin_led, years)
    assert "rose on better segment margins more than a shift in mix" in title
    assert "not a shift in mix" not in title
    assert title.endswith("on whole years it rose from 12.2% (FY2024) to 25.4% (FY2025)")
    mix_led = {"before": 20.0, "mix": -5.0, "margin 0": 1.0, "margin 1": 0.0, "after": 16.0}
    assert (
        "fell on a shift in mix more than better segment margins"
        in business.decomposition_title(mix_led, years)
    )
    even = {"before": 10.0, "mix": 1.0, "margin 0": 1.0, "margin 1": 0.0, "after": 12.0}
    assert "equally" in business.decomposition_leader(even)
    names, periods = ["apps", "open platform"], ("FY2024", "9M2025")
    finding = md(business.decomposition_finding(margin_led, names, periods, years, 2.98))
    assert "a whole-year mix effect of +3.0 percentage points, larger than the +0.20" in finding
    assert "the rest, +10.2 percentage points, is the margin effect" in finding
    assert "not a shift in mix" not in finding
    smaller = md(business.decomposition_finding(margin_led, names, periods, years, 0.1))
    assert "smaller than the +0.20" in smaller
    same = md(business.decomposition_finding(margin_led, names, periods, years, -0.21))
    assert "-0.2 percentage points, about the same as the +0.20" in same
    assert "+11.1 percentage points" in finding and "rose from 12.2%" in finding
    assert (
        "25.4% in FY2025 (S1, S24), by 13.2 percentage points, the same way as the split" in finding
    )
    assert "rests on whole years" in finding
    against = md(business.decomposition_finding(mix_led, names, periods, years, 2.98))
    assert "against the split" in against
    flat = (years[0], replace(years[1], value=12.2))
    assert "was unchanged from 12.2%" in md(
        business.decomposition_finding(margin_led, names, periods, flat, 0.0)
    )


def test_compute_table_and_finding() -> None:
    when = ("FY2024", "H1 2025")
    compute = [h.fact("zhipu", "rd_expense", p, "compute_services") for p in when]
    rd = [h.fact("zhipu", "rd_expense", p) for p in when]
    rev = [h.fact("zhipu", "revenue", p) for p in when]
    table = business.compute_table(compute, rd, rev)
    assert table["compute / revenue"].tolist() == ["5.0x", "6.0x"]
    with pytest.raises(ValueError, match="periods differ"):
        business.compute_table(compute, rd, rev[::-1])
    above = md(business.compute_finding(compute, rev, 14.4))
    assert "is above the full-year one" in above and "compute in R&D was 5.0x revenue" in above
    assert "units of compute" not in above
    low = [compute[0], replace(compute[1], value=700.0)]
    assert "is below the full-year one" in md(business.compute_finding(low, rev, 14.4))
    assert "is our assumption" in above
    same = [compute[0], replace(compute[1], value=compute[0].value / rev[0].value * rev[1].value)]
    assert "matches the full-year one" in md(business.compute_finding(same, rev, 14.4))


def test_bridge_residual_is_hedged_only_when_an_input_is() -> None:
    loss, adjusted = (
        h.fact("minimax", "net_loss", "FY2025"),
        h.fact("minimax", "adjusted_net_loss", "FY2025", "high"),
    )
    charge = h.fact("minimax", "fair_value_loss_preferred_shares", "FY2025")
    table = business.bridge_table(
        [
            ("MiniMax, FY2025", loss, adjusted, charge),
            (
                "Zhipu, FY2024",
                h.fact("zhipu", "net_loss", "FY2024"),
                h.fact("zhipu", "adjusted_net_loss", "FY2024"),
                None,
            ),
        ]
    )
    residual = table["other adjustments, not itemised in our sources"].tolist()
    assert residual == ["about USD 31 million", "RMB 492.4 million"]
    assert table["itemised in our sources"].iloc[1] == "none"
    assert "about 85% of it" in md(business.bridge_finding(loss, charge, adjusted))


def test_half_unit() -> None:
    assert business.half_unit(1590) == 5.0
    assert business.half_unit(1872) == 0.5
    assert business.half_unit(190.9) == pytest.approx(0.05)
    assert business.half_unit(26) == 0.5


def test_bridge_notes_both_ways() -> None:
    nine = (
        h.fact("minimax", "net_loss", "9M2025"),
        h.fact("minimax", "adjusted_net_loss", "9M2025"),
    )
    loss, charge = (
        h.fact("minimax", "net_loss", "FY2025"),
        h.fact("minimax", "fair_value_loss_preferred_shares", "FY2025"),
    )
    adjusted = h.fact("minimax", "adjusted_net_loss", "FY2025", "high")
    out = md(business.bridge_notes(nine, (loss, charge, adjusted)))
    assert (
        "starts from the loss attributable to owners" in out and "USD 326 million residual" in out
    )
    assert (
        "about USD 31 million lies outside the rounding" in out and "at most USD 6.0 million" in out
    )
    assert "rounding alone does not explain it" in out
    close = md(business.bridge_notes(nine, (replace(loss, value=1844.0), charge, adjusted)))
    assert "about USD 3 million lies inside" in close and "may be no adjustment at all" in close


def test_cash_pair_finding_both_ways() -> None:
    ocf = h.fact("zhipu", "operating_cash_flow", "H1 2025")
    loss, adjusted = (
        h.fact("zhipu", "net_loss", "H1 2025"),
        h.fact("zhipu", "adjusted_net_loss", "H1 2025"),
    )
    out = md(business.cash_pair_finding(ocf, loss, adjusted))
    assert "used RMB 1,327 million of cash" in out and "the adjusted loss is the nearer" in out
    assert "the net loss is the nearer" in md(
        business.cash_pair_finding(replace(ocf, value=-2300.0), loss, adjusted)
    )
    with pytest.raises(ValueError, match="periods differ"):
        business.cash_pair_finding(ocf, h.fact("zhipu", "net_loss", "FY2024"), adjusted)


def test_q4_check_all_branches() -> None:
    fy, nine = h.fact("minimax", "revenue", "FY2025"), h.fact("minimax", "revenue", "9M2025")
    q4 = h.fact("minimax", "revenue", "Q4 2025")
    out = md(business.q4_check(fy, nine, q4))
    assert (
        "fourth quarter of USD 25.6 million" in out
        and "consistent with (not independent of)" in out
    )
    assert "differs from" in md(business.q4_check(fy, nine, replace(q4, value=29.0)))
    independent = replace(q4, source_id="S0")  # published on another day than S24
    assert "which agrees with that" in md(business.q4_check(fy, nine, independent))


def test_multiples_and_their_finding() -> None:
    rows = [
        (
            "Zhipu",
            h.fact("zhipu", "valuation_post_money", "2025-05-29"),
            ZP_REV[0],
            ZP_REV,
            h.fact("zhipu", "gross_margin", "FY2024"),
        ),
        (
            "MiniMax",
            h.fact("minimax", "valuation_post_money", "2025-08-19"),
            MM_REV[0],
            MM_REV,
            h.fact("minimax", "gross_margin", "FY2024"),
        ),
    ]
    table = business.multiples_table(rows)  # type: ignore[arg-type]
    assert table["LTM window ends after the round by"].tolist() == ["32 days", "42 days"]
    assert table[business.AGE].round(1).tolist() == [4.9, 7.6]
    assert table[business.GROWTH].round(1).tolist() == [6.6, 8.7]
    assert table.iloc[0, 2] == pytest.approx(24377 / 312.4)
    finding = md(business.multiples_finding(table))
    assert "above Zhipu's 78x" in finding and "wider still" in finding and "kept less" in finding
    assert (
        "7.6 months old at MiniMax's round against 4.9 months" in finding
        and "grew faster" in finding
    )
    assert "weighs against the later round, of the faster grower" in finding
    flipped = table.iloc[::-1]
    back = md(business.multiples_finding(flipped))
    assert "below" in back and "narrower" in back and "kept more" in back
    assert "grew slower" in back and "does not weigh against one round" in back
    level = table.copy()
    level[business.GROWTH] = [7.0, 7.1]
    assert "about as fast" in md(business.multiples_finding(level))


def test_profile_regions_and_takeaways() -> None:
    counts = {
        "zhipu": [(h.fact("zhipu", "institutional_customers", "2025-06-30"), "at a date")],
        "minimax": [(h.fact("minimax", "paying_users", "9M2025", "ai_native"), "kind not stated")],
    }
    table = business.profile_table(h.load_profile(), counts)
    assert table.loc["Founded", "Zhipu"] == "2019 [S0]"
    assert table.iloc[-1]["Zhipu"] == "over 8,000 at a date [S10]"
    assert (
        table.index[-1] == "Customers and users, company-stated (unaudited), with the kind of count"
    )
    mau = business.profile_table(
        h.load_profile(),
        counts
        | {
            "minimax": [
                (h.fact("minimax", "mau_average", "9M2025", "ai_native"), "monthly active users")
            ]
        },
    )
    assert mau.iloc[-1]["MiniMax"] == "27.622 million monthly active users [S20]"
    assert "73.05% came from elsewhere" in md(
        business.regions_finding(
            h.fact("zhipu", "revenue_share_region", "H1 2025", "mainland_china"),
            h.fact("minimax", "revenue_share_region", "9M2025", "mainland_china"),
        )
    )
    steps = business.ladder(ZP_REV, MM_REV, "USD")  # type: ignore[arg-type]
    parts = {"before": 12.2, "mix": 0.2, "margin 0": 9.1, "margin 1": 1.8, "after": 23.3}
    mult = pd.DataFrame([[0, 0, 78.0, 53.0, 0, 139.0], [0, 0, 139.0, 66.0, 0, 1139.0]])
    weights = ((14.4, 50.0), (63.7, 75.0))
    years = (
        h.fact("minimax", "gross_margin", "FY2024"),
        h.fact("minimax", "gross_margin", "FY2025"),
    )
    top5 = h.fact("zhipu", "top5_customers_share", "FY2024")
    out = md(
        business.takeaways(
            steps,
            5.0,
            weights,
            parts,
            ("FY2024", "9M2025"),
            5.0,
            mult,
            top5,
            84.9,
            years,
            2.98,
            "FY2024",
        )
    )
    assert "there mix gave +3.0 percentage points (known only from the FY2025 results" in out
    assert "5.0x its revenue in FY2024: research spending" in out and "training" not in out
    assert "about the same as Zhipu" in out and "rose by 11.1" in out and "about 85%" in out
    assert (
        "in 2024 Zhipu's first half carried only 14.4% of its year and MiniMax's first nine months 63.7%"
        in out
    )
    assert (
        "revenue concentrated (five customers gave 45.5%" in out and "a few institutions" not in out
    )
    assert "On whole years it rose from 12.2% (FY2024) to 25.4% (FY2025)" in out
    assert "compute in Zhipu's R&D was 5.0x" in out
    fell = md(
        business.takeaways(
            steps,
            5.0,
            weights,
            parts | {"after": 10.0},
            ("FY2024", "9M2025"),
            5.0,
            mult,
            top5,
            84.9,
            (years[1], years[0]),
            -1.0,
            "FY2024",
        )
    )
    assert "fell by 2.2" in fell and "On whole years it fell" in fell


def test_cloud_mix_and_finding_both_ways() -> None:
    pairs = [
        (h.fact("zhipu", "revenue_share_segment", p, "on_premise"), h.fact("zhipu", "revenue", p))
        for p in ("FY2022", "FY2024", "H1 2025", "FY2025")
    ]
    mix = business.cloud_mix(pairs)
    assert mix["cloud share, %"].tolist() == [4.5, 15.5, 15.2, 26.3]
    assert mix["cloud revenue (derived)"].tolist()[1] == "RMB 48.4 million"
    finding = md(business.cloud_finding(mix))
    assert "rose from 4.5%" in finding and "below FY2024's by 0.3 percentage points" in finding
    assert (
        "share of FY2025 was 26.3%, so on whole years it rose by 10.8 percentage points" in finding
    )
    assert finding.endswith("the shift went on.")
    turned = mix.assign(**{"cloud share, %": [20.0, 10.0, 12.0, 8.0]})
    out = md(business.cloud_finding(turned))
    assert "fell from 20.0%" in out and "above" in out and "the shift turned." in out
    paused = mix.assign(**{"cloud share, %": [4.5, 15.5, 15.5, 15.5]})
    out = md(business.cloud_finding(paused))
    assert "equal to" in out and "the shift paused." in out and "was unchanged by 0.0" in out
    with pytest.raises(ValueError, match="three whole years and a half-year"):
        business.cloud_finding(mix.iloc[[0, 1, 2]])
    with pytest.raises(ValueError, match="three whole years and a half-year"):
        business.cloud_finding(mix.iloc[[0, 1, 3]])


def test_later_season_finding_all_branches() -> None:
    h1, fy = h.fact("zhipu", "revenue", "H1 2025"), h.fact("zhipu", "revenue", "FY2025")
    out = md(business.later_season_finding(h1, fy, 14.4))
    assert "carried 26.4% of FY2025 revenue (S40, S7), less than the 50%" in out
    assert "more than the 14.4% of the year before" in out and "to the second half again" in out
    assert "less than the 30.0%" in md(business.later_season_finding(h1, fy, 30.0))
    assert "about the same as the 26.0%" in md(business.later_season_finding(h1, fy, 26.0))
    even = md(business.later_season_finding(replace(h1, value=362.0), fy, 14.4))
    assert "close to the 50%" in even and "spread about evenly" in even
    heavy = md(business.later_season_finding(replace(h1, value=500.0), fy, 14.4))
    assert "more than the 50%" in heavy and "tilted to the first half" in heavy


def test_whole_year_margin_finding_both_ways() -> None:
    a, b = h.fact("zhipu", "gross_margin", "FY2024"), h.fact("zhipu", "gross_margin", "FY2025")
    out = md(business.whole_year_margin_finding(a, b))
    assert (
        "fell from 56.3% in FY2024 to 41.0% in FY2025 (S40, S7), by 15.3 percentage points" in out
    )
    assert "rose from 41.0%" in md(business.whole_year_margin_finding(b, a))
    assert "was unchanged" in md(business.whole_year_margin_finding(a, a))


def test_mix_effect_matches_decompose() -> None:
    assert business.mix_effect([50, 50], [10, 30], [40, 60]) == pytest.approx(2.0)
    with pytest.raises(ValueError, match="mix_effect needs"):
        business.mix_effect([50], [10, 30], [40, 60])


def test_stated_count_keeps_source_digits() -> None:
    assert business.stated_count(1771600) == "1.7716 million"
    assert business.stated_count(27622000) == "27.622 million"
    assert business.stated_count(3000000) == "3 million"
    assert business.stated_count(2500) == "2,500"


def test_concentration_finding() -> None:
    top5 = h.fact("zhipu", "top5_customers_share", "FY2024")
    out = md(business.concentration_finding(top5, 5))
    assert "top 5 customers gave 45.5%" in out and "about 9.1%" in out
