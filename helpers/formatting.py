"""Formatting numbers for prose and tables, with units and currency.

Example:
    >>> money(53.437, "USD")
    'USD 53.4 million'
    >>> pct(32.6)
    '32.6%'
"""

from __future__ import annotations

import math

from helpers.facts import Fact
from helpers.words import Markup, escape


def money(value_million: float, currency: str, digits: int = 1, scale: str = "auto") -> str:
    """An amount given in millions, written with its currency.

    ``scale`` is ``"million"``, ``"billion"`` or ``"auto"`` (billions from 1,000 million up).
    Example: ``money(4240.2, "USD", 2)`` gives ``'USD 4.24 billion'``.
    """
    if scale not in ("auto", "million", "billion"):
        raise ValueError(f"scale must be auto, million or billion, got {scale!r}")
    if scale == "billion" or (scale == "auto" and abs(value_million) >= 1000):
        return f"{currency} {value_million / 1000:,.{digits}f} billion"
    return f"{currency} {value_million:,.{digits}f} million"


def pct(value_percent: float, digits: int = 1) -> str:
    """A percentage given in percent. Example: ``pct(26.95, 2)`` gives ``'26.95%'``."""
    return f"{value_percent:.{digits}f}%"


def months(value: float, digits: int = 1) -> str:
    """A runway in months; infinite means the cash never runs out. Example: ``months(37.498)``"""
    if math.isinf(value):
        return "never runs out"
    return f"{value:.{digits}f} months"


def times(value: float, digits: int = 2) -> str:
    """A multiple. Example: ``times(3.4807)`` gives ``'3.48x'``."""
    return f"{value:.{digits}f}x"


def count(value: float) -> str:
    """A whole count with thousands separators. Example: ``count(1771600)`` gives ``'1,771,600'``."""
    return f"{value:,.0f}"


def as_given(value: float) -> str:
    """A number with exactly the decimals it carries (up to four) and thousands separators.

    Example: ``as_given(4240.2)`` gives ``'4,240.2'``; ``as_given(186.0)`` gives ``'186'``.
    """
    text = f"{value:,.4f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def describe(item: Fact) -> Markup:
    """A figure exactly as the data hold it, hedge and unit included, with its citation, safe for Markdown.

    The text from data/ (qualifier, currency, source and locator) is escaped with
    :func:`helpers.words.escape`, and the result is :class:`helpers.words.Markup`, so a
    template does not escape it twice.

    Example: ``describe(fact("minimax", "cash_burn_per_month", "FY2025"))`` gives
    ``'about USD 27.9 million (S0 4.4)'``.
    """
    number = as_given(item.value)
    if item.unit == "million":
        text = f"{item.currency} {number} million"
    elif item.unit == "amount":
        text = f"{item.currency} {number}"
    elif item.unit == "percent":
        text = f"{number}%"
    elif item.unit == "multiple":
        text = f"{number}x"
    elif item.unit == "months":
        text = f"{number} months"
    else:
        text = number
    hedge = f"{item.qualifier} " if item.qualifier else ""
    return Markup(escape(f"{hedge}{text} ({item.citation})"))
