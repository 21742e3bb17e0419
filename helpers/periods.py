"""Units and periods: currency conversion through dated rates, monthly run-rates,
annualised and last-twelve-months (LTM) figures.

Example:
    >>> round(convert(53.437, "USD", "RMB"), 1)
    376.2
"""

from __future__ import annotations

import re
from datetime import date

import pandas as pd

from helpers.data import shared_table
from helpers.facts import Fact, FactLookupError

_MONTHS = {"FY": 12, "9M": 9, "H1": 6, "H2": 6, "Q1": 3, "Q2": 3, "Q3": 3, "Q4": 3}


def months_in(period_label: str) -> int:
    """Number of months a flow-period label covers. Example: ``months_in("9M2025")`` gives 9."""
    m = re.fullmatch(r"(FY|9M|H[12]|Q[1-4]) ?(\d{4})", period_label)
    if not m:
        raise ValueError(
            f"period {period_label!r} is not a flow period (FY, 9M, H1/H2, Q1-Q4 and a year)"
        )
    return _MONTHS[m[1]]


def _flow(item: Fact) -> Fact:
    if item.unit not in ("million", "amount", "count"):
        raise ValueError(
            f"{item.fact_id}: unit {item.unit!r} is not a flow that can be scaled by time"
        )
    return item


def monthly_run_rate(item: Fact) -> float:
    """The figure per month of its period. Example: ``monthly_run_rate(fact("zhipu", "revenue", "H1 2025"))``"""
    return _flow(item).value / months_in(item.period_label)


def annualised(item: Fact) -> float:
    """The figure scaled to twelve months (a run-rate, not a forecast)."""
    return monthly_run_rate(item) * 12


def ltm(full_year: Fact, prior_interim: Fact, current_interim: Fact) -> float:
    """Last twelve months = last full year - prior-year interim + current interim.

    The interims must cover the same months, the prior one in the full year, the
    current one a year later; all three in one unit and currency.
    Example: ``ltm(fy2024, h1_2024, h1_2025)``
    """
    for item in (full_year, prior_interim, current_interim):
        _flow(item)
    units = {(i.unit, i.currency) for i in (full_year, prior_interim, current_interim)}
    if len(units) != 1:
        raise ValueError(f"LTM needs one unit and currency, got {sorted(units)}")
    fy = re.fullmatch(r"FY(\d{4})", full_year.period_label)
    prior = re.fullmatch(r"(9M|H1|Q1) ?(\d{4})", prior_interim.period_label)
    current = re.fullmatch(r"(9M|H1|Q1) ?(\d{4})", current_interim.period_label)
    if not (fy and prior and current):
        raise ValueError(
            "LTM needs FYyyyy, then two interims from the start of a year: got "
            f"{full_year.period_label!r}, {prior_interim.period_label!r}, {current_interim.period_label!r}"
        )
    if prior[1] != current[1] or prior[2] != fy[1] or int(current[2]) != int(fy[1]) + 1:
        raise ValueError(
            f"LTM periods do not line up: {full_year.period_label}, {prior_interim.period_label}, "
            f"{current_interim.period_label}"
        )
    return full_year.value - prior_interim.value + current_interim.value


def growth(current: float, prior: float) -> float:
    """Growth as a fraction: current / prior - 1. Example: ``growth(53.437, 19.45)`` is about 1.747."""
    if prior <= 0:
        raise ValueError(f"growth needs a positive prior value, got {prior!r}")
    return current / prior - 1


def cagr(first: float, last: float, years: float) -> float:
    """Compound annual growth rate between two values ``years`` apart. Example: ``cagr(57.4, 312.4, 2)``"""
    if first <= 0 or last <= 0 or years <= 0:
        raise ValueError(
            f"cagr needs positive values and years, got first={first!r}, last={last!r}, years={years!r}"
        )
    return float((last / first) ** (1 / years) - 1)


def _rate_rows(frm: str, to: str, on: str | date | None) -> pd.DataFrame:
    rates = shared_table("rates")  # read, never modified: the filters below make new frames
    direct = rates[(rates["base"] == frm) & (rates["quote"] == to)].assign(
        factor=lambda r: r["rate"]
    )
    inverse = rates[(rates["base"] == to) & (rates["quote"] == frm)].assign(
        factor=lambda r: 1 / r["rate"]
    )
    rows = pd.concat([direct, inverse]).sort_values(["date", "rate_id"])
    if on is not None:
        rows = rows[rows["date"] <= pd.Timestamp(on)]
    return rows


def rate(frm: str, to: str, on: str | date | None = None) -> pd.Series:
    """The dated rate row used to turn ``frm`` into ``to`` (``factor`` multiplies an amount).

    With ``on``, the latest rate dated on or before it; without, the only rate for the
    pair (several is an error: pass ``on``). Example: ``rate("USD", "RMB").factor`` gives 7.04.
    """
    rows = _rate_rows(frm, to, on)
    pair = f"{frm}->{to}" + (f" on or before {on}" if on is not None else "")
    if rows.empty:
        raise FactLookupError(f"data/rates.csv has no rate for {pair}")
    if on is None and len(rows) > 1:
        raise FactLookupError(
            f"data/rates.csv has {len(rows)} rates for {pair}: {rows['rate_id'].tolist()}; pass on="
        )
    return rows.iloc[-1]


def convert(amount: float, frm: str, to: str, on: str | date | None = None) -> float:
    """Convert an amount between currencies with a dated rate from ``data/rates.csv``.

    Example: ``convert(4818, "HKD", "USD")`` gives about 617.7.
    """
    if frm == to:
        return amount
    return amount * float(rate(frm, to, on)["factor"])


def convert_fact(item: Fact, to: str, on: str | date | None = None) -> float:
    """A money figure's value in another currency.

    Example: ``convert_fact(fact("zhipu", "revenue", "H1 2025"), "USD")``
    """
    if item.unit not in ("million", "amount"):
        raise ValueError(f"{item.fact_id}: unit {item.unit!r} is not money")
    return convert(item.value, item.currency, to, on)
