"""Run every parameter case of some notebooks in one process: each notebook once as written, each case
forked from that run at the first cell its parameter can reach.

Started by ``tests/nbcases.py`` as ``python tests/nbsweep.py`` with a JSON request on stdin; writes JSON
results on stdout. Kept out of the pytest process so that the process that forks has no threads.

Why forking is exact, not an approximation: a cell that does not name the parameter (and does not reach the
namespace dynamically, through ``globals()``, ``eval``, ``get_ipython`` and the like) computes the same thing
whatever the parameter's value, so every cell before the first one that names it leaves the same state under
the case as under the notebook as written. The case's process starts from a copy of that state (``os.fork``),
sets the value, re-runs the notebook's own ``check_namespace`` call on it, then runs every later cell, named
or not. Its outputs are those of the cells it ran, after the as-written outputs of the cells before.
``tests/test_parameters.py`` proves it: forked and from-scratch runs of notebooks built to catch a wrong fork
point give the same outputs.

A case whose value is the one the notebook is written with is the as-written run itself, so it is served by
that run instead of being run again. Off Linux (no ``os.fork`` on Windows; macOS's maths library is not
fork-safe) every case runs from the top.
"""

from __future__ import annotations

import ast
import io
import json
import os
import re
import sys
import tempfile
import threading
import warnings
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path
from typing import Any

import nbformat
from IPython.core.displayhook import DisplayHook
from IPython.core.displaypub import CapturingDisplayPublisher
from IPython.core.inputtransformer2 import TransformerManager
from IPython.core.interactiveshell import InteractiveShell
from traitlets.config import Config

CHECK = re.compile(
    r"[A-Za-z_][\w.]*check_namespace\(\s*[A-Za-z_][\w.]*\.PARAMETERS\s*,\s*globals\(\)\s*\)"
)

#: Names through which a cell can read any global, not only the ones it names: such a cell counts as naming
#: every parameter.
DYNAMIC = {
    "globals",
    "locals",
    "vars",
    "eval",
    "exec",
    "get_ipython",
    "__main__",
    "__builtins__",
    "dir",
}


def names_in(source: str) -> set[str] | None:
    """The names a cell's code mentions, or None when it may read any global (dynamic access, or no parse).

    The ``globals()`` handed to ``check_namespace`` is not dynamic access: that call only checks values.

    Example: ``names_in("y = f(x)") == {"y", "f", "x"}``; ``names_in("eval('x')") is None``
    """
    try:
        tree = ast.parse(TransformerManager().transform_cell(source))
    except SyntaxError:
        return None
    found: set[str] = set()
    skip: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name == "check_namespace":
                skip.update(id(arg) for arg in node.args[1:2] if isinstance(arg, ast.Call))
                skip.update(id(arg.func) for arg in node.args[1:2] if isinstance(arg, ast.Call))
        if isinstance(node, ast.Name) and id(node) not in skip:
            found.add(node.id)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            modules = [a.name for a in node.names] + [getattr(node, "module", None) or ""]
            if "__main__" in modules:
                return None
    return None if found & DYNAMIC else found


def first_reach(cells: list[str], start: int, name: str) -> int:
    """Index of the first cell from ``start`` on that names ``name`` or reaches globals dynamically."""
    for index in range(start, len(cells)):
        names = names_in(cells[index])
        if names is None or name in names:
            return index
    return len(cells)


def same(a: object, b: object) -> bool:
    """The same value and type (5 is not 5.0: an int shows differently)."""
    return a is b or (type(a) is type(b) and a == b)


class _Hook(DisplayHook):
    """The shell's display hook, keeping each result's formats (as a kernel sends them) instead of printing."""

    outputs: list[dict[str, Any]]

    def start_displayhook(self) -> None:
        pass

    def write_output_prompt(self) -> None:
        pass

    def write_format_data(self, format_dict: dict[str, Any], md_dict: Any = None) -> None:
        self.outputs.append({"data": format_dict, "metadata": md_dict})

    def finish_displayhook(self) -> None:
        pass


class Runner:
    """One IPython shell in this process; runs cells and collects what a kernel would send."""

    def __init__(self) -> None:
        config = Config()
        config.HistoryManager.enabled = False  # no history thread, no sqlite file
        self.shell = InteractiveShell.instance(config=config)
        self.outputs: list[dict[str, Any]] = []
        publisher = CapturingDisplayPublisher()
        publisher.outputs = self.outputs
        self.shell.display_pub = publisher
        hook = _Hook(shell=self.shell)
        hook.outputs = self.outputs
        self.shell.displayhook = hook
        self.shell.display_trap.hook = hook
        warnings.simplefilter(
            "always"
        )  # every warning in every case, as a fresh kernel would show it

    def reset(self, folder: Path) -> None:
        self.shell.reset(new_session=False)
        os.chdir(folder)
        warnings.simplefilter("always")

    def run(self, source: str, index: int, result: dict[str, Any]) -> bool:
        """Run one cell; add its problems and texts to ``result``. False when it raised."""
        self.outputs.clear()
        out, err = io.StringIO(), io.StringIO()
        with redirect_stdout(out), redirect_stderr(err):
            reply = self.shell.run_cell(source, store_history=False)
        if err.getvalue():
            result["problems"].append(f"cell {index} wrote to stderr: {err.getvalue()[:300]!r}")
        for output in self.outputs:
            data = output.get("data") or {}
            if "text/markdown" in data:
                result["texts"].append(data["text/markdown"])
            elif "text/plain" in data and not (
                {"text/html", "image/svg+xml", "image/png"} & set(data)
            ):
                result["texts"].append(data["text/plain"])
        error = reply.error_before_exec or reply.error_in_exec
        if error is not None:
            ename, evalue = type(error).__name__, str(error)
            result["errors"].append([ename, evalue])
            result["problems"].append(f"cell {index} raised {ename}: {evalue[:300]}")
            return False
        return True


def empty() -> dict[str, Any]:
    return {"problems": [], "errors": [], "texts": []}


def merged(prefix: dict[str, Any], rest: dict[str, Any]) -> dict[str, Any]:
    return {key: prefix[key] + rest[key] for key in ("problems", "errors", "texts")}


def sweep(
    runner: Runner,
    notebook: Path,
    cases: list[dict[str, Any]],
    fork: bool,
    workers: int,
    folder: Path,
) -> list[dict[str, Any] | None]:
    """Results of ``cases`` on ``notebook`` (None: written to ``folder`` by a forked process)."""
    nb = nbformat.read(notebook, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    cells = [c.source for c in code]
    params_at = next(
        (i for i, c in enumerate(code) if "parameters" in c.metadata.get("tags", [])), None
    )
    if params_at is None:
        raise SystemExit(f"{notebook}: no cell tagged 'parameters'")
    check_at = next((i for i, s in enumerate(cells) if CHECK.search(s)), None)
    check = CHECK.search(cells[check_at])[0] if check_at is not None else None  # type: ignore[index]
    plan: dict[int, list[int]] = {}  # cell index -> the cases forked just before it
    for number, case in enumerate(cases):
        plan.setdefault(first_reach(cells, params_at + 1, case["name"]), []).append(number)

    results: list[dict[str, Any] | None] = [None] * len(cases)
    as_written: list[int] = []
    runner.reset(notebook.parent)
    written = empty()  # the notebook as written, cell by cell
    at_check = empty()  # ... up to the check cell
    children: set[int] = set()
    stopped = False
    for index in range(len(cells) + 1):
        for number in plan.get(index, []) if fork else []:
            case = cases[number]
            if not case["name"] or same(runner.shell.user_ns.get(case["name"], ...), case["value"]):
                as_written.append(number)
            elif stopped:  # the notebook as written failed before this cell: so does the case
                results[number] = {**written, "start": index}
            else:
                while len(children) >= workers:
                    children.discard(os.wait()[0])
                pid = os.fork()
                if pid == 0:
                    forked(
                        runner,
                        cells,
                        index,
                        case,
                        check if check_at is not None and check_at < index else None,
                        check_at or 0,
                        at_check,
                        _assigned(cells[params_at]),
                        written,
                        folder / f"{number}.json",
                    )
                children.add(pid)
        if index == check_at:
            at_check = {k: list(v) for k, v in written.items()}
        if index < len(cells) and not stopped:
            stopped = not runner.run(cells[index], index, written)
    for number in as_written:
        results[number] = {**written, "start": None}
    if not fork:
        for number, case in enumerate(cases):
            results[number] = (
                {**written, "start": None}
                if not case["name"] or same(_value(cells, params_at, case), case["value"])
                else {**from_top(runner, notebook, cells, params_at, case), "start": 0}
            )
    while children:
        pid, status = os.wait()
        children.discard(pid)
        if status:
            raise SystemExit(f"{notebook}: a forked case failed (exit status {status})")
    return results


def forked(
    runner: Runner,
    cells: list[str],
    index: int,
    case: dict[str, Any],
    check: str | None,
    check_at: int,
    at_check: dict[str, Any],
    parameters: dict[str, Any],
    prefix: dict[str, Any],
    path: Path,
) -> None:
    """In the forked process: set the value, check it, run the cells from ``index``, write the result, exit."""
    status = 0
    try:
        rest = empty()
        runner.shell.user_ns[case["name"]] = case["value"]
        ok = True
        if (
            check is not None
        ):  # the notebook's own check, on the parameters cell's values and the case's
            runner.shell.user_ns["__sweep_parameters__"] = {
                **parameters,
                case["name"]: case["value"],
            }
            ok = runner.run(check.replace("globals()", "__sweep_parameters__"), check_at, rest)
            del runner.shell.user_ns["__sweep_parameters__"]
            if not ok:  # the run stops at the check cell, as it would from the top
                prefix = at_check
        for i in range(index, len(cells)):
            if not ok:
                break
            ok = runner.run(cells[i], i, rest)
        path.write_text(json.dumps({**merged(prefix, rest), "start": index}), encoding="utf-8")
    except BaseException as error:  # noqa: BLE001 - reported on stderr, never lost
        sys.__stderr__.write(f"nbsweep: case {case}: {type(error).__name__}: {error}\n")
        status = 1
    finally:
        sys.__stderr__.flush()
        os._exit(status)


def _assigned(source: str) -> dict[str, Any]:
    """The names and values the parameters cell assigns (it holds literal assignments only)."""
    namespace: dict[str, Any] = {}
    exec(source, namespace)
    return {k: v for k, v in namespace.items() if not k.startswith("_")}


def _value(cells: list[str], params_at: int, case: dict[str, Any]) -> object:
    """The value the parameters cell gives the case's name (a sentinel when it gives none)."""
    return _assigned(cells[params_at]).get(case["name"], ...)


def from_top(
    runner: Runner, notebook: Path, cells: list[str], params_at: int, case: dict[str, Any]
) -> dict[str, Any]:
    """One case run from the first cell, the value set right after the parameters cell (as papermill does)."""
    runner.reset(notebook.parent)
    result = empty()
    for i, source in enumerate(cells):
        if not runner.run(source, i, result):
            break
        if i == params_at:
            runner.shell.user_ns[case["name"]] = case["value"]
    return result


def main() -> int:
    # Before a notebook imports numpy: no native thread pools, so the process has one thread when it forks.
    for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[var] = "1"
    request = json.load(sys.stdin)
    # Forking a process that has used numpy is safe on Linux; on macOS the system's maths library is not
    # fork-safe, and Windows has no fork: there every case runs from the top.
    fork = (
        bool(request.get("fork", True)) and hasattr(os, "fork") and sys.platform.startswith("linux")
    )
    workers = max(1, int(request.get("workers") or os.cpu_count() or 1))
    sys.path[0] = ""  # like a kernel: imports resolve in the notebook's folder
    runner = Runner()
    if threading.active_count() != 1:
        raise SystemExit(f"nbsweep: {threading.active_count()} threads before forking")
    answer = []
    with tempfile.TemporaryDirectory() as tmp:
        for number, item in enumerate(request["notebooks"]):
            folder = Path(tmp) / str(number)
            folder.mkdir()
            results = sweep(runner, Path(item["path"]), item["cases"], fork, workers, folder)
            for index, result in enumerate(results):
                if result is None:
                    result = json.loads((folder / f"{index}.json").read_text(encoding="utf-8"))
                answer.append({"notebook": number, "index": index, **result})
    sys.__stdout__.write(json.dumps(answer))
    return 0


if __name__ == "__main__":
    sys.exit(main())
