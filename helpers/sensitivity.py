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
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import cast

import numpy as np
import pandas as pd
from IPython.display import Markdown
from matplotlib.axes import Axes
from matplotlib.container import BarContainer
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle
from numpy.typing import NDArray

from helpers.checks import real
from helpers.data import load_events
from helpers.facts import Fact, FactLookupError, fact
from helpers.formatting import describe, money, months, pct
from helpers.params import Choice, Number
from helpers.periods import convert, months_in, rate
from helpers.plotting import COLORS, NAMES, finish, new_figure, shades
from helpers.runway import compute_price_adjusted_burn, month_by_month, runway_grid, runway_months
from helpers.words import (
    Markup,
    agreement,
    choose,
    closest,
    compare,
    match_or_closest,
    say,
    sentence,
    sign,
)

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
    """``coef * G(t, x)``, where ``G(t, x)`` is the integral of ``e**(x s)`` for ``s`` from 0 to ``t``.

    ``G(t, 0)`` is ``t``.
    """
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
    k = real("revenue_margin", revenue_margin, minimum=0.0) * real(
        "revenue_per_month", revenue_per_month, minimum=0.0
    )
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
        top = _bracket_up(g, last)
        if top is not None:  # a sign change beyond the horizon cannot matter (see _solve)
            zeros.append(_bisect(g, last, top))
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
    return float(days * 12 / 365.25)


# =========================================================================== notebook 03's layer
# Everything below serves notebooks/03_cash_runway_sensitivity.ipynb: its parameters, the scenario
# it stresses, its tables, its charts and its findings (every verdict word from helpers.words).

CASH_DEFINITIONS: dict[str, str] = {
    "cash": "Cash and cash equivalents",
    "cash_fvtpl": "+ current FVTPL financial assets",
    "cash_fvtpl_facilities": "+ unused bank facilities",
}
#: The same definitions in a sentence: what is counted, in full.
CASH_PHRASES: dict[str, str] = {
    "cash": "cash and cash equivalents",
    "cash_fvtpl": "cash and current FVTPL financial assets",
    "cash_fvtpl_facilities": "cash, current FVTPL financial assets and unused bank facilities",
}
#: Burn definitions, per company: what each one is in that company's data.
BURNS: dict[str, dict[str, str]] = {
    "minimax": {
        "cash_outflow": "cash burn expected for 2025",
        "adjusted_net_loss": "adjusted net loss",
        "net_loss": "net loss",
    },
    "zhipu": {
        "cash_outflow": "operating cash outflow",
        "adjusted_net_loss": "adjusted net loss",
        "net_loss": "net loss",
    },
}

PARAMETERS: dict[str, Choice | Number] = {
    "minimax_cash_definition": Choice(tuple(CASH_DEFINITIONS)),
    "burn_definition": Choice(("cash_outflow", "adjusted_net_loss", "net_loss")),
    "burn_growth_per_month": Number(low=-0.02, high=0.08, edges=(0.02,)),
    "compute_share_of_burn": Number(low=0.0, high=1.0, none_ok=True),
    "compute_price_change": Number(low=-0.5, high=1.0),
    "revenue_growth_per_month": Number(low=0.0, high=0.05),
    "revenue_margin_fraction": Number(low=0.0, high=1.0, none_ok=True),
    "proceeds_counted": Choice(("net", "gross", "none")),
    "hkd_per_usd": Number(low=7.75, high=7.85, none_ok=True),
    "rmb_per_hkd": Number(low=0.8, high=1.0, none_ok=True),
    "burn_level_change_low": Number(low=-0.5, high=0.0),
    "burn_level_change_high": Number(low=0.0, high=1.0),
    "burn_growth_low_per_month": Number(low=-0.05, high=0.0),
    "burn_growth_high_per_month": Number(low=0.0, high=0.1),
    "compute_price_change_low": Number(low=-0.9, high=0.0),
    "compute_price_change_high": Number(low=0.0, high=2.0),
    "revenue_growth_low_per_month": Number(low=-0.05, high=0.0),
    "revenue_growth_high_per_month": Number(low=0.0, high=0.2, none_ok=True),
    "runway_threshold_months": Number(low=12, high=60, integer=True),
}


def _m(value_million: float, currency: str, digits: int = 1) -> str:
    """An amount in millions, always written in millions so that parts and totals read alike."""
    return money(value_million, currency, digits, scale="million")


def _pct(fraction: float, digits: int = 1) -> str:
    """A fraction written as a percentage: ``_pct(0.035)`` gives ``'3.5%'``."""
    return pct(fraction * 100, digits)


def lasting(runway: float) -> str:
    """A runway in a sentence. Example: ``lasting(37.5)`` gives ``'a runway of 37.5 months'``."""
    return choose(math.isinf(runway), "cash that never runs out", "a runway of " + months(runway))


def runway_gap(runway: float, other: float) -> float:
    """``runway - other``, 0 when both are infinite (neither runs out). Example: ``runway_gap(40.0, 37.5)``"""
    if math.isinf(runway) and math.isinf(other) and (runway > 0) == (other > 0):
        return 0.0
    return runway - other


def longer(
    runway: float,
    other: float,
    *,
    rel_tol: float = 1e-9,
    more: str = "longer",
    less: str = "shorter",
    same: str = "the same",
) -> str:
    """``runway`` against ``other`` in words, infinite runways included. Example: ``longer(math.inf, 9.0)``"""
    gap = runway_gap(runway, other)
    if math.isinf(gap):
        return more if gap > 0 else less
    if math.isinf(runway):  # both infinite: neither runs out
        return same
    return compare(runway, other, rel_tol=rel_tol, more=more, less=less, same=same)


#: Two companies' runways within this fraction of each other read as about the same.
SAME_RUNWAY_TOL = 0.05


def roughly_longer(runway: float, other: float) -> str:
    """One company's runway against another's: "longer", "shorter", or "about the same" within 5%.

    >>> roughly_longer(20.0, 10.0), roughly_longer(10.0, 20.0), roughly_longer(10.0, 10.4)
    ('longer', 'shorter', 'about the same')
    """
    return longer(runway, other, rel_tol=SAME_RUNWAY_TOL, same="about the same")


def cash_ladder(cash: float, fvtpl: float, facilities: float) -> dict[str, float]:
    """Cash counted three ways, each adding one item. Example: ``cash_ladder(1.0, 2.0, 3.0)['cash_fvtpl']`` is 3.0."""
    return {
        "cash": cash,
        "cash_fvtpl": cash + fvtpl,
        "cash_fvtpl_facilities": cash + fvtpl + facilities,
    }


def observed_monthly_growth(yoy_percent: float) -> float:
    """A year-on-year growth in percent as a steady monthly pace: ``(1 + y) ** (1 / 12) - 1``.

    >>> round(observed_monthly_growth(175), 4)
    0.088
    """
    y = real("yoy_percent", yoy_percent, above=-100.0)
    return math.exp(math.log1p(y / 100) / 12) - 1


@dataclass(frozen=True)
class Scenario:
    """One company's runway inputs; :meth:`runway` changes any of them by keyword and runs the clock.

    Example: ``Scenario(cash=1046.2, burn=27.9).runway(burn_level_change=0.1)`` -> 1046.2 / 30.69.

    >>> round(Scenario(cash=1046.2, burn=27.9).runway(burn_level_change=0.1), 3)
    34.089
    """

    cash: float
    burn: float
    burn_growth_per_month: float = 0.0
    compute_share: float = 0.0
    compute_price_change: float = 0.0
    revenue_per_month: float = 0.0
    revenue_growth_per_month: float = 0.0
    revenue_margin: float = 1.0
    proceeds: float = 0.0
    burn_level_change: float = 0.0

    def runway(self, **changes: float) -> float:
        """Months until the cash runs out with ``changes`` applied (``math.inf`` if it never does)."""
        s = replace(self, **changes)
        return scenario_runway(
            s.cash,
            s.burn * (1 + real("burn_level_change", s.burn_level_change, above=-1.0)),
            burn_growth_per_month=s.burn_growth_per_month,
            compute_share=s.compute_share,
            compute_price_change=s.compute_price_change,
            revenue_per_month=s.revenue_per_month,
            revenue_growth_per_month=s.revenue_growth_per_month,
            revenue_margin=s.revenue_margin,
            proceeds=s.proceeds,
        )


def compute_shares(
    chosen: float | None, compute: float, zhipu_burns: Mapping[str, float]
) -> dict[str, float]:
    """Share of each company's burn spent on compute: the reader's, or what Zhipu's data support.

    ``compute`` and ``zhipu_burns`` cover the same period. Zhipu's share is its compute spending over
    its operating cash outflow (capped at 1); MiniMax reports no compute figure and borrows it.
    Example: ``compute_shares(None, 50.0, {"cash_outflow": 100.0})`` -> both 0.5.

    >>> compute_shares(0.3, 50.0, {"cash_outflow": 100.0})
    {'minimax': 0.3, 'zhipu': 0.3}
    """
    if chosen is not None:
        share = real("compute_share_of_burn", chosen, minimum=0.0)
        return {"minimax": share, "zhipu": share}
    outflow = real("operating cash outflow", zhipu_burns["cash_outflow"], above=0.0)
    share = min(1.0, real("compute", compute, minimum=0.0) / outflow)
    return {"minimax": share, "zhipu": share}


# --------------------------------------------------------------------------- tables


def ladder_table(items: Sequence[Fact], ladder: Mapping[str, float], burn: float) -> pd.DataFrame:
    """The cash ladder: each rung's cash, its runway at a flat ``burn`` and the source of the item added."""
    return pd.DataFrame(
        {
            "cash counted": [CASH_DEFINITIONS[k] for k in ladder],
            f"{items[0].currency} million": [f"{v:,.1f}" for v in ladder.values()],
            "runway at a flat burn": [months(runway_months(v, burn)) for v in ladder.values()],
            "item added, source": [f.citation for f in items],
        }
    )


def spreadsheet(cash: float, burn: float, growth: float, around: int = 24) -> pd.DataFrame:
    """Two discrete tables beside the closed form: months 1-3 and the months ``around - 2`` to ``around + 1``.

    One charges each month the burn of its first day, ``b (1+g)^(k-1)``; the other charges each month its exact
    integral, ``b (1+g)^(k-1) g / ln(1+g)``, and so meets the closed form at every month end.
    Example: ``spreadsheet(1046.2, 27.9, 0.0354).loc[24]`` shows the exact column at about zero.
    """
    last = max(int(around) + 1, 4)
    table = month_by_month(cash, burn, burn_growth_per_month=growth, months=last).set_index("month")
    a = math.log1p(growth)
    factor = 1.0 if a == 0 else growth / a
    exact = table["burn"] * factor
    out = pd.DataFrame(
        {
            "burn, first day": table["burn"],
            "burn over the month, exact": exact,
            "cash left, first-day charges": table["cash left, by month"],
            "cash left, exact monthly charges": cash - exact.cumsum(),
            "cash left, closed form": table["cash left, continuous"],
        }
    )
    rows = sorted({1, 2, 3, *range(max(int(around) - 2, 4), last + 1)})
    return out.loc[rows].round(2) + 0.0  # + 0.0 turns a rounded -0.00 into 0.00


def growth_table(ladder: Mapping[str, float], burn: float, points: Sequence[float]) -> pd.DataFrame:
    """Runway on each rung of the ladder at each burn growth in ``points``."""
    short = {
        "cash": "cash only",
        "cash_fvtpl": "+ FVTPL assets",
        "cash_fvtpl_facilities": "+ bank facilities",
    }
    columns = {
        k: [months(v) for v in runway_grid(c, burn, list(points))] for k, c in ladder.items()
    }
    return pd.DataFrame(
        {"burn growth a month": [_pct(g) for g in points]}
        | {short[k]: v for k, v in columns.items()}
    )


def compute_table(base: Scenario, points: Sequence[float], currency: str) -> pd.DataFrame:
    """Burn and runway at each compute price change in ``points``, the compute share fixed."""
    return pd.DataFrame(
        {
            "compute price change": [_pct(p, 0) for p in points],
            f"burn, {currency} million a month": [
                f"{compute_price_adjusted_burn(base.burn, base.compute_share, p):.2f}"
                for p in points
            ],
            "runway": [months(base.runway(compute_price_change=p)) for p in points],
        }
    )


def revenue_table(base: Scenario, points: Sequence[float], observed: float) -> pd.DataFrame:
    """Runway at each revenue growth in ``points``: at the scenario's margin and if all extra revenue were cash."""
    labels = [_pct(r) + choose(math.isclose(r, observed), " (observed pace)", "") for r in points]
    return pd.DataFrame(
        {
            "revenue growth a month": labels,
            f"at a {_pct(base.revenue_margin)} margin": [
                months(base.runway(revenue_growth_per_month=r)) for r in points
            ],
            "if all extra revenue were cash": [
                months(base.runway(revenue_growth_per_month=r, revenue_margin=1.0)) for r in points
            ],
        }
    )


TORNADO_NAMES: dict[str, str] = {
    "cash": "Cash counted",
    "burn_level_change": "Burn level",
    "burn_growth_per_month": "Burn growth",
    "compute_price_change": "Compute price (borrowed share)",
    "revenue_growth_per_month": "Revenue growth",
}


def tornado_label(name: str, value: float, ladder: Mapping[str, float]) -> str:
    """One end of a tornado range in words. Example: ``tornado_label("burn_level_change", 0.2, {})`` is '+20%'."""
    if name == "cash":
        short = {
            "cash": "cash only",
            "cash_fvtpl": "cash and FVTPL assets",
            "cash_fvtpl_facilities": "all three items",
        }
        names = {v: short[k] for k, v in ladder.items()}
        return names.get(value, _m(value, "USD"))
    if name in ("burn_growth_per_month", "revenue_growth_per_month"):
        return f"{value * 100:+.1f}% a month"
    return f"{value * 100:+.0f}%"


def tornado(base: Scenario, ranges: Mapping[str, tuple[float, float]]) -> pd.DataFrame:
    """:func:`tornado_table` on a :class:`Scenario`, with each end's change from the base runway.

    ``change_low`` and ``change_high`` are ``runway at that end - base runway`` (0 where both are infinite).
    """
    start = {name: float(getattr(base, name)) for name in ranges}
    table = tornado_table(lambda **kw: base.runway(**kw), start, ranges)
    table["change_low"] = [
        runway_gap(v, b) for v, b in zip(table["runway_low"], table["base_runway"], strict=True)
    ]
    table["change_high"] = [
        runway_gap(v, b) for v, b in zip(table["runway_high"], table["base_runway"], strict=True)
    ]
    table["swing"] = [
        abs(runway_gap(hi, lo))
        for lo, hi in zip(table["runway_low"], table["runway_high"], strict=True)
    ]
    return table.sort_values("swing", ascending=False, kind="stable").reset_index(drop=True)


def _signed_months(change: float) -> str:
    """A change in runway with its sign: '+12.5 months', '-3.0 months', 'never runs out'."""
    if math.isinf(change):
        return "never runs out"
    return f"{change:+.1f} months"


def tornado_display(table: pd.DataFrame, ladder: Mapping[str, float]) -> pd.DataFrame:
    """The tornado as a reader's table: each end, its runway and its change from the base case."""
    rows = []
    for row in table.itertuples():
        name = cast(str, row.input)
        low, high = cast(float, row.low), cast(float, row.high)
        runway_low, runway_high = cast(float, row.runway_low), cast(float, row.runway_high)
        change_low, change_high = cast(float, row.change_low), cast(float, row.change_high)
        rows.append(
            {
                "assumption": TORNADO_NAMES[name],
                "low end": tornado_label(name, low, ladder),
                "runway": months(runway_low),
                "change": _signed_months(change_low),
                "high end": tornado_label(name, high, ladder),
                "runway ": months(runway_high),
                "change ": _signed_months(change_high),
            }
        )
    return pd.DataFrame(rows).set_index("assumption")


def heat_points(
    low: float, high: float, base: float, extra: Sequence[float] = (), n: int = 6
) -> list[float]:
    """``n`` evenly spaced points from ``low`` to ``high``, plus ``base`` and ``extra``, rounded and sorted.

    >>> heat_points(0.0, 0.05, 0.0, n=3)
    [0.0, 0.025, 0.05]
    """
    points = {round(float(v), 6) for v in np.linspace(low, high, n)} | {round(base, 6)}
    return sorted(points | {round(v, 6) for v in extra})


def heat_grid(
    base: Scenario, burn_points: Sequence[float], revenue_points: Sequence[float]
) -> NDArray[np.float64]:
    """Runway for each (revenue growth, burn growth) pair: rows follow ``revenue_points``."""
    return np.array(
        [
            [base.runway(burn_growth_per_month=g, revenue_growth_per_month=r) for g in burn_points]
            for r in revenue_points
        ],
        dtype=np.float64,
    )


def heat_table(
    grid: NDArray[np.float64], burn_points: Sequence[float], revenue_points: Sequence[float]
) -> pd.DataFrame:
    """The heatmap's numbers as a table (months; 'never' where the cash does not run out)."""
    return pd.DataFrame(
        [["never" if math.isinf(v) else f"{v:.1f}" for v in row] for row in grid],
        index=pd.Index([_pct(r) for r in revenue_points], name="revenue growth a month"),
        columns=pd.Index([_pct(g) for g in burn_points], name="burn growth a month"),
    )


def burn_table(
    company: str, facts: Mapping[str, Fact], burns: Mapping[str, float], cash: Mapping[str, float]
) -> pd.DataFrame:
    """One company's burns (per month) and the runway each gives on each cash in ``cash`` (name -> amount)."""
    currency = next(iter(facts.values())).currency
    table = pd.DataFrame(
        {
            "burn definition": [BURNS[company][k] for k in burns],
            "period": [facts[k].period_label for k in burns],
            f"per month, {currency} million": [f"{b:,.1f}" for b in burns.values()],
        }
    )
    for label, amount in cash.items():
        table[f"runway on {label}"] = [months(runway_months(amount, b)) for b in burns.values()]
    table["source"] = [facts[k].citation for k in burns]
    return table


# --------------------------------------------------------------------------- the listings


@dataclass(frozen=True)
class Proceeds:
    """IPO proceeds counted for one company, in its reporting currency, and how they were reached."""

    amount: float
    basis: str
    rate_note: str
    facts: tuple[Fact, ...]
    warning: str


def hkd_factor(
    to: str, hkd_per_usd: float | None = None, rmb_per_hkd: float | None = None
) -> tuple[float, str]:
    """Factor turning HKD into ``to`` ("USD" or "RMB"), and a note naming the rate and its source.

    >>> hkd_factor("USD", hkd_per_usd=7.8)[0] == 1 / 7.8
    True
    """
    override = {"USD": None if hkd_per_usd is None else 1 / hkd_per_usd, "RMB": rmb_per_hkd}
    if to not in override:
        raise ValueError(f"no HKD rate to {to!r}: the data hold HKD against USD and RMB only")
    chosen = override[to]
    if chosen is not None:
        return float(chosen), "your rate (parameters cell)"
    row = rate("HKD", to)
    note = f"{row['rate']:g} {row['quote']} per {row['base']}, dated {row['date']:%Y-%m-%d}, {row['source_id']}"
    return convert(1.0, "HKD", to), note


def proceeds(
    company: str, counted: str, currency: str, listed: str, factor: float, rate_note: str
) -> Proceeds:
    """The proceeds ``counted`` ("net", "gross" or "none") in ``currency``, converted from HKD at ``factor``.

    "net" uses the reported net figure when it is at most the gross; a "net" figure above the gross of
    the shares issued on the listing day cannot be net of costs, so the gross stands in (an upper bound on the net) and
    ``warning`` says why.
    """
    if counted not in ("net", "gross", "none"):
        raise ValueError(f"proceeds_counted must be 'net', 'gross' or 'none', got {counted!r}")
    if counted == "none":
        return Proceeds(0.0, "none counted", "", (), "")
    gross = fact(company, "ipo_gross_proceeds", listed)

    def amount(item: Fact) -> float:
        return item.value if item.currency == currency else item.value * factor

    note = choose(gross.currency == currency, "", rate_note)
    if counted == "gross":
        return Proceeds(amount(gross), "gross", note, (gross,), "")
    net = fact(company, "ipo_net_proceeds", listed)
    if amount(net) <= amount(gross):
        return Proceeds(
            amount(net), "net", choose(net.currency == currency, "", rate_note), (net,), ""
        )
    full = _over_allotment(company, listed)
    warning = sentence(
        "{name}'s proceeds ({net}; the source does not say gross or net, and this project files them as net) "
        "exceed the gross of the shares issued on its listing day ({gross} = {converted}, {note}), so they cannot "
        "be that gross net of its costs. {fit} This notebook counts the gross of the shares issued on the listing "
        "day for {name}, the money raised that day, and the reported net for the other company.",
        name=NAMES[company],
        net=describe(net),
        gross=describe(gross),
        converted=_m(amount(gross), currency),
        note=rate_note,
        fit=choose(
            full is None,
            "The data hold no over-allotment figure to test another reading.",
            choose(
                amount(net) < amount(full or gross),
                "They fit the deal with the over-allotment option "
                "exercised in full, net of fees: that deal's gross was "
                + describe(full or gross)
                + " = "
                + _m(amount(full or gross), currency)
                + "; "
                + _m(amount(net), currency)
                + " is "
                + _pct(1 - amount(net) / amount(full or gross))
                + " below it: fees of "
                + _pct(1 - amount(net) / amount(full or gross))
                + " of that gross.",
                "They exceed even the "
                "gross with the over-allotment option exercised in full ("
                + describe(full or gross)
                + " = "
                + _m(amount(full or gross), currency)
                + "), so the data cannot say what they count.",
            ),
        ),
    )
    facts = (gross, net) if full is None else (gross, net, full)
    return Proceeds(
        amount(gross),
        "gross of the shares issued on the listing day (the source does not say gross or net)",
        note,
        facts,
        warning,
    )


def _over_allotment(company: str, listed: str) -> Fact | None:
    """The gross with the over-allotment exercised in full, or None when the data hold none."""
    try:
        return fact(company, "ipo_gross_proceeds", listed, "full_over_allotment")
    except FactLookupError:
        return None


def proceeds_phrase(counted: str, added: Mapping[str, Proceeds]) -> str:
    """How the proceeds are counted, per company where the bases differ.

    >>> proceeds_phrase("none", {})
    'no proceeds counted'
    """
    if counted == "none":
        return "no proceeds counted"
    bases = {c: a.basis.split(" (")[0] for c, a in added.items()}
    if len(set(bases.values())) <= 1:
        return counted + " proceeds"
    return "proceeds " + " and ".join(b + " for " + NAMES[c] for c, b in bases.items())


# --------------------------------------------------------------------------- findings


def finding_article(
    items: Sequence[Fact], total: Fact, burn: Fact, runway: float, stated: Fact, rounded_cash: Fact
) -> Markdown:
    """Whether the article's parts add up to its total and its division gives its runway."""
    parts = sum(f.value for f in items)
    rounded = parts - items[0].value + rounded_cash.value
    return say(
        "The three items add up to {parts}, which {agree} the total in the article, {total}. Divided by "
        "{burn} a month that is **{runway}**, and the article's {stated} {matches} it at the nearest whole "
        "month. With the article's own rounded cash ({rounded_cash}) the parts would add up to {rounded}, "
        "which {agree_rounded} its total: the later, unrounded figure ({cite}) {fits}.",
        parts=_m(parts, total.currency),
        agree=agreement(parts, total.value, abs_tol=0.05),
        total=describe(total),
        burn=describe(burn),
        runway=months(runway, 3),
        stated=describe(stated),
        matches=match_or_closest(runway, stated.value, match="matches", near="does not match"),
        rounded_cash=describe(rounded_cash),
        rounded=_m(rounded, total.currency),
        agree_rounded=agreement(rounded, total.value, abs_tol=0.05),
        cite=items[0].citation,
        fits=choose(
            math.isclose(parts, total.value, abs_tol=0.05),
            "is the one that fits",
            "does not fit either",
        ),
    )


def finding_growth(
    cash_phrase: str, threshold: float, growth: float, by_month: float, by_month_end: float
) -> Markdown:
    """Where the runway crosses ``threshold`` months as the burn growth rises, and two discrete tables' answers."""
    per_year = (1 + growth) ** 12 - 1
    return say(
        "With {cash} counted and no other change, the runway is {threshold} when the burn {moves} "
        "**{growth} a month** ({per_year} a year); {faster}. At that rate a table that charges each month the "
        "burn of its first day gives {by_month} ({diff} the closed form), one that charges the burn of its "
        "last day gives {by_month_end} ({diff_end}), and one that charges each month its exact share of the "
        "smoothly changing burn gives the closed form's {threshold} at every month end: the first two are "
        "discrete models beside the continuous one, not checks of it.",
        cash=cash_phrase,
        threshold=months(threshold, 0),
        by_month_end=months(by_month_end, 2),
        diff_end=longer(by_month_end, threshold, rel_tol=1e-6),
        moves=sign(growth, positive="grows by", negative="shrinks by", zero="stays flat, at"),
        growth=_pct(abs(growth), 2),
        per_year=_pct(abs(per_year), 0),
        faster=sign(
            growth,
            positive="any faster growth takes it below",
            negative="even a flat burn leaves it below",
            zero="any growth takes it below",
        ),
        by_month=months(by_month, 2),
        diff=longer(
            by_month,
            threshold,
            rel_tol=1e-6,
            more="longer than",
            less="shorter than",
            same="the same as",
        ),
    )


def finding_compute(
    compute: Fact, rd: Fact, outflow: Fact, shares: Mapping[str, float], chosen: float | None
) -> Markdown:
    """The compute yardstick from Zhipu's data, and the share each company's runway uses."""
    return say(
        "Zhipu's compute services cost {compute} in {period}: {of_rd} of its R&D expense and {of_ocf} of its "
        "operating cash outflow, {ocf} ({ocf_cite}). The second share is the one the formula needs, because the burn "
        "it scales is a net figure: a price change moves the whole compute bill, while revenue collected has "
        "already been taken off the burn. This notebook uses **{zp}** for Zhipu and **{mm}** for MiniMax: "
        "{why}.",
        compute=describe(compute),
        period=compute.period_label,
        of_rd=_pct(compute.value / rd.value, 0),
        of_ocf=_pct(compute.value / -outflow.value, 0),
        ocf=_m(-outflow.value, outflow.currency, 0),
        ocf_cite=outflow.citation,
        zp=_pct(shares["zhipu"], 0),
        mm=_pct(shares["minimax"], 0),
        why=choose(
            chosen is None,
            "Zhipu's own share, borrowed for MiniMax, which reports no compute figure (a proxy, not a fact)",
            "the share set in the parameters cell, for both",
        ),
    )


def finding_revenue(
    base: Scenario, revenue: Fact, yoy: Fact, observed: float, margin_source: str
) -> Markdown:
    """What the observed revenue pace would do to the runway, stated as a model result."""
    return say(
        "MiniMax's revenue averaged {per_month} a month in {period} ({cite}), against a burn of {burn}. It grew "
        "{yoy} year on year, a steady pace of {observed} a month. Kept up from the balance-sheet date, with extra "
        "revenue counted at a {margin} margin ({margin_source}) and the rest of the base case as set, that pace "
        "gives {lasting} in the model.",
        per_month=_m(base.revenue_per_month, revenue.currency, 2),
        period=revenue.period_label,
        cite=revenue.citation,
        burn=_m(base.burn, revenue.currency),
        yoy=describe(yoy),
        observed=_pct(observed),
        margin=_pct(base.revenue_margin),
        margin_source=margin_source,
        lasting=lasting(base.runway(revenue_growth_per_month=observed)),
    )


def driving_end(change_low: float, change_high: float) -> str:
    """Which end of a range moves the runway further from the base case.

    >>> driving_end(-3.0, 12.0), driving_end(-12.0, 3.0), driving_end(-5.0, 5.0)
    ('the high end', 'the low end', 'both ends alike')
    """
    return longer(
        abs(change_high),
        abs(change_low),
        rel_tol=0.01,
        more="the high end",
        less="the low end",
        same="both ends alike",
    )


def finding_tornado(table: pd.DataFrame, ladder: Mapping[str, float]) -> Markdown:
    """The tornado's numbers in words: the top input's two ends against the base case, and what comes next."""
    top, second = table.iloc[0], table.iloc[1]
    low = tornado_label(top["input"], top["low"], ladder)
    return say(
        "From the base case of {base}, moving {top} to its high end ({high}) gives {r_high}{c_high}; {low_end}. "
        "{endless}Next comes {second}: {end2}. A range drawn wider moves a bar up the ranking, so the ranking "
        "is only as good as the ranges.",
        base=months(top["base_runway"]),
        top=TORNADO_NAMES[top["input"]].lower(),
        low_end=choose(
            bool(top["change_low"] == 0),
            "its low end (" + low + ") is the base case itself, so the bar is one-sided",
            "its low end ("
            + low
            + ") gives "
            + lasting(top["runway_low"])
            + _change_note(top["change_low"]),
        ),
        endless=choose(
            bool(math.isinf(top["change_high"]) or math.isinf(top["change_low"])),
            "That bar ranks first because one end of its range is a "
            "pace that, held for good, means the cash never runs out; the ranking says so much and "
            "no more. ",
            "",
        ),
        high=tornado_label(top["input"], top["high"], ladder),
        r_high=lasting(top["runway_high"]),
        c_high=_change_note(top["change_high"]),
        second=TORNADO_NAMES[second["input"]].lower(),
        end2=longer(
            abs(second["change_high"]),
            abs(second["change_low"]),
            rel_tol=0.01,
            more="its high end moves the runway further",
            less="its low end moves the runway further",
            same="its two ends move the runway about equally",
        ),
    )


def _change_note(change: float) -> str:
    """' (+12.5 months on the base case)', or nothing for a runway that never ends."""
    return choose(math.isinf(change), "", " (" + _signed_months(change) + " on the base case)")


def free_cash_burn(outflow: Fact, capex: Fact | None) -> float | None:
    """Free cash outflow per month, ``(|operating cash flow| + capex) / months``; None without a capex figure.

    Example: with no capital expenditure in the data for the period, ``free_cash_burn(ocf, None)`` is None.
    """
    if capex is None:
        return None
    if capex.period_label != outflow.period_label or capex.currency != outflow.currency:
        raise ValueError(f"{capex.fact_id} and {outflow.fact_id} must share period and currency")
    return (abs(outflow.value) + abs(capex.value)) / months_in(outflow.period_label)


def finding_zhipu(
    runways: Mapping[str, float],
    stated_loss: Fact,
    stated_ocf: Fact,
    cash: Fact,
    burns: Mapping[str, float],
    fcf_runway: float | None,
) -> Markdown:
    """Which burn each press report used, why the operating-cash-flow runway is an upper bound, and FCF."""
    named = {BURNS["zhipu"][k]: r for k, r in runways.items()}
    keys = {BURNS["zhipu"][k]: k for k in runways}
    nearest = closest(stated_loss.value, named)
    near_ocf = closest(stated_ocf.value, named)
    r_ocf = named[near_ocf]
    needed = cash.value / stated_ocf.value
    return say(
        "- The report of {loss} {matches} the runway on the **{nearest}** ({r_near}); the full net loss "
        "gives {r_net}.\n"
        "- The report of {ocf} is closest to the runway on the **{near_ocf}** ({r_ocf}), {side} the {target} "
        "the report says the cash exceeds: {gap}.\n"
        "- Free cash flow, the stricter burn: {fcf}",
        loss=describe(stated_loss),
        matches=match_or_closest(named[nearest], stated_loss.value, match="is consistent with"),
        nearest=nearest,
        r_near=months(named[nearest]),
        r_net=months(runways["net_loss"]),
        ocf=describe(stated_ocf),
        near_ocf=near_ocf,
        r_ocf=months(r_ocf),
        side=compare(r_ocf, stated_ocf.value, more="above", less="below", same="at"),
        target=months(stated_ocf.value, 0),
        gap=choose(
            r_ocf > stated_ocf.value,
            "on that burn the report holds",
            "to pass it, that burn would have to stay below "
            + _m(needed, cash.currency)
            + " a month, "
            + _pct(max(0.0, 1 - needed / burns[keys[near_ocf]]))
            + " less than in the half year to "
            + cash.period_label
            + ", or the report counted more than cash and cash equivalents",
        ),
        fcf=choose(
            fcf_runway is None,
            "the data hold no capital expenditure for H1 2025 (the prospectus figures we read give the "
            "operating line only), so it cannot be computed for that period; we do not guess it.",
            "on it the cash lasts " + months(fcf_runway or 0.0) + ".",
        ),
    )


def finding_like_for_like(
    mm: Mapping[str, float],
    zp: Mapping[str, float],
    mm_burns: Mapping[str, float],
    mm_period: str,
    zp_period: str,
    ladder: Mapping[str, float],
) -> Markdown:
    """MiniMax against Zhipu on the same cash and the same kind of burn, each on its own latest pace."""
    return say(
        "On cash and cash equivalents alone, and on the same kind of burn, MiniMax's cash lasts {mm_adj} on its "
        "adjusted net loss against Zhipu's {zp_adj} ({adj}), and {mm_net} on its net loss against Zhipu's "
        "{zp_net} ({net}). MiniMax's adjusted net loss, {mm_adj_burn} a month on the {mm_period} pace, is "
        "{vs} than the cash burn the article expects for 2025 ({mm_cash_burn}): a loss is not a cash flow. "
        "The paces differ in period ({mm_period} against {zp_period}), so read them as model results on "
        "each company's latest pace, not as forecasts. Cash and cash equivalents alone also penalise how "
        "MiniMax holds its money: {fvtpl} of its {invested} of cash and investments sits in FVTPL "
        "investments, while Zhipu's investments at its balance-sheet date are not in the data.",
        mm_adj=months(mm["adjusted_net_loss"]),
        zp_adj=months(zp["adjusted_net_loss"]),
        adj=roughly_longer(mm["adjusted_net_loss"], zp["adjusted_net_loss"]),
        mm_net=months(mm["net_loss"]),
        zp_net=months(zp["net_loss"]),
        net=roughly_longer(mm["net_loss"], zp["net_loss"]),
        mm_adj_burn=_m(mm_burns["adjusted_net_loss"], "USD"),
        mm_period=mm_period,
        zp_period=zp_period,
        vs=compare(
            mm_burns["adjusted_net_loss"], mm_burns["cash_outflow"], more="more", less="less"
        ),
        mm_cash_burn=_m(mm_burns["cash_outflow"], "USD"),
        fvtpl=_m(ladder["cash_fvtpl"] - ladder["cash"], "USD"),
        invested=_m(ladder["cash_fvtpl"], "USD"),
    )


def listing_runways(base: Scenario, added: Proceeds, as_of: str, listed: str) -> dict[str, float]:
    """Runway before and with the proceeds, and what each leaves on the listing day (months from ``as_of``)."""
    before, after = base.runway(), base.runway(proceeds=added.amount)
    elapsed = months_between(as_of, listed)
    return {
        "before": before,
        "after": after,
        "elapsed": elapsed,
        "left_before": before - elapsed,
        "left_after": after - elapsed,
    }


def listings_table(rows: Mapping[str, Mapping[str, object]]) -> pd.DataFrame:
    """The listings side by side: cash, burn, proceeds, rate and the months left on the listing day."""
    out = {}
    for company, r in rows.items():
        run, added = cast(dict[str, float], r["runways"]), cast(Proceeds, r["proceeds"])
        currency = str(r["currency"])
        out[NAMES[company]] = {
            "cash counted": f"{_m(float(cast(float, r['cash'])), currency)} at {r['as_of']}",
            "burn a month": f"{_m(float(cast(float, r['burn'])), currency)}: {r['burn_label']}",
            "proceeds": f"{_m(added.amount, currency)}, {added.basis}",
            "rate used": added.rate_note or "no conversion",
            "listed": str(r["listed"]),
            "months left at listing, without": months(run["left_before"]),
            "months left at listing, with proceeds": months(run["left_after"]),
        }
    return pd.DataFrame(out)


def finding_listings(
    rows: Mapping[str, Mapping[str, object]], added: Mapping[str, Proceeds], counted: str, pace: str
) -> Markdown:
    """What the proceeds added, counted from each listing day, stated as a model result, with any warning."""
    mm = cast(dict[str, float], rows["minimax"]["runways"])
    zp = cast(dict[str, float], rows["zhipu"]["runways"])
    warnings = [Markup("**Warning.** ") + Markup(a.warning) for a in added.values() if a.warning]
    return say(
        "On {pace}, with {counted}, Zhipu would have had {zp_before} left on its listing day without the money "
        "and {zp_after} with it; MiniMax would have had {mm_before} and {mm_after}. {ran_out}{warnings}",
        pace=pace,
        counted=proceeds_phrase(counted, added),
        zp_before=months(zp["left_before"]),
        zp_after=months(zp["left_after"]),
        mm_before=months(mm["left_before"]),
        mm_after=months(mm["left_after"]),
        ran_out=choose(
            min(zp["left_before"], mm["left_before"]) <= 0,
            "A runway that ends before the listing day means this burn, or this scenario, "
            "overstates the cash that left: the company did list, with cash in hand.",
            "",
        ),
        warnings=Markup("".join("\n\n" + w for w in warnings)),
    )


def capex(company: str, period: str) -> Fact | None:
    """The company's capital expenditure for ``period``, or None when the data hold none.

    >>> capex("zhipu", "H1 2025") is None
    True
    """
    try:
        return fact(company, "capital_expenditure", period)
    except FactLookupError:
        return None


def listing_date(company: str) -> str:
    """The day the company listed, from data/events.csv. Example: ``listing_date("zhipu")`` is '2026-01-08'."""
    events = load_events().set_index("event_id")
    key = {"minimax": "mm_listing", "zhipu": "zp_listing"}[company]
    return str(cast(pd.Timestamp, events.loc[key, "date"]).strftime("%Y-%m-%d"))


def listing_case(
    company: str, base: Scenario, added: Proceeds, as_of: str, currency: str, burn_label: str
) -> dict[str, object]:
    """One company's listing on the common basis: its inputs, proceeds and the runways they give."""
    listed = listing_date(company)
    return {
        "cash": base.cash,
        "burn": base.burn,
        "currency": currency,
        "as_of": as_of,
        "listed": listed,
        "burn_label": burn_label,
        "proceeds": added,
        "runways": listing_runways(base, added, as_of, listed),
    }


def takeaways(
    article_runway: float,
    stated: Fact,
    ladder: Mapping[str, float],
    burn: float,
    tornado: pd.DataFrame,
    zp_runways: Mapping[str, float],
    mm_runways: Mapping[str, float],
    cases: Mapping[str, Mapping[str, object]],
    counted: str,
    pace: str,
) -> Markdown:
    """The notebook's takeaways, each from a number computed above."""
    run = {k: runway_months(v, burn) for k, v in ladder.items()}
    top = tornado.iloc[0]
    zp_case = cast(dict[str, float], cases["zhipu"]["runways"])
    mm_case = cast(dict[str, float], cases["minimax"]["runways"])
    return say(
        "1. **The article's runway is its own arithmetic, and the arithmetic {holds}.** Its cash resources over "
        "its burn give {article}, printed as {stated}.\n"
        "2. **{most}** Cash and cash equivalents alone last {cash_only}; the undrawn loans it "
        "counts add {loans}.\n"
        "3. **The ranking of assumptions follows the ranges.** {top} moves the runway most over the ranges "
        "set, and {end} drives it.\n"
        "4. **Zhipu's runway depends on the burn: {zp_low} to {zp_high}.** The longest, on operating cash "
        "flow, is an upper bound for the same half year (see the Zhipu section).\n"
        "5. **On cash and cash equivalents and the same kind of burn**, MiniMax's cash lasts {mm_adj} on its "
        "adjusted net loss against Zhipu's {zp_adj} ({adj}), and {mm_net} on its net loss against Zhipu's "
        "{zp_net} ({net}), each on its latest pace (nine months to September 2025 against the half year to June "
        "2025, balance sheets three months apart); counting cash alone leaves out MiniMax's investments.\n"
        "6. **The listings, on {pace}, with {counted}:** Zhipu would have had {zp_left} left on its listing day "
        "and {zp_after} with the money; MiniMax {mm_left} and {mm_after}.",
        holds=match_or_closest(
            article_runway,
            stated.value,
            match="checks out to a rounding",
            near="does not reproduce the printed figure",
        ),
        article=months(article_runway, 3),
        stated=describe(stated),
        cash_only=months(run["cash"]),
        most=choose(
            ladder["cash"] < ladder["cash_fvtpl_facilities"] / 2,
            "Most of that is not cash.",
            "Most of that is cash, but not all.",
        ),
        loans=months(run["cash_fvtpl_facilities"] - run["cash_fvtpl"]),
        top=TORNADO_NAMES[top["input"]],
        end=driving_end(top["change_low"], top["change_high"]),
        zp_low=months(min(zp_runways.values())),
        zp_high=months(max(zp_runways.values())),
        mm_adj=months(mm_runways["adjusted_net_loss"]),
        zp_adj=months(zp_runways["adjusted_net_loss"]),
        adj=roughly_longer(mm_runways["adjusted_net_loss"], zp_runways["adjusted_net_loss"]),
        mm_net=months(mm_runways["net_loss"]),
        zp_net=months(zp_runways["net_loss"]),
        net=roughly_longer(mm_runways["net_loss"], zp_runways["net_loss"]),
        pace=pace,
        counted=proceeds_phrase(
            counted, {c: cast(Proceeds, r["proceeds"]) for c, r in cases.items()}
        ),
        zp_left=months(zp_case["left_before"]),
        zp_after=months(zp_case["left_after"]),
        mm_left=months(mm_case["left_before"]),
        mm_after=months(mm_case["left_after"]),
    )


def finding_outcome(
    base: Scenario,
    nine: Fact,
    year: Fact,
    used: Fact,
    expected: Fact,
    reserve: Fact,
    start: float,
    elapsed: float,
) -> Markdown:
    """The base case against what MiniMax reported for the rest of 2025 (revenue, consumption, year-end cash)."""
    q4 = (year.value - nine.value) / (months_in(year.period_label) - months_in(nine.period_label))
    model_cash = start - expected.value * elapsed
    if used.qualifier not in ("over", "at least"):
        raise ValueError(
            f"{used.fact_id}: cash consumption read as a floor needs qualifier 'over', got {used.qualifier!r}"
        )
    return say(
        "MiniMax's revenue in the last quarter of 2025, the full year less the nine months ({cites}), averaged "
        "{q4} a month, {vs_rev} the {base} a month the base case starts from. Its cash consumption for the year "
        "was {used}, at least {used_m} a month, a floor {vs_used} the {expected} a month the article "
        "expected, {bound}; notebook 05 argues that figure is most likely the adjusted net loss, so it is a loss "
        "set against a cash forecast. Its cash balance at the year end was {reserve}, {vs_res} the "
        "{model} the article's cash and FVTPL investments would hold after {elapsed} at the expected burn, "
        "leaving out the undrawn facilities as that balance does; the balance also counts deposits and "
        "restricted cash, which the article's items may not, so part of any gap is definition.",
        cites=nine.citation + "; " + year.citation,
        q4=_m(q4, year.currency, 2),
        vs_rev=compare(
            q4,
            base.revenue_per_month,
            rel_tol=0.05,
            more="more than",
            less="less than",
            same="about the same as",
        ),
        base=_m(base.revenue_per_month, year.currency, 2),
        used=describe(used),
        used_m=_m(used.value / months_in(used.period_label), used.currency),
        vs_used=compare(
            used.value / months_in(used.period_label),
            expected.value,
            rel_tol=0.05,
            more="above",
            less="below",
            same="about the same as",
        ),
        bound=compare(
            used.value / months_in(used.period_label),
            expected.value,
            rel_tol=0.05,
            more="so the year used more cash than expected",
            same="so the year used at least about what was expected",
            less="so it cannot say whether the year used more or less than expected",
        ),
        expected=_m(expected.value, expected.currency),
        reserve=describe(reserve),
        vs_res=compare(
            reserve.value,
            model_cash,
            rel_tol=0.05,
            more="more than",
            less="less than",
            same="about the same as",
        ),
        model=_m(model_cash, expected.currency),
        elapsed=months(elapsed),
    )


# --------------------------------------------------------------------------- charts (titles state findings)


def _bar_labels(
    ax: Axes, bars: BarContainer, values: Sequence[float], inside: bool = False
) -> None:
    """Runway labels at the end of horizontal bars."""
    for bar, v in zip(bars, values, strict=True):
        ax.annotate(
            months(v),
            (bar.get_width(), bar.get_y() + bar.get_height() / 2),
            xytext=(-4 if inside else 4, 0),
            textcoords="offset points",
            ha="right" if inside else "left",
            va="center",
            fontsize=9,
            color="white" if inside else "black",
        )


def ladder_chart(
    ladder: Mapping[str, float], burn: float, stated: Fact, sources: str, as_of: str
) -> Figure:
    """The cash ladder as bars, the article's runway as a line; the title gives each rung's months."""
    fig, axes = new_figure(height=3.4)
    ax = cast(Axes, axes)
    steps = list(ladder)[::-1]
    values = [runway_months(ladder[k], burn) for k in steps]
    bars = ax.barh(
        [CASH_DEFINITIONS[k] for k in steps], values, color=shades("minimax", len(steps))
    )
    _bar_labels(ax, bars, values)
    ax.axvline(stated.value, color=COLORS["neutral"], linestyle="--", linewidth=1)
    ax.annotate(
        f"article: {stated.qualifier} {stated.value:g} months",
        (stated.value, 1.0),
        xycoords=("data", "axes fraction"),
        xytext=(-4, -2),
        textcoords="offset points",
        ha="right",
        va="top",
        fontsize=8,
        color="#555555",
    )
    ax.set_xlabel(f"Runway (months) at {_m(burn, stated.currency or 'USD')} a month")
    ax.set_xlim(0, max(values) * 1.25)
    ax.grid(axis="y", visible=False)
    title = (
        f"Cash alone lasts {months(values[-1], 0)}; the investments add {values[-2] - values[-1]:.0f} months, "
        f"the loans {values[0] - values[-2]:.1f} more"
    )
    return finish(
        fig,
        ax,
        title=title,
        sources=sources,
        period=f"balance-sheet items and an undrawn facility at {as_of}; burn expected for 2025",
        note="Read from the top: each bar adds the item named to the bar above it.",
    )


def growth_chart(
    ladder: Mapping[str, float],
    burn: float,
    axis: Sequence[float] | NDArray[np.float64],
    threshold: float,
    crossing: float,
    chosen: tuple[float, float],
    sources: str,
    as_of: str,
) -> Figure:
    """Runway against burn growth on each rung; the crossing of the threshold marked."""
    fig, axes = new_figure()
    ax = cast(Axes, axes)
    x = np.asarray(axis) * 100
    for color, k in zip(shades("minimax", 3)[::-1], ladder, strict=True):
        ax.plot(
            x,
            runway_grid(ladder[k], burn, list(axis)),
            color=color,
            linewidth=2,
            label=CASH_DEFINITIONS[k],
        )
    ax.axhline(threshold, color=COLORS["neutral"], linestyle="--", linewidth=1)
    ax.plot(
        [chosen[0] * 100],
        [chosen[1]],
        marker="o",
        color="black",
        linestyle="none",
        label="your burn growth and cash",
    )
    ax.plot(
        [crossing * 100],
        [threshold],
        marker="X",
        color=COLORS["highlight"],
        linestyle="none",
        markersize=8,
        label=f"{months(threshold, 0)} at {_pct(crossing, 2)} a month",
    )
    ax.set_xlabel("Burn growth (% a month)")
    ax.set_ylabel("Runway (months)")
    ax.set_ylim(0, None)
    ax.legend(loc="upper right", fontsize=8)
    title = sentence(
        "At the burn growth you chose, {g} a month, MiniMax's runway is {chosen} on the cash you "
        "chose and {cash} on cash alone",
        g=_pct(chosen[0], 1),
        chosen=months(chosen[1]),
        cash=months(runway_months(ladder["cash"], burn, burn_growth_per_month=chosen[0])),
    )
    return finish(
        fig,
        ax,
        title=title,
        sources=sources,
        period=f"from {as_of}",
        note=f"Starting burn {_m(burn, 'USD')} a month, growing smoothly by a factor (1 + g) each month.",
    )


def tornado_chart(
    table: pd.DataFrame, ladder: Mapping[str, float], sources: str, as_of: str
) -> Figure:
    """Each input's two ends as bars from the base runway, labelled with the change in months."""
    fig, axes = new_figure(height=3.8)
    ax = cast(Axes, axes)
    finite = [
        v
        for v in (*table["runway_low"], *table["runway_high"], *table["base_runway"])
        if math.isfinite(v)
    ]
    cap = max(finite) * 1.25
    rows = table.iloc[::-1].reset_index(drop=True)
    for label, row in rows.iterrows():
        i = cast(int, label)  # reset_index above: the labels are 0, 1, 2, ...
        for end, color in (("low", shades("minimax", 3)[2]), ("high", COLORS["minimax"])):
            v, base = row[f"runway_{end}"], row["base_runway"]
            shown = min(v, cap)
            ax.barh(i, shown - min(base, cap), left=min(base, cap), color=color, height=0.6)
            if row[f"change_{end}"] != 0:
                ax.annotate(
                    _signed_months(row[f"change_{end}"]).replace(" months", ""),
                    (shown, i),
                    xytext=(4 if shown >= base else -4, 0),
                    textcoords="offset points",
                    ha="left" if shown >= base else "right",
                    va="center",
                    fontsize=8,
                )
    ax.axvline(min(table["base_runway"].iloc[0], cap), color="black", linewidth=1)
    ax.set_yticks(
        range(len(rows)),
        [
            f"{TORNADO_NAMES[n]}\n{tornado_label(n, lo, ladder)} / {tornado_label(n, hi, ladder)}"
            for n, lo, hi in zip(rows["input"], rows["low"], rows["high"], strict=True)
        ],
        fontsize=8,
    )
    ax.set_xlim(0, cap * 1.15)
    ax.set_xlabel("Runway (months)")
    ax.grid(axis="y", visible=False)
    top = table.iloc[0]
    title = sentence(
        "Over these ranges, {name} moves MiniMax's runway most, and {end} drives it",
        name=TORNADO_NAMES[top["input"]].lower(),
        end=driving_end(top["change_low"], top["change_high"]),
    )
    return finish(
        fig,
        ax,
        title=title,
        sources=sources,
        period=f"from {as_of}",
        note=f"Black line: the base case, {months(top['base_runway'])}. Light bars: low end; dark bars: "
        "high end; labels: change in months ('never': the cash does not run out).",
    )


def heat_chart(
    grid: NDArray[np.float64],
    burn_points: Sequence[float],
    revenue_points: Sequence[float],
    chosen: tuple[float, float],
    margin: float,
    sources: str,
    as_of: str,
) -> Figure:
    """The runway for each pair of growth rates, the base case outlined."""
    fig, axes = new_figure(height=4.4)
    ax = cast(Axes, axes)
    finite = grid[np.isfinite(grid)]
    top = float(finite.max()) if finite.size else 0.0
    shown = np.where(np.isfinite(grid), grid, top)
    image = ax.imshow(shown, cmap="cividis", aspect="auto", origin="lower")
    middle = (float(shown.min()) + float(shown.max())) / 2
    for i in range(len(revenue_points)):
        for j in range(len(burn_points)):
            text = "never" if math.isinf(grid[i, j]) else f"{grid[i, j]:.1f}"
            ax.text(
                j,
                i,
                text,
                ha="center",
                va="center",
                fontsize=8,
                color="white" if shown[i, j] < middle else "black",
            )
    bj, bi = (
        list(burn_points).index(round(chosen[0], 6)),
        list(revenue_points).index(round(chosen[1], 6)),
    )
    ax.add_patch(
        Rectangle(
            (bj - 0.5, bi - 0.5), 1, 1, fill=False, edgecolor=COLORS["highlight"], linewidth=2.5
        )
    )
    ax.set_xticks(range(len(burn_points)), [_pct(g) for g in burn_points])
    ax.set_yticks(range(len(revenue_points)), [_pct(r) for r in revenue_points])
    ax.set_xlabel("Burn growth (% a month)")
    ax.set_ylabel("Revenue growth (% a month)")
    ax.grid(False)
    fig.colorbar(image, ax=ax).set_label("Runway (months)")
    title = sentence(
        "Across these growth rates MiniMax's runway runs from {low} to {high}",
        low=months(float(grid.min()), 0),
        high=choose(bool(np.isinf(grid).any()), "never running out", months(top, 0)),
    )
    return finish(
        fig,
        ax,
        title=title,
        sources=sources,
        period=f"from {as_of}",
        note=f"Outlined: the base case. Extra revenue counted at a {_pct(margin)} margin. "
        "'never': the cash does not run out.",
    )


def zhipu_chart(
    runways: Mapping[str, float], stated: Sequence[Fact], cash: Fact, sources: str
) -> Figure:
    """Zhipu's runway on each burn, with the press reports as lines."""
    fig, axes = new_figure(height=3.2)
    ax = cast(Axes, axes)
    keys = list(runways)[::-1]
    values = [runways[k] for k in keys]
    bars = ax.barh(
        [BURNS["zhipu"][k] for k in keys], values, color=shades("zhipu", len(keys))[::-1]
    )
    _bar_labels(ax, bars, values, inside=True)
    for item, style in zip(stated, ("--", ":"), strict=True):
        ax.axvline(
            item.value,
            color="black",
            linestyle=style,
            linewidth=1.2,
            label=f"{item.source_id}: {item.qualifier} {item.value:g} months ({item.note.lower().rstrip('.')})",
        )
    ax.legend(loc="lower right", fontsize=7, framealpha=0.9, frameon=True)
    ax.set_xlim(0, max(values + [f.value for f in stated]) * 1.6)
    ax.set_xlabel(f"Runway (months) from {_m(cash.value, cash.currency, 0)} of cash")
    ax.grid(axis="y", visible=False)
    title = sentence(
        "Zhipu's cash lasts {low} to {high}, depending on which burn divides it",
        low=months(min(values)),
        high=months(max(values)),
    )
    period = f"cash at {cash.period_label}; burn per month of H1 2025"
    return finish(
        fig,
        ax,
        title=title,
        sources=sources,
        period=period,
        note="Vertical lines: the runways the press reported.",
    )


def listings_chart(
    rows: Mapping[str, Mapping[str, object]], counted: str, pace: str, sources: str
) -> Figure:
    """Months left on each listing day, without and with the proceeds, on one basis for both companies."""
    fig, axes = new_figure(height=3.6)
    ax = cast(Axes, axes)
    companies = list(rows)
    width = 0.36
    for offset, key, label in (
        (-width / 2, "left_before", "without"),
        (width / 2, "left_after", "with proceeds"),
    ):
        for i, company in enumerate(companies):
            v = cast(dict[str, float], rows[company]["runways"])[key]
            color = shades(company, 3)[2] if key == "left_before" else COLORS[company]
            ax.bar(i + offset, max(v, 0.0), width, color=color)
            ax.annotate(
                f"{months(v)}\n{label}",
                (i + offset, max(v, 0.0)),
                xytext=(0, 3),
                textcoords="offset points",
                ha="center",
                va="bottom",
                fontsize=8,
            )
    ax.set_xticks(
        range(len(companies)), [f"{NAMES[c]}\n({rows[c]['burn_label']})" for c in companies]
    )
    ax.set_ylabel("Months left on the listing day")
    tops = [cast(dict[str, float], rows[c]["runways"])["left_after"] for c in companies]
    ax.set_ylim(0, max([t for t in tops if math.isfinite(t)] + [1.0]) * 1.35)
    ax.grid(axis="x", visible=False)
    gain = {
        c: runway_gap(
            cast(dict[str, float], rows[c]["runways"])["after"],
            cast(dict[str, float], rows[c]["runways"])["before"],
        )
        for c in companies
    }
    left = {
        c: months(cast(dict[str, float], rows[c]["runways"])["left_before"], 0) for c in companies
    }
    title = choose(
        counted == "none",
        sentence(
            "On {pace}, with no proceeds counted, MiniMax would have had {mm} left on its listing day and "
            "Zhipu {zp}",
            pace=pace,
            mm=left["minimax"],
            zp=left["zhipu"],
        ),
        sentence(
            "On {pace}, the proceeds add {mm} to MiniMax's runway and {zp} to Zhipu's",
            pace=pace,
            mm=months(gain["minimax"], 0),
            zp=months(gain["zhipu"], 0),
        ),
    )
    return finish(
        fig,
        ax,
        title=title,
        sources=sources,
        period="balance sheets at 2025-06-30 and 2025-09-30; listings in January 2026",
        note="Both: cash and cash equivalents only; "
        + proceeds_phrase(counted, {c: cast(Proceeds, rows[c]["proceeds"]) for c in companies})
        + "; months counted from each listing day.",
    )


def pace(minimax_burn: Fact, zhipu_burn: Fact, definition: str) -> str:
    """The burns behind a comparison, each named with its period, for stating a model result as one.

    Example: ``pace(mm_burn, zp_ocf, "cash_outflow")`` gives ``"MiniMax's cash burn expected for 2025 (article)
    and Zhipu's operating cash outflow (H1 2025)"``.
    """
    mm = BURNS["minimax"][definition]
    mm_when = choose(
        definition == "cash_outflow", "(article)", "(" + minimax_burn.period_label + ")"
    )
    return f"MiniMax's {mm} {mm_when} and Zhipu's {BURNS['zhipu'][definition]} ({zhipu_burn.period_label})"


def finding_capex_gap(gap: float, capex_facts: Sequence[Fact]) -> Markdown:
    """How much of a monthly gap (same currency) the capital expenditure figures, a month each, could explain.

    Example: ``finding_capex_gap(70.8, [capex_cash_flow, capex_mdna])`` says RMB 1.9 to 6.2 million a month.
    """
    per_month = sorted(abs(f.value) / months_in(f.period_label) for f in capex_facts)
    return say(
        "Zhipu's capital expenditure for {period} ({cites}) comes to {low} to {high} a month, depending on the "
        "reading, or {share_low} to {share_high} of the {gap} gap: {verdict}. This is hindsight: the figures "
        "were published after the prospectus period, and a full year's average stands in for the half year.",
        period=capex_facts[0].period_label,
        cites="; ".join(f.citation for f in capex_facts),
        low=_m(per_month[0], capex_facts[0].currency),
        high=_m(per_month[-1], capex_facts[0].currency),
        share_low=_pct(per_month[0] / gap, 0),
        share_high=_pct(per_month[-1] / gap, 0),
        gap=_m(gap, capex_facts[0].currency),
        verdict=choose(
            per_month[-1] < gap / 2,
            "capital spending explains little of it, so the gap is mostly working capital and non-cash "
            "charges, and the operating outflow plus that spending (free cash flow) is the better guide",
            "capital spending could explain much of it, so the adjusted loss is the closer guide",
        ),
    )
