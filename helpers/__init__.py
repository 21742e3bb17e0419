"""Shared helpers for the Zhipu and MiniMax notebooks.

Data flows one way: ``data/*.csv`` -> :mod:`helpers.data` (validated, typed) ->
:func:`fact` lookups -> the maths in :mod:`helpers.periods`, :mod:`helpers.runway`
and :mod:`helpers.ownership` -> tables and charts (:mod:`helpers.plotting`).

Example:
    >>> import helpers as h
    >>> h.fact("minimax", "revenue", "9M2025").value
    53.437
"""

from helpers import data, facts, formatting, ownership, params, periods, plotting, runway, words
from helpers.data import (
    DataError,
    data_dir,
    load_events,
    load_facts,
    load_prices,
    load_profile,
    load_rates,
    load_sources,
    load_table,
)
from helpers.facts import Fact, FactLookupError, fact, fact_by_id, facts_table, sources_for, value
from helpers.periods import (
    annualised,
    cagr,
    convert,
    convert_fact,
    growth,
    ltm,
    monthly_run_rate,
    months_in,
    rate,
)
from helpers.plotting import COLORS, NAMES, finish, new_figure, show
from helpers.words import say

__all__ = [
    "COLORS",
    "NAMES",
    "DataError",
    "Fact",
    "FactLookupError",
    "annualised",
    "cagr",
    "convert",
    "convert_fact",
    "data",
    "data_dir",
    "fact",
    "fact_by_id",
    "facts",
    "facts_table",
    "finish",
    "formatting",
    "growth",
    "load_events",
    "load_facts",
    "load_prices",
    "load_profile",
    "load_rates",
    "load_sources",
    "load_table",
    "ltm",
    "monthly_run_rate",
    "months_in",
    "new_figure",
    "ownership",
    "params",
    "periods",
    "plotting",
    "rate",
    "runway",
    "say",
    "show",
    "sources_for",
    "value",
    "words",
]
