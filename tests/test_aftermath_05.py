"""Tests for notebook 05's finding layer in helpers.aftermath: every verdict branch with its ties, the cut-off
that keeps later sources out, multiples that do not move with the display currency, labels that never call a
computed figure reported, and the parameters cell against PARAMETERS."""

from __future__ import annotations

import ast
import csv
import dataclasses
import shutil
from pathlib import Path

import matplotlib
import nbformat
import pandas as pd
import pytest

from helpers import aftermath as am
from helpers import params
from helpers.data import DATA_DIR_ENV, data_dir
from helpers.facts import Fact, fact
from helpers.formatting import times
from helpers.periods import convert

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK = ROOT / "notebooks" / "05_what_happened_next.ipynb"


# --- verdict rules: every branch, both directions, ties ------------------------------------------------------------


@pytest.mark.parametrize(
    ("zhipu", "rival", "word"),
    [
        (None, 0.5, am.NOT_TESTABLE),
        (1.3, None, am.NOT_TESTABLE),
        (None, None, am.NOT_TESTABLE),
        (1.3, 0.5, am.BORNE_OUT),
        (0.4, 0.5, am.NOT_BORNE_OUT),
        (0.5, 0.5, am.BORNE_OUT),
        (-0.2, 0.1, am.NOT_BORNE_OUT),
    ],
)
def test_lead_verdict(zhipu: float | None, rival: float | None, word: str) -> None:
    """A lead is over rivals: without a rival on the same definition nothing can be said; a tie holds the lead."""
    assert am.lead_verdict(zhipu, rival)[0] == word


@pytest.mark.parametrize(
    ("loss", "prior", "word"),
    [
        (None, 2465.6, am.NOT_TESTABLE),
        (2000.0, 2465.6, am.BORNE_OUT),
        (3000.0, 2465.6, am.NOT_BORNE_OUT),
        (2465.6, 2465.6, am.NOT_BORNE_OUT),
    ],
)
def test_profit_turn_verdict(loss: float | None, prior: float, word: str) -> None:
    assert am.profit_turn_verdict(loss, prior)[0] == word


@pytest.mark.parametrize(
    ("now", "before", "word"),
    [
        (None, 27.6, am.NOT_TESTABLE),
        (30.0, None, am.NOT_TESTABLE),
        (30.0, 27.6, am.BORNE_OUT),
        (20.0, 27.6, am.NOT_BORNE_OUT),
        (27.6, 27.6, am.BORNE_OUT),
    ],
)
def test_stickiness_verdict(now: float | None, before: float | None, word: str) -> None:
    assert am.stickiness_verdict(now, before)[0] == word


# MiniMax's FY2024 and FY2025 revenue, rounded: the adjusted loss falls from 8.0x revenue to 3.2x
REVENUE = (30.5, 79.0)


@pytest.mark.parametrize(
    ("low", "high", "outflow", "word", "why"),
    [
        (None, None, None, am.NOT_TESTABLE, "no full-year adjusted loss"),
        (250.0, None, None, am.NOT_TESTABLE, "no full-year adjusted loss"),
        (250.0, 251.0, None, am.NOT_TESTABLE, "about flat in money and falling against revenue"),
        (250.0, 251.0, (300.0, 310.0), am.BORNE_OUT, "no more than 5%"),
        (None, None, (300.0, 250.0), am.BORNE_OUT, "or fell"),
        # a rise of exactly 5% still holds
        (250.0, 251.0, (200.0, 210.0), am.BORNE_OUT, "no more than 5%"),
        (250.0, 251.0, (200.0, 210.5), am.NOT_BORNE_OUT, "more than 5%"),
        (250.0, 251.0, (300.0, 400.0), am.NOT_BORNE_OUT, "more than 5%"),
    ],
)
def test_cash_control_verdict(
    low: float | None,
    high: float | None,
    outflow: tuple[float, float] | None,
    word: str,
    why: str,
) -> None:
    """Decided on the operating cash outflow when a cash-flow statement gives it; on the adjusted loss alone, never."""
    got = am.cash_control_verdict(244.0, low, high, REVENUE, outflow)
    assert got[0] == word and why in got[1]


@pytest.mark.parametrize(
    ("low", "high", "revenue", "reading"),
    [
        (250.0, 251.0, REVENUE, "about flat in money and falling against revenue"),
        # -4.5% in money and against revenue; then +4.5% and +2.8%
        (232.0, 234.0, (30.5, 30.5), "about flat in money and about flat against revenue"),
        (255.0, 255.0, (30.5, 31.0), "about flat in money and about flat against revenue"),
        (260.0, 260.0, (30.5, 30.5), "rising in money and rising against revenue"),  # +6.6%
        (220.0, 230.0, (30.5, 79.0), "falling in money and falling against revenue"),  # -7.8%
        (244.0, 244.0, (30.5, 20.0), "about flat in money and rising against revenue"),
    ],
)
def test_loss_reading(low: float, high: float, revenue: tuple[float, float], reading: str) -> None:
    """In money and against revenue, each change within FLAT_TOLERANCE of the year before's figure is about flat."""
    assert am.loss_reading(244.0, low, high, revenue) == reading


def test_cash_moves_within_rounding_are_no_change() -> None:
    """The year-end total is 'about' a figure stated to the ten: a change under half of that is no change."""
    c = am.cash_figures()
    assert c.rounding == 5.0
    assert abs(c.change_sep_dec()) < c.rounding and c.cash_moved() == "were about unchanged"
    replace = dataclasses.replace
    up = replace(c, cash_dec=replace(c.cash_dec, value=c.cash_sep.value + 20))
    down = replace(c, cash_dec=replace(c.cash_dec, value=c.cash_sep.value - 20))
    assert (up.cash_moved(), down.cash_moved()) == ("rose", "fell")
    exact = replace(c, cash_dec=replace(c.cash_dec, qualifier="", value=1050.25))
    assert exact.rounding == 0.0
    assert replace(c, cash_dec=replace(c.cash_dec, value=27.9)).rounding == pytest.approx(0.05)
    assert c.cash_dec_low == pytest.approx(c.cash_dec.value - c.facilities_sep.value)


@pytest.mark.parametrize(
    "call",
    [
        lambda: am.lead_verdict(float("nan"), 1.0),
        lambda: am.lead_verdict(1.0, -2.0),
        lambda: am.profit_turn_verdict(1.0, float("inf")),
        lambda: am.stickiness_verdict("x", 1.0),  # type: ignore[arg-type]
        lambda: am.cash_control_verdict(244.0, float("nan"), 1.0, REVENUE),
        lambda: am.cash_control_verdict(244.0, 251.0, 250.0, REVENUE),
        lambda: am.cash_control_verdict(244.0, 250.0, 251.0, (0.0, 79.0)),
        lambda: am.cash_control_verdict(244.0, None, None, REVENUE, (float("inf"), 1.0)),
        lambda: am.loss_reading(0.0, 250.0, 251.0, REVENUE),
    ],
)
def test_verdict_rules_reject_bad_numbers(call: object) -> None:
    with pytest.raises(ValueError):
        call()  # type: ignore[operator]


def test_verdict_row_labels_extra_rows() -> None:
    asked = am.Verdict("q", "e", am.BORNE_OUT, "w").row()
    extra = am.Verdict("q", "e", am.BORNE_OUT, "w", raised_by_article=False).row()
    assert asked["asked by"].startswith("the article")
    assert extra["asked by"].startswith("extra")


def test_verdicts_in_the_data() -> None:
    rows = am.verdicts(am.cash_figures(), am.quarter_lines(), am.valuation_ladder())
    asked = [v for v in rows if v.raised_by_article]
    assert [v.verdict for v in asked] == [am.NOT_TESTABLE] * 4
    assert "S56" in asked[0].evidence  # Zhipu's FY2025 revenue, known by the cut-off through S56
    assert all(not v.raised_by_article for v in rows[len(asked) :])
    assert (
        "cannot fall" in asked[2].evidence
    )  # the always-true count is named as such, never used as a test
    assert "(company figures, not audited)" in asked[2].evidence  # a management claim, labelled
    cash = asked[3]
    assert "(+2.5% to +2.9%)" in cash.evidence and "3.2x revenue against 8.0x" in cash.evidence
    assert "expected burn of about USD 27.9 million" in cash.evidence
    assert cash.why.startswith(
        "no cash-flow statement for the year; on the adjusted loss, its proxy, about flat"
    )
    assert "about flat in money and falling against revenue" in cash.short


def test_cash_row_is_decided_by_a_cash_flow_statement_dated_by_the_cutoff(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """With operating cash flows for both years in a source dated by the cut-off, the row turns testable."""
    flows = {"FY2024": -300.0, "FY2025": -400.0}
    real_find = am.find_known

    def fake(
        company: str, metric: str, period: str, breakdown: str = "", cutoff: str = am.CUTOFF
    ) -> Fact | None:
        if metric == "operating_cash_flow":
            base = fact("minimax", "adjusted_net_loss", "FY2024")
            return dataclasses.replace(base, metric=metric, value=flows[period])
        return real_find(company, metric, period, breakdown, cutoff)

    monkeypatch.setattr(am, "find_known", fake)
    row = am._minimax_cash(am.cash_figures())
    assert (row.verdict, row.short) == (am.NOT_BORNE_OUT, "MiniMax's cash use")
    flows["FY2025"] = -290.0
    assert am._minimax_cash(am.cash_figures()).verdict == am.BORNE_OUT


# --- the cut-off: sources dated after it stay out ----------------------------------------------------------------


def test_source_end() -> None:
    assert am._source_end("2025-12") == pd.Timestamp("2025-12-31")
    assert am._source_end("2026") == pd.Timestamp("2026-12-31")
    assert am._source_end("2026-03-03") == pd.Timestamp("2026-03-03")
    assert am._source_end("") is None and am._source_end(None) is None


def _redate(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, dates: dict[str, str]) -> None:
    """A copy of data/ with some sources given other dates (S40 carries Zhipu's full results, S56 its revenue)."""
    copy = tmp_path / "data"
    shutil.copytree(data_dir(), copy)
    with (copy / "sources.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        row["date"] = dates.get(row["source_id"], row["date"])
    with (copy / "sources.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    monkeypatch.setenv(DATA_DIR_ENV, str(copy))


def test_later_source_stays_out_of_notebook_05(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _redate(tmp_path, monkeypatch, {"S56": "2026-08-25"})
    assert am.find("zhipu", "revenue", "FY2025") is not None  # in the data ...
    assert am.find_known("zhipu", "revenue", "FY2025") is None  # ... but after 05's cut-off
    assert am.find_known("zhipu", "revenue", "FY2025", cutoff="2026-12-31") is not None
    rows = am.verdicts(am.cash_figures(), am.quarter_lines(), am.valuation_ladder())
    assert [v.verdict for v in rows[:2]] == [am.NOT_TESTABLE, am.NOT_TESTABLE]
    assert "no FY2025 revenue" in rows[0].evidence
    assert "FY2025" not in set(am.zhipu_after_listing()["period"])
    assert am.timeline_title(am.timeline()).endswith(
        "only MiniMax had reported a full year in our sources"
    )


def test_corroborating_source_within_cutoff_counts_and_is_cited() -> None:
    """Zhipu's FY2025 revenue is S40's row (dated after the cut-off), known through S56 (dated by it)."""
    known = am.find_known("zhipu", "revenue", "FY2025")
    assert known is not None and known.source_id == "S56"
    assert (
        am.find_known("zhipu", "adjusted_net_loss", "FY2025") is None
    )  # S40 and S45 only: both later
    assert (
        am.find_known("zhipu", "revenue", "FY2025", cutoff="2026-03-31") is None
    )  # S56 is dated 2026-04-01


def test_source_within_cutoff_decides_zhipu_rows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _redate(tmp_path, monkeypatch, {"S40": "2026-04"})
    rows = am.verdicts(am.cash_figures(), am.quarter_lines(), am.valuation_ladder())
    assert (
        rows[0].verdict == am.NOT_TESTABLE
    )  # Zhipu's split is known, but no rival on its definition
    assert "split is given" in rows[0].evidence
    assert rows[1].verdict == am.NOT_BORNE_OUT  # 3,182.0 is not smaller than FY2024's 2,465.6
    assert "FY2025" in set(am.zhipu_after_listing()["period"])


def test_ladder_words_keep_to_the_cutoff_and_name_the_later_daily_closes() -> None:
    """The highs are those of sources dated by the cut-off; the later daily series is set beside them, left out."""
    ladder = am.valuation_ladder()
    text = am.finding_ladder(ladder).data
    assert "in the data" not in text and "highest prices in sources dated by the cut-off" in text
    assert "(S48 and S49, dated 18 September 2026) is left out by the cut-off rule" in text
    assert "Zhipu closed at HKD 1,028.00 on 23 April 2026, above its high of HKD 725.00" in text
    assert "MiniMax at HKD 1,238.00 on 18 March 2026, above its high of about HKD 980." in text
    assert text.endswith("[Notebook 06](06_one_year_on.ipynb) reads it.")
    february = am.later_closes(ladder, cutoff="2026-02-28")  # Zhipu's best close then was its high
    assert "Zhipu closed at HKD 725.00 on 20 February 2026, level with its high" in february
    assert "MiniMax at HKD 970.00 on 20 February 2026, below its high of about HKD 980" in february
    assert "sources dated by the cut-off put Zhipu" in am.ladder_title(ladder)


def test_later_daily_closes_dated_by_the_cutoff_are_named_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _redate(tmp_path, monkeypatch, {"S48": "2026-04-30", "S49": "2026-04-30"})
    text = am.later_closes(am.valuation_ladder())
    assert "(S48 and S49, dated 30 April 2026) is dated by the cut-off but not read here" in text


def test_every_event_kind_has_a_label() -> None:
    """Events added for later notebooks cannot break the timeline: every kind in data/events.csv is labelled."""
    kinds = set(am.load_events()["event_id"].str.split("_").str[1])
    assert kinds <= set(am.KIND_LABELS)
    assert set(am.timeline(cutoff="2026-12-31")["kind"]) - set(
        am.timeline()["kind"]
    )  # later kinds exist ...
    assert (
        am.timeline()["date"] <= pd.Timestamp(am.CUTOFF)
    ).all()  # ... and stay out of 05's timeline


# --- multiples, P/S and the float ---------------------------------------------------------------------------------


def test_ladder_multiples_are_taken_in_hkd_with_one_rate() -> None:
    lad = am.valuation_ladder()
    first = lad[(lad.company == "zhipu") & (lad.step == "first-day close")].iloc[0]
    round_hkd = convert(24377, "RMB", "HKD", on=am.RATES_ON)
    assert first["x_low"] == pytest.approx(57900 / round_hkd)
    month = lad[lad.step == "high in Feb 2026"].iloc[0]
    assert (month["start"], month["end"]) == (
        pd.Timestamp("2026-02-01"),
        pd.Timestamp("2026-02-28"),
    )


def test_display_currency_changes_values_not_multiples() -> None:
    lad = am.valuation_ladder()
    tables = {
        c: am.ladder_table(lad, c, convert(1.0, "HKD", c, on=am.RATES_ON))
        for c in ("HKD", "USD", "RMB")
    }
    multiples = {c: t["x last private round"].tolist() for c, t in tables.items()}
    assert multiples["HKD"] == multiples["USD"] == multiples["RMB"]
    assert tables["HKD"].iloc[:, 4].tolist() != tables["USD"].iloc[:, 4].tolist()
    assert set(
        tables["HKD"].loc[tables["HKD"]["step"] == "offer price", "x last private round"]
    ) == {"in notebook 04"}


def test_price_to_sales_and_float() -> None:
    ps = am.price_to_sales(am.valuation_ladder())
    fy = next(c for c in ps.columns if c.startswith("x FY2025 revenue"))
    assert (
        "2026-03-02 MiniMax" in fy and "2026-03-31 Zhipu" in fy
    )  # hindsight, labelled with the day published
    assert ps[fy].str.endswith("x").all()
    cash = next(c for c in ps.columns if c.startswith("(value - cash)"))
    assert (
        "published 2026-03-02" in cash
        and ps.loc[ps.company == "MiniMax", cash].str.contains(" to ").all()
    )
    f = am.float_at_listing("zhipu")
    assert f.cornerstone == pytest.approx(2980 / 116.2)
    assert f.unlocked_share()[0] == pytest.approx((37.4195 - 2980 / 116.2) / (57900 / 131.5))
    mm = am.float_at_listing("minimax")
    assert mm.offered_share()[0] < mm.offered_share()[1]


def test_span_text() -> None:
    assert am.span_text(2.0, 2.0, times) == "2.00x"
    assert am.span_text(2.0, 3.0, times) == "2.00x to 3.00x"


# --- quarters, mix and labels -------------------------------------------------------------------------------------


def test_quarter_table_never_calls_a_computed_figure_reported() -> None:
    table = am.quarter_table(am.quarter_lines(), 0.02)
    reported = [c for c in table.columns if "reported" in c]
    assert reported == ["FY2025 (reported)"]
    assert table.loc[2:, "9M2025"].str.contains("computed").all()
    assert set(am.quarter_table(am.quarter_lines(), 0.005)["within tolerance"]) == {"yes", "no"}


def test_quarter_finding_follows_the_tolerance() -> None:
    loose = am.finding_quarter(am.quarter_lines(), 0.02).data
    tight = am.finding_quarter(am.quarter_lines(), 0.005).data
    assert "consistent with each other" in loose and "4 of 4" in loose
    assert "not every line reconciles" in tight and "1 of 4" in tight


def test_mix_bars_do_not_overlap_and_q4_is_derived() -> None:
    mix = am.mix_table(am.quarter_lines())
    bars = mix[mix.period != "FY2025"].sort_values("start")
    assert (bars["start"].iloc[1:].to_numpy() > bars["end"].iloc[:-1].to_numpy()).all()
    assert mix.set_index("period").loc["Q4 2025", "basis"].startswith("derived")
    fig, ax = plt.subplots()
    am.draw_mix(ax, mix)
    assert len(ax.patches) == 3  # FY2025 is a line across its year, not a fourth bar
    plt.close(fig)


# --- cash and runway ----------------------------------------------------------------------------------------------


def test_cash_figures_and_change() -> None:
    c = am.cash_figures()
    assert c.days_to_proceeds == 9
    assert c.change_sep_dec() == pytest.approx(1050 - 1046.2)
    assert c.change_sep_dec(without_facilities=True) == pytest.approx(1050 - (1046.2 - 39.4))


def test_consumption_is_read_as_the_loss_only_when_it_matches() -> None:
    c = am.cash_figures()
    assert "relabelled" in am.finding_consumption(c).data
    other = dataclasses.replace(c, consumption=dataclasses.replace(c.consumption, value=400.0))
    assert "not the same figure" in am.finding_consumption(other).data


def test_runways_count_the_ipo_cash_and_fall_with_growth() -> None:
    c = am.cash_figures()
    flat, growing = am.runway_scenarios(c, 0.0), am.runway_scenarios(c, 0.02)
    assert (flat["low"] > flat["low_alone"]).all()
    assert (growing["high"] < flat["high"]).all()
    assert flat.loc[0, "high"] == pytest.approx((1050 + 680) / 27.9)
    assert flat.loc[0, "low"] == pytest.approx(
        (1050 - 39.4 + 680) / 27.9
    )  # without September's credit line
    text = am.finding_runway(c, flat, 0.0).data
    assert "moves no run-out date" in text and "any over-allotment part within weeks" in text
    assert "most of it 9 days later" in am.runway_title(c, flat)


def test_runway_finding_when_cash_runs_out_before_the_proceeds() -> None:
    c = am.cash_figures()
    poor = dataclasses.replace(
        c,
        cash_dec=dataclasses.replace(c.cash_dec, value=1.0),
        facilities_sep=dataclasses.replace(c.facilities_sep, value=0.0),
    )
    text = am.finding_runway(poor, am.runway_scenarios(poor, 0.0), 0.0).data
    assert "runs out before the proceeds arrive" in text
    weeks = dataclasses.replace(poor, cash_dec=dataclasses.replace(c.cash_dec, value=20.0))
    runways = am.runway_scenarios(weeks, 0.0)
    # the cash alone lasts past the listing day, but not past the over-allotment's weeks
    assert 9 < runways["low_alone"].min() * 365.25 / 12 < 9 + 30
    assert "runs out before" in am.finding_runway(weeks, runways, 0.0).data


def test_takeaways_count_the_verdicts() -> None:
    c = am.cash_figures()
    rows = am.verdicts(c, am.quarter_lines(), am.valuation_ladder())
    text = am.takeaways(rows, am.runway_scenarios(c, 0.0), c).data
    assert "0 borne out, 0 not borne out, 4 not testable yet: " in text
    assert "MiniMax's cash use (which on the adjusted loss, its proxy, was about flat" in text
    assert "any over-allotment part within weeks" in text
    assert "inconclusive" in text and "most likely" in text


# --- the parameters cell ------------------------------------------------------------------------------------------


def test_parameters_cell_matches_parameters() -> None:
    nb = nbformat.read(NOTEBOOK, as_version=4)
    cell = next(c for c in nb.cells if "parameters" in c.metadata.get("tags", []))
    tree = ast.parse(cell.source)
    assert all(isinstance(node, ast.Assign) for node in tree.body), "plain assignments only"
    lines = cell.source.splitlines()
    for node in tree.body:
        assert lines[node.lineno - 2].startswith("# "), f"no comment line above line {node.lineno}"
    values = {
        node.targets[0].id: ast.literal_eval(node.value)
        for node in tree.body
        if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name)
    }
    assert set(values) == set(am.PARAMETERS)
    params.check(am.PARAMETERS, **values)
    with pytest.raises(params.ParameterError, match="burn_grwoth"):
        params.check_namespace(am.PARAMETERS, {**values, "burn_grwoth": 0.02})


@pytest.mark.parametrize(
    ("margins", "word", "moved"),
    [
        ((23.3, 29.8), am.BORNE_OUT, "rose"),
        ((23.3, 23.35), am.NOT_BORNE_OUT, "stayed within the rounding"),
        ((23.3, 20.0), am.NOT_BORNE_OUT, "fell"),
    ],
)
def test_margin_row_follows_the_derived_quarter(
    monkeypatch: pytest.MonkeyPatch, margins: tuple[float, float], word: str, moved: str
) -> None:
    monkeypatch.setattr(am, "q4_gross_margin", lambda lines: margins)
    row = am._minimax_margin(am.quarter_lines())
    assert (row.verdict, row.raised_by_article) == (word, False)
    assert moved in row.why


def test_rates_used_and_note() -> None:
    hkd, usd = am.rates_used("HKD"), am.rates_used("USD")
    assert len(hkd) == 2 and len(usd) == 3
    assert usd["use"].iloc[-1] == "display only"
    note = am.rates_note("RMB")
    assert note.count("0.894") == 1 and "7.8 HKD" in note
