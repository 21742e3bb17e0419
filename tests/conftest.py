"""Shared test settings.

Hypothesis runs derandomised and without its example database, so the same
commit always tries the same examples: a property test failure reproduces on
every machine, and the suite's time does not drift between runs.

Every figure a test opens is closed after it, so that however the tests are
shared among workers, matplotlib never holds more than a test's own figures
(its warning about many open figures would fail the suite, as warnings do).
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
