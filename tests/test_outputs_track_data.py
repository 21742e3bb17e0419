"""The stored outputs are a test, not decoration: prove that nbval fails when a figure in data/ changes,
and when a stored chart no longer matches a fresh one.

Proved on one small notebook written by ``make book``'s own runner (a cell showing a figure from data/, a
chart, and an untouched control cell), checked by one nbval run: one kernel each, and the same machinery
as the real notebooks.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from nbfiles import load_runner, write_notebook

ROOT = Path(__file__).resolve().parent.parent
CASH = "mm_cash_2025_09_30,minimax,cash_and_equivalents,,2025-09-30,,2025-09-30,362.6,"

NOTEBOOK = "01_proof.ipynb"
CELLS = [
    'import helpers as h\n\nh.fact("minimax", "cash_and_equivalents", "2025-09-30").value',
    "fig, ax = h.new_figure()\nax.plot([1, 2], [3, 5])\nh.show(fig)",
    'h.fact("minimax", "revenue", "9M2025").value',
]


@pytest.fixture(scope="module")
def nbval_run(tmp_path_factory: pytest.TempPathFactory) -> subprocess.CompletedProcess[str]:
    """Run the notebooks with make book's runner, then change a figure and a stored chart, then nbval."""
    folder = tmp_path_factory.mktemp("outputs")
    write_notebook(folder / NOTEBOOK, *CELLS)
    runner = load_runner()
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("JUPYTER_DATA_DIR", str(folder / "jupyter-data"))
        assert runner.main([str(folder / NOTEBOOK)]) == 0

    data = folder / "data"
    shutil.copytree(ROOT / "data", data)
    facts = data / "facts.csv"
    text = facts.read_text(encoding="utf-8")
    assert text.count(CASH) == 1
    facts.write_text(text.replace(CASH, CASH.replace(",362.6,", ",362.7,")), encoding="utf-8")

    chart = folder / NOTEBOOK
    nb = json.loads(chart.read_text(encoding="utf-8"))
    output = nb["cells"][1]["outputs"][0]
    svg = "".join(output["data"]["image/svg+xml"])
    output["data"]["image/svg+xml"] = svg.replace("<path ", '<path data-x="1" ', 1)
    chart.write_text(json.dumps(nb), encoding="utf-8")

    return subprocess.run(
        [sys.executable, "-m", "pytest", "--nbval", "--nbval-current-env", "-p", "no:cacheprovider",
         "-p", "no:xdist", "--rootdir", str(folder), "-q", "-rf", NOTEBOOK],
        capture_output=True, text=True, cwd=folder, timeout=300,
        env={**os.environ, "HELPERS_DATA_DIR": str(data)},
    )  # fmt: skip


def test_changed_figure_fails_nbval(nbval_run: subprocess.CompletedProcess[str]) -> None:
    out = nbval_run.stdout
    assert nbval_run.returncode != 0, out[-2000:]
    assert re.search(r"FAILED 01_proof\.ipynb::Cell 0", out), out[-3000:]
    assert "362.7" in out and "362.6" in out, out[-3000:]


def test_changed_chart_fails_nbval(nbval_run: subprocess.CompletedProcess[str]) -> None:
    out = nbval_run.stdout
    assert re.search(r"FAILED 01_proof\.ipynb::Cell 1", out), out[-3000:]
    assert "image/svg+xml" in out, out[-3000:]


def test_an_unchanged_cell_passes_in_the_same_run(
    nbval_run: subprocess.CompletedProcess[str],
) -> None:
    out = nbval_run.stdout
    assert "Cell 2" not in "\n".join(line for line in out.splitlines() if line.startswith("FAILED"))
    assert re.search(r"2 failed, 1 passed", out), out[-2000:]
