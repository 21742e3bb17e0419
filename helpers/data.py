"""Loading and validation of the tables in ``data/``.

Every table is read as text, checked field by field against the Table Schema in
``data/datapackage.json`` and against the extra rules listed there under
``x-rules``, then converted to typed columns. Nothing is dropped or guessed: the
first problem found raises :class:`DataError`, naming the file, the line and the
value.

Example:
    >>> facts = load_table("facts")
    >>> facts.loc[facts.fact_id == "mm_revenue_9m2025", "value"].item()
    53.437
"""

from __future__ import annotations

import calendar
import json
import os
import re
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import pandas as pd

#: Environment variable that points the loaders at another copy of ``data/``
#: (the tests use it to prove that a changed figure changes the notebooks).
DATA_DIR_ENV = "HELPERS_DATA_DIR"

#: Rounding allowance, in percentage points, for parts of one whole.
PARTS_TOLERANCE_PP = 0.1

MONEY_UNITS = frozenset({"million", "amount"})
UNDATED_LABELS = frozenset({"pre-IPO", "post-IPO", "standing", "unstated"})


class DataError(ValueError):
    """A data file breaks its schema; the message names file, line and value."""


def data_dir() -> Path:
    """Folder holding the CSV files: ``$HELPERS_DATA_DIR`` or the repository's ``data/``.

    Example: ``data_dir() / "facts.csv"``
    """
    override = os.environ.get(DATA_DIR_ENV)
    return Path(override) if override else Path(__file__).resolve().parent.parent / "data"


def _where(path: Path, line: int | None = None, column: str | None = None) -> str:
    where = f"data/{path.name}"
    if line is not None:
        where += f", line {line}"
    if column is not None:
        where += f", column '{column}'"
    return where


@lru_cache(maxsize=8)
def _package(folder: str) -> dict[str, Any]:
    path = Path(folder) / "datapackage.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise DataError(f"{_where(path)}: cannot read the data package: {exc}") from exc


def resource_schema(name: str, folder: Path | None = None) -> dict[str, Any]:
    """The data-package entry of one resource (``facts``, ``sources``, ``rates``, ...).

    Example: ``[f["name"] for f in resource_schema("rates")["schema"]["fields"]]``
    """
    for resource in _package(str(folder or data_dir()))["resources"]:
        if resource["name"] == name:
            return resource
    raise DataError(f"data/datapackage.json: no resource named {name!r}")


def _parse_date(text: str) -> date:
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        raise ValueError("not a date in the form YYYY-MM-DD")
    return date.fromisoformat(text)


def _parse_number(text: str) -> float:
    if not re.fullmatch(r"-?\d+(\.\d+)?", text):
        raise ValueError("not a plain decimal number")
    return float(text)


_PARSERS = {
    "string": str,
    "number": _parse_number,
    "integer": int,
    "date": _parse_date,
    "boolean": lambda t: {"true": True, "false": False}[t],
}


def _check_field(field: dict[str, Any], raw: str, where: str) -> Any:
    """Validate one cell against its field definition and return the typed value."""
    cons = field.get("constraints", {})
    if raw == "":
        if cons.get("required"):
            raise DataError(f"{where}: a value is required, found an empty cell")
        if "enum" in cons and "" not in cons["enum"]:
            raise DataError(f"{where}: empty, expected one of {cons['enum']}")
        return None if field["type"] != "string" else ""
    if raw != raw.strip():
        raise DataError(f"{where}: {raw!r} has spaces at its ends")
    if "enum" in cons and raw not in cons["enum"]:
        raise DataError(f"{where}: {raw!r} is not one of {cons['enum']}")
    if "pattern" in cons and not re.fullmatch(cons["pattern"], raw):
        raise DataError(f"{where}: {raw!r} does not match the pattern {cons['pattern']}")
    try:
        value = _PARSERS[field["type"]](raw)
    except (ValueError, KeyError) as exc:
        raise DataError(f"{where}: {raw!r} is not a valid {field['type']}") from exc
    if "minimum" in cons and value < cons["minimum"]:
        raise DataError(f"{where}: {raw!r} is below the minimum {cons['minimum']}")
    if cons.get("exclusiveMinimum") is not None and value <= cons["exclusiveMinimum"]:
        raise DataError(f"{where}: {raw!r} must be above {cons['exclusiveMinimum']}")
    return value


def _read_text_table(path: Path, names: list[str]) -> pd.DataFrame:
    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, na_filter=False, encoding="utf-8")
    except FileNotFoundError as exc:
        raise DataError(f"{_where(path)}: file not found") from exc
    except (pd.errors.ParserError, UnicodeDecodeError) as exc:
        raise DataError(f"{_where(path)}: cannot be parsed as UTF-8 CSV: {exc}") from exc
    missing = [n for n in names if n not in frame.columns]
    extra = [c for c in frame.columns if c not in names]
    if missing:
        raise DataError(f"{_where(path)}: missing column(s) {missing}; expected {names}")
    if extra:
        raise DataError(f"{_where(path)}: unexpected column(s) {extra}; expected {names}")
    return frame[names]


def _validate(name: str, path: Path, frame: pd.DataFrame, schema: dict[str, Any]) -> pd.DataFrame:
    fields = schema["fields"]
    typed: dict[str, list[Any]] = {f["name"]: [] for f in fields}
    for index, row in enumerate(frame.itertuples(index=False)):
        line = index + 2  # line 1 is the header
        for field, raw in zip(fields, row):
            typed[field["name"]].append(_check_field(field, raw, _where(path, line, field["name"])))
    key = schema.get("primaryKey", [])
    seen: dict[tuple[Any, ...], int] = {}
    for index in range(len(frame)):
        k = tuple(typed[c][index] for c in key)
        if k in seen:
            raise DataError(
                f"{_where(path, index + 2)}: duplicate key {dict(zip(key, k))} (first on line {seen[k]})"
            )
        seen[k] = index + 2
    out = pd.DataFrame(typed, columns=[f["name"] for f in fields])
    for field in fields:
        col = field["name"]
        if field["type"] == "date":
            out[col] = pd.to_datetime(out[col])
        elif field["type"] == "number":
            out[col] = out[col].astype("float64")
        elif field["type"] == "boolean":
            out[col] = out[col].astype(bool)
        else:
            out[col] = out[col].astype(object)
    return out


def _expected_dates(label: str) -> tuple[date | None, date | None]:
    """First and last day that a period label stands for."""
    if label in UNDATED_LABELS:
        return None, None
    if m := re.fullmatch(r"FY(\d{4})", label):
        y = int(m[1])
        return date(y, 1, 1), date(y, 12, 31)
    if m := re.fullmatch(r"9M(\d{4})", label):
        y = int(m[1])
        return date(y, 1, 1), date(y, 9, 30)
    if m := re.fullmatch(r"H([12]) (\d{4})", label):
        h, y = int(m[1]), int(m[2])
        return (date(y, 1, 1), date(y, 6, 30)) if h == 1 else (date(y, 7, 1), date(y, 12, 31))
    if m := re.fullmatch(r"Q([1-4]) (\d{4})", label):
        q, y = int(m[1]), int(m[2])
        last = 3 * q
        return date(y, last - 2, 1), date(y, last, calendar.monthrange(y, last)[1])
    if m := re.fullmatch(r"(\d{4})-(\d{2})", label):
        y, mo = int(m[1]), int(m[2])
        return date(y, mo, 1), date(y, mo, calendar.monthrange(y, mo)[1])
    return None, date.fromisoformat(label)


def _as_date(value: Any) -> date | None:
    return None if pd.isna(value) else pd.Timestamp(value).date()


def _check_facts(path: Path, facts: pd.DataFrame, source_ids: set[str]) -> None:
    ids = set(facts["fact_id"])
    reported_keys: dict[tuple[str, ...], int] = {}
    for index, row in enumerate(facts.itertuples(index=False)):
        line = index + 2
        at = lambda col: _where(path, line, col)  # noqa: E731
        if row.source_id not in source_ids:
            raise DataError(f"{at('source_id')}: unknown source {row.source_id!r} (not in sources.csv)")
        for other in filter(None, row.corroborated_by.split(";")):
            if other not in source_ids:
                raise DataError(f"{at('corroborated_by')}: unknown source {other!r} (not in sources.csv)")
        if row.unit in MONEY_UNITS and not row.currency:
            raise DataError(f"{at('currency')}: unit {row.unit!r} needs a currency, found none")
        if row.unit not in MONEY_UNITS and row.currency:
            raise DataError(f"{at('currency')}: unit {row.unit!r} takes no currency, found {row.currency!r}")
        try:
            start, end = _expected_dates(row.period_label)
        except ValueError as exc:
            raise DataError(f"{at('period_label')}: {row.period_label!r} is not a real period") from exc
        if _as_date(row.period_start) != start or _as_date(row.period_end) != end:
            raise DataError(
                f"{at('period_start')}: period {_as_date(row.period_start)} to {_as_date(row.period_end)} "
                f"does not match the label {row.period_label!r} (expected {start} to {end})"
            )
        if row.status == "reported":
            if row.superseded_by:
                raise DataError(f"{at('superseded_by')}: a reported figure names {row.superseded_by!r}; leave it empty")
            key = (row.company, row.metric, row.breakdown, row.period_label)
            if key in reported_keys:
                raise DataError(
                    f"{at('fact_id')}: {row.fact_id!r} is a second reported figure for "
                    f"{'/'.join(k for k in key if k)} (first on line {reported_keys[key]})"
                )
            reported_keys[key] = line
        elif row.superseded_by not in ids:
            raise DataError(
                f"{at('superseded_by')}: status {row.status!r} needs the fact_id of the figure to use, "
                f"found {row.superseded_by!r}"
            )
        if row.sureness == "F+" and not row.corroborated_by:
            raise DataError(
                f"{at('sureness')}: {row.sureness!r} needs a second source in corroborated_by, found none"
            )
        if row.part_of and row.unit != "percent":
            raise DataError(f"{at('part_of')}: only percentages can be parts of a whole, unit is {row.unit!r}")
        if row.unit == "percent" and row.value < -100:
            raise DataError(f"{at('value')}: {row.value!r} percent is below -100")
    parts = facts[(facts["part_of"] != "") & (facts["status"] == "reported")]
    for whole, group in parts.groupby("part_of", sort=True):
        total = float(group["value"].sum())
        if total > 100 + PARTS_TOLERANCE_PP:
            last = int(group.index.max()) + 2
            shown = ", ".join(f"{r.fact_id}={r.value:g}" for r in group.itertuples())
            raise DataError(
                f"{_where(path, last, 'value')}: the parts of {whole!r} sum to {total:g}%, over 100 ({shown})"
            )


def _check_prices(path: Path, prices: pd.DataFrame) -> None:
    """Each company's trading days come in date order (the primary key already makes them unique)."""
    last: dict[str, pd.Timestamp] = {}
    for index, row in enumerate(prices.itertuples(index=False)):
        if row.company in last and row.date <= last[row.company]:
            raise DataError(
                f"{_where(path, index + 2, 'date')}: {row.date.date()} for {row.company!r} is not after "
                f"the row before it ({last[row.company].date()}); keep each company's days in date order"
            )
        last[row.company] = row.date


def load_table(name: str) -> pd.DataFrame:
    """Read and validate one table of the data package; returns typed columns (a fresh copy).

    Example: ``load_table("sources").set_index("source_id").loc["S0", "publisher"]``
    """
    return shared_table(name).copy()


def shared_table(name: str) -> pd.DataFrame:
    """The validated table from the cache, not copied: read it, never modify it.

    Re-read whenever a file in the data folder changes. Used by the lookups, which
    filter it (so make new frames) thousands of times per notebook.
    """
    folder = data_dir()
    stamp = tuple(
        (p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in sorted(folder.glob("*")) if p.is_file()
    )
    return _load_table_cached(str(folder), name, stamp)


@lru_cache(maxsize=32)
def _load_table_cached(folder_text: str, name: str, stamp: tuple[Any, ...]) -> pd.DataFrame:
    folder = Path(folder_text)
    resource = resource_schema(name, folder)
    path = folder / resource["path"]
    schema = resource["schema"]
    table = _validate(name, path, _read_text_table(path, [f["name"] for f in schema["fields"]]), schema)
    if name == "sources":
        return table
    source_ids = set(_load_table_cached(folder_text, "sources", stamp)["source_id"])
    if name == "facts":
        _check_facts(path, table, source_ids)
    else:
        for index, sid in enumerate(table["source_id"]):
            if sid not in source_ids:
                raise DataError(f"{_where(path, index + 2, 'source_id')}: unknown source {sid!r} (not in sources.csv)")
    if name == "prices":
        _check_prices(path, table)
    if name == "rates":
        for index, row in enumerate(table.itertuples(index=False)):
            if row.base == row.quote:
                raise DataError(f"{_where(path, index + 2, 'quote')}: base and quote are both {row.base!r}")
    return table


def load_facts() -> pd.DataFrame:
    """All figures (``data/facts.csv``), validated. Example: ``load_facts().shape``"""
    return load_table("facts")


def load_sources() -> pd.DataFrame:
    """All sources (``data/sources.csv``), validated. Example: ``load_sources().kind.unique()``"""
    return load_table("sources")


def load_rates() -> pd.DataFrame:
    """Dated exchange rates (``data/rates.csv``). Example: ``load_rates().rate_id.tolist()``"""
    return load_table("rates")


def load_profile() -> pd.DataFrame:
    """Descriptive facts per company (``data/profile.csv``). Example: ``load_profile().attribute.unique()``"""
    return load_table("profile")


def load_events() -> pd.DataFrame:
    """Dated events for the timeline (``data/events.csv``). Example: ``load_events().sort_values("date")``"""
    return load_table("events")


def load_prices() -> pd.DataFrame:
    """Daily closing prices (``data/prices.csv``), validated. Example: ``load_prices().close.max()``"""
    return load_table("prices")
