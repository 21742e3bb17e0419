"""The stored outputs are a test, not decoration: prove that nbval fails when a
figure in data/ changes, and when a stored chart no longer matches a fresh one."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK = ROOT / "notebooks" / "00_sources_and_data.ipynb"


def _nbval(notebook: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pytest", "--nbval", "--nbval-current-env", "-p", "no:cacheprovider",
         "--rootdir", str(notebook.parent), "-q", str(notebook)],
        capture_output=True, text=True, cwd=notebook.parent, env={**os.environ, **(env or {})}, timeout=300,
    )


def test_changed_figure_fails_nbval(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    facts = data / "facts.csv"
    text = facts.read_text(encoding="utf-8")
    old = "mm_cash_2025_09_30,minimax,cash_and_equivalents,,2025-09-30,,2025-09-30,362.6,"
    assert text.count(old) == 1
    facts.write_text(text.replace(old, old.replace(",362.6,", ",362.7,")), encoding="utf-8")
    result = _nbval(NOTEBOOK, {"HELPERS_DATA_DIR": str(data)})
    assert result.returncode != 0, result.stdout[-2000:]
    assert "362.7" in result.stdout, result.stdout[-2000:]


def test_changed_chart_fails_nbval(tmp_path: Path) -> None:
    nb = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    tampered = 0
    for cell in nb["cells"]:
        for output in cell.get("outputs", []):
            svg = output.get("data", {}).get("image/svg+xml")
            if svg and not tampered:
                text = "".join(svg)
                output["data"]["image/svg+xml"] = text.replace("<path ", '<path data-x="1" ', 1)
                tampered += 1
    assert tampered == 1, "notebook 00 should have a chart"
    copy = tmp_path / NOTEBOOK.name
    copy.write_text(json.dumps(nb), encoding="utf-8")
    result = _nbval(copy)
    assert result.returncode != 0, result.stdout[-2000:]
    assert "image/svg+xml" in result.stdout, result.stdout[-2000:]
