"""Revenue arithmetic: segment splits, like-period growth, per-unit figures and margins.

Shares are in percent (0-100), amounts in whatever unit and currency the caller
uses (usually millions); per-unit figures turn millions into single currency
units. Every function is pure and raises ``ValueError`` naming the bad value.

Example:
    >>> remainder_share(71.1, [35.1, 32.6])
    3.4
    >>> round(per_unit(17.42, 310_000), 2)
    56.19
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pandas as pd
from IPython.display import Markdown
from matplotlib.artist import Artist
from matplotlib.axes import Axes

from helpers.facts import Fact, FactLookupError, fact, facts_table, sources_for, value
from helpers.formatting import as_given, count, money, pct, times
from helpers.params import Choice, Number
from helpers.periods import convert, growth, months_in, rate
from helpers.plotting import NAMES
from helpers.words import Markup, agreement, choose, compare, direction, say, sentence, sign

__all__ = [
    "COUNT_KINDS",
    "COUNT_LABELS",
    "DENOMINATOR_KINDS",
    "PARAMETERS",
    "RatioSplit",
    "amounts_from_shares",
    "blended_margin",
    "bounded_compare",
    "company_stated",
    "count_kind",
    "gross_profit_shares",
    "hedged_amount",
    "hedged_times",
    "implied_share",
    "like_period_growth",
    "multiple",
    "other_segment_margin",
    "per_paying_month",
    "per_unit",
    "ratio_hedge",
    "remainder_share",
    "split_ratio",
    "steady_growth_share",
]

#: Decimal places kept when a share is a difference of shares printed to one decimal.
_SHARE_DIGITS = 10


def _finite(name: str, value: float) -> float:
    number = float(value)
    if not math.isfinite(number):
        raise ValueError(f"{name} must be a finite number, got {value!r}")
    return number


def remainder_share(total: float, parts: Sequence[float], tolerance_pp: float = 0.0) -> float:
    """The share of ``total`` (percent) left after the named ``parts``; negative beyond the tolerance is an error.

    Used for MiniMax's "other AI-native products": AI-native share minus
    Talkie/Xingye and Hailuo AI. Rounded to ten decimals so that differences of
    one-decimal shares print cleanly (71.1 - 35.1 - 32.6 gives 3.4, not 3.3999...).

    Example: ``remainder_share(71.1, [35.1, 32.6])`` gives ``3.4``.
    """
    rest = _finite("total", total) - sum(_finite("part", p) for p in parts)
    if rest < -abs(tolerance_pp):
        raise ValueError(f"parts {list(parts)!r} sum to more than the total {total!r}")
    return round(max(rest, 0.0), _SHARE_DIGITS)


def amounts_from_shares(
    total: float, shares_percent: Mapping[str, float], tolerance_pp: float = 0.1
) -> dict[str, float]:
    """Amounts of each segment from the total and its percentage shares (same unit as ``total``).

    The shares may not sum to more than 100 plus ``tolerance_pp`` (rounding of the parts).
    Example: ``amounts_from_shares(53.437, {"a": 71.1, "b": 28.9})["b"]`` is about 15.443.
    """
    _finite("total", total)
    for name, share in shares_percent.items():
        if _finite(f"share {name!r}", share) < 0:
            raise ValueError(f"share {name!r} is negative: {share!r}")
    summed = sum(shares_percent.values())
    if summed > 100 + tolerance_pp:
        raise ValueError(
            f"shares sum to {summed:g}%, over 100 (plus {tolerance_pp:g} for rounding)"
        )
    return {name: total * share / 100 for name, share in shares_percent.items()}


def implied_share(amount_per_unit: float, units: float, total_million: float) -> float:
    """Share of a total (percent) implied by a count of units times the amount per unit.

    ``amount_per_unit`` is in single currency units, ``total_million`` in millions.
    Example: ``implied_share(56, 310_000, 53.437)`` is about 32.5 (Hailuo AI's payers).
    """
    if _finite("total_million", total_million) <= 0:
        raise ValueError(f"total_million must be positive, got {total_million!r}")
    return (
        _finite("amount_per_unit", amount_per_unit)
        * _finite("units", units)
        / 1e6
        / total_million
        * 100
    )


def per_unit(amount_million: float, units: float) -> float:
    """An amount in millions spread over a count, in single currency units.

    Example: ``per_unit(15.443, 2500)`` is about 6177 (USD per open-platform customer).
    """
    if _finite("units", units) <= 0:
        raise ValueError(f"units must be positive, got {units!r}")
    return _finite("amount_million", amount_million) * 1e6 / units


def multiple(numerator: float, denominator: float) -> float:
    """How many times ``denominator`` the ``numerator`` is. Example: ``multiple(186, 53.437)`` is about 3.48."""
    if _finite("denominator", denominator) <= 0:
        raise ValueError(f"a multiple needs a positive denominator, got {denominator!r}")
    return _finite("numerator", numerator) / denominator


_INTERIM = re.compile(r"(FY|9M|H[12]|Q[1-4]) ?(\d{4})")


def like_period_growth(current: Fact, prior: Fact) -> float:
    """Year-on-year growth (a fraction) between two flows of the same kind of period a year apart.

    Refuses to compare nine months with a full year, different currencies or
    units, or periods that are not exactly one year apart.
    Example: ``like_period_growth(fact("minimax", "revenue", "9M2025"), fact("minimax", "revenue", "9M2024"))``
    is about 1.747.
    """
    got = (current.period_label, prior.period_label)
    cur, pri = _INTERIM.fullmatch(current.period_label), _INTERIM.fullmatch(prior.period_label)
    if not (cur and pri):
        raise ValueError(f"like-period growth needs flow periods, got {got!r}")
    if cur[1] != pri[1] or months_in(current.period_label) != months_in(prior.period_label):
        raise ValueError(f"periods {got!r} are not of the same kind")
    if int(cur[2]) != int(pri[2]) + 1:
        raise ValueError(f"periods {got!r} are not one year apart")
    if (current.unit, current.currency) != (prior.unit, prior.currency):
        raise ValueError(
            f"units differ: {current.unit} {current.currency} against {prior.unit} {prior.currency}"
        )
    return growth(current.value, prior.value)


def blended_margin(shares_percent: Sequence[float], margins_percent: Sequence[float]) -> float:
    """Revenue-weighted gross margin (percent) of segments with these shares and margins.

    Example: ``blended_margin([84.8, 15.2], [59.1, -0.4])`` is about 50.06 (Zhipu, H1 2025).
    """
    if len(shares_percent) != len(margins_percent) or not shares_percent:
        raise ValueError(
            f"need one margin per share, got {len(shares_percent)} shares and {len(margins_percent)} margins"
        )
    total = sum(_finite("share", s) for s in shares_percent)
    if total <= 0:
        raise ValueError(f"shares must sum to a positive number, got {total!r}")
    return (
        sum(s * _finite("margin", m) for s, m in zip(shares_percent, margins_percent, strict=True))
        / total
    )


def other_segment_margin(
    blended_percent: float, known_share_percent: float, known_margin_percent: float
) -> float:
    """Margin (percent) of the rest of the business implied by the blended margin and one known segment.

    Solves ``blended = s * m_known + (1 - s) * m_other`` for ``m_other`` with ``s`` the known share.
    Example: ``other_segment_margin(23.3, 71.1, 4.7)`` is about 69.06 (MiniMax open platform, 9M2025).
    """
    s = _finite("known_share_percent", known_share_percent) / 100
    if not 0 <= s < 1:
        raise ValueError(
            f"known share must be at least 0 and below 100 percent, got {known_share_percent!r}"
        )
    return (
        _finite("blended_percent", blended_percent)
        - s * _finite("known_margin_percent", known_margin_percent)
    ) / (1 - s)


# --------------------------------------------------------------------------- notebook 02: parameters

#: The parameters of notebook 02, checked first thing by ``helpers.params.check_namespace``.
PARAMETERS: dict[str, Choice | Number] = {
    "common_currency": Choice(("USD", "RMB", "HKD")),
    "tie_tolerance_pct": Number(low=0.0, high=20.0, edges=(1.0,)),
    "margin_match_pp": Number(low=0.0, high=5.0, edges=(0.1,)),
}

#: The label for MiniMax's AI-native products other than Talkie/Xingye and Hailuo AI (one meaning only).
OTHER_AI_NATIVE = "Other AI-native products"
#: The label for the AI-native products other than Hailuo AI (Talkie/Xingye included): a different set.
NATIVE_EXCEPT_HAILUO = "AI-native other than Hailuo AI"
#: MiniMax's second segment, named as the company names it: its revenue is more than the open platform's.
OPEN_PLATFORM_SEGMENT = "Open platform and enterprise services"


# --------------------------------------------------------------------------- seasonality and per-unit arithmetic


def steady_growth_share(growth_factor: float, start: float, end: float) -> float:
    """Share (a fraction) of a year's revenue earned between ``start`` and ``end`` (fractions of the year)
    if revenue grows steadily, compounding continuously, by ``growth_factor`` over a year.

    The revenue rate is proportional to ``G**t``, so the share is ``(G**end - G**start) / (G - 1)``;
    with no growth (``G = 1``) it is ``end - start``.
    Example: ``round(steady_growth_share(4.0, 0, 0.5), 4)`` gives ``0.3333``.
    """
    g = _finite("growth_factor", growth_factor)
    a, b = _finite("start", start), _finite("end", end)
    if g <= 0:
        raise ValueError(f"growth_factor must be positive, got {growth_factor!r}")
    if not 0 <= a <= b <= 1:
        raise ValueError(
            f"need 0 <= start <= end <= 1 (fractions of a year), got start={start!r}, end={end!r}"
        )
    if math.isclose(g, 1.0, rel_tol=0.0, abs_tol=1e-12):
        return b - a
    return float((g**b - g**a) / (g - 1))


def per_paying_month(amount_million: float, payers: float, months: int) -> float:
    """Revenue per payer per month, ``R / (N m)``, in single currency units.

    Exact when ``N`` is the average number of payers in a month; when ``N`` counts everyone who paid
    in the ``m`` months, payer-months are at most ``N m`` and the result is a floor.
    Example: ``round(per_paying_month(37.99, 1_771_600, 9), 2)`` gives ``2.38``.
    """
    if isinstance(months, bool) or not isinstance(months, int) or months <= 0:
        raise ValueError(f"months must be a positive whole number, got {months!r}")
    return per_unit(amount_million, payers) / months


@dataclass(frozen=True)
class RatioSplit:
    """How far apart two per-unit figures are, split into what the numerators and the denominators do."""

    ratio: float
    numerators: float
    denominators: float


def split_ratio(num_a: float, den_a: float, num_b: float, den_b: float) -> RatioSplit:
    """``(num_a/den_a) / (num_b/den_b)`` as the product of ``num_a/num_b`` and ``den_b/den_a``.

    Example: ``split_ratio(15.44, 2500, 25.96, 214000).denominators`` gives ``85.6``.
    """
    for name, v in (("num_a", num_a), ("den_a", den_a), ("num_b", num_b), ("den_b", den_b)):
        if _finite(name, v) <= 0:
            raise ValueError(f"{name} must be positive, got {v!r}")
    numerators, denominators = num_a / num_b, den_b / den_a
    return RatioSplit(numerators * denominators, numerators, denominators)


def gross_profit_shares(
    shares_percent: Sequence[float], margins_percent: Sequence[float]
) -> list[float]:
    """Each segment's share (percent) of gross profit: ``s_i m_i / sum(s_j m_j)``; the total must be positive.

    Example: ``[round(x, 1) for x in gross_profit_shares([71.1, 28.9], [4.7, 69.06])]`` gives ``[14.3, 85.7]``.
    """
    blended = blended_margin(shares_percent, margins_percent) * sum(shares_percent)
    if blended <= 0:
        raise ValueError(
            f"gross profit must be positive to take shares of it, got margin x share {blended!r}"
        )
    return [s * m / blended * 100 for s, m in zip(shares_percent, margins_percent, strict=True)]


#: Kinds of count, what each is, and what a ratio with it below the line can be read as.
DENOMINATOR_KINDS: dict[str, tuple[str, str]] = {
    "average": ("average over the period", "revenue per user per month of the period, exactly"),
    "point_in_time": (
        "count at one date",
        "revenue per counted unit; neither a floor nor a ceiling per payer",
    ),
    "in_period": (
        "served at some time in the period",
        "revenue per unit served; payers may be fewer",
    ),
    "cumulative": ("running total since launch", "nothing about one period: it only grows"),
    "unstated": ("kind not stated by the source", "an approximation; per month only as a floor"),
}

#: The kind of each count notebook 02 divides by, keyed by fact_id (our reading of what the source says).
COUNT_KINDS: dict[str, str] = {
    "mm_mau_9m2025": "average",
    "mm_paying_users_9m2025": "unstated",
    "mm_paying_users_hailuo_9m2025": "unstated",
    "mm_users_2025_09_30": "cumulative",
    "mm_open_platform_customers_9m2025": "unstated",
    "mm_enterprise_customers_fy2025": "point_in_time",
    "zp_customers_2025_06_30": "point_in_time",
    "zp_customers_9m2025": "unstated",
}


#: What each count counts, in words, keyed like :data:`COUNT_KINDS`.
COUNT_LABELS: dict[str, str] = {
    "mm_mau_9m2025": "MiniMax: monthly active users of the AI-native products",
    "mm_paying_users_9m2025": "MiniMax: paying users of the AI-native products",
    "mm_paying_users_hailuo_9m2025": "MiniMax: paying users of Hailuo AI (period assigned in data/)",
    "mm_users_2025_09_30": "MiniMax: individual users since launch",
    "mm_open_platform_customers_9m2025": "MiniMax: paying customers of the open platform",
    "mm_enterprise_customers_fy2025": "MiniMax: enterprise customers and developers",
    "zp_customers_2025_06_30": "Zhipu: institutional customers",
    "zp_customers_9m2025": "Zhipu: institutional customers",
}


def count_kind(item: Fact) -> str:
    """The kind of a count fact (a key of :data:`DENOMINATOR_KINDS`); an unlisted count is an error.

    Example: ``count_kind(fact("minimax", "mau_average", "9M2025", "ai_native"))`` gives ``'average'``.
    """
    if item.unit != "count":
        raise ValueError(f"{item.fact_id}: unit {item.unit!r} is not a count")
    if item.fact_id not in COUNT_KINDS:
        raise ValueError(f"{item.fact_id}: no recorded kind for this count; add it to COUNT_KINDS")
    return COUNT_KINDS[item.fact_id]


def ratio_hedge(qualifier: str, below_the_line: bool = True) -> str:
    """How a hedged count carries into a ratio: "over N" below the line gives "at most", above it "at least".

    Example: ``ratio_hedge("over")`` gives ``'at most'``; ``ratio_hedge("about")`` gives ``'about'``.
    """
    if qualifier in ("over", "more than", "at least"):
        return "at most" if below_the_line else "at least"
    if qualifier == "about":
        return "about"
    if qualifier == "":
        return ""
    raise ValueError(f"no rule for a count hedged as {qualifier!r}")


#: Significant figures kept in a figure computed from a count given as "about" a round number.
ABOUT_SIG_FIGS = 2


def hedged_amount(value: float, qualifier: str) -> str:
    """An amount in currency units to the precision its count allows: two significant figures over an "about"
    count, else cents below 100 and whole units above.

    Example: ``hedged_amount(6177.3, "about")`` gives ``'6,200'``; ``hedged_amount(6177.3, "")`` gives ``'6,177'``.
    """
    if qualifier == "about":
        return as_given(float(f"{_finite('value', value):.{ABOUT_SIG_FIGS}g}"))
    return _amount(value)


def hedged_times(value: float, qualifier: str) -> str:
    """A multiple to the precision its count allows: "about" and two significant figures over an "about" count.

    Example: ``hedged_times(50.93, "about")`` gives ``'about 51x'``; ``hedged_times(50.93, "")`` gives ``'50.9x'``.
    """
    if qualifier == "about":
        return f"about {hedged_amount(value, qualifier)}x"
    return times(value, 1)


def company_stated(item: Fact) -> bool:
    """Whether a figure is a company-stated operating count (users, customers): a management claim, not audited.

    Example: ``company_stated(fact("minimax", "revenue", "9M2025"))`` gives ``False``.
    """
    return item.unit == "count"


def bounded_compare(
    value: float, value_hedge: str, other: float, other_hedge: str, *, rel_tol: float
) -> str:
    """``value`` against ``other`` when either may be a one-sided bound ("at most" is a ceiling, "at least" a
    floor, anything else neither): only the words the bounds allow, to fit "X is ___ Y".

    A ceiling against a figure it ties with is "at most level with", never "about the same as"; a gap that a bound
    could close is "not rankable against". Example: ``bounded_compare(678, "at most", 686, "about", rel_tol=0.05)``
    gives ``'at most level with'``.
    """
    plain = compare(value, other, rel_tol=rel_tol, more="more", less="less", same="same")
    pushes_down = (
        value_hedge == "at most" or other_hedge == "at least"
    )  # the truth may sit lower for value
    pushes_up = (
        value_hedge == "at least" or other_hedge == "at most"
    )  # the truth may sit higher for value
    if plain == "less":
        return choose(not pushes_up, "less than", "not rankable against")
    if plain == "more":
        return choose(not pushes_down, "more than", "not rankable against")
    if pushes_down and pushes_up:
        return "not rankable against"
    if pushes_down:
        return "at most level with"
    return choose(pushes_up, "at least level with", "about the same as")


# --------------------------------------------------------------------------- notebook 02: tables


def rate_note(common_currency: str) -> str:
    """The constant rates that bring USD and RMB into ``common_currency``, as numbers, for a footer or a caption.

    Example: ``rate_note("USD")`` gives ``'7.04 RMB per USD (dated 2025-12-21), one rate for all periods'``.
    """
    parts = []
    for pair in _rate_pairs(common_currency):
        row = rate(*pair)
        parts.append(
            f"{row['rate']:g} {row['quote']} per {row['base']} (dated {row['date'].date().isoformat()})"
        )
    if not parts:
        raise ValueError(f"no rate is needed for {common_currency!r}")
    return f"{' and '.join(parts)}, one rate for all periods"


def _rate_pairs(common_currency: str) -> list[tuple[str, str]]:
    if common_currency not in ("USD", "RMB", "HKD"):
        raise ValueError(f"common currency must be USD, RMB or HKD, got {common_currency!r}")
    if common_currency == "HKD":
        return [("USD", "HKD"), ("RMB", "HKD")]
    return [("USD", "RMB")] if common_currency == "RMB" else [("RMB", "USD")]


def rates_table(common_currency: str) -> pd.DataFrame:
    """The rate rows behind every conversion into ``common_currency``: the rate as written, its date and source.

    Example: ``rates_table("HKD")["rate"].tolist()`` gives ``['7.8 HKD per USD', '0.894 RMB per HKD']``.
    """
    rows = []
    for pair in _rate_pairs(common_currency):
        row = rate(*pair)
        rows.append(
            {
                "converts": f"{pair[0]} to {pair[1]}",
                "rate": f"{row['rate']:g} {row['quote']} per {row['base']}",
                "dated": row["date"].date().isoformat(),
                "source": f"{row['source_id']} ({row['kind']})",
            }
        )
    return pd.DataFrame(rows)


def segment_table(
    shares: Mapping[str, float], amounts: Mapping[str, float], total: Fact, cited: Sequence[str]
) -> pd.DataFrame:
    """Segments with share, amount and source, and a total row. Example: ``segment_table(s, a, rev, ["S0 3.7"])``"""
    if list(shares) != list(amounts) or len(cited) != len(shares):
        raise ValueError("need one amount and one citation per share, in the same order")
    frame = pd.DataFrame(
        {
            "segment": list(shares),
            "share of revenue": [pct(v) for v in shares.values()],
            f"revenue ({total.currency} million)": [f"{a:,.2f}" for a in amounts.values()],
            "source": list(cited),
        }
    )
    frame.loc[len(frame)] = [
        "Total",
        pct(sum(shares.values())),
        f"{sum(amounts.values()):,.2f}",
        total.citation,
    ]
    return frame


def growth_table(
    pairs: Sequence[tuple[Fact, Fact, Fact | None]], stated: Mapping[str, Fact]
) -> pd.DataFrame:
    """Like-period growth, each in its reporting currency, with the prior period's share of its full year.

    ``pairs`` holds (current, prior, prior's full year or None); ``stated`` maps a current fact_id to the
    growth a source prints. Example: ``growth_table([(h1_25, h1_24, fy24)], {})``
    """
    rows = []
    for current, prior, full_year in pairs:
        printed = stated.get(current.fact_id)
        base = (
            "a full year"
            if full_year is None
            else f"{pct(prior.value / full_year.value * 100)} of its year"
        )
        rows.append(
            {
                "company": NAMES[current.company],
                "period": current.period_label,
                "against": prior.period_label,
                "revenue": f"{as_given(current.value)} against {as_given(prior.value)} {current.currency} million",
                "growth, computed": pct(like_period_growth(current, prior) * 100),
                "growth, as printed": ""
                if printed is None
                else f"{as_given(printed.value)}% ({printed.citation})",
                "prior period is": base,
            }
        )
    return pd.DataFrame(rows)


def denominator_table(counts: Sequence[Fact]) -> pd.DataFrame:
    """Each count with its period, hedge, kind, whether the company states it, and what a ratio with it below
    the line can mean.

    Example: ``denominator_table([fact("minimax", "mau_average", "9M2025", "ai_native")])``
    """
    rows = []
    for item in counts:
        kind, reading = DENOMINATOR_KINDS[count_kind(item)]
        rows.append(
            {
                "count": COUNT_LABELS[item.fact_id],
                "period or date": item.period_label,
                "value": f"{item.qualifier} {count(item.value)}".strip(),
                "kind": kind,
                "company-stated": choose(company_stated(item), "yes: a management claim", "no"),
                "a ratio with it below the line is": reading,
                "source": item.citation,
            }
        )
    return pd.DataFrame(rows)


def per_unit_table(
    rows: Sequence[tuple[str, str, float, str, Fact]], common_currency: str
) -> pd.DataFrame:
    """Per-unit figures: (measure, numerator and window, amount in millions, its currency, count fact) per row.

    The value carries the count's hedge ("over N" below the line gives "at most") and its precision (two
    significant figures over an "about" count), in the reporting currency and in ``common_currency`` at one
    constant rate. Example: ``per_unit_table([...], "USD")``
    """
    out = []
    for measure, numerator, amount, currency, item in rows:
        value = per_unit(amount, item.value)
        hedge = ratio_hedge(item.qualifier)
        stated = choose(company_stated(item), "; company-stated", "")
        shown = hedged_amount(convert(value, currency, common_currency), item.qualifier)
        out.append(
            {
                "measure": measure,
                "numerator": numerator,
                "denominator": f"{item.qualifier} {count(item.value)} "
                f"({DENOMINATOR_KINDS[count_kind(item)][0]}{stated})".strip(),
                "value": f"{hedge} {currency} {hedged_amount(value, item.qualifier)}".strip(),
                f"in {common_currency}": f"{hedge} {common_currency} {shown}".strip(),
            }
        )
    return pd.DataFrame(out)


def _amount(value: float) -> str:
    """An amount in currency units: cents below 100, whole units above. ``_amount(6177.3)`` gives ``'6,177'``."""
    return f"{value:,.2f}" if abs(value) < 100 else f"{value:,.0f}"


def multiples_table(periods: Mapping[str, Sequence[str]]) -> pd.DataFrame:
    """R&D and adjusted net loss as multiples of revenue of the same period (a range where the loss is one).

    Example: ``multiples_table({"zhipu": ["H1 2024", "H1 2025"]})``
    """
    rows = []
    for company, labels in periods.items():
        for label in labels:
            revenue = fact(company, "revenue", label)
            losses = adjusted_losses(company, label)
            rd = facts_table(company=company, metric="rd_expense", period_label=label, breakdown="")
            rd_x = times(multiple(rd["value"].item(), revenue.value)) if len(rd) else "not in data"
            loss_x = " to ".join(times(multiple(f.value, revenue.value)) for f in losses)
            rows.append(
                {
                    "company": NAMES[company],
                    "period": label,
                    "months": months_in(label),
                    "R&D / revenue": rd_x,
                    "adjusted net loss / revenue": loss_x,
                    "sources": sources_for(revenue, *losses, *rd["source_id"]),
                }
            )
    return pd.DataFrame(rows)


def adjusted_losses(company: str, label: str) -> list[Fact]:
    """The adjusted net loss of a period: one figure, or the low and high ends where the source gives a range.

    Example: ``[f.value for f in adjusted_losses("minimax", "FY2025")]`` gives ``[250.0, 251.0]``.
    """
    try:
        return [fact(company, "adjusted_net_loss", label)]
    except FactLookupError:
        return [fact(company, "adjusted_net_loss", label, end) for end in ("low", "high")]


def loss_multiple_range(company: str, label: str) -> tuple[float, float]:
    """Lowest and highest adjusted-loss multiple of revenue for a period.

    Example: ``loss_multiple_range("zhipu", "H1 2025")`` gives about ``(9.18, 9.18)``.
    """
    revenue = value(company, "revenue", label)
    xs = [multiple(f.value, revenue) for f in adjusted_losses(company, label)]
    return min(xs), max(xs)


# --------------------------------------------------------------------------- notebook 02: findings

#: Two shares of a year closer than this (percentage points) are "close to" each other: the steady-growth
#: benchmark rests on an assumed within-year path, so a small gap says nothing.
SEASON_TOL_PP = 5.0


def split_title(shares: Mapping[str, float]) -> str:
    """Chart title for MiniMax's nine-month split: the two named apps against the rest of the AI-native products.

    Example: ``split_title({"Talkie / Xingye": 35.1, "Hailuo AI": 32.6, OTHER_AI_NATIVE: 3.4, "x": 28.9})``
    """
    apps = shares["Talkie / Xingye"] + shares["Hailuo AI"]
    return sentence(
        "Talkie/Xingye and Hailuo AI earned {apps} of MiniMax's revenue in the first nine months of "
        "2025, the other AI-native products {rest} and the {segment} segment {op}",
        apps=pct(apps),
        rest=pct(shares[OTHER_AI_NATIVE]),
        segment=OPEN_PLATFORM_SEGMENT.lower(),
        op=pct(shares[OPEN_PLATFORM_SEGMENT]),
    )


def season_words(actual: float, steady: float) -> str:
    """Where an early part's share of a year sits against steady growth: "below", "above" or "close to".

    Example: ``season_words(14.4, 38.7)`` gives ``'below'``.
    """
    return compare(
        actual, steady, abs_tol=SEASON_TOL_PP, more="above", less="below", same="close to"
    )


def season_title(h1_share: float, h1_steady: float, nine_share: float, nine_steady: float) -> str:
    """Chart title: each company's early part of the year against steady growth. Example: see notebook 02."""
    return sentence(
        "Zhipu's first half held {h1} of its 2024 revenue, {w1} the {s1} steady growth implies; "
        "MiniMax's first nine months held {n9} of 2025, {w9} the {s9} of steady growth",
        h1=pct(h1_share),
        w1=season_words(h1_share, h1_steady),
        s1=pct(h1_steady),
        n9=pct(nine_share),
        w9=season_words(nine_share, nine_steady),
        s9=pct(nine_steady),
    )


def finding_seasonality(
    h1_share: float, h1_steady: float, nine_share: float, nine_steady: float
) -> Markdown:
    """The seasonality finding: how much of the gap to steady growth is timing. Example: see notebook 02."""
    zp_word, mm_word = season_words(h1_share, h1_steady), season_words(nine_share, nine_steady)
    zp_reading = choose(
        zp_word == "below",
        "the shortfall is timing: revenue that lands in the second half",
        "the first half is no smaller than growth alone explains",
    )
    mm_reading = choose(
        mm_word == "close to",
        "consistent with steady growth; the benchmark cannot judge a gap this small",
        "its one interim (nine months) needs the same care as Zhipu's first half",
    )
    return say(
        "Zhipu earned {h1} of its 2024 revenue in the first half: {w1} the {s1} that steady growth at the "
        "pace of 2023 to 2024 would put there, so {zp}. MiniMax earned {n9} of its 2025 revenue in its one "
        "interim, the first nine months, {w9} the {s9} of steady growth at its 2025 pace: {mm}.",
        h1=pct(h1_share),
        w1=zp_word,
        s1=pct(h1_steady),
        zp=zp_reading,
        n9=pct(nine_share),
        w9=mm_word,
        s9=pct(nine_steady),
        mm=mm_reading,
    )


def finding_growth(
    h1_growth: float,
    fy_growth: float,
    h1_share: float,
    mm_ltm: Fact | float,
    mm_fy2025: Fact,
    q4_2025: float,
    q4_2024: float,
    q4_reported: Fact,
    q4_growth_reported: Fact,
) -> Markdown:
    """Zhipu's first-half growth beside its full-year growth, and MiniMax's FY2025 against its LTM, both in the
    reporting currency (so no display currency can change the verdict); the fourth quarters are derived (the year
    less its nine months) and the 2025 one is checked against the quarter a later source reports.
    Example: see notebook 02."""
    ltm_value = float(mm_ltm)
    q4_growth = (q4_2025 / q4_2024 - 1) * 100
    return say(
        "Zhipu's revenue grew {g1} from the first half of 2024 to the first half of 2025, {cmp} the {gfy} "
        "of 2024 over 2023. Both compare like periods, but the first-half base held only {base} of its year: "
        "a few projects accepted in June instead of December move that rate a lot, so read it as two first "
        "halves compared, not as the pace of the year. MiniMax's revenue for 2025, {fy}, is {pos} its last "
        "twelve months to September 2025, {ltm}, because the fourth quarter of 2025 ({q25}, derived as the "
        "year less its first nine months) {repl} that of 2024 ({q24}, derived the same way). The derived "
        "quarter {ag} the {rq} that {src} reports for it, and its growth of {qg} on the fourth quarter of "
        "2024 {ag2} the {rg} printed there; all in {cur}, MiniMax's reporting currency.",
        g1=pct(h1_growth * 100),
        cmp=compare(
            h1_growth, fy_growth, more="faster than", less="slower than", same="the same as"
        ),
        gfy=pct(fy_growth * 100),
        base=pct(h1_share),
        fy=money(mm_fy2025.value, mm_fy2025.currency, 1),
        pos=compare(mm_fy2025.value, ltm_value, more="above", less="below", same="equal to"),
        ltm=money(ltm_value, mm_fy2025.currency, 1),
        q25=money(q4_2025, mm_fy2025.currency, 1),
        repl=compare(
            q4_2025, q4_2024, more="was larger than", less="was smaller than", same="equalled"
        ),
        q24=money(q4_2024, mm_fy2025.currency, 1),
        cur=mm_fy2025.currency,
        ag=agreement(
            q4_2025, q4_reported.value, abs_tol=0.5, yes="agrees with", no="does not agree with"
        ),
        rq=f"{q4_reported.qualifier} {money(q4_reported.value, q4_reported.currency, 0)}".strip(),
        src=q4_reported.source_id,
        qg=pct(q4_growth),
        ag2=agreement(
            q4_growth,
            q4_growth_reported.value,
            abs_tol=0.5,
            yes="agrees with",
            no="does not agree with",
        ),
        rg=f"{as_given(q4_growth_reported.value)}%",
    )


def mix_title(native: tuple[float, float]) -> str:
    """Chart title: the like-for-like move in MiniMax's mix, in percentage points.

    Example: ``mix_title((71.4, 67.2))``
    """
    return sentence(
        "Like for like, MiniMax's AI-native share {nv} {nd} from FY2024 to FY2025; the hatched nine "
        "months are not like for like",
        nv=direction(*native),
        nd=_pp(native[1] - native[0]),
    )


def _pp(change: float) -> str:
    """A change in shares, with its unit: ``_pp(-4.2)`` gives ``'4.2 percentage points'`` (the verb gives the sign)."""
    return f"{abs(change):.1f} percentage points"


def finding_mix(
    native: tuple[float, float],
    hailuo: tuple[float, float],
    except_hailuo: tuple[float, float],
    native_9m: float,
    native_q4: float,
) -> Markdown:
    """The mix finding: the like-for-like move first, then the nine-month figures with their caveat, and whether
    the nine-month mix was the year's (``native_9m`` and the derived fourth quarter's ``native_q4``, percent).

    Each pair is (before, after): native FY2024 to FY2025, Hailuo AI and the AI-native products other than it
    FY2024 to 9M2025. Example: see notebook 02.
    """
    return say(
        "Like for like, MiniMax's AI-native share {nv} {nd}, from {n0} in FY2024 to {n1} in FY2025. Within "
        "the AI-native products, Hailuo AI {hv} {hd} (from {h0} in FY2024 to {h1} in 9M2025) while the "
        "AI-native products other than Hailuo AI {ev} {ed} (from {e0} to {e1}): nine months against a year, "
        "not like for like. The nine-month mix {was} the year's: the AI-native products earned {n9} of "
        "revenue in 9M2025 against {n1} in FY2025, so about {q4} in the fourth quarter (derived: the year "
        "less its nine months).",
        nv=direction(*native),
        nd=_pp(native[1] - native[0]),
        n0=pct(native[0]),
        n1=pct(native[1]),
        hv=direction(*hailuo),
        hd=_pp(hailuo[1] - hailuo[0]),
        h0=pct(hailuo[0]),
        h1=pct(hailuo[1]),
        ev=direction(*except_hailuo),
        ed=_pp(except_hailuo[1] - except_hailuo[0]),
        e0=pct(except_hailuo[0]),
        e1=pct(except_hailuo[1]),
        n9=pct(native_9m),
        q4=pct(native_q4, 0),
        was=agreement(native_9m, native[1], abs_tol=0.05, yes="was", no="was not"),
    )


def finding_payers(
    per_payer: float,
    per_month: float,
    months: int,
    paying_ratio: float,
    ratio_cumulative: float,
    hailuo_per_payer: float,
    hailuo_payers: Fact,
    hailuo_printed: Fact,
    currency: str,
    users: Fact,
) -> Markdown:
    """The paying-user finding: per payer over the period, the per-month floor, the paying ratio and the Hailuo
    AI echo (its payer count's period was assigned in data/ because it gives the printed figure). Every count
    here is company-stated, and a figure over an "about" count keeps two significant figures.

    Example: see notebook 02.
    """
    return say(
        "A paying user of MiniMax's AI-native products brought in {pp} over the {m} months, on the "
        "company-stated payer count (a management claim, not audited). The source does "
        "not say whether that count is a monthly average or everyone who paid in the period, so {pm} is a "
        "floor for revenue per paying month, not a monthly average (exact only for the first reading). Payers "
        "were {r} of average monthly active users, both company-stated: the share of a typical month's users "
        "who paid only if the payer count is a monthly average too, and at most that if it counts everyone "
        "who paid in the period; over the company-stated cumulative users the ratio "
        "would be {rc}, a nine-month count over a total since launch ({un}). Hailuo AI's payers ({hn}, "
        "company-stated) brought in {hp} each, "
        "{hx} the average AI-native payer (two counts of a kind not stated: a rough ratio). "
        "That figure {agree} the {printed} the source prints ({cite}) by "
        "construction: the period of the payer count was assigned in data/ because it gives that figure, so "
        "the agreement corroborates nothing.",
        pp=f"{currency} {per_payer:,.2f}",
        m=str(months),
        pm=f"{currency} {per_month:,.2f}",
        r=pct(paying_ratio, 2),
        rc=f"{ratio_hedge(users.qualifier)} {pct(ratio_cumulative, 2)}".strip(),
        un=f"{users.qualifier} {count(users.value)}".strip(),
        hn=f"{hailuo_payers.qualifier} {count(hailuo_payers.value)}".strip(),
        hp=f"{ratio_hedge(hailuo_payers.qualifier)} {currency} "
        f"{hedged_amount(hailuo_per_payer, hailuo_payers.qualifier)}".strip(),
        hx=times(hailuo_per_payer / per_payer, 1),
        agree=agreement(
            hailuo_per_payer, hailuo_printed.value, abs_tol=0.5, yes="matches", no="misses"
        ),
        printed=f"{hailuo_printed.qualifier} {hailuo_printed.currency} {as_given(hailuo_printed.value)}".strip(),
        cite=hailuo_printed.citation,
    )


def finding_customers(
    per_9m: float, per_fy: float, gap: RatioSplit, customers: Fact, enterprises: Fact, currency: str
) -> Markdown:
    """The two per-customer figures far apart, explained side by side; only the nine-month one sets a whole
    segment's revenue over one part's customers. Example: see notebook 02."""
    hedge = customers.qualifier
    return say(
        "Per paying customer of the open platform (9M2025, {c1}, company-stated) the whole {seg} segment "
        "brought in {a}; per enterprise customer or developer (FY2025, {c2} at the year end, company-stated) "
        "{b}: {x} apart. The first divides a segment broader than the open platform by open-platform "
        "customers only, so it overstates what an open-platform customer brings in; the second's count takes "
        "in enterprise customers too, so that one is not clearly an overstatement. "
        "The denominators alone make {dx}: customers who paid against every enterprise and "
        "developer counted at one date, a set that may hold many who pay little or nothing. The numerators pull "
        "{dir} by {nx}, twelve months of a larger business against nine.",
        seg=OPEN_PLATFORM_SEGMENT.lower(),
        a=f"{ratio_hedge(hedge)} {currency} {hedged_amount(per_9m, hedge)}".strip(),
        c1=f"{hedge} {count(customers.value)} customers".strip(),
        b=f"{currency} {per_fy:,.0f}",
        c2=count(enterprises.value),
        x=hedged_times(gap.ratio, hedge),
        dx=hedged_times(gap.denominators, hedge),
        dir=compare(
            gap.numerators, 1.0, more="further apart", less="back the other way", same="neither way"
        ),
        nx=times(max(gap.numerators, 1 / gap.numerators), 2),
    )


def finding_institutions(
    per_h1: float,
    per_ltm: float,
    institutions: Fact,
    top5_share: float,
    top5_each: float,
    printed_share: Fact,
    currency: str,
) -> Markdown:
    """Zhipu's revenue per institution: a ratio to a company-stated count at one date, why it bounds nothing per
    payer, and the concentration of another period. Example: see notebook 02.
    """
    hedge = ratio_hedge(institutions.qualifier)
    src = printed_share.source_id
    return say(
        "Over the institutions Zhipu says it had at {date} ({n}, company-stated), revenue was {h1} each in "
        "H1 2025 and {ltm} over the twelve months to that date; the {x} between them, against 2.0x for twelve "
        "months over six of an even year, {season}. Neither "
        "bounds revenue per paying institution: the count may include institutions that paid nothing in the "
        "window, and leaves out any that paid and were gone by the date. Five customers brought {s} of FY2024 "
        "revenue ({each} each on average), computed from {src}'s top-five revenue and {agree} the {p} {src} "
        "prints: two figures of one source, so consistent within {src}, not a check. That concentration is "
        "FY2024's and the count is of {date}, two different periods; if 2025 was as concentrated, an average "
        "over thousands of institutions describes almost none of them.",
        date=institutions.period_label,
        n=f"{institutions.qualifier} {count(institutions.value)}",
        h1=f"{hedge} {currency} {per_h1:,.0f}",
        ltm=f"{hedge} {currency} {per_ltm:,.0f}",
        x=times(per_ltm / per_h1, 1),
        s=pct(top5_share),
        src=src,
        season=choose(
            per_ltm / per_h1 > 2,
            "is the back-loaded second half again",
            "shows no back-loading in this window",
        ),
        each=money(top5_each, currency, 1),
        p=pct(printed_share.value),
        agree=agreement(
            top5_share, printed_share.value, abs_tol=0.05, yes="in line with", no="out of line with"
        ),
    )


def _all_or_share(profit_share: float, others_margin: float) -> str:
    """A segment's share of gross profit in words: "all" when the other segments made no gross profit.

    Example: ``_all_or_share(100.1, -0.4)`` gives ``'all'``; ``_all_or_share(85.7, 4.7)`` gives ``'86%'``.
    """
    return sign(others_margin, positive=pct(profit_share, 0), negative="all", zero="all")


def profit_title(
    zp_share: float, zp_profit: float, zp_cloud_margin: float, mm_share: float, mm_profit: float
) -> str:
    """Chart title: where each company's gross profit is earned, with Zhipu's cloud margin named.

    Example: ``profit_title(84.8, 100.1, -0.4, 28.9, 85.7)``
    """
    return sentence(
        "On-premise earned {zp} of Zhipu's gross profit on {zs} of revenue, the cloud's margin being "
        "{cm} (H1 2025); the {seg} segment earned {mp} of MiniMax's on {ms} (9M2025, computed from an "
        "implied margin)",
        zp=_all_or_share(zp_profit, zp_cloud_margin),
        zs=pct(zp_share),
        cm=pct(zp_cloud_margin),
        seg=OPEN_PLATFORM_SEGMENT.lower(),
        mp=pct(mm_profit, 0),
        ms=pct(mm_share),
    )


def finding_margins(
    implied_op: float, printed_op: Fact, match_pp: float, gm: Mapping[tuple[str, str], float]
) -> Markdown:
    """The margin finding: the open platform's margin of no stated period, and margins moved on like periods
    only; ``gm`` maps (company, period) to the gross margin. Example: see notebook 02.
    """
    gap = abs(printed_op.value - implied_op)
    placed = choose(gap <= match_pp, "inside", "outside")
    reading = choose(
        gap <= match_pp,
        "consistent with its being the nine-month figure, though not proof",
        "so the data cannot place it",
    )
    mm0, mm1 = gm[("minimax", "FY2024")], gm[("minimax", "FY2025")]
    zp0, zp1, zh = gm[("zhipu", "FY2023")], gm[("zhipu", "FY2024")], gm[("zhipu", "H1 2025")]
    return say(
        "The AI-native products' margin and "
        "the blended margin imply {io} for MiniMax's {seg} segment in 9M2025, {gap} from the {po} the source "
        "gives with no period: {placed} our tolerance of {tol}, {reading}. Like for like, MiniMax's gross "
        "margin {mv} {md} from FY2024 to FY2025 ({m0} to {m1}) and Zhipu's {zv} {zd} from FY2023 to FY2024 "
        "({z0} to {z1}). Zhipu's H1 2025 margin, {zh}, is {zw} FY2024's, but no H1 2024 margin is in our "
        "sources, and a first half holds a different mix of projects from a year: that gap is not a trend.",
        io=pct(implied_op, 2),
        seg=OPEN_PLATFORM_SEGMENT.lower(),
        gap=f"{gap:.2f} percentage points",
        po=pct(printed_op.value),
        placed=placed,
        tol=f"{match_pp:.2f} percentage points",
        reading=reading,
        mv=direction(mm0, mm1),
        md=_pp(mm1 - mm0),
        m0=pct(mm0),
        m1=pct(mm1),
        zv=direction(zp0, zp1),
        zd=_pp(zp1 - zp0),
        z0=pct(zp0),
        z1=pct(zp1),
        zh=pct(zh),
        zw=compare(zh, zp1, abs_tol=0.05, more="above", less="below", same="level with"),
    )


def finding_losses(
    mm: tuple[tuple[float, float], tuple[float, float]],
    zp_half: tuple[tuple[float, float], tuple[float, float]],
    zp_year: tuple[tuple[float, float], tuple[float, float]],
    h1_share: float,
) -> Markdown:
    """Adjusted-loss multiples moved on like periods; each argument is ((low, high) before, (low, high) after):
    MiniMax FY2024 to FY2025, Zhipu H1 2024 to H1 2025 and FY2023 to FY2024; ``h1_share`` is H1 2024's share of
    its year (percent), the caveat on the first halves. Example: see notebook 02.
    """
    return say(
        "Like for like, MiniMax's adjusted net loss as a multiple of revenue {mv} from {m0} in FY2024 "
        "to {m1} in FY2025; "
        "over full years Zhipu's {yv} from {y0} (FY2023) to {y1} (FY2024). Zhipu's first-half multiple {hv} "
        "from {h0} in H1 2024 to {h1} in H1 2025, but that compares two first halves whose base held only "
        "{b} of its year: a few acceptances moved across 30 June would change it a lot, so it is no trend. "
        "A first-half multiple is no guide to the year's either: Zhipu's costs run all year "
        "while its revenue lands late, so its H1 2024 multiple was {k} its FY2024 one.",
        mv=range_direction(*mm),
        m0=_range(mm[0]),
        m1=_range(mm[1]),
        hv=range_direction(*zp_half),
        h0=_range(zp_half[0]),
        h1=_range(zp_half[1]),
        yv=range_direction(*zp_year),
        y0=_range(zp_year[0]),
        y1=_range(zp_year[1]),
        b=pct(h1_share),
        k=times(zp_half[0][0] / zp_year[1][0], 1),
    )


def _range(xs: tuple[float, float]) -> str:
    """A multiple or a range of multiples: ``_range((3.16, 3.18))`` gives ``'3.16x to 3.18x'``."""
    return times(xs[0]) if math.isclose(xs[0], xs[1]) else f"{times(xs[0])} to {times(xs[1])}"


def range_direction(before: tuple[float, float], after: tuple[float, float]) -> str:
    """How a (low, high) range moved: "rose" or "fell" only when the ranges do not overlap, else "held".

    Example: ``range_direction((7.99, 7.99), (3.16, 3.18))`` gives ``'fell'``.
    """
    if after[1] < before[0]:
        return "fell"
    if after[0] > before[1]:
        return "rose"
    return "held"


# --------------------------------------------------------------------------- notebook 02: charts

#: A bar of stacked shares: its label, its parts as (name, percent, colour), and whether it is hatched.
Stack = tuple[str, Sequence[tuple[str, float, str]], bool]


def draw_stacks(ax: Axes, stacks: Sequence[Stack]) -> None:
    """Stacked share bars with a label inside each part; a hatched bar is not comparable with the others.

    Example: ``draw_stacks(ax, [("FY2024", [("AI-native", 71.4, "#d55e00")], False)])``
    """
    for x, (_, parts, hatched) in enumerate(stacks):
        bottom = 0.0
        for name, height, colour in parts:
            ax.bar(
                x,
                height,
                bottom=bottom,
                color=colour,
                width=0.62,
                edgecolor="white",
                hatch="//" if hatched else None,
                label=name,
            )
            ax.text(
                x,
                bottom + height / 2,
                pct(height),
                ha="center",
                va="center",
                fontsize=8,
                bbox={"facecolor": "white", "alpha": 0.75, "edgecolor": "none", "pad": 1},
            )
            bottom += height
    ax.set_xticks(range(len(stacks)), [label for label, _, _ in stacks])
    ax.set_ylim(0, 100)
    ax.set_ylabel("Share of revenue (percent)")
    ax.grid(axis="x", visible=False)
    handles, names = ax.get_legend_handles_labels()
    unique: dict[str, Artist] = {}
    for name, handle in zip(names, handles, strict=True):
        if name not in unique and not getattr(handle, "get_hatch", lambda: None)():
            unique[name] = handle
    ax.legend(
        unique.values(),
        unique.keys(),
        loc="upper center",
        bbox_to_anchor=(0.5, -0.12),
        ncols=2,
        fontsize=8,
    )


def draw_profit_blocks(ax: Axes, parts: Sequence[tuple[str, float, float, str]]) -> None:
    """Blocks whose widths are revenue shares and heights gross margins, so each area is gross profit.

    ``parts`` holds (name, share percent, margin percent, colour). Example: see notebook 02.
    """
    left = 0.0
    for name, share, margin, colour in parts:
        ax.bar(left, margin, width=share, align="edge", color=colour, edgecolor="white")
        ax.text(
            left + share / 2,
            max(margin, 0) + 2,
            f"{name}\n{pct(share)} of revenue\nmargin {pct(margin)}",
            ha="center",
            va="bottom",
            fontsize=8,
        )
        left += share
    ax.axhline(0, color="#7F7F7F", linewidth=0.8)
    ax.set_xlim(0, 100)
    ax.set_ylim(min(0.0, *(m for _, _, m, _ in parts)) - 5, 100)
    ax.set_xlabel("Share of revenue (percent): the width of each block")
    ax.set_ylabel("Gross margin (percent)")
    ax.grid(axis="x", visible=False)


# --------------------------------------------------------------------------- notebook 02: key takeaways


def takeaways(
    *,
    h1_share: float,
    h1_steady: float,
    growth: Mapping[str, tuple[float, str]],
    h1_growth: float,
    hailuo: tuple[float, float],
    native: tuple[float, float],
    per_month: float,
    per_9m: float,
    per_fy: float,
    gap: float,
    denominators: float,
    zp_profit: tuple[float, float, float],
    op_profit: float,
    op_share: float,
    currency: str,
    customers_hedge: str,
) -> Markdown:
    """The key takeaways as a numbered Markdown list; ``growth`` maps a company name to (full-year growth, span);
    ``zp_profit`` is Zhipu's on-premise (share of revenue, share of gross profit, the cloud's margin).

    Example: see notebook 02.
    """
    zs, zp, cm = zp_profit
    lines = [
        sentence(
            "1. **A first half is a small, uneven part of Zhipu's year.** H1 2024 held {h1} of FY2024, {w} the "
            "{st} steady growth implies: consistent with late acceptances of on-premise projects (our "
            "explanation, a typical pattern for project sales, not one our sources give), though one year does "
            "not prove the "
            "cause; [notebook 06](06_one_year_on.ipynb#was-zhipus-year-as-back-loaded-as-the-prospectus-"
            "suggested) tests it on a second year. So any first half set against "
            "a full year (a share, a margin, a doubled revenue) is not a trend.",
            h1=pct(h1_share),
            w=season_words(h1_share, h1_steady),
            st=pct(h1_steady),
        ),
        sentence(
            "2. **Growth on full years:** {items}. Zhipu's first-half growth, {g}, compares two first halves "
            "whose base held only {b} of its year: read it with that caveat. These are the latest full years in "
            "this notebook's window, not the same year for both; Zhipu's FY2025 growth is read in [notebook 06]"
            "(06_one_year_on.ipynb#how-fast-did-each-grow-on-like-periods).",
            items=", ".join(
                f"{name} {pct(g * 100)} ({span})" for name, (g, span) in growth.items()
            ),
            g=pct(h1_growth * 100),
            b=pct(h1_share),
        ),
        sentence(
            "3. **Mix:** MiniMax's AI-native share {nv} {nd} like for like (FY2024 to FY2025); Hailuo AI {hv} "
            "{hd} from FY2024 to 9M2025, nine months against a year.",
            nv=direction(*native),
            nd=_pp(native[1] - native[0]),
            hv=direction(*hailuo),
            hd=_pp(hailuo[1] - hailuo[0]),
        ),
        sentence(
            "4. **Denominators decide per-unit figures.** On the company-stated payer count, a paying AI-native "
            "user brought in at least {pm} per paying month: a floor, since the source does not say whether "
            "that count is a monthly average. The {seg} segment's revenue is {h} {a} per paying customer "
            "(9M2025) but {b} per enterprise customer or developer (FY2025), both counts company-stated: {x} "
            "apart, and the denominators alone would make it {dx}.",
            pm=f"{currency} {per_month:,.2f}",
            seg=OPEN_PLATFORM_SEGMENT.lower(),
            a=f"{currency} {hedged_amount(per_9m, customers_hedge)}",
            h=customers_hedge,
            b=f"{currency} {per_fy:,.0f}",
            x=hedged_times(gap, customers_hedge),
            dx=hedged_times(denominators, customers_hedge),
        ),
        sentence(
            "5. **Where the gross profit is earned:** Zhipu's on-premise deployments earned {zw} of its gross "
            "profit on {zs} of its revenue in H1 2025 (the cloud's margin was {cm}), so its gross profit sits "
            "{zwhere}; MiniMax's {seg} segment earned {gp} of its gross profit (computed, from a margin implied "
            "by the blend) on {s} of its revenue in 9M2025, so its gross profit sits {mwhere}.",
            zw=_all_or_share(zp, cm),
            zs=pct(zs),
            cm=pct(cm),
            seg=OPEN_PLATFORM_SEGMENT.lower(),
            gp=pct(op_profit, 0),
            s=pct(op_share),
            zwhere=_where(zs),
            mwhere=_where(op_share),
        ),
    ]
    return say("{lines}", lines=Markup("\n".join(lines)))


def _where(share: float) -> str:
    """Where a segment earning most of the gross profit sits against the revenue, by its revenue share (percent).

    Example: ``_where(84.8)`` gives ``'where most of its revenue is'``.
    """
    return compare(
        share,
        50.0,
        more="where most of its revenue is",
        less="where most of its revenue is not",
        same="in a segment with half its revenue",
    )


def finding_customer_worth(
    zp_month_rmb: float,
    mm_month_usd: float,
    common_currency: str,
    tie_tolerance_pct: float,
    zp_hedge: str,
    mm_hedge: str,
) -> Markdown:
    """Exercise 3: revenue per customer per month at the two companies, shown in ``common_currency``; the verdict
    is taken at the one direct USD/RMB rate whatever the display currency, with a tie band for that constant rate,
    and it says only what the hedges allow (``zp_hedge`` "at most" is a ceiling; ``mm_hedge`` "about" no bound).

    Example: ``finding_customer_worth(4775.0, 686.0, "HKD", 5.0, "at most", "about")``
    """
    zp_usd = convert(zp_month_rmb, "RMB", "USD")
    gap = abs(zp_usd / mm_month_usd - 1) * 100
    verdict = bounded_compare(
        zp_usd, zp_hedge, mm_month_usd, mm_hedge, rel_tol=tie_tolerance_pct / 100
    )
    inside = choose(gap <= tie_tolerance_pct, "inside", "outside")
    zp_shown = (
        f"{zp_hedge} {common_currency} {_amount(convert(zp_month_rmb, 'RMB', common_currency))}"
    )
    mm_shown = hedged_amount(convert(mm_month_usd, "USD", common_currency), mm_hedge)
    return say(
        "Zhipu's revenue per institution counted at 30 June, {zp} a month over the twelve months to that "
        "date, is {v} MiniMax's segment revenue per paying customer, {mm} a month in 9M2025 (both in {cur}). "
        "Zhipu's figure is a ceiling, because its count is \"over\" a round number; MiniMax's is neither a "
        "floor nor a ceiling: a payer count of everyone who paid in the period understates revenue per "
        "paying month, and a numerator of the whole segment, broader than the open platform, overstates it. "
        "Taken at {rate}, the gap is {gap}, {inside} the tie band of {tol} for one constant rate{tie}.",
        zp=zp_shown.strip(),
        v=verdict,
        mm=f"{mm_hedge} {common_currency} {mm_shown}".strip(),
        cur=common_currency,
        rate=rate_note("USD"),
        gap=pct(gap),
        inside=inside,
        tol=pct(tie_tolerance_pct),
        tie=choose(gap <= tie_tolerance_pct, ": a tie, so neither is called larger", ""),
    )
