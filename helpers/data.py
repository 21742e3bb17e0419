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
import csv
import io
import json
import math
import os
import re
from collections.abc import Callable
from datetime import date
from functools import lru_cache, partial
from pathlib import Path
from typing import Any, TypeVar, cast

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


def _rows(frame: pd.DataFrame) -> list[Any]:
    """The rows of ``frame`` as named tuples (typed loosely: the columns differ by table)."""
    return list(frame.itertuples(index=False))


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
        package: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        return package
    except (OSError, json.JSONDecodeError) as exc:
        raise DataError(f"{_where(path)}: cannot read the data package: {exc}") from exc


def resource_schema(name: str, folder: Path | None = None) -> dict[str, Any]:
    """The data-package entry of one resource (``facts``, ``sources``, ``rates``, ...).

    Example: ``[f["name"] for f in resource_schema("rates")["schema"]["fields"]]``
    """
    resources: list[dict[str, Any]] = _package(str(folder or data_dir()))["resources"]
    for resource in resources:
        if resource["name"] == name:
            return resource
    raise DataError(f"data/datapackage.json: no resource named {name!r}")


def _parse_date(text: str) -> date:
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        raise ValueError("not a date in the form YYYY-MM-DD")
    return date.fromisoformat(text)


#: Most significant digits a number in data/ may have: a float holds 15 exactly.
MAX_DIGITS = 15


def _parse_number(text: str) -> float:
    if not re.fullmatch(r"-?\d+(\.\d+)?", text):
        raise ValueError("not a plain decimal number")
    if len(text.lstrip("-").replace(".", "").lstrip("0")) > MAX_DIGITS:
        raise ValueError(f"more than {MAX_DIGITS} digits, more than a number here can hold exactly")
    return float(text)


def _parse_integer(text: str) -> int:
    if not re.fullmatch(r"-?\d+", text):
        raise ValueError("not a whole number")
    if len(text.lstrip("-").lstrip("0")) > MAX_DIGITS:
        raise ValueError(f"more than {MAX_DIGITS} digits, more than a number here can hold exactly")
    return int(text)


def _parse_boolean(text: str) -> bool:
    if text not in ("true", "false"):
        raise ValueError("not true or false")
    return text == "true"


_PARSERS: dict[str, Callable[[str], Any]] = {
    "string": str,
    "number": _parse_number,
    "integer": _parse_integer,
    "date": _parse_date,
    "boolean": _parse_boolean,
}

#: The Table Schema constraints the loader enforces; a schema that declares any other fails to load,
#: so the package never claims a rule that nothing checks.
ENFORCED_CONSTRAINTS = frozenset(
    {
        "required",
        "unique",
        "enum",
        "pattern",
        "minimum",
        "maximum",
        "exclusiveMinimum",
        "exclusiveMaximum",
        "minLength",
        "maxLength",
    }
)


def _check_field(field: dict[str, Any], raw: str, where: str) -> Any:
    """Validate one cell against its field definition and return the typed value."""
    cons = field.get("constraints", {})
    unknown = sorted(set(cons) - ENFORCED_CONSTRAINTS)
    if unknown:
        raise DataError(
            f"data/datapackage.json, field {field['name']!r}: constraint(s) {unknown} are not enforced"
        )
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
    if "minLength" in cons and len(raw) < cons["minLength"]:
        raise DataError(f"{where}: {raw!r} is shorter than {cons['minLength']} characters")
    if "maxLength" in cons and len(raw) > cons["maxLength"]:
        raise DataError(f"{where}: {raw[:40]!r}... is longer than {cons['maxLength']} characters")
    try:
        value = _PARSERS[field["type"]](raw)
    except KeyError as exc:
        raise DataError(
            f"{where}: the schema's type {field['type']!r} is not one the loader reads"
        ) from exc
    except ValueError as exc:
        shown = raw if len(raw) <= 40 else f"{raw[:20]}...({len(raw)} characters)"
        raise DataError(f"{where}: {shown!r} is not a valid {field['type']}: {exc}") from exc
    if "minimum" in cons and value < cons["minimum"]:
        raise DataError(f"{where}: {raw!r} is below the minimum {cons['minimum']}")
    if "maximum" in cons and value > cons["maximum"]:
        raise DataError(f"{where}: {raw!r} is above the maximum {cons['maximum']}")
    if cons.get("exclusiveMinimum") is not None and value <= cons["exclusiveMinimum"]:
        raise DataError(f"{where}: {raw!r} must be above {cons['exclusiveMinimum']}")
    if cons.get("exclusiveMaximum") is not None and value >= cons["exclusiveMaximum"]:
        raise DataError(f"{where}: {raw!r} must be below {cons['exclusiveMaximum']}")
    return value


def _decode(path: Path) -> str:
    try:
        raw = path.read_bytes()
    except FileNotFoundError as exc:
        raise DataError(f"{_where(path)}: file not found") from exc
    except OSError as exc:
        raise DataError(f"{_where(path)}: cannot be read: {exc}") from exc
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise DataError(
            f"{_where(path, line)}: not UTF-8 (byte {raw[exc.start]:#04x}); save the file as UTF-8"
        ) from exc


def _read_text_table(path: Path, names: list[str]) -> tuple[pd.DataFrame, list[int]]:
    """The table as text, in schema order, and the line (in the file) where each row starts.

    Blank lines are skipped and quoted newlines kept, without shifting the line numbers.
    """
    text = _decode(path)
    if not text.strip():
        raise DataError(
            f"{_where(path)}: the file is empty; expected a header line {','.join(names)}"
        )
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    rows: list[list[str]] = []
    lines: list[int] = []
    header: list[str] | None = None
    previous_end = 0
    try:
        for record in reader:
            start, previous_end = previous_end + 1, reader.line_num
            if not record or record == [""]:
                continue
            if header is None:
                header = record
                continue
            rows.append(record)
            lines.append(start)
    except csv.Error as exc:
        raise DataError(f"{_where(path, reader.line_num)}: cannot be parsed as CSV: {exc}") from exc
    assert header is not None
    missing = [n for n in names if n not in header]
    extra = [c for c in header if c not in names]
    if missing or extra:
        hint = (
            f"; was {extra[0]!r} renamed from {missing[0]!r}?"
            if len(missing) == len(extra) == 1
            else ""
        )
        raise DataError(
            f"{_where(path, 1)}: the header does not match the schema in data/datapackage.json: "
            f"missing column(s) {missing}, column(s) not in the schema {extra}{hint}"
        )
    duplicated = sorted({c for c in header if header.count(c) > 1})
    if duplicated:
        raise DataError(f"{_where(path, 1)}: column(s) {duplicated} appear twice in the header")
    if not rows:
        raise DataError(f"{_where(path)}: the file has a header but no rows")
    for record, line in zip(rows, lines):
        if len(record) != len(header):
            fewer = len(record) < len(header)
            detail = (
                f"missing {header[len(record) :]}"
                if fewer
                else f"{len(record) - len(header)} extra value(s)"
            )
            raise DataError(
                f"{_where(path, line)}: {len(record)} fields where the header has {len(header)} ({detail}); "
                "a row is never padded or cut"
            )
    order = [header.index(n) for n in names]
    frame = pd.DataFrame([[r[i] for i in order] for r in rows], columns=names, dtype=object)
    return frame, lines


def _validate(
    name: str, path: Path, frame: pd.DataFrame, schema: dict[str, Any], lines: list[int]
) -> pd.DataFrame:
    fields = schema["fields"]
    typed: dict[str, list[Any]] = {f["name"]: [] for f in fields}
    for index, row in enumerate(_rows(frame)):
        for field, raw in zip(fields, row):
            typed[field["name"]].append(
                _check_field(field, raw, _where(path, lines[index], field["name"]))
            )
    keys = [schema.get("primaryKey", [])] + [
        [f["name"]] for f in fields if f.get("constraints", {}).get("unique")
    ]
    for key in filter(None, keys):
        seen: dict[tuple[Any, ...], int] = {}
        for index in range(len(frame)):
            k = tuple(typed[c][index] for c in key)
            if k in seen:
                raise DataError(
                    f"{_where(path, lines[index])}: duplicate key {dict(zip(key, k))} (first on line {seen[k]})"
                )
            seen[k] = lines[index]
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


def _rules(folder: Path) -> dict[str, Any]:
    """The sanity rules of ``datapackage.json`` (its ``x-sanity`` entry) that Table Schema cannot express."""
    rules = _package(str(folder)).get("x-sanity", {})
    return rules if isinstance(rules, dict) else {}


def _pair_band(bands: dict[str, list[float]], base: str, quote: str) -> tuple[float, float] | None:
    """The plausible range of ``base``/``quote`` (from ``x-sanity.rate_bands``, or the inverse of its pair)."""
    if f"{base}/{quote}" in bands:
        low, high = bands[f"{base}/{quote}"]
        return float(low), float(high)
    if f"{quote}/{base}" in bands:
        low, high = bands[f"{quote}/{base}"]
        return 1 / float(high), 1 / float(low)
    return None


def _check_rates(path: Path, rates: pd.DataFrame, lines: list[int], rules: dict[str, Any]) -> None:
    bands = rules.get("rate_bands", {})
    for row, line in zip(_rows(rates), lines):
        if row.base == row.quote:
            raise DataError(f"{_where(path, line, 'quote')}: base and quote are both {row.base!r}")
        band = _pair_band(bands, row.base, row.quote)
        if band is None:
            raise DataError(
                f"{_where(path, line, 'rate')}: no plausible range declared for {row.base}/{row.quote} "
                "(add it to x-sanity.rate_bands in data/datapackage.json)"
            )
        if not band[0] <= row.rate <= band[1]:
            raise DataError(
                f"{_where(path, line, 'rate')}: {row.rate:g} {row.quote} per {row.base} is outside the plausible "
                f"range {band[0]:.4g} to {band[1]:.4g}; is the rate inverted or mistyped?"
            )


def _check_facts(path: Path, facts: pd.DataFrame, lines: list[int], rules: dict[str, Any]) -> None:
    by_id = {row.fact_id: (row, line) for row, line in zip(_rows(facts), lines)}
    reported_keys: dict[tuple[str, ...], int] = {}
    shares = set(rules.get("share_metrics", []))
    signed = set(rules.get("signed_metrics", []))
    metric_currency: dict[str, list[str]] = rules.get("metric_currencies", {})
    units: dict[str, tuple[str, int]] = {}
    for row, line in zip(_rows(facts), lines):

        def at(col: str, line: int = line) -> str:
            return _where(path, line, col)

        if row.unit in MONEY_UNITS and not row.currency:
            raise DataError(f"{at('currency')}: unit {row.unit!r} needs a currency, found none")
        if row.unit not in MONEY_UNITS and row.currency:
            raise DataError(
                f"{at('currency')}: unit {row.unit!r} takes no currency, found {row.currency!r}"
            )
        first_unit = units.setdefault(row.metric, (row.unit, line))
        if first_unit[0] != row.unit:
            raise DataError(
                f"{at('unit')}: {row.metric!r} in {row.unit!r}, but on line {first_unit[1]} in {first_unit[0]!r}; "
                "one metric keeps one unit"
            )
        if (
            row.metric in metric_currency
            and row.status != "translation"
            and row.currency not in metric_currency[row.metric]
        ):
            raise DataError(
                f"{at('currency')}: {row.metric!r} in {row.currency!r} contradicts the metric "
                f"(it is quoted in {' or '.join(metric_currency[row.metric])})"
            )
        if row.unit != "percent" and row.metric not in signed and row.value < 0:
            raise DataError(
                f"{at('value')}: {row.metric!r} cannot be negative, found {row.value:g}"
            )
        if row.metric in shares and not 0 <= row.value <= 100:
            raise DataError(
                f"{at('value')}: {row.metric!r} is a share, 0 to 100 percent, found {row.value:g}"
            )
        try:
            start, end = _expected_dates(row.period_label)
        except ValueError as exc:
            raise DataError(
                f"{at('period_label')}: {row.period_label!r} is not a real period"
            ) from exc
        if _as_date(row.period_start) != start or _as_date(row.period_end) != end:
            raise DataError(
                f"{at('period_start')}: period {_as_date(row.period_start)} to {_as_date(row.period_end)} "
                f"does not match the label {row.period_label!r} (expected {start} to {end})"
            )
        if row.status == "reported":
            if row.superseded_by:
                raise DataError(
                    f"{at('superseded_by')}: a reported figure names {row.superseded_by!r}; leave it empty"
                )
            key = (row.company, row.metric, row.breakdown, row.period_label)
            if key in reported_keys:
                raise DataError(
                    f"{at('fact_id')}: {row.fact_id!r} is a second reported figure for "
                    f"{'/'.join(k for k in key if k)} (first on line {reported_keys[key]})"
                )
            reported_keys[key] = line
        if row.sureness == "F+" and not row.corroborated_by:
            raise DataError(
                f"{at('sureness')}: {row.sureness!r} needs a second source in corroborated_by, found none"
            )
        if row.part_of and row.unit != "percent":
            raise DataError(
                f"{at('part_of')}: only percentages can be parts of a whole, unit is {row.unit!r}"
            )
        if row.unit == "percent" and row.value < -100:
            raise DataError(f"{at('value')}: {row.value!r} percent is below -100")
    for row, line in zip(_rows(facts), lines):
        if row.status != "reported":
            _check_superseded(row, by_id, partial(_where, path, line), rules)
    _check_wholes(path, facts, lines, set(rules.get("whole_metrics", [])))


def _check_superseded(
    row: Any, by_id: dict[str, tuple[Any, int]], at: Callable[[str], str], rules: dict[str, Any]
) -> None:
    """A non-reported row names another row of the same company and metric, whose value it corroborates."""
    if row.superseded_by not in by_id:
        raise DataError(
            f"{at('superseded_by')}: status {row.status!r} needs the fact_id of the figure to use, "
            f"found {row.superseded_by!r}"
        )
    if row.superseded_by == row.fact_id:
        raise DataError(
            f"{at('superseded_by')}: {row.fact_id!r} names itself; name the figure to use instead"
        )
    target, target_line = by_id[row.superseded_by]
    if (target.company, target.metric) != (row.company, row.metric):
        raise DataError(
            f"{at('superseded_by')}: {row.superseded_by!r} (line {target_line}) is {target.company}/{target.metric}, "
            f"not {row.company}/{row.metric}: a row can only be replaced by the same company's same metric"
        )
    if target.status != "reported":
        raise DataError(
            f"{at('superseded_by')}: {row.superseded_by!r} is itself {target.status!r}; name a reported row"
        )
    tolerance = rules.get("corroboration_tolerance", {}).get(row.status)
    if tolerance is None or row.value == 0 or target.value == 0:
        return
    if row.status == "translation":
        band = _pair_band(rules.get("rate_bands", {}), target.currency, row.currency)
        implied = row.value / target.value
        if band and not band[0] * (1 - tolerance) <= implied <= band[1] * (1 + tolerance):
            raise DataError(
                f"{at('value')}: {row.value:g} {row.currency} in {row.fact_id!r} translates {row.superseded_by!r} "
                f"({target.value:g} {target.currency}, line {target_line}) at {implied:.4g} {row.currency} per "
                f"{target.currency}, outside the plausible {band[0]:.4g} to {band[1]:.4g}: one of them is wrong"
            )
        return
    if row.currency != target.currency:
        return
    ratio = (
        max(row.value, target.value) / min(row.value, target.value)
        if row.value * target.value > 0
        else math.inf
    )
    if ratio > 1 + tolerance:
        raise DataError(
            f"{at('value').split(', line')[0]}, line {target_line}, column 'value': {row.superseded_by!r} = "
            f"{target.value:g} is far from its "
            f"{row.status} value {row.value:g} in {row.fact_id!r} ({at('value').split(', ')[1]}; "
            f"more than {tolerance:.0%} apart): "
            "check both figures against their sources"
        )


def _check_wholes(
    path: Path, facts: pd.DataFrame, lines: list[int], whole_metrics: set[str]
) -> None:
    """Parts of one whole sum to at most 100: rows tagged with one ``part_of``, and the reported breakdowns
    of a metric declared in ``x-sanity.whole_metrics`` for one company and period (tagged or not)."""
    groups: dict[tuple[str, ...], list[tuple[Any, int]]] = {}
    for row, line in zip(_rows(facts), lines):
        if row.status != "reported":
            continue
        if row.part_of:
            groups.setdefault(("part_of", row.part_of), []).append((row, line))
        if row.metric in whole_metrics and row.breakdown:
            groups.setdefault(("metric", row.company, row.metric, row.period_label), []).append(
                (row, line)
            )
    for key, members in sorted(groups.items()):
        total = sum(r.value for r, _ in members)
        if total > 100 + PARTS_TOLERANCE_PP:
            name = key[1] if key[0] == "part_of" else "/".join(key[1:])
            shown = ", ".join(f"{r.fact_id}={r.value:g}" for r, _ in members)
            raise DataError(
                f"{_where(path, max(line for _, line in members), 'value')}: the parts of {name!r} sum to "
                f"{total:g}%, over 100 ({shown})"
            )


def _check_foreign_keys(
    name: str,
    path: Path,
    table: pd.DataFrame,
    lines: list[int],
    schema: dict[str, Any],
    lookup: Callable[[str], pd.DataFrame],
) -> None:
    """Every foreign key the schema declares: each non-empty value exists in the referenced table."""
    for fk in schema.get("foreignKeys", []):
        (col,) = fk["fields"]
        target = fk["reference"]["resource"] or name
        (target_col,) = fk["reference"]["fields"]
        known = set((table if target == name else lookup(target))[target_col])
        for value, line in zip(table[col], lines):
            if value and value not in known:
                raise DataError(
                    f"{_where(path, line, col)}: unknown {target_col} {value!r} (not in {target}.csv)"
                )


def _check_prices(path: Path, prices: pd.DataFrame, lines: list[int]) -> None:
    """Each company's trading days come in date order (the primary key already makes them unique)."""
    last: dict[str, pd.Timestamp] = {}
    for line, row in zip(lines, prices.itertuples(index=False)):
        company, day = cast(str, row.company), cast(pd.Timestamp, row.date)
        if company in last and day <= last[company]:
            raise DataError(
                f"{_where(path, line, 'date')}: {day.date()} for {company!r} is not after "
                f"the row before it ({last[company].date()}); keep each company's days in date order"
            )
        last[company] = day


def load_table(name: str) -> pd.DataFrame:
    """Read and validate one table of the data package; returns typed columns (a fresh copy).

    Example: ``load_table("sources").set_index("source_id").loc["S0", "publisher"]``
    """
    return shared_table(name).copy()


def _stamp(folder: Path) -> tuple[tuple[str, int, int], ...]:
    """What the cache knows the data folder by: each file's name, modification time and size."""
    return tuple(
        (p.name, p.stat().st_mtime_ns, p.stat().st_size)
        for p in sorted(folder.glob("*"))
        if p.is_file()
    )


T = TypeVar("T")

#: (table name, builder) -> (the table it was built from, what it built); see :func:`derived`.
_DERIVED: dict[tuple[str, Callable[[pd.DataFrame], Any]], tuple[pd.DataFrame, Any]] = {}


def derived(name: str, build: Callable[[pd.DataFrame], T]) -> T:
    """``build(shared_table(name))``, built once per load of the table and again when the data change.

    For lookups that index a table (facts by key, sources by end date): read the result, never modify it.
    Example: ``derived("sources", len) > 0``
    """
    table = shared_table(name)
    cached = _DERIVED.get((name, build))
    if cached is None or cached[0] is not table:
        cached = _DERIVED[(name, build)] = (table, build(table))
    return cast(T, cached[1])


def shared_table(name: str) -> pd.DataFrame:
    """The validated table from the cache, not copied: read it, never modify it.

    Re-read whenever a file in the data folder changes. Used by the lookups, which
    filter it (so make new frames) thousands of times per notebook.
    """
    folder = data_dir()
    return _load_table_cached(str(folder), name, _stamp(folder))


def validate_all(folder: Path | None = None) -> dict[str, int]:
    """Load and check every table of the package; returns rows per table. Raises :class:`DataError`.

    ``make book`` runs this before it touches any notebook. Example: ``validate_all()["facts"] > 100``
    """
    folder = folder or data_dir()
    names = [r["name"] for r in _package(str(folder))["resources"]]
    stamp = _stamp(folder)
    return {n: len(_load_table_cached(str(folder), n, stamp)) for n in names}


@lru_cache(maxsize=32)
def _load_table_cached(folder_text: str, name: str, stamp: tuple[Any, ...]) -> pd.DataFrame:
    folder = Path(folder_text)
    resource = resource_schema(name, folder)
    path = folder / resource["path"]
    schema = resource["schema"]
    text, lines = _read_text_table(path, [f["name"] for f in schema["fields"]])
    table = _validate(name, path, text, schema, lines)
    _check_foreign_keys(
        name,
        path,
        table,
        lines,
        schema,
        lambda other: _load_table_cached(folder_text, other, stamp),
    )
    rules = _rules(folder)
    if name == "facts":
        _check_facts(path, table, lines, rules)
        for other in filter(None, ";".join(table["corroborated_by"]).split(";")):
            if other not in set(_load_table_cached(folder_text, "sources", stamp)["source_id"]):
                line = next(
                    ln for v, ln in zip(table["corroborated_by"], lines) if other in v.split(";")
                )
                raise DataError(
                    f"{_where(path, line, 'corroborated_by')}: unknown source {other!r} (not in sources.csv)"
                )
    if name == "prices":
        _check_prices(path, table, lines)
    if name == "rates":
        _check_rates(path, table, lines, rules)
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
