"""Checks for the values a reader puts in a notebook's parameters cell.

Each notebook's helper module declares its parameters once, as a mapping of
name to :class:`Choice` or :class:`Number` (allowed values, range, the
alternatives the tests run); the notebook's first code cell after the
parameters calls :func:`check` on them, so a wrong value stops the run at the
top with a message that names the parameter, the value and what is allowed.

Example:
    >>> spec = {"currency": Choice(("USD", "RMB")), "growth": Number(low=-0.5, high=1.0)}
    >>> check(spec, currency="USD", growth=0.02)
    >>> check(spec, currency="EUR", growth=0.02)
    Traceback (most recent call last):
    ...
    helpers.params.ParameterError: parameter currency = 'EUR' is not allowed: choose one of 'USD', 'RMB'
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field


class ParameterError(ValueError):
    """A value in the parameters cell that the notebook cannot use; the message names it and the fix."""


@dataclass(frozen=True)
class Choice:
    """One of a fixed set of values (a string, or None where None is listed)."""

    allowed: tuple[object, ...]

    def problem(self, value: object) -> str | None:
        if any(value is a or (type(value) is type(a) and value == a) for a in self.allowed):
            return None
        options = ", ".join(repr(a) for a in self.allowed)
        return f"is not allowed: choose one of {options}"

    def alternatives(self) -> tuple[object, ...]:
        return self.allowed


@dataclass(frozen=True)
class Number:
    """A real number in ``[low, high]`` (either end may be open: ``None``); ``none_ok`` admits None.

    ``edges`` are extra values the tests run (edge cases a reader might try).
    """

    low: float | None = None
    high: float | None = None
    none_ok: bool = False
    integer: bool = False
    edges: tuple[float, ...] = field(default=())

    def problem(self, value: object) -> str | None:
        if value is None:
            return None if self.none_ok else "must be a number, not None"
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return f"must be a number, got {type(value).__name__}"
        if not math.isfinite(float(value)):
            return "must be finite"
        if self.integer and float(value) != int(value):
            return "must be a whole number"
        if self.low is not None and value < self.low:
            return f"must be at least {self.low:g}"
        if self.high is not None and value > self.high:
            return f"must be at most {self.high:g}"
        return None

    def alternatives(self) -> tuple[object, ...]:
        ends = tuple(v for v in (self.low, self.high) if v is not None)
        return ends + self.edges + ((None,) if self.none_ok else ())


Spec = Mapping[str, Choice | Number]


def check(spec: Spec, **values: object) -> None:
    """Raise :class:`ParameterError` for the first value outside its spec, or a name the spec lacks."""
    unknown = sorted(set(values) - set(spec))
    if unknown:
        raise ParameterError(
            f"unknown parameter(s) {unknown}: the notebook's parameters are {sorted(spec)}"
        )
    missing = sorted(set(spec) - set(values))
    if missing:
        raise ParameterError(
            f"parameter(s) {missing} not set: give every parameter of the notebook a value"
        )
    for name, rule in spec.items():
        problem = rule.problem(values[name])
        if problem:
            raise ParameterError(f"parameter {name} = {values[name]!r} {problem}")


_NOT_PARAMETERS = {"In", "Out", "get_ipython", "exit", "quit", "open"}


def check_namespace(spec: Spec, namespace: Mapping[str, object]) -> None:
    """:func:`check` on the parameters found in a notebook's globals, run before anything else is defined.

    Every public name that is not a module, function or class counts as a parameter, so a misspelt
    name injected by papermill (``-p burn_grwoth 0.02``) stops the run instead of being ignored.
    """
    found = {
        name: value
        for name, value in namespace.items()
        if not name.startswith("_")
        and name not in _NOT_PARAMETERS
        and not callable(value)
        and type(value).__name__ != "module"
    }
    check(spec, **found)


def cases(spec: Spec) -> list[tuple[str, object]]:
    """Every (name, value) the tests run: each choice's other values and each number's ends and edges."""
    return [(name, value) for name, rule in spec.items() for value in rule.alternatives()]
