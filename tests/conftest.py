"""Shared test settings.

Hypothesis runs derandomised and without its example database, so the same
commit always tries the same examples: a property test failure reproduces on
every machine, and the suite's time does not drift between runs.

Every figure a test opens is closed after it, so that however the tests are
shared among workers, matplotlib never holds more than a test's own figures
(its warning about many open figures would fail the suite, as warnings do).

The longest test files are collected first, so that ``pytest -n`` (one file to a worker at a time) starts
them at once instead of last, and the others fill the gaps around them.
"""

import shutil
from collections.abc import Iterator
from pathlib import Path

import matplotlib.pyplot as plt
import pytest
from hypothesis import settings

from helpers.data import DATA_DIR_ENV

REPO_DATA = Path(__file__).resolve().parent.parent / "data"

settings.register_profile("repeatable", derandomize=True, database=None, deadline=None)
settings.load_profile("repeatable")


#: Test files that take longest (the parameter sweep, the planted-markup site, the runner's interrupts, the
#: nbval proof, the standard validators), longest first: run first, they finish with the rest.
LONGEST_FIRST = (
    "tests/test_parameters.py",
    "tests/test_site.py",
    "tests/test_run_notebooks.py",
    "tests/test_outputs_track_data.py",
    "tests/test_standards.py",
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Longest files first (see LONGEST_FIRST); the order within a file, and of everything else, stays."""

    def rank(item: pytest.Item) -> int:
        path = item.nodeid.split("::")[0]
        return LONGEST_FIRST.index(path) if path in LONGEST_FIRST else len(LONGEST_FIRST)

    items.sort(key=rank)


@pytest.fixture(autouse=True)
def _close_figures() -> Iterator[None]:
    yield
    plt.close("all")


@pytest.fixture()
def data_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private copy of data/ that the loaders read instead of the real one (tests break it on purpose)."""
    target = tmp_path / "data"
    shutil.copytree(REPO_DATA, target)
    monkeypatch.setenv(DATA_DIR_ENV, str(target))
    return target
