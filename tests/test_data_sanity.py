"""Plausible mistakes in data/ stop the loader with a DataError naming the file, the line and the value.

Each case edits a private copy of data/ (``HELPERS_DATA_DIR``) the way a careless contributor might, and
each would have passed the loader before issue 15 (blank lines shifted every later line number, rows
missing fields were padded, ``maximum`` was declared but not enforced, ...).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import helpers as h
from helpers.data import DataError, validate_all

REPO_DATA = Path(__file__).resolve().parent.parent / "data"


def _line_of(path: Path, text: str) -> int:
    content = path.read_text(encoding="utf-8")
    assert content.count(text) == 1, text
    return content[: content.index(text)].count("\n") + 1


def _sub(path: Path, old: str, new: str) -> int:
    line = _line_of(path, old)
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    return line


def _fails(*fragments: str, table: str = "facts") -> str:
    with pytest.raises(DataError) as info:
        h.load_table(table)
    message = str(info.value)
    for fragment in fragments:
        assert fragment in message, f"{fragment!r} not in {message!r}"
    return message


def test_the_real_package_passes_every_rule() -> None:
    counts = validate_all(REPO_DATA)
    assert counts["facts"] > 100 and set(counts) == {
        "facts",
        "sources",
        "rates",
        "profile",
        "events",
        "prices",
        "glossary",
    }


# ----------------------------------------------------------------------------- line numbers and file shape


def test_line_numbers_stay_right_after_a_blank_line(data_copy: Path) -> None:
    facts = data_copy / "facts.csv"
    _sub(facts, "\nmm_revenue_fy2024,", "\n\nmm_revenue_fy2024,")
    line = _sub(facts, ",3.46,,million,", ",3.46,,millions,")
    assert line == 2
    bad = _sub(
        facts,
        "mm_revenue_9m2024,minimax,revenue,,9M2024,2024-01-01,2024-09-30,19.45,,million,",
        "mm_revenue_9m2024,minimax,revenue,,9M2024,2024-01-01,2024-09-30,19.45,,millions,",
    )
    _sub(facts, ",3.46,,millions,", ",3.46,,million,")
    _fails(f"data/facts.csv, line {bad}, column 'unit'", "'millions'")


def test_line_numbers_stay_right_after_a_quoted_newline(data_copy: Path) -> None:
    facts = data_copy / "facts.csv"
    first = facts.read_text(encoding="utf-8").splitlines()[1]
    assert first.endswith(",,M")  # an empty note, then the sureness
    _sub(facts, first + "\n", first[: -len(",M")] + '"a note\nover two lines",M\n')
    bad = _sub(
        facts,
        "mm_revenue_9m2024,minimax,revenue,,9M2024,2024-01-01,2024-09-30,19.45,,million,",
        "mm_revenue_9m2024,minimax,revenue,,9M2024,2024-01-01,2024-09-30,19.45,,millions,",
    )
    _fails(f"data/facts.csv, line {bad}, column 'unit'")


def test_a_file_not_in_utf8_names_its_line(data_copy: Path) -> None:
    facts = data_copy / "facts.csv"
    line = _line_of(facts, "mm_revenue_9m2024,")
    raw = facts.read_bytes().replace(
        b"mm_revenue_9m2024,minimax", b"mm_revenue_9m2024,minimax" + b"\xe9", 1
    )
    facts.write_bytes(raw)
    _fails(f"data/facts.csv, line {line}", "not UTF-8")


@pytest.mark.parametrize(
    ("content", "problem"),
    [("", "the file is empty"), ("   \n\n", "the file is empty"), (None, "a header but no rows")],
)
def test_empty_and_header_only_files(data_copy: Path, content: str | None, problem: str) -> None:
    rates = data_copy / "rates.csv"
    header = rates.read_text(encoding="utf-8").splitlines()[0] + "\n"
    rates.write_text(header if content is None else content, encoding="utf-8")
    _fails("data/rates.csv", problem, table="rates")


def test_a_renamed_field_is_named_with_a_hint(data_copy: Path) -> None:
    _sub(data_copy / "rates.csv", "rate_id,base,quote,rate,", "rate_id,base,quote,fx_rate,")
    _fails(
        "data/rates.csv, line 1",
        "missing column(s) ['rate']",
        "was 'fx_rate' renamed from 'rate'?",
        table="rates",
    )


def test_a_400_digit_value(data_copy: Path) -> None:
    _sub(data_copy / "facts.csv", ",3.46,,million,", f",{'9' * 400},,million,")
    message = _fails("data/facts.csv, line 2, column 'value'", "more than 15 digits")
    assert len(message) < 400, "the message shows the value cut short"


def test_a_row_missing_its_last_fields_is_not_padded(data_copy: Path) -> None:
    row = next(
        r
        for r in (data_copy / "facts.csv").read_text(encoding="utf-8").splitlines()
        if r.startswith("mm_revenue_fy2024,")
    )
    assert row.endswith(",reported,,,,M")
    line = _sub(data_copy / "facts.csv", row + "\n", row[: -len(",,,M")] + "\n")
    _fails(
        f"data/facts.csv, line {line}",
        "16 fields where the header has 19",
        "'part_of', 'note', 'sureness'",
    )


def test_a_row_with_an_extra_field(data_copy: Path) -> None:
    line = _sub(data_copy / "rates.csv", "\nusd_hkd_listing,", "\nusd_hkd_listing,extra,") + 1
    _fails(f"data/rates.csv, line {line}", "1 extra value(s)", table="rates")


# ----------------------------------------------------------------------------- every declared constraint


def test_every_declared_constraint_is_enforced_maximum_included(data_copy: Path) -> None:
    package = json.loads((data_copy / "datapackage.json").read_text(encoding="utf-8"))
    rates = next(r for r in package["resources"] if r["name"] == "rates")
    rate = next(f for f in rates["schema"]["fields"] if f["name"] == "rate")
    rate["constraints"]["maximum"] = 7.5
    (data_copy / "datapackage.json").write_text(json.dumps(package), encoding="utf-8")
    _fails("data/rates.csv, line 3, column 'rate'", "'7.8' is above the maximum 7.5", table="rates")


def test_a_constraint_the_loader_does_not_enforce_is_refused(data_copy: Path) -> None:
    package = json.loads((data_copy / "datapackage.json").read_text(encoding="utf-8"))
    rates = next(r for r in package["resources"] if r["name"] == "rates")
    rates["schema"]["fields"][0]["constraints"]["jsonSchema"] = {"type": "string"}
    (data_copy / "datapackage.json").write_text(json.dumps(package), encoding="utf-8")
    _fails("constraint(s) ['jsonSchema'] are not enforced", table="rates")


def test_unique_is_enforced_beyond_the_primary_key(data_copy: Path) -> None:
    glossary = data_copy / "glossary.csv"
    text = glossary.read_text(encoding="utf-8")
    glossary.write_text(text + text.splitlines()[1] + "\n", encoding="utf-8")
    _fails("data/glossary.csv", "duplicate key", table="glossary")


# ----------------------------------------------------------------------------- sane rows


def test_region_shares_of_one_whole_are_summed_even_untagged(data_copy: Path) -> None:
    _sub(
        data_copy / "facts.csv",
        "mainland_china,9M2025,2025-01-01,2025-09-30,26.95,",
        "mainland_china,9M2025,2025-01-01,2025-09-30,56.95,",
    )
    line = _line_of(data_copy / "facts.csv", "outside_mainland,9M2025,")
    _fails(
        f"data/facts.csv, line {line}, column 'value'",
        "minimax/revenue_share_region/9M2025",
        "sum to 130.05%",
    )


def test_tagged_parts_over_100(data_copy: Path) -> None:
    line = _sub(
        data_copy / "facts.csv",
        "open_platform,FY2025,2025-01-01,2025-12-31,32.8,",
        "open_platform,FY2025,2025-01-01,2025-12-31,42.8,",
    )
    _fails(f"data/facts.csv, line {line}", "'mm_segments_fy2025' sum to 110%")


def test_superseded_by_itself(data_copy: Path) -> None:
    line = _sub(
        data_copy / "facts.csv",
        "superseded,mm_cash_2025_09_30,",
        "superseded,mm_cash_2025_09_30_article,",
    )
    _fails(f"data/facts.csv, line {line}, column 'superseded_by'", "names itself")


def test_superseded_by_another_companys_figure(data_copy: Path) -> None:
    line = _sub(
        data_copy / "facts.csv", "superseded,mm_cash_2025_09_30,", "superseded,zp_cash_2025_06_30,"
    )
    _fails(
        f"data/facts.csv, line {line}, column 'superseded_by'",
        "zhipu/cash_and_equivalents",
        "not minimax/cash_and_equivalents",
    )


def test_an_exchange_rate_ten_times_too_large(data_copy: Path) -> None:
    line = _sub(data_copy / "rates.csv", "USD,RMB,7.04,", "USD,RMB,70.4,")
    _fails(
        f"data/rates.csv, line {line}, column 'rate'",
        "70.4 RMB per USD is outside the plausible range 6 to 8",
        table="rates",
    )


def test_an_inverted_rate(data_copy: Path) -> None:
    _sub(data_copy / "rates.csv", "HKD,RMB,0.894,", "HKD,RMB,1.119,")
    _fails("data/rates.csv, line 4", "1.119 RMB per HKD", table="rates")


def test_a_revenue_1000_times_too_large_is_flagged_by_its_translation(data_copy: Path) -> None:
    _sub(
        data_copy / "facts.csv",
        ",9M2025,2025-01-01,2025-09-30,53.437,",
        ",9M2025,2025-01-01,2025-09-30,53437,",
    )
    _fails(
        "mm_revenue_9m2025_rmb", "translates 'mm_revenue_9m2025'", "outside the plausible 6 to 8"
    )


def test_a_changed_figure_far_from_its_rounded_version(data_copy: Path) -> None:
    _sub(
        data_copy / "facts.csv",
        "mm_cash_2025_09_30,minimax,cash_and_equivalents,,2025-09-30,,2025-09-30,362.6,",
        "mm_cash_2025_09_30,minimax,cash_and_equivalents,,2025-09-30,,2025-09-30,3626,",
    )
    _fails("'mm_cash_2025_09_30' = 3626", "far from its superseded value 363")


def test_negative_revenue(data_copy: Path) -> None:
    _sub(data_copy / "facts.csv", ",3.46,,million,", ",-3.46,,million,")
    _fails("data/facts.csv, line 2, column 'value'", "'revenue' cannot be negative, found -3.46")


def test_negative_cash(data_copy: Path) -> None:
    line = _sub(
        data_copy / "facts.csv", "2025-09-30,,2025-09-30,362.6,", "2025-09-30,,2025-09-30,-362.6,"
    )
    _fails(
        f"data/facts.csv, line {line}, column 'value'", "'cash_and_equivalents' cannot be negative"
    )


def test_a_share_over_100(data_copy: Path) -> None:
    line = _sub(
        data_copy / "facts.csv",
        ",on_premise,FY2022,2022-01-01,2022-12-31,95.5,",
        ",on_premise,FY2022,2022-01-01,2022-12-31,195.5,",
    )
    _fails(f"data/facts.csv, line {line}, column 'value'", "share, 0 to 100 percent, found 195.5")


def test_a_currency_that_contradicts_the_metric(data_copy: Path) -> None:
    rows = (data_copy / "facts.csv").read_text(encoding="utf-8").splitlines()
    row = next(r for r in rows if ",offer_price,," in r and ",HKD," in r)
    line = _sub(data_copy / "facts.csv", row, row.replace(",HKD,", ",USD,"))
    _fails(
        f"data/facts.csv, line {line}, column 'currency'",
        "'offer_price' in 'USD' contradicts the metric",
    )


def test_one_metric_keeps_one_unit(data_copy: Path) -> None:
    line = _sub(data_copy / "facts.csv", ",3.46,,million,USD,", ",3460000,,amount,USD,")
    assert line == 2
    _fails("column 'unit'", "'revenue' in 'million'", "line 2 in 'amount'")
