"""Control questions that :mod:`helpers.ownership` does not answer on its own, and notebook 04's finding layer.

The second half (from :data:`HOLDERS` on) holds notebook 04's parameters, tables, charts and findings: every
sentence the notebook shows with a computed number is one call here, its verdict words from :mod:`helpers.words`.

Same conventions as :mod:`helpers.ownership`: shares are fractions in [0, 1]
(not percent), a WVR share carries ``v`` votes and every other share one vote,
and issue sizes are fractions of the share count *before* the issue.

Example:
    >>> round(min_votes_per_wvr_share(0.2235, 0.5921), 2)
    5.04
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import cast

import pandas as pd
from IPython.display import Markdown
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from helpers import ownership, plotting
from helpers.checks import fraction, real
from helpers.facts import Fact, fact, sources_for
from helpers.formatting import money, pct, times
from helpers.params import Choice, Number
from helpers.periods import convert, rate
from helpers.words import choose, compare, direction, listing, say

__all__ = [
    "BASES",
    "HOLDERS",
    "PARAMETERS",
    "REMAINDER",
    "RuleTest",
    "CONTROL_LINE_TOLERANCE",
    "base_gap_finding",
    "basis_finding",
    "cap_chart",
    "cap_table",
    "concert_count_finding",
    "concert_finding",
    "count_finding",
    "dilution_chart",
    "founder_chart",
    "founder_finding",
    "fraction_of",
    "holders_after",
    "listing_finding",
    "listing_tests",
    "majority_finding",
    "minimax_holders",
    "oa_finding",
    "pc",
    "rules",
    "rate_text",
    "rates_note",
    "line_verdict",
    "matching_share_count",
    "rounding_half_unit",
    "reported_count",
    "rules_finding",
    "sole_holder_premise",
    "stake_chart",
    "stakes_table",
    "step_up_finding",
    "takeaways",
    "tests_table",
    "votes_assumed",
    "votes_exercise",
    "implied_share_count",
    "issue_size_for_economic_below",
    "min_economic_for_voting",
    "min_votes_per_wvr_share",
    "non_wvr_voting_share",
    "with_remainder",
    "wvr_count_finding",
]


#: Key under which :func:`with_remainder` puts everything the named holders do not own.
REMAINDER = "all other holders"


def with_remainder(shares: Mapping[str, float], name: str = REMAINDER) -> dict[str, float]:
    """The named holders plus one row for the rest, so that the shares sum to exactly 1.

    Example: ``with_remainder({"a": 0.25, "b": 0.5})`` -> ``{"a": 0.25, "b": 0.5, "all other holders": 0.25}``.

    >>> with_remainder({"a": 0.25, "b": 0.5})
    {'a': 0.25, 'b': 0.5, 'all other holders': 0.25}
    """
    if name in shares:
        raise ValueError(f"shares must not already contain the key {name!r}, got {dict(shares)!r}")
    checked = {holder: fraction(f"shares[{holder!r}]", s) for holder, s in shares.items()}
    total = math.fsum(checked.values())
    if total > 1 + 1e-9:
        raise ValueError(f"shares must sum to <= 1, got a sum of {total!r} from {dict(shares)!r}")
    checked[name] = max(1 - total, 0.0)
    return checked


def non_wvr_voting_share(
    wvr_fraction: float, votes_per_wvr_share: float = 10.0, new_shares_fraction: float = 0.0
) -> float:
    """Share of all votes carried by one-vote (non-WVR) shares, whoever holds them.

    With ``x`` of the pre-issue shares as WVR shares and ``n`` new one-vote
    shares: ``(1 - x + n) / (1 + (v - 1) x + n)``.

    >>> round(non_wvr_voting_share(0.1), 4)
    0.4737
    """
    x = fraction("wvr_fraction", wvr_fraction)
    v = real("votes_per_wvr_share", votes_per_wvr_share, minimum=1)
    n = real("new_shares_fraction", new_shares_fraction)
    if n < 0:
        raise ValueError(f"new_shares_fraction must be >= 0, got {new_shares_fraction!r}")
    return (1 - x + n) / (1 + (v - 1) * x + n)


def min_votes_per_wvr_share(economic: float, voting: float) -> float:
    """Fewest votes per WVR share that can turn ``economic`` into ``voting`` (all his shares WVR).

    Solves ``v e / (1 + (v - 1) e) = voting`` for ``v``; below it no split of
    his shares reaches ``voting``. Returns 1.0 if ``voting <= economic``.

    >>> round(min_votes_per_wvr_share(0.2, 0.5), 4)
    4.0
    """
    e = fraction("economic", economic)
    vt = fraction("voting", voting)
    if e == 0:
        raise ValueError(f"economic must be > 0 to carry any votes, got {economic!r}")
    if vt == 1:
        raise ValueError(
            f"voting must be < 1 (all votes need other holders to own nothing), got {voting!r}"
        )
    if vt <= e:
        return 1.0
    return 1 + (vt - e) / (e * (1 - vt))


def min_economic_for_voting(voting: float, votes_per_wvr_share: float = 10.0) -> float:
    """Smallest economic share that gives ``voting`` of the votes if every one of his shares is a WVR share.

    Solves ``v e / (1 + (v - 1) e) = voting``: ``e = voting / (v - voting (v - 1))``.

    >>> round(min_economic_for_voting(0.5, 10), 4)
    0.0909
    """
    vt = fraction("voting", voting)
    v = real("votes_per_wvr_share", votes_per_wvr_share, minimum=1)
    return vt / (v - vt * (v - 1))


def issue_size_for_economic_below(economic: float, threshold: float) -> float:
    """New-share fraction ``n`` at which an economic share ``e`` falls to ``threshold``: ``e / threshold - 1``.

    Returns 0.0 if he is already at or below ``threshold``; raises if ``threshold`` is 0.

    >>> round(issue_size_for_economic_below(0.2235, 0.10), 4)
    1.235
    """
    e = fraction("economic", economic)
    t = fraction("threshold", threshold)
    if t == 0:
        raise ValueError(
            f"threshold must be > 0 (no finite issue takes a holder to zero), got {threshold!r}"
        )
    return max(e / t - 1, 0.0)


def implied_share_count(market_cap: float, price: float) -> float:
    """Shares implied by a market capitalisation and a share price: ``market_cap / price``.

    Units follow the inputs: HKD million over HKD per share gives million shares.

    >>> implied_share_count(51100, 116.2) > 439
    True
    """
    m = real("market_cap", market_cap)
    p = real("price", price)
    if m < 0:
        raise ValueError(f"market_cap must be >= 0, got {market_cap!r}")
    if p <= 0:
        raise ValueError(f"price must be > 0, got {price!r}")
    return m / p


# --------------------------------------------------------------------------- notebook 04: data, tables, findings

#: MiniMax's named holders before the IPO, as the data key them, with the names the notebook prints.
HOLDERS: dict[str, str] = {
    "alisoft_china": "Alisoft China (Alibaba)",
    "mihoyo": "miHoYo",
    "idg": "IDG",
    "tencent": "Tencent",
    "yan_junjie": "Yan Junjie (founder)",
}

#: The two bases for MiniMax's share count after listing: the offer's own new shares (the one that
#: matches the shares the offer sold), or the new shares Alisoft China's reported stakes imply.
BASES: dict[str, str] = {
    "offer_shares": "the offer's new shares",
    "alisoft_reported": "Alisoft China's reported stakes",
}

#: Notebook 04's parameters: the notebook checks its parameters cell against these first thing.
PARAMETERS: dict[str, Choice | Number] = {
    "wvr_votes_per_share": Number(low=6, high=10, none_ok=True, edges=(8,)),
    "majority_share_of_votes": Number(low=0.5, high=0.55),
    "minimax_market_cap_case": Choice(("low", "high")),
    "post_ipo_basis": Choice(tuple(BASES)),
    "value_currency": Choice(("USD", "HKD", "RMB")),
    "dilution_chart_max_new_shares_pct": Number(low=40, high=150),
    "exercise_votes_per_wvr_share": Number(low=11, high=50),
}


def pc(share: float, digits: int = 2) -> str:
    """A fraction written as a percentage. Example: ``pc(0.2235)`` gives ``'22.35%'``.

    >>> pc(0.2235)
    '22.35%'
    """
    return pct(100 * share, digits)


def _hedged(qualifier: str, text: str) -> str:
    """``text`` with the source's hedge in front, if it has one: ``_hedged("about", "3.19x")``."""
    return f"{qualifier} {text}" if qualifier else text


def _bn(value_million: float, currency: str) -> str:
    """An amount in millions written in billions with two decimals: ``_bn(50400, "HKD")``."""
    return money(value_million, currency, 2, scale="billion")


def fraction_of(item: Fact) -> float:
    """A percent figure from data/ as a fraction in [0, 1]; raises if it is not in percent.

    >>> fraction_of(fact("minimax", "shareholding", "pre-IPO", "yan_junjie"))
    0.2235
    """
    if item.unit != "percent":
        raise ValueError(f"{item.fact_id} is in {item.unit!r}, not percent")
    return fraction(item.fact_id, item.value / 100)


def rounding_unit(value: float) -> float:
    """The place a whole figure was rounded to, from its trailing zeros: 57,900 gives 100.

    >>> rounding_unit(57900), rounding_unit(4818), rounding_unit(116.2)
    (100, 1, 1)
    """
    if value != int(value) or value == 0:
        return 1
    unit, number = 1, int(abs(value))
    while number % 10 == 0:
        unit, number = unit * 10, number // 10
    return unit


def rounding_half_unit(value: float) -> float:
    """Half the place a reported figure was rounded to: 6.4 gives 0.05, 7.05 gives 0.005, 57,900 gives 50.

    >>> rounding_half_unit(6.4), rounding_half_unit(7.05), rounding_half_unit(57900)
    (0.05, 0.005, 50.0)
    """
    if value == int(value):
        return rounding_unit(value) / 2
    places = -int(Decimal(repr(value)).as_tuple().exponent)
    return round(0.5 * 10.0**-places, places + 1)


def votes_assumed(votes_per_wvr_share: float | None) -> float:
    """The votes per WVR share to assume: the reader's value, or the 8A.10 cap from data/ when None.

    >>> votes_assumed(None), votes_assumed(8)
    (10.0, 8.0)
    """
    if votes_per_wvr_share is None:
        return fact("hkex", "wvr_max_votes_per_share", "standing").value
    return real("votes_per_wvr_share", votes_per_wvr_share, minimum=1)


def rules() -> dict[str, Fact]:
    """Every HKEX threshold notebook 04 tests, by short name.

    >>> rules()["max_votes"].value, rules()["controlling"].locator
    (10.0, '19A.14')
    """
    return {
        "max_votes": fact("hkex", "wvr_max_votes_per_share", "standing"),
        "min_non_wvr": fact("hkex", "non_wvr_min_voting_share", "standing"),
        "min_econ": fact("hkex", "wvr_min_economic_interest", "standing"),
        "min_mcap": fact("hkex", "wvr_min_market_cap", "standing"),
        "min_mcap_rev": fact("hkex", "wvr_min_market_cap", "standing", "revenue_route"),
        "min_revenue": fact("hkex", "wvr_min_revenue", "standing", "revenue_route"),
        "controlling": fact("hkex", "controlling_shareholder_min_voting_share", "standing"),
    }


def minimax_holders() -> dict[str, Fact]:
    """MiniMax's named holders before the IPO, keyed as in :data:`HOLDERS`.

    >>> minimax_holders()["idg"].value
    3.08
    """
    return {key: fact("minimax", "shareholding", "pre-IPO", key) for key in HOLDERS}


def cap_table(pre: Mapping[str, Fact], shares: Mapping[str, float]) -> pd.DataFrame:
    """The cap table: each holder's share before the IPO with its source; the remainder is computed.

    >>> pre = minimax_holders()
    >>> cap_table(pre, with_remainder({k: fraction_of(f) for k, f in pre.items()})).shape
    (6, 2)
    """
    rows = [
        {
            "holder": HOLDERS.get(k, k),
            "share before the IPO": pc(s),
            "source": pre[k].citation if k in pre else "computed: 100% less the rows above",
        }
        for k, s in shares.items()
    ]
    return pd.DataFrame(rows).set_index("holder")


def rates_note(currencies: Sequence[str], to: str) -> str:
    """The dated rates that turn ``currencies`` into ``to``, as numbers, for a footer or a sentence.

    >>> rates_note(["USD", "HKD"], "HKD")
    'values in HKD at 7.8 HKD per USD (2026-01-09), one rate for every stage'
    >>> rates_note(["HKD"], "HKD")
    'values in HKD, no conversion'
    """
    rows = [rate_text(c, to) for c in dict.fromkeys(currencies) if c != to]
    if not rows:
        return f"values in {to}, no conversion"
    return f"values in {to} at {'; '.join(rows)}, one rate for every stage"


def rate_text(frm: str, to: str) -> str:
    """The one dated rate between two currencies, as a number: ``rate_text("HKD", "USD")``.

    >>> rate_text("HKD", "USD")
    '7.8 HKD per USD (2026-01-09)'
    """
    r = rate(frm, to)
    return f"{r['rate']:g} {r['quote']} per {r['base']} ({r['date']:%Y-%m-%d})"


def _axes(size: tuple[float, float]) -> tuple[Figure, Axes]:
    """A house-style figure with one Axes, typed."""
    fig, ax = plotting.new_figure(*size)
    return fig, cast(Axes, ax)


def cap_chart(pre: Mapping[str, Fact], shares: Mapping[str, float], period: str) -> Figure:
    """Bar chart of the cap table, founder highlighted, remainder grey; the title names the largest stake.

    >>> pre = minimax_holders()
    >>> fig = cap_chart(pre, with_remainder({k: fraction_of(f) for k, f in pre.items()}), "before the IPO")
    >>> "Yan Junjie" in fig.get_suptitle()
    True
    """
    order = [REMAINDER] + sorted(pre, key=lambda k: shares[k])
    values = [100 * shares[k] for k in order]
    light = plotting.shades("minimax", 3)[2]
    colours = {REMAINDER: plotting.COLORS["neutral"], "yan_junjie": plotting.COLORS["minimax"]}
    fig, ax = _axes((8, 3.8))
    bars = ax.barh(
        [HOLDERS.get(k, k) for k in order], values, color=[colours.get(k, light) for k in order]
    )
    ax.bar_label(bars, labels=[pct(v, 2) for v in values], padding=3, fontsize=9)
    ax.set_xlabel("Share of MiniMax's shares before the IPO (%)")
    ax.set_xlim(0, max(values) * 1.18)
    biggest = max(pre, key=lambda k: shares[k])
    name = HOLDERS[biggest].split(" (")[0]
    title = (
        f"The named holders owned {pc(1 - shares[REMAINDER], 1)} of MiniMax; "
        f"the largest single stake was {name}'s {pc(shares[biggest])}"
    )
    plotting.finish(
        fig,
        ax,
        title=title,
        sources=sources_for(*pre.values()),
        period=period,
        note="Remainder computed as 100% less the named holders.",
    )
    return fig


def founder_chart(e: float, s: float, x: float, v: float, majority: float, sources: str) -> Figure:
    """Stacked bars: the founder's share of equity against his share of votes, with the majority line.

    >>> founder_chart(0.2235, 0.5921, 0.1004, 10, 0.5, "S0").get_suptitle()[:10]
    'Yan Junjie'
    """
    fig, ax = _axes((7, 4.0))
    cols = ["Share of equity", "Share of votes"]
    his = [100 * e, 100 * s]
    ax.bar(cols, his, color=plotting.COLORS["minimax"], width=0.55, label="Yan Junjie (founder)")
    ax.bar(
        cols,
        [100 - p for p in his],
        bottom=his,
        color=plotting.COLORS["neutral"],
        width=0.55,
        alpha=0.45,
        label="All other holders",
    )
    for i, p in enumerate(his):
        ax.text(i, p / 2, pct(p, 2), ha="center", va="center", color="white", fontweight="bold")
        ax.text(i, p + (100 - p) / 2, pct(100 - p, 2), ha="center", va="center")
    ax.axhline(100 * majority, color="black", linestyle="--", linewidth=1)
    ax.text(
        0.5,
        100 * majority,
        f"control line ({pc(majority, 0)} of votes)",
        va="bottom",
        ha="center",
        fontsize=8,
    )
    ax.set_ylabel("Share of MiniMax, before the IPO (%)")
    ax.set_ylim(0, 100)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.08), ncol=2)
    title = (
        f"Yan Junjie owns {pc(e)} of MiniMax's shares and casts {pc(s)} of its votes, "
        f"{times(s / e, 1)} his share of the equity"
    )
    plotting.finish(
        fig,
        ax,
        title=title,
        sources=sources,
        period="before the IPO",
        note=f"Consistent with {pc(x, 1)} of all shares carrying {v:g} votes each, if he is the sole WVR holder.",
    )
    return fig


#: Within this many (fraction) of the controlling-shareholder line a share counts as "about at" it.
CONTROL_LINE_TOLERANCE = 0.005


def sole_holder_premise(x: float, e: float, class_b_share: float, rel_tol: float = 0.05) -> str:
    """What a reported WVR share count says of the sole-holder premise: "contradicts" or "bears out".

    It contradicts the premise when the class B share of all shares exceeds his whole stake ``e`` or
    differs from the sole-holder ``x`` by more than ``rel_tol`` (relative).

    >>> sole_holder_premise(0.1004, 0.2235, 0.2896), sole_holder_premise(0.1004, 0.2235, 0.1010)
    ('contradicts', 'bears out')
    """
    ok = class_b_share <= e and math.isclose(class_b_share, x, rel_tol=rel_tol)
    return choose(ok, "bears out", "contradicts")


def founder_finding(
    e: float,
    s: float,
    x: float,
    s_back: float,
    v: float,
    v_min: float,
    class_b_share: float | None = None,
) -> Markdown:
    """The founder's WVR shares, the check that puts them back, and the fewest votes that could work.

    With ``class_b_share`` (the reported WVR shares over all shares), ``x`` is labelled by what that count
    says of the sole-holder premise.

    >>> founder_finding(0.2235, 0.5921, 0.1004, 0.5921, 10, 5.04).data[:22]
    'With 10 votes per WVR '
    """
    premise = "if he is the sole WVR holder"
    if class_b_share is not None:
        premise = "(his WVR shares if he were the sole holder, which the class B count below " + (
            sole_holder_premise(x, e, class_b_share) + ")"
        )
    return say(
        "With {v} votes per WVR share, a vote share of {s} on an economic share of {e} takes WVR shares equal "
        "to **{x} of all shares** {premise}, {own} of his own stake; put back into the "
        "vote-share formula they give {s_back}. Had each WVR share carried fewer than {v_min} votes, even a "
        "stake held entirely in WVR shares could not have reached {s}.",
        premise=premise,
        v=f"{v:g}",
        s=pc(s),
        e=pc(e),
        x=pc(x, 2),
        own=pc(x / e, 1),
        s_back=pc(s_back),
        v_min=f"{v_min:.2f}",
    )


def wvr_count_finding(
    class_b: Fact, class_a: Fact, pre_count: float, x: float, e: float, v: float, floor: Fact
) -> Markdown:
    """The reported class B (WVR) count against the sole-holder ``x`` and his stake, and 8A.09 read literally on it.

    ``pre_count`` is the reported share count before listing, in million shares; the literal reading
    weighs the class A and class B counts of the same date at ``v`` votes per class B share.

    >>> b = fact("minimax", "shares_in_issue", "2026-09-30", "class_b")
    >>> a = fact("minimax", "shares_in_issue", "2026-09-30", "class_a")
    >>> wvr_count_finding(b, a, 280.06, 0.1004, 0.2235, 10, rules()["min_non_wvr"]).data[:14]
    'MiniMax report'
    """
    b_m, a_m = class_b.value / 1e6, class_a.value / 1e6
    share = b_m / pre_count
    literal = a_m / (a_m + v * b_m)
    key = "above_stake" if share > e else sole_holder_premise(x, e, share)
    reading = {
        "above_stake": "On comparable bases he cannot be the only WVR holder, or the class B count covers more "
        "than his shares; the data do not say which, so $x$ is only what a sole holder would need.",
        "contradicts": "The count does not match $x$: others may hold WVR shares, or his shares carry another "
        "number of votes; $x$ is only what a sole holder would need.",
        "bears out": "The count matches $x$, consistent with his being the sole holder.",
    }[key]
    return say(
        "MiniMax reports {b} million class B (WVR) shares on {date} ({cite}), {share} of the {pre} million "
        "shares before listing (the reported count worked out below), {vs_x} the {x} a sole holder would need "
        "and {vs_e} his whole {e} stake. "
        + reading
        + " Read literally on the counts of {date}, with {v} votes "
        "per class B share, the {a} million one-vote shares carry **{lit}** of the votes, {passes} the {floor} "
        "floor of 8A.09. The cautious reading does not use $x$ and stands.",
        b=f"{b_m:,.1f}",
        date=class_b.period_label,
        cite=class_b.citation,
        share=pc(share, 1),
        pre=f"{pre_count:,.1f}",
        vs_x=compare(share, x, rel_tol=0.05, more="above", less="below", same="about"),
        x=pc(x),
        vs_e=compare(share, e, rel_tol=1e-9, more="above", less="below", same="equal to"),
        e=pc(e),
        v=f"{v:g}",
        a=f"{a_m:,.1f}",
        lit=pc(literal),
        passes=choose(literal >= fraction_of(floor), "above", "below"),
        floor=pc(fraction_of(floor), 0),
    )


def reported_count(after_oa: Fact, oa_total: Fact, sold: float) -> tuple[float, float]:
    """The share count before listing and after the base offer, in million, from the count after a full over-allotment.

    ``oa_total`` is the offer's shares with the over-allotment; ``sold`` the base offer's, in million.

    >>> [round(c, 1) for c in reported_count(fact("minimax", "shares_in_issue", "post-IPO"),
    ...     fact("minimax", "ipo_shares_issued", "2026-01-09", "full_over_allotment"), 29.1976)]
    [280.1, 309.3]
    """
    pre = (after_oa.value - oa_total.value) / 1e6
    return pre, pre + sold


def count_finding(
    after_oa: Fact, oa_total: Fact, sold: float, implied_after: float, case: str
) -> Markdown:
    """The reported share count against the count implied by the market value of case ``case``.

    >>> r = fact("minimax", "shares_in_issue", "post-IPO")
    >>> oa = fact("minimax", "ipo_shares_issued", "2026-01-09", "full_over_allotment")
    >>> count_finding(r, oa, 29.1976, 305.5, "low").data[:18]
    'The company report'
    """
    pre, base = reported_count(after_oa, oa_total, sold)
    gap = implied_after / base - 1
    verdict = compare(
        implied_after,
        base,
        rel_tol=0.005,
        more="overstates it by {gap}",
        less="understates it by {gap}",
        same="matches it within half a percent ({gap} apart)",
    )
    return say(
        "The company reports {rep} million shares in issue after the over-allotment ({cite}). Taking away the "
        "offer's shares with a full over-allotment, {oa} million ({oacite}; the data give neither the size nor "
        "the date of MiniMax's exercise, so this assumes it was full), leaves **{pre} million before listing** "
        "and {base} million after the base offer, so the offer added {n} on the reported count. "
        "The count implied by the {case} market value, {implied} million, " + verdict + ".",
        rep=f"{after_oa.value / 1e6:,.1f}",
        cite=after_oa.citation,
        oa=_hedged(oa_total.qualifier, f"{oa_total.value / 1e6:,.2f}"),
        oacite=oa_total.citation,
        pre=f"{pre:,.1f}",
        base=f"{base:,.1f}",
        n=pc(sold / pre, 1),
        case=case,
        implied=f"{implied_after:,.1f}",
        gap=pc(abs(gap), 1),
    )


def concert_count_finding(
    group: Fact,
    concert: Fact,
    counts: tuple[float, float, float],
    oa: Fact,
    line: Fact,
    tolerance: float = CONTROL_LINE_TOLERANCE,
) -> Markdown:
    """Zhipu's group on the reported counts: before the offer, at listing, after the over-allotment.

    ``counts`` is the shares in issue (before the offer, at listing, after the over-allotment), in million.

    >>> g = fact("zhipu", "shares_held", "2026-07-13", "controlling_group")
    >>> c = fact("zhipu", "shareholding", "pre-IPO", "concert_party")
    >>> oa = fact("zhipu", "over_allotment_shares", "2026-02-04")
    >>> concert_count_finding(g, c, (402.81, 440.23, 445.84), oa, rules()["controlling"]).data[:16]
    'The reported cou'
    """
    g_m, limit = group.value / 1e6, fraction_of(line)
    pre, at_listing, after = (g_m / c for c in counts)
    matches = math.isclose(100 * pre, concert.value, abs_tol=rounding_half_unit(concert.value))
    side = compare(after, limit, rel_tol=1e-9, more="above", less="below", same="at")
    return say(
        "The reported counts settle most of this. The over-allotment was exercised in full ({oa} shares, "
        "{oa_date}; {oa_cite}). The group's {g} million shares ({g_cite}, counted on {g_date}; we assume the "
        "count did not change since the offer) are {pre} of the {c_pre} million shares before the offer, "
        "{agree} the {concert} above; {listing} of the {c_listing} million at listing, {where} the {limit} "
        "line ({gap1} percentage points {side1} it); and **{after}** of the {c_after} million after the "
        "over-allotment, {side2} the line: {status}. Notebook 06 (06_one_year_on.ipynb) follows the group "
        "further.",
        oa=f"{oa.value:,.0f}",
        oa_date=oa.period_label,
        oa_cite=oa.citation,
        g=f"{g_m:,.2f}",
        g_cite=group.citation,
        g_date=group.period_label,
        pre=pc(pre),
        c_pre=f"{counts[0]:,.2f}",
        agree=choose(matches, "which corroborates", "which does not match"),
        concert=_hedged(concert.qualifier, pct(concert.value, 2)),
        listing=pc(at_listing),
        c_listing=f"{counts[1]:,.2f}",
        where=line_verdict(at_listing, limit, tolerance),
        limit=pc(limit, 0),
        gap1=f"{abs(100 * (at_listing - limit)):.2f}",
        side1=compare(at_listing, limit, more="above", less="below", same="at"),
        after=pc(after),
        c_after=f"{counts[2]:,.2f}",
        side2=side,
        status=choose(
            side != "below",
            "still a controlling shareholder group on rule "
            + line.locator
            + "'s test, if votes follow shares",
            "no longer a controlling shareholder group on rule "
            + line.locator
            + "'s test, if votes follow "
            "shares (unless it controls the board)",
        ),
    )


def majority_finding(n_end: float, majority: float, pre_count: float, new_count: float) -> Markdown:
    """The issue size that ends the founder's majority, in shares and against the offer's size.

    >>> majority_finding(0.351, 0.5, 276.3, 29.2).data[:30]
    'His votes fall to 50% once new'
    """
    return say(
        "His votes fall to {m} once new one-vote shares reach **{n} of the pre-listing share count**: about "
        "{shares} million shares on the implied count above, {ratio} the {new} million shares the offer sold.",
        m=pc(majority, 0),
        n=pc(n_end, 1),
        shares=f"{n_end * pre_count:,.1f}",
        ratio=times(n_end * pre_count / new_count, 1),
        new=f"{new_count:,.1f}",
    )


def matching_share_count(
    n: Mapping[str, float], pre_count: float, sold: float, rel_tol: float = 0.005
) -> list[str]:
    """The bases of :data:`BASES` whose new shares (``n`` times the pre-listing count) match the shares sold.

    >>> matching_share_count({"offer_shares": 0.1057, "alisoft_reported": 0.2013}, 276.3, 29.2)
    ['offer_shares']
    """
    return [b for b in BASES if math.isclose(n[b] * pre_count, sold, rel_tol=rel_tol)]


def basis_finding(
    n: Mapping[str, float],
    pre_count: float,
    sold: float,
    gross: Fact,
    alisoft: tuple[float, float],
    basis: str,
    currency: str,
) -> Markdown:
    """Which dilution basis matches the shares the offer sold, and which one this run uses.

    ``n`` is keyed by :data:`BASES` (new shares as a fraction of the pre-listing count); ``pre_count`` and
    ``sold`` are in million shares; ``alisoft`` is Alisoft's (before, after).

    >>> g = fact("minimax", "ipo_gross_proceeds", "2026-01-09")
    >>> basis_finding({"offer_shares": 0.1057, "alisoft_reported": 0.2013}, 276.3, 29.2, g, (0.1504, 0.1252),
    ...     "offer_shares", "HKD").data[:26]
    'Counting shares, the offer'
    """
    if basis not in BASES:
        raise ValueError(f"basis must be one of {sorted(BASES)}, got {basis!r}")
    ok = {k: k in matching_share_count(n, pre_count, sold) for k in BASES}
    implied = n["alisoft_reported"] * pre_count
    converted = ""
    if currency != gross.currency:
        in_currency = money(
            convert(gross.value, gross.currency, currency), currency, 0, scale="million"
        )
        converted = f", about {in_currency} at {rate_text(gross.currency, currency)}"
    return say(
        "Counting shares, the offer's {sold} million new shares added **{n_offer}** to the pre-listing count of "
        "{pre} million. Priced at the offer, that stake is the gross proceeds, {gross} ({cite}){converted}, by the "
        "identity above: an agreement that cannot fail, so it tests nothing. The share count does. Alisoft China's "
        "reported stakes ({before} before, {after} after) imply **{n_alisoft}**, about {implied} million new shares "
        "on the same count, {ratio} the {sold} million the offer sold: {gap}. This run uses **{basis}**, {verdict}.",
        sold=f"{sold:,.1f}",
        n_offer=pc(n["offer_shares"], 1),
        pre=f"{pre_count:,.1f}",
        gross=_hedged(gross.qualifier, money(gross.value, gross.currency, 0, scale="million")),
        cite=gross.citation,
        converted=converted,
        before=pc(alisoft[0]),
        after=pc(alisoft[1]),
        n_alisoft=pc(n["alisoft_reported"], 1),
        implied=f"{implied:,.1f}",
        ratio=times(implied / sold, 1),
        basis=BASES[basis],
        gap=choose(
            ok["alisoft_reported"],
            "the two routes agree",
            "shares issued outside the offer, or different bases for Alisoft's two percentages, would each "
            "explain the gap, and the data cannot tell which",
        ),
        verdict=choose(
            ok[basis],
            "the basis built on the shares the offer sold",
            "which does not match the shares the offer sold: read what follows as the discrepancy carried through",
        ),
    )


def holders_after(
    shares: Mapping[str, float],
    n: Mapping[str, float],
    reported: Mapping[str, str],
    votes: Mapping[str, float],
) -> pd.DataFrame:
    """Each holder before and after listing on both bases, with any figure reported elsewhere.

    ``votes`` holds the founder's vote share ``"before"`` and on each basis of :data:`BASES`.

    >>> holders_after({"idg": 0.0308}, {"offer_shares": 0.1, "alisoft_reported": 0.2}, {},
    ...     {"before": 0.59, "offer_shares": 0.56, "alisoft_reported": 0.53}).shape
    (2, 4)
    """
    rows = [
        {
            "holder": HOLDERS.get(k, k),
            "before": pc(s),
            **{f"after, {BASES[b]}": pc(s / (1 + n[b])) for b in BASES},
            "reported elsewhere": reported.get(k, ""),
        }
        for k, s in shares.items()
    ]
    rows.append(
        {
            "holder": "Founder's share of votes",
            "before": pc(votes["before"]),
            **{f"after, {BASES[b]}": pc(votes[b]) for b in BASES},
            "reported elsewhere": "",
        }
    )
    return pd.DataFrame(rows).set_index("holder")


def listing_finding(votes: Mapping[str, float], majority: float) -> Markdown:
    """The founder's votes at listing on both bases of :data:`BASES`, each against the control line.

    >>> listing_finding({"before": 0.5921, "offer_shares": 0.561, "alisoft_reported": 0.5355}, 0.5).data[:30]
    "The founder's votes fell from "
    """
    return say(
        "The founder's votes {went} from {before} to **{offer}** at listing on the offer's new shares, "
        "{kept_offer} {m}, and to {alisoft} on Alisoft's basis, {kept_alisoft} it; by the invariance above, "
        "neither depends on the votes per WVR share assumed.",
        went=direction(votes["before"], votes["offer_shares"]),
        before=pc(votes["before"]),
        offer=pc(votes["offer_shares"]),
        alisoft=pc(votes["alisoft_reported"]),
        kept_offer=choose(votes["offer_shares"] > majority, "still above", "no longer above"),
        m=pc(majority, 0),
        kept_alisoft=choose(votes["alisoft_reported"] > majority, "still above", "no longer above"),
    )


def base_gap_finding(art: Fact, alt: Fact) -> Markdown:
    """How much larger the base behind ``alt`` is than the base behind ``art`` (same shares), with rounding.

    Each figure is read as rounded to its last digit, so the gap is a range.

    >>> a = fact("minimax", "shareholding", "pre-IPO", "mihoyo")
    >>> base_gap_finding(a, fact("minimax", "shareholding", "pre-IPO", "mihoyo", status="alternative")).data[:20]
    'If both figures coun'
    """
    da, dl = rounding_half_unit(art.value), rounding_half_unit(alt.value)
    low, high = (art.value - da) / (alt.value + dl) - 1, (art.value + da) / (alt.value - dl) - 1
    return say(
        "If both figures count the same miHoYo shares, the base behind {alt} is **{low} to {high} larger** than "
        "the base behind {art}: {mid} at the printed figures, but with each figure read as rounded to its last "
        "digit the gap is a range, not a point. Keep its size in mind for the listing below, which enlarges "
        "the share count too.",
        alt=f"{_hedged(alt.qualifier, pct(alt.value, 1))} ({alt.citation})",
        low=pc(low, 1),
        high=pc(high, 1),
        art=f"{pct(art.value, 2)} ({art.citation})",
        mid=pc(art.value / alt.value - 1, 1),
    )


def dilution_chart(
    e: float,
    x: float,
    v: float,
    majority: float,
    max_n: float,
    marks: Mapping[str, float],
    sources: str,
    period: str,
) -> Figure:
    """The founder's votes and equity as new one-vote shares grow, with the majority line and the listing's issue.

    >>> fig = dilution_chart(0.2235, 0.1004, 10, 0.5, 0.6, {"offer": 0.106}, "S0", "2026")
    >>> "votes until" in fig.get_suptitle()
    True
    """
    grid = [max_n * i / 120 for i in range(121)]
    n_end = ownership.issue_size_for_voting_below(e, x, majority, v)
    fig, ax = _axes((8, 4.4))
    pts = [100 * g for g in grid]
    ax.plot(
        pts,
        [100 * ownership.founder_voting_after_issue(e, x, g, v) for g in grid],
        color=plotting.COLORS["minimax"],
        linewidth=2.2,
        label="Founder: share of votes",
    )
    ax.plot(
        pts,
        [100 * e / (1 + g) for g in grid],
        color=plotting.COLORS["minimax"],
        linestyle="--",
        label="Founder: share of equity",
    )
    ax.axhline(100 * majority, color="black", linewidth=0.8)
    ax.axvline(100 * n_end, color="black", linewidth=0.8, linestyle="--")
    ax.annotate(
        f"below {pc(majority, 0)} at {pc(n_end, 1)}",
        (100 * n_end, 100 * majority),
        xytext=(6, 8),
        textcoords="offset points",
        fontsize=9,
    )
    for name, n in marks.items():
        ax.axvline(100 * n, color=plotting.COLORS["highlight"], linewidth=1)
        ax.text(100 * n, 3, " " + name, rotation=90, va="bottom", ha="right", fontsize=8)
    ax.set_xlabel("New one-vote shares issued (% of the pre-listing share count)")
    ax.set_ylabel("Share of MiniMax (%)")
    ax.set_ylim(0, 70)
    ax.set_xlim(0, 100 * max_n)
    ax.legend(loc="upper right")
    first = min(marks, key=lambda k: marks[k])
    side = compare(marks[first], n_end, more="went beyond", less="stayed short of", same="reached")
    title = (
        f"MiniMax's founder keeps more than {pc(majority, 0)} of the votes until new shares pass "
        f"{pc(n_end, 1)} of the old count; "
        f"the listing's {pc(marks[first], 1)} ({first}) {side} it"
    )
    plotting.finish(
        fig,
        ax,
        title=title,
        sources=sources,
        period=period,
        note="The curves are the same for any votes per WVR share, given e and s; only one-vote shares issued.",
    )
    return fig


@dataclass(frozen=True)
class RuleTest:
    """One listing test, named by what it measures, with the limit, the values and the verdict."""

    rule: str
    measures: str
    limit: str
    before: str
    at_listing: str
    passes: str


def listing_tests(
    found: Mapping[str, Fact],
    *,
    v: float,
    e: float,
    x: float,
    s: float,
    n: float,
    mcap_offer_hkd: float,
    revenue_hkd: float,
    hedge: str = "",
) -> list[RuleTest]:
    """The HKEX tests of MiniMax's structure before and at listing (``n`` new shares), each named by what it measures.

    Two readings of 8A.09: the cautious one counts every vote the founder does not cast; the literal one counts
    the votes of all one-vote shares, his own included. 8A.06 has two routes; a listing needs one of them.

    >>> [t.passes for t in listing_tests(rules(), v=10, e=0.2235, x=0.1004, s=0.5921, n=0.106,
    ...     mcap_offer_hkd=50400, revenue_hkd=238)]
    ['yes', 'yes', 'yes', 'yes', 'yes', 'no']
    """
    v_cap = found["max_votes"].value
    floor_votes, floor_econ = fraction_of(found["min_non_wvr"]), fraction_of(found["min_econ"])
    s_n = ownership.founder_voting_after_issue(e, x, n, v)
    lit = (non_wvr_voting_share(x, v), non_wvr_voting_share(x, v, n))
    mcap, mcap_rev, rev = found["min_mcap"], found["min_mcap_rev"], found["min_revenue"]
    yes = {True: "yes", False: "no"}
    return [
        RuleTest(
            "8A.10",
            "votes per WVR share (assumed, not reported)",
            f"at most {v_cap:g}",
            f"{v:g}",
            f"{v:g}",
            yes[v <= v_cap],
        ),
        RuleTest(
            "8A.09, cautious reading",
            "share of votes cast by holders other than the founder",
            f"at least {pc(floor_votes, 0)}",
            pc(1 - s),
            pc(1 - s_n),
            yes[min(1 - s, 1 - s_n) >= floor_votes],
        ),
        RuleTest(
            "8A.09, literal reading",
            "share of votes carried by one-vote shares, his own included",
            f"at least {pc(floor_votes, 0)}",
            pc(lit[0]),
            pc(lit[1]),
            yes[min(lit) >= floor_votes],
        ),
        RuleTest(
            "8A.12",
            "the WVR beneficiary's share of the equity",
            f"at least {pc(floor_econ, 0)}",
            pc(e),
            pc(e / (1 + n)),
            yes[e / (1 + n) >= floor_econ],
        ),
        RuleTest(
            "8A.06, value route",
            "market value at listing, implied at the offer price",
            f"at least {_bn(mcap.value, 'HKD')}",
            "-",
            _hedged(hedge, _bn(mcap_offer_hkd, "HKD")),
            yes[mcap_offer_hkd >= mcap.value],
        ),
        RuleTest(
            "8A.06, revenue route",
            "market value, with revenue in the last audited year",
            f"{_bn(mcap_rev.value, 'HKD')} and {_bn(rev.value, 'HKD')}",
            "-",
            f"{_hedged(hedge, _bn(mcap_offer_hkd, 'HKD'))}; {_bn(revenue_hkd, 'HKD')}",
            yes[mcap_offer_hkd >= mcap_rev.value and revenue_hkd >= rev.value],
        ),
    ]


def tests_table(tests: Sequence[RuleTest]) -> pd.DataFrame:
    """The listing tests as a table, one row per rule and reading.

    >>> tests_table(listing_tests(rules(), v=10, e=0.2235, x=0.1004, s=0.5921, n=0.106, mcap_offer_hkd=50400,
    ...     revenue_hkd=238)).columns[-2:].tolist()
    ['at listing', 'passes']
    """
    return pd.DataFrame(tests).set_index("rule").rename(columns={"at_listing": "at listing"})


def rules_finding(
    tests: Sequence[RuleTest],
    found: Mapping[str, Fact],
    mcap_offer_hkd: float,
    revenue: Fact,
    revenue_hkd: float,
    econ_listing: float,
    majority: float,
    one_share_one_vote: str,
    hedge: str = "",
) -> Markdown:
    """What the listing tests say together: the structure's limits, the eligibility route, one-share-one-vote.

    >>> found = rules()
    >>> tests = listing_tests(found, v=10, e=0.2235, x=0.1004, s=0.5921, n=0.106, mcap_offer_hkd=50400, revenue_hkd=238)
    >>> rules_finding(tests, found, 50400, fact("minimax", "revenue", "FY2024"), 238, 0.2021, 0.5, "8A.24").data[:14]
    'The structure '
    """
    structure = [t for t in tests if not t.rule.startswith("8A.06")]
    value_route = next(t for t in tests if t.rule == "8A.06, value route")
    revenue_route = next(t for t in tests if t.rule == "8A.06, revenue route")
    return say(
        "The structure {meets} every Chapter 8A limit on it, before and at listing, on both readings of 8A.09. "
        "Eligibility rests on the value route of 8A.06: the value implied at the offer, {mcap}, is {ratio} the "
        "{limit} line ({route1}). The revenue route was {route2}: revenue of {rev} in {period} ({cite}) is "
        "{rev_ratio} of the {rev_limit} it asks for. On the matters voted one share, one vote ({osov}) the founder "
        "counts only his economic share, {econ} at listing, {short} {m}.",
        meets=choose(all(t.passes == "yes" for t in structure), "meets", "does not meet"),
        mcap=_hedged(hedge, _bn(mcap_offer_hkd, "HKD")),
        ratio=_hedged(hedge, times(mcap_offer_hkd / found["min_mcap"].value, 2)),
        limit=_bn(found["min_mcap"].value, "HKD"),
        route1=choose(value_route.passes == "yes", "passes", "fails"),
        route2=choose(revenue_route.passes == "yes", "open as well", "closed"),
        rev=_bn(revenue_hkd, "HKD"),
        period=revenue.period_label,
        cite=revenue.citation,
        rev_ratio=pc(revenue_hkd / found["min_revenue"].value, 0),
        rev_limit=_bn(found["min_revenue"].value, "HKD"),
        osov=one_share_one_vote,
        econ=pc(econ_listing),
        short=choose(econ_listing > majority, "above", "short of"),
        m=pc(majority, 0),
    )


def stakes(shares: Mapping[str, float], n: float, values: Mapping[str, float]) -> pd.DataFrame:
    """Each holder's stake value at each stage: the share before the IPO at the private round, after it later.

    ``values`` maps stage to company value (the first stage is before the listing); new holders get ``n / (1 + n)``.

    >>> float(stakes({"f": 0.2}, 0.25, {"round": 100.0, "close": 300.0}).loc["f", "close"])
    48.0
    """
    first = next(iter(values))
    rows = {
        k: {st: (s if st == first else s / (1 + n)) * val for st, val in values.items()}
        for k, s in shares.items()
    }
    rows[ownership.NEW_HOLDERS] = {
        st: (0.0 if st == first else n / (1 + n) * val) for st, val in values.items()
    }
    table = pd.DataFrame(rows).T
    table.index = [HOLDERS.get(k, k) for k in table.index]
    return table


def stakes_table(
    table: pd.DataFrame, shares: Mapping[str, float], n: float, currency: str
) -> pd.DataFrame:
    """:func:`stakes` for reading: shares before and after, values in billions of ``currency``.

    >>> stakes_table(stakes({"f": 0.2}, 0.25, {"round": 1000.0}), {"f": 0.2}, 0.25, "USD").iloc[0, 0]
    '20.00%'
    """
    after = {HOLDERS.get(k, k): pc(s / (1 + n)) for k, s in shares.items()} | {
        ownership.NEW_HOLDERS: pc(n / (1 + n))
    }
    before = {HOLDERS.get(k, k): pc(s) for k, s in shares.items()} | {ownership.NEW_HOLDERS: "-"}
    shown = pd.DataFrame({"share before": before, "share after": after})
    for col in table.columns:
        shown[f"{col} ({currency} billion)"] = table[col].map(
            lambda v: f"{v / 1000:,.2f}" if v else "-"
        )
    return shown


def stake_chart(
    table: pd.DataFrame,
    company_step: float,
    n: float,
    qualifier: str,
    currency: str,
    sources: str,
    period: str,
    rates: str = "",
) -> Figure:
    """Stake values per named holder and stage; the title sets a stake's step-up, ``company_step / (1 + n)``, against
    the company's.

    >>> t = stakes({"yan_junjie": 0.2}, 0.1, {"round": 100.0, "close": 300.0})
    >>> "below" in stake_chart(t, 3.0, 0.1, "", "USD", "S0", "2026").get_suptitle()
    True
    """
    shown = [h for h in table.index if h != ownership.NEW_HOLDERS]
    fig, ax = _axes((8.5, 4.6))
    colours = plotting.shades("minimax", len(table.columns))[::-1]
    width = 0.8 / len(table.columns)
    for i, (col, colour) in enumerate(zip(table.columns, colours)):
        ax.barh(
            [
                len(shown) - 1 - j + (len(table.columns) / 2 - 0.5 - i) * width
                for j in range(len(shown))
            ],
            table.loc[shown, col] / 1000,
            height=width,
            color=colour,
            label=col,
        )
    ax.set_yticks(range(len(shown))[::-1], shown)
    ax.set_xlabel(f"Value of the stake ({currency} billion)")
    ax.legend(loc="upper right")
    stake_step = company_step / (1 + n)
    word = compare(stake_step, company_step, more="above", less="below", same="equal to")
    title = (
        f"A pre-listing stake grew {_hedged(qualifier, times(stake_step))} from the last private round to the "
        f"first-day close, {word} the company's {_hedged(qualifier, times(company_step))}: the new shares "
        f"took {pc(n / (1 + n), 1)} of the company"
    )
    plotting.finish(
        fig,
        ax,
        title=title,
        sources=sources,
        period=period,
        note=f"Multiples taken in HKD; {rates or 'values converted with data/rates.csv'}.",
    )
    return fig


def step_table(
    private_hkd: Mapping[str, float], stages: Mapping[str, Mapping[str, tuple[float, str]]]
) -> pd.DataFrame:
    """Market value over the last private round at each stage, per company; NaN values read "not in the data".

    ``stages[stage][company]`` is (value in HKD million, the source's hedge).

    >>> step_table({"Zhipu": 100.0}, {"at the offer": {"Zhipu": (188.0, "over")}}).iloc[0, 0]
    'over 1.88x (HKD 0.19 billion)'
    """
    cells = {
        company: {
            stage: (
                f"{_hedged(row[company][1], times(row[company][0] / private))} ({_bn(row[company][0], 'HKD')})"
                if not math.isnan(row[company][0])
                else "not in the data"
            )
            for stage, row in stages.items()
        }
        for company, private in private_hkd.items()
    }
    return pd.DataFrame(cells)


def step_up_finding(
    floor: Fact,
    derived: float,
    band: tuple[float, float],
    private_hkd: float,
    unit: str,
    rates: str = "values in HKD",
    hedge: str = "",
    round_date: str = "the round",
) -> Markdown:
    """Zhipu's step-up at the offer two ways, side by side, why they differ, and what the rate choice does.

    >>> f = fact("zhipu", "market_cap_offer", "2026-01-08")
    >>> step_up_finding(f, 51164, (51120, 51208), 27250, "HKD 0.1 billion").data[:20]
    "Zhipu's step-up at t"
    """
    return say(
        "Zhipu's step-up at the offer comes out two ways. The offering terms give the market value at the offer "
        "as a floor, {floor_val} ({cite}), so the step-up is **{floor_step}**, a lower bound. Scaling the "
        "first-day value back to the offer price (same share count, times the offer price over the close) gives "
        "{derived_val}, a step-up of **{derived_step}**, a point estimate. They differ because they start from "
        "different rounded figures: the first-day value, rounded to {unit}, puts the value at the offer between "
        "{lo} and {hi}, {verdict} the floor. Notebook 05 uses the same scaling. Rates behind the table: {rates}. "
        "Zhipu's multiples are in RMB terms (equivalently, at one {month} rate for both its round of {round_date} "
        "and its listing); a move of more than {gap} in the RMB against the HKD between those dates would shift "
        "the multiple by more than the gap between the two readings, so the choice of rate can matter more than "
        "the choice of reading.",
        floor_val=_hedged(floor.qualifier, _bn(floor.value, floor.currency)),
        cite=floor.citation,
        floor_step=_hedged(floor.qualifier, times(floor.value / private_hkd)),
        derived_val=_hedged(hedge, _bn(derived, "HKD")),
        derived_step=_hedged(hedge, times(derived / private_hkd)),
        unit=unit,
        lo=_bn(band[0], "HKD"),
        hi=_bn(band[1], "HKD"),
        verdict=choose(band[1] >= floor.value, "consistent with", "wholly below"),
        rates=rates,
        round_date=round_date,
        gap=pc(abs(derived / floor.value - 1), 2),
        month=f"{rate('RMB', 'HKD')['date']:%B %Y}",
    )


#: Half-width of the band around the controlling-shareholder line inside which notebook 04 calls a stake "at
#: about the line" (a fraction of the votes): the group's figure is rounded and from one secondary source
#: with no stated base, the share count comes from a floor, and an over-allotment moves it by a few tenths.


def line_verdict(share: float, line: float, tolerance: float = CONTROL_LINE_TOLERANCE) -> str:
    """Where ``share`` sits against ``line``: "above", "about at" (within ``tolerance``) or "below".

    >>> line_verdict(0.32, 0.30), line_verdict(0.3022, 0.30), line_verdict(0.2984, 0.30), line_verdict(0.29, 0.30)
    ('above', 'about at', 'about at', 'below')
    """
    if round(abs(share - line), 12) <= tolerance:  # the edges of the band count as inside it
        return "about at"
    return choose(share > line, "above", "below")


def concert_finding(
    concert: Fact,
    n: float,
    after: float,
    line: Fact,
    majority: float,
    tolerance: float = CONTROL_LINE_TOLERANCE,
) -> Markdown:
    """Zhipu's concert party after the offer against the controlling-shareholder line (with a band) and a majority.

    >>> c, l = fact("zhipu", "shareholding", "pre-IPO", "concert_party"), rules()["controlling"]
    >>> concert_finding(c, 0.093, 0.3022, l, 0.5).data[:26]
    'If the H shares were the o'
    """
    limit = fraction_of(line)
    where = line_verdict(after, limit, tolerance)
    verdicts = {
        "above": "{gap} percentage points {side} the {limit} line of rule {rule}, more than the data's "
        "uncertainty: still a controlling shareholder group on the Listing Rules' definition",
        "about at": "**at about the {limit} line** of rule {rule}, {gap} percentage points {side} it on this "
        "estimate, within the data's uncertainty",
        "below": "{gap} percentage points {side} the {limit} line of rule {rule}, more than the data's "
        "uncertainty: no longer a controlling shareholder group on the Listing Rules' definition",
    }
    return say(
        "If the H shares were the only new shares, they added {n} to the pre-offer count and took the group "
        "from {before} ({cite}) to **{after}**: "
        + verdicts[where]
        + ". We call a stake within {tol} percentage "
        "points of the line at the line. It is {short} percentage points short of {m} of the votes, if votes "
        "follow shares.",
        n=pc(n, 1),
        before=_hedged(concert.qualifier, pct(concert.value, 2)),
        cite=concert.citation,
        after=_hedged(concert.qualifier, pc(after)),
        gap=f"{abs(100 * (after - limit)):.2f}",
        side=compare(after, limit, more="above", less="below", same="at"),
        limit=pc(limit, 0),
        rule=line.locator,
        tol=f"{100 * tolerance:g}",
        short=f"{100 * (majority - after):.1f}",
        m=pc(majority, 0),
    )


def votes_exercise(
    e: float, s: float, v_ex: float, v: float, majority: float, found: Mapping[str, Fact]
) -> Markdown:
    """Exercise 1's answer: WVR shares needed at ``v_ex`` votes, the smallest all-WVR majority stake, the failing test.

    >>> votes_exercise(0.2235, 0.5921, 20, 10, 0.5, rules()).data[:8]
    '(a) With'
    """
    x_ex = ownership.implied_wvr_fraction(e, s, v_ex)
    stake_ex = min_economic_for_voting(majority, v_ex)
    stake_cap = min_economic_for_voting(majority, found["max_votes"].value)
    failed = [
        t.rule
        for t in ownership.hkex_8a_checks(
            v_ex,
            1 - s,
            e,
            max_votes_per_wvr_share=found["max_votes"].value,
            min_non_wvr_voting_share=fraction_of(found["min_non_wvr"]),
            min_wvr_economic_share=fraction_of(found["min_econ"]),
        )
        if not t.passed
    ]
    return say(
        "(a) With {v_ex} votes per WVR share he needs x = {x_ex} of all shares as WVR shares, implied if he is the "
        "sole WVR holder (against {x} at {v}); "
        "check: {check} of the votes.\n\n(b) A stake held entirely in WVR shares gives more than {m} of the votes "
        "above {stake_ex} of the shares, against {stake_cap} at the cap of {cap} votes.\n\n"
        "(c) Failing: {failed} ({cite}).",
        v_ex=f"{v_ex:g}",
        x_ex=pc(x_ex),
        x=pc(ownership.implied_wvr_fraction(e, s, v)),
        v=f"{v:g}",
        check=pc(ownership.voting_share(e, x_ex, votes_per_wvr_share=v_ex)),
        stake_ex=pc(stake_ex),
        stake_cap=pc(stake_cap),
        cap=f"{found['max_votes'].value:g}",
        failed=", ".join(failed) or "none",
        cite=found["max_votes"].citation,
        m=pc(majority, 0),
    )


def oa_finding(
    n_oa: float,
    oa: Fact,
    pre_count: float,
    alisoft: tuple[float, float, float],
    vote: float,
    majority: float,
) -> Markdown:
    """Exercise 2's answer: a full over-allotment's new shares, Alisoft's stake and the founder's votes.

    ``alisoft`` is (before, after with the over-allotment, reported after).

    >>> oa = fact("minimax", "ipo_shares_issued", "2026-01-09", "full_over_allotment")
    >>> oa_finding(0.1215, oa, 276.3, (0.1504, 0.1341, 0.1252), 0.5566, 0.5).data[:9]
    'New share'
    """
    return say(
        "New shares {oa} ({cite}) are {n} of {pre} million pre-listing shares. Alisoft China would hold "
        "{after}, {gap} percentage points {side} its reported {reported}: the over-allotment {closes} the "
        "gap. The founder's votes would be {vote}, {kept} {m}.",
        oa=_hedged(oa.qualifier, f"{oa.value:,.0f}"),
        cite=oa.citation,
        n=pc(n_oa),
        pre=f"{pre_count:,.1f}",
        after=pc(alisoft[1]),
        gap=f"{100 * abs(alisoft[1] - alisoft[2]):.2f}",
        side=compare(alisoft[1], alisoft[2], more="above", less="below", same="at"),
        reported=pc(alisoft[2]),
        closes=choose(
            math.isclose(alisoft[1], alisoft[2], abs_tol=0.0005), "closes", "does not close"
        ),
        vote=pc(vote),
        kept=choose(vote > majority, "still above", "no longer above"),
        m=pc(majority, 0),
    )


def takeaways(
    *,
    e: float,
    s: float,
    x: float,
    v: float,
    votes: Mapping[str, float],
    basis: str,
    n_routes: Mapping[str, float],
    n_end: float,
    m: float,
    tests: Sequence[RuleTest],
    counts: tuple[float, float],
    mcap_offer: float,
    rules: Mapping[str, Fact],
    company_step: float,
    n: float,
    step_q: str,
    zp_steps: tuple[Fact, float, float],
    concert: tuple[Fact, float],
    zp_hedge: str = "",
    class_b_share: float | None = None,
    concert_counts: tuple[float, float, str] | None = None,
) -> Markdown:
    """Notebook 04's key takeaways as one Markdown list, every number and verdict word computed.

    ``counts`` is (the pre-listing share count, the shares the offer sold), in million shares;
    ``zp_steps`` is (Zhipu's reported market value at the offer, its private round in HKD, the scaled step-up);
    ``concert`` is (the group's pre-offer fact, its share after the offer); ``class_b_share`` the reported WVR
    shares over all shares; ``concert_counts`` the group's share on the reported counts (at listing, after the
    over-allotment, the over-allotment's date).

    >>> r = rules()
    >>> t = listing_tests(r, v=10, e=0.2235, x=0.1004, s=0.5921, n=0.106, mcap_offer_hkd=50400, revenue_hkd=238)
    >>> md = takeaways(e=0.2235, s=0.5921, x=0.1004, v=10, votes={"before": 0.5921, "offer_shares": 0.561,
    ...     "alisoft_reported": 0.5355}, basis="offer_shares", n_routes={"offer_shares": 0.1057,
    ...     "alisoft_reported": 0.201}, n_end=0.351, m=0.5, tests=t, counts=(276.3, 29.2),
    ...     mcap_offer=50400, rules=r, company_step=3.19,
    ...     n=0.106, step_q="about", zp_steps=(fact("zhipu", "market_cap_offer", "2026-01-08"), 27267, 1.876),
    ...     concert=(fact("zhipu", "shareholding", "pre-IPO", "concert_party"), 0.3022))
    >>> md.data.count("- **")
    6
    """
    structure_ok = all(t.passes == "yes" for t in tests if not t.rule.startswith("8A.06"))
    value_ok = next(t for t in tests if t.rule == "8A.06, value route").passes == "yes"
    floor, zp_private, scaled = zp_steps
    c_fact, c_after = concert
    line = fraction_of(rules["controlling"])
    pre_count, sold = counts
    matches = matching_share_count(n_routes, pre_count, sold)
    where = {
        "above": "above the {line} controlling-shareholder line of rule {rule} by more than the data's uncertainty",
        "about at": "at about the {line} controlling-shareholder line of rule {rule}, within the data's uncertainty",
        "below": "below the {line} controlling-shareholder line of rule {rule} by more than the data's uncertainty",
    }[line_verdict(c_after, line)]
    premise = "if he is the sole WVR holder"
    if class_b_share is not None:
        premise = (
            "if he were the sole WVR holder, which the reported class B count "
            + sole_holder_premise(x, e, class_b_share)
        )
    counted = ""
    if concert_counts is not None:
        at_listing, after_oa, oa_date = concert_counts
        counted = say(
            " On the reported share counts it held {a} at listing, {where} the line, and {b} after the "
            "over-allotment (exercised in full, {date}), {side} it.",
            a=pc(at_listing),
            where=line_verdict(at_listing, line),
            b=pc(after_oa),
            date=oa_date,
            side=compare(after_oa, line, more="above", less="below", same="at"),
        ).data
    return say(
        "- **Control rests on WVR shares, not on ownership.** Yan Junjie owned {e} of MiniMax and cast {s} of the "
        "votes; x = (s - e) / ((v - 1)(1 - s)) gives {x} of all shares as WVR shares at {v} votes each, "
        "{premise}. His votes after any issue do not depend on v.\n"
        "- **The share count decides the dilution basis: {which}.** The offer sold {sold} million new shares, "
        "{n_offer} of the pre-listing count; Alisoft China's reported stakes imply about {implied} million, "
        "{alisoft_ratio} as many. Priced at the offer, the offer's shares equal the gross proceeds by "
        "construction, so only the count tests the basis. This run uses {basis}.\n"
        "- **The founder's votes {went} at listing,** from {before} to {after}, {kept} {m}; it would take new "
        "shares of {n_end} of the pre-listing count to take him below {m}.\n"
        "- **The structure {meets} the Chapter 8A limits, and the value test {value}.** The value implied at the "
        "offer, {mcap}, is {mcap_ratio} the 8A.06 line; the literal and the cautious readings of 8A.09 both "
        "clear its floor.\n"
        "- **A pre-listing stake grew less than the company.** From the last private round to the first-day close "
        "the company rose {company}, a stake {stake}: the dilution factor 1/(1+n) times the company's step-up.\n"
        "- **Zhipu's step-up at the offer is {floor_step} on the reported floor and {scaled_step} scaled from "
        "the first day,** both in RMB terms. Its concert party held {c_before} before the offer and "
        "{c_after} after it on our estimate: "
        + where
        + "."
        + counted.replace("{", "{{").replace("}", "}}"),
        premise=premise,
        e=pc(e),
        s=pc(s),
        v=f"{v:g}",
        x=pc(x),
        n_offer=pc(n_routes["offer_shares"], 1),
        sold=f"{sold:,.1f}",
        implied=f"{n_routes['alisoft_reported'] * pre_count:,.1f}",
        alisoft_ratio=times(n_routes["alisoft_reported"] * pre_count / sold, 1),
        basis=BASES[basis],
        which=listing([BASES[b] for b in matches]) if matches else "neither",
        went=direction(votes["before"], votes[basis]),
        before=pc(votes["before"]),
        after=pc(votes[basis]),
        kept=choose(votes[basis] > m, "still above", "no longer above"),
        m=pc(m, 0),
        n_end=pc(n_end, 1),
        meets=choose(structure_ok, "meets", "does not meet"),
        value=choose(value_ok, "passes", "fails"),
        mcap=_hedged(step_q, _bn(mcap_offer, "HKD")),
        mcap_ratio=_hedged(step_q, times(mcap_offer / rules["min_mcap"].value, 2)),
        company=_hedged(step_q, times(company_step)),
        stake=_hedged(step_q, times(company_step / (1 + n))),
        floor_step=_hedged(floor.qualifier, times(floor.value / zp_private)),
        scaled_step=_hedged(zp_hedge, times(scaled)),
        c_before=_hedged(c_fact.qualifier, pct(c_fact.value, 2)),
        c_after=_hedged(c_fact.qualifier, pc(c_after, 1)),
        line=pc(line, 0),
        rule=rules["controlling"].locator,
    )
