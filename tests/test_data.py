"""Data validation: the real files pass, and each kind of bad input fails with a
message naming the file, the line and the value."""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import pytest

import helpers as h
from helpers.data import DataError, derived

REPO_DATA = Path(__file__).resolve().parent.parent / "data"
TABLES = ["facts", "sources", "rates", "profile", "events", "prices"]


@pytest.mark.parametrize("name", TABLES)
def test_real_tables_load_typed(name: str) -> None:
    table = h.load_table(name)
    assert len(table) > 0


def test_facts_are_typed() -> None:
    facts = h.load_facts()
    assert str(facts["value"].dtype) == "float64"
    assert str(facts["period_end"].dtype).startswith("datetime64")


def test_every_source_is_used_and_every_used_source_exists() -> None:
    facts = h.load_facts()
    used = set(facts["source_id"])
    for cell in facts["corroborated_by"]:
        used |= set(filter(None, cell.split(";")))
    for name in ("rates", "profile", "events", "prices"):
        used |= set(h.load_table(name)["source_id"])
    assert used == set(h.load_sources()["source_id"])


def test_every_non_reported_row_points_at_a_reported_row() -> None:
    facts = h.load_facts().set_index("fact_id")
    for fact_id, row in facts[facts["status"] != "reported"].iterrows():
        target = facts.loc[row["superseded_by"]]
        assert target["status"] == "reported", fact_id
        assert (target["company"], target["metric"]) == (row["company"], row["metric"]), fact_id


def test_known_errors_are_kept_and_marked() -> None:
    hailuo = h.fact("minimax", "revenue_share_segment", "9M2025", "hailuo_ai", status="erroneous")
    assert hailuo.value == 2.6 and hailuo.source_id == "S0"
    assert h.fact("minimax", "revenue_share_segment", "9M2025", "hailuo_ai").value == 32.6


def _replace(path: Path, old: str, new: str) -> int:
    """Replace one exact occurrence in a file and return the 1-based line it is on."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} must occur once in {path.name}"
    line = text[: text.index(old)].count("\n") + 1
    path.write_text(text.replace(old, new), encoding="utf-8")
    return line


def _expect(name: str, *fragments: str) -> None:
    with pytest.raises(DataError) as info:
        h.load_table(name)
    message = str(info.value)
    for fragment in fragments:
        assert fragment in message, f"{fragment!r} not in {message!r}"


def test_derived_lookups_are_built_once_and_again_when_the_data_change(data_copy: Path) -> None:
    calls: list[int] = []

    def count_rows(table: pd.DataFrame) -> int:
        calls.append(1)
        return len(table)

    first = derived("sources", count_rows)
    assert derived("sources", count_rows) == first and len(calls) == 1
    os.utime(data_copy / "sources.csv", ns=(0, 1))  # the file changed (its time does)
    assert derived("sources", count_rows) == first and len(calls) == 2


def test_missing_column(data_copy: Path) -> None:
    _replace(data_copy / "facts.csv", ",qualifier,", ",hedge,")
    _expect("facts", "data/facts.csv", "missing column", "qualifier")


def test_non_numeric_value(data_copy: Path) -> None:
    line = _replace(
        data_copy / "facts.csv", ",53.437,,million,USD,S0,4.1,", ",53.4x,,million,USD,S0,4.1,"
    )
    _expect("facts", "data/facts.csv", f"line {line}", "'value'", "'53.4x'")


def test_unknown_unit(data_copy: Path) -> None:
    line = _replace(
        data_copy / "facts.csv", ",53.437,,million,USD,S0,4.1,", ",53.437,,billion,USD,S0,4.1,"
    )
    _expect("facts", f"line {line}", "'unit'", "'billion'")


def test_unknown_currency(data_copy: Path) -> None:
    line = _replace(
        data_copy / "facts.csv", ",53.437,,million,USD,S0,4.1,", ",53.437,,million,EUR,S0,4.1,"
    )
    _expect("facts", f"line {line}", "'currency'", "'EUR'")


def test_money_without_currency(data_copy: Path) -> None:
    line = _replace(
        data_copy / "facts.csv", ",53.437,,million,USD,S0,4.1,", ",53.437,,million,,S0,4.1,"
    )
    _expect("facts", f"line {line}", "needs a currency")


def test_unknown_source(data_copy: Path) -> None:
    line = _replace(
        data_copy / "facts.csv", ",53.437,,million,USD,S0,4.1,", ",53.437,,million,USD,S99,4.1,"
    )
    _expect("facts", f"line {line}", "'S99'", "sources.csv")


def test_unknown_corroborating_source(data_copy: Path) -> None:
    line = _replace(data_copy / "facts.csv", "4.1,S1;S2;S5,", "4.1,S1;S77,")
    _expect("facts", f"line {line}", "'S77'")


def test_duplicate_fact_id(data_copy: Path) -> None:
    path = data_copy / "facts.csv"
    text = path.read_text(encoding="utf-8")
    first = next(line for line in text.splitlines() if line.startswith("mm_revenue_fy2023,"))
    path.write_text(text + first + "\n", encoding="utf-8")
    last_line = len(text.splitlines()) + 1
    _expect("facts", f"line {last_line}", "duplicate key", "mm_revenue_fy2023")


def test_second_reported_figure_for_one_key(data_copy: Path) -> None:
    path = data_copy / "facts.csv"
    text = path.read_text(encoding="utf-8")
    extra = "mm_revenue_fy2024_b,minimax,revenue,,FY2024,2024-01-01,2024-12-31,30.5,,million,USD,S2,x,,reported,,,,M\n"
    path.write_text(text + extra, encoding="utf-8")
    _expect(
        "facts",
        f"line {len(text.splitlines()) + 1}",
        "second reported figure",
        "mm_revenue_fy2024_b",
    )


def test_shares_of_one_whole_over_100(data_copy: Path) -> None:
    _replace(data_copy / "facts.csv", ",35.1,,percent,,S0,3.7,", ",45.1,,percent,,S0,3.7,")
    _expect("facts", "data/facts.csv", "mm_segments_9m2025", "106.6", "over 100")


def test_period_dates_must_match_label(data_copy: Path) -> None:
    line = _replace(
        data_copy / "facts.csv",
        "9M2025,2025-01-01,2025-09-30,53.437",
        "9M2025,2025-01-01,2025-06-30,53.437",
    )
    _expect("facts", f"line {line}", "does not match the label", "9M2025")


def test_bad_date(data_copy: Path) -> None:
    line = _replace(data_copy / "rates.csv", ",2025-12-21,", ",2025-13-21,")
    _expect("rates", "data/rates.csv", f"line {line}", "'2025-13-21'")


def test_erroneous_row_needs_a_replacement(data_copy: Path) -> None:
    line = _replace(data_copy / "facts.csv", ",erroneous,mm_share_hailuo_9m2025,", ",erroneous,,")
    _expect("facts", f"line {line}", "superseded_by", "erroneous")


def test_nothing_is_dropped(data_copy: Path) -> None:
    rows_in_file = (data_copy / "facts.csv").read_text(encoding="utf-8").count("\n") - 1
    assert len(h.load_facts()) == rows_in_file


def test_missing_file(data_copy: Path) -> None:
    (data_copy / "events.csv").unlink()
    _expect("events", "data/events.csv", "not found")
