"""Lookups, currency conversion and period arithmetic, with examples from the sources."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import helpers as h


def test_lookup_example() -> None:
    revenue = h.fact("minimax", "revenue", "9M2025")
    assert (revenue.value, revenue.unit, revenue.currency, revenue.source_id) == (
        53.437,
        "million",
        "USD",
        "S0",
    )


def test_lookup_no_match_says_what_exists() -> None:
    with pytest.raises(h.FactLookupError, match="matches no row.*9M2025"):
        h.fact("minimax", "revenue", "H1 2024")


def test_lookup_ambiguous(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # The data allow several non-reported rows per key; asking for one of them by status is ambiguous.
    import shutil
    from pathlib import Path

    from helpers.data import DATA_DIR_ENV

    target = tmp_path / "data"
    shutil.copytree(Path(h.data_dir()), target)
    facts = target / "facts.csv"
    text = facts.read_text(encoding="utf-8")
    row = next(line for line in text.splitlines() if line.startswith("zp_cash_2025_06_30_s8,"))
    facts.write_text(
        text + row.replace("zp_cash_2025_06_30_s8,", "zp_cash_copy,", 1) + "\n", encoding="utf-8"
    )
    monkeypatch.setenv(DATA_DIR_ENV, str(target))
    with pytest.raises(h.FactLookupError, match="ambiguous.*zp_cash_copy"):
        h.fact("zhipu", "cash_and_equivalents", "2025-06-30", status="alternative")


def test_article_implied_usd_rmb_is_near_7_04() -> None:
    usd = h.fact("minimax", "revenue", "9M2025")
    rmb = h.fact("minimax", "revenue", "9M2025", status="translation")
    val_usd = h.fact("minimax", "valuation_post_money", "2025-08-19")
    val_rmb = h.fact("minimax", "valuation_post_money", "2025-08-19", status="translation")
    assert rmb.value / usd.value == pytest.approx(7.036, abs=5e-4)
    assert val_rmb.value / val_usd.value == pytest.approx(7.039, abs=5e-4)
    assert float(h.rate("USD", "RMB")["rate"]) == pytest.approx(7.04)


def test_convert_uses_inverse_rates() -> None:
    assert h.convert(7.8, "HKD", "USD") == pytest.approx(1.0)
    assert h.convert(1.0, "USD", "HKD") == pytest.approx(7.8)
    assert h.convert(5.0, "RMB", "RMB") == 5.0


def test_convert_dated() -> None:
    with pytest.raises(h.FactLookupError, match="no rate"):
        h.convert(1.0, "USD", "RMB", on="2025-01-01")
    assert h.convert(1.0, "USD", "RMB", on="2026-01-01") == pytest.approx(7.04)


def test_convert_unknown_pair() -> None:
    with pytest.raises(h.FactLookupError, match="EUR"):
        h.convert(1.0, "EUR", "USD")


@given(
    st.floats(min_value=-1e9, max_value=1e9, allow_nan=False),
    st.sampled_from(["USD", "RMB", "HKD"]),
    st.sampled_from(["USD", "RMB", "HKD"]),
)
@settings(max_examples=100, deadline=None)
def test_convert_there_and_back(amount: float, frm: str, to: str) -> None:
    back = h.convert(h.convert(amount, frm, to), to, frm)
    assert back == pytest.approx(amount, rel=1e-12, abs=1e-9)


def test_months_in() -> None:
    assert [h.months_in(p) for p in ("FY2024", "9M2025", "H1 2025", "Q4 2025")] == [12, 9, 6, 3]
    with pytest.raises(ValueError, match="2025-09-30"):
        h.months_in("2025-09-30")


def test_monthly_run_rate_and_annualised() -> None:
    zhipu = h.fact("zhipu", "revenue", "H1 2025")
    assert h.monthly_run_rate(zhipu) == pytest.approx(190.9 / 6)
    assert h.annualised(zhipu) == pytest.approx(381.8)
    with pytest.raises(ValueError, match="percent"):
        h.monthly_run_rate(h.fact("minimax", "gross_margin", "9M2025"))


def test_ltm_zhipu() -> None:
    fy, prior, current = (h.fact("zhipu", "revenue", p) for p in ("FY2024", "H1 2024", "H1 2025"))
    assert h.ltm(fy, prior, current) == pytest.approx(312.4 - 44.9 + 190.9)


def test_ltm_minimax() -> None:
    fy, prior, current = (h.fact("minimax", "revenue", p) for p in ("FY2024", "9M2024", "9M2025"))
    assert h.ltm(fy, prior, current) == pytest.approx(30.523 - 19.45 + 53.437)


def test_ltm_rejects_mismatched_periods() -> None:
    fy, prior, current = (h.fact("zhipu", "revenue", p) for p in ("FY2024", "H1 2024", "H1 2025"))
    with pytest.raises(ValueError, match="line up"):
        h.ltm(fy, current, prior)
    mm = h.fact("minimax", "revenue", "9M2025")
    with pytest.raises(ValueError, match="unit and currency"):
        h.ltm(fy, prior, mm)


def test_growth_and_cagr() -> None:
    assert h.growth(53.437, 19.45) == pytest.approx(1.7474, abs=1e-4)  # the article's +175%
    assert h.cagr(57.4, 312.4, 2) == pytest.approx(math.sqrt(312.4 / 57.4) - 1)
    with pytest.raises(ValueError, match="0"):
        h.growth(1.0, 0.0)
    with pytest.raises(ValueError, match="years=0"):
        h.cagr(1.0, 2.0, 0)


def test_sources_for_orders_numerically() -> None:
    assert h.sources_for("S12", "S2", h.fact("minimax", "revenue", "9M2025")) == "S0, S2, S12"
    with pytest.raises(h.FactLookupError, match="S99"):
        h.sources_for("S99")


def test_formatting_describe() -> None:
    from helpers.formatting import describe, money, months

    assert (
        describe(h.fact("minimax", "cash_burn_per_month", "FY2025"))
        == "about USD 27.9 million (S0 4.4)"
    )
    assert money(4240.2, "USD", 2) == "USD 4.24 billion"
    assert months(math.inf) == "never runs out"


def test_plot_svg_is_deterministic() -> None:
    from helpers import plotting

    def draw() -> str:
        fig, ax = plotting.new_figure()
        ax.bar(
            ["Zhipu", "MiniMax"],
            [1.0, 2.0],
            color=[plotting.COLORS["zhipu"], plotting.COLORS["minimax"]],
        )
        plotting.finish(fig, ax, title="t", sources="S0", period="9M2025")
        svg = plotting.to_svg(fig)
        plotting.plt.close(fig)
        return svg

    first, second = draw(), draw()
    assert first == second
    assert "dc:date" not in first


def test_chart_needs_source_and_period() -> None:
    from helpers import plotting

    fig, ax = plotting.new_figure()
    with pytest.raises(ValueError, match="sources"):
        plotting.finish(fig, ax, title="t", sources="", period="9M2025")
    plotting.plt.close(fig)


def test_describe_keeps_every_decimal() -> None:
    from helpers.formatting import as_given, describe

    assert describe(h.fact("minimax", "shareholding", "pre-IPO", "mihoyo")) == "7.05% (S0 4.7)"
    assert describe(h.fact("minimax", "revenue", "9M2025")) == "USD 53.437 million (S0 4.1)"
    assert as_given(-0.4) == "-0.4" and as_given(0.0) == "0" and as_given(1771600.0) == "1,771,600"
