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
from helpers.data import load_prices
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
        raise ValueError(f"ratio needs one currency, got {numerator.currency!r} and {denominator.currency!r}")
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
    if full_year.period_label[2:] != first_half.period_label[3:] or not full_year.period_label.startswith("FY"):
        raise ValueError(
            f"need FYyyyy and H1 yyyy of the same year, got {full_year.period_label!r} and {first_half.period_label!r}"
        )
    if not first_half.period_label.startswith("H1 "):
        raise ValueError(f"need a first half (H1 yyyy), got {first_half.period_label!r}")
    if (full_year.unit, full_year.currency) != (first_half.unit, first_half.currency):
        raise ValueError(f"{full_year.fact_id} and {first_half.fact_id} are in different units or currencies")


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
        raise ValueError(f"{full_year.fact_id}: the full year must be positive, got {full_year.value!r}")
    return second_half(full_year, first_half) / full_year.value * 100


def run_rate_multiple(full_year: Fact, first_half: Fact) -> float:
    """The full year over twice the first half (1 for an even year). Example: about 1.90 for Zhipu 2025."""
    _half_pair(full_year, first_half)
    if first_half.value <= 0:
        raise ValueError(f"{first_half.fact_id}: the first half must be positive, got {first_half.value!r}")
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
        raise ValueError(f"no share count dated on or before {when.date()}; the first is {dated[0][0].date()}")
    return known[-1]


def market_value_path(company: str, counts: Mapping[str, float]) -> pd.DataFrame:
    """Each close in ``data/prices.csv`` with the share count in force and the market value (millions).

    Example: ``market_value_path("zhipu", {"2026-01-08": 440_230_190}).market_value.iloc[0]``
    """
    prices = load_prices()
    rows = prices[prices["company"] == company][["date", "close", "currency"]].reset_index(drop=True)
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


def required_revenue(market_value: float, exit_multiple: float, years: float, required_return: float) -> float:
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


def verdict(*, testable: bool, holds: bool) -> str:
    """The verdict on a claim a year on: 'not testable', 'borne out' or 'not borne out'.

    Example: ``verdict(testable=False, holds=True)`` gives ``'not testable'``.
    """
    if not testable:
        return "not testable"
    return _choose(holds, "borne out", "not borne out")


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


def burns_runway(cash: float, burn: float, growth: float) -> float:
    """:func:`helpers.runway.runway_months` with a growing burn. Example: ``burns_runway(100, 10, 0.0)`` is 10."""
    return runway_months(cash, burn, burn_growth_per_month=growth)


# --------------------------------------------------------------------------- findings


def finding_seasonality(
    *, fy: float, run_rate: float, ltm_prior: float, h2_share: float, h2_share_prior: float,
    next_h1: float, currency: str,
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
        fy=money(fy, currency), x_run=times(fy / run_rate), run=money(run_rate, currency),
        x_ltm=times(fy / ltm_prior), ltm=money(ltm_prior, currency), share=pct(h2_share),
        cmp=words.compare(h2_share, h2_share_prior, abs_tol=1.0, more="more than", less="less than",
                          same="about the same as"),
        prior=pct(h2_share_prior), conf=_choose(h2_share > 50, "confirmed", "not confirmed"),
        h1=money(next_h1, currency), x_h1=times(next_h1 / fy),
        need=money(next_h1 * h2_share / (100 - h2_share), currency),
    )


def finding_convergence(*, zp: tuple[float, float], mm: tuple[float, float], periods: tuple[str, str]) -> Markdown:
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
        p0=periods[0], p1=periods[1], zdir=words.direction(zp[0], zp[1]), z0=pct(zp[0]), z1=pct(zp[1]),
        mdir=words.direction(mm[0], mm[1]), m0=pct(mm[0]), m1=pct(mm[1]),
        g0=f"{abs(gap0):.1f}", side0=words.sign(gap0, positive="above", negative="below", zero="level with"),
        g1=f"{abs(gap1):.1f}", side1=words.sign(gap1, positive="above", negative="below", zero="level with"),
        both=_choose(both, "Both now earn most of their revenue by selling model access to other businesses "
                          "and developers.", "They do not yet both earn most of their revenue from model access."),
    )


def finding_growth(
    *, zp_growth: float, mm_growth: float, zp_ltm: float, mm_ltm: float, currency: str, rate_note: str,
) -> Markdown:
    """Growth on like halves and the LTM to June 2026 in one currency.

    Example: ``finding_growth(zp_growth=399.7, mm_growth=283.1, zp_ltm=211.3, mm_ltm=165.2, currency="USD",
    rate_note="7.04 RMB per USD")``
    """
    return words.say(
        "On like halves (H1 2026 against H1 2025) Zhipu's revenue grew {zg} and MiniMax's {mg}: Zhipu grew "
        "{faster}. Over the twelve months to June 2026 Zhipu took in **{zl}** and MiniMax **{ml}**, so Zhipu's "
        "revenue was {x} MiniMax's ({rate}).",
        zg=pct(zp_growth), mg=pct(mm_growth),
        faster=words.compare(zp_growth, mm_growth, abs_tol=1.0, more="faster", less="more slowly",
                             same="at about the same pace"),
        zl=money(zp_ltm, currency), ml=money(mm_ltm, currency), x=times(zp_ltm / mm_ltm), rate=rate_note,
    )


def finding_margins(*, company: str, rd: tuple[float, float], loss: tuple[float, float],
                    gm: tuple[float, float]) -> Markdown:
    """R&D and adjusted loss as multiples of revenue, and the gross margin, from one half to a later one.

    Example: ``finding_margins(company="Zhipu", rd=(8.35, 2.23), loss=(9.18, 2.06), gm=(50.0, 26.4))``
    """
    return words.say(
        "{co}: R&D {rdir} from {r0} to {r1} revenue and the adjusted loss from {l0} to {l1}, while the gross "
        "margin {gdir} from {g0} to {g1} ({pp} percentage points).",
        co=company, rdir=words.direction(rd[0], rd[1]), r0=times(rd[0]), r1=times(rd[1]),
        l0=times(loss[0]), l1=times(loss[1]), gdir=words.direction(gm[0], gm[1]), g0=pct(gm[0]), g1=pct(gm[1]),
        pp=f"{gm[1] - gm[0]:+.1f}",
    )


def finding_zhipu_runway(
    *, burn_2025: float, burn_2026: float, before: float, after: float, fcf_before: float, fcf_after: float,
    growth: float, currency: str,
) -> Markdown:
    """Zhipu's runway at 2026-06-30 before and after the money raised later, on two burns.

    Example: ``finding_zhipu_runway(burn_2025=187.2, burn_2026=562.3, before=7.1, after=119.7, fcf_before=6.4,
    fcf_after=107.3, growth=0.0, currency="RMB")``
    """
    return words.say(
        "Zhipu's operating outflow was {b26} a month in the first half of 2026, {x} the {b25} of 2025. At that "
        "pace, with the burn growing {g} a month, the cash and bank balances of 2026-06-30 **{r0}**; with "
        "the two placings and the convertible bond they **{r1}**. On free cash flow, which also counts capital "
        "spending, they would {f0} before the placings and {f1} after them: the operating-outflow runways "
        "are the upper bounds.",
        b26=money(burn_2026, currency), x=times(burn_2026 / burn_2025), b25=money(burn_2025, currency),
        g=pct(growth * 100), r0=lasts(before), r1=lasts(after), f0=lasts(fcf_before), f1=lasts(fcf_after),
    )


def finding_minimax_runway(
    *, burns: Mapping[str, float], article_burn: float, cash: float, after: float, growth: float, currency: str,
) -> Markdown:
    """MiniMax's runway at 2026-06-30 on the burns its disclosures allow, against the article's burn.

    Example: ``finding_minimax_runway(burns={"adjusted loss": 48.8}, article_burn=27.9, cash=1322.8,
    after=3366.8, growth=0.0, currency="USD")``
    """
    low, high = min(burns.values()), max(burns.values())
    return words.say(
        "MiniMax publishes no operating cash flow in our sources, so its burn can only be bracketed: from {lo} "
        "to {hi} a month on the definitions below, {cmp} the {art} a month the article expected for 2025. At "
        "{g} growth a month its cash balance of {cash} lasts {now}; adding the July placing and the bond, "
        "{later}.",
        lo=money(low, currency), hi=money(high, currency), cmp=bracket(low, high, article_burn),
        art=money(article_burn, currency), g=pct(growth * 100), cash=money(cash, currency),
        now=runway_range(burns_runway(cash, high, growth), burns_runway(cash, low, growth)),
        later=runway_range(burns_runway(after, high, growth), burns_runway(after, low, growth)),
    )


def finding_dilution(
    *, zp_counts: tuple[float, float], zp_group: tuple[float, float], mm_counts: tuple[float, float],
    mm_votes: tuple[float, float], mm_econ: float,
) -> Markdown:
    """What the placings and the bonds' conversion shares do to holders and to MiniMax's weighted votes.

    Example: ``finding_dilution(zp_counts=(445.8e6, 514.0e6), zp_group=(29.84, 25.89), mm_counts=(313.6e6,
    371.9e6), mm_votes=(0.756, 0.734), mm_econ=0.218)``
    """
    zp_factor = zp_counts[0] / zp_counts[1]
    mm_factor = mm_counts[0] / mm_counts[1]
    return words.say(
        "If both bonds convert, Zhipu's share count grows from {z0} to {z1} shares: a holder's stake is "
        "multiplied by {zf}, and the controlling group's {g0} becomes {g1}. MiniMax's count grows from {m0} to "
        "{m1} (factor {mf}), but the class B shares' votes only {vdir} from {v0} to {v1}: ten votes a share "
        "dilute far less than one. Their economic share of {e} {econ_ok} the tenth that rule 8A.12 asks at "
        "listing, and the other holders keep {other} of the votes, {ok} the tenth that rule 8A.09 requires.",
        z0=count(zp_counts[0]), z1=count(zp_counts[1]), zf=f"{zp_factor:.3f}", g0=pct(zp_group[0]),
        g1=pct(zp_group[1]), m0=count(mm_counts[0]), m1=count(mm_counts[1]), mf=f"{mm_factor:.3f}",
        vdir=words.direction(mm_votes[0], mm_votes[1], up="rise", down="fall", same="barely move"),
        econ_ok=_choose(mm_econ >= 0.10, "is above", "is below"),
        v0=pct(mm_votes[0] * 100), v1=pct(mm_votes[1] * 100), e=pct(mm_econ * 100),
        other=pct((1 - mm_votes[1]) * 100), ok=_choose(1 - mm_votes[1] >= 0.10, "above", "below"),
    )


def finding_market(*, zp: tuple[float, float, float], mm: tuple[float, float, float], last_day: str,
                   currency: str) -> Markdown:
    """Peak and last market value against the first close, for both companies (values in millions).

    Example: ``finding_market(zp=(57.9e3, 1.06e6, 380.3e3), mm=(108.2e3, 388.3e3, 105.8e3),
    last_day="2026-09-18", currency="HKD")``
    """
    return words.say(
        "Zhipu's market value went from {z0} at its first close to a peak of **{zp}** and {zdir} to {z2} by "
        "{day}; MiniMax's from {m0} to a peak of **{mp}** and then to {m2}. On {day} Zhipu was worth {x} "
        "MiniMax.",
        z0=money(zp[0], currency), zp=money(zp[1], currency), z2=money(zp[2], currency),
        zdir=words.direction(zp[1], zp[2], up="rose further", down="fell back", same="held"),
        m0=money(mm[0], currency), mp=money(mm[1], currency), m2=money(mm[2], currency), day=last_day,
        x=times(zp[2] / mm[2]),
    )


def finding_reverse(
    *, company: str, value: float, required: float, growth: float, ltm_revenue: float, past_growth: float,
    years: int, multiple: float, required_return: float, currency: str,
) -> Markdown:
    """The reverse valuation: the revenue the market value needs and the growth that implies.

    Example: ``finding_reverse(company="Zhipu", value=340e3, required=68.4e3, growth=1.15, ltm_revenue=1487.3,
    past_growth=3.997, years=5, multiple=10, required_return=0.15, currency="RMB")``
    """
    return words.say(
        "{co}'s market value of {v} earns {r} a year for {t} only if, by then, revenue is {req} and the market "
        "pays {m} sales for it: {x} its revenue of the last twelve months, or growth of **{g} a year** for {t}, "
        "{cmp} the {pg} it grew over the last year on like halves.",
        co=company, v=money(value, currency), r=pct(required_return * 100), t=words.plural(years, "year"),
        req=money(required, currency), m=times(multiple, 1), x=times(required / ltm_revenue, 1),
        g=pct(growth * 100), cmp=words.compare(growth, past_growth, rel_tol=0.05, more="faster than",
                                               less="slower than", same="about"),
        pg=pct(past_growth * 100),
    )


def finding_claims(*, company: str, required: Figure, arr: Figure, forecast: Figure, currency: str) -> Markdown:
    """The revenue the price needs set beside management ARR and the analysts' forecast, labelled as claims.

    Example: ``finding_claims(company="MiniMax", required=derived(27e3, "USD"), arr=Figure(800, "USD", "IP",
    ("S53",)), forecast=Figure(452, "USD", "IP", ("S53",)), currency="USD")``
    """
    to_arr = ratio(required, arr, allow_claims=True)
    to_fc = ratio(required, forecast, allow_claims=True)
    return words.say(
        "{co}: the revenue the price needs is {x_arr} the latest ARR{lab_arr} and {x_fc} the analysts' "
        "revenue forecast for 2026{lab_fc}.",
        co=company, x_arr=times(to_arr.value, 1), lab_arr=claim_label(to_arr), x_fc=times(to_fc.value, 1),
        lab_fc=claim_label(to_fc),
    )


def questions_table(rows: Sequence[tuple[str, str, str, str]]) -> pd.DataFrame:
    """The article's questions with evidence, verdict and what is missing, as a table.

    Example: ``questions_table([("q", "evidence", verdict(testable=False, holds=False), "missing")])``
    """
    allowed = {"borne out", "not borne out", "not testable"}
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
        parts.append(f"{row['rate']:g} {row['quote']} per {row['base']} (dated {row['date'].date()})")
    if not parts:
        return "no conversion: all in " + to
    return words.listing(parts) + ", one rate for all periods"


def _reported(company: str) -> dict[tuple[str, str, str], float]:
    """A company's reported figures by (metric, period, breakdown), read from the data in one pass."""
    rows = facts_table(company=company)
    return {(m, p, b): float(v) for m, p, b, v in
            zip(rows["metric"], rows["period_label"], rows["breakdown"], rows["value"])}


def _amount(figures: Mapping[tuple[str, str, str], float], metric: str, period: str) -> float | None:
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


def per_revenue(company: str, metric: str, periods: Sequence[str] = HALVES) -> dict[str, float | None]:
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
            r_fy, r_h1 = _amount(figures, "revenue", f"FY{year}"), _amount(figures, "revenue", f"H1 {year}")
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
    *, onprem_share: tuple[float, float], onprem_revenue: tuple[float, float], adj_loss: tuple[float, float],
    loss_multiple: tuple[float, float], ai_native: tuple[float, float], user_counts_since_listing: int,
    article_burn: float, burn_2025: float, burns_now: tuple[float, float], currency: tuple[str, str],
) -> pd.DataFrame:
    """The article's four questions, each with the evidence, a verdict and what is still missing.

    Pairs run from H1 2025 to H1 2026; ``currency`` is (Zhipu's, MiniMax's). Example in the tests.
    """
    zc, mc = currency
    rows = [
        ("Zhipu: an enterprise, on-premise business?",
         words.sentence("On-premise share {d} from {a} to {b}; on-premise revenue {d2} from {c} to {e}.",
                        d=words.direction(*onprem_share), a=pct(onprem_share[0]), b=pct(onprem_share[1]),
                        d2=words.direction(*onprem_revenue), c=money(onprem_revenue[0], zc),
                        e=money(onprem_revenue[1], zc)),
         verdict(testable=True, holds=onprem_share[1] > 50),
         "Who the cloud (API) customers are: enterprises or individual developers."),
        ("Zhipu: a path to profit?",
         words.sentence("Adjusted loss {d} from {a} to {b}, though per unit of revenue it {d2} from {c} to {e}.",
                        d=words.direction(*adj_loss), a=money(adj_loss[0], zc), b=money(adj_loss[1], zc),
                        d2=words.direction(*loss_multiple), c=times(loss_multiple[0]), e=times(loss_multiple[1])),
         verdict(testable=True, holds=adj_loss[1] < adj_loss[0]),
         "A profit forecast from the company; cash flow by segment."),
        ("MiniMax: sticky consumer apps?",
         words.sentence("AI-native revenue {d} from {a} to {b}; user counts disclosed since listing: {n}.",
                        d=words.direction(*ai_native), a=money(ai_native[0], mc), b=money(ai_native[1], mc),
                        n=str(user_counts_since_listing)),
         verdict(testable=user_counts_since_listing > 0, holds=ai_native[1] > ai_native[0]),
         "Monthly active and paying users, revenue by product (Talkie, Hailuo)."),
        ("MiniMax: a flat burn, as the article assumed?",
         words.sentence("The article expected {a} a month for 2025; the year's consumption was over {y} a month; "
                        "in H1 2026 the burns the disclosures allow run from {b} to {c}.",
                        a=money(article_burn, mc), y=money(burn_2025, mc), b=money(min(burns_now), mc),
                        c=money(max(burns_now), mc)),
         verdict(testable=True, holds=min(burns_now) <= article_burn),
         "An operating cash flow statement in our sources."),
    ]
    return questions_table(rows)


def key_takeaways(
    *, h2_share: float, zp_cloud: tuple[float, float], mm_open: tuple[float, float], zp_growth: float,
    mm_growth: float, zp_runway: float, zp_runway_after: float, zp_factor: float, ps: tuple[float, float],
    implied: tuple[float, float], years: int,
) -> Markdown:
    """The notebook's takeaways, each sentence filled from computed numbers.

    Example: ``key_takeaways(h2_share=73.6, zp_cloud=(15.2, 86.5), mm_open=(30.3, 63.4), zp_growth=399.7,
    mm_growth=283.1, zp_runway=7.1, zp_runway_after=120.0, zp_factor=0.867, ps=(228.6, 82.2),
    implied=(1.15, 1.78), years=5)``
    """
    items = [
        words.sentence("Zhipu's 2025 was back-loaded again ({s} of revenue in the second half), so half-year "
                       "run-rates understate it; compare full years or twelve-month totals.", s=pct(h2_share)),
        words.sentence("The contrast of the article faded: Zhipu's cloud share went from {a} to {b}, MiniMax's "
                       "open-platform share from {c} to {d} (first halves).", a=pct(zp_cloud[0]),
                       b=pct(zp_cloud[1]), c=pct(mm_open[0]), d=pct(mm_open[1])),
        words.sentence("On like halves Zhipu grew {a} and MiniMax {b}.", a=pct(zp_growth), b=pct(mm_growth)),
        words.sentence("Zhipu's cash of mid-2026 would {a} at its first-half outflow; the money raised afterwards "
                       "makes it {b}, part of it a bond due in 2027.", a=lasts(zp_runway), b=lasts(zp_runway_after)),
        words.sentence("Placings and the bond multiply a Zhipu holder's stake by {f}.", f=f"{zp_factor:.3f}"),
        words.sentence("At the last close the market paid {a} (Zhipu) and {b} (MiniMax) their last twelve months' "
                       "revenue; with your parameters that needs growth of {c} and {d} a year for {t}.",
                       a=times(ps[0], 0), b=times(ps[1], 0), c=pct(implied[0] * 100), d=pct(implied[1] * 100),
                       t=words.plural(years, "year")),
    ]
    return takeaways(items)
