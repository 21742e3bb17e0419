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

from helpers.facts import Fact
from helpers.periods import growth, months_in

__all__ = [
    "amounts_from_shares",
    "blended_margin",
    "implied_share",
    "like_period_growth",
    "multiple",
    "other_segment_margin",
    "per_unit",
    "remainder_share",
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
        raise ValueError(f"shares sum to {summed:g}%, over 100 (plus {tolerance_pp:g} for rounding)")
    return {name: total * share / 100 for name, share in shares_percent.items()}


def implied_share(amount_per_unit: float, units: float, total_million: float) -> float:
    """Share of a total (percent) implied by a count of units times the amount per unit.

    ``amount_per_unit`` is in single currency units, ``total_million`` in millions.
    Example: ``implied_share(56, 310_000, 53.437)`` is about 32.5 (Hailuo AI's payers).
    """
    if _finite("total_million", total_million) <= 0:
        raise ValueError(f"total_million must be positive, got {total_million!r}")
    return _finite("amount_per_unit", amount_per_unit) * _finite("units", units) / 1e6 / total_million * 100


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
        raise ValueError(f"need one margin per share, got {len(shares_percent)} shares and {len(margins_percent)} margins")
    total = sum(_finite("share", s) for s in shares_percent)
    if total <= 0:
        raise ValueError(f"shares must sum to a positive number, got {total!r}")
    return sum(s * _finite("margin", m) for s, m in zip(shares_percent, margins_percent, strict=True)) / total


def other_segment_margin(blended_percent: float, known_share_percent: float, known_margin_percent: float) -> float:
    """Margin (percent) of the rest of the business implied by the blended margin and one known segment.

    Solves ``blended = s * m_known + (1 - s) * m_other`` for ``m_other`` with ``s`` the known share.
    Example: ``other_segment_margin(23.3, 71.1, 4.7)`` is about 69.06 (MiniMax open platform, 9M2025).
    """
    s = _finite("known_share_percent", known_share_percent) / 100
    if not 0 <= s < 1:
        raise ValueError(f"known share must be at least 0 and below 100 percent, got {known_share_percent!r}")
    return (_finite("blended_percent", blended_percent) - s * _finite("known_margin_percent", known_margin_percent)) / (
        1 - s
    )
