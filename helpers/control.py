"""Control questions that :mod:`helpers.ownership` does not answer on its own.

Same conventions as :mod:`helpers.ownership`: shares are fractions in [0, 1]
(not percent), a WVR share carries ``v`` votes and every other share one vote,
and issue sizes are fractions of the share count *before* the issue.

Example:
    >>> round(min_votes_per_wvr_share(0.2235, 0.5921), 2)
    5.04
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from helpers.checks import fraction, real

__all__ = [
    "REMAINDER",
    "implied_share_count",
    "issue_size_for_economic_below",
    "min_economic_for_voting",
    "min_votes_per_wvr_share",
    "non_wvr_voting_share",
    "with_remainder",
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
        raise ValueError(f"voting must be < 1 (all votes need other holders to own nothing), got {voting!r}")
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
        raise ValueError(f"threshold must be > 0 (no finite issue takes a holder to zero), got {threshold!r}")
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
