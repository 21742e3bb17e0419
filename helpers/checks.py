"""Argument checks shared by the maths modules: each returns the value as a float
or raises ValueError naming the argument and the value it got.

Example:
    >>> real("burn_per_month", 27.9, minimum=0)
    27.9
"""

from __future__ import annotations

import math


def real(
    name: str, value: float, *, minimum: float | None = None, above: float | None = None
) -> float:
    """A finite real number, optionally ``>= minimum`` and ``> above``. Example: ``real("cash", 1046.2, minimum=0)``"""
    try:
        x = float(value)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be a real number, got {value!r}") from None
    if not math.isfinite(x):
        raise ValueError(f"{name} must be finite, got {value!r}")
    if minimum is not None and x < minimum:
        raise ValueError(f"{name} must be >= {minimum}, got {value!r}")
    if above is not None and x <= above:
        raise ValueError(f"{name} must be > {above}, got {value!r}")
    return x


def fraction(name: str, value: float) -> float:
    """A number in [0, 1]. Example: ``fraction("economic", 0.2235)``"""
    x = real(name, value)
    if not 0 <= x <= 1:
        raise ValueError(f"{name} must be a fraction in [0, 1], got {value!r}")
    return x
