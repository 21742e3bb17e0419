"""Execute notebooks in place, top to bottom, and store outputs deterministically.

Used by ``make book``. Timings, widget state and interpreter patch versions are
not stored, so the same inputs give byte-identical files, and a run that writes
anything to stderr (a warning) or raises fails loudly. Notebooks run side by
side, one kernel per core.

Usage: python scripts/run_notebooks.py notebooks/00_*.ipynb [...]
"""

from __future__ import annotations

import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import nbformat
from nbclient import NotebookClient

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


def normalise(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Drop what differs between machines or runs but says nothing about the results."""
    nb.metadata = nbformat.from_dict(
        {
            "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
            "language_info": {"name": "python", "pygments_lexer": "ipython3"},
        }
    )
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
        for output in cell.get("outputs", []):
            output.get("data", {}).pop(WIDGET_VIEW, None)
            output.get("metadata", {}).pop(WIDGET_VIEW, None)
    return nb


def check(path: Path, nb: nbformat.NotebookNode) -> list[str]:
    problems = []
    for index, cell in enumerate(nb.cells):
        for output in cell.get("outputs", []):
            if output.get("name") == "stderr":
                problems.append(f"{path} cell {index}: wrote to stderr: {output.get('text', '')[:200]!r}")
    return problems


def run(path: Path) -> float:
    nb = nbformat.read(path, as_version=4)
    started = time.perf_counter()
    client = NotebookClient(
        nb,
        timeout=300,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
        record_timing=False,
        store_widget_state=False,
        # The kernel's start-up warning about unencrypted local TCP says nothing about the notebook.
        extra_arguments=["--IPKernelApp.log_level=ERROR"],
    )
    client.execute()
    elapsed = time.perf_counter() - started
    problems = check(path, nb)
    if problems:
        raise SystemExit("\n".join(problems))
    # Write to a temporary file and rename it into place, so that a notebook read by another
    # one running at the same time (00 lists the others' titles) is never seen half written.
    partial = path.with_name(f".{path.name}.partial")
    nbformat.write(normalise(nb), partial)
    os.replace(partial, path)
    return elapsed


def main(paths: list[str]) -> int:
    if not paths:
        print("usage: run_notebooks.py NOTEBOOK [...]", file=sys.stderr)
        return 2
    names = sorted(paths)
    started = time.perf_counter()
    # One kernel per core: the notebooks are independent, and their outputs do not depend on the order.
    with ProcessPoolExecutor(max_workers=min(len(names), os.cpu_count() or 1)) as pool:
        for name, elapsed in zip(names, pool.map(run, map(Path, names))):
            print(f"executed {name} in {elapsed:.1f} s")
    print(f"all notebooks executed in {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
