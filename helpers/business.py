"""Business-model arithmetic: shares of a whole, revenue per customer, margins by
segment, scale in comparable terms and valuation multiples.

All functions are pure except :func:`scale_steps`, which reads the dated rates
through :func:`helpers.periods.convert`.

Example:
    >>> round(blended_margin([(84.8, 59.1), (15.2, -0.4)]), 2)
    50.05
    >>> round(implied_margin(56.3, 84.5, 66.0), 2)
    3.42
    >>> round(revenue_per_unit(190.9, 8000), 2)
    23862.5
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import pandas as pd

from helpers.facts import Fact
from helpers.periods import convert, monthly_run_rate, months_in

#: Percentage points in a whole.
WHOLE_PCT = 100.0
#: Units in a million (the data give money in millions).
PER_MILLION = 1_000_000


def _finite(name: str, value: float) -> float:
    if not isinstance(value, (int, float)) or not math.isfinite(value):
        raise ValueError(f"{name} must be a finite number, got {value!r}")
    return float(value)


def _share(name: str, value: float) -> float:
    value = _finite(name, value)
    if not 0 <= value <= WHOLE_PCT:
        raise ValueError(f"{name} must be a percentage between 0 and 100, got {value!r}")
    return value


def rest_of_whole(share_pct: float) -> float:
    """The rest of a two-part whole, in percent. Example: ``rest_of_whole(88.39)`` gives about 11.61."""
    return WHOLE_PCT - _share("share_pct", share_pct)


def segment_amount(total: float, share_pct: float) -> float:
    """A segment's amount from the total and its share in percent.

    Example: ``segment_amount(53.437, 28.9)`` gives about 15.44 (same unit as ``total``).
    """
    return _finite("total", total) * _share("share_pct", share_pct) / WHOLE_PCT


def share_of(part: float, total: float) -> float:
    """A part as a percentage of a positive total. Example: ``share_of(142, 312.4)`` gives about 45.45."""
    part, total = _finite("part", part), _finite("total", total)
    if total <= 0:
        raise ValueError(f"total must be positive, got {total!r}")
    return part / total * WHOLE_PCT


def revenue_per_unit(revenue_million: float, count: float) -> float:
    """Revenue in currency units (not millions) per customer or user over the same period.

    Example: ``revenue_per_unit(190.9, 8000)`` gives 23862.5 (RMB per institution in H1 2025).
    """
    revenue_million, count = _finite("revenue_million", revenue_million), _finite("count", count)
    if count <= 0:
        raise ValueError(f"count must be positive, got {count!r}")
    return revenue_million * PER_MILLION / count


def blended_margin(parts: Sequence[tuple[float, float]]) -> float:
    """Gross margin of a whole from ``(share_pct, margin_pct)`` of its segments.

    The shares must sum to 100 within 0.1 points (rounded figures).
    Example: ``blended_margin([(71.1, 4.7), (28.9, 69.4)])`` gives about 23.40.
    """
    if not parts:
        raise ValueError("blended_margin needs at least one (share_pct, margin_pct) pair, got none")
    shares = [_share("share_pct", s) for s, _ in parts]
    margins = [_finite("margin_pct", m) for _, m in parts]
    if abs(sum(shares) - WHOLE_PCT) > 0.1:
        raise ValueError(f"segment shares must sum to 100, got {sum(shares):g} from {shares}")
    return sum(s * m for s, m in zip(shares, margins)) / sum(shares)


def implied_margin(total_margin_pct: float, known_share_pct: float, known_margin_pct: float) -> float:
    """Margin of the other segment of a two-part whole, from the total and the known segment.

    Solves ``total = s * known + (100 - s) * other`` for ``other``.
    Example: ``implied_margin(50.0, 84.8, 59.1)`` gives about -0.77.
    """
    total = _finite("total_margin_pct", total_margin_pct)
    share = _share("known_share_pct", known_share_pct)
    known = _finite("known_margin_pct", known_margin_pct)
    rest = WHOLE_PCT - share
    if rest == 0:
        raise ValueError("known_share_pct is 100: there is no other segment to solve for")
    return (total * WHOLE_PCT - share * known) / rest


def multiple(numerator: float, denominator: float) -> float:
    """A ratio such as valuation over revenue (both in one unit). Example: ``multiple(4240.2, 71.25)``"""
    numerator, denominator = _finite("numerator", numerator), _finite("denominator", denominator)
    if denominator <= 0:
        raise ValueError(f"denominator must be positive, got {denominator!r}")
    return numerator / denominator


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
