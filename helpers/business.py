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
from IPython.display import Markdown

from helpers import words
from helpers.data import load_sources
from helpers.facts import Fact
from helpers.formatting import as_given, count, money, months, pct, times
from helpers.params import Choice, Number
from helpers.periods import convert, ltm, monthly_run_rate, months_in, rate
from helpers.plotting import NAMES
from helpers.words import say

#: The parameters cell of notebook 01.
PARAMETERS = {
    "compare_currency": Choice(("USD", "RMB", "HKD")),
    "tie_band_pct": Number(low=2.0, high=20.0, edges=(5.0,)),
    "fit_tolerance_pp": Number(low=0.1, high=2.0, edges=(0.5,)),
    "breakeven_margin_pp": Number(low=0.0, high=5.0, edges=(1.0,)),
}

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
            raise ValueError(
                f"{item.fact_id}: scale_steps needs money in millions, got unit {item.unit!r}"
            )
    rows = []
    a, b = first.value, second.value
    rows.append(
        (
            "as_reported",
            a,
            f"{first.currency} million, {first.period_label}",
            b,
            f"{second.currency} million, {second.period_label}",
        )
    )
    a, b = (
        convert(first.value, first.currency, currency),
        convert(second.value, second.currency, currency),
    )
    rows.append(
        (
            "one_currency",
            a,
            f"{currency} million, {first.period_label}",
            b,
            f"{currency} million, {second.period_label}",
        )
    )
    a = convert(monthly_run_rate(first), first.currency, currency)
    b = convert(monthly_run_rate(second), second.currency, currency)
    rows.append(
        (
            "monthly_run_rate",
            a,
            f"{currency} million a month (over {months_in(first.period_label)} months)",
            b,
            f"{currency} million a month (over {months_in(second.period_label)} months)",
        )
    )
    frame = pd.DataFrame(rows, columns=["step", "first", "first_unit", "second", "second_unit"])
    frame["ratio"] = frame["second"] / frame["first"]
    return frame


#: What each step of the size ladder fixes, and what it still leaves unlike.
LADDER_NOTES = {
    "as_reported": ("nothing", "currency, period length and season"),
    "one_currency": ("the currency (at a constant rate)", "period length and season"),
    "monthly_run_rate": ("the period length", "the season: each company's own months"),
    "ltm_per_month": (
        "the season: twelve months each",
        "the windows end three months apart; one rate for all",
    ),
}


def ladder(
    first: tuple[Fact, Fact, Fact], second: tuple[Fact, Fact, Fact], currency: str
) -> pd.DataFrame:
    """The size ladder: printed, one currency, per month, and per month of the last twelve months (LTM).

    Each tuple is (full year, prior-year interim, current interim). Returns :func:`scale_steps` plus an LTM row
    and what each step fixes. Example: ``ladder((fy24, h1_24, h1_25), (fy24m, q9_24, q9_25), "USD")``
    """
    steps = scale_steps(first[2], second[2], currency)
    a = convert(ltm(*first), first[2].currency, currency) / 12
    b = convert(ltm(*second), second[2].currency, currency) / 12
    steps.loc[len(steps)] = [  # type: ignore[assignment]  # a row as a list; the stubs want a scalar
        "ltm_per_month",
        a,
        f"{currency} million a month, LTM to {first[2].period_label}",
        b,
        f"{currency} million a month, LTM to {second[2].period_label}",
        b / a,
    ]
    steps["fixes"] = [LADDER_NOTES[s][0] for s in steps["step"]]
    steps["still unlike"] = [LADDER_NOTES[s][1] for s in steps["step"]]
    return steps


def ladder_view(steps: pd.DataFrame, names: tuple[str, str]) -> pd.DataFrame:
    """The ladder as a reader's table: each company's figure with its unit, the ratio, what is fixed and what is not.

    Example: ``ladder_view(ladder(...), ("Zhipu", "MiniMax"))``
    """
    return pd.DataFrame(
        {
            "step": steps["step"].str.replace("_", " "),
            # fixed-width numbers, so the table reads the same (numbers aside) in every display currency
            names[0]: [
                f"{v:>9,.2f} {u}" for v, u in zip(steps["first"], steps["first_unit"], strict=True)
            ],
            names[1]: [
                f"{v:>9,.2f} {u}"
                for v, u in zip(steps["second"], steps["second_unit"], strict=True)
            ],
            f"{names[1]} / {names[0]}": [times(r) for r in steps["ratio"]],
            "fixes": steps["fixes"],
            "still unlike": steps["still unlike"],
        }
    )


def rate_note(currency: str) -> str:
    """Chart footer naming the rates as numbers. Example: ``rate_note("USD")`` gives '7.04 RMB per USD, ...'."""
    usd_rmb = float(rate("USD", "RMB")["rate"])
    text = f"{usd_rmb:g} RMB per USD"
    if currency == "HKD":
        text = (
            f"{float(rate('USD', 'HKD')['rate']):g} HKD per USD and "
            f"{float(rate('HKD', 'RMB')['rate']):g} RMB per HKD"
        )
    return f"Constant rate: {text}, one rate for all periods."


def ladder_verdict(ratio: float, tie_band_pct: float) -> str:
    """Second company against the first on a ratio, with ties inside the band. Example: ``ladder_verdict(0.99, 5)``"""
    return words.compare(
        ratio,
        1.0,
        rel_tol=tie_band_pct / 100,
        more="more than",
        less="less than",
        same="about the same as",
    )


def ladder_title(steps: pd.DataFrame, tie_band_pct: float) -> str:
    """Chart title: the LTM verdict against the per-month one. Example: ``ladder_title(steps, 5.0)``"""
    run, last = float(steps["ratio"].iloc[2]), float(steps["ratio"].iloc[3])
    return (
        f"Over the last twelve months MiniMax earned {ladder_verdict(last, tie_band_pct)} Zhipu a month; "
        f"on each one's own months it looked to earn {ladder_verdict(run, tie_band_pct)} Zhipu"
    )


def interim_weight(interim: Fact, full_year: Fact) -> tuple[float, float]:
    """An interim's share of its full year and the share an even year would give, both percent.

    Example: ``interim_weight(fact("minimax", "revenue", "9M2024"), fact("minimax", "revenue", "FY2024"))``
    gives about (63.7, 75.0).
    """
    if (
        interim.period_label[-4:] != full_year.period_label[-4:]
        or months_in(full_year.period_label) != 12
    ):
        raise ValueError(
            f"{interim.fact_id} is not an interim of the full year {full_year.fact_id}"
        )
    return share_of(interim.value, full_year.value), WHOLE_PCT * months_in(
        interim.period_label
    ) / 12


def _weight_word(weight: tuple[float, float]) -> str:
    """'less than', 'more than' or 'close to' for an interim weight against an even year's (10% relative)."""
    return words.compare(
        weight[0], weight[1], rel_tol=0.1, more="more than", less="less than", same="close to"
    )


def _rate_dates(currency: str) -> str:
    """The latest date among the rates a display currency uses (one date, so sentences keep one shape).

    Example: ``_rate_dates("USD")`` gives '2025-12-21'; ``_rate_dates("HKD")`` gives '2026-01-13'.
    """
    pairs = [("USD", "HKD"), ("HKD", "RMB")] if currency == "HKD" else [("USD", "RMB")]
    return max(pd.Timestamp(rate(a, b)["date"]) for a, b in pairs).strftime("%Y-%m-%d")


def ladder_finding(
    steps: pd.DataFrame,
    tie_band_pct: float,
    currency: str,
    weights: tuple[tuple[float, float], tuple[float, float]],
) -> Markdown:
    """The ladder read top to bottom, with the LTM step as the headline.

    ``weights`` are (Zhipu, MiniMax) :func:`interim_weight` pairs for the prior year.
    Example: ``ladder_finding(steps, 5, "USD", ((14.4, 50.0), (63.7, 75.0)))``
    """
    r = [float(x) for x in steps["ratio"]]
    tie = words.compare(r[3], 1.0, rel_tol=tie_band_pct / 100) == "about the same"
    zp, mm = weights
    return say(
        "- **As printed**, MiniMax's figure is {r0} Zhipu's: a dollar amount against a renminbi amount.\n"
        "- **In one currency** it is {r1}, but nine months against six.\n"
        "- **Per month** it is {r2}: MiniMax earned {v2} a month, {w2} Zhipu. But in 2024 Zhipu's first half "
        "carried {zp_w} of its year ({zp_word} the {zp_even} of an even year) and MiniMax's first nine months "
        "{mm_w} ({mm_word} {mm_even}), so both per-month figures understate their year's, {whose} (see "
        "[seasonality](#seasonality)).\n"
        "- **Per month of the last twelve months** it is {r3}: MiniMax earned {w3} Zhipu ({a3} against {b3} a "
        "month). The gap of {gap} lies {inside} the {band} we choose to allow for one constant rate per pair of "
        "currencies (none dated later than {dates}) applied to revenue of 2024 and 2025. Our data hold no "
        "rates for those years, so how far that rate is off is unknown: the band is a choice, not a "
        "measurement. On it the headline is {headline}.",
        r0=times(r[0]),
        r1=times(r[1]),
        r2=times(r[2]),
        r3=times(r[3]),
        v2=money(float(steps["second"].iloc[2]), currency, 2),
        w2=ladder_verdict(r[2], tie_band_pct),
        w3=ladder_verdict(r[3], tie_band_pct),
        a3=money(float(steps["second"].iloc[3]), currency, 2),
        b3=money(float(steps["first"].iloc[3]), currency, 2),
        gap=pct(abs(r[3] - 1) * 100),
        band=pct(tie_band_pct, 0),
        inside=words.choose(tie, "inside", "outside"),
        headline=words.choose(
            tie, "a tie, not a win", "a difference in size larger than the rate can explain"
        ),
        zp_w=pct(zp[0]),
        zp_word=_weight_word(zp),
        zp_even=pct(zp[1], 0),
        mm_w=pct(mm[0]),
        mm_word=_weight_word(mm),
        mm_even=pct(mm[1], 0),
        dates=_rate_dates(currency),
        whose=words.compare(
            zp[0] / zp[1],
            mm[0] / mm[1],
            rel_tol=0.1,
            more="MiniMax's the more",
            less="Zhipu's the more",
            same="the two alike",
        ),
    )


def growth_table(
    h1_prior: Fact, h1: Fact, fy_prior: Fact, fy: Fact, fy_first: Fact
) -> pd.DataFrame:
    """Growth three ways: first half on first half, full year on full year, and the compound annual rate.

    ``fy`` is the year of ``h1_prior``. Example: ``growth_table(h1_2024, h1_2025, fy2023, fy2024, fy2022)`` gives
    about 325%, 151% and 133% for Zhipu.
    """
    years = int(fy.period_label[-4:]) - int(fy_first.period_label[-4:])
    base = share_of(h1_prior.value, fy.value)
    rows = [
        (
            f"{h1.period_label} on {h1_prior.period_label}",
            (h1.value / h1_prior.value - 1) * 100,
            f"the base half carried {pct(base)} of {fy.period_label}",
        ),
        (
            f"{fy.period_label} on {fy_prior.period_label}",
            (fy.value / fy_prior.value - 1) * 100,
            "whole years",
        ),
        (
            f"{fy_first.period_label} to {fy.period_label}, a year (CAGR)",
            ((fy.value / fy_first.value) ** (1 / years) - 1) * 100,
            f"over {years} whole years",
        ),
    ]
    return pd.DataFrame(rows, columns=["growth", "percent", "note"])


def season_finding(h1_prior: Fact, fy: Fact, growth: pd.DataFrame) -> Markdown:
    """What Zhipu's first-half weight does to interim figures. Example: ``season_finding(h1_2024, fy2024, g)``"""
    weight = share_of(h1_prior.value, fy.value)
    even = 100 * months_in(h1_prior.period_label) / 12
    return say(
        "Zhipu's first half of {year} carried {weight} of its {fy} revenue, {verdict} the {even} an even year "
        "would give. So a first half doubled understates the year, and first-half growth of {g_h1} says more "
        "about how small the base half was than about the business, whose whole-year growth was {g_fy} and "
        "compound growth over {span} {g_cagr} a year.",
        year=h1_prior.period_label[-4:],
        weight=pct(weight),
        fy=fy.period_label,
        even=pct(even, 0),
        verdict=words.compare(
            weight, even, rel_tol=0.1, more="far more than", less="far less than", same="close to"
        ),
        g_h1=pct(float(growth["percent"].iloc[0]), 0),
        g_fy=pct(float(growth["percent"].iloc[1]), 0),
        span=str(growth["growth"].iloc[2]).split(",")[0],
        g_cagr=pct(float(growth["percent"].iloc[2]), 0),
    )


def contributions(rows: list[tuple[str, str, float, float]]) -> pd.DataFrame:
    """Each segment's share, margin and contribution to the company margin (share x margin, in percentage points).

    ``rows`` are (company, segment, share %, margin %). Example: ``contributions([("zhipu", "cloud", 15.2, -0.4)])``
    """
    table = pd.DataFrame(
        rows, columns=["company", "segment", "share of revenue, %", "gross margin, %"]
    )
    table["contribution, pp"] = table["share of revenue, %"] * table["gross margin, %"] / 100
    return table


def margin_title(table: pd.DataFrame) -> str:
    """Chart title: where each company's gross profit comes from, weighted by revenue. Example: ``margin_title(t)``"""
    parts = []
    for company in ("zhipu", "minimax"):
        rows = table[table["company"] == company].sort_values("contribution, pp", ascending=False)
        top, total = rows.iloc[0], rows["contribution, pp"].sum()
        parts.append(
            f"{NAMES[company]} {pct(share_of(top['contribution, pp'], total), 0)} from {top['segment']}"
        )
    return "Where the gross profit comes from, revenue-weighted: " + "; ".join(parts)


def margin_finding(
    table: pd.DataFrame,
    reported: dict[str, float],
    cloud_margin: float,
    breakeven_margin_pp: float,
    fit_tolerance_pp: float,
    platform_stated: float,
) -> Markdown:
    """The margin table read: blends against reported totals, the cloud's margin, and the platform fit."""
    sums = table.groupby("company")["contribution, pp"].sum()
    return say(
        "Weighted by revenue, Zhipu's two modes give {zp_sum} against its reported {zp_rep}: the inputs "
        "{zp_agree} each other. Its cloud kept {cloud}, so for now the cloud {cloud_verdict} (we call a margin "
        "within {band} of zero breaking even). MiniMax's open-platform margin here is *implied*: its reported "
        "total less the apps' contribution, over the platform's share. It {fit} the {stated} one report gives "
        "without a period. {reading}",
        zp_sum=pct(float(sums["zhipu"]), 2),
        zp_rep=pct(reported["zhipu"]),
        zp_agree=words.agreement(
            float(sums["zhipu"]),
            reported["zhipu"],
            abs_tol=fit_tolerance_pp,
            yes="agree with",
            no="do not agree with",
        ),
        cloud=pct(cloud_margin),
        cloud_verdict=words.choose(
            abs(cloud_margin) <= breakeven_margin_pp,
            "roughly breaks even",
            words.sign(
                cloud_margin,
                positive="keeps a margin of its own",
                negative="sells below what it costs to deliver",
                zero="",
            ),
        ),
        band=words.choose(
            breakeven_margin_pp == 1,
            "1 percentage point",
            f"{breakeven_margin_pp:g} percentage points",
        ),
        fit=words.agreement(
            float(table.iloc[-1]["gross margin, %"]),
            platform_stated,
            abs_tol=fit_tolerance_pp,
            yes="agrees, within " + f"{fit_tolerance_pp:g} percentage points, with",
            no="differs by more than " + f"{fit_tolerance_pp:g} percentage points from",
        ),
        stated=pct(platform_stated),
        reading=words.choose(
            abs(float(table.iloc[-1]["gross margin, %"]) - platform_stated) <= fit_tolerance_pp,
            "That is consistent with the report being for the same nine months, but it is a fit, not a check, "
            "since the period was never stated.",
            "The report may then be for another period, or rounded differently; with no stated period, neither "
            "reading can be checked.",
        ),
    )


def mix_effect(shares0: list[float], margins0: list[float], shares1: list[float]) -> float:
    """The mix effect alone: the change in shares priced at the old margins, in percentage points.

    Example: ``mix_effect([50, 50], [10, 30], [40, 60])`` gives 2.0.
    """
    if not len(shares0) == len(margins0) == len(shares1) > 0:
        raise ValueError("mix_effect needs one share and one margin per segment in both periods")
    return sum((s1 - s0) * m0 for s0, s1, m0 in zip(shares0, shares1, margins0, strict=True)) / 100


def decompose(
    shares0: list[float], margins0: list[float], shares1: list[float], margins1: list[float]
) -> dict[str, float]:
    """Split a change in total margin into a mix effect and a margin effect (percentage points).

    Convention: mix effect = sum of (change in share) x (old margin); margin effect = sum of (new share) x
    (change in margin); the two add up exactly to the change. Example: ``decompose([50, 50], [10, 30],
    [40, 60], [10, 30])["mix"]`` gives 2.0.
    """
    if not len(shares0) == len(margins0) == len(shares1) == len(margins1) > 0:
        raise ValueError("decompose needs one share and one margin per segment in both periods")
    mix = mix_effect(shares0, margins0, shares1)
    effects = [s1 * (m1 - m0) / 100 for s1, m0, m1 in zip(shares1, margins0, margins1, strict=True)]
    before = sum(s * m for s, m in zip(shares0, margins0, strict=True)) / 100
    after = sum(s * m for s, m in zip(shares1, margins1, strict=True)) / 100
    result = {"before": before, "mix": mix, "after": after}
    result.update({f"margin {i}": e for i, e in enumerate(effects)})
    return result


def decomposition_leader(parts: dict[str, float]) -> str:
    """Which effect moved the margin more: segment margins or mix. Example: ``decomposition_leader(parts)``"""
    margin_total = sum(v for k, v in parts.items() if k.startswith("margin "))
    return words.compare(
        abs(margin_total),
        abs(parts["mix"]),
        more="better segment margins more than a shift in mix",
        less="a shift in mix more than better segment margins",
        same="mix and segment margins equally",
    )


def decomposition_title(parts: dict[str, float], whole_years: tuple[Fact, Fact]) -> str:
    """Chart title for the margin split, with the like-for-like whole years beside it.

    Example: ``decomposition_title(parts, (gm_fy2024, gm_fy2025))``
    """
    a, b = whole_years
    return (
        f"MiniMax's gross margin {words.direction(parts['before'], parts['after'])} on "
        f"{decomposition_leader(parts)}; on whole years it {words.direction(a.value, b.value)} "
        f"from {pct(a.value)} ({a.period_label}) to {pct(b.value)} ({b.period_label})"
    )


def decomposition_finding(
    parts: dict[str, float],
    names: list[str],
    periods: tuple[str, str],
    whole_years: tuple[Fact, Fact],
    whole_mix: float,
) -> Markdown:
    """The decomposition read: which effect moved the margin, and what whole years say of direction and mix.

    ``whole_mix`` is the mix effect between the two whole years at the first year's margins (percentage
    points). Example: ``decomposition_finding(d, names, ("FY2024", "9M2025"), (gm24, gm25), 2.98)``
    """
    margin_total = sum(v for k, v in parts.items() if k.startswith("margin "))
    change = parts["after"] - parts["before"]
    leader = decomposition_leader(parts)
    a, b = whole_years
    split_way, year_way = (
        words.direction(parts["before"], parts["after"]),
        words.direction(a.value, b.value),
    )
    return say(
        "MiniMax's gross margin {moved} from {before} in {p0} to {after} in {p1}, a change of {change}. The mix "
        "effect is {mix} and the margin effect {margin} ({first}: {m0}; {second}: {m1}): between these two "
        "periods the change came from {leader}. As the split sets a full year against nine months, the "
        "direction rests on whole years: the margin {year_way} from {a} in {pa} to {b} in {pb} ({sources}), "
        "by {gap}, {agree} the split. *Known only from the {pb} results (March 2026; see "
        "[notebook 06](06_one_year_on.ipynb)):* the segment shares of {pb}, priced at the {pa} margins, give "
        "a whole-year mix effect of {whole_mix}, {mix_cmp} the {mix} above; the rest, {rest}, is the margin "
        "effect taken together, as the results give no apps margin for {pb} to split it by segment.",
        year_way=year_way,
        a=pct(a.value),
        pa=a.period_label,
        b=pct(b.value),
        pb=b.period_label,
        sources=", ".join(sorted({a.source_id, b.source_id})),
        gap=f"{abs(b.value - a.value):.1f} percentage points",
        agree=words.choose(split_way == year_way, "the same way as", "against"),
        moved=words.direction(parts["before"], parts["after"]),
        before=pct(parts["before"]),
        p0=periods[0],
        after=pct(parts["after"]),
        p1=periods[1],
        change=f"{change:+.1f} percentage points",
        mix=f"{parts['mix']:+.2f} percentage points",
        margin=f"{margin_total:+.2f} percentage points",
        first=names[0],
        m0=f"{parts['margin 0']:+.2f}",
        second=names[1],
        m1=f"{parts['margin 1']:+.2f}",
        leader=leader,
        whole_mix=f"{whole_mix:+.1f} percentage points",
        mix_cmp=words.compare(
            abs(whole_mix),
            abs(parts["mix"]),
            rel_tol=0.1,
            more="larger than",
            less="smaller than",
            same="about the same as",
        ),
        rest=f"{b.value - a.value - whole_mix:+.1f} percentage points",
    )


def compute_table(compute: list[Fact], rd: list[Fact], revenue: list[Fact]) -> pd.DataFrame:
    """Compute services and R&D against revenue, period by period (multiples of revenue).

    Example: ``compute_table([c24, c25], [rd24, rd25], [r24, r25])["compute / revenue"]`` gives about 5.0x, 6.0x.
    """
    rows = []
    for c, r, rev in zip(compute, rd, revenue, strict=True):
        if not c.period_label == r.period_label == rev.period_label:
            raise ValueError(f"periods differ: {c.fact_id}, {r.fact_id}, {rev.fact_id}")
        rows.append(
            {
                "period": c.period_label,
                "revenue": money(rev.value, rev.currency),
                "compute services": _millions(c),
                "R&D": _millions(r),
                "compute / revenue": times(c.value / rev.value, 1),
                "compute share of R&D": pct(share_of(c.value, r.value)),
                "sources": ", ".join(sorted({c.source_id, r.source_id, rev.source_id})),
            }
        )
    return pd.DataFrame(rows)


def compute_finding(compute: list[Fact], revenue: list[Fact], h1_weight_pct: float) -> Markdown:
    """Zhipu's compute bill against its revenue, with the season caveat. Example: ``compute_finding(c, r, 14.4)``"""
    full, half = compute[0].value / revenue[0].value, compute[1].value / revenue[1].value
    return say(
        "In {p0} Zhipu's compute services alone cost {full} its revenue; in {p1}, {half}. The first-half ratio "
        "{cmp} the full-year one, but the two are not like for like: compute is bought through the year, while "
        "revenue lands late (the first half of the prior year carried {weight} of it; see "
        "[seasonality](#seasonality)). The full-year ratio is the fair measure: compute in R&D was {full} "
        "revenue. It is not a cost of that revenue: compute booked in R&D is research spending (that it goes "
        "mostly to training the next models is our assumption; the sources do not split it), and what it cost "
        "to deliver the revenue sits in the cost of sales.",
        p0=compute[0].period_label,
        p1=compute[1].period_label,
        full=times(full, 1),
        half=times(half, 1),
        cmp=words.compare(
            half, full, rel_tol=0.02, more="is above", less="is below", same="matches"
        ),
        weight=pct(h1_weight_pct),
    )


def _metric_words(metric: str) -> str:
    """A metric id in words. Example: ``_metric_words("fair_value_loss_preferred")``"""
    return metric.replace("_", " ").replace("loss preferred", "loss on preferred")


def _millions(item: Fact, value: float | None = None, hedge: str | None = None) -> str:
    """A figure in millions with the decimals it carries and its hedge: 'about USD 1,590 million'."""
    number = item.value if value is None else value
    qualifier = item.qualifier if hedge is None else hedge
    return f"{qualifier} {item.currency} {as_given(round(number, 4))} million".strip()


def bridge_table(items: list[tuple[str, Fact, Fact, Fact | None]]) -> pd.DataFrame:
    """From the loss to the adjusted loss: the itemised adjustment where our sources give one, the rest as a residual.

    ``items`` are (label, loss, adjusted loss, itemised adjustment or None); a residual built from a hedged figure
    is hedged "about". Example: ``bridge_table([...])``
    """
    rows = []
    for label, loss, adjusted, item in items:
        itemised = item.value if item is not None else 0.0
        hedged = any(f is not None and f.qualifier for f in (loss, adjusted, item))
        rows.append(
            {
                "company and period": label,
                "loss": f"{_millions(loss)} ({(loss.note or 'net loss').rstrip('.').lower()})",
                "itemised in our sources": "none"
                if item is None
                else f"{_millions(item)} ({_metric_words(item.metric)})",
                "other adjustments, not itemised in our sources": _millions(
                    loss, loss.value - itemised - adjusted.value, words.choose(hedged, "about", "")
                ),
                "adjusted loss": _millions(adjusted),
                "adjusted / loss": pct(share_of(adjusted.value, loss.value), 0),
                "sources": ", ".join(
                    sorted(
                        {loss.source_id, adjusted.source_id}
                        | ({item.source_id} if item is not None else set())
                    )
                ),
            }
        )
    return pd.DataFrame(rows)


def bridge_finding(loss: Fact, item: Fact, adjusted: Fact) -> Markdown:
    """The one itemised bridge: how much of the loss the fair-value charge explains. Example: ``bridge_finding``"""
    return say(
        "Only one bridge is itemised in our sources: MiniMax's {period}, where {item} of its {loss} loss ({share} "
        "of it) was a non-cash charge for the change in fair value of its preferred shares. The other adjustments "
        "of that year, and every adjustment of the other periods, are not itemised; "
        "the tables show them as one residual rather than guess at them.",
        period=loss.period_label,
        item=_millions(item),
        loss=_millions(loss),
        share=f"about {pct(share_of(item.value, loss.value), 0)}",
    )


#: Columns of :func:`multiples_table`: the full year's age at the round, and LTM growth a month after it.
AGE = "months from the full year's end to the round"
GROWTH = "LTM revenue growth a month, full year to next period end, %"
#: Average days in a month (365.25 / 12).
DAYS_PER_MONTH = 365.25 / 12


def multiples_table(
    rows: list[tuple[str, Fact, Fact, tuple[Fact, Fact, Fact], Fact]],
) -> pd.DataFrame:
    """Each round's post-money valuation over revenue two ways, and over the last full year's gross profit.

    ``rows`` are (name, valuation, last full year's revenue, LTM facts, that year's gross margin); valuation
    and revenue are in one currency per company, so the multiples need no exchange rate.
    Example: ``multiples_table([("Zhipu", val, fy24, (fy24, h1_24, h1_25), gm24)])``
    """
    out = []
    for name, valuation, full_year, ltm_facts, margin in rows:
        label = ltm_facts[2].period_label
        window_end = pd.Timestamp(f"{label[-4:]}-01-01") + pd.DateOffset(months=months_in(label))
        window_end -= pd.Timedelta(days=1)
        after = (window_end - pd.Timestamp(valuation.period_label)).days
        fy_end = pd.Timestamp(f"{full_year.period_label[-4:]}-12-31")
        out.append(
            {
                "company": name,
                "round closed": valuation.period_label,
                "valuation": money(valuation.value, valuation.currency, 2),
                f"/ revenue, {full_year.period_label} (seen by the round)": valuation.value
                / full_year.value,
                "/ LTM revenue to the next period end": valuation.value / ltm(*ltm_facts),
                "LTM window ends after the round by": words.plural(after, "day"),
                f"/ gross profit, {full_year.period_label}": valuation.value
                / (full_year.value * margin.value / 100),
                AGE: (pd.Timestamp(valuation.period_label) - fy_end).days / DAYS_PER_MONTH,
                GROWTH: ((ltm(*ltm_facts) / full_year.value) ** (1 / (months_in(label) or 1)) - 1)
                * 100,
            }
        )
    return pd.DataFrame(out).set_index("company")


def multiples_finding(table: pd.DataFrame) -> Markdown:
    """The multiples read on both bases. Example: ``multiples_finding(multiples_table(rows))``"""
    full, trailing, gross = table.columns[2], table.columns[3], table.columns[5]
    zp, mm = table.iloc[0], table.iloc[1]
    zp_margin, mm_margin = float(zp[full]) / float(zp[gross]), float(mm[full]) / float(mm[gross])
    faster = words.compare(
        float(mm[GROWTH]),
        float(zp[GROWTH]),
        rel_tol=0.05,
        more="faster",
        less="slower",
        same="about as fast",
    )
    return say(
        "On the last full year either round's investors had seen, MiniMax was priced at {mm_full} revenue, "
        "{cmp_full} Zhipu's {zp_full}. On gross profit the gap is {wider} ({mm_gp} against {zp_gp}), because "
        "MiniMax then kept {kept} of its revenue as gross profit ({mm_m} against {zp_m}). On the twelve months to "
        "the next period end the multiples are {mm_ltm} (MiniMax) and {zp_ltm} (Zhipu), but those windows end "
        "after the rounds closed: they credit investors with revenue they had not yet seen. The full-year basis "
        "is not neutral either: it was {mm_age} old at MiniMax's round against {zp_age} at Zhipu's, and over the "
        "months after it MiniMax's twelve-month revenue grew {faster} ({mm_g} a month against {zp_g}), so the "
        "same basis {penalty}. Neither basis annualises a half-year (see [seasonality](#seasonality)).",
        mm_full=times(float(mm[full]), 0),
        zp_full=times(float(zp[full]), 0),
        cmp_full=words.compare(
            float(mm[full]),
            float(zp[full]),
            rel_tol=0.05,
            more="above",
            less="below",
            same="about the same as",
        ),
        wider=words.compare(
            float(mm[gross]) / float(zp[gross]),
            float(mm[full]) / float(zp[full]),
            rel_tol=0.05,
            more="wider still",
            less="narrower",
            same="about as wide",
        ),
        mm_gp=times(float(mm[gross]), 0),
        zp_gp=times(float(zp[gross]), 0),
        kept=words.compare(
            mm_margin, zp_margin, rel_tol=0.05, more="more", less="less", same="about as much"
        ),
        mm_m=pct(mm_margin * 100),
        zp_m=pct(zp_margin * 100),
        mm_ltm=times(float(mm[trailing]), 0),
        zp_ltm=times(float(zp[trailing]), 0),
        mm_age=months(float(mm[AGE])),
        zp_age=months(float(zp[AGE])),
        faster=faster,
        mm_g=pct(float(mm[GROWTH])),
        zp_g=pct(float(zp[GROWTH])),
        penalty=words.choose(
            float(mm[AGE]) > float(zp[AGE]) and faster == "faster",
            "weighs against the later round, of the faster grower: stale revenue inflates MiniMax's multiple "
            "the more",
            "does not weigh against one round in any simple way",
        ),
    )


PROFILE_ROWS = {
    "founded": "Founded",
    "origin": "Origin and founders",
    "business_model": "Business model",
    "main_customers": "Main customers",
    "delivery": "How it is delivered",
    "monetisation": "How it earns money",
    "regions": "Regions",
    "listing": "Listing",
}


def profile_table(profile: pd.DataFrame, counts: dict[str, list[tuple[Fact, str]]]) -> pd.DataFrame:
    """The two profiles side by side, each cell with its source; counts carry the kind of count they are.

    ``counts`` maps a company to (count, what and kind) pairs. Example: ``profile_table(load_profile(), {...})``
    """
    table = {}
    for company in ("zhipu", "minimax"):
        cells = []
        for attribute in PROFILE_ROWS:
            hit = profile[(profile["company"] == company) & (profile["attribute"] == attribute)]
            cells.append(
                f"{hit.iloc[0]['value']} [{hit.iloc[0]['source_id']}]"
                if len(hit)
                else "not in our data"
            )
        cells.append(
            "; ".join(
                f"{f.qualifier} {stated_count(f.value)} {what} [{f.source_id}]".strip()
                for f, what in counts[company]
            )
        )
        table[NAMES[company]] = cells
    return pd.DataFrame(table, index=[*PROFILE_ROWS.values(), COUNTS_ROW])


#: The profile row of customer and user counts: the companies' own operating counts, not audited figures.
COUNTS_ROW = "Customers and users, company-stated (unaudited), with the kind of count"


def stated_count(value: float) -> str:
    """A count at the precision its source states it: every stated digit, in millions from a million up.

    Example: ``stated_count(27622000)`` gives '27.622 million'; ``stated_count(1771600)`` gives '1.7716 million';
    ``stated_count(2500)`` gives '2,500'.
    """
    if value < 1e6:
        return count(value)
    return f"{value / 1e6:.6f}".rstrip("0").rstrip(".") + " million"


def regions_finding(zp_mainland: Fact, mm_mainland: Fact) -> Markdown:
    """The two regional mixes, with their different periods. Example: ``regions_finding(zp, mm)``"""
    return say(
        "Zhipu earned {zp} of its {zp_p} revenue in mainland China; MiniMax {mm} of its {mm_p} revenue, so "
        "{rest} came from elsewhere. The periods differ (six months against nine, and Zhipu's first half is a "
        "light one: see [seasonality](#seasonality)), but a gap this wide does not hang on the season.",
        zp=pct(zp_mainland.value, 2),
        zp_p=zp_mainland.period_label,
        mm=pct(mm_mainland.value, 2),
        mm_p=mm_mainland.period_label,
        rest=pct(100 - mm_mainland.value, 2),
    )


def takeaways(
    steps: pd.DataFrame,
    tie_band_pct: float,
    weights: tuple[tuple[float, float], tuple[float, float]],
    parts: dict[str, float],
    periods: tuple[str, str],
    compute_multiple: float,
    multiples: pd.DataFrame,
    top5: Fact,
    fv_share_pct: float,
    whole_years: tuple[Fact, Fact],
    whole_mix: float,
    compute_period: str,
) -> Markdown:
    """The notebook's key takeaways as Markdown. Example: ``takeaways(...)``"""
    r3 = float(steps["ratio"].iloc[3])
    margin_total = sum(v for k, v in parts.items() if k.startswith("margin "))
    full = multiples.columns[2]
    return say(
        "- **Size:** over the last twelve months MiniMax earned {size} Zhipu a month ({r3}, one constant "
        "rate); the per-month figures of each one's own months ({r2}) mislead because in 2024 Zhipu's first half "
        "carried only {zp_w} of its year and MiniMax's first nine months {mm_w} (an even year gives {zp_even} and "
        "{mm_even}).\n"
        "- **Opposite models:** Zhipu sells projects to institutions, with its revenue concentrated (five "
        "customers gave {top5} of its {top5_p} revenue); MiniMax sells apps and an API to many payers abroad.\n"
        "- **Margins:** MiniMax's gross margin {moved} by {change} from {p0} to {p1}: {margin} percentage "
        "points from segment margins and {mix} from mix, a full year against nine months. On whole years it "
        "{year_way} from {y0} ({py0}) to {y1} ({py1}), and there mix gave {whole_mix} percentage points (known "
        "only from the {py1} results; see [notebook 06](06_one_year_on.ipynb)).\n"
        "- **Compute:** compute in Zhipu's R&D was {compute} its revenue in {cp}: research spending, not a "
        "cost of that revenue.\n"
        "- **Losses:** an adjusted loss leaves out items our sources rarely itemise; where they do, a fair-value "
        "charge on preferred shares was about {fv_share} of MiniMax's 2025 loss.\n"
        "- **Valuation:** on the last full year the rounds had seen, MiniMax was priced at {mm_x} revenue and "
        "Zhipu at {zp_x}.",
        size=ladder_verdict(r3, tie_band_pct),
        r3=times(r3),
        r2=times(float(steps["ratio"].iloc[2])),
        zp_w=pct(weights[0][0]),
        mm_w=pct(weights[1][0]),
        zp_even=pct(weights[0][1], 0),
        mm_even=pct(weights[1][1], 0),
        top5=pct(top5.value),
        top5_p=top5.period_label,
        change=f"{abs(parts['after'] - parts['before']):.1f} percentage points",
        p0=periods[0],
        p1=periods[1],
        moved=words.direction(parts["before"], parts["after"]),
        margin=f"{margin_total:+.1f}",
        mix=f"{parts['mix']:+.1f}",
        year_way=words.direction(whole_years[0].value, whole_years[1].value),
        y0=pct(whole_years[0].value),
        py0=whole_years[0].period_label,
        y1=pct(whole_years[1].value),
        py1=whole_years[1].period_label,
        whole_mix=f"{whole_mix:+.1f}",
        cp=compute_period,
        fv_share=pct(fv_share_pct, 0),
        compute=times(compute_multiple, 1),
        mm_x=times(float(multiples.iloc[1][full]), 0),
        zp_x=times(float(multiples.iloc[0][full]), 0),
    )


def cloud_mix(periods: list[tuple[Fact, Fact]]) -> pd.DataFrame:
    """Zhipu's cloud share of revenue by period (100 less the on-premise share), with the kind of period.

    ``periods`` are (on-premise share, revenue) pairs. Example: ``cloud_mix([(onprem_fy22, rev_fy22), ...])``
    """
    rows = [
        {
            "period": s.period_label,
            "months": months_in(s.period_label),
            "cloud share, %": round(100 - s.value, 10),
            "cloud revenue (derived)": money((100 - s.value) / 100 * r.value, r.currency),
            "sources": ", ".join(sorted({s.source_id, r.source_id})),
        }
        for s, r in periods
    ]
    return pd.DataFrame(rows)


def cloud_finding(mix: pd.DataFrame) -> Markdown:
    """The whole-year trend in the cloud share, the later year last, and the half-year set apart.

    ``mix`` needs at least three whole years (the last known only from later results) and one half-year.
    Example: ``cloud_finding(mix)``
    """
    years = mix[mix["months"] == 12]
    if len(years) < 3 or len(years) == len(mix):
        raise ValueError("cloud_finding needs three whole years and a half-year")
    first, last, later = years.iloc[0], years.iloc[-2], years.iloc[-1]
    half = mix[mix["months"] < 12].iloc[-1]
    share = "cloud share, %"
    return say(
        "In the prospectus years the cloud's share {moved} from {a} in {pa} to {b} in {pb}, by {pp}. The first "
        "half of {ph} gave {c}, {vs} {pb}'s by {gap}; a half against a whole year could not say whether the shift "
        "went on (see [seasonality](#seasonality)). *Known only from the {pl} results (March 2026; see "
        "[notebook 06](06_one_year_on.ipynb)):* the cloud's share of {pl} was {d}, so on whole years it {moved2} "
        "by {pp2} from {pb}: the shift {verdict}.",
        moved=words.direction(first[share], last[share]),
        a=pct(first[share]),
        pa=first["period"],
        b=pct(last[share]),
        pb=last["period"],
        pp=f"{abs(last[share] - first[share]):.1f} percentage points",
        ph=str(half["period"])[-4:],
        c=pct(half[share]),
        vs=words.compare(half[share], last[share], more="above", less="below", same="equal to"),
        gap=f"{abs(half[share] - last[share]):.1f} percentage points",
        pl=later["period"],
        d=pct(later[share]),
        moved2=words.direction(last[share], later[share]),
        pp2=f"{abs(later[share] - last[share]):.1f} percentage points",
        verdict=words.direction(
            last[share], later[share], abs_tol=0.05, up="went on", down="turned", same="paused"
        ),
    )


def later_season_finding(h1: Fact, fy: Fact, weight_before_pct: float) -> Markdown:
    """Zhipu's first-half weight in a later year, set beside the prospectus year's.

    Example: ``later_season_finding(h1_2025, fy2025, 14.4)`` (about 26.4% of FY2025).
    """
    weight = share_of(h1.value, fy.value)
    even = 100 * months_in(h1.period_label) / 12
    return say(
        "*Known only from the {fy} results (March 2026; see [notebook 06](06_one_year_on.ipynb)):* the first "
        "half of {year} carried {weight} of {fy} revenue ({sources}), {verdict} the {even} of an even year and "
        "{cmp} the {before} of the year before. A second year is now observed, with its revenue {tilt}.",
        fy=fy.period_label,
        year=h1.period_label[-4:],
        weight=pct(weight),
        sources=", ".join(sorted({h1.source_id, fy.source_id})),
        verdict=words.compare(
            weight, even, rel_tol=0.1, more="more than", less="less than", same="close to"
        ),
        even=pct(even, 0),
        cmp=words.compare(
            weight,
            weight_before_pct,
            rel_tol=0.05,
            more="more than",
            less="less than",
            same="about the same as",
        ),
        before=pct(weight_before_pct),
        tilt=words.compare(
            weight,
            even,
            rel_tol=0.1,
            more="tilted to the first half",
            less="tilted to the second half again",
            same="spread about evenly",
        ),
    )


def whole_year_margin_finding(before: Fact, after: Fact) -> Markdown:
    """Zhipu's gross margin on two whole years, the later known only from later results.

    Example: ``whole_year_margin_finding(gm_fy2024, gm_fy2025)`` (56.3% to 41.0%).
    """
    return say(
        "*Known only from the {pb} results (March 2026; see [notebook 06](06_one_year_on.ipynb)):* set like "
        "for like, whole year against whole year, Zhipu's gross margin {moved} from {a} in {pa} to {b} in {pb} "
        "({sources}), by {gap}.",
        pb=after.period_label,
        pa=before.period_label,
        moved=words.direction(before.value, after.value),
        a=pct(before.value),
        b=pct(after.value),
        sources=", ".join(sorted({before.source_id, after.source_id})),
        gap=f"{abs(after.value - before.value):.1f} percentage points",
    )


def concentration_finding(top_share: Fact, top_n: int) -> Markdown:
    """How much of Zhipu's revenue a handful of customers carry. Example: ``concentration_finding(top5, 5)``"""
    return say(
        "Project selling concentrates revenue: Zhipu's top {n} customers gave {share} of its {period} revenue "
        "({source}), so losing one of average size among them would cost about {each} of a year's revenue. Our "
        "data hold no such figure for MiniMax, most of whose revenue comes from many small app payments; that "
        "contrast in risk "
        "is the business models' in miniature.",
        n=words.plural(top_n, "customer").split(" ")[0],
        share=pct(top_share.value),
        period=top_share.period_label,
        source=top_share.citation,
        each=pct(top_share.value / top_n),
    )


def half_unit(value: float) -> float:
    """Half a unit of a printed figure's last significant digit (trailing zeros of a whole number not counted).

    Example: ``half_unit(1590)`` gives 5.0; ``half_unit(190.9)`` gives 0.05.
    """
    text = as_given(value).replace(",", "")
    if "." in text:
        return float(0.5 * 10.0 ** -len(text.split(".")[1]))
    return float(0.5 * 10.0 ** (len(text) - len(text.rstrip("0"))))


def bridge_notes(nine_months: tuple[Fact, Fact], full_year: tuple[Fact, Fact, Fact]) -> Markdown:
    """What the two MiniMax residuals can and cannot mean: a basis unstated, a charge given only roughly.

    ``nine_months`` is (loss, adjusted loss); ``full_year`` is (loss, itemised charge, adjusted loss).
    Example: ``bridge_notes((loss_9m, adj_9m), (loss_fy, charge_fy, adj_fy))``
    """
    loss, adjusted = nine_months
    fy_loss, charge, fy_adjusted = full_year
    residual = fy_loss.value - charge.value - fy_adjusted.value
    rounding = half_unit(fy_loss.value) + half_unit(charge.value) + half_unit(fy_adjusted.value)
    inside = words.agreement(residual, 0.0, abs_tol=rounding, yes="inside", no="outside")
    return say(
        "Two cautions on the residuals. MiniMax's {p9} bridge starts from the {basis} and ends at an adjusted loss "
        "whose basis our sources do not state, so part of its {r9} residual may be a difference of basis (owners' "
        "share against the whole group) rather than adjustments. Its {pfy} residual of about {rfy} lies {inside} "
        "the rounding of the three figures it comes from ({loss}, {charge} and {adjusted}: at most {rounding} "
        "together), {reading}.",
        p9=loss.period_label,
        basis=(loss.note or "net loss").rstrip(".").lower(),
        r9=money(loss.value - adjusted.value, loss.currency, 0),
        pfy=fy_loss.period_label,
        rfy=money(residual, fy_loss.currency, 0),
        inside=inside,
        charge=_millions(charge),
        loss=_millions(fy_loss),
        adjusted=_millions(fy_adjusted),
        rounding=money(rounding, fy_loss.currency, 1),
        reading=words.choose(
            inside == "inside",
            "so it may be no adjustment at all",
            "so rounding alone does not explain it, though a source's 'about' may hide more "
            "than rounding",
        ),
    )


def cash_pair_finding(cash_flow: Fact, loss: Fact, adjusted: Fact) -> Markdown:
    """Which loss lies nearer the cash that operations used in the same period.

    Example: ``cash_pair_finding(o, l, a)``
    """
    if not cash_flow.period_label == loss.period_label == adjusted.period_label:
        raise ValueError(f"periods differ: {cash_flow.fact_id}, {loss.fact_id}, {adjusted.fact_id}")
    used = -cash_flow.value
    nearer = words.closest(used, {"adjusted loss": adjusted.value, "net loss": loss.value})
    return say(
        "One period lets us test that: in {period} Zhipu's operating activities used {used} of cash, against an "
        "adjusted loss of {adjusted} and a net loss of {loss}, so the {nearer} is the nearer to the cash the "
        "business consumed ({sources}). One half-year of one company is a pointer, not a rule.",
        period=cash_flow.period_label,
        used=_millions(cash_flow, used),
        adjusted=_millions(adjusted),
        loss=_millions(loss),
        nearer=nearer,
        sources=", ".join(sorted({cash_flow.source_id, loss.source_id, adjusted.source_id})),
    )


def q4_check(full_year: Fact, nine_months: Fact, q4_reported: Fact) -> Markdown:
    """The fourth quarter as the year less nine months, set against a reported one; shared sources say so.

    Example: ``q4_check(fy2025, nine_m2025, q4_2025)``
    """
    derived = full_year.value - nine_months.value
    dates = load_sources().set_index("source_id")["date"]
    # not independent: the quarter was reported from the same results (same source, or published the same day)
    shared = (
        q4_reported.source_id == full_year.source_id
        or dates[q4_reported.source_id] == dates[full_year.source_id]
    )
    return say(
        "The year less its first nine months gives a fourth quarter of {derived}; {q_src} reports {reported} for "
        "it, which {verdict} that.",
        derived=money(derived, full_year.currency),
        reported=_millions(q4_reported),
        q_src=q4_reported.source_id,
        verdict=words.agreement(
            derived,
            q4_reported.value,
            abs_tol=half_unit(q4_reported.value),
            yes=words.choose(shared, "is consistent with (not independent of)", "agrees with"),
            no="differs from",
        ),
    )
