"""Business-model comparisons: a part as a share of its whole, and two companies'
revenue put on one footing (currency, then period length).

The segment arithmetic (per-unit revenue, blended and implied margins, multiples)
lives in :mod:`helpers.revenue`; this module adds what the business-model
contrast needs on top. :func:`scale_steps` reads the dated rates through
:func:`helpers.periods.convert`; :func:`share_of` is pure.

Example:
    >>> round(share_of(142, 312.4), 2)
    45.45
"""

from __future__ import annotations

import math

import pandas as pd

from helpers.facts import Fact
from helpers.periods import convert, monthly_run_rate, months_in

#: Percentage points in a whole.
WHOLE_PCT = 100.0


def _finite(name: str, value: float) -> float:
    if not isinstance(value, (int, float)) or not math.isfinite(value):
        raise ValueError(f"{name} must be a finite number, got {value!r}")
    return float(value)


def share_of(part: float, total: float) -> float:
    """A part as a percentage of a positive total. Example: ``share_of(142, 312.4)`` gives about 45.45."""
    part, total = _finite("part", part), _finite("total", total)
    if total <= 0:
        raise ValueError(f"total must be positive, got {total!r}")
    return part / total * WHOLE_PCT


def scale_steps(first: Fact, second: Fact, currency: str) -> pd.DataFrame:
    """Two period figures compared three ways: as reported, in one currency, per month in one currency.

    Returns one row per step with columns ``step``, ``first``, ``first_unit``,
    ``second``, ``second_unit`` and ``ratio`` (second over first). Only the last
    step compares like with like.
    Example: ``scale_steps(fact("zhipu", "revenue", "H1 2025"), fact("minimax", "revenue", "9M2025"), "USD")``
    """
    for item in (first, second):
        if item.unit != "million":
            raise ValueError(f"{item.fact_id}: scale_steps needs money in millions, got unit {item.unit!r}")
    rows = []
    a, b = first.value, second.value
    rows.append(
        ("as_reported", a, f"{first.currency} million, {first.period_label}", b,
         f"{second.currency} million, {second.period_label}")
    )
    a, b = convert(first.value, first.currency, currency), convert(second.value, second.currency, currency)
    rows.append(
        ("one_currency", a, f"{currency} million, {first.period_label}", b,
         f"{currency} million, {second.period_label}")
    )
    a = convert(monthly_run_rate(first), first.currency, currency)
    b = convert(monthly_run_rate(second), second.currency, currency)
    rows.append(
        ("monthly_run_rate", a, f"{currency} million a month (over {months_in(first.period_label)} months)", b,
         f"{currency} million a month (over {months_in(second.period_label)} months)")
    )
    frame = pd.DataFrame(rows, columns=["step", "first", "first_unit", "second", "second_unit"])
    frame["ratio"] = frame["second"] / frame["first"]
    return frame
