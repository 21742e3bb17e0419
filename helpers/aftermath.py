"""What happened after the article (notebook 05): market values at later prices, full years
against interim run-rates, quarters derived by subtraction, and lookups that
return nothing (rather than fail) when a later figure is not in ``data/`` yet.

Shares, multiples and share counts come from :mod:`helpers.business`,
:mod:`helpers.revenue` and :mod:`helpers.control`. The pure functions here
take plain numbers; :func:`find`, :func:`period_rows`, :func:`latest_ltm` and
:func:`full_year_check_for` read ``data/`` through :mod:`helpers.facts`, so a
row added later is picked up without code changes. Notebook 05's own lookups
(:func:`find_known`, :func:`timeline`) read only sources dated up to :data:`CUTOFF`
(April 2026), so figures gathered for notebook 06 do not change it.

Example:
    >>> round(market_cap_at(980, 105400, 345))
    299397
    >>> c = full_year_check(53.437, 9, 79.038)
    >>> round(c.run_rate, 3), round(c.remainder, 3)
    (71.249, 25.601)
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import cast

import pandas as pd
from IPython.display import Markdown
from matplotlib.axes import Axes

from helpers import words
from helpers.checks import real
from helpers.data import derived, load_events, shared_table
from helpers.facts import Fact, fact, facts_table
from helpers.formatting import money, months, pct, times
from helpers.params import Choice, Number, Spec
from helpers.periods import convert, growth, ltm, months_in
from helpers.plotting import COLORS, NAMES
from helpers.runway import runway_months

__all__ = [
    "Comparison",
    "FullYearCheck",
    "LtmBasis",
    "compare",
    "find",
    "full_year_check",
    "full_year_check_for",
    "latest_ltm",
    "market_cap_at",
    "only",
    "period_rows",
    "series",
    "to_facts",
]

MONTHS_PER_YEAR = 12


# --- market values -----------------------------------------------------------


def market_cap_at(price: float, reference_market_cap: float, reference_price: float) -> float:
    """Market capitalisation at ``price``, scaled from a reference day, share count unchanged.

    ``reference_market_cap * price / reference_price``; any money unit, as long as
    the two prices share one currency.

    >>> round(market_cap_at(116.20, 57900, 131.50), 1)
    51163.3
    """
    p = real("price", price, above=0)
    m = real("reference_market_cap", reference_market_cap, above=0)
    r = real("reference_price", reference_price, above=0)
    return m * p / r


# --- interim against full year ------------------------------------------------


@dataclass(frozen=True)
class FullYearCheck:
    """An interim figure, its naive full-year run-rate, the reported year and the remainder."""

    interim: float
    interim_months: int
    run_rate: float
    reported: float
    remainder: float

    @property
    def remainder_months(self) -> int:
        """Months the remainder covers (12 minus the interim's)."""
        return MONTHS_PER_YEAR - self.interim_months

    @property
    def surprise(self) -> float:
        """Reported year over the run-rate, minus one (a fraction; positive = beat the run-rate)."""
        return self.reported / self.run_rate - 1

    @property
    def remainder_vs_interim_pace(self) -> float:
        """Monthly pace of the remainder over the interim's monthly pace, minus one (a fraction)."""
        return (self.remainder / self.remainder_months) / (self.interim / self.interim_months) - 1


def full_year_check(interim: float, interim_months: int, full_year: float) -> FullYearCheck:
    """Naive run-rate ``interim * 12 / months`` and the remainder ``full_year - interim``.

    >>> c = full_year_check(180, 9, 253)
    >>> c.run_rate, c.remainder, c.remainder_months
    (240.0, 73.0, 3)
    """
    months = int(interim_months)
    if months != interim_months or not 0 < months < MONTHS_PER_YEAR:
        raise ValueError(
            f"interim_months must be a whole number from 1 to 11, got {interim_months!r}"
        )
    i = real("interim", interim, above=0)
    f = real("full_year", full_year)
    return FullYearCheck(i, months, i * MONTHS_PER_YEAR / months, f, f - i)


@dataclass(frozen=True)
class Comparison:
    """A derived figure against the figure a source reports for the same thing."""

    derived: float
    reported: float

    @property
    def difference(self) -> float:
        """Derived minus reported, in the figures' unit."""
        return self.derived - self.reported

    @property
    def relative(self) -> float:
        """Difference as a fraction of the reported figure."""
        return self.difference / self.reported

    def agrees(self, tolerance: float) -> bool:
        """True when the relative difference is within ``tolerance`` (a fraction)."""
        return abs(self.relative) <= real("tolerance", tolerance)


def compare(derived: float, reported: float) -> Comparison:
    """Pair a derived figure with a reported one (``reported`` must be non-zero).

    >>> c = compare(25.601, 26)
    >>> round(c.difference, 3), c.agrees(0.02)
    (-0.399, True)
    """
    r = real("reported", reported)
    if r == 0:
        raise ValueError("reported must be non-zero to compare against it")
    return Comparison(real("derived", derived), r)


# --- lookups that may find nothing ----------------------------------------------


def _to_fact(row: pd.Series) -> Fact:
    """A row of :func:`facts_table` as a :class:`Fact` (saves a second lookup)."""
    fields = {name: row[name] for name in Fact.__dataclass_fields__}
    fields["value"] = float(fields["value"])
    return Fact(**fields)


def to_facts(rows: pd.DataFrame) -> list[Fact]:
    """Rows of :func:`helpers.facts_table` as :class:`Fact` objects, in order.

    Example: ``to_facts(facts_table(company="zhipu", metric="share_price"))``
    """
    return [_to_fact(row) for _, row in rows.iterrows()]


def find(company: str, metric: str, period: str, breakdown: str = "") -> Fact | None:
    """The reported figure for a key, or ``None`` if ``data/`` has none yet.

    The data hold at most one reported row per key (checked on load).
    Example: ``find("zhipu", "revenue", "FY2025")`` is ``None`` until that row is added.
    """
    rows = facts_table(company=company, metric=metric, period_label=period, breakdown=breakdown)
    if rows.empty:
        return None
    return _to_fact(rows.iloc[0])


def period_rows(company: str, period: str) -> pd.DataFrame:
    """Every reported row for one company and period label (empty if there is none).

    Example: ``period_rows("zhipu", "FY2025").empty`` tells whether Zhipu's first annual results are in.
    """
    return facts_table(company=company, period_label=period)


@dataclass(frozen=True)
class LtmBasis:
    """A last-twelve-months figure with its label and the three facts it was built from."""

    value: float
    label: str
    facts: tuple[Fact, Fact, Fact]

    @property
    def currency(self) -> str:
        """Currency of the figure."""
        return self.facts[0].currency


def latest_ltm(company: str, metric: str, year: int) -> LtmBasis:
    """LTM to the latest interim of ``year`` in the data (9M, then H1, then Q1).

    ``FY(year-1) - interim(year-1) + interim(year)``. Example:
    ``latest_ltm("minimax", "revenue", 2025).label`` gives ``'LTM to 9M2025'``.
    """
    prefixes = ("9M", "H1 ", "Q1 ")
    full = fact(company, metric, f"FY{year - 1}")
    for prefix in prefixes:
        current = find(company, metric, f"{prefix}{year}")
        prior = find(company, metric, f"{prefix}{year - 1}")
        if current is not None and prior is not None:
            return LtmBasis(
                ltm(full, prior, current), f"LTM to {current.period_label}", (full, prior, current)
            )
    raise LookupError(
        f"no pair of interims for {company}/{metric} in {year - 1} and {year} ({prefixes})"
    )


def full_year_check_for(
    company: str, metric: str, interim_period: str, breakdown: str = ""
) -> tuple[FullYearCheck, Fact, Fact] | None:
    """:func:`full_year_check` from the data, or ``None`` while the full year is not in ``data/``.

    Example: ``full_year_check_for("minimax", "revenue", "9M2025")``; for Zhipu,
    ``full_year_check_for("zhipu", "revenue", "H1 2025")`` is ``None`` until FY2025 is added.
    """
    m = re.search(r"(\d{4})$", interim_period)
    if not m:
        raise ValueError(f"interim_period {interim_period!r} does not end in a year")
    interim = fact(company, metric, interim_period, breakdown)
    full = find(company, metric, f"FY{m[1]}", breakdown)
    if full is None:
        return None
    return full_year_check(interim.value, months_in(interim_period), full.value), interim, full


def only(company: str, metric: str, breakdown: str = "", cutoff: str | None = None) -> Fact:
    """The one reported figure for a company and metric, whatever its period (several or none is an error).

    With ``cutoff``, only figures a source dated by then carries count (see :func:`known_by`).
    Example: ``only("minimax", "offer_price").value`` gives 165.0.
    """
    rows = facts_table(company=company, metric=metric, breakdown=breakdown)
    rows = rows if cutoff is None else known_by(rows, cutoff)
    if len(rows) != 1:
        raise LookupError(
            f"expected one reported {company}/{metric}/{breakdown or '-'} figure, found {rows['fact_id'].tolist()}"
        )
    return _to_fact(rows.iloc[0])


def series(
    company: str, metric: str, currency: str | None = None, cutoff: str | None = None
) -> list[Fact]:
    """Every reported figure for a company and metric, oldest period end first (file order breaks ties).

    With ``cutoff``, only figures a source dated by then carries (see :func:`known_by`).

    Example: ``[f.period_label for f in series("zhipu", "share_price")]`` gives
    ``['2026-02', '2026-02', '2026-03-27']``.
    """
    where = {"company": company, "metric": metric}
    if currency is not None:
        where["currency"] = currency
    rows = facts_table(**where).sort_values("period_end", kind="mergesort")
    return to_facts(rows if cutoff is None else known_by(rows, cutoff))


# --- notebook 05: scope, parameters and the finding layer --------------------------------------------------------
#
# Everything below serves notebook 05 (what happened next, to April 2026). Multiples are computed in the listing
# currency (HKD) with one rate per ratio, so no verdict depends on the currency a reader chooses for display.

__all__ += [
    "CUTOFF",
    "LISTING_CURRENCY",
    "PARAMETERS",
    "RATES_ON",
    "Verdict",
    "cash_control_verdict",
    "known_by",
    "lead_verdict",
    "profit_turn_verdict",
    "stickiness_verdict",
]

#: Notebook 05 reads the sources dated on or before this day; notebook 06 takes up what came later.
CUTOFF = "2026-04-30"
#: Every exchange rate in notebook 05 is the latest in data/rates.csv dated on or before this day (the listings).
RATES_ON = "2026-01-13"
#: Market values are reported in HKD; every multiple is taken in it.
LISTING_CURRENCY = "HKD"

#: The parameters cell of notebook 05, checked first thing by ``helpers.params.check_namespace``.
PARAMETERS: Spec = {
    "valuation_currency": Choice(("HKD", "USD", "RMB")),
    "burn_growth_per_month": Number(low=0.0, high=0.05, edges=(0.02,)),
    "agreement_tolerance_fraction": Number(low=0.005, high=0.1, edges=(0.02,)),
}

BORNE_OUT = "borne out"
NOT_BORNE_OUT = "not borne out"
NOT_TESTABLE = "not testable yet"


def _source_end(date: object) -> pd.Timestamp | None:
    """The last day a source date (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``) can mean; None when undated."""
    text = "" if date is None or (isinstance(date, float) and pd.isna(date)) else str(date).strip()
    if not text or text == "NaT":
        return None
    if re.fullmatch(r"\d{4}-\d{2}", text):
        return pd.Period(text, freq="M").end_time.normalize()
    if re.fullmatch(r"\d{4}", text):
        return pd.Period(text, freq="Y").end_time.normalize()
    return pd.Timestamp(text[:10])


def _source_ends() -> dict[str, pd.Timestamp | None]:
    """The last day each source's date can mean, by source id (worked out once per load of the data)."""
    return dict(derived("sources", _ends_of))


def _ends_of(sources: pd.DataFrame) -> dict[str, pd.Timestamp | None]:
    return {s: _source_end(d) for s, d in zip(sources["source_id"], sources["date"])}


def _known_source(
    row: pd.Series, ends: dict[str, pd.Timestamp | None], limit: pd.Timestamp
) -> str | None:
    """The first source, own or corroborating, dated by ``limit`` that carries a row; None if there is none."""
    extra = row.get("corroborated_by", "")
    extra = "" if extra is None or (isinstance(extra, float) and pd.isna(extra)) else str(extra)
    ids = [str(row["source_id"])] + [s.strip() for s in extra.split(";") if s.strip()]
    return next((s for s in ids if (end := ends.get(s)) is None or end <= limit), None)


def known_by(rows: pd.DataFrame, cutoff: str = CUTOFF) -> pd.DataFrame:
    """The rows carried by a source dated on or before ``cutoff``: their own, or one in ``corroborated_by``.

    Undated sources (readings of the prospectuses, which came before the listings) count as known. A row known
    only through a corroborating source is returned citing that source.

    >>> known_by(facts_table(company="zhipu", metric="revenue", period_label="FY2025"))["source_id"].tolist()
    ['S56']
    """
    ends, limit = _source_ends(), pd.Timestamp(cutoff)
    found = [_known_source(row, ends, limit) for _, row in rows.iterrows()]
    out = rows[[s is not None for s in found]].copy()
    out["source_id"] = [s for s in found if s is not None]
    return out


def find_known(
    company: str, metric: str, period: str, breakdown: str = "", cutoff: str = CUTOFF
) -> Fact | None:
    """:func:`find`, limited to figures a source dated on or before ``cutoff`` carries.

    >>> find_known("zhipu", "adjusted_net_loss", "FY2025") is None
    True
    """
    rows = known_by(
        facts_table(company=company, metric=metric, period_label=period, breakdown=breakdown),
        cutoff,
    )
    return None if rows.empty else _to_fact(rows.iloc[0])


# --- the verdicts on the article's closing questions -------------------------------------------------------------


@dataclass(frozen=True)
class Verdict:
    """One answer to a question: the question, the evidence in the data, the verdict word and why."""

    question: str
    evidence: str
    verdict: str
    why: str
    raised_by_article: bool = True
    short: str = ""

    def row(self) -> dict[str, str]:
        """The verdict as a table row. Example: ``Verdict("q", "e", "borne out", "w").row()["verdict"]``"""
        asked = words.choose(
            self.raised_by_article,
            "the article (S0, section 5)",
            "extra: not raised by the article",
        )
        return {
            "question": self.question,
            "asked by": asked,
            "evidence in the data": self.evidence,
            "verdict": self.verdict,
            "why": self.why,
        }


def lead_verdict(zhipu_growth: float | None, rival_growth: float | None) -> tuple[str, str]:
    """Did Zhipu hold its enterprise lead? Its enterprise revenue growth against a rival's, same definition and period.

    A lead is over rivals, so the test needs a rival's enterprise revenue on Zhipu's definition; growth as fractions.

    >>> lead_verdict(1.3, None)[0], lead_verdict(None, 0.5)[0]
    ('not testable yet', 'not testable yet')
    >>> lead_verdict(1.3, 0.5)[0], lead_verdict(0.4, 0.5)[0]
    ('borne out', 'not borne out')
    """
    if rival_growth is None:
        return NOT_TESTABLE, (
            "a lead is over rivals, and our data hold no rival's enterprise revenue on Zhipu's "
            "definition (MiniMax's open platform and enterprise line mixes developer API sales "
            "with enterprise work) and no market share"
        )
    rival = real("rival_growth", rival_growth, minimum=-1)
    if zhipu_growth is None:
        return (
            NOT_TESTABLE,
            "Zhipu's enterprise revenue for the year is not in this notebook's sources",
        )
    if real("zhipu_growth", zhipu_growth, minimum=-1) >= rival:
        return (
            BORNE_OUT,
            "Zhipu's enterprise revenue grew at least as fast as the rival's on the same definition",
        )
    return (
        NOT_BORNE_OUT,
        "Zhipu's enterprise revenue grew slower than the rival's on the same definition",
    )


def profit_turn_verdict(adjusted_loss: float | None, prior_adjusted_loss: float) -> tuple[str, str]:
    """Did Zhipu reach a turning point towards profit? A smaller full-year adjusted loss than the year before.

    >>> profit_turn_verdict(None, 2465.6)[0]
    'not testable yet'
    >>> profit_turn_verdict(2000.0, 2465.6)[0], profit_turn_verdict(3000.0, 2465.6)[0]
    ('borne out', 'not borne out')
    """
    prior = real("prior_adjusted_loss", prior_adjusted_loss)
    if adjusted_loss is None:
        return NOT_TESTABLE, (
            "a turning point shows in a full year against the year before; Zhipu's adjusted loss "
            "for FY2025 is not in this notebook's sources (its revenue is)"
        )
    if real("adjusted_loss", adjusted_loss) < prior:
        return BORNE_OUT, "the adjusted loss for the year is smaller than the year before"
    return NOT_BORNE_OUT, "the adjusted loss for the year is not smaller than the year before"


def stickiness_verdict(active_now: float | None, active_before: float | None) -> tuple[str, str]:
    """Do consumers stay? Active or paying users of one definition at two dates; a cumulative count cannot tell.

    >>> stickiness_verdict(None, 27.6)[0]
    'not testable yet'
    >>> stickiness_verdict(30.0, 27.6)[0], stickiness_verdict(20.0, 27.6)[0]
    ('borne out', 'not borne out')
    """
    if active_now is None or active_before is None:
        return NOT_TESTABLE, (
            "no active-user or paying-user count for the full year; the cumulative user count "
            "can only rise, so its rise tests nothing"
        )
    if real("active_now", active_now) >= real("active_before", active_before):
        return BORNE_OUT, "active users held or rose on the same definition"
    return NOT_BORNE_OUT, "active users fell on the same definition"


#: A year-on-year change within this fraction either way counts as about flat (notebook 05's cash-use row).
FLAT_TOLERANCE = 0.05


def loss_reading(
    prior_loss: float, loss_low: float, loss_high: float, revenue: tuple[float, float]
) -> str:
    """The adjusted loss (a low-high range) against the year before: in money, and as a multiple of revenue.

    ``revenue`` is (year before, year); a change within :data:`FLAT_TOLERANCE` of the year before's figure, either
    way, is about flat.

    >>> loss_reading(244.0, 250.0, 251.0, (30.5, 79.0))
    'about flat in money and falling against revenue'
    """
    prior, low = real("prior_loss", prior_loss, above=0), real("loss_low", loss_low)
    mid = (low + real("loss_high", loss_high, minimum=low)) / 2
    before, now = (real("revenue", r, above=0) for r in revenue)
    moves = [
        words.direction(
            1.0, ratio, abs_tol=FLAT_TOLERANCE, up="rising", down="falling", same="about flat"
        )
        for ratio in (mid / prior, (mid / now) / (prior / before))
    ]
    return words.sentence("{m} in money and {r} against revenue", m=moves[0], r=moves[1])


def cash_control_verdict(
    prior_loss: float,
    loss_low: float | None,
    loss_high: float | None,
    revenue: tuple[float, float],
    outflow: tuple[float, float] | None = None,
) -> tuple[str, str]:
    """Did MiniMax keep its cash use under control? Decided on the operating cash outflow for the year, from a
    cash-flow statement, against the year before's: held within :data:`FLAT_TOLERANCE`, or fell. ``outflow`` is
    (year before, year), positive for cash out. Without it the question is not testable yet, and the reason gives
    :func:`loss_reading` of the adjusted loss, the only full-year proxy (``revenue`` is (year before, year)).

    >>> word, why = cash_control_verdict(244.0, 250.0, 251.0, (30.5, 79.0))
    >>> word, why.startswith("no cash-flow statement for the year; on the adjusted loss, its proxy, about flat")
    ('not testable yet', True)
    >>> [cash_control_verdict(244.0, None, None, (30.5, 79.0), o)[0] for o in ((300.0, 310.0), (300.0, 320.0))]
    ['borne out', 'not borne out']
    """
    prior = real("prior_loss", prior_loss)
    tol = pct(100 * FLAT_TOLERANCE, 0)
    if outflow is not None:
        before, now = (real("outflow", v) for v in outflow)
        if now <= before + FLAT_TOLERANCE * abs(before):
            return BORNE_OUT, words.sentence(
                "the operating cash outflow for the year rose by no more than {t} on "
                "the year before, or fell",
                t=tol,
            )
        return NOT_BORNE_OUT, words.sentence(
            "the operating cash outflow for the year rose by more than {t} on the year before",
            t=tol,
        )
    if loss_low is None or loss_high is None:
        return NOT_TESTABLE, "no cash-flow statement and no full-year adjusted loss for the year"
    return NOT_TESTABLE, words.sentence(
        "no cash-flow statement for the year; on the adjusted loss, its proxy, {r} (a "
        "change within {t} either way counts as about flat)",
        r=loss_reading(prior, loss_low, loss_high, revenue),
        t=tol,
    )


# --- what happened, and when -----------------------------------------------------------------------------------


def _cite(source_id: str) -> str:
    """A source id with its publisher and title from data/sources.csv, e.g. ``S23 InfoQ China: ...``."""
    row = shared_table("sources").set_index("source_id").loc[source_id]
    return f"{source_id} {row['publisher']}: {row['title']}"


def _results_known(events: pd.DataFrame, cutoff: str) -> pd.DataFrame:
    """Annual-results events dated by ``cutoff`` whose own source is later, where a source dated by then carries the
    year's revenue: the event counts as known and cites that source instead."""
    kinds = events["event_id"].str.split("_").str[1]
    late = events[(kinds == "results") & (events["date"] <= pd.Timestamp(cutoff))].copy()
    cited = []
    for row in late.itertuples():
        year = find_known(
            str(row.company), "revenue", f"FY{cast(pd.Timestamp, row.date).year - 1}", cutoff=cutoff
        )
        cited.append(None if year is None else year.source_id)
    late["source_id"] = cited
    return late[[c is not None for c in cited]]


def timeline(cutoff: str = CUTOFF) -> pd.DataFrame:
    """The events in data/events.csv dated by ``cutoff`` from sources up to it, in date order, each cited by a row
    of data/sources.csv. Annual results whose own source is later count when a source dated by the cut-off carries
    the year's revenue, and cite that source.

    >>> timeline()["date"].is_monotonic_increasing
    True
    >>> timeline().query("kind == 'results'")["source_id"].tolist()
    ['S24', 'S56']
    """
    everything = load_events()
    events = known_by(everything, cutoff)
    extra = _results_known(everything[~everything["event_id"].isin(events["event_id"])], cutoff)
    events = pd.concat([events, extra])
    events = (
        events[events["date"] <= pd.Timestamp(cutoff)]
        .sort_values(["date", "event_id"])
        .reset_index(drop=True)
    )
    return pd.DataFrame(
        {
            "date": events["date"],
            "company": events["company"].map(NAMES),
            "kind": events["event_id"].str.split("_").str[1],
            "event": events["event"],
            "source": [_cite(s) for s in events["source_id"]],
            "source_id": events["source_id"],
        }
    )


def article_window(events: pd.DataFrame) -> tuple[pd.Timestamp, pd.Timestamp]:
    """First and last day the undated article (S0) can have been written: after both post-hearing packs,
    within the month data/sources.csv gives it.

    >>> [d.strftime("%Y-%m-%d") for d in article_window(timeline())]
    ['2025-12-21', '2025-12-31']
    """
    start = events.loc[events["kind"] == "phip", "date"].max()
    end = _source_end(shared_table("sources").set_index("source_id").loc["S0", "date"])
    if end is None:
        raise ValueError("data/sources.csv gives no month for S0, the article")
    return start, end


def finding_article_window(events: pd.DataFrame) -> Markdown:
    """When the article can have been written, and how soon the listings followed.

    Example: ``finding_article_window(timeline())``
    """
    start, end = article_window(events)
    last_listing = events.loc[events["kind"] == "listing", "date"].max()
    return words.say(
        "The article (S0) is undated; it came after the later post-hearing pack and within the month its source "
        "row gives, so between {start} and {end}. Both companies were trading at most {days} days later. "
        "This notebook reads only sources dated up to {cutoff}.",
        start=f"{start:%d %B %Y}",
        end=f"{end:%d %B %Y}",
        days=str((last_listing - start).days),
        cutoff=f"{pd.Timestamp(CUTOFF):%d %B %Y}",
    )


# --- the valuation ladder --------------------------------------------------------------------------------------


def _when(item: Fact) -> str:
    """A step name for a later share price: its day, or its month with the breakdown (``high in Feb 2026``)."""
    label = item.period_label
    if re.fullmatch(r"\d{4}-\d{2}", label):
        return f"{item.breakdown} in {pd.Timestamp(label):%b %Y}".strip()
    return f"{pd.Timestamp(label):%d %b %Y}"


def _span(item: Fact) -> tuple[pd.Timestamp, pd.Timestamp]:
    """First and last day a dated figure can stand for (a month-dated price: the whole month)."""
    label = item.period_label
    if re.fullmatch(r"\d{4}-\d{2}", label):
        period = pd.Period(label, freq="M")
        return period.start_time, period.end_time.normalize()
    return pd.Timestamp(label), pd.Timestamp(label)


def valuation_ladder(on: str = RATES_ON) -> pd.DataFrame:
    """Each company's value at each step, in HKD million, low and high, with the multiple of its last round.

    ``V_t = V_close * P_t / P_close`` (share count unchanged) and ``m_t = V_t / V_round``, the round converted
    into HKD with one rate. Example: ``valuation_ladder().query("company == 'zhipu'")["step"].tolist()``

    >>> lad = valuation_ladder()
    >>> round(lad.loc[(lad.company == "zhipu") & (lad.step == "first-day close"), "x_low"].item(), 2)
    2.12
    """
    rows: list[dict[str, object]] = []
    for company in ("zhipu", "minimax"):
        last_round = only(company, "valuation_post_money", cutoff=CUTOFF)
        round_hkd = convert(last_round.value, last_round.currency, LISTING_CURRENCY, on)
        offer = only(company, "offer_price", cutoff=CUTOFF)
        close = only(company, "share_price_close", cutoff=CUTOFF)
        caps = series(company, "market_cap_close", currency=LISTING_CURRENCY, cutoff=CUTOFF)
        cap_hedge = next((c.qualifier for c in caps if c.qualifier), "")
        low, high = min(c.value for c in caps), max(c.value for c in caps)
        day = pd.Timestamp(last_round.period_label)
        rows.append(
            dict(
                company=company,
                step="last private round",
                start=day,
                end=day,
                price=float("nan"),
                price_hedge="",
                value_hedge=last_round.qualifier,
                low=round_hkd,
                high=round_hkd,
                sources=(last_round.source_id,),
            )
        )
        later = [("offer price", offer), ("first-day close", close)] + [
            (_when(p), p) for p in series(company, "share_price", cutoff=CUTOFF)
        ]
        for name, price in later:
            start, end = _span(price)
            rows.append(
                dict(
                    company=company,
                    step=name,
                    start=start,
                    end=end,
                    price=price.value,
                    price_hedge=price.qualifier,
                    value_hedge=price.qualifier or cap_hedge,
                    low=market_cap_at(price.value, low, close.value),
                    high=market_cap_at(price.value, high, close.value),
                    sources=tuple(
                        sorted({price.source_id, close.source_id, *(c.source_id for c in caps)})
                    ),
                )
            )
    ladder = pd.DataFrame(rows)
    base = ladder[ladder["step"] == "last private round"].set_index("company")["low"]
    ladder["x_low"] = ladder["low"] / ladder["company"].map(base)
    ladder["x_high"] = ladder["high"] / ladder["company"].map(base)
    return ladder


def span_text(low: float, high: float, fmt: Callable[[float], str]) -> str:
    """One value, or ``low to high`` when the two differ once formatted.

    >>> span_text(1.0, 1.001, times), span_text(1.0, 1.2, times)
    ('1.00x', '1.00x to 1.20x')
    """
    a, b = fmt(low), fmt(high)
    return a if a == b else f"{a} to {b}"


def _billions(value: float) -> str:
    return f"{value / 1000:,.1f}"


def _hedge(qualifier: str, text: str) -> str:
    """A figure with its qualifier carried in front. Example: ``_hedge("about", "980")`` gives ``'about 980'``."""
    return f"{qualifier} {text}".strip()


def _price(price: float, qualifier: str) -> str:
    """A share price at its stated precision: ``about 980`` for an "about" figure, else to the cent."""
    if pd.isna(price):
        return ""
    return _hedge(qualifier, f"{price:,.0f}" if qualifier else f"{price:,.2f}")


def ladder_table(ladder: pd.DataFrame, currency: str, factor: float) -> pd.DataFrame:
    """The ladder for display: values in ``currency`` billion (HKD times ``factor``), multiples from HKD.

    The offer-price multiple is notebook 04's (the step-up at the offer) and is left out here.
    Example: ``ladder_table(valuation_ladder(), "USD", 1 / 7.8)``
    """
    multiple = [
        "in notebook 04" if s == "offer price" else span_text(lo, hi, times)
        for s, lo, hi in zip(ladder["step"], ladder["x_low"], ladder["x_high"])
    ]
    return pd.DataFrame(
        {
            "company": ladder["company"].map(_name),
            "step": ladder["step"],
            "date": [_dates(a, b) for a, b in zip(ladder["start"], ladder["end"])],
            "share price (HKD)": [
                _price(p, q) for p, q in zip(ladder["price"], ladder["price_hedge"])
            ],
            f"market value ({currency} billion)": [
                _hedge(q, span_text(lo * factor, hi * factor, _billions))
                for lo, hi, q in zip(ladder["low"], ladder["high"], ladder["value_hedge"])
            ],
            "x last private round": multiple,
            "sources": [", ".join(s) for s in ladder["sources"]],
        }
    )


def _dates(start: pd.Timestamp, end: pd.Timestamp) -> str:
    return f"{start:%Y-%m-%d}" if start == end else f"sometime in {start:%b %Y}"


def _name(company: str) -> str:
    return {"zhipu": "Zhipu", "minimax": "MiniMax"}[company]


def finding_ladder(ladder: pd.DataFrame) -> Markdown:
    """The ladder in one finding: the first-day multiple, the peak and the last price in the data.

    Example: ``finding_ladder(valuation_ladder())``
    """
    parts = {}
    for company in ("zhipu", "minimax"):
        mine = ladder[ladder["company"] == company].reset_index(drop=True)
        first = mine[mine["step"] == "first-day close"].iloc[0]
        peak = cast(
            pd.Series, mine.loc[cast(int, mine["x_high"].idxmax())]
        )  # reset_index above: unique labels
        last = mine.iloc[-1]
        parts[company] = (
            _hedge(str(first["value_hedge"]), span_text(first["x_low"], first["x_high"], times)),
            peak["step"],
            _hedge(str(peak["value_hedge"]), span_text(peak["x_low"], peak["x_high"], times)),
            last["step"],
            _hedge(str(last["value_hedge"]), span_text(last["x_low"], last["x_high"], times)),
        )
    z, m = parts["zhipu"], parts["minimax"]
    return words.say(
        "At the first-day close the market valued Zhipu at {z0} its last private round and MiniMax at {m0}. "
        "Their highest prices in sources dated by the cut-off (Zhipu's {z1}, MiniMax's {m1}) put them at {z2} and "
        "{m2}; their last prices in those sources (Zhipu's {z3}, MiniMax's {m3}) at {z4} and {m4}. Every later value "
        "assumes the share count of the first day. {later}",
        z0=z[0],
        m0=m[0],
        z1=z[1],
        m1=m[1],
        z2=z[2],
        m2=m[2],
        z3=z[3],
        m3=m[3],
        z4=z[4],
        m4=m[4],
        later=words.Markup(later_closes(ladder)),
    )


def later_daily_highs(cutoff: str = CUTOFF) -> pd.DataFrame:
    """Each company's highest close up to ``cutoff`` in data/prices.csv, with its source and the source's last day.

    >>> later_daily_highs().set_index("company")["close"].to_dict()
    {'minimax': 1238.0, 'zhipu': 1028.0}
    """
    from helpers.data import load_prices

    prices = load_prices()
    window = prices[pd.to_datetime(prices["date"]) <= pd.Timestamp(cutoff)]
    top = window.loc[window.groupby("company")["close"].idxmax()].reset_index(drop=True)
    return top.assign(
        date=pd.to_datetime(top["date"]), source_end=top["source_id"].map(_source_ends())
    )


def later_closes(ladder: pd.DataFrame, cutoff: str = CUTOFF) -> str:
    """The daily closes compiled after the cut-off, set against the highs in the ladder (a Markdown sentence that
    links to notebook 06). Example: ``later_closes(valuation_ladder())``
    """
    daily = {str(r["company"]): r for r in later_daily_highs(cutoff).to_dict("records")}
    ends = [r["source_end"] for r in daily.values()]
    fields: dict[str, str] = {}
    for company, key in (("zhipu", "z"), ("minimax", "m")):
        mine = ladder[ladder["company"] == company].sort_values("x_high", kind="mergesort")
        peak, close = mine.to_dict("records")[-1], float(daily[company]["close"])
        price, hedge = float(peak["price"]), str(peak["price_hedge"])
        fields |= {
            key + "c": f"HKD {close:,.2f}",
            key + "d": f"{daily[company]['date']:%d %B %Y}",
            key + "w": words.compare(close, price, more="above", less="below", same="level with"),
            key + "p": _hedge(hedge, f"HKD {price:,.0f}" if hedge else f"HKD {price:,.2f}"),
        }
    return (
        words.sentence(
            "A daily series of closes compiled later ({src}, dated {dated}) {rule}: inside this window Zhipu closed at "
            "{zc} on {zd}, {zw} its high of {zp} in those sources, and MiniMax at {mc} on {md}, {mw} its high of "
            "{mp}. ",
            src=words.listing(sorted({str(r["source_id"]) for r in daily.values()})),
            rule=words.choose(
                all(d is not None and d > pd.Timestamp(cutoff) for d in ends),
                "is left out by the cut-off rule",
                "is dated by the cut-off but not read here",
            ),
            dated=words.listing(sorted({f"{d:%d %B %Y}" for d in ends if d is not None})),
            **fields,
        )
        + "[Notebook 06](06_one_year_on.ipynb) reads it."
    )


def ladder_title(ladder: pd.DataFrame) -> str:
    """A chart title that states the peak multiple of each company.

    >>> ladder_title(valuation_ladder()).startswith("Within 2 months")
    True
    """
    peaks = {c: ladder.loc[ladder["company"] == c, "x_high"].max() for c in ("zhipu", "minimax")}
    first_listing = ladder.loc[ladder["step"] == "first-day close", "start"].min()
    peak_day = ladder.loc[
        cast(int, ladder["x_high"].idxmax()), "end"
    ]  # built from a list: integer labels
    within = int((peak_day - first_listing).days // 30.4375) + 1
    return words.sentence(
        "Within {n} months of listing, sources dated by the cut-off put Zhipu at up to {z} and MiniMax at up to {m} "
        "their last private rounds",
        n=str(within),
        z=times(peaks["zhipu"], 1),
        m=times(peaks["minimax"], 1),
    )


# --- price to sales, with its context ----------------------------------------------------------------------------


@dataclass(frozen=True)
class RevenueBasis:
    """A company's revenue bases in HKD million: the LTM known at the listing, and FY2025 where known."""

    ltm: float
    ltm_label: str
    fy: float | None


def revenue_bases(on: str = RATES_ON) -> dict[str, RevenueBasis]:
    """Each company's revenue bases in HKD million: the LTM known at the listing and, where known, FY2025.

    ``R_LTM = R_FY2024 - R_interim2024 + R_interim2025``. Example: ``revenue_bases()["minimax"].ltm_label``

    >>> round(revenue_bases()["zhipu"].ltm, 1)
    512.8
    """
    bases = {}
    for company in ("zhipu", "minimax"):
        known = latest_ltm(company, "revenue", 2025)
        annual = find_known(company, "revenue", YEAR)
        bases[company] = RevenueBasis(
            convert(known.value, known.currency, LISTING_CURRENCY, on),
            known.label,
            None
            if annual is None
            else convert(annual.value, annual.currency, LISTING_CURRENCY, on),
        )
    return bases


def cash_after_listing(company: str, on: str = RATES_ON) -> tuple[float, float, str]:
    """Cash the data give for a company around its listing plus the IPO proceeds, in HKD million, low and high.

    MiniMax: cash at 2025-12-31, with or without September's credit line (see :meth:`CashFigures.cash_dec_low`),
    plus the IPO proceeds. Zhipu: cash at 2025-06-30 plus the net proceeds (six months stale: the second half's
    outflow is not deducted). Example: ``cash_after_listing("minimax")[2]``
    """
    proceeds = only(company, "ipo_net_proceeds")
    extra = convert(proceeds.value, proceeds.currency, LISTING_CURRENCY, on)
    if company == "minimax":
        c = cash_figures()
        return (
            convert(c.cash_dec_low, "USD", LISTING_CURRENCY, on) + extra,
            convert(c.cash_dec.value, "USD", LISTING_CURRENCY, on) + extra,
            "cash at 2025-12-31 (published 2026-03-02) + IPO proceeds",
        )
    cash = fact("zhipu", "cash_and_equivalents", "2025-06-30")
    total = convert(cash.value, cash.currency, LISTING_CURRENCY, on) + extra
    return total, total, "cash at 2025-06-30 + IPO net proceeds"


def published(company: str, cutoff: str = CUTOFF) -> str:
    """The day a company's FY2025 results came out, from the timeline. Example: ``published("minimax")``"""
    events = timeline(cutoff)
    days = events.loc[(events["kind"] == "results") & (events["company"] == NAMES[company]), "date"]
    return "not by the cut-off" if days.empty else f"{days.min():%Y-%m-%d}"


def price_to_sales(ladder: pd.DataFrame, on: str = RATES_ON) -> pd.DataFrame:
    """P/S on each revenue basis, and (market value less cash) over LTM revenue, for every listed step.

    ``P/S = V / R``; ``(V - cash) / R`` is a floor on EV/S, since no debt figure is in sources dated by the
    cut-off. FY2025 revenue and MiniMax's year-end cash came out after most of these prices, so their columns say when.
    Example: ``price_to_sales(valuation_ladder())``
    """
    bases = revenue_bases(on)
    fy_col = words.sentence(
        "x FY2025 revenue (published {m} MiniMax, {z} Zhipu)",
        m=published("minimax"),
        z=published("zhipu"),
    )
    rows = []
    for r in ladder[ladder["step"] != "last private round"].itertuples():
        b = bases[str(r.company)]
        cash_low, cash_high, _ = cash_after_listing(str(r.company), on)
        low, high = float(cast(float, r.low)), float(cast(float, r.high))
        rows.append(
            {
                "company": _name(str(r.company)),
                "step": r.step,
                "LTM basis": b.ltm_label,
                "x LTM revenue": span_text(low / b.ltm, high / b.ltm, _whole),
                fy_col: "not in this notebook's sources"
                if b.fy is None
                else span_text(low / b.fy, high / b.fy, _whole),
                "(value - cash) / LTM revenue (MiniMax's cash published "
                + published("minimax")
                + ")": span_text((low - cash_high) / b.ltm, (high - cash_low) / b.ltm, _whole),
            }
        )
    return pd.DataFrame(rows)


def _whole(value: float) -> str:
    return f"{value:,.0f}x"


@dataclass(frozen=True)
class FloatAtListing:
    """Shares at the listing, in millions: in issue (from the first-day value), offered, and taken by cornerstones."""

    company: str
    shares_low: float
    shares_high: float
    offered: float
    cornerstone: float

    def offered_share(self) -> tuple[float, float]:
        """Offered shares as a fraction of all shares, low and high (the share count is a range)."""
        return self.offered / self.shares_high, self.offered / self.shares_low

    def unlocked_share(self) -> tuple[float, float]:
        """Offered shares outside the cornerstones' lock-up, as a fraction of all shares, low and high."""
        return (self.offered - self.cornerstone) / self.shares_high, (
            self.offered - self.cornerstone
        ) / self.shares_low


def float_at_listing(company: str) -> FloatAtListing:
    """Shares in issue ``V_close / P_close``, shares offered, cornerstone shares ``investment / offer price``.

    Over-allotment shares are not counted. Example: ``float_at_listing("zhipu").tradable_high``

    >>> round(float_at_listing("zhipu").cornerstone, 1)
    25.6
    """
    close = only(company, "share_price_close").value
    caps = [c.value for c in series(company, "market_cap_close", currency=LISTING_CURRENCY)]
    offered = only(company, "ipo_shares_issued").value / 1e6
    cornerstone = only(company, "cornerstone_investment").value / only(company, "offer_price").value
    return FloatAtListing(company, min(caps) / close, max(caps) / close, offered, cornerstone)


def _pct(fraction: float) -> str:
    return pct(100 * fraction)


def float_table() -> pd.DataFrame:
    """Shares at the listing for both companies, for display. Example: ``float_table()["offered"]``"""
    rows = []
    for company in ("zhipu", "minimax"):
        f = float_at_listing(company)
        rows.append(
            {
                "company": _name(company),
                "shares in issue (million)": span_text(
                    f.shares_low, f.shares_high, lambda v: f"{v:,.1f}"
                ),
                "offered (million)": f"{f.offered:,.1f}",
                "of which cornerstones (million)": f"{f.cornerstone:,.1f}",
                "offered, share of all": span_text(*f.offered_share(), _pct),
                "offered less cornerstones, share of all": span_text(*f.unlocked_share(), _pct),
            }
        )
    return pd.DataFrame(rows)


def finding_price_to_sales(ladder: pd.DataFrame, on: str = RATES_ON) -> Markdown:
    """Why the multiples run into the hundreds: the revenue base, the float and the cash.

    Example: ``finding_price_to_sales(valuation_ladder())``
    """
    bases = revenue_bases(on)
    peak = cast(
        pd.Series, ladder.loc[cast(int, ladder["x_high"].idxmax())]
    )  # built from a list: unique labels
    b = bases[str(peak["company"])]
    cash_low, cash, cash_label = cash_after_listing(str(peak["company"]), on)
    floats = {c: float_at_listing(c) for c in ("zhipu", "minimax")}
    return words.say(
        "A multiple of several hundred says as much about the revenue as about the price: {name}'s revenue over the "
        "{ltm} was {rev}, against a market value of {value} at its {step}, so {ps} revenue. Deducting the cash "
        "({cash_label}, {cash}) only brings it to {ev}. And the price was set by trading in a thin slice of the "
        "shares: the offers put {zo} of Zhipu's shares and {mo} of MiniMax's in new hands, and once the "
        "cornerstones' locked-up shares are set aside, {zt} and {mt}.",
        name=_name(str(peak["company"])),
        ltm=b.ltm_label,
        rev=money(b.ltm, LISTING_CURRENCY),
        value=_hedge(str(peak["value_hedge"]), money(float(peak["high"]), LISTING_CURRENCY)),
        step=str(peak["step"]),
        ps=_whole(float(peak["high"]) / b.ltm),
        cash_label=cash_label,
        cash=money(cash, LISTING_CURRENCY),
        ev=_whole((float(peak["high"]) - cash) / b.ltm),
        zo=span_text(*floats["zhipu"].offered_share(), _pct),
        mo=span_text(*floats["minimax"].offered_share(), _pct),
        zt=span_text(*floats["zhipu"].unlocked_share(), _pct),
        mt=span_text(*floats["minimax"].unlocked_share(), _pct),
    )


# --- the full year against nine months --------------------------------------------------------------------------

INTERIM = "9M2025"
QUARTER = "Q4 2025"
YEAR = "FY2025"
SEGMENTS = {"AI-native products": "ai_native", "Open platform and enterprise": "open_platform"}


@dataclass(frozen=True)
class QuarterLine:
    """One line of MiniMax's accounts: nine months, the year, the fourth quarter derived and as the press gave it."""

    name: str
    check: FullYearCheck
    press_q4: Fact | None
    sources: tuple[str, ...]
    interim_computed: bool


def quarter_lines() -> list[QuarterLine]:
    """Revenue, R&D and the two segments: ``Q4 = FY - 9M``; segment 9M amounts are ``R_9M x s_9M`` (computed).

    >>> [round(q.check.remainder, 2) for q in quarter_lines()]
    [25.6, 73.0, 15.09, 10.52]
    """
    lines = []
    for name, metric in (("Revenue", "revenue"), ("R&D expense", "rd_expense")):
        found = full_year_check_for("minimax", metric, INTERIM)
        if found is None:
            raise LookupError(f"no FY2025 {metric} for MiniMax in data/facts.csv")
        check, interim, full = found
        press = find("minimax", metric, QUARTER)
        lines.append(QuarterLine(name, check, press, _ids(interim, full, press), False))
    revenue_9m = fact("minimax", "revenue", INTERIM)
    for name, seg in SEGMENTS.items():
        share = fact("minimax", "revenue_share_segment", INTERIM, seg)
        full = fact("minimax", "segment_revenue", YEAR, seg)
        check = full_year_check(
            revenue_9m.value * share.value / 100, months_in(INTERIM), full.value
        )
        press = find("minimax", "segment_revenue", QUARTER, seg)
        lines.append(QuarterLine(name, check, press, _ids(revenue_9m, share, full, press), True))
    return lines


def _ids(*items: Fact | None) -> tuple[str, ...]:
    return tuple(sorted({i.source_id for i in items if i is not None}, key=lambda s: int(s[1:])))


def _hedged(item: Fact | None) -> str:
    return "not in data" if item is None else f"{item.qualifier} {as_number(item.value)}".strip()


def as_number(value: float) -> str:
    """A figure with up to two decimals, trailing zeros dropped. Example: ``as_number(10.55)`` gives '10.55'."""
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def quarter_table(lines: list[QuarterLine], tolerance: float) -> pd.DataFrame:
    """The lines for display, each figure labelled reported, computed or derived.

    Example: ``quarter_table(quarter_lines(), 0.02)``
    """
    rows = []
    for q in lines:
        c = q.check
        cmp = None if q.press_q4 is None else compare(c.remainder, q.press_q4.value)
        rows.append(
            {
                "USD million": q.name,
                "9M2025": f"{c.interim:,.2f}"
                + words.choose(q.interim_computed, " (computed: 9M revenue x share)", ""),
                "12/9 run-rate (computed)": f"{c.run_rate:,.2f}",
                "FY2025 (reported)": f"{c.reported:,.2f}",
                "FY vs run-rate": pct(100 * c.surprise),
                "Q4 derived: FY - 9M": f"{c.remainder:,.2f}",
                "Q4 in the press": _hedged(q.press_q4),
                "gap": "" if cmp is None else f"{cmp.difference:+.2f} ({pct(100 * cmp.relative)})",
                "within tolerance": ""
                if cmp is None
                else words.choose(cmp.agrees(tolerance), "yes", "no"),
                "sources": ", ".join(q.sources),
            }
        )
    return pd.DataFrame(rows)


def finding_quarter(lines: list[QuarterLine], tolerance: float) -> Markdown:
    """The year against the run-rate, and how many derived quarters agree with the press.

    Example: ``finding_quarter(quarter_lines(), 0.02)``
    """
    rev = lines[0].check
    pairs = [compare(q.check.remainder, q.press_q4.value) for q in lines if q.press_q4 is not None]
    agreeing = sum(p.agrees(tolerance) for p in pairs)
    prior_q4 = (
        fact("minimax", "revenue", "FY2024").value - fact("minimax", "revenue", "9M2024").value
    )
    q4_growth = growth(rev.remainder, prior_q4)
    press_growth = fact("minimax", "revenue_growth_yoy", QUARTER)
    return words.say(
        "MiniMax's year {beat} the 12/9 run-rate by {gap}: the fourth quarter ran {pace} {faster} a month than the "
        "first nine months. The quarter derived by subtraction agrees with the press within {tol} on {n} of {m} "
        "lines, {so}. Against the same quarter a year earlier (also derived, FY2024 less "
        "9M2024) the derived quarter grew {g}; the press gave {pg}, {agrees} (the same subtraction on the same "
        "results, so not an independent check).",
        beat=words.sign(rev.surprise, positive="beat", negative="fell short of", zero="matched"),
        gap=pct(100 * abs(rev.surprise)),
        pace=pct(100 * abs(rev.remainder_vs_interim_pace)),
        faster=words.sign(
            rev.remainder_vs_interim_pace, positive="faster", negative="slower", zero="no faster"
        ),
        so=words.choose(
            agreeing == len(pairs),
            "so the figures are consistent with each other",
            "so at this tolerance not every line reconciles",
        ),
        tol=pct(100 * tolerance),
        n=str(agreeing),
        m=str(len(pairs)),
        g=pct(100 * q4_growth),
        pg=f"{press_growth.qualifier} {pct(press_growth.value, 0)} ({press_growth.source_id})".strip(),
        agrees=words.agreement(
            100 * q4_growth,
            press_growth.value,
            rel_tol=tolerance,
            yes="consistent with it",
            no="not consistent with it",
        ),
    )


# --- the revenue mix ----------------------------------------------------------------------------------------------


def mix_table(lines: list[QuarterLine]) -> pd.DataFrame:
    """AI-native share of revenue: two full years, and 2025 in its two parts (9M reported, Q4 derived).

    Example: ``mix_table(quarter_lines())["AI-native share"]``
    """
    rev, ai = lines[0].check, next(q for q in lines if q.name == "AI-native products").check
    rows = []
    for label, start, end, part_of in (
        ("FY2024", "2024-01-01", "2024-12-31", "full year"),
        ("FY2025", "2025-01-01", "2025-12-31", "full year"),
        ("9M2025", "2025-01-01", "2025-09-30", "part of FY2025"),
        ("Q4 2025", "2025-10-01", "2025-12-31", "part of FY2025"),
    ):
        if label == QUARTER:
            share, basis = 100 * ai.remainder / rev.remainder, "derived: Q4 segment / Q4 revenue"
            ids: tuple[str, ...] = ("S0", "S24")
        else:
            f = fact("minimax", "revenue_share_segment", label, "ai_native")
            share, basis, ids = f.value, "reported", (f.source_id,)
        rows.append(
            {
                "period": label,
                "start": pd.Timestamp(start),
                "end": pd.Timestamp(end),
                "kind": part_of,
                "AI-native share": share,
                "basis": basis,
                "sources": ", ".join(ids),
            }
        )
    return pd.DataFrame(rows)


def mix_title(mix: pd.DataFrame) -> str:
    """The full-year move in the AI-native share, and the derived fourth quarter beside it.

    >>> mix_title(mix_table(quarter_lines())).startswith("The AI-native share of revenue fell")
    True
    """
    share = mix.set_index("period")["AI-native share"]
    return words.sentence(
        "The AI-native share of revenue {went} from {a} in FY2024 to {b} in FY2025; in Q4 2025 alone it was {c} "
        "(derived)",
        went=words.direction(share["FY2024"], share["FY2025"], abs_tol=0.05),
        a=pct(share["FY2024"]),
        b=pct(share["FY2025"]),
        c=pct(share[QUARTER]),
    )


# --- cash ---------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CashFigures:
    """MiniMax's cash figures around the year end, USD million."""

    burn_article: Fact
    consumption: Fact
    adjusted_low: Fact
    adjusted_high: Fact
    adjusted_9m: Fact
    cash_sep: Fact
    facilities_sep: Fact
    cash_dec: Fact
    proceeds: Fact
    listing_day: pd.Timestamp

    @property
    def days_to_proceeds(self) -> int:
        """Days from the year-end cash date to the listing, when most of the IPO cash arrived."""
        return int((self.listing_day - pd.Timestamp(self.cash_dec.period_label)).days)

    @property
    def rounding(self) -> float:
        """Half a unit of the last stated digit of the year-end total when it is an "about" figure, else 0.

        ``about 1050`` is stated to the ten, so it may be 5 either way.
        """
        if not self.cash_dec.qualifier:
            return 0.0
        digits = f"{self.cash_dec.value:g}"
        if "." in digits:
            return 0.5 * 10.0 ** -len(digits.split(".")[1])
        return 0.5 * 10.0 ** (len(digits) - len(digits.rstrip("0")))

    @property
    def cash_dec_low(self) -> float:
        """Year-end cash without a credit line, read on September's definition: the total less September's facility.

        The year-end facility is not given, so the cash is between this and the total.
        """
        return self.cash_dec.value - self.facilities_sep.value

    def cash_moved(self) -> str:
        """How the total moved from September to December on one definition, "about unchanged" within rounding."""
        return words.direction(
            self.cash_sep.value,
            self.cash_dec.value,
            abs_tol=self.rounding,
            same="were about unchanged",
        )

    def change_sep_dec(self, without_facilities: bool = False) -> float:
        """Year-end cash resources less September's (optionally with the unused facilities taken out)."""
        sep = self.cash_sep.value - (self.facilities_sep.value if without_facilities else 0.0)
        return self.cash_dec.value - sep


def cash_figures() -> CashFigures:
    """The figures the cash section needs, looked up once. Example: ``cash_figures().days_to_proceeds`` gives 9."""
    listing = only("minimax", "ipo_net_proceeds")
    return CashFigures(
        burn_article=fact("minimax", "cash_burn_per_month", YEAR),
        consumption=fact("minimax", "cash_consumption", YEAR),
        adjusted_low=fact("minimax", "adjusted_net_loss", YEAR, "low"),
        adjusted_high=fact("minimax", "adjusted_net_loss", YEAR, "high"),
        adjusted_9m=fact("minimax", "adjusted_net_loss", INTERIM),
        cash_sep=fact("minimax", "cash_resources_total", "2025-09-30"),
        facilities_sep=fact("minimax", "unused_bank_facilities", "2025-09-30"),
        cash_dec=fact("minimax", "cash_resources_total", "2025-12-31"),
        proceeds=listing,
        listing_day=pd.Timestamp(listing.period_label),
    )


def finding_consumption(c: CashFigures) -> Markdown:
    """The press's annual 'consumption' set beside the adjusted loss it most likely is.

    Example: ``finding_consumption(cash_figures())``
    """
    lo, hi, cons = c.adjusted_low.value, c.adjusted_high.value, c.consumption.value
    inside = lo <= cons <= hi
    return words.say(
        "The press's cash consumption, {cons} a year, {sits} the adjusted net loss for the year ({lo} to {hi}, "
        "{src}). {verdict} The article's expected burn (a 2025 projection by the company), {burn} a month, is "
        "{annual} a year.",
        cons=f"{c.consumption.qualifier} {money(cons, 'USD', 0)}".strip(),
        sits=words.choose(inside, "is the low end of", "is not the same figure as"),
        lo=money(lo, "USD", 0),
        hi=money(hi, "USD", 0),
        src=c.adjusted_low.source_id,
        verdict=words.choose(
            inside,
            "We read it as most likely that loss, relabelled (see above on loss and burn).",
            "It may be a cash measure of its own.",
        ),
        burn=f"{c.burn_article.qualifier} {money(c.burn_article.value, 'USD')}".strip(),
        annual=f"{c.burn_article.qualifier} {money(12 * c.burn_article.value, 'USD', 0)}".strip(),
    )


def finding_cash_change(c: CashFigures) -> Markdown:
    """September to December on one reading of the totals: what the expected burn predicts against what was reported.

    Example: ``finding_cash_change(cash_figures())``
    """
    return words.say(
        "At the article's expected burn (a 2025 projection by the company), three months would take about {exp} out "
        "of the cash resources between September and December. Read on September's definition, which counts {fac} "
        "of unused bank facilities (a credit line, not cash), the totals {went}: {sep} in September, {dec} at the "
        'year end, a change of {m} against a rounding of up to {r} either way in an "about" figure. The year-end '
        "facility is not given, so the cash without the credit line was between {lo} and {hi}; this range is the "
        "year-end cash in every runway below and in the (value - cash) column above.",
        exp=money(3 * c.burn_article.value, "USD", 0),
        fac=money(c.facilities_sep.value, "USD"),
        went=c.cash_moved(),
        sep=money(c.cash_sep.value, "USD", scale="million"),
        dec=f"{c.cash_dec.qualifier} {money(c.cash_dec.value, 'USD', 0, 'million')}".strip(),
        m=f"USD {c.change_sep_dec():+,.1f} million",
        r=money(c.rounding, "USD", 0),
        lo=f"{c.cash_dec.qualifier} {money(c.cash_dec_low, 'USD', 0, 'million')}".strip(),
        hi=money(c.cash_dec.value, "USD", 0, "million"),
    )


def runway_scenarios(c: CashFigures, burn_growth: float) -> pd.DataFrame:
    """Runways from 2025-12-31 on each burn, with the IPO cash that arrived days later and without it.

    ``T = (C + P) / b`` at a flat burn (the closed form of notebook 03 when the burn grows).
    Example: ``runway_scenarios(cash_figures(), 0.0)["with IPO cash"]``
    """
    q4_loss = (
        c.adjusted_low.value - c.adjusted_9m.value,
        c.adjusted_high.value - c.adjusted_9m.value,
    )
    burns = [
        (
            "the article's expected burn (a 2025 projection)",
            c.burn_article.value,
            c.burn_article.value,
            _ids(c.burn_article, c.cash_dec, c.proceeds),
        ),
        (
            "FY2025 adjusted loss / 12",
            c.adjusted_low.value / 12,
            c.adjusted_high.value / 12,
            _ids(c.adjusted_low, c.cash_dec, c.proceeds),
        ),
        (
            "Q4 2025 adjusted loss / 3 (derived: FY - 9M)",
            q4_loss[0] / 3,
            q4_loss[1] / 3,
            _ids(c.adjusted_9m, c.adjusted_low, c.cash_dec, c.proceeds),
        ),
    ]
    rows = []
    for name, b_low, b_high, src in burns:
        both = [
            runway_months(cash, b, burn_growth_per_month=burn_growth, proceeds=p)
            for p in (c.proceeds.value, 0.0)
            for cash, b in ((c.cash_dec_low, b_high), (c.cash_dec.value, b_low))
        ]
        rows.append(
            {
                "burn": name,
                "USD million a month": span_text(b_low, b_high, lambda v: f"{v:,.1f}"),
                "low": both[0],
                "high": both[1],
                "low_alone": both[2],
                "high_alone": both[3],
                "sources": ", ".join(src),
            }
        )
    return pd.DataFrame(rows)


def runway_table(runways: pd.DataFrame) -> pd.DataFrame:
    """The runways for display. Example: ``runway_table(runway_scenarios(cash_figures(), 0.0))``"""
    return pd.DataFrame(
        {
            "burn": runways["burn"],
            "USD million a month": runways["USD million a month"],
            "with IPO cash": [
                span_text(a, b, months) for a, b in zip(runways["low"], runways["high"])
            ],
            "cash alone": [
                span_text(a, b, months) for a, b in zip(runways["low_alone"], runways["high_alone"])
            ],
            "sources": runways["sources"],
        }
    )


def finding_runway(c: CashFigures, runways: pd.DataFrame, burn_growth: float) -> Markdown:
    """The runway range with the IPO cash, and why adding it at the year end is fair.

    Example: ``finding_runway(cash_figures(), runway_scenarios(cash_figures(), 0.0), 0.0)``
    """
    shortest = runways["low"].min()
    alone = runways["low_alone"].min()
    return words.say(
        "Counting the IPO cash, most of which arrived on the listing day {days} days after the year end (any "
        "over-allotment part within weeks), MiniMax's cash lasts {lo} to {hi} on "
        "these burns (burn growth {g} a month). {moves} The short end comes from {short}, the long end from "
        "{long}.",
        days=str(c.days_to_proceeds),
        lo=months(shortest),
        hi=months(runways["high"].max()),
        g=pct(100 * burn_growth),
        moves=words.choose(
            bool(alone * 365.25 / 12 > c.days_to_proceeds + 30),  # over-allotment: within 30 days
            words.sentence(
                "Adding it at the year end moves no run-out date: the cash alone lasts at "
                "least {alone}, well past the weeks in which the proceeds came in.",
                alone=months(alone),
            ),
            "The cash alone runs out before the proceeds arrive, so adding them early overstates it.",
        ),
        short=str(
            runways.loc[cast(int, runways["low"].idxmin()), "burn"]
        ),  # built from a list: integer labels
        long=str(runways.loc[cast(int, runways["high"].idxmax()), "burn"]),
    )


def runway_title(c: CashFigures, runways: pd.DataFrame) -> str:
    """Chart title: the range with the IPO cash. Example: ``runway_title(cash_figures(), runway_scenarios(...))``"""
    return words.sentence(
        "From the end of 2025, with the IPO cash, most of it {d} days later, MiniMax's cash lasts "
        "{lo} to {hi} on these burns",
        d=str(c.days_to_proceeds),
        lo=months(runways["low"].min(), 0),
        hi=months(runways["high"].max(), 0),
    )


# --- Zhipu after its listing, and the verdicts --------------------------------------------------------------------


def zhipu_after_listing(cutoff: str = CUTOFF) -> pd.DataFrame:
    """Zhipu's figures dated on or after its listing day, and any for FY2025, from sources up to ``cutoff``.

    >>> "FY2025" in set(zhipu_after_listing()["period"])
    True
    """
    listed = pd.Timestamp(only("zhipu", "offer_price").period_label)
    rows = known_by(facts_table(company="zhipu"), cutoff)
    rows = rows[(rows["period_end"] >= listed) | (rows["period_label"] == YEAR)]
    rows = rows.sort_values("period_end", kind="mergesort")
    items = to_facts(rows)
    return pd.DataFrame(
        {
            "metric": [f"{i.metric} ({i.breakdown})" if i.breakdown else i.metric for i in items],
            "period": [i.period_label for i in items],
            "figure": [_describe(i) for i in items],
        }
    )


def _describe(item: Fact) -> str:
    from helpers.formatting import describe

    return describe(item)


def verdicts(
    cash: CashFigures,
    lines: list[QuarterLine],
    ladder: pd.DataFrame,
    on: str = RATES_ON,
    cutoff: str = CUTOFF,
) -> list[Verdict]:
    """The article's four closing questions, then the extra rows, each with its evidence and verdict.

    Example: ``[v.verdict for v in verdicts(cash_figures(), quarter_lines(), valuation_ladder())]``
    """
    out = [
        _zhipu_lead(lines, on, cutoff),
        _zhipu_profit(cutoff),
        _minimax_sticky(lines, cutoff),
        _minimax_cash(cash, cutoff),
    ]
    out.append(_minimax_margin(lines))
    return out


def q4_gross_margin(lines: list[QuarterLine]) -> tuple[float, float]:
    """MiniMax's gross margin for 9M2025 (reported) and Q4 2025 (derived), in percent.

    ``m_Q4 = (GP_FY - m_9M x R_9M) / (R_FY - R_9M)``; the reported 9M margin is rounded to 0.1 point, so the
    derived quarter carries that rounding.

    >>> [round(m, 1) for m in q4_gross_margin(quarter_lines())]
    [23.3, 29.8]
    """
    rev = lines[0].check
    m_9m = fact("minimax", "gross_margin", INTERIM).value
    gp_fy = fact("minimax", "gross_profit", YEAR).value
    return m_9m, 100 * (gp_fy - m_9m / 100 * rev.interim) / rev.remainder


def _minimax_margin(lines: list[QuarterLine]) -> Verdict:
    m_9m, m_q4 = q4_gross_margin(lines)
    rev = lines[0].check
    err = (
        0.05 * rev.interim / rev.remainder
    )  # a 9M margin rounded to 0.1 point, carried into the quarter
    went = words.direction(
        m_9m, m_q4, abs_tol=err, up="rose", down="fell", same="stayed within the rounding"
    )
    return Verdict(
        "Did MiniMax's gross margin keep widening after the nine months the article saw?",
        words.sentence(
            "gross margin {a} in 9M2025 (reported), {b} in Q4 2025 (derived: FY gross profit less the "
            "9M margin times 9M revenue, over Q4 revenue), a change of {pp} percentage points",
            a=pct(m_9m),
            b=pct(m_q4),
            pp=f"{m_q4 - m_9m:+.1f}",
        ),
        words.choose(went == "rose", BORNE_OUT, NOT_BORNE_OUT),
        words.sentence(
            "the derived fourth quarter's margin {went}; rounding in the reported 9M margin moves it by "
            "at most {e} percentage points",
            went=went,
            e=f"{err:.2f}",
        ),
        raised_by_article=False,
        short="MiniMax's gross margin",
    )


def _zhipu_lead(lines: list[QuarterLine], on: str, cutoff: str) -> Verdict:
    fy = find_known("zhipu", "revenue", YEAR, cutoff=cutoff)
    prior = fact("zhipu", "revenue", "FY2024")
    split = find_known("zhipu", "segment_revenue", YEAR, "on_premise", cutoff=cutoff)
    on_prem = fact("zhipu", "revenue_share_segment", "H1 2025", "on_premise")
    own = None
    if split is not None:
        own = growth(split.value, fact("zhipu", "segment_revenue", "FY2024", "on_premise").value)
    word, why = lead_verdict(own, None)
    total = "no FY2025 revenue"
    if fy is not None:
        total = words.sentence(
            "FY2025 revenue {went} {g} on FY2024 ({src}; results published {day})",
            went=words.direction(prior.value, fy.value),
            g=pct(100 * abs(growth(fy.value, prior.value))),
            src=fy.source_id,
            day=published("zhipu", cutoff),
        )
    return Verdict(
        "Can Zhipu hold its lead with enterprise (B-end) customers?",
        words.sentence(
            "Zhipu: {total}; on-premise enterprise work was {op} of revenue in H1 2025, and the year's "
            "split is {split} in sources dated by the cut-off",
            total=total,
            op=pct(on_prem.value),
            split=words.choose(split is None, "not given", "given"),
        ),
        word,
        why,
        short="Zhipu's enterprise lead",
    )


def _zhipu_profit(cutoff: str) -> Verdict:
    h1 = {y: fact("zhipu", "adjusted_net_loss", f"H1 {y}").value for y in (2024, 2025)}
    rev = {y: fact("zhipu", "revenue", f"H1 {y}").value for y in (2024, 2025)}
    fy = find_known("zhipu", "adjusted_net_loss", YEAR, cutoff=cutoff)
    word, why = profit_turn_verdict(
        None if fy is None else fy.value, fact("zhipu", "adjusted_net_loss", "FY2024").value
    )
    return Verdict(
        "Can Zhipu reach a turning point towards profit?",
        words.sentence(
            "last half-year in sources dated by the cut-off: the adjusted loss {went} from {a} (H1 2024) "
            "to {b} (H1 2025), while as a multiple of revenue it {went2} from {ra} to {rb}",
            went=words.direction(h1[2024], h1[2025]),
            a=money(h1[2024], "RMB", 0, "million"),
            b=money(h1[2025], "RMB", 0, "million"),
            went2=words.direction(h1[2024] / rev[2024], h1[2025] / rev[2025]),
            ra=times(h1[2024] / rev[2024], 1),
            rb=times(h1[2025] / rev[2025], 1),
        ),
        word,
        why,
        short="Zhipu's turn towards profit",
    )


def _minimax_sticky(lines: list[QuarterLine], cutoff: str) -> Verdict:
    users = {d: fact("minimax", "users_cumulative", d) for d in ("2025-09-30", "2025-12-31")}
    ai = next(q for q in lines if q.name == "AI-native products").check
    ai_prior = fact("minimax", "segment_revenue", "FY2024", "ai_native").value
    active = [
        find_known("minimax", m, YEAR, "ai_native", cutoff) for m in ("mau_average", "paying_users")
    ]
    before = [
        find_known("minimax", m, INTERIM, "ai_native", cutoff)
        for m in ("mau_average", "paying_users")
    ]
    pair = next(
        ((a.value, b.value) for a, b in zip(active, before) if a is not None and b is not None),
        (None, None),
    )
    word, why = stickiness_verdict(*pair)
    return Verdict(
        "Can MiniMax make its consumer users stay?",
        words.sentence(
            "AI-native revenue {went} {g} on FY2024; cumulative users {u0} (Sep) and {u1} (Dec) (company "
            "figures, not audited), a count that cannot fall; no FY2025 active-user or paying-user figure",
            went=words.direction(ai_prior, ai.reported),
            g=pct(100 * abs(growth(ai.reported, ai_prior))),
            u0=f"{users['2025-09-30'].qualifier} {users['2025-09-30'].value / 1e6:,.0f} million".strip(),
            u1=f"{users['2025-12-31'].value / 1e6:,.0f} million",
        ),
        word,
        why,
        short="MiniMax's consumer stickiness",
    )


def _minimax_cash(c: CashFigures, cutoff: str = CUTOFF) -> Verdict:
    prior = fact("minimax", "adjusted_net_loss", "FY2024")
    rev = (fact("minimax", "revenue", "FY2024").value, fact("minimax", "revenue", YEAR).value)
    before, now = (
        find_known("minimax", "operating_cash_flow", p, cutoff=cutoff) for p in ("FY2024", YEAR)
    )
    flows = (
        None if before is None or now is None else (-before.value, -now.value)
    )  # cash out, positive
    word, why = cash_control_verdict(
        prior.value, c.adjusted_low.value, c.adjusted_high.value, rev, flows
    )
    q4 = [(x.value - c.adjusted_9m.value) / 3 for x in (c.adjusted_low, c.adjusted_high)]
    return Verdict(
        "Can MiniMax keep its cash use under control?",
        words.sentence(
            "adjusted loss {lo} to {hi} in FY2025 against {prior} in FY2024 ({went}), or {rb} revenue "
            "against {ra}; a month: {m9} in the nine months, {q4} in Q4 (derived), against the article's "
            "expected burn of {burn} (a 2025 projection); cash resources {cwent} from September to "
            "December (inconclusive: see the cash section)",
            lo=f"{c.adjusted_low.qualifier} {money(c.adjusted_low.value, 'USD', 0)}".strip(),
            hi=money(c.adjusted_high.value, "USD", 0),
            prior=money(prior.value, "USD", 0),
            went=span_text(
                100 * (c.adjusted_low.value / prior.value - 1),
                100 * (c.adjusted_high.value / prior.value - 1),
                lambda v: f"{v:+.1f}%",
            ),
            rb=span_text(
                c.adjusted_low.value / rev[1], c.adjusted_high.value / rev[1], lambda v: times(v, 1)
            ),
            ra=times(prior.value / rev[0], 1),
            burn=_hedge(c.burn_article.qualifier, money(c.burn_article.value, "USD")),
            m9=money(c.adjusted_9m.value / 9, "USD"),
            q4=span_text(q4[0], q4[1], lambda v: money(v, "USD")),
            cwent=c.cash_moved(),
        ),
        word,
        why,
        short=words.choose(
            word == NOT_TESTABLE,
            words.sentence(
                "MiniMax's cash use (which on the adjusted loss, its proxy, was {r})",
                r=loss_reading(prior.value, c.adjusted_low.value, c.adjusted_high.value, rev),
            ),
            "MiniMax's cash use",
        ),
    )


def verdict_table(rows: list[Verdict]) -> pd.DataFrame:
    """The verdicts as a table. Example: ``verdict_table(verdicts(cash_figures(), quarter_lines(), ...))``"""
    return pd.DataFrame([v.row() for v in rows])


def takeaways(rows: list[Verdict], runways: pd.DataFrame, cash: CashFigures) -> Markdown:
    """Key takeaways: the verdict count, the cash and the runway, in one Markdown list.

    Example: ``takeaways(verdicts(...), runway_scenarios(cash_figures(), 0.0), cash_figures())``
    """
    asked = [v for v in rows if v.raised_by_article]
    count = {
        w: sum(v.verdict == w for v in asked) for w in (BORNE_OUT, NOT_BORNE_OUT, NOT_TESTABLE)
    }
    waiting = [v.short for v in asked if v.verdict == NOT_TESTABLE]
    inside = cash.adjusted_low.value <= cash.consumption.value <= cash.adjusted_high.value
    return words.say(
        "- **The article's four questions, with sources to April 2026:** {b} borne out, {n} not borne out, {t} "
        "not testable yet: {waiting}. Notebook 06 takes them up again with the year that followed.\n"
        "- **The press's cash consumption of {cons} a year {is_loss}.** The balances cannot settle it: from "
        "September to December the cash resources {went}, where the article's expected burn (a 2025 projection) "
        "would have taken about {q} out, but rounding, the credit line and possible financing leave that "
        "comparison inconclusive.\n"
        "- **With the IPO cash**, most of which came on the listing day {d} days after the year end (any "
        "over-allotment part within weeks), the runway from the end of 2025 is {lo} to "
        "{hi} on the burns in this notebook, the year-end cash taken with and without the credit line.\n"
        "- **Multiples of several hundred times revenue** rest on a small revenue base and a thin float; they are "
        "taken in HKD and do not change with the display currency.",
        b=str(count[BORNE_OUT]),
        n=str(count[NOT_BORNE_OUT]),
        t=str(count[NOT_TESTABLE]),
        waiting=words.listing(waiting) if waiting else "none",
        cons=f"{cash.consumption.qualifier} {money(cash.consumption.value, 'USD', 0)}".strip(),
        is_loss=words.choose(
            inside,
            "is most likely the adjusted loss under another name, not a measured cash flow",
            "is not the adjusted loss, but it is still no measured cash flow",
        ),
        went=cash.cash_moved(),
        q=money(3 * cash.burn_article.value, "USD", 0),
        d=str(cash.days_to_proceeds),
        lo=months(runways["low"].min()),
        hi=months(runways["high"].max()),
    )


# --- charts (drawn on an Axes the notebook makes with helpers.new_figure) -----------------------------------------

#: A short label for each kind of event in data/events.csv (the second part of its event_id); a test checks that
#: every kind in the file has one, so events added for notebook 06 cannot break this timeline.
KIND_LABELS = {
    "round": "Last private round",
    "phip": "Hearing passed (pack out)",
    "listing": "First trading day",
    "results": "First annual results",
    "over": "Over-allotment exercised",
    "annual": "Annual report",
    "star": "STAR Market plan",
    "hstech": "Joins Hang Seng TECH",
    "cornerstone": "Cornerstone lock-up ends",
    "placing": "Placing of new shares",
    "cb": "Convertible bond",
    "southbound": "Southbound Stock Connect",
    "msci": "MSCI China index",
}


def draw_timeline(ax: Axes, events: pd.DataFrame) -> None:
    """Both companies' events on one time axis, the article's possible dates and the notebook's cut-off shaded.

    Example: ``draw_timeline(ax, timeline())``
    """
    start, end = article_window(events)
    # matplotlib converts the Timestamps through its date units; its stubs want float, hence the ignores
    ax.axvspan(start, end, color=COLORS["neutral"], alpha=0.18, lw=0)  # type: ignore[arg-type]
    ax.text(
        start + (end - start) / 2,  # type: ignore[arg-type]
        1.7,
        "article (S0)",
        ha="center",
        va="top",
        fontsize=8,
        color="#555555",
    )
    ax.axvline(pd.Timestamp(CUTOFF), color=COLORS["neutral"], ls="--", lw=1)  # type: ignore[arg-type]
    ax.text(
        pd.Timestamp(CUTOFF),  # type: ignore[arg-type]
        1.7,
        "cut-off ",
        ha="right",
        va="top",
        fontsize=8,
        color="#555555",
    )
    rows_y = {"zhipu": 1.0, "minimax": 0.0}
    for company, y in rows_y.items():
        mine = events[events["company"] == NAMES[company]].reset_index(drop=True)
        ax.plot(mine["date"], [y] * len(mine), color=COLORS[company], lw=1.2, zorder=1)
        ax.scatter(mine["date"], [y] * len(mine), s=60, color=COLORS[company], zorder=2)
        for i, row in mine.iterrows():
            up = int(str(i)) % 2 == 0
            ax.annotate(
                f"{KIND_LABELS[row['kind']]}\n{row['date']:%d %b %Y} ({row['source_id']})",
                (row["date"], y),
                xytext=(0, 12 if up else -12 - 24 * (int(str(i)) % 4 == 3)),
                textcoords="offset points",
                ha="center",
                va="bottom" if up else "top",
                fontsize=8,
                color=COLORS[company],
            )
    ax.set_yticks(list(rows_y.values()), [NAMES[c] for c in rows_y])
    ax.set_ylim(-0.75, 1.75)
    ax.margins(x=0.08)
    ax.grid(axis="y", visible=False)
    ax.set_xlabel("Date")


def timeline_title(events: pd.DataFrame) -> str:
    """Chart title: how soon after the article both listed, and who reported a full year by the cut-off.

    >>> timeline_title(timeline()).endswith("by the cut-off both had reported a full year in our sources")
    True
    """
    start, _ = article_window(events)
    days = (events.loc[events["kind"] == "listing", "date"].max() - start).days
    reported = [
        NAMES[c] for c in ("zhipu", "minimax") if find_known(c, "revenue", YEAR) is not None
    ]
    return words.sentence(
        "Both companies listed at most {d} days after the article; by the cut-off {who} "
        "reported a full year in our sources",
        d=str(days),
        who=words.choose(
            len(reported) == 1,
            f"only {reported[0] if reported else ''} had",
            words.choose(not reported, "neither had", "both had"),
        ),
    )


def draw_ladder(ax: Axes, ladder: pd.DataFrame, factor: float) -> None:
    """Market values on a time axis, unjoined (no path between prices is known): a dot for a dated step, a bar
    across the month for a month-dated price, a vertical line for a low-high range; labels give the multiple of the
    last round (not at the offer, which is notebook 04's).

    Example: ``draw_ladder(ax, valuation_ladder(), 1.0)``
    """
    for company, side in (("zhipu", 1), ("minimax", -1)):
        mine = ladder[ladder["company"] == company]
        mid = (mine["low"] + mine["high"]) / 2 * factor / 1000
        when = mine["start"] + (mine["end"] - mine["start"]) / 2
        ax.scatter(when, mid, color=COLORS[company], s=22, zorder=3, label=NAMES[company])
        for r, x, y in zip(mine.itertuples(), when, mid):
            start, end = cast(pd.Timestamp, r.start), cast(pd.Timestamp, r.end)
            low, high = cast(float, r.low), cast(float, r.high)
            x_low, x_high = cast(float, r.x_low), cast(float, r.x_high)
            if start != end:
                # dates, as in draw_timeline: matplotlib converts them; its stubs want float
                ax.hlines(y, start, end, color=COLORS[company], lw=3, alpha=0.5)  # type: ignore[arg-type]
            ax.vlines(x, low * factor / 1000, high * factor / 1000, color=COLORS[company], lw=2)
            if r.step not in ("last private round", "offer price"):
                ax.annotate(
                    span_text(x_low, x_high, lambda v: times(v, 1)),
                    (x, y),
                    xytext=(6, 6 * side),
                    textcoords="offset points",
                    fontsize=8,
                    color=COLORS[company],
                    va="bottom" if side > 0 else "top",
                )
    ax.set_ylim(bottom=0)
    ax.legend(loc="upper left")


def draw_mix(ax: Axes, mix: pd.DataFrame) -> None:
    """The AI-native share on a time axis: bars for periods that do not overlap (FY2024, 9M2025, Q4 2025), each as
    wide as its months, and FY2025, which holds the last two, as a dashed line across its year.

    Example: ``draw_mix(ax, mix_table(quarter_lines()))``
    """
    for _, r in mix.iterrows():
        share, days = float(r["AI-native share"]), (r["end"] - r["start"]).days + 1
        middle = r["start"] + pd.Timedelta(days=days / 2)
        if r["period"] == YEAR:
            ax.hlines(
                share,
                r["start"],
                r["end"],
                color="black",
                ls="--",
                lw=1.2,
                label="FY2025, the whole year",
            )
            ax.text(
                r["end"], share + 1.5, f"FY2025 {pct(share)}", ha="right", va="bottom", fontsize=8
            )
            continue
        derived = r["basis"].startswith("derived")
        ax.bar(
            r["start"],
            share,
            width=days,
            align="edge",
            color=COLORS["minimax"],
            edgecolor="white",
            alpha=0.5 if derived else 0.85,
            hatch="//" if derived else "",
            label=words.choose(bool(derived), "derived: FY - 9M", "reported"),
        )
        ax.text(
            middle,
            share / 2,
            f"{r['period']}\n{pct(share)}",
            ha="center",
            va="center",
            fontsize=8,
            color="white",
        )
    handles, labels = ax.get_legend_handles_labels()
    unique = dict(zip(labels, handles))
    ax.legend(unique.values(), unique.keys(), loc="lower left", fontsize=8)
    ax.set_ylim(0, 100)
    ax.set_ylabel("AI-native share of revenue, percent")


def draw_runway(ax: Axes, runways: pd.DataFrame) -> None:
    """Runway ranges from 2025-12-31 for each burn: with the IPO cash (solid) and on the cash alone (light).

    Example: ``draw_runway(ax, runway_scenarios(cash_figures(), 0.0))``
    """
    y = list(range(len(runways)))
    ax.barh(
        y,
        runways["high"],
        color=COLORS["minimax"],
        alpha=0.85,
        height=0.35,
        label="with the IPO cash",
    )
    ax.barh(
        [i + 0.38 for i in y],
        runways["high_alone"],
        color=COLORS["minimax"],
        alpha=0.35,
        height=0.35,
        label="cash alone",
    )
    for i, r in runways.iterrows():
        k = int(str(i))
        ax.text(r["high"] + 1, k, span_text(r["low"], r["high"], months), va="center", fontsize=8)
        ax.text(
            r["high_alone"] + 1,
            k + 0.38,
            span_text(r["low_alone"], r["high_alone"], months),
            va="center",
            fontsize=8,
            color="#555555",
        )
    ax.set_yticks(y, runways["burn"])
    ax.invert_yaxis()
    ax.set_xlim(0, 1.6 * float(runways["high"].max()))
    ax.set_xlabel("Runway, months from 2025-12-31")
    ax.legend(loc="upper right", fontsize=8)


def rates_used(currency: str, on: str = RATES_ON) -> pd.DataFrame:
    """The dated rates notebook 05 uses: the two that enter the multiples, and those that convert for display.

    Example: ``rates_used("USD")["use"].tolist()``
    """
    from helpers.periods import rate

    pairs = [
        ("RMB", LISTING_CURRENCY, "Zhipu's round and revenue into HKD (multiples, P/S)"),
        ("USD", LISTING_CURRENCY, "MiniMax's round and revenue into HKD (multiples, P/S)"),
    ]
    if currency != LISTING_CURRENCY:
        pairs.append((LISTING_CURRENCY, currency, "display only"))
    rows = []
    for frm, to, use in pairs:
        r = rate(frm, to, on)
        rows.append(
            {
                "convert": f"{frm} to {to}",
                "multiply by": f"{float(r['factor']):.4f}",
                "rate in data": f"1 {r['base']} = {float(r['rate']):g} {r['quote']}",
                "dated": f"{pd.Timestamp(r['date']):%Y-%m-%d}",
                "source": str(r["source_id"]),
                "use": use,
            }
        )
    return pd.DataFrame(rows)


def rates_note(currency: str, on: str = RATES_ON) -> str:
    """A chart footer's rates, as numbers. Example: ``rates_note("HKD")`` names the two rates in the multiples."""
    table = rates_used(currency, on)
    parts = dict.fromkeys(
        f"{r['rate in data']} ({r['dated']}, {r['source']})" for _, r in table.iterrows()
    )
    return "Rates: " + "; ".join(parts) + "."
