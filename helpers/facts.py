"""Looking figures up by key: company, metric, period and breakdown.

A lookup must find exactly one row; none or several is an error that says what
was asked and what exists. By default only rows with status ``reported`` are
searched, and the data guarantee at most one of those per key.

Example:
    >>> fact("minimax", "revenue", "9M2025").value
    53.437
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd

from helpers.data import derived, shared_table


class FactLookupError(LookupError):
    """No row, or more than one row, matches a lookup."""


@dataclass(frozen=True)
class Fact:
    """One figure with everything needed to cite it."""

    fact_id: str
    company: str
    metric: str
    breakdown: str
    period_label: str
    value: float
    qualifier: str
    unit: str
    currency: str
    source_id: str
    locator: str
    status: str
    superseded_by: str
    note: str
    #: How sure the figure is: F, F+, M, IP (a management or analyst claim) or D (derived); see data/README.md.
    sureness: str = ""

    def __float__(self) -> float:
        return self.value

    @property
    def citation(self) -> str:
        """Source id and locator, e.g. ``S0 4.4``."""
        return f"{self.source_id} {self.locator}"

    @property
    def unit_label(self) -> str:
        """Unit with currency, e.g. ``USD million`` or ``percent``."""
        return f"{self.currency} {self.unit}" if self.currency else self.unit


def _row_to_fact(row: pd.Series) -> Fact:
    fields = {name: row[name] for name in Fact.__dataclass_fields__}
    fields["value"] = float(fields["value"])
    return Fact(**fields)


def facts_table(status: str | None = "reported", **where: str) -> pd.DataFrame:
    """Rows of ``facts.csv`` filtered by column values (status ``None`` keeps every status).

    Example: ``facts_table(company="zhipu", metric="revenue")``
    """
    table = shared_table("facts")
    unknown = sorted(set(where) - set(table.columns))
    if unknown:
        raise FactLookupError(f"facts.csv has no column(s) {unknown}")
    mask = pd.Series(True, index=table.index)
    if status is not None:
        mask &= table["status"] == status
    for column, wanted in where.items():
        mask &= table[column] == wanted
    return table[mask].reset_index(drop=True)


def _index() -> dict[tuple[str, ...], list[Fact]]:
    """Facts by (company, metric, period_label, breakdown, status), built once per load of the data."""
    return derived("facts", _build_index)


def _build_index(table: pd.DataFrame) -> dict[tuple[str, ...], list[Fact]]:
    index: dict[tuple[str, ...], list[Fact]] = {}
    for _, row in table.iterrows():
        key = (row["company"], row["metric"], row["period_label"], row["breakdown"], row["status"])
        index.setdefault(key, []).append(_row_to_fact(row))
    return index


def fact(
    company: str,
    metric: str,
    period: str,
    breakdown: str = "",
    *,
    status: str = "reported",
    currency: str | None = None,
) -> Fact:
    """The one figure for a key; raises :class:`FactLookupError` on no match or several.

    Example: ``fact("zhipu", "revenue_share_segment", "H1 2025", "on_premise").value`` gives 84.8.
    """
    rows = [
        f
        for f in _index().get((company, metric, period, breakdown, status), [])
        if currency is None or f.currency == currency
    ]
    asked = f"fact({company!r}, {metric!r}, {period!r}, breakdown={breakdown!r}, status={status!r})"
    if len(rows) == 1:
        return rows[0]
    if len(rows) > 1:
        raise FactLookupError(f"{asked} is ambiguous: rows {[f.fact_id for f in rows]} match")
    near = facts_table(status=None, company=company, metric=metric)
    options = sorted(
        {f"{r.period_label}/{r.breakdown or '-'}/{r.status}" for r in list[Any](near.itertuples())}
    )
    hint = (
        f"; for this company and metric the data hold: {options}"
        if options
        else "; no such company and metric"
    )
    raise FactLookupError(f"{asked} matches no row{hint}")


def fact_by_id(fact_id: str) -> Fact:
    """The row with this ``fact_id``, whatever its status. Example: ``fact_by_id("mm_burn_2025").value``"""
    rows = facts_table(status=None, fact_id=fact_id)
    if len(rows) != 1:
        raise FactLookupError(f"no fact with fact_id {fact_id!r}")
    return _row_to_fact(rows.iloc[0])


def value(company: str, metric: str, period: str, breakdown: str = "", **kw: str) -> float:
    """Shorthand for ``fact(...).value``. Example: ``value("minimax", "cash_burn_per_month", "FY2025")``"""
    return fact(company, metric, period, breakdown, **kw).value


def sources_for(*items: Fact | str) -> str:
    """Sorted, de-duplicated source ids for a chart footer, e.g. ``S0, S1``.

    Accepts :class:`Fact` objects or source ids. Example: ``sources_for(fact(...), "S17")``
    """
    ids = {item.source_id if isinstance(item, Fact) else item for item in items}
    known = set(shared_table("sources")["source_id"])
    unknown = sorted(ids - known)
    if unknown:
        raise FactLookupError(f"unknown source id(s) {unknown}")
    return ", ".join(sorted(ids, key=lambda s: int(s[1:])))
