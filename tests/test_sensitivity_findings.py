"""Notebook 03's layer in helpers.sensitivity: every branch of every verdict, tables, charts, proceeds, parameters."""

from __future__ import annotations

import math
from dataclasses import replace

import matplotlib
import numpy as np
import pandas as pd
import pytest

from helpers import params
from helpers import sensitivity as sn
from helpers.facts import Fact, fact
from helpers.runway import runway_months

matplotlib.use("Agg")


def F(value: float, **kw: str) -> Fact:  # noqa: N802 - a short name for a made-up fact
    """A made-up fact for a test; only the fields a finding reads matter."""
    base = dict(
        fact_id="x",
        company="zhipu",
        metric="m",
        breakdown="",
        period_label="H1 2025",
        value=value,
        qualifier="",
        unit="million",
        currency="RMB",
        source_id="S0",
        locator="1.1",
        status="reported",
        superseded_by="",
        note="",
    )
    base.update(kw)
    return Fact(**base)  # type: ignore[arg-type]


def text(markdown: object) -> str:
    return str(getattr(markdown, "data", markdown))


def title(fig: object) -> str:
    return " ".join(fig.get_suptitle().split())  # type: ignore[attr-defined]


# --------------------------------------------------------------------------- small verdicts


def test_lasting_both_branches() -> None:
    assert sn.lasting(math.inf) == "cash that never runs out"
    assert sn.lasting(37.498) == "a runway of 37.5 months"


def test_runway_gap() -> None:
    assert sn.runway_gap(math.inf, math.inf) == 0.0
    assert sn.runway_gap(math.inf, 10.0) == math.inf
    assert sn.runway_gap(10.0, math.inf) == -math.inf
    assert sn.runway_gap(40.0, 37.5) == 2.5


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (math.inf, 9.0, "longer"),
        (9.0, math.inf, "shorter"),
        (10.0, 9.0, "longer"),
        (9.0, 10.0, "shorter"),
        (9.0, 9.0, "the same"),
        (math.inf, math.inf, "the same"),
    ],
)
def test_longer(a: float, b: float, expected: str) -> None:
    assert sn.longer(a, b) == expected


@pytest.mark.parametrize(
    ("low", "high", "expected"),
    [
        (-3.0, 12.0, "the high end"),
        (-12.0, 3.0, "the low end"),
        (-5.0, 5.0, "both ends alike"),
        (0.0, math.inf, "the high end"),
        (-math.inf, 2.0, "the low end"),
        (-5.0, 5.04, "both ends alike"),
    ],
)
def test_driving_end(low: float, high: float, expected: str) -> None:
    assert sn.driving_end(low, high) == expected


def test_compute_shares() -> None:
    assert sn.compute_shares(0.3, 50.0, {"cash_outflow": 100.0}) == {"minimax": 0.3, "zhipu": 0.3}
    assert sn.compute_shares(0.0, 50.0, {"cash_outflow": 100.0}) == {"minimax": 0.0, "zhipu": 0.0}
    assert sn.compute_shares(None, 50.0, {"cash_outflow": 100.0}) == {"minimax": 0.5, "zhipu": 0.5}
    assert sn.compute_shares(None, 150.0, {"cash_outflow": 100.0}) == {
        "minimax": 1.0,
        "zhipu": 1.0,
    }  # capped
    with pytest.raises(ValueError, match="operating cash outflow"):
        sn.compute_shares(None, 50.0, {"cash_outflow": 0.0})


def test_tornado_labels() -> None:
    ladder = sn.cash_ladder(1.0, 2.0, 3.0)
    assert sn.tornado_label("cash", 1.0, ladder) == "cash only"
    assert sn.tornado_label("cash", 6.0, ladder) == "all three items"
    assert sn.tornado_label("cash", 7.5, ladder) == "USD 7.5 million"
    assert sn.tornado_label("burn_growth_per_month", 0.03, ladder) == "+3.0% a month"
    assert sn.tornado_label("compute_price_change", -0.3, ladder) == "-30%"


def test_observed_growth_and_points() -> None:
    assert (1 + sn.observed_monthly_growth(175)) ** 12 == pytest.approx(2.75)
    assert sn.heat_points(0.0, 0.05, 0.01, n=3) == [0.0, 0.01, 0.025, 0.05]
    assert sn.heat_points(0.0, 0.05, 0.0, [0.088], n=2) == [0.0, 0.05, 0.088]


# --------------------------------------------------------------------------- the scenario and its tables

MM = sn.Scenario(
    cash=1046.2, burn=27.9, compute_share=0.5, revenue_per_month=5.94, revenue_margin=0.233
)


def test_scenario_runway() -> None:
    assert MM.runway() == 1046.2 / 27.9
    assert MM.runway(burn_level_change=0.2) == pytest.approx(1046.2 / (27.9 * 1.2))
    assert MM.runway(compute_price_change=0.2) == pytest.approx(1046.2 / (27.9 * 1.1))
    assert MM.runway(proceeds=100.0) == pytest.approx(1146.2 / 27.9)
    assert MM.runway(revenue_growth_per_month=0.088) == math.inf
    with pytest.raises(ValueError, match="burn_level_change"):
        MM.runway(burn_level_change=-1.0)


def test_tornado_changes_and_order() -> None:
    ranges = {
        "cash": (362.6, 1046.2),
        "burn_level_change": (-0.2, 0.2),
        "revenue_growth_per_month": (0.0, 0.088),
    }
    t = sn.tornado(MM, ranges)
    assert t["input"].tolist() == ["revenue_growth_per_month", "cash", "burn_level_change"]
    row = t.set_index("input").loc["cash"]
    assert row["change_low"] == pytest.approx(362.6 / 27.9 - 1046.2 / 27.9)
    assert row["change_high"] == 0.0
    assert t.set_index("input").loc["revenue_growth_per_month", "change_high"] == math.inf
    shown = sn.tornado_display(t, sn.cash_ladder(362.6, 644.2, 39.4))
    assert shown.loc["Revenue growth", "change "] == "never runs out"
    assert shown.loc["Cash counted", "change"].startswith("-24.5")


def test_tables() -> None:
    ladder = sn.cash_ladder(362.6, 644.2, 39.4)
    items = [F(362.6, currency="USD"), F(644.2, currency="USD"), F(39.4, currency="USD")]
    assert sn.ladder_table(items, ladder, 27.9)["runway at a flat burn"].tolist() == [
        "13.0 months",
        "36.1 months",
        "37.5 months",
    ]
    sheet = sn.spreadsheet(1046.2, 27.9, 0.03, around=24)
    assert list(sheet.index) == [1, 2, 3, 22, 23, 24, 25]
    assert sheet.loc[1, "cash left, first-day charges"] == pytest.approx(1018.3)
    # the exact monthly charges meet the closed form at every month end; the first-day charges do not
    assert (
        sheet["cash left, exact monthly charges"] - sheet["cash left, closed form"]
    ).abs().max() < 0.011
    assert (
        sheet.loc[24, "cash left, first-day charges"] > sheet.loc[24, "cash left, closed form"] + 1
    )
    assert sheet.loc[1, "burn over the month, exact"] == pytest.approx(
        27.9 * 0.03 / math.log1p(0.03), abs=0.01
    )
    flat = sn.spreadsheet(100.0, 10.0, 0.0, around=2)
    assert (
        list(flat.index) == [1, 2, 3, 4] and flat.loc[4, "cash left, exact monthly charges"] == 60.0
    )
    assert str(sn.spreadsheet(100.0, 25.0, 0.0, around=4).loc[4, "cash left, closed form"]) == "0.0"
    assert list(sn.growth_table(ladder, 27.9, [0.0]).iloc[0]) == [
        "0.0%",
        "13.0 months",
        "36.1 months",
        "37.5 months",
    ]
    assert sn.compute_table(MM, [0.2], "USD").iloc[0, 1] == "30.69"
    revenue = sn.revenue_table(MM, [0.0, 0.088], 0.088)
    assert revenue.iloc[1, 0] == "8.8% (observed pace)" and revenue.iloc[0, 0] == "0.0%"
    grid = sn.heat_grid(MM, [0.0, 0.03], [0.0, 0.088])
    assert grid.shape == (2, 2) and math.isinf(grid[1, 0])
    assert sn.heat_table(grid, [0.0, 0.03], [0.0, 0.088]).iloc[1, 0] == "never"


def test_burn_table() -> None:
    facts = {"cash_outflow": F(-1327.0), "net_loss": F(2358.0)}
    table = sn.burn_table(
        "zhipu", facts, {"cash_outflow": 221.2, "net_loss": 393.0}, {"cash": 2552.0}
    )
    assert table["burn definition"].tolist() == ["operating cash outflow", "net loss"]
    assert table["runway on cash"].tolist() == [
        f"{2552 / 221.2:.1f} months",
        f"{2552 / 393:.1f} months",
    ]


# --------------------------------------------------------------------------- capex, FCF, proceeds


def test_free_cash_burn() -> None:
    assert sn.free_cash_burn(F(-1327.0), None) is None
    assert sn.free_cash_burn(F(-1327.0), F(23.0)) == pytest.approx((1327 + 23) / 6)
    with pytest.raises(ValueError, match="share period and currency"):
        sn.free_cash_burn(F(-1327.0), F(23.0, period_label="FY2025"))


def test_capex_absent_and_present(monkeypatch: pytest.MonkeyPatch) -> None:
    assert sn.capex("zhipu", "H1 2025") is None
    monkeypatch.setattr(sn, "fact", lambda *a, **k: F(23.0))
    assert sn.capex("zhipu", "H1 2025") == F(23.0)


def test_hkd_factor() -> None:
    assert sn.hkd_factor("USD", hkd_per_usd=7.8) == (1 / 7.8, "your rate (parameters cell)")
    assert sn.hkd_factor("RMB", rmb_per_hkd=0.9) == (0.9, "your rate (parameters cell)")
    factor, note = sn.hkd_factor("USD")
    assert factor == pytest.approx(1 / 7.8) and note.startswith("7.8 HKD per USD, dated")
    with pytest.raises(ValueError, match="EUR"):
        sn.hkd_factor("EUR")


def test_proceeds_every_branch() -> None:
    none = sn.proceeds("zhipu", "none", "RMB", "2026-01-08", 0.894, "note")
    assert none.amount == 0.0 and none.warning == ""
    gross = sn.proceeds("zhipu", "gross", "RMB", "2026-01-08", 0.894, "note")
    assert gross.amount == pytest.approx(4348 * 0.894) and gross.basis == "gross"
    net = sn.proceeds("zhipu", "net", "RMB", "2026-01-08", 0.894, "note")
    assert net.amount == pytest.approx(4173.4 * 0.894) and net.warning == "" and net.basis == "net"
    # MiniMax's "net" USD 680 million exceeds the gross of the shares issued on the listing day at 7.8:
    # that gross stands in, with a warning.
    mm = sn.proceeds("minimax", "net", "USD", "2026-01-09", 1 / 7.8, "note")
    assert mm.amount == pytest.approx(4818 / 7.8) and len(mm.facts) == 3
    assert "exceed the gross" in mm.warning and "does not say gross or net" in mm.warning
    assert (
        "over-allotment option exercised in full" in mm.warning
        and "USD 710.3 million; USD 680.0 million is 4.3% below it: fees of 4.3% of that gross"
        in mm.warning
        and "base deal" not in mm.warning
    )
    assert sn.proceeds_phrase("net", {"minimax": mm, "zhipu": net}) == (
        "proceeds gross of the shares issued on the listing day for MiniMax and net for Zhipu"
    )
    # At a rate that puts even the over-allotment gross below the "net", no reading fits.
    above = sn.proceeds("minimax", "net", "USD", "2026-01-09", 1 / 8.5, "note")
    assert "exceed even the gross with the over-allotment" in above.warning
    assert "fees of" not in above.warning and "They fit" not in above.warning
    assert sn.proceeds_phrase("net", {"zhipu": net}) == "net proceeds"
    assert sn.proceeds_phrase("none", {"zhipu": none}) == "no proceeds counted"
    # At a rate that makes the gross larger than the net, the net is used and nothing is said.
    consistent = sn.proceeds("minimax", "net", "USD", "2026-01-09", 1 / 7.0, "note")
    assert consistent.amount == 680.0 and consistent.warning == "" and consistent.rate_note == ""
    with pytest.raises(ValueError, match="proceeds_counted"):
        sn.proceeds("zhipu", "all", "RMB", "2026-01-08", 0.894, "note")


# --------------------------------------------------------------------------- findings


MM_ITEMS = [
    F(362.6, currency="USD", source_id="S6"),
    F(644.2, currency="USD"),
    F(39.4, currency="USD"),
]


@pytest.mark.parametrize(
    ("total", "stated", "words"),
    [
        (1046.2, 37.0, ["which agrees with the total", "matches it", "is the one that fits"]),
        (1050.0, 37.0, ["which does not agree with the total", "does not fit either"]),
        (1046.2, 30.0, ["does not match it"]),
    ],
)
def test_finding_article(total: float, stated: float, words: list[str]) -> None:
    out = text(
        sn.finding_article(
            MM_ITEMS,
            F(total, currency="USD"),
            F(27.9, currency="USD"),
            runway_months(total, 27.9),
            F(stated, unit="months", currency=""),
            F(363.0, currency="USD"),
        )
    )
    for word in words:
        assert word in out, out


def test_finding_growth_each_sign() -> None:
    up = text(sn.finding_growth("cash", 24, 0.0354, 24.28, 23.72))
    assert "grows by" in up and "any faster growth takes it below" in up and "(longer than" in up
    assert "23.72 months (shorter)" in up and "discrete models beside the continuous one" in up
    down = text(sn.finding_growth("cash", 24, -0.03, 23.5, 24.5))
    assert (
        "shrinks by" in down
        and "even a flat burn leaves it below" in down
        and "(shorter than" in down
    )
    assert "24.50 months (longer)" in down
    flat = text(sn.finding_growth("cash", 24, 0.0, 24.0, 24.0))
    assert (
        "stays flat, at" in flat
        and "(the same as the closed form)" in flat
        and "24.00 months (the same)" in flat
    )


def test_finding_compute_both_sources() -> None:
    shares = {"minimax": 0.86, "zhipu": 0.86}
    default = text(sn.finding_compute(F(1145.0), F(1594.7), F(-1327.0), shares, None))
    assert "borrowed for MiniMax" in default and "86%" in default and "72%" in default
    chosen = text(
        sn.finding_compute(F(1145.0), F(1594.7), F(-1327.0), {"minimax": 0.5, "zhipu": 0.5}, 0.5)
    )
    assert "set in the parameters cell" in chosen


def test_finding_revenue_both_outcomes() -> None:
    revenue, yoy = (
        F(53.437, currency="USD", period_label="9M2025"),
        F(175.0, unit="percent", currency=""),
    )
    assert "never runs out" in text(sn.finding_revenue(MM, revenue, yoy, 0.088, "S1"))
    assert "a runway of" in text(sn.finding_revenue(MM, revenue, yoy, 0.01, "S1"))


def test_finding_tornado_branches() -> None:
    ladder = sn.cash_ladder(362.6, 644.2, 39.4)
    t = sn.tornado(MM, {"revenue_growth_per_month": (0.0, 0.088), "burn_level_change": (-0.2, 0.2)})
    out = text(sn.finding_tornado(t, ladder))
    assert (
        "cash that never runs out;" in out
        and "is the base case itself, so the bar is one-sided" in out
    )
    assert "+0.0 months" not in out and "ranks first because one end" in out
    assert "its low end moves the runway further" in out
    two_sided = sn.tornado(
        MM, {"burn_growth_per_month": (-0.02, 0.03), "burn_level_change": (-0.2, 0.2)}
    )
    both = text(sn.finding_tornado(two_sided, ladder))
    assert (
        "its low end (-2.0% a month) gives a runway of" in both
        and "ranks first because" not in both
    )
    low_endless = sn.tornado(
        MM, {"burn_growth_per_month": (-0.05, 0.03), "burn_level_change": (-0.2, 0.2)}
    )
    endless = text(sn.finding_tornado(low_endless, ladder))
    assert "its low end (-5.0% a month) gives cash that never runs out" in endless
    assert "ranks first because one end" in endless
    t2 = sn.tornado(MM, {"cash": (362.6, 1046.2), "burn_level_change": (-0.05, 0.5)})
    assert "its high end moves the runway further" in text(sn.finding_tornado(t2, ladder))
    t3 = sn.tornado(MM, {"cash": (362.6, 1046.2), "compute_price_change": (-0.1, 0.1)})
    t3.loc[1, ["change_low", "change_high"]] = [-2.0, 2.0]
    assert "its two ends move the runway about equally" in text(sn.finding_tornado(t3, ladder))


ZP_BURNS = {"cash_outflow": 1327 / 6, "adjusted_net_loss": 1752 / 6, "net_loss": 2358 / 6}


def zp_finding(cash: float, fcf: float | None, loss_months: float = 9.0) -> str:
    runways = {k: runway_months(cash, b) for k, b in ZP_BURNS.items()}
    return text(
        sn.finding_zhipu(
            runways,
            F(loss_months, unit="months", currency="", qualifier="about"),
            F(12.0, unit="months", currency="", qualifier="over"),
            F(cash, period_label="2025-06-30"),
            ZP_BURNS,
            fcf,
        )
    )


def test_finding_zhipu_branches() -> None:
    short = zp_finding(2552.0, None)
    assert "is consistent with the runway on the **adjusted net loss**" in short
    assert "below the 12 months" in short and "would have to stay below RMB 212.7 million" in short
    assert "cannot be computed" in short
    long = zp_finding(3000.0, 10.5, loss_months=13.0)
    assert "above the 12 months" in long and "on that burn the report holds" in long
    assert "on it the cash lasts 10.5 months." in long
    assert "is closest to the runway on the **operating cash outflow**" in long


def test_proceeds_warning_without_over_allotment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sn, "_over_allotment", lambda company, listed: None)
    mm = sn.proceeds("minimax", "net", "USD", "2026-01-09", 1 / 7.8, "note")
    assert "no over-allotment figure" in mm.warning and len(mm.facts) == 2


@pytest.mark.parametrize(
    ("year", "used", "reserve", "words"),
    [
        (
            79.038,
            250.0,
            1050.0,
            [
                "averaged USD 8.53 million a month, more than",
                "at least USD 20.8 million a month, a floor below the USD 27.9",
                "cannot say whether the year used more or less",
                "more than the USD 962",
            ],
        ),
        (
            60.0,
            400.0,
            700.0,
            [
                "less than the USD 5.94",
                "a floor above the USD 27.9",
                "so the year used more cash than expected",
                "less than the USD 962",
            ],
        ),
        (
            71.3,
            335.0,
            960.0,
            [
                "about the same as the USD 5.94",
                "a floor about the same as the USD 27.9",
                "so the year used at least about what was expected",
                "about the same as the USD 962",
            ],
        ),
    ],
)
def test_finding_outcome_branches(
    year: float, used: float, reserve: float, words: list[str]
) -> None:
    nine = F(53.437, currency="USD", period_label="9M2025")
    out = text(
        sn.finding_outcome(
            MM,
            nine,
            F(year, currency="USD", period_label="FY2025"),
            F(used, currency="USD", period_label="FY2025", qualifier="over"),
            F(27.9, currency="USD"),
            F(reserve, currency="USD"),
            1046.2,
            3.0,
        )
    )
    for word in words:
        assert word in out, out
    assert "notebook 05 argues that figure is most likely the adjusted net loss" in out
    assert "about USD" not in out and "deposits and restricted cash" in out


def test_finding_outcome_needs_a_floor() -> None:
    usd = {"currency": "USD"}
    with pytest.raises(ValueError, match="qualifier 'over'"):
        sn.finding_outcome(
            MM,
            F(53.4, period_label="9M2025", **usd),
            F(79.0, period_label="FY2025", **usd),
            F(250.0, period_label="FY2025", **usd),
            F(27.9, **usd),
            F(1050.0, **usd),
            1006.8,
            3.0,
        )


@pytest.mark.parametrize(
    ("gap", "words", "absent"),
    [
        (
            70.8,
            [
                "RMB 1.9 million to RMB 6.2 million a month",
                "3% to 9% of the RMB 70.8 million",
                "explains little of it",
                "hindsight",
            ],
            "could explain much",
        ),
        (8.0, ["24% to 78% of the RMB 8.0 million", "could explain much of it"], "explains little"),
    ],
)
def test_finding_capex_gap_branches(gap: float, words: list[str], absent: str) -> None:
    capex = [
        F(23.088, period_label="FY2025", locator="cash flow"),
        F(74.7, period_label="FY2025", locator="MD&A"),
    ]
    out = text(sn.finding_capex_gap(gap, capex))
    for word in words:
        assert word in out, out
    assert absent not in out


def test_finding_like_for_like_branches() -> None:
    burns = {"cash_outflow": 27.9, "adjusted_net_loss": 20.7, "net_loss": 56.9}
    out = text(
        sn.finding_like_for_like(
            {"adjusted_net_loss": 17.5, "net_loss": 6.4},
            {"adjusted_net_loss": 8.7, "net_loss": 6.5},
            burns,
            "9M2025",
            "H1 2025",
            sn.cash_ladder(362.6, 644.2, 39.4),
        )
    )
    assert "USD 644.2 million of its USD 1,006.8 million" in out
    assert (
        "8.7 months (longer)" in out
        and "6.5 months (about the same)" in out
        and "is less than" in out
    )
    out = text(
        sn.finding_like_for_like(
            {"adjusted_net_loss": 5.0, "net_loss": 6.4},
            {"adjusted_net_loss": 8.7, "net_loss": 3.0},
            {**burns, "adjusted_net_loss": 30.0},
            "9M2025",
            "H1 2025",
            sn.cash_ladder(362.6, 644.2, 39.4),
        )
    )
    assert "8.7 months (shorter)" in out and "3.0 months (longer)" in out and "is more than" in out


def listing_cases(left_zp: float) -> dict[str, dict[str, object]]:
    added = sn.Proceeds(100.0, "net", "", (), "")
    return {
        "minimax": {
            "cash": 1.0,
            "burn": 1.0,
            "currency": "USD",
            "as_of": "2025-09-30",
            "listed": "2026-01-09",
            "burn_label": "cash burn",
            "proceeds": added,
            "runways": {
                "before": 13.0,
                "after": 35.0,
                "elapsed": 3.3,
                "left_before": 9.7,
                "left_after": 31.7,
            },
        },
        "zhipu": {
            "cash": 1.0,
            "burn": 1.0,
            "currency": "RMB",
            "as_of": "2025-06-30",
            "listed": "2026-01-08",
            "burn_label": "net loss",
            "proceeds": added,
            "runways": {
                "before": 6.0,
                "after": 20.0,
                "elapsed": 6.3,
                "left_before": left_zp,
                "left_after": 14.0,
            },
        },
    }


def test_finding_listings_branches() -> None:
    plain = {
        "minimax": sn.Proceeds(1.0, "net", "", (), ""),
        "zhipu": sn.Proceeds(1.0, "net", "", (), ""),
    }
    ok = text(sn.finding_listings(listing_cases(5.2), plain, "net", "the pace"))
    assert "overstates" not in ok and "Warning" not in ok
    assert (
        "Zhipu would have had 5.2 months left" in ok and "MiniMax would have had 9.7 months" in ok
    )
    warned = {
        **plain,
        "minimax": sn.Proceeds(1.0, "gross", "", (), "MiniMax's net exceeds the gross."),
    }
    bad = text(sn.finding_listings(listing_cases(-0.3), warned, "net", "the pace"))
    assert (
        "overstates the cash that left" in bad
        and "**Warning.** MiniMax's net exceeds the gross." in bad
    )
    table = sn.listings_table(listing_cases(5.2))
    assert table.loc["months left at listing, with proceeds", "Zhipu"] == "14.0 months"
    assert table.loc["rate used", "MiniMax"] == "no conversion"


def test_listing_case_and_dates() -> None:
    case = sn.listing_case(
        "zhipu",
        sn.Scenario(cash=2552.0, burn=221.2),
        sn.Proceeds(3731.0, "net", "", (), ""),
        "2025-06-30",
        "RMB",
        "operating cash outflow",
    )
    runways = case["runways"]
    assert isinstance(runways, dict)
    assert runways["left_before"] == pytest.approx(
        2552 / 221.2 - sn.months_between("2025-06-30", "2026-01-08")
    )
    assert sn.listing_date("minimax") == "2026-01-09"
    assert sn.pace(F(1.0, period_label="FY2025"), F(1.0), "cash_outflow") == (
        "MiniMax's cash burn expected for 2025 (article) and Zhipu's operating cash outflow (H1 2025)"
    )
    assert sn.pace(F(1.0, period_label="9M2025"), F(1.0), "net_loss") == (
        "MiniMax's net loss (9M2025) and Zhipu's net loss (H1 2025)"
    )


@pytest.mark.parametrize(
    ("cash", "stated", "most", "holds"),
    [
        (362.6, 37.0, "Most of that is not cash.", "checks out to a rounding"),
        (
            800.0,
            30.0,
            "Most of that is cash, but not all.",
            "does not reproduce the printed figure",
        ),
    ],
)
def test_takeaways_branches(cash: float, stated: float, most: str, holds: str) -> None:
    ladder = sn.cash_ladder(cash, 644.2, 39.4)
    t = sn.tornado(MM, {"revenue_growth_per_month": (0.0, 0.088), "burn_level_change": (-0.2, 0.2)})
    out = text(
        sn.takeaways(
            runway_months(1046.2, 27.9),
            F(stated, unit="months", currency=""),
            ladder,
            27.9,
            t,
            {"adjusted_net_loss": 8.7, "net_loss": 6.5, "cash_outflow": 11.5},
            {"adjusted_net_loss": 17.5, "net_loss": 6.4},
            listing_cases(5.2),
            "net",
            "the pace",
        )
    )
    assert most in out and holds in out and "Revenue growth moves the runway most" in out
    assert "17.5 months on its adjusted net loss against Zhipu's 8.7 months (longer)" in out
    assert "6.4 months on its net loss against Zhipu's 6.5 months (about the same)" in out
    assert "with net proceeds:" in out
    assert (
        "balance sheets three months apart" in out and "Zhipu would have had 5.2 months left" in out
    )


# --------------------------------------------------------------------------- charts


def test_charts_titles_state_their_findings() -> None:
    ladder = sn.cash_ladder(362.6, 644.2, 39.4)
    stated = F(37.0, unit="months", currency="", qualifier="about")
    fig = sn.ladder_chart(ladder, 27.9, stated, "S0", "2025-09-30")
    assert title(fig).startswith("Cash alone lasts 13 months")
    assert any("an undrawn facility at 2025-09-30" in t.get_text() for t in fig.texts)
    up = sn.growth_chart(
        ladder, 27.9, np.linspace(-0.02, 0.04, 5), 24, 0.0354, (0.0, 37.5), "S0", "2025-09-30"
    )
    assert title(up) == (
        "At the burn growth you chose, 0.0% a month, MiniMax's runway is 37.5 months on the "
        "cash you chose and 13.0 months on cash alone"
    )
    t = sn.tornado(MM, {"revenue_growth_per_month": (0.0, 0.088), "burn_level_change": (-0.2, 0.2)})
    assert title(sn.tornado_chart(t, ladder, "S0", "2025-09-30")) == (
        "Over these ranges, revenue growth moves MiniMax's runway most, and the high end drives it"
    )
    grid = sn.heat_grid(MM, [0.0, 0.03], [0.0, 0.088])
    heat = sn.heat_chart(grid, [0.0, 0.03], [0.0, 0.088], (0.0, 0.0), 0.233, "S0", "2025-09-30")
    assert "never running out" in title(heat)
    finite = sn.heat_chart(grid[:1], [0.0, 0.03], [0.0], (0.0, 0.0), 0.233, "S0", "2025-09-30")
    assert "from 25 months to 37 months" in title(finite)
    stated_zp = [
        F(9.0, unit="months", currency="", note="At the current rate of loss."),
        F(12.0, unit="months", currency="", note="On operating cash flow."),
    ]
    zp = sn.zhipu_chart(
        {"cash_outflow": 11.5, "net_loss": 6.5},
        stated_zp,
        F(2552.0, period_label="2025-06-30"),
        "S7",
    )
    assert title(zp).startswith("Zhipu's cash lasts 6.5 months to 11.5 months")
    listing = sn.listings_chart(listing_cases(5.2), "net", "the pace", "S13")
    assert "add 22 months to MiniMax's runway and 14 months to Zhipu's" in title(listing)
    none = sn.listings_chart(listing_cases(5.2), "none", "the pace", "S13")
    assert (
        "with no proceeds counted, MiniMax would have had 10 months left on its listing day and Zhipu 5 months"
        in title(none)
    )
    import matplotlib.pyplot as plt

    plt.close("all")


# --------------------------------------------------------------------------- parameters


def test_parameters_cover_the_notebook() -> None:
    """Every documented value passes its own check, and the README's papermill example is a parameter."""
    assert "burn_growth_per_month" in sn.PARAMETERS
    for name, value in params.cases(sn.PARAMETERS):
        params.check({name: sn.PARAMETERS[name]}, **{name: value})
    with pytest.raises(params.ParameterError, match="burn_definition"):
        params.check(
            {"burn_definition": sn.PARAMETERS["burn_definition"]}, burn_definition="free_cash_flow"
        )


def test_data_behind_the_defaults() -> None:
    """The facts the default paths rely on: MiniMax's "net" above its base gross at 7.8, Zhipu's net below gross."""
    mm_net = fact("minimax", "ipo_net_proceeds", "2026-01-09")
    mm_gross = fact("minimax", "ipo_gross_proceeds", "2026-01-09")
    assert mm_net.value > mm_gross.value / 7.8
    zp_net = fact("zhipu", "ipo_net_proceeds", "2026-01-08")
    zp_gross = fact("zhipu", "ipo_gross_proceeds", "2026-01-08")
    assert zp_net.value < zp_gross.value
    assert isinstance(replace(MM, cash=1.0), sn.Scenario)
    assert isinstance(sn.listings_table(listing_cases(1.0)), pd.DataFrame)
