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
``tests/test_parameters.py`` proves it: forked runs of a notebook built to catch a wrong fork point give the
same outputs as runs from the top, each in a process forked before the first cell.

A case whose value is the one the notebook is written with is the as-written run itself, so it is served by
that run instead of being run again.

Two limits, both checked or harmless for the notebooks here: cases run side by side in the notebook's
folder, so a notebook must not write files there (tests/test_parameters.py fails if one does); and when a
case's value fails the notebook's check, what the check cell showed before its check call (a warning while
importing a module, say) is reported once, with the as-written run, not again with the case.

Off Linux (no ``os.fork`` on Windows; macOS's maths library is not fork-safe) every case runs from the top,
one after the other, in this one process.
"""

from __future__ import annotations

import ast
import functools
import io
import json
import os
import random
import sys
import tempfile
import threading
import warnings
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path
from typing import Any, cast

import nbformat
from IPython.core.displayhook import DisplayHook
from IPython.core.displaypub import CapturingDisplayPublisher
from IPython.core.inputtransformer2 import TransformerManager
from IPython.core.interactiveshell import InteractiveShell
from traitlets.config import Config

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


@functools.cache
def _parsed(source: str) -> tuple[str, ast.Module] | None:
    """A cell's code (magics turned into Python, as IPython runs it) and its tree; None when it does not parse.

    Cached: the same cells are read once per case, so each is parsed once.
    """
    try:
        code = TransformerManager().transform_cell(source)
        return code, ast.parse(code)
    except SyntaxError:
        return None


def _is_check(node: ast.AST) -> bool:
    """Is ``node`` a ``check_namespace(<spec>, globals())`` call (any prefix)?"""
    if not isinstance(node, ast.Call) or len(node.args) != 2:
        return False
    func, second = node.func, node.args[1]
    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
    return (
        name == "check_namespace"
        and isinstance(second, ast.Call)
        and getattr(second.func, "id", "") == "globals"
    )


@functools.cache
def names_in(source: str) -> frozenset[str] | None:
    """The names a cell's code mentions, or None when it may read any global (dynamic access, or no parse).

    The ``globals()`` handed to ``check_namespace`` is not dynamic access: that call only checks values.

    Example: ``names_in("y = f(x)") == {"y", "f", "x"}``; ``names_in("eval('x')") is None``
    """
    parsed = _parsed(source)
    if parsed is None:
        return None
    found: set[str] = set()
    skip: set[int] = set()
    for node in ast.walk(parsed[1]):
        if _is_check(node):
            second = cast(ast.Call, cast(ast.Call, node).args[1])
            skip.update((id(second), id(second.func)))
        if isinstance(node, ast.Name) and id(node) not in skip:
            found.add(node.id)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            modules = [a.name for a in node.names] + [getattr(node, "module", None) or ""]
            if "__main__" in modules:
                return None
    return None if found & DYNAMIC else frozenset(found)


def check_call(source: str) -> str | None:
    """The text of the cell's ``check_namespace(<spec>, globals())`` call (any prefix), or None.

    Read from the code, so a call quoted in a comment or a string does not count.
    Example: ``check_call("import helpers as h\nh.params.check_namespace(m.PARAMETERS, globals())")``
    """
    parsed = _parsed(source)
    if parsed is None:
        return None
    code, tree = parsed
    return next((ast.get_source_segment(code, n) for n in ast.walk(tree) if _is_check(n)), None)


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

    def reset(self, folder: Path) -> None:
        """Empty the namespace and work in ``folder``, before each notebook (and each serial case)."""
        self.shell.reset(new_session=False)
        os.chdir(folder)
        warnings.simplefilter("always")  # every warning in every case, as a fresh kernel shows it

    def run(self, source: str, index: int, result: dict[str, Any], history: bool = True) -> bool:
        """Run one cell; add its problems and texts to ``result``. False when it raised.

        ``history=False``: the run takes no execution count (a cell's number shows in its warnings)."""
        self.outputs.clear()
        out, err = io.StringIO(), io.StringIO()
        with redirect_stdout(out), redirect_stderr(err):
            reply = self.shell.run_cell(source, store_history=history)  # as a kernel: ';' reads it
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


class Plan:
    """A notebook's code cells, where its parameters are set and checked, and the checking call itself."""

    def __init__(self, notebook: Path) -> None:
        code = [c for c in nbformat.read(notebook, as_version=4).cells if c.cell_type == "code"]
        self.notebook = notebook
        self.cells = [c.source for c in code]
        tagged = [i for i, c in enumerate(code) if "parameters" in c.metadata.get("tags", [])]
        if not tagged:
            raise SystemExit(f"{notebook}: no cell tagged 'parameters'")
        self.params_at = tagged[0]
        written: dict[str, Any] = {}
        exec(self.cells[self.params_at], written)  # the parameters cell: literal assignments
        #: The values the notebook is written with, by name.
        self.values = {k: v for k, v in written.items() if not k.startswith("__")}
        # The check that counts is the first one after the parameters cell: the one a papermill run reaches.
        calls = [(i, check_call(s)) for i, s in enumerate(self.cells) if i > self.params_at]
        self.check_at, self.check = next(((i, c) for i, c in calls if c), (None, None))

    def as_written(self, case: dict[str, Any]) -> bool:
        """Is the case the notebook as written (no name, or the value the parameters cell gives)?"""
        return not case["name"] or same(self.values.get(case["name"], ...), case["value"])

    def start(self, name: str) -> int:
        """The cell a case of parameter ``name`` must start at: the first after the parameters that can see it."""
        return first_reach(self.cells, self.params_at + 1, name)


def sweep(
    runner: Runner, plan: Plan, cases: list[dict[str, Any]], mode: str, workers: int, folder: Path
) -> list[dict[str, Any] | None]:
    """Results of ``cases`` (None: written to ``folder`` by a forked process).

    ``mode`` "fork": each case forked from the as-written run at ``plan.start``; "top": each case forked
    before the first cell and run from the top (the reference); "serial": each case run from the top in this
    process, one after the other (where there is no safe fork).
    """
    cells = plan.cells
    # In "fork" and "serial", a case at the as-written value is the as-written run; "top" runs them all.
    as_written = {n for n, c in enumerate(cases) if mode != "top" and plan.as_written(c)}
    starts = {n: (plan.start(c["name"]) if mode == "fork" else 0) for n, c in enumerate(cases)}
    results: list[dict[str, Any] | None] = [None] * len(cases)
    runner.reset(plan.notebook.parent)
    written = empty()  # the notebook as written, cell by cell
    at_check = empty()  # ... before the check cell
    checked: dict[str, Any] = {}  # the globals the check cell saw
    children: set[int] = set()
    stopped_at: int | None = None  # the cell at which the as-written run failed
    for index in range(len(cells) + 1):
        for number, at in starts.items():
            if at != index or mode == "serial" or number in as_written:
                continue
            case = cases[number]
            check_first = mode == "fork" and plan.check_at is not None and plan.check_at < index
            if stopped_at is not None and not (check_first and stopped_at >= (plan.check_at or 0)):
                results[number] = {**written, "start": index}  # fails as the as-written run did
                continue
            while len(children) >= workers:
                children.discard(os.wait()[0])
            state = random.getstate()
            pid = os.fork()
            if pid == 0:
                random.setstate(state)  # the random module re-seeds itself in a forked process
                case_run = CaseRun(runner, plan, case, index, folder / f"{number}.json")
                case_run.forked(written, at_check, checked if check_first else None, stopped_at)
            children.add(pid)
        if index == plan.check_at:
            at_check = {k: list(v) for k, v in written.items()}
            checked = dict(runner.shell.user_ns)
        if (
            index < len(cells)
            and stopped_at is None
            and not runner.run(cells[index], index, written)
        ):
            stopped_at = index
    for number, case in enumerate(cases):
        if number in as_written:
            results[number] = {**written, "start": None}
        elif mode == "serial":
            results[number] = {
                **CaseRun(runner, plan, case, 0, folder).from_top(reset=True),
                "start": 0,
            }
    while children:
        pid, status = os.wait()
        children.discard(pid)
        if status:
            raise SystemExit(f"{plan.notebook}: a forked case failed (exit status {status})")
    return results


class CaseRun:
    """One case's own run, in a forked process or from the top."""

    def __init__(
        self, runner: Runner, plan: Plan, case: dict[str, Any], index: int, path: Path
    ) -> None:
        self.runner, self.plan, self.case, self.index, self.path = runner, plan, case, index, path

    def forked(
        self,
        prefix: dict[str, Any],
        at_check: dict[str, Any],
        checked: dict[str, Any] | None,
        stopped_at: int | None,
    ) -> None:
        """In the forked process: set the value, check it, run the cells from ``index``, write, exit."""
        status = 0
        try:
            if self.index == 0:  # the reference: from the top, in a process of its own
                result = self.from_top(reset=False)
            else:
                result = self._from_fork(prefix, at_check, checked, stopped_at)
            self.path.write_text(json.dumps({**result, "start": self.index}), encoding="utf-8")
        except BaseException as error:  # noqa: BLE001 - reported on stderr, never lost
            sys.__stderr__.write(f"nbsweep: case {self.case}: {type(error).__name__}: {error}\n")
            status = 1
        finally:
            sys.__stderr__.flush()
            os._exit(status)

    def _from_fork(
        self,
        prefix: dict[str, Any],
        at_check: dict[str, Any],
        checked: dict[str, Any] | None,
        stopped_at: int | None,
    ) -> dict[str, Any]:
        name, value = self.case["name"], self.case["value"]
        user_ns = self.runner.shell.user_ns
        user_ns[name] = value
        rest = empty()
        if checked is not None and self.plan.check:
            # The notebook's own check, on the globals its cell saw, with the case's value in them.
            user_ns["__sweep_globals__"] = {**checked, name: value}
            call = self.plan.check.replace("globals()", "__sweep_globals__")
            ok = self.runner.run(call, self.plan.check_at or 0, rest, history=False)
            del user_ns["__sweep_globals__"]
            if not ok:  # the run stops at the check cell, as it does from the top
                return merged(at_check, rest)
        if stopped_at is not None:  # the as-written run failed after the check: so does the case
            return merged(prefix, rest)
        for i in range(self.index, len(self.plan.cells)):
            if not self.runner.run(self.plan.cells[i], i, rest):
                break
        return merged(prefix, rest)

    def from_top(self, reset: bool) -> dict[str, Any]:
        """From the first cell, the value set right after the parameters cell (as papermill sets it)."""
        if reset:
            self.runner.reset(self.plan.notebook.parent)
        result = empty()
        for i, source in enumerate(self.plan.cells):
            if not self.runner.run(source, i, result):
                break
            if i == self.plan.params_at:
                self.runner.shell.user_ns[self.case["name"]] = self.case["value"]
        return result


def main() -> int:
    # Before a notebook imports numpy: no native thread pools, so the process has one thread when it forks.
    for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[var] = "1"
    request = json.load(sys.stdin)
    # Forking a process that has used numpy is safe on Linux; on macOS the system's maths library is not
    # fork-safe, and Windows has no fork: there every case runs from the top, one after the other.
    can_fork = hasattr(os, "fork") and sys.platform.startswith("linux")
    mode = ("fork" if request.get("fork", True) else "top") if can_fork else "serial"
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
            plan = Plan(Path(item["path"]))
            results = sweep(runner, plan, item["cases"], mode, workers, folder)
            for index, result in enumerate(results):
                if result is None:
                    result = json.loads((folder / f"{index}.json").read_text(encoding="utf-8"))
                answer.append({"notebook": number, "index": index, **result})
    sys.__stdout__.write(json.dumps(answer))
    return 0


if __name__ == "__main__":
    sys.exit(main())
