"""Shared test settings.

Hypothesis runs derandomised and without its example database, so the same
commit always tries the same examples: a property test failure reproduces on
every machine, and the suite's time does not drift between runs.
"""

from hypothesis import settings

settings.register_profile("repeatable", derandomize=True, database=None, deadline=None)
settings.load_profile("repeatable")
