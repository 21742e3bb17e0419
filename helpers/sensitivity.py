"""Runway sensitivities: revenue growth beside burn growth, scenarios, tornado tables.

Extends :mod:`helpers.runway` (same continuous-time convention) with revenue that
grows at its own rate. Today's net burn ``B`` already nets off today's revenue, so
only the *extra* revenue earned as revenue grows offsets burn, and only its
``revenue_margin`` (the part that reaches cash, e.g. a gross margin, >= 0) counts.
With ``a = ln(1 + burn growth)``, ``c = ln(1 + revenue growth)`` and
``K = revenue_margin * revenue_per_month`` the net burn at month ``t`` is

    b(t) = B * e**(a t) - K * (e**(c t) - 1)

and the cumulative net burn is ``S(T) = B * G(T, a) - K * (G(T, c) - T)`` with
``G(T, x) = (e**(x T) - 1) / x`` (``G(T, 0) = T``). The runway is the first ``T``
with ``S(T) = cash + proceeds``; ``math.inf`` if that never happens. Without
revenue growth (or with ``K = 0``) this is exactly :func:`helpers.runway.runway_months`,
which is then called.

Example:
    >>> round(scenario_runway(1046.2, 27.9), 4)
    37.4982
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from datetime import date

import pandas as pd

from helpers.checks import real
from helpers.runway import compute_price_adjusted_burn, runway_months

__all__ = [
    "cumulative_net_burn",
    "months_between",
    "runway_with_revenue_growth",
    "scenario_runway",
    "tornado_table",
]

_EXP_MAX = 709.0  # math.exp overflows just above this


def _exp(x: float) -> float:
    """``e**x`` that gives ``inf`` instead of raising OverflowError."""
    return math.exp(x) if x < _EXP_MAX else math.inf


def _times_exp(coef: float, x: float) -> float:
    """``coef * e**x`` without overflowing in ``e**x`` when ``coef`` is tiny (as ``e**(x + ln|coef|)``)."""
    if coef == 0:
        return 0.0
    if x < _EXP_MAX:
        return coef * math.exp(x)
    return math.copysign(_exp(x + math.log(abs(coef))), coef)


def _times_integral_exp(coef: float, t: float, x: float) -> float:
    """``coef * G(t, x)``, ``G(t, x)`` the integral of ``e**(x s)`` for ``s`` from 0 to ``t`` (``t`` when ``x == 0``)."""
    if coef == 0:
        return 0.0
    xt = x * t
    if xt == 0:
        return coef * t
    if xt < 1:
        # t * expm1(xt) / xt rather than expm1(xt) / x: exact for tiny (even subnormal) x.
        return coef * t * (math.expm1(xt) / xt)
    # Here x > 0 and there is no cancellation in e**(xt) - 1: coef * e**(xt) / x - coef / x, with the
    # first term through logarithms so that a tiny coef times a huge exponential does not overflow.
    return math.copysign(_exp(xt + math.log(abs(coef)) - math.log(x)), coef) - coef / x


def cumulative_net_burn(
    months: float,
    burn_per_month: float,
    *,
    burn_growth_per_month: float = 0.0,
    revenue_per_month: float = 0.0,
    revenue_growth_per_month: float = 0.0,
    revenue_margin: float = 1.0,
) -> float:
    """Net burn summed over the first ``months`` months, ``S(T)`` in the module docstring.

    Example: ``cumulative_net_burn(12, 10.0)`` -> 120.0.

    >>> cumulative_net_burn(12, 10.0)
    120.0
    """
    t = real("months", months, minimum=0.0)
    b = real("burn_per_month", burn_per_month, minimum=0.0)
    a = math.log1p(real("burn_growth_per_month", burn_growth_per_month, above=-1.0))
    c = math.log1p(real("revenue_growth_per_month", revenue_growth_per_month, above=-1.0))
    k = real("revenue_margin", revenue_margin, minimum=0.0) * real("revenue_per_month", revenue_per_month, minimum=0.0)
    return _cumulative(t, b, a, k, c)


def _cumulative(t: float, b: float, a: float, k: float, c: float) -> float:
    burn = _times_integral_exp(b, t, a)
    if k == 0 or c == 0:
        return burn
    extra = _times_integral_exp(k, t, c) - k * t
    if math.isfinite(burn) and math.isfinite(extra):
        return burn - extra
    # Beyond float range: only the sign is needed. Scale both terms by e^(-m t), m the larger exponent.
    m = max(a, c)

    def scaled(coef: float, x: float) -> float:
        return coef * t * _exp(-m * t) if x == 0 else coef * (_exp((x - m) * t) - _exp(-m * t)) / x

    return math.inf if scaled(b, a) - scaled(k, c) >= 0 else -math.inf


def _net_burn(t: float, b: float, a: float, k: float, c: float) -> float:
    """``b(t)``, written so that equal exponents cannot give ``inf - inf``."""
    if a == c:
        return _times_exp(b - k, a * t) + k
    return _times_exp(b, a * t) - _times_exp(k, c * t) + k


def _bisect(f: Callable[[float], float], lo: float, hi: float) -> float:
    """A root of ``f`` in ``[lo, hi]`` where ``f(lo) < 0 <= f(hi)``, to one float of width."""
    for _ in range(400):
        mid = lo + (hi - lo) / 2
        if mid in (lo, hi):
            break
        if f(mid) < 0:
            lo = mid
        else:
            hi = mid
    return hi


_HORIZON_MONTHS = 1e12  # beyond this no runway is resolved (and no sign change of the burn matters)


def _bracket_up(f: Callable[[float], float], start: float) -> float | None:
    """A ``t > start`` with ``f(t) >= 0`` by doubling, or None if none before the horizon."""
    step = max(start, 1.0)
    while start + step <= _HORIZON_MONTHS:
        t = start + step
        if f(t) >= 0:
            return t
        step *= 2
    return None


def _positive_at_end(b: float, a: float, k: float, c: float) -> bool:
    """Whether ``b(t) = B e^(at) - K e^(ct) + K`` is positive as ``t -> inf`` (the largest exponent wins)."""
    terms: dict[float, float] = {}
    for exponent, coefficient in ((a, b), (c, -k), (0.0, k)):
        terms[exponent] = terms.get(exponent, 0.0) + coefficient
    for exponent in sorted(terms, reverse=True):
        if terms[exponent] != 0:
            return terms[exponent] > 0
    return False


def _zeros_of_net_burn(b: float, a: float, k: float, c: float) -> list[float]:
    """The (at most two) ``t > 0`` where the net burn ``b(t)`` changes sign, sorted."""
    # b'(t) = a B e^(at) - c K e^(ct) has at most one zero, so b has at most one
    # turning point and at most two zeros: split [0, inf) there and look on each piece.
    pieces: list[float] = [0.0]
    if a != c and a * b != 0:
        ratio = c * k / (a * b)
        if ratio > 0:
            turn = math.log(ratio) / (a - c)
            if turn > 0:
                pieces.append(turn)

    def f(t: float) -> float:
        return _net_burn(t, b, a, k, c)

    zeros: list[float] = []
    for lo, hi in zip(pieces, pieces[1:], strict=False):
        if (f(lo) > 0) != (f(hi) > 0):
            zeros.append(_bisect(f if f(lo) <= 0 else (lambda t: -f(t)), lo, hi))
    last = pieces[-1]
    positive_at_last = f(last) > 0
    if positive_at_last != _positive_at_end(b, a, k, c):
        g = (lambda t: -f(t)) if positive_at_last else f
        hi = _bracket_up(g, last)
        if hi is not None:  # a sign change beyond the horizon cannot matter (see _solve)
            zeros.append(_bisect(g, last, hi))
    return sorted(zeros)


def runway_with_revenue_growth(
    cash: float,
    burn_per_month: float,
    *,
    burn_growth_per_month: float = 0.0,
    revenue_per_month: float = 0.0,
    revenue_growth_per_month: float = 0.0,
    revenue_margin: float = 1.0,
    proceeds: float = 0.0,
) -> float:
    """Months until the net burn, offset by growing revenue, exhausts ``cash + proceeds``.

    ``burn_per_month`` is today's net burn (today's revenue already counted);
    ``revenue_per_month`` is today's revenue, of which only the growth from here,
    times ``revenue_margin``, offsets burn. ``math.inf`` if the cash never runs out; a
    ValueError if it runs out only after more than 1e12 months (e.g. a vanishing burn
    whose lost revenue creeps up by a tiny amount), which floats cannot resolve.
    Example: ``runway_with_revenue_growth(100.0, 10.0, revenue_per_month=5.0,
    revenue_growth_per_month=0.05)`` -> about 12.26 (10.0 months without the growth;
    at 10% a month the extra revenue overtakes the burn early enough that the cash lasts).

    >>> round(runway_with_revenue_growth(100.0, 10.0, revenue_per_month=5.0, revenue_growth_per_month=0.05), 4)
    12.2615
    >>> runway_with_revenue_growth(100.0, 10.0, revenue_per_month=5.0, revenue_growth_per_month=0.1)
    inf
    """
    cash_total = real("cash", cash, minimum=0.0) + real("proceeds", proceeds, minimum=0.0)
    b = real("burn_per_month", burn_per_month, minimum=0.0)
    g = real("burn_growth_per_month", burn_growth_per_month, above=-1.0)
    r = real("revenue_growth_per_month", revenue_growth_per_month, above=-1.0)
    m = real("revenue_margin", revenue_margin, minimum=0.0)
    k = m * real("revenue_per_month", revenue_per_month, minimum=0.0)
    if k == 0 or r == 0:
        return runway_months(cash_total, b, burn_growth_per_month=g)
    if cash_total == 0:
        return 0.0
    a, c = math.log1p(g), math.log1p(r)
    if b == 0:
        # b(t) = -K (e^(ct) - 1) keeps one sign for t > 0: the cash lasts unless it is positive.
        return _solve(cash_total, b, a, k, c, []) if -k * c > 0 else math.inf
    return _solve(cash_total, b, a, k, c, _zeros_of_net_burn(b, a, k, c))


def _solve(cash_total: float, b: float, a: float, k: float, c: float, zeros: list[float]) -> float:
    """First ``T`` with ``S(T) = cash_total``, walking the pieces where ``S`` rises."""

    def gap(t: float) -> float:
        return _cumulative(t, b, a, k, c) - cash_total

    # b(0) = B > 0 (or, if B = 0, -K c > 0 makes b > 0 at once), so S rises first and the
    # pieces alternate: rising [0, z1], falling [z1, z2], rising [z2, inf).
    bounds = [0.0, *zeros, math.inf]
    for index in range(0, len(bounds) - 1, 2):
        lo, hi = bounds[index], bounds[index + 1]
        if math.isinf(hi):
            # The last rising piece: b(t) stays positive and, as K > 0 keeps a term of
            # exponent >= 0 in b, does not fade away, so S(t) -> inf.
            if gap(lo) >= 0:
                return lo
            top = _bracket_up(gap, lo)
            if top is None:
                raise ValueError(
                    f"cash {cash_total!r} is not used up within {_HORIZON_MONTHS:g} months: "
                    "the runway cannot be resolved in floating point"
                )
            return _bisect(gap, lo, top)
        if gap(hi) >= 0:
            return lo if gap(lo) >= 0 else _bisect(gap, lo, hi)
    return math.inf


def scenario_runway(
    cash: float,
    burn_per_month: float,
    *,
    burn_growth_per_month: float = 0.0,
    compute_share: float = 0.0,
    compute_price_change: float = 0.0,
    revenue_per_month: float = 0.0,
    revenue_growth_per_month: float = 0.0,
    revenue_margin: float = 1.0,
    proceeds: float = 0.0,
) -> float:
    """Runway after a compute price change on the compute share of burn, burn growth and revenue growth.

    The burn is first rescaled by :func:`helpers.runway.compute_price_adjusted_burn`,
    then :func:`runway_with_revenue_growth` runs the clock.
    Example: ``scenario_runway(1046.2, 27.9, compute_share=0.5, compute_price_change=0.2)``
    -> 1046.2 / (27.9 * 1.1) = 34.09...

    >>> round(scenario_runway(1046.2, 27.9, compute_share=0.5, compute_price_change=0.2), 4)
    34.0893
    """
    burn = compute_price_adjusted_burn(burn_per_month, compute_share, compute_price_change)
    return runway_with_revenue_growth(
        cash,
        burn,
        burn_growth_per_month=burn_growth_per_month,
        revenue_per_month=revenue_per_month,
        revenue_growth_per_month=revenue_growth_per_month,
        revenue_margin=revenue_margin,
        proceeds=proceeds,
    )


def tornado_table(
    runway: Callable[..., float],
    base: Mapping[str, float],
    ranges: Mapping[str, tuple[float, float]],
) -> pd.DataFrame:
    """One-at-a-time sensitivities: ``runway(**base)`` with one input moved to each end of its range.

    Returns one row per input (``input``, ``low``, ``high``, ``runway_low``,
    ``runway_high``, ``base_runway``, ``swing`` = |runway_high - runway_low|),
    largest swing first (ties keep the order of ``ranges``).
    Example: ``tornado_table(scenario_runway, {"cash": 100.0, "burn_per_month": 10.0},
    {"burn_growth_per_month": (-0.01, 0.01)})``

    >>> t = tornado_table(lambda cash, burn: cash / burn, {"cash": 100.0, "burn": 10.0}, {"burn": (8.0, 12.5)})
    >>> t[["runway_low", "runway_high", "swing"]].values.tolist()
    [[12.5, 8.0, 4.5]]
    """
    missing = sorted(set(ranges) - set(base))
    if missing:
        raise ValueError(f"ranges name inputs that base does not have: {missing}")
    base_runway = runway(**base)
    rows = []
    for name, (low, high) in ranges.items():
        r_low = runway(**{**base, name: low})
        r_high = runway(**{**base, name: high})
        rows.append(
            {
                "input": name,
                "low": low,
                "high": high,
                "runway_low": r_low,
                "runway_high": r_high,
                "base_runway": base_runway,
                "swing": abs(r_high - r_low),
            }
        )
    table = pd.DataFrame(rows)
    return table.sort_values("swing", ascending=False, kind="stable").reset_index(drop=True)


def months_between(start: str | date, end: str | date) -> float:
    """Months from ``start`` to ``end`` (days * 12 / 365.25; negative if ``end`` is earlier).

    Example: ``months_between("2025-09-30", "2026-01-09")`` -> 3.318...

    >>> round(months_between("2025-09-30", "2026-01-09"), 3)
    3.318
    """
    days = (pd.Timestamp(end) - pd.Timestamp(start)).days
    return days * 12 / 365.25
