"""The data of the first listed year: the sureness column, the price table and their rules.

Each rule is proved by breaking a private copy of ``data/`` (the pattern of
``tests/test_data.py``): the load fails with a message naming the file, the
line and the value.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from test_data import _expect, _replace

import helpers as h

REPO_DATA = Path(__file__).resolve().parent.parent / "data"

#: Dated closes as FACTS.md ("The first year as listed companies") lists them, in HKD.
FACTS_CLOSES = {
    ("zhipu", "2026-03-31"): 693.5,
    ("zhipu", "2026-04-01"): 915.0,
    ("zhipu", "2026-06-22"): 2410.0,
    ("zhipu", "2026-06-30"): 2104.0,
    ("zhipu", "2026-07-08"): 1825.0,
    ("zhipu", "2026-08-31"): 1195.0,
    ("zhipu", "2026-09-11"): 793.0,
    ("zhipu", "2026-09-18"): 780.0,
    ("minimax", "2026-03-18"): 1238.0,
    ("minimax", "2026-03-31"): 929.5,
    ("minimax", "2026-06-30"): 417.0,
    ("minimax", "2026-07-09"): 297.40,
    ("minimax", "2026-08-31"): 349.0,
}
#: The offer prices (the day before the first close) and the listing days.
FIRST_DAYS = {"zhipu": "2026-01-08", "minimax": "2026-01-09"}
PRE_S40_SOURCES = {f"S{i}" for i in range(33)}


# --------------------------------------------------------------------------- sureness


def test_every_fact_has_a_sureness_and_f_plus_names_a_second_source() -> None:
    facts = h.load_facts()
    assert set(facts["sureness"]) <= {"F", "F+", "M", "IP", "D"}
    f_plus = facts[facts["sureness"] == "F+"]
    assert len(f_plus) > 0 and (f_plus["corroborated_by"] != "").all()


def test_rows_before_the_listed_year_follow_the_documented_rule() -> None:
    """S17 (the rule book) F; an expected burn or a stated runway IP; every other earlier figure M."""
    facts = h.load_facts()
    old = facts[facts["source_id"].isin(PRE_S40_SOURCES)]
    for row in old.itertuples():
        if row.source_id == "S17":
            expected = "F"
        elif row.metric in ("cash_burn_per_month", "runway_stated"):
            expected = "IP"
        else:
            expected = "M"
        assert row.sureness == expected, (row.fact_id, row.sureness, expected)


def test_management_claims_and_forecasts_are_ip() -> None:
    facts = h.load_facts()
    claims = facts[
        facts["metric"].isin(
            [
                "arr",
                "arr_target",
                "revenue_forecast_consensus",
                "adjusted_net_loss_forecast",
                "paying_developers",
            ]
        )
    ]
    assert len(claims) >= 9 and (claims["sureness"] == "IP").all()
    assert h.fact("zhipu", "arr", "2026-08", "api").sureness == "IP"


def test_fact_lookup_carries_sureness() -> None:
    assert h.fact("zhipu", "revenue", "FY2025").sureness == "F+"
    assert h.fact("minimax", "revenue", "9M2025").sureness == "M"


def test_unknown_sureness_fails(data_copy: Path) -> None:
    line = _replace(
        data_copy / "facts.csv",
        ",24.6,,percent,,S42,interim results (2026-08-31),,reported,,,,F\n",
        ",24.6,,percent,,S42,interim results (2026-08-31),,reported,,,,certain\n",
    )
    _expect("facts", "data/facts.csv", f"line {line}", "'sureness'", "'certain'")


def test_empty_sureness_fails(data_copy: Path) -> None:
    path = data_copy / "facts.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[1] = lines[1].rsplit(",", 1)[0] + ","
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    _expect("facts", "data/facts.csv", "line 2", "'sureness'", "a value is required")


def test_f_plus_without_a_second_source_fails(data_copy: Path) -> None:
    line = _replace(
        data_copy / "facts.csv",
        "FY2025 results (2026-03-31),S56;S45,reported,,,,F+",
        "FY2025 results (2026-03-31),,reported,,,,F+",
    )
    _expect("facts", "data/facts.csv", f"line {line}", "'sureness'", "'F+' needs a second source")


def test_research_compilation_is_a_source_kind() -> None:
    sources = h.load_sources().set_index("source_id")
    assert sources.loc["S40", "kind"] == "research_compilation"
    assert sources.loc["S48", "kind"] == "research_compilation"


def test_every_conflict_keeps_both_sides() -> None:
    """C1, C2, C3, C9, C10: the figure to use is reported, the other side kept as an alternative."""
    for fact_id in (
        "zp_net_loss_fy2025_attributable",
        "zp_seggrowth_cloud_fy2025_s56",
        "zp_capex_fy2025_mdna",
        "zp_oa_shares_later",
        "zp_star_amount_s60",
    ):
        row = h.fact_by_id(fact_id)
        assert row.status == "alternative"
        assert h.fact_by_id(row.superseded_by).status == "reported"


# --------------------------------------------------------------------------- prices


def test_prices_match_the_closes_facts_md_lists() -> None:
    prices = h.load_prices().set_index(["company", "date"])["close"]
    for (company, day), close in FACTS_CLOSES.items():
        assert prices.loc[(company, pd.Timestamp(day))] == pytest.approx(close), (company, day)


def test_prices_run_from_listing_to_2026_09_18_with_their_source() -> None:
    prices = h.load_prices()
    for company, first in FIRST_DAYS.items():
        rows = prices[prices["company"] == company]
        assert rows["date"].min() == pd.Timestamp(first)
        assert rows["date"].max() == pd.Timestamp("2026-09-18")
        assert rows["date"].is_monotonic_increasing
        assert len(rows) > 160
    assert set(prices["source_id"]) == {"S48", "S49"}
    assert prices["locator"].str.endswith("@0d66a879dc9a63295edd7badb67306cc1a629dc2").all()


def test_first_closes_agree_with_the_listing_reports() -> None:
    """An independent check: the first closes in the price files equal those in the press (S13, S23)."""
    prices = h.load_prices().set_index(["company", "date"])["close"]
    for company, day in FIRST_DAYS.items():
        reported = h.fact(company, "share_price_close", day)
        assert prices.loc[(company, pd.Timestamp(day))] == pytest.approx(reported.value)


def test_placing_discounts_agree_with_the_closes() -> None:
    """The placing notices' discounts, recomputed from the price table's closes."""
    prices = h.load_prices().set_index(["company", "date"])["close"]
    for company, placing_day, close_day in (
        ("zhipu", "2026-07-13", "2026-07-08"),
        ("zhipu", "2026-09-16", "2026-09-11"),
        ("minimax", "2026-07-14", "2026-07-09"),
    ):
        price = h.fact(company, "placing_price", placing_day).value
        close = prices.loc[(company, pd.Timestamp(close_day))]
        discount = h.fact(company, "placing_discount", placing_day).value
        assert (1 - price / close) * 100 == pytest.approx(discount, abs=0.01)


def test_bad_close_fails(data_copy: Path) -> None:
    line = _replace(data_copy / "prices.csv", "zhipu,2026-03-31,693.5,", "zhipu,2026-03-31,693.5x,")
    _expect("prices", "data/prices.csv", f"line {line}", "'close'", "'693.5x'")


def test_zero_close_fails(data_copy: Path) -> None:
    line = _replace(data_copy / "prices.csv", "minimax,2026-07-09,297.4,", "minimax,2026-07-09,0,")
    _expect("prices", "data/prices.csv", f"line {line}", "'close'", "must be above 0")


def test_prices_out_of_order_fail(data_copy: Path) -> None:
    line = _replace(data_copy / "prices.csv", "zhipu,2026-04-01,915,", "zhipu,2026-03-29,915,")
    _expect("prices", "data/prices.csv", f"line {line}", "2026-03-29", "not after")


def test_price_locator_needs_a_commit(data_copy: Path) -> None:
    line = _replace(
        data_copy / "prices.csv",
        "zhipu,2026-03-31,693.5,HKD,S48,data/Zhipu_KnowledgeAtlas_daily.csv@0d66",
        "zhipu,2026-03-31,693.5,HKD,S48,data/Zhipu_KnowledgeAtlas_daily.csv@main#0d66",
    )
    _expect("prices", "data/prices.csv", f"line {line}", "'locator'")


def test_price_unknown_source_fails(data_copy: Path) -> None:
    line = _replace(
        data_copy / "prices.csv",
        "minimax,2026-03-31,929.5,HKD,S49,",
        "minimax,2026-03-31,929.5,HKD,S99,",
    )
    _expect("prices", "data/prices.csv", f"line {line}", "'S99'", "unknown source")


def test_price_in_another_currency_fails(data_copy: Path) -> None:
    line = _replace(
        data_copy / "prices.csv", "minimax,2026-06-30,417,HKD,", "minimax,2026-06-30,417,USD,"
    )
    _expect("prices", "data/prices.csv", f"line {line}", "'currency'", "'USD'")
