"""Economic and voting shares under a weighted-voting-rights (WVR) structure.

All shares are fractions in [0, 1] (not percent), and all share counts are
fractions of the total number of shares *before* any new issue.

Structure: a holder owns ``e`` of all shares; ``x`` of all shares (part of his
``e``) are WVR shares carrying ``v`` votes each, every other share carries one
vote. Other holders own ``y`` of all shares as WVR shares. Then

    total votes = 1 + (v - 1) * (x + y)
    his votes   = e + (v - 1) * x

After ``n`` new one-vote ordinary shares are issued (``n`` as a fraction of the
pre-issue total), every economic share is multiplied by ``1 / (1 + n)`` and the
founder's voting share becomes ``(e + (v - 1) x) / (1 + (v - 1) x + n)``.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

from helpers.checks import fraction, real

__all__ = [
    "NEW_HOLDERS",
    "Check",
    "dilute",
    "dilution_factor",
    "founder_voting_after_issue",
    "hkex_8a_checks",
    "implied_wvr_fraction",
    "issue_size_for_voting_below",
    "new_shares_fraction_from_factor",
    "voting_share",
]

NEW_HOLDERS = "new holders"
_TOL = 1e-12


def _holding(economic: float, wvr_fraction: float) -> tuple[float, float]:
    """Validate ``0 <= wvr_fraction <= economic <= 1`` and return both as floats."""
    e = fraction("economic", economic)
    x = fraction("wvr_fraction", wvr_fraction)
    if x > e:
        raise ValueError(
            f"wvr_fraction must be <= economic, got wvr_fraction={wvr_fraction!r} > economic={economic!r}"
        )
    return e, x


def voting_share(
    economic: float,
    wvr_fraction: float,
    others_wvr_fraction: float = 0.0,
    votes_per_wvr_share: float = 10.0,
) -> float:
    """A holder's share of all votes given his economic share and WVR shares.

    Example: ``voting_share(0.2235, 0.1)`` -> 0.5913... = (0.2235 + 0.9) / 1.9.

    >>> round(voting_share(0.2235, 0.1), 4)
    0.5913
    """
    e, x = _holding(economic, wvr_fraction)
    y = fraction("others_wvr_fraction", others_wvr_fraction)
    if y > 1 - e + _TOL:
        raise ValueError(
            f"others_wvr_fraction must be <= 1 - economic = {1 - e!r}, got {others_wvr_fraction!r}"
        )
    v = real("votes_per_wvr_share", votes_per_wvr_share, minimum=1)
    return (e + (v - 1) * x) / (1 + (v - 1) * (x + y))


def implied_wvr_fraction(
    economic: float, voting: float, votes_per_wvr_share: float = 10.0
) -> float:
    """WVR shares (fraction of all shares) that turn ``economic`` into ``voting`` (no other WVR holders).

    Example: ``implied_wvr_fraction(0.2235, 0.5921)`` -> 0.1004 (closed form
    ``x = (voting - e) / ((v - 1) * (1 - voting))``).

    >>> round(implied_wvr_fraction(0.2235, 0.5921), 4)
    0.1004
    """
    e = fraction("economic", economic)
    vt = fraction("voting", voting)
    if vt == 1:
        raise ValueError(f"voting must be < 1 to imply a WVR fraction, got {voting!r}")
    v = real("votes_per_wvr_share", votes_per_wvr_share, minimum=1)
    if v == 1:
        raise ValueError(
            f"votes_per_wvr_share must be > 1 to imply a WVR fraction, got {votes_per_wvr_share!r}"
        )
    x = (vt - e) / ((v - 1) * (1 - vt))
    # x in [0, e] exactly when e <= voting <= v e / (1 + (v - 1) e); test that
    # (to 1e-12 in voting, as x itself is ill-conditioned when e and voting near 1).
    most = v * e / (1 + (v - 1) * e)
    if not e - _TOL <= vt <= most + _TOL:
        raise ValueError(
            f"economic={economic!r}, voting={voting!r} and votes_per_wvr_share={votes_per_wvr_share!r} "
            f"imply wvr_fraction={x!r}, outside [0, economic]: these numbers cannot come "
            "from one holder's WVR shares alone"
        )
    return min(max(x, 0.0), e)


def dilute(shares: Mapping[str, float], new_shares_fraction: float) -> dict[str, float]:
    """Post-issue economic shares after issuing ``n`` (fraction of the pre-issue total) to new holders.

    Each existing share is multiplied by ``1 / (1 + n)`` and the key
    ``"new holders"`` gets ``n / (1 + n)``. An empty mapping is allowed and
    gives ``{"new holders": n / (1 + n)}`` (the other holders are just not listed).

    Example: ``dilute({"founder": 0.2}, 0.25)`` -> ``{"founder": 0.16, "new holders": 0.2}``.

    >>> {k: round(s, 6) for k, s in dilute({"founder": 0.2}, 0.25).items()}
    {'founder': 0.16, 'new holders': 0.2}
    """
    n = real("new_shares_fraction", new_shares_fraction)
    if n < 0:
        raise ValueError(f"new_shares_fraction must be >= 0, got {new_shares_fraction!r}")
    if NEW_HOLDERS in shares:
        raise ValueError(
            f"shares must not already contain the key {NEW_HOLDERS!r}, got {dict(shares)!r}"
        )
    checked = {name: fraction(f"shares[{name!r}]", s) for name, s in shares.items()}
    total = math.fsum(checked.values())
    if total > 1 + 1e-9:
        raise ValueError(f"shares must sum to <= 1, got a sum of {total!r} from {dict(shares)!r}")
    scale = 1 / (1 + n)
    out = {name: s * scale for name, s in checked.items()}
    out[NEW_HOLDERS] = n * scale
    return out


def dilution_factor(before: float, after: float) -> float:
    """Ratio of a holder's share after an issue to before it: ``after / before``.

    Example: ``dilution_factor(0.1504, 0.1252)`` -> 0.8324... (Alisoft).

    >>> round(dilution_factor(0.1504, 0.1252), 4)
    0.8324
    """
    b = fraction("before", before)
    if b == 0:
        raise ValueError(f"before must be > 0, got {before!r}")
    a = fraction("after", after)
    return a / b


def new_shares_fraction_from_factor(factor: float) -> float:
    """New shares, as a fraction of the pre-issue total, implied by a dilution factor: ``1 / factor - 1``.

    Example: ``new_shares_fraction_from_factor(0.8)`` -> 0.25.

    >>> round(new_shares_fraction_from_factor(0.8), 12)
    0.25
    """
    f = real("factor", factor)
    if not 0 < f <= 1:
        raise ValueError(f"factor must be in (0, 1] for an issue of new shares, got {factor!r}")
    return 1 / f - 1


def founder_voting_after_issue(
    economic: float,
    wvr_fraction: float,
    new_shares_fraction: float,
    votes_per_wvr_share: float = 10.0,
) -> float:
    """Founder's voting share after ``n`` new one-vote shares: ``(e + (v-1)x) / (1 + (v-1)x + n)``.

    Example: ``founder_voting_after_issue(0.2235, 0.1, 0.0)`` -> 0.5913... (no issue yet).

    >>> round(founder_voting_after_issue(0.2235, 0.1, 0.25), 4)
    0.5226
    """
    e, x = _holding(economic, wvr_fraction)
    n = real("new_shares_fraction", new_shares_fraction)
    if n < 0:
        raise ValueError(f"new_shares_fraction must be >= 0, got {new_shares_fraction!r}")
    v = real("votes_per_wvr_share", votes_per_wvr_share, minimum=1)
    return (e + (v - 1) * x) / (1 + (v - 1) * x + n)


def issue_size_for_voting_below(
    economic: float,
    wvr_fraction: float,
    threshold: float = 0.5,
    votes_per_wvr_share: float = 10.0,
) -> float:
    """New-share fraction ``n`` at which the founder's voting share falls to ``threshold``.

    Closed form: ``n = (e + (v-1)x) / threshold - 1 - (v-1)x``. Edge cases: if
    he is already at or below ``threshold`` with no issue, returns 0.0; with
    ``threshold == 0`` returns ``inf`` if he has any votes (a finite issue never
    takes him to zero), else 0.0.

    Example: ``issue_size_for_voting_below(0.2235, 0.1)`` -> 0.3470 (to fall to 50%).

    >>> round(issue_size_for_voting_below(0.2235, 0.1), 4)
    0.347
    """
    e, x = _holding(economic, wvr_fraction)
    t = fraction("threshold", threshold)
    v = real("votes_per_wvr_share", votes_per_wvr_share, minimum=1)
    his_votes = e + (v - 1) * x
    if t == 0:
        return math.inf if his_votes > 0 else 0.0
    return max(his_votes / t - 1 - (v - 1) * x, 0.0)


@dataclass(frozen=True)
class Check:
    """One listing-rule check: the rule, its requirement, the value tested, the limit and the verdict."""

    rule: str
    requirement: str
    value: float
    limit: float
    passed: bool


def hkex_8a_checks(
    wvr_votes_per_share: float,
    non_wvr_voting_share: float,
    wvr_economic_share: float,
    *,
    max_votes_per_wvr_share: float = 10.0,
    min_non_wvr_voting_share: float = 0.10,
    min_wvr_economic_share: float = 0.10,
) -> list[Check]:
    """HKEX Chapter 8A checks: 8A.10 votes per WVR share, 8A.09 non-WVR votes, 8A.12 WVR economic interest.

    Example: ``hkex_8a_checks(10, 0.4079, 0.2235)`` -> three Checks, all passed.

    >>> [c.passed for c in hkex_8a_checks(10, 0.4079, 0.2235)]
    [True, True, True]
    """
    votes = real("wvr_votes_per_share", wvr_votes_per_share, minimum=1)
    non_wvr = fraction("non_wvr_voting_share", non_wvr_voting_share)
    wvr_econ = fraction("wvr_economic_share", wvr_economic_share)
    max_votes = real("max_votes_per_wvr_share", max_votes_per_wvr_share, minimum=1)
    min_non_wvr = fraction("min_non_wvr_voting_share", min_non_wvr_voting_share)
    min_econ = fraction("min_wvr_economic_share", min_wvr_economic_share)
    return [
        Check(
            "8A.10",
            f"votes per WVR share <= {max_votes:g}",
            votes,
            max_votes,
            votes <= max_votes,
        ),
        Check(
            "8A.09",
            f"non-WVR holders' share of votes >= {100 * min_non_wvr:g}%",
            non_wvr,
            min_non_wvr,
            non_wvr >= min_non_wvr,
        ),
        Check(
            "8A.12",
            f"WVR beneficiaries' economic interest at listing >= {100 * min_econ:g}%",
            wvr_econ,
            min_econ,
            wvr_econ >= min_econ,
        ),
    ]
