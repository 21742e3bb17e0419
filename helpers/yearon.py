"""Notebook 06, one year on: the maths and the findings of the first listed year.

Four kinds of tool live here. Parameters (:data:`PARAMETERS`) that the
notebook checks first. Labelled figures (:class:`Figure`): a value with its
sureness, so that a management or analyst claim (``IP``) cannot enter a sum
or a ratio with reported figures unless the caller asks, and then the result
carries the label. The maths of the notebook (second half by subtraction,
share counts in force, market value, the reverse valuation). And the finding
sentences, each one call that picks its verdict words with :mod:`helpers.words`.

Example:
    >>> round(required_revenue(1000.0, 10.0, 5, 0.15), 2)
    201.14
    >>> round(implied_growth(201.14, 100.0, 5), 4)
    0.15
    >>> verdict(testable=True, holds=False)
    'not borne out'
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pandas as pd
from IPython.display import Markdown

from helpers import words
from helpers.checks import real
from helpers.data import load_prices, shared_table
from helpers.facts import Fact, facts_table
from helpers.formatting import count, money, months, pct, times
from helpers.ownership import voting_share
from helpers.params import Choice, Number
from helpers.periods import convert, rate
from helpers.runway import runway_months

__all__ = [
    "CLAIM",
    "PARAMETERS",
    "ClaimMixError",
    "Figure",
    "claim_label",
    "derived",
    "figure",
    "implied_growth",
    "market_value",
    "market_value_path",
    "ratio",
    "required_revenue",
    "run_rate_multiple",
    "second_half",
    "second_half_share",
    "shares_in_force",
    "total",
    "verdict",
    "wvr_vote_share",
]

#: The parameters of notebook 06's parameters cell, checked first thing in the notebook.
PARAMETERS = {
    "exit_price_to_sales": Number(low=2.0, high=60.0, edges=(5.0, 10.0, 25.0)),
    "horizon_years": Number(low=1, high=10, integer=True, edges=(3, 5)),
    "required_return": Number(low=0.0, high=0.4, edges=(0.1, 0.15)),
    "burn_growth_per_month": Number(low=-0.05, high=0.1, edges=(0.0, 0.03)),
    "display_currency": Choice(("USD", "RMB", "HKD")),
}

#: The sureness of a management or analyst figure that no auditor has seen.
CLAIM = "IP"
_CLAIM_TEXT = "includes a management or analyst claim, not audited"


class ClaimMixError(ValueError):
    """A claim (sureness IP) was about to be added to or divided by reported figures without being asked."""


@dataclass(frozen=True)
class Figure:
    """A value with its currency ('' for none), its sureness and the sources behind it."""

    value: float
    currency: str
    sureness: str
    sources: tuple[str, ...]

    @property
    def is_claim(self) -> bool:
        """True when the figure is, or was computed from, a management or analyst claim."""
        return self.sureness == CLAIM


def figure(item: Fact, currency: str | None = None) -> Figure:
    """A fact as a :class:`Figure`, money converted to ``currency`` at the data's one rate for the pair.

    Example: ``figure(fact("zhipu", "arr", "2026-08", "api"), "RMB").is_claim`` is True.
    """
    value, cur = item.value, item.currency
    if currency is not None and item.unit in ("million", "amount") and currency != item.currency:
        value, cur = convert(item.value, item.currency, currency), currency
    return Figure(value, cur, item.sureness or "M", (item.source_id,))


def derived(value: float, currency: str = "", sources: Sequence[str] = ()) -> Figure:
    """A figure we computed (sureness D). Example: ``derived(533.4, "RMB", ["S40", "S7"]).sureness`` is 'D'."""
    return Figure(real("value", value), currency, "D", tuple(sources))


def _choose(condition: object, yes: str, no: str) -> str:
    """:func:`helpers.words.choose` for a condition computed with numpy (``np.True_`` counts as True)."""
    return words.choose(bool(condition), yes, no)


def _combine_sureness(items: Sequence[Figure], allow_claims: bool) -> str:
    claims = [f for f in items if f.is_claim]
    if claims and len(claims) < len(items) and not allow_claims:
        raise ClaimMixError(
            "a management or analyst claim (sureness IP) would be mixed with reported figures: pass "
            "allow_claims=True and show the result with claim_label(...)"
        )
    return CLAIM if claims else "D"


def _sources(items: Sequence[Figure]) -> tuple[str, ...]:
    return tuple(sorted({s for f in items for s in f.sources}, key=lambda s: (len(s), s)))


def ratio(numerator: Figure, denominator: Figure, *, allow_claims: bool = False) -> Figure:
    """``numerator / denominator`` in the same currency; a claim on either side needs ``allow_claims``.

    Example: ``ratio(derived(10.0, "USD"), derived(4.0, "USD")).value`` is 2.5.
    """
    if numerator.currency != denominator.currency:
        raise ValueError(
            f"ratio needs one currency, got {numerator.currency!r} and {denominator.currency!r}"
        )
    den = real("denominator", denominator.value)
    if den == 0:
        raise ValueError("ratio needs a non-zero denominator")
    sure = _combine_sureness([numerator, denominator], allow_claims)
    return Figure(numerator.value / den, "", sure, _sources([numerator, denominator]))


def total(items: Sequence[Figure], *, allow_claims: bool = False) -> Figure:
    """The sum of figures in one currency; a claim among reported figures needs ``allow_claims``.

    Example: ``total([derived(1.0, "USD"), derived(2.0, "USD")]).value`` is 3.0.
    """
    if not items:
        raise ValueError("total needs at least one figure")
    currencies = {f.currency for f in items}
    if len(currencies) != 1:
        raise ValueError(f"total needs one currency, got {sorted(currencies)}")
    sure = _combine_sureness(items, allow_claims)
    return Figure(math.fsum(f.value for f in items), items[0].currency, sure, _sources(items))


def claim_label(item: Figure) -> str:
    """The label a claim carries into any output: '' for reported or derived figures.

    Example: ``claim_label(Figure(1.0, "USD", "IP", ("S53",)))`` gives
    ``' (includes a management or analyst claim, not audited)'``.
    """
    return f" ({_CLAIM_TEXT})" if item.is_claim else ""


# --------------------------------------------------------------------------- periods


def _half_pair(full_year: Fact, first_half: Fact) -> None:
    if full_year.period_label[2:] != first_half.period_label[
        3:
    ] or not full_year.period_label.startswith("FY"):
        raise ValueError(
            f"need FYyyyy and H1 yyyy of the same year, got {full_year.period_label!r} and {first_half.period_label!r}"
        )
    if not first_half.period_label.startswith("H1 "):
        raise ValueError(f"need a first half (H1 yyyy), got {first_half.period_label!r}")
    if (full_year.unit, full_year.currency) != (first_half.unit, first_half.currency):
        raise ValueError(
            f"{full_year.fact_id} and {first_half.fact_id} are in different units or currencies"
        )


def second_half(full_year: Fact, first_half: Fact) -> float:
    """The second half of a year by subtraction: ``FY - H1`` (same year, unit and currency).

    Example: ``second_half(fact("zhipu", "revenue", "FY2025"), fact("zhipu", "revenue", "H1 2025"))``
    gives 724.334 - 190.9 = 533.434.
    """
    _half_pair(full_year, first_half)
    return full_year.value - first_half.value


def second_half_share(full_year: Fact, first_half: Fact) -> float:
    """The second half as a percentage of the year: ``(FY - H1) / FY * 100``. Example: about 73.6 for Zhipu 2025."""
    if full_year.value <= 0:
        raise ValueError(
            f"{full_year.fact_id}: the full year must be positive, got {full_year.value!r}"
        )
    return second_half(full_year, first_half) / full_year.value * 100


def run_rate_multiple(full_year: Fact, first_half: Fact) -> float:
    """The full year over twice the first half (1 for an even year). Example: about 1.90 for Zhipu 2025."""
    _half_pair(full_year, first_half)
    if first_half.value <= 0:
        raise ValueError(
            f"{first_half.fact_id}: the first half must be positive, got {first_half.value!r}"
        )
    return full_year.value / (2 * first_half.value)


# --------------------------------------------------------------------------- market value and valuation


def market_value(price: float, shares: float) -> float:
    """Price times shares, in millions of the price's currency. Example: ``market_value(780, 487_588_090)``."""
    return real("price", price, minimum=0) * real("shares", shares, minimum=0) / 1e6


def shares_in_force(day: str | pd.Timestamp, counts: Mapping[str, float]) -> float:
    """The share count of the latest change dated on or before ``day`` (``counts``: ISO date -> shares).

    Example: ``shares_in_force("2026-08-01", {"2026-01-08": 1e8, "2026-07-13": 1.2e8})`` gives 1.2e8.
    """
    when = pd.Timestamp(day)
    dated = sorted((pd.Timestamp(d), real(f"counts[{d!r}]", n, above=0)) for d, n in counts.items())
    known = [n for d, n in dated if d <= when]
    if not known:
        raise ValueError(
            f"no share count dated on or before {when.date()}; the first is {dated[0][0].date()}"
        )
    return known[-1]


def market_value_path(company: str, counts: Mapping[str, float]) -> pd.DataFrame:
    """Each close in ``data/prices.csv`` with the share count in force and the market value (millions).

    Example: ``market_value_path("zhipu", {"2026-01-08": 440_230_190}).market_value.iloc[0]``
    """
    prices = load_prices()
    rows = prices[prices["company"] == company][["date", "close", "currency"]].reset_index(
        drop=True
    )
    if rows.empty:
        raise ValueError(f"no prices for {company!r} in data/prices.csv")
    rows["shares"] = [shares_in_force(d, counts) for d in rows["date"]]
    rows["market_value"] = [market_value(p, n) for p, n in zip(rows["close"], rows["shares"])]
    return rows


def close_on(company: str, day: str) -> float:
    """The close in ``data/prices.csv`` on a trading day (an error on any other day).

    Example: ``close_on("zhipu", "2026-06-30")`` gives 2104.0.
    """
    prices = load_prices()
    hit = prices[(prices["company"] == company) & (prices["date"] == pd.Timestamp(day))]
    if len(hit) != 1:
        raise ValueError(f"no close for {company!r} on {day} in data/prices.csv")
    return float(hit["close"].iloc[0])


def required_revenue(
    market_value: float, exit_multiple: float, years: float, required_return: float
) -> float:
    """Revenue in ``years`` that makes today's value earn ``required_return`` at an exit price-to-sales multiple.

    ``R_T = V_0 (1 + r)^T / m``. Example: ``required_revenue(1000, 10, 5, 0.15)`` is about 201.1.
    """
    v = real("market_value", market_value, minimum=0)
    m = real("exit_multiple", exit_multiple, above=0)
    t = real("years", years, minimum=0)
    r = real("required_return", required_return, above=-1)
    return float(v * (1 + r) ** t / m)


def implied_growth(target: float, current: float, years: float) -> float:
    """The yearly growth that takes ``current`` to ``target`` in ``years``: ``(target / current)^(1/T) - 1``.

    Example: ``implied_growth(400, 100, 2)`` is 1.0 (doubling each year).
    """
    a = real("target", target, above=0)
    b = real("current", current, above=0)
    t = real("years", years, above=0)
    return float((a / b) ** (1 / t) - 1)


def wvr_vote_share(class_b: float, class_a: float, votes_per_b_share: float = 10.0) -> float:
    """Share of all votes held by the class B (WVR) shares: ``v B / (A + v B)``, a fraction.

    Computed with :func:`helpers.ownership.voting_share` (a holder whose every share is a WVR share).
    Example: ``wvr_vote_share(1, 9)`` is 10 / 19, about 0.526.
    """
    b = real("class_b", class_b, minimum=0)
    a = real("class_a", class_a, minimum=0)
    if a + b == 0:
        raise ValueError("class_a and class_b cannot both be zero")
    e = b / (a + b)
    return voting_share(e, e, votes_per_wvr_share=votes_per_b_share)


def verdict(*, testable: bool, holds: bool, held_before: bool | None = None) -> str:
    """The verdict on a claim a year on: 'not testable', 'borne out', 'not borne out' or, when it held for
    the article's year but no longer holds, 'borne out for 2025, no longer true'.

    Example: ``verdict(testable=True, holds=False, held_before=True)`` gives
    ``'borne out for 2025, no longer true'``.
    """
    if not testable:
        return "not testable"
    if held_before and not holds:
        return "borne out for 2025, no longer true"
    return _choose(holds, "borne out", "not borne out")


def mix_rate(
    shares0: Sequence[float],
    margins0: Sequence[float],
    shares1: Sequence[float],
    margins1: Sequence[float],
) -> tuple[float, float]:
    """A change of gross margin split into a mix effect and a rate effect, in percentage points.

    Shares and margins in percent, one entry per segment. Mix: ``sum((s1 - s0) * m0) / 100`` (the new mix at
    the old margins); rate: ``sum(s1 * (m1 - m0)) / 100`` (the new margins at the new mix); they add up to
    the change of the weighted margin. Example: ``mix_rate([50, 50], [60, 0], [0, 100], [60, 10])`` is
    (-30.0, 10.0).
    """
    lengths = {len(shares0), len(margins0), len(shares1), len(margins1)}
    if len(lengths) != 1 or 0 in lengths:
        raise ValueError("mix_rate needs four sequences of the same non-zero length")
    mix = (
        math.fsum(
            (real("share", b) - real("share", a)) * real("margin", m)
            for a, b, m in zip(shares0, shares1, margins0)
        )
        / 100
    )
    rate_effect = (
        math.fsum(
            real("share", b) * (real("margin", m1) - real("margin", m0))
            for b, m0, m1 in zip(shares1, margins0, margins1)
        )
        / 100
    )
    return mix, rate_effect


def steps_runway(cash: float, burn: float, growth: float) -> float:
    """Months until a burn paid in monthly steps (``b, b(1+g), ...``) uses the cash: ``ln(1 + C g / b) / ln(1 + g)``.

    The closed form of :func:`helpers.runway.runway_months` has ``ln(1 + g)`` where this has ``g``.
    Example: ``steps_runway(100, 10, 0.0)`` is 10.0; ``round(steps_runway(100, 10, 0.1), 2)`` is 7.27.
    """
    c, b, g = (
        real("cash", cash, minimum=0),
        real("burn", burn, above=0),
        real("growth", growth, above=-1),
    )
    if g == 0:
        return c / b
    inside = 1 + c * g / b
    return math.inf if inside <= 0 else math.log(inside) / math.log1p(g)


def monthly_rate(factor: float, months_apart: int = 12) -> float:
    """The monthly growth that multiplies a burn by ``factor`` over ``months_apart`` months.

    Example: ``round(monthly_rate(2.0, 12), 4)`` is 0.0595.
    """
    return float(
        real("factor", factor, above=0) ** (1 / real("months_apart", months_apart, above=0)) - 1
    )


def lasts(value: float) -> str:
    """How long cash lasts, as a verb phrase. Example: ``lasts(7.13)`` gives 'last 7.1 months'."""
    return _choose(math.isinf(value), "never run out", "last " + months(value))


def runway_range(shortest: float, longest: float) -> str:
    """Two runways as a range. Example: ``runway_range(20.0, 27.1)`` gives 'between 20.0 and 27.1 months'."""
    for name, value in (("shortest", shortest), ("longest", longest)):
        if not (math.isinf(value) or real(name, value, minimum=0) >= 0) or value < 0:
            raise ValueError(f"{name} must be a runway of 0 months or more, got {value!r}")
    low, high = sorted((float(shortest), float(longest)))
    if math.isinf(low):
        return "without running out on any of them"
    if math.isinf(high):
        return "at least " + months(low) + " (on the lowest burn it never runs out)"
    return f"between {low:.1f} and {high:.1f} months"


def months_added(longer: float, shorter: float) -> float:
    """How many months one runway adds to another; inf when only the longer never runs out, 0 when both never do.

    Example: ``months_added(119.7, 81.9)`` is about 37.8.
    """
    if math.isinf(shorter):
        return 0.0 if math.isinf(longer) else -math.inf
    return longer - shorter


def bracket(low: float, high: float, reference: float) -> str:
    """Where a range of values sits against a reference: 'all above', 'all below' or 'on both sides of'.

    Example: ``bracket(40, 60, 27.9)`` gives 'all above'.
    """
    lo, hi = sorted((real("low", low), real("high", high)))
    ref = real("reference", reference)
    if lo > ref:
        return "all above"
    if hi < ref:
        return "all below"
    return "on both sides of"


def bond_clause(last_close: float, conversion_price: float) -> str:
    """Whether a convertible bond counts as cash or stays a loan, from the last close against the conversion price.

    Example: ``bond_clause(780.0, 892.5)`` gives 'the last close, HKD 780.00, is below it, so the bond is left
    out of the lead figure'.
    """
    close, price = (
        real("last_close", last_close, minimum=0),
        real("conversion_price", conversion_price, minimum=0),
    )
    return words.sentence(
        "the last close, {lc}, is {rel} it, {then}",
        lc=f"HKD {close:,.2f}",
        rel=words.compare(close, price, rel_tol=0.0, more="above", less="below", same="at"),
        then=_choose(
            close > price,
            "so converting would pay today, but holders choose only later and the price can fall, so the "
            "bond is still left out of the lead figure",
            "so the bond is left out of the lead figure",
        ),
    )


def public_basis(day: str | pd.Timestamp, releases: Mapping[str, str | pd.Timestamp]) -> str:
    """The latest figure released before ``day``; one released on ``day`` counts from the next trading day.

    Results come out after the close, so the close of the release day does not know them. Example:
    ``public_basis("2026-03-31", {"LTM to June 2025": "2026-01-08", "FY2025": "2026-03-31"})`` gives
    'LTM to June 2025'.
    """
    when = pd.Timestamp(day)
    known = {label: pd.Timestamp(d) for label, d in releases.items() if pd.Timestamp(d) < when}
    if not known:
        raise ValueError(f"no figure was public before {when.date()}; releases: {dict(releases)!r}")
    return max(known, key=lambda label: known[label])


def burns_runway(cash: float, burn: float, growth: float) -> float:
    """:func:`helpers.runway.runway_months` with a growing burn. Example: ``burns_runway(100, 10, 0.0)`` is 10."""
    return runway_months(cash, burn, burn_growth_per_month=growth)


# --------------------------------------------------------------------------- findings


def finding_seasonality(
    *,
    fy: float,
    run_rate: float,
    ltm_prior: float,
    h2_share: float,
    h2_share_prior: float,
    next_h1: float,
    currency: str,
) -> Markdown:
    """Zhipu's 2025 against its first-half run-rate and LTM, the second half's share, and H1 2026.

    Example: ``finding_seasonality(fy=724.3, run_rate=381.8, ltm_prior=458.4, h2_share=73.6,
    h2_share_prior=85.6, next_h1=953.9, currency="RMB")``
    """
    if not 0 <= h2_share < 100:
        raise ValueError(f"h2_share must be a percentage in [0, 100), got {h2_share!r}")
    return words.say(
        "Zhipu's revenue for 2025 was {fy}, **{x_run} its first-half run-rate** ({run}) and {x_ltm} its revenue "
        "over the twelve months to June 2025 ({ltm}). The second half carried **{share}** of the year, "
        "{cmp} the {prior} of 2024: a back-loaded year is {conf} for 2025. The first half of 2026 alone "
        "brought {h1}, {x_h1} the whole of 2025: for 2026 to be as back-loaded as 2025, its second half "
        "would have to bring {need}.",
        fy=money(fy, currency),
        x_run=times(fy / run_rate),
        run=money(run_rate, currency),
        x_ltm=times(fy / ltm_prior),
        ltm=money(ltm_prior, currency),
        share=pct(h2_share),
        cmp=words.compare(
            h2_share,
            h2_share_prior,
            abs_tol=1.0,
            more="more than",
            less="less than",
            same="about the same as",
        ),
        prior=pct(h2_share_prior),
        conf=_choose(h2_share > 50, "confirmed", "not confirmed"),
        h1=money(next_h1, currency),
        x_h1=times(next_h1 / fy),
        need=money(next_h1 * h2_share / (100 - h2_share), currency),
    )


def finding_convergence(
    *, zp: tuple[float, float], mm: tuple[float, float], periods: tuple[str, str]
) -> Markdown:
    """Zhipu's cloud share and MiniMax's open-platform share, like half against like half.

    Example: ``finding_convergence(zp=(15.2, 86.5), mm=(30.3, 63.4), periods=("H1 2025", "H1 2026"))``
    """
    gap0, gap1 = zp[0] - mm[0], zp[1] - mm[1]
    both = zp[1] > 50 and mm[1] > 50
    return words.say(
        "From {p0} to {p1}, Zhipu's cloud share {zdir} from {z0} to {z1} of revenue and MiniMax's open-platform "
        "share {mdir} from {m0} to {m1}. Zhipu went from {g0} percentage points {side0} MiniMax to {g1} "
        "{side1} it. "
        "**{both}**",
        p0=periods[0],
        p1=periods[1],
        zdir=words.direction(zp[0], zp[1]),
        z0=pct(zp[0]),
        z1=pct(zp[1]),
        mdir=words.direction(mm[0], mm[1]),
        m0=pct(mm[0]),
        m1=pct(mm[1]),
        g0=f"{abs(gap0):.1f}",
        side0=words.sign(gap0, positive="above", negative="below", zero="level with"),
        g1=f"{abs(gap1):.1f}",
        side1=words.sign(gap1, positive="above", negative="below", zero="level with"),
        both=_choose(
            both,
            "Both now earn most of their revenue by selling access to their models (a channel of "
            "delivery; who the buyers are, the data do not say).",
            "They do not yet both earn most of their revenue from model access.",
        ),
    )


def finding_growth(
    *,
    zp_growth: float,
    mm_growth: float,
    zp_ltm: float,
    mm_ltm: float,
    currency: str,
    rate_note: str,
) -> Markdown:
    """Growth on like halves and the LTM to June 2026 in one currency.

    Example: ``finding_growth(zp_growth=399.7, mm_growth=283.1, zp_ltm=211.3, mm_ltm=165.2, currency="USD",
    rate_note="7.04 RMB per USD")``
    """
    return words.say(
        "On like halves (H1 2026 against H1 2025) Zhipu's revenue grew {zg} and MiniMax's {mg}: Zhipu grew "
        "{faster}. Over the twelve months to June 2026 Zhipu took in **{zl}** and MiniMax **{ml}**, so Zhipu's "
        "revenue was {x} MiniMax's ({rate}).",
        zg=pct(zp_growth),
        mg=pct(mm_growth),
        faster=words.compare(
            zp_growth,
            mm_growth,
            abs_tol=1.0,
            more="faster",
            less="more slowly",
            same="at about the same pace",
        ),
        zl=money(zp_ltm, currency),
        ml=money(mm_ltm, currency),
        x=times(zp_ltm / mm_ltm),
        rate=rate_note,
    )


#: The opening both margin findings share: gross margin and adjusted loss, one half against the like half.
_MARGIN_LEAD = (
    "{co}, {p0} to {p1}: the gross margin {gdir} from {g0} to {g1} ({pp} percentage points) and the "
    "adjusted loss {ldir} from {l0} to {l1} revenue."
)


def _margin_fields(
    company: str, periods: tuple[str, str], gm: tuple[float, float], loss: tuple[float, float]
) -> dict[str, str]:
    """The fields of :data:`_MARGIN_LEAD`."""
    return {
        "co": company,
        "p0": periods[0],
        "p1": periods[1],
        "gdir": words.direction(gm[0], gm[1]),
        "g0": pct(gm[0]),
        "g1": pct(gm[1]),
        "pp": f"{gm[1] - gm[0]:+.1f}",
        "ldir": words.direction(loss[0], loss[1]),
        "l0": times(loss[0]),
        "l1": times(loss[1]),
    }


def finding_margins(
    *,
    company: str,
    periods: tuple[str, str],
    gm: tuple[float, float],
    loss: tuple[float, float],
    rd: tuple[float, float],
    rd_amount: tuple[float, float],
    currency: str,
) -> Markdown:
    """Gross margin, adjusted loss and R&D per unit of revenue from one half to the same half a year later.

    Example: ``finding_margins(company="Zhipu", periods=("H1 2025", "H1 2026"), gm=(50.0, 26.4),
    loss=(9.18, 2.06), rd=(8.35, 2.23), rd_amount=(1594.7, 2131.2), currency="RMB")``
    """
    return words.say(
        _MARGIN_LEAD + " R&D per unit of revenue {rdir} from {r0} to {r1}, "
        "while R&D itself {adir} by {ach}, from {a0} to {a1}.",
        **_margin_fields(company, periods, gm, loss),
        rdir=words.direction(rd[0], rd[1]),
        r0=times(rd[0]),
        r1=times(rd[1]),
        adir=words.direction(rd_amount[0], rd_amount[1]),
        ach=pct(abs(rd_amount[1] / rd_amount[0] - 1) * 100),
        a0=money(rd_amount[0], currency),
        a1=money(rd_amount[1], currency),
    )


def finding_margins_no_rd(
    *,
    company: str,
    periods: tuple[str, str],
    gm: tuple[float, float],
    loss: tuple[float, float],
    rd_year: float,
    rd_half: float,
) -> Markdown:
    """Gross margin and adjusted loss on like halves, with R&D given apart because no like half exists.

    Example: ``finding_margins_no_rd(company="MiniMax", periods=("H1 2025", "H1 2026"), gm=(12.1, 17.9),
    loss=(4.56, 2.51), rd_year=3.20, rd_half=2.55)``
    """
    return words.say(
        _MARGIN_LEAD + " Our sources give no R&D for {p0}, so R&D has no like "
        "half: it was {r0} revenue over 2025 and {r1} in {p1}, a year beside a half, with no verdict drawn.",
        **_margin_fields(company, periods, gm, loss),
        r0=times(rd_year),
        r1=times(rd_half),
    )


def finding_mix(
    *,
    change: float,
    mix: float,
    rate_effect: float,
    onprem_gm: tuple[float, float],
    cloud_gm: tuple[float, float],
) -> Markdown:
    """Zhipu's change of gross margin split into mix and rate effects, with each segment's margin.

    Example: ``finding_mix(change=-23.7, mix=-42.4, rate_effect=18.8, onprem_gm=(59.1, 37.9),
    cloud_gm=(-0.4, 24.6))``
    """
    return words.say(
        "Of Zhipu's {ch} percentage-point change of gross margin, the shift towards cloud alone accounts for "
        "{mx} points (the mix effect) and the change of margin within each channel for {rt} (the rate effect): "
        "the on-premise margin {odir} from {o0} to {o1} and the cloud margin {cdir} from {c0} to {c1}. "
        "**The mix {mverb} the margin; the segments' own margins {rverb} it.**",
        ch=f"{change:+.1f}",
        mx=f"{mix:+.1f}",
        rt=f"{rate_effect:+.1f}",
        odir=words.direction(*onprem_gm),
        o0=pct(onprem_gm[0]),
        o1=pct(onprem_gm[1]),
        cdir=words.direction(*cloud_gm),
        c0=pct(cloud_gm[0]),
        c1=pct(cloud_gm[1]),
        mverb=words.sign(mix, positive="raised", negative="lowered", zero="left unchanged"),
        rverb=words.sign(rate_effect, positive="raised", negative="lowered", zero="left unchanged"),
    )


def finding_arr(*, cloud_half: float, annualised: float, claim: Figure, currency: str) -> Markdown:
    """A management ARR claim set beside the reported cloud revenue of a half, annualised (times two).

    Example: ``finding_arr(cloud_half=825.2, annualised=234.4, claim=Figure(1000, "USD", "IP", ("S44",)),
    currency="USD")``
    """
    return words.say(
        "Zhipu's reported cloud revenue of the first half of 2026, {h}, runs at **{a} a year** when doubled; the "
        "API ARR management gave for early July is {c}{lab}, {x} that. The two need not conflict (ARR is one "
        "recent month times twelve, and the business grew through the half), but only the reported figure "
        "enters a valuation here.",
        h=money(cloud_half, "RMB"),
        a=money(annualised, currency),
        c=money(claim.value, currency),
        lab=claim_label(claim),
        x=times(claim.value / annualised),
    )


def finding_zhipu_runway(
    *,
    burn_h1: tuple[float, float],
    burn_2025: float,
    growth: float,
    before: float,
    placings: float,
    placings_fcf: float,
    with_bond: float,
    trend_growth: float,
    trend_runway: float,
    bank_loans: float,
    last_close: float,
    conversion_price: float,
    currency: str,
) -> Markdown:
    """Zhipu's burn on like halves and its runway at 2026-06-30: before the placings, with them, with the bond.

    Example: ``finding_zhipu_runway(burn_h1=(221.2, 562.3), burn_2025=187.2, growth=0.0, before=7.1,
    placings=81.9, placings_fcf=73.4, with_bond=119.7, trend_growth=0.08, trend_runway=30.0, bank_loans=2224.8,
    last_close=780.0, conversion_price=892.5, currency="RMB")``
    """
    return words.say(
        "Zhipu's operating outflow was {b1} a month in the first half of 2026 against {b0} in the first half of "
        "2025: on like halves it {bdir} to {x}. (Against the monthly average of all 2025, {b25}, a half beside "
        "a year, it is {x25}.) With the burn growing {g} a month, the cash and bank balances of 2026-06-30 "
        "**{r0}**; with the two placings they **{r1}**, an upper bound: the balances are gross of bank loans "
        "of about {loans}, the September placing counts at its gross proceeds, and the operating outflow "
        "leaves out capital spending (on the free cash outflow they {r1f}){slower}. With the convertible bond "
        "as well they would {r2}, but the bond is a loan due in September 2027 unless holders convert, which "
        "pays them only above the conversion price of {cp}; {bond}. If the burn kept rising as it did over "
        "the last year ({tg} a month), the cash with the placings would {r3}.",
        b1=money(burn_h1[1], currency),
        b0=money(burn_h1[0], currency),
        bdir=words.direction(burn_h1[0], burn_h1[1], up="rose", down="fell", same="held"),
        x=times(burn_h1[1] / burn_h1[0]),
        b25=money(burn_2025, currency),
        x25=times(burn_h1[1] / burn_2025),
        g=pct(growth * 100),
        r0=lasts(before),
        r1=lasts(placings),
        r1f=lasts(placings_fcf),
        slower=_choose(
            growth < trend_growth,
            ", and the burn grows more slowly than it did over the last year",
            "",
        ),
        r2=lasts(with_bond),
        cp=f"HKD {conversion_price:,.2f} a share",
        bond=bond_clause(last_close, conversion_price),
        tg=pct(trend_growth * 100),
        r3=lasts(trend_runway),
        loans=money(bank_loans, currency),
    )


def finding_minimax_runway(
    *,
    burns: Mapping[str, float],
    article_burn: Figure,
    burn_2025: float,
    cash: float,
    placing: float,
    with_bond: float,
    last_close: float,
    conversion_price: float,
    growth: float,
    currency: str,
) -> Markdown:
    """MiniMax's runway at 2026-06-30 on the burns its disclosures allow, against the article's burn.

    ``placing`` is the cash with the July placing, ``with_bond`` adds the convertible bond. Example:
    ``finding_minimax_runway(burns={"adjusted loss": 48.8}, article_burn=Figure(27.9, "USD", "IP", ("S0",)),
    burn_2025=20.8, cash=1322.8, placing=2536.3, with_bond=3366.8, last_close=303.0, conversion_price=335.0,
    growth=0.0, currency="USD")``
    """
    low, high = min(burns.values()), max(burns.values())
    return words.say(
        "MiniMax publishes no operating cash flow in our sources, so its burn can only be bracketed: from {lo} "
        "to {hi} a month in the first half of 2026 on the definitions above, {cmp} the {art}{lab} a month the "
        "article expected for 2025, a year earlier. The year 2025 itself consumed over {y} a month, a lower "
        "bound that sits {y_cmp} the expectation. At "
        "{g} growth a month its cash balance of {cash} lasts {now}; with the July placing, **{later}**. With the "
        "convertible bond as well it would last {bond_range}, but the bond is a loan unless holders convert, "
        "which pays them only above the conversion price of {cp}; {bond}.",
        lo=money(low, currency),
        hi=money(high, currency),
        cmp=bracket(low, high, article_burn.value),
        art=money(article_burn.value, currency),
        lab=claim_label(article_burn),
        y=money(burn_2025, currency),
        y_cmp=words.compare(
            burn_2025, article_burn.value, rel_tol=0.05, more="above", less="below", same="about"
        ),
        g=pct(growth * 100),
        cash=money(cash, currency),
        now=runway_range(burns_runway(cash, high, growth), burns_runway(cash, low, growth)),
        later=runway_range(burns_runway(placing, high, growth), burns_runway(placing, low, growth)),
        bond_range=runway_range(
            burns_runway(with_bond, high, growth), burns_runway(with_bond, low, growth)
        ),
        cp=f"HKD {conversion_price:,.2f} a share",
        bond=bond_clause(last_close, conversion_price),
    )


def finding_dilution(
    *,
    zp_counts: tuple[float, float, float],
    zp_group: tuple[float, float],
    mm_counts: tuple[float, float, float],
    mm_other: float,
    mm_votes: tuple[float, float],
    mm_econ: tuple[float, float],
) -> Markdown:
    """What the placings and the bonds' conversion shares do to holders and to MiniMax's weighted votes.

    Counts are (before, after the placings, after the bond converts); ``mm_other`` are MiniMax shares that
    appeared without a placing or bond in our sources, kept apart. ``mm_econ`` is the class B economic
    share (at listing, after everything). Example in the tests.
    """
    z0, z1, z2 = zp_counts
    m0, m1, m2 = mm_counts
    return words.say(
        "Zhipu's two placings add {zp} shares and its convertible bond {zb} if it converts: the count grows "
        "from {z0} to {z2}, a holder's stake is multiplied by {zf}, and the controlling group's {g0} becomes "
        "{g1}. MiniMax's July placing adds {mp} shares and its own bond {mb} (factor {mf}). A further {mo} "
        "shares appear between the July placing and 2026-09-30 that our sources do not explain (option "
        "exercises or share awards are possible, but not stated); they are left out of that factor. The class B "
        "shares' votes {vdir} from {v0} to {v1} over all of it: ten votes a share dilute far less than one. "
        "Their economic share was {e0} at listing, {e_ok} the tenth that rule 8A.12 asks then, and is {e1} "
        "after everything; the other holders keep {other} of the votes, {ok} the tenth that rule 8A.09 requires.",
        zp=count(z1 - z0),
        zb=count(z2 - z1),
        z0=count(z0),
        z2=count(z2),
        zf=f"{z0 / z2:.3f}",
        g0=pct(zp_group[0]),
        g1=pct(zp_group[1]),
        mp=count(m1 - m0),
        mb=count(m2 - m1),
        mf=f"{m0 / m2:.3f}",
        mo=count(mm_other),
        vdir=words.direction(mm_votes[0], mm_votes[1], up="rise", down="fall", same="barely move"),
        v0=pct(mm_votes[0] * 100),
        v1=pct(mm_votes[1] * 100),
        e0=pct(mm_econ[0] * 100),
        e_ok=_choose(mm_econ[0] >= 0.10, "above", "below"),
        e1=pct(mm_econ[1] * 100),
        other=pct((1 - mm_votes[1]) * 100),
        ok=_choose(1 - mm_votes[1] >= 0.10, "above", "below"),
    )


def finding_market(
    *, zp: tuple[float, float, float], mm: tuple[float, float, float], last_day: str, currency: str
) -> Markdown:
    """Peak and last market value against the first close, for both companies (values in millions).

    Example: ``finding_market(zp=(57.9e3, 1.06e6, 380.3e3), mm=(108.2e3, 388.3e3, 105.8e3),
    last_day="2026-09-18", currency="HKD")``
    """
    return words.say(
        "Zhipu's market value went from {z0} at its first close to a peak of **{zp}** and {zdir} to {z2} by "
        "{day}; MiniMax's from {m0} to a peak of **{mp}** and then to {m2}. On {day} Zhipu was worth {x} "
        "MiniMax.",
        z0=money(zp[0], currency),
        zp=money(zp[1], currency),
        z2=money(zp[2], currency),
        zdir=words.direction(zp[1], zp[2], up="rose further", down="fell back", same="held"),
        m0=money(mm[0], currency),
        mp=money(mm[1], currency),
        m2=money(mm[2], currency),
        day=last_day,
        x=times(zp[2] / mm[2]),
    )


def finding_reverse(
    *,
    company: str,
    value: float,
    required: float,
    growth: float,
    ltm_revenue: float,
    past_growth: float | None,
    ev_growth: float,
    net_cash: float,
    years: int,
    multiple: float,
    required_return: float,
    currency: str,
) -> Markdown:
    """The reverse valuation: the revenue the market value needs, the growth that implies, and on enterprise value.

    ``past_growth`` is the LTM-on-LTM growth, None when the data lack the year-earlier LTM.
    Example: ``finding_reverse(company="Zhipu", value=340e3, required=68.4e3, growth=1.15, ltm_revenue=1487.3,
    past_growth=2.24, ev_growth=1.08, net_cash=43.9e3, years=5, multiple=10, required_return=0.15,
    currency="RMB")``
    """
    if past_growth is None:
        past = words.sentence(
            "{co} has no first half of 2024 in our sources, so no twelve-month growth to set it against.",
            co=company,
        )
    else:
        past = words.sentence(
            "That is {cmp} the {pg} its twelve-month revenue grew over the last year.",
            cmp=words.compare(
                growth,
                past_growth,
                rel_tol=0.05,
                more="faster than",
                less="slower than",
                same="about",
            ),
            pg=pct(past_growth * 100),
        )
    return words.say(
        "{co}'s market value of {v} earns {r} a year for {t} only if, by then, revenue is {req} and the market "
        "pays {m} sales for it: {x} its revenue of the last twelve months, or growth of **{g} a year** for {t}. "
        "{past} Taking out its net cash of about {nc} (an enterprise value), the growth needed is {evg} a year.",
        co=company,
        v=money(value, currency),
        r=pct(required_return * 100),
        t=words.plural(years, "year"),
        req=money(required, currency),
        m=times(multiple, 1),
        x=times(required / ltm_revenue, 1),
        g=pct(growth * 100),
        past=words.Markup(past),
        nc=money(net_cash, currency),
        evg=pct(ev_growth * 100),
    )


def finding_claims(
    *, company: str, required: Figure, arr: Figure, forecast: Figure, currency: str
) -> Markdown:
    """The revenue the price needs set beside management ARR and the analysts' forecast, labelled as claims.

    Example: ``finding_claims(company="MiniMax", required=derived(27e3, "USD"), arr=Figure(800, "USD", "IP",
    ("S53",)), forecast=Figure(452, "USD", "IP", ("S53",)), currency="USD")``
    """
    to_arr = ratio(required, arr, allow_claims=True)
    to_fc = ratio(required, forecast, allow_claims=True)
    return words.say(
        "{co}: the revenue the price needs is {x_arr} the latest ARR{lab_arr} and {x_fc} the analysts' "
        "revenue forecast for 2026{lab_fc}.",
        co=company,
        x_arr=times(to_arr.value, 1),
        lab_arr=claim_label(to_arr),
        x_fc=times(to_fc.value, 1),
        lab_fc=claim_label(to_fc),
    )


def questions_table(rows: Sequence[tuple[str, str, str, str]]) -> pd.DataFrame:
    """The article's questions with evidence, verdict and what is missing, as a table.

    Example: ``questions_table([("q", "evidence", verdict(testable=False, holds=False), "missing")])``
    """
    allowed = {"borne out", "not borne out", "not testable", "borne out for 2025, no longer true"}
    for row in rows:
        if row[2] not in allowed:
            raise ValueError(f"verdict must be one of {sorted(allowed)}, got {row[2]!r}")
    return pd.DataFrame(list(rows), columns=["question", "evidence", "verdict", "still missing"])


def takeaways(items: Sequence[str]) -> Markdown:
    """Key takeaways as a Markdown list of sentences already built with :func:`helpers.words.sentence`.

    Example: ``takeaways(["One.", "Two."])``
    """
    if not items:
        raise ValueError("takeaways needs at least one item")
    return words.say("{body}", body=words.Markup("\n".join(f"- {item}" for item in items)))


# --------------------------------------------------------------------------- tables the notebook shows


def rate_note(currencies: Sequence[str], to: str) -> str:
    """The dated rates used to bring ``currencies`` into ``to``, for a footer or a sentence.

    Example: ``rate_note(["RMB", "USD"], "USD")`` gives
    ``'7.04 RMB per USD (dated 2025-12-21), one rate for all periods'``.
    """
    parts = []
    for cur in sorted(set(currencies) - {to}):
        row = rate(cur, to)
        parts.append(
            f"{row['rate']:g} {row['quote']} per {row['base']} (dated {row['date'].date()})"
        )
    if not parts:
        return "no conversion: all in " + to
    return words.listing(parts) + ", one rate for all periods"


#: Sureness from most to least sure; a management or analyst claim ranks last.
SURENESS_ORDER = ("F+", "F", "M", "D", CLAIM)


def sureness_rank(sureness: str, status: str = "reported") -> tuple[int, int]:
    """A sort key: lower is surer; at equal sureness the row marked 'reported' comes first.

    Example: ``sureness_rank("F+") < sureness_rank("M")`` is True.
    """
    if sureness not in SURENESS_ORDER:
        raise ValueError(f"unknown sureness {sureness!r}; expected one of {list(SURENESS_ORDER)}")
    return SURENESS_ORDER.index(sureness), 0 if status == "reported" else 1


_SUREST: dict[tuple[int, str], pd.DataFrame] = {}


def _surest_rows(company: str) -> pd.DataFrame:
    """A company's reported and alternative rows, one per (metric, period, breakdown): the surest (cached)."""
    key = (id(shared_table("facts")), company)
    if key not in _SUREST:
        if len(_SUREST) > 16:
            _SUREST.clear()
        _SUREST[key] = _surest_uncached(company)
    return _SUREST[key]


def _surest_uncached(company: str) -> pd.DataFrame:
    rows = facts_table(status=None, company=company)
    rows = rows[rows["status"].isin(["reported", "alternative"])].copy()
    rows["rank"] = [sureness_rank(s or "M", st) for s, st in zip(rows["sureness"], rows["status"])]
    rows = rows.sort_values("rank", kind="stable")
    return rows.drop_duplicates(["metric", "period_label", "breakdown"]).reset_index(drop=True)


def surest(company: str, metric: str, period: str, breakdown: str = "") -> Fact:
    """The surest row for a key among the reported and alternative rows (F+ before F before M).

    Notebooks 00-05 keep reading :func:`helpers.facts.fact`; notebook 06 reads this.
    Example: ``surest("zhipu", "revenue", "H1 2025").value`` gives 190.877 (F+), not the M row's 190.9.
    """
    rows = _surest_rows(company)
    hit = rows[
        (rows["metric"] == metric)
        & (rows["period_label"] == period)
        & (rows["breakdown"] == breakdown)
    ]
    if hit.empty:
        raise ValueError(
            f"no reported or alternative row for {company}/{metric}/{period}/{breakdown or '-'}"
        )
    fields = {name: hit.iloc[0][name] for name in Fact.__dataclass_fields__}
    return Fact(**(fields | {"value": float(fields["value"])}))


def surest_value(company: str, metric: str, period: str, breakdown: str = "") -> float:
    """Shorthand for ``surest(...).value``. Example: ``surest_value("minimax", "cash_resources_total", "2025-12-31")``
    gives 1050.3 (F+), not the M row's 1050.0.
    """
    return surest(company, metric, period, breakdown).value


def _reported(company: str) -> dict[tuple[str, str, str], float]:
    """A company's figures by (metric, period, breakdown), the surest row of each, read in one pass."""
    rows = _surest_rows(company)
    return {
        (m, p, b): float(v)
        for m, p, b, v in zip(
            rows["metric"], rows["period_label"], rows["breakdown"], rows["value"]
        )
    }


def _amount(
    figures: Mapping[tuple[str, str, str], float], metric: str, period: str
) -> float | None:
    """A reported amount, the midpoint of a low/high range, or None when the data lack it."""
    if (metric, period, "") in figures:
        return figures[metric, period, ""]
    low, high = figures.get((metric, period, "low")), figures.get((metric, period, "high"))
    if low is not None and high is not None:
        return (low + high) / 2
    return None


def _gross_profit(figures: Mapping[tuple[str, str, str], float], period: str) -> float | None:
    """Gross profit, or the gross margin times revenue where only the margin is reported."""
    amount = _amount(figures, "gross_profit", period)
    margin, revenue = _amount(figures, "gross_margin", period), _amount(figures, "revenue", period)
    if amount is None and margin is not None and revenue is not None:
        return margin / 100 * revenue
    return amount


HALVES = ("H1 2025", "H2 2025", "FY2025", "H1 2026")


def per_revenue(
    company: str, metric: str, periods: Sequence[str] = HALVES
) -> dict[str, float | None]:
    """``metric / revenue`` for each period (``gross_profit`` gives the margin in percent).

    H2 2025 is derived: ``(X_FY - X_H1) / (R_FY - R_H1)``. A range (low, high) counts at its midpoint;
    a period the data lack gives None. Example: ``per_revenue("zhipu", "rd_expense")["H1 2026"]`` is about 2.23.
    """
    figures = _reported(company)

    def amount(period: str) -> float | None:
        if metric == "gross_profit":
            return _gross_profit(figures, period)
        return _amount(figures, metric, period)

    out: dict[str, float | None] = {}
    for period in periods:
        if period.startswith("H2 "):
            year = period[3:]
            fy, h1 = amount(f"FY{year}"), amount(f"H1 {year}")
            r_fy, r_h1 = (
                _amount(figures, "revenue", f"FY{year}"),
                _amount(figures, "revenue", f"H1 {year}"),
            )
            top = None if fy is None or h1 is None else fy - h1
            bottom = None if r_fy is None or r_h1 is None else r_fy - r_h1
        else:
            top, bottom = amount(period), _amount(figures, "revenue", period)
        if top is None or bottom is None or bottom <= 0:
            out[period] = None
        else:
            out[period] = top / bottom * (100 if metric == "gross_profit" else 1)
    return out


def article_questions(
    *,
    onprem_share_fy: float,
    onprem_share_ltm: float,
    onprem_revenue: tuple[float, float],
    adj_loss: tuple[float, float],
    loss_multiple: tuple[float, float],
    ai_native: tuple[float, float],
    user_counts_since_listing: int,
    article_burn: Figure,
    burn_2025: float,
    burns_now: tuple[float, float],
    cash_burn_now: float,
    currency: tuple[str, str],
) -> pd.DataFrame:
    """The article's four questions, each with the evidence, a verdict and what is still missing.

    Shares in percent (FY2025, twelve months to June 2026); other pairs run from H1 2025 to H1 2026;
    ``cash_burn_now`` is the burn measured in cash (the balance used); ``currency`` is (Zhipu's, MiniMax's).
    Example in the tests.
    """
    zc, mc = currency
    rows = [
        (
            "Zhipu: an enterprise, on-premise business?",
            words.sentence(
                "On-premise share {a} of 2025, {b} of the twelve months to June 2026; on-premise "
                "revenue {d2} from {c} to {e} (first halves).",
                a=pct(onprem_share_fy),
                b=pct(onprem_share_ltm),
                d2=words.direction(*onprem_revenue),
                c=money(onprem_revenue[0], zc),
                e=money(onprem_revenue[1], zc),
            ),
            verdict(testable=True, holds=onprem_share_ltm > 50, held_before=onprem_share_fy > 50),
            "Who the cloud (API) customers are: enterprises or individual developers.",
        ),
        (
            "Zhipu: a path to profit?",
            words.sentence(
                "Adjusted loss {d} from {a} to {b}, though per unit of revenue it {d2} from {c} to {e}.",
                d=words.direction(*adj_loss),
                a=money(adj_loss[0], zc),
                b=money(adj_loss[1], zc),
                d2=words.direction(*loss_multiple),
                c=times(loss_multiple[0]),
                e=times(loss_multiple[1]),
            ),
            verdict(testable=True, holds=adj_loss[1] < adj_loss[0]),
            "A profit forecast from the company; cash flow by segment.",
        ),
        (
            "MiniMax: sticky consumer apps?",
            words.sentence(
                "AI-native revenue {d} from {a} to {b}; user counts disclosed since listing: {n}.",
                d=words.direction(*ai_native),
                a=money(ai_native[0], mc),
                b=money(ai_native[1], mc),
                n=str(user_counts_since_listing),
            ),
            verdict(testable=user_counts_since_listing > 0, holds=ai_native[1] > ai_native[0]),
            "Monthly active and paying users, revenue by product (Talkie, Hailuo).",
        ),
        (
            "MiniMax: a flat burn, as the article assumed?",
            words.sentence(
                "The article expected {a}{lab} a month for 2025; 2025 consumed over {y} a month (a "
                "lower bound, {ycmp} it); in H1 2026 the cash balance used {c} a month (the accounting "
                "losses: {b} to {d}).",
                a=money(article_burn.value, mc),
                lab=claim_label(article_burn),
                y=money(burn_2025, mc),
                ycmp=words.compare(
                    burn_2025,
                    article_burn.value,
                    rel_tol=0.05,
                    more="above",
                    less="below",
                    same="about",
                ),
                c=money(cash_burn_now, mc),
                b=money(min(burns_now), mc),
                d=money(max(burns_now), mc),
            ),
            verdict(testable=True, holds=cash_burn_now <= article_burn.value),
            "An operating cash flow statement in our sources.",
        ),
    ]
    return questions_table(rows)


def key_takeaways(
    *,
    h2_share: float,
    next_h1_multiple: float,
    zp_cloud: tuple[float, float],
    mm_open: tuple[float, float],
    zp_growth: float,
    mm_growth: float,
    zp_runway: float,
    zp_runway_placings: float,
    zp_runway_trend: tuple[float, float],
    zp_factor: tuple[float, float],
    ps: tuple[float, float],
    implied: tuple[float, float],
    years: int,
) -> Markdown:
    """The notebook's takeaways, each sentence filled from computed numbers.

    Example: ``key_takeaways(h2_share=73.6, next_h1_multiple=1.32, zp_cloud=(15.2, 86.5), mm_open=(30.3, 63.4),
    zp_growth=399.7, mm_growth=283.1, zp_runway=7.1, zp_runway_placings=81.9, zp_runway_trend=(0.081, 25.7),
    zp_factor=(0.914, 0.867), ps=(228.6, 82.2), implied=(1.15, 1.78), years=5)``

    ``zp_runway_trend`` is (the burn's monthly growth over the last year, the runway at it);
    ``zp_factor`` is the stake factor (after the placings, if the bond converts too).
    """
    items = [
        words.sentence(
            "Zhipu's 2025 was back-loaded again ({s} of revenue in the second half), so its 2025 "
            "half-year run-rate understated the year; but the first half of 2026 alone was {x} all of "
            "2025, {verdict}: compare full years or twelve-month totals, and test the season again "
            "each year.",
            s=pct(h2_share),
            x=times(next_h1_multiple),
            verdict=_choose(
                next_h1_multiple > 1,
                "so the pattern may not hold for 2026",
                "so the pattern may still hold for 2026",
            ),
        ),
        words.sentence(
            "The contrast of the article faded: Zhipu's cloud share went from {a} to {b}, MiniMax's "
            "open-platform share from {c} to {d} (first halves).",
            a=pct(zp_cloud[0]),
            b=pct(zp_cloud[1]),
            c=pct(mm_open[0]),
            d=pct(mm_open[1]),
        ),
        words.sentence(
            "On like halves Zhipu grew {a} and MiniMax {b}.", a=pct(zp_growth), b=pct(mm_growth)
        ),
        words.sentence(
            "Zhipu's cash of mid-2026 would {a} at its first-half outflow; the two placings make it {b} "
            "at your burn growth, an upper bound (gross cash, the September placing gross, the operating "
            "outflow); if the burn kept rising as over the last year ({tg} a month) it would {c}. The "
            "convertible bond, a loan due in 2027 unless it converts, is left out.",
            a=lasts(zp_runway),
            b=lasts(zp_runway_placings),
            tg=pct(zp_runway_trend[0] * 100),
            c=lasts(zp_runway_trend[1]),
        ),
        words.sentence(
            "The placings multiply a Zhipu holder's stake by {f}; {g} if the bond converts.",
            f=f"{zp_factor[0]:.3f}",
            g=f"{zp_factor[1]:.3f}",
        ),
        words.sentence(
            "At the last close the market paid {a} (Zhipu) and {b} (MiniMax) their last twelve months' "
            "revenue; with your parameters that needs growth of {c} and {d} a year for {t}.",
            a=times(ps[0], 0),
            b=times(ps[1], 0),
            c=pct(implied[0] * 100),
            d=pct(implied[1] * 100),
            t=words.plural(years, "year"),
        ),
    ]
    return takeaways(items)
