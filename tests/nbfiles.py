"""Small synthetic notebooks and make book's runner, for the tests that exercise the machinery.

Example:
    >>> code_cell("x = 1")["cell_type"]
    'code'
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
RUNNER = ROOT / "scripts" / "run_notebooks.py"


def code_cell(source: str, cell_id: str = "c0", tags: list[str] | None = None) -> dict[str, object]:
    """One code cell, not yet run, in nbformat 4.5."""
    return {
        "cell_type": "code",
        "id": cell_id,
        "metadata": {"tags": tags} if tags else {},
        "execution_count": None,
        "outputs": [],
        "source": source,
    }


def write_notebook(path: Path, *sources: str, parameters: bool = False) -> Path:
    """A notebook of one code cell per source, ids ``c0``, ``c1``...; returns ``path``.

    ``parameters=True`` tags the first cell ``parameters``, as papermill and tests/nbsweep.py expect.
    """
    cells = [
        code_cell(s, f"c{i}", ["parameters"] if parameters and i == 0 else None)
        for i, s in enumerate(sources)
    ]
    nb = {"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    path.write_text(json.dumps(nb), encoding="utf-8")
    return path


def load_runner() -> ModuleType:
    """scripts/run_notebooks.py as a module (registered, so its pool's workers find its functions)."""
    spec = importlib.util.spec_from_file_location("run_notebooks", RUNNER)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["run_notebooks"] = module
    spec.loader.exec_module(module)
    return module
