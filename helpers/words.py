"""The finding layer: verdict words chosen by tested rules, and sentences filled from named fields.

A notebook states a finding in one call: a template with named fields, the
numbers formatted by :mod:`helpers.formatting`, and every verdict word ("rose",
"matches", "about the same") from a function here, whose every branch has a
test. Nothing in a notebook picks a word with a conditional.

Example:
    >>> direction(59.21, 53.5)
    'fell'
    >>> compare(1.31, 1.0, rel_tol=0.05)
    'more'
    >>> closest(37.5, {"flat burn": 37.5, "growing burn": 30.0})
    'flat burn'
    >>> sentence("Votes {went} to {share}.", went=direction(59.21, 53.5), share="53.5%")
    'Votes fell to 53.5%.'
"""

from __future__ import annotations

import html
import math
import string
from collections.abc import Mapping

from IPython.display import Markdown

from helpers.checks import real


def _within(a: float, b: float, rel_tol: float, abs_tol: float) -> bool:
    """``a`` and ``b`` are equal within either tolerance (``math.isclose`` semantics)."""
    real("rel_tol", rel_tol, minimum=0)
    real("abs_tol", abs_tol, minimum=0)
    return math.isclose(a, b, rel_tol=rel_tol, abs_tol=abs_tol)


def direction(
    before: float,
    after: float,
    *,
    rel_tol: float = 0.0,
    abs_tol: float = 0.0,
    up: str = "rose",
    down: str = "fell",
    same: str = "was unchanged",
) -> str:
    """How a value moved from ``before`` to ``after``: ``up``, ``down`` or, within tolerance, ``same``.

    Example: ``direction(59.21, 53.5)`` gives ``'fell'``; ``direction(1, 1)`` gives ``'was unchanged'``.
    """
    a, b = real("before", before), real("after", after)
    if _within(a, b, rel_tol, abs_tol):
        return same
    return up if b > a else down


def compare(
    value: float,
    other: float,
    *,
    rel_tol: float = 0.0,
    abs_tol: float = 0.0,
    more: str = "more",
    less: str = "less",
    same: str = "about the same",
) -> str:
    """``value`` against ``other``: ``more``, ``less`` or, within tolerance, ``same``.

    Example: ``compare(0.99, 1.0, rel_tol=0.05)`` gives ``'about the same'``.
    """
    a, b = real("value", value), real("other", other)
    if _within(a, b, rel_tol, abs_tol):
        return same
    return more if a > b else less


def agreement(
    value: float,
    other: float,
    *,
    rel_tol: float = 0.0,
    abs_tol: float = 0.0,
    yes: str = "agrees with",
    no: str = "does not agree with",
) -> str:
    """Whether two figures agree within tolerance: ``yes`` or ``no``.

    Example: ``agreement(1046.6, 1046.2, abs_tol=0.5)`` gives ``'agrees with'``.
    """
    a, b = real("value", value), real("other", other)
    return yes if _within(a, b, rel_tol, abs_tol) else no


def closest(value: float, candidates: Mapping[str, float]) -> str:
    """The name of the candidate nearest to ``value``; a tie names every nearest one, joined by "and".

    Example: ``closest(9.0, {"net loss": 6.5, "adjusted loss": 8.7})`` gives ``'adjusted loss'``.
    """
    x = real("value", value)
    if not candidates:
        raise ValueError("closest needs at least one candidate, got none")
    gaps = {name: abs(real(f"candidate {name!r}", v) - x) for name, v in candidates.items()}
    best = min(gaps.values())
    nearest = [
        name for name, gap in gaps.items() if math.isclose(gap, best, rel_tol=1e-12, abs_tol=1e-12)
    ]
    return " and ".join(nearest)


def match_or_closest(
    value: float,
    target: float,
    *,
    abs_tol: float = 0.5,
    match: str = "matches",
    near: str = "is closest to",
) -> str:
    """``match`` when ``value`` rounds onto ``target`` within ``abs_tol``, else ``near``.

    Example: ``match_or_closest(37.498, 37)`` gives ``'matches'``; ``match_or_closest(13.0, 37)`` gives
    ``'is closest to'``.
    """
    return agreement(value, target, abs_tol=abs_tol, yes=match, no=near)


def sign(value: float, *, positive: str, negative: str, zero: str) -> str:
    """A word for the sign of ``value``. Example: ``sign(-0.3, positive="gain", negative="loss", zero="nil")``"""
    x = real("value", value)
    if x > 0:
        return positive
    if x < 0:
        return negative
    return zero


def choose(condition: bool, yes: str, no: str) -> str:
    """``yes`` when a tested condition holds, else ``no``: the one place a notebook's verdict may branch.

    Example: ``choose(3 > 2, "passes", "fails")`` gives ``'passes'``.
    """
    if not isinstance(condition, bool):
        raise ValueError(f"condition must be True or False, got {condition!r}")
    return yes if condition else no


def plural(n: int, one: str, many: str | None = None) -> str:
    """A count with its noun. Example: ``plural(3, "source")`` gives ``'3 sources'``; ``plural(1, "source")``"""
    if isinstance(n, bool) or not isinstance(n, int):
        raise ValueError(f"plural needs a whole number, got {n!r}")
    return f"{n} {one if n == 1 else (many or one + 's')}"


def listing(items: list[str], conjunction: str = "and") -> str:
    """Words joined as in prose. Example: ``listing(["a", "b", "c"])`` gives ``'a, b and c'``."""
    if not items:
        raise ValueError("listing needs at least one item")
    if len(items) == 1:
        return items[0]
    return f"{', '.join(items[:-1])} {conjunction} {items[-1]}"


_MARKUP = str.maketrans(
    {"$": r"\$", "*": r"\*", "_": r"\_", "`": r"\`", "[": r"\[", "]": r"\]", "|": r"\|"}
)


class Markup(str):
    """Markdown written by the collection's authors (never a value from data/): passed to a template as is.

    Example: ``sentence("{x} rose", x=Markup("**Revenue**"))`` gives ``'**Revenue** rose'``.
    """


def escape(text: object) -> str:
    """A value made safe to stand in Markdown: HTML escaped, Markdown and math markers backslashed.

    :class:`Markup` passes unchanged. Example: ``escape("<b>")`` gives ``'&lt;b&gt;'``.
    """
    if isinstance(text, Markup):
        return str(text)
    return html.escape(str(text), quote=False).translate(_MARKUP)


def sentence(template: str, **fields: object) -> str:
    """Fill ``template``'s named fields, each escaped; every field must be given and every value used.

    Example: ``sentence("{a} and {b}", a="x", b="y")`` gives ``'x and y'``.
    """
    wanted = []
    for _, name, spec, conversion in string.Formatter().parse(template):
        if name is None:
            continue
        if name == "" or not name.isidentifier():
            raise ValueError(f"template fields must be named, got {{{name}}} in {template!r}")
        if spec or conversion:
            raise ValueError(
                f"format numbers with helpers.formatting before they reach a template, got {{{name}:{spec}}}"
            )
        wanted.append(name)
    missing = sorted(set(wanted) - set(fields))
    unused = sorted(set(fields) - set(wanted))
    if missing:
        raise ValueError(f"the template needs {missing}, not given: {template[:80]!r}")
    if unused:
        raise ValueError(f"values given but not in the template: {unused}")
    return template.format(**{k: escape(v) for k, v in fields.items()})


def say(template: str, **fields: object) -> Markdown:
    """A finding as Markdown, ready to display: :func:`sentence` wrapped for the notebook.

    Example: ``say("The cash lasts {m}.", m="37.5 months")`` displays *The cash lasts 37.5 months.*
    """
    return Markdown(sentence(template, **fields))  # type: ignore[no-untyped-call]
