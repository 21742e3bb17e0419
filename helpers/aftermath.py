"""What happened after the article: market values at later prices, full years
against interim run-rates, quarters derived by subtraction, and lookups that
return nothing (rather than fail) when a later figure is not in ``data/`` yet.

Shares, multiples and share counts come from :mod:`helpers.business`,
:mod:`helpers.revenue` and :mod:`helpers.control`. The pure functions here
take plain numbers; :func:`find`, :func:`period_rows`, :func:`latest_ltm` and
:func:`full_year_check_for` read ``data/`` through :mod:`helpers.facts`, so a
row added later is picked up without code changes.

Example:
    >>> round(market_cap_at(980, 105400, 345))
    299397
    >>> c = full_year_check(53.437, 9, 79.038)
    >>> round(c.run_rate, 3), round(c.remainder, 3)
    (71.249, 25.601)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from helpers.checks import real
from helpers.facts import Fact, fact, facts_table
from helpers.periods import ltm, months_in

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
        raise ValueError(f"interim_months must be a whole number from 1 to 11, got {interim_months!r}")
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
            return LtmBasis(ltm(full, prior, current), f"LTM to {current.period_label}", (full, prior, current))
    raise LookupError(f"no pair of interims for {company}/{metric} in {year - 1} and {year} ({prefixes})")


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


def only(company: str, metric: str, breakdown: str = "") -> Fact:
    """The one reported figure for a company and metric, whatever its period (several or none is an error).

    Example: ``only("minimax", "offer_price").value`` gives 165.0.
    """
    rows = facts_table(company=company, metric=metric, breakdown=breakdown)
    if len(rows) != 1:
        raise LookupError(
            f"expected one reported {company}/{metric}/{breakdown or '-'} figure, found {rows['fact_id'].tolist()}"
        )
    return _to_fact(rows.iloc[0])


def series(company: str, metric: str, currency: str | None = None) -> list[Fact]:
    """Every reported figure for a company and metric, oldest period end first (file order breaks ties).

    Example: ``[f.period_label for f in series("zhipu", "share_price")]`` gives
    ``['2026-02', '2026-02', '2026-03-27']``.
    """
    where = {"company": company, "metric": metric}
    if currency is not None:
        where["currency"] = currency
    return to_facts(facts_table(**where).sort_values("period_end", kind="mergesort"))
