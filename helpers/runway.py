"""Cash-runway arithmetic, in months, for money in any one currency.

Convention (continuous time)
----------------------------
The net burn rate at month 0 is ``b = burn_per_month - revenue_offset_per_month``
and it grows (or shrinks) at ``g`` per month, so the burn rate at time ``t``
months is ``b * (1 + g) ** t``. The cumulative net burn over ``T`` months is

    S(T) = b * ((1 + g) ** T - 1) / ln(1 + g)      for g != 0
    S(T) = b * T                                    for g == 0

and the runway is the ``T`` with ``S(T) = C``, where ``C = cash + proceeds``:

    T = ln(1 + C * ln(1 + g) / b) / ln(1 + g)       for g != 0
    T = C / b                                       for g == 0

It is evaluated as ``T = (C / b) * log1p(r) / r`` with ``r = C * ln(1 + g) / b``
(the same expression, ``= C / b`` when ``r == 0``), which stays accurate for tiny
``g``; so a constant burn gives exactly ``cash / burn`` (1046.2 / 27.9 = 37.498...).
When ``g < 0`` the total that can ever be burned is ``b / -ln(1 + g)``; if
``C`` is at least that (``1 + C * ln(1 + g) / b <= 0``) the cash never runs out
and the runway is ``math.inf``. Likewise ``b <= 0`` (revenue covers the burn)
gives ``math.inf``, and ``C == 0`` gives ``0.0`` whatever the burn.

A student's spreadsheet (:func:`runway_by_month`, :func:`month_by_month`)
charges month ``k`` (``k = 1, 2, ...``) the burn of its first day,
``b * (1 + g) ** (k - 1)``, all at once, and reads the last month pro rata. With
``g = 0`` it agrees exactly; with ``g > 0`` it charges each month a little less
than the continuous burn over that month (by the factor ``ln(1 + g) / g``), so
its runway is a little longer; with ``g < 0``, a little shorter.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
from numpy.typing import ArrayLike, NDArray

from helpers.checks import real

__all__ = [
    "burn_growth_for_runway",
    "compute_price_adjusted_burn",
    "month_by_month",
    "runway_by_month",
    "runway_grid",
    "runway_months",
]


def runway_months(
    cash: float,
    burn_per_month: float,
    *,
    burn_growth_per_month: float = 0.0,
    revenue_offset_per_month: float = 0.0,
    proceeds: float = 0.0,
) -> float:
    """Months until the net burn exhausts ``cash + proceeds`` (see the module docstring).

    Example: ``runway_months(1046.2, 27.9)`` -> 37.4982... (= 1046.2 / 27.9).

    >>> round(runway_months(1046.2, 27.9), 4)
    37.4982
    """
    c = real("cash", cash, minimum=0) + real("proceeds", proceeds, minimum=0)
    burn = real("burn_per_month", burn_per_month, minimum=0)
    offset = real("revenue_offset_per_month", revenue_offset_per_month, minimum=0)
    g = real("burn_growth_per_month", burn_growth_per_month)
    if g <= -1:
        raise ValueError(f"burn_growth_per_month must be > -1, got {burn_growth_per_month!r}")
    if c == 0:
        return 0.0
    b = burn - offset
    if b <= 0:
        return math.inf
    # T = (C / b) * log1p(r) / r with r = C * ln(1 + g) / b: exact C / b at g = 0
    # and accurate for tiny (even subnormal) g, where log1p(r) / ln(1 + g) is not.
    ratio = c * math.log1p(g) / b
    if ratio <= -1:
        return math.inf
    if ratio == 0:
        return c / b
    return c / b * (math.log1p(ratio) / ratio)


def runway_grid(
    cash: ArrayLike,
    burn_per_month: ArrayLike,
    burn_growth_per_month: ArrayLike = 0.0,
    revenue_offset_per_month: ArrayLike = 0.0,
    proceeds: ArrayLike = 0.0,
) -> NDArray[np.float64]:
    """Vectorised ``runway_months`` over broadcastable arrays (inf where cash never runs out).

    Example: ``runway_grid(1046.2, 27.9, [0.0, 0.03])`` -> ``array([37.498..., 25.235...])``.

    >>> runway_grid(1046.2, 27.9, [0.0, -0.5]).round(4).tolist()
    [37.4982, inf]
    """
    arrays = {
        "cash": cash,
        "burn_per_month": burn_per_month,
        "burn_growth_per_month": burn_growth_per_month,
        "revenue_offset_per_month": revenue_offset_per_month,
        "proceeds": proceeds,
    }
    checked: dict[str, NDArray[np.float64]] = {}
    for name, value in arrays.items():
        try:
            arr = np.asarray(value, dtype=np.float64)
        except (TypeError, ValueError):
            raise ValueError(f"{name} must be array-like of real numbers, got {value!r}") from None
        if not np.all(np.isfinite(arr)):
            raise ValueError(f"{name} must be finite everywhere, got {value!r}")
        if name != "burn_growth_per_month" and np.any(arr < 0):
            raise ValueError(f"{name} must be >= 0 everywhere, got {value!r}")
        checked[name] = arr
    g = checked["burn_growth_per_month"]
    if np.any(g <= -1):
        raise ValueError(
            f"burn_growth_per_month must be > -1 everywhere, got {burn_growth_per_month!r}"
        )
    try:
        c, b, g = np.broadcast_arrays(
            checked["cash"] + checked["proceeds"],
            checked["burn_per_month"] - checked["revenue_offset_per_month"],
            g,
        )
    except ValueError as exc:
        raise ValueError(f"arguments do not broadcast together: {exc}") from None
    with np.errstate(all="ignore"):
        ratio = c * np.log1p(g) / b
        result = np.where(ratio == 0, c / b, c / b * (np.log1p(ratio) / ratio))
        result = np.where(ratio <= -1, np.inf, result)
        result = np.where(b <= 0, np.inf, result)
        result = np.where(c == 0, 0.0, result)
    return np.asarray(result, dtype=np.float64)


def compute_price_adjusted_burn(
    burn_per_month: float, compute_share: float, compute_price_change: float
) -> float:
    """Burn with its compute share rescaled by a price change: ``burn * (1 - s + s * (1 + p))``.

    Example: ``compute_price_adjusted_burn(27.9, 0.5, -0.2)`` -> 25.11.

    >>> round(compute_price_adjusted_burn(27.9, 0.5, -0.2), 6)
    25.11
    """
    burn = real("burn_per_month", burn_per_month, minimum=0)
    s = real("compute_share", compute_share)
    if not 0 <= s <= 1:
        raise ValueError(f"compute_share must be a fraction in [0, 1], got {compute_share!r}")
    p = real("compute_price_change", compute_price_change)
    if p <= -1:
        raise ValueError(f"compute_price_change must be > -1, got {compute_price_change!r}")
    return burn * (1 - s + s * (1 + p))


def burn_growth_for_runway(
    cash: float,
    burn_per_month: float,
    target_months: float,
    *,
    revenue_offset_per_month: float = 0.0,
    proceeds: float = 0.0,
) -> float:
    """Monthly burn growth ``g`` at which ``runway_months`` equals ``target_months`` (bisection).

    Example: ``burn_growth_for_runway(1046.2, 27.9, 24)`` -> about 0.0354 (3.5% a month).

    Runway falls strictly as ``g`` rises, from ``inf`` at ``g = exp(-b / C) - 1``
    (cumulative burn can never reach ``C``) down towards 0 as ``g`` grows, so
    every positive target is reachable when ``C > 0`` and the net burn ``b > 0``
    (in exact arithmetic; in floats, if ``b / C`` > 36.7 the growth bound rounds
    to -1 and targets beyond the runway at ``g = -1 + 2**-53`` raise ValueError);
    otherwise (runway fixed at 0 or inf) a ValueError is raised. Very long
    targets (near that asymptote, e.g. 1000 months for 1046.2 / 27.9) and very
    short ones (growth beyond float range) cannot be resolved in floating point
    and also raise ValueError. The result is within 1e-9 * target months.

    >>> round(burn_growth_for_runway(1046.2, 27.9, 24), 4)
    0.0354
    """
    target = real("target_months", target_months)
    if target <= 0:
        raise ValueError(f"target_months must be > 0, got {target_months!r}")
    c = real("cash", cash, minimum=0) + real("proceeds", proceeds, minimum=0)
    burn = real("burn_per_month", burn_per_month, minimum=0)
    offset = real("revenue_offset_per_month", revenue_offset_per_month, minimum=0)
    b = burn - offset
    if c == 0:
        raise ValueError(
            f"target_months={target_months!r} is unreachable: cash + proceeds = 0 gives a runway of 0"
        )
    if b <= 0:
        raise ValueError(
            f"target_months={target_months!r} is unreachable: net burn "
            f"burn_per_month - revenue_offset_per_month = {b!r} <= 0 gives an infinite runway"
        )

    def runway(g: float) -> float:
        return runway_months(
            cash,
            burn_per_month,
            burn_growth_per_month=g,
            revenue_offset_per_month=revenue_offset_per_month,
            proceeds=proceeds,
        )

    constant = runway(0.0)
    if constant == target:
        return 0.0
    if target > constant:
        # Below lo = exp(-b/C) - 1 the runway is infinite; between lo and 0 it is finite.
        lo, hi = max(math.expm1(-b / c), math.nextafter(-1.0, 0.0)), 0.0
        if runway(lo) <= target:
            raise ValueError(
                f"target_months={target_months!r} exceeds the longest runway any burn "
                f"growth > -1 can give ({runway(lo)!r} months as the growth tends to -1)"
            )
    else:
        lo, hi = 0.0, 1.0
        while runway(hi) > target:
            lo, hi = hi, hi * 2
            if not math.isfinite(hi) or hi > 1e300:
                raise ValueError(
                    f"target_months={target_months!r} is too small: it needs a burn growth beyond the range of floats"
                )
    # Invariant: runway(lo) > target >= runway(hi). Bisect until the bracket is one float wide.
    for _ in range(2000):
        mid = lo + (hi - lo) / 2
        if mid in (lo, hi) or hi - lo <= 1e-15:
            break
        if runway(mid) > target:
            lo = mid
        else:
            hi = mid
    best = min((lo, hi), key=lambda g: abs(runway(g) - target))
    if not abs(runway(best) - target) <= 1e-9 * target:
        raise ValueError(
            f"target_months={target_months!r} is too long to resolve in floating point: "
            f"the runway jumps to infinity as the burn growth falls towards {lo!r}"
        )
    return best


def _spreadsheet_total(b: float, q: float, n: int) -> float:
    """Burn charged over the first ``n`` spreadsheet months: ``b * (q**n - 1) / (q - 1)`` (``b * n`` at ``q == 1``)."""
    return b * n if q == 1 else b * math.expm1(n * math.log(q)) / (q - 1)


def runway_by_month(
    cash: float,
    burn_per_month: float,
    *,
    burn_growth_per_month: float = 0.0,
    proceeds: float = 0.0,
) -> float:
    """Runway as a month-by-month table gives it: whole months paid in full, then the last month pro rata.

    Month ``k`` is charged ``b * (1 + g) ** (k - 1)``; ``math.inf`` when the cash outlasts every month.
    Example: ``runway_by_month(100.0, 10.0, burn_growth_per_month=0.1)`` -> 7.2632...
    (months 1 to 7 use 94.87, month 8 costs 19.49 and gets 5.13 of it).

    >>> round(runway_by_month(100.0, 10.0, burn_growth_per_month=0.1), 4)
    7.2632
    >>> runway_by_month(1046.2, 27.9) == runway_months(1046.2, 27.9)
    True
    """
    c = real("cash", cash, minimum=0) + real("proceeds", proceeds, minimum=0)
    b = real("burn_per_month", burn_per_month, minimum=0)
    g = real("burn_growth_per_month", burn_growth_per_month, above=-1.0)
    if c == 0:
        return 0.0
    if b == 0:
        return math.inf
    if g == 0:
        return c / b
    q = 1 + g
    if g < 0 and c >= b / -g:
        return math.inf  # the whole geometric series b / (1 - q) never reaches the cash
    # Whole months n with S(n) <= c < S(n + 1), from the closed form, then nudged for rounding.
    n = max(0, math.floor(math.log1p(c * g / b) / math.log1p(g)))
    while _spreadsheet_total(b, q, n + 1) <= c:
        n += 1
    while n > 0 and _spreadsheet_total(b, q, n) > c:
        n -= 1
    return n + (c - _spreadsheet_total(b, q, n)) / (b * q**n)


def month_by_month(
    cash: float, burn_per_month: float, *, burn_growth_per_month: float = 0.0, months: int = 12
) -> pd.DataFrame:
    """The spreadsheet beside the closed form: each month's burn and the cash left, both ways.

    Columns: ``month``, ``burn`` (charged at the month's opening rate), ``cash left, by month`` and
    ``cash left, continuous`` (cash less :func:`cumulative burn <runway_months>` in continuous time).

    >>> month_by_month(100.0, 10.0, months=2)["cash left, by month"].tolist()
    [90.0, 80.0]
    """
    c = real("cash", cash, minimum=0)
    b = real("burn_per_month", burn_per_month, minimum=0)
    g = real("burn_growth_per_month", burn_growth_per_month, above=-1.0)
    if isinstance(months, bool) or not isinstance(months, int) or months < 1:
        raise ValueError(f"months must be a whole number >= 1, got {months!r}")
    a = math.log1p(g)
    rows = []
    for k in range(1, months + 1):
        continuous = b * k if a == 0 else b * math.expm1(a * k) / a
        rows.append(
            {
                "month": k,
                "burn": b * (1 + g) ** (k - 1),
                "cash left, by month": c - _spreadsheet_total(b, 1 + g, k),
                "cash left, continuous": c - continuous,
            }
        )
    return pd.DataFrame(rows)
