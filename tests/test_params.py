"""Parameter checks: every rule's pass and fail, unknown and missing names, and the cases the tests run."""

from __future__ import annotations

import math

import pytest

from helpers.params import Choice, Number, ParameterError, cases, check, check_namespace

SPEC = {
    "currency": Choice(("USD", "RMB", "HKD")),
    "burn": Number(low=0.0, high=1000.0, none_ok=True, edges=(27.9,)),
    "months": Number(low=1, high=240, integer=True),
}


def test_good_values_pass() -> None:
    check(SPEC, currency="RMB", burn=None, months=36)
    check(SPEC, currency="USD", burn=0.0, months=1)


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("currency", "EUR", "choose one of 'USD', 'RMB', 'HKD'"),
        ("currency", None, "choose one of"),
        ("burn", -1.0, "at least 0"),
        ("burn", 2000.0, "at most 1000"),
        ("burn", "27.9", "must be a number, got str"),
        ("burn", math.nan, "finite"),
        ("burn", True, "must be a number, got bool"),
        ("months", 36.5, "whole number"),
        ("months", None, "not None"),
    ],
)
def test_bad_values_name_parameter_value_and_rule(name: str, value: object, message: str) -> None:
    values = {"currency": "USD", "burn": 27.9, "months": 36} | {name: value}
    with pytest.raises(ParameterError, match=f"parameter {name} = ") as error:
        check(SPEC, **values)
    assert message in str(error.value)


def test_unknown_and_missing_names() -> None:
    with pytest.raises(ParameterError, match="unknown parameter.*burn_grwoth"):
        check(SPEC, currency="USD", burn=1.0, months=3, burn_grwoth=0.02)
    with pytest.raises(ParameterError, match=r"\['months'\] not set"):
        check(SPEC, currency="USD", burn=1.0)


def test_namespace_ignores_imports_and_private_names_but_not_misspellings() -> None:
    namespace = {
        "__name__": "__main__",
        "_i1": "",
        "In": [],
        "math": math,
        "check": check,
        "currency": "USD",
        "burn": 1.0,
        "months": 12,
    }
    check_namespace(SPEC, namespace)
    with pytest.raises(ParameterError, match="burn_grwoth"):
        check_namespace(SPEC, namespace | {"burn_grwoth": 0.02})


def test_cases_cover_choices_ends_edges_and_none() -> None:
    assert cases(SPEC) == [
        ("currency", "USD"),
        ("currency", "RMB"),
        ("currency", "HKD"),
        ("burn", 0.0),
        ("burn", 1000.0),
        ("burn", 27.9),
        ("burn", None),
        ("months", 1),
        ("months", 240),
    ]
