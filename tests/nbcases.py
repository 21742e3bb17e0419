"""Run a notebook under each documented parameter value: discovery, execution on reused kernels, checks.

Used by ``tests/test_parameters.py``; kept apart so the same engine is tested on a small synthetic notebook.

Discovery: a notebook declares its parameters by calling
``h.params.check_namespace(<module>.PARAMETERS, globals())`` in a code cell. The harness executes the
notebook's own import statements (nothing else) in a scratch namespace and evaluates ``<module>.PARAMETERS``
there, so whatever module and alias a notebook uses is found without a registry to keep in step.

Execution: ``tests/nbsweep.py``, in a process of its own, runs each notebook once as written and starts each
case from a copy of that run (``os.fork``) at the first cell that names the case's parameter; a case whose
value is the as-written one is that run. The case's value is set as papermill would set it, after the cell
tagged ``parameters``, and the notebook's own ``check_namespace`` call checks it. The test file proves that
forked runs give the same outputs as runs from the first cell.

Example:
    >>> mask("USD 53.4 million fell 12.5% to RMB 376")
    'CUR N SCALE fell N% to CUR N'
"""

from __future__ import annotations

import ast
import json
import os
import re
import subprocess
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import nbformat

from helpers.params import Choice, Number, cases

CALL = re.compile(r"check_namespace\(\s*([A-Za-z_][\w.]*)\.PARAMETERS\s*,\s*globals\(\)\s*\)")
CURRENCY = re.compile(r"^[A-Z]{3}$")
SWEEP_TIMEOUT = 900


@dataclass(frozen=True)
class Case:
    """One run: a notebook with one parameter set to one value (``name=None``: the notebook as written)."""

    notebook: Path
    name: str | None
    value: object
    expect_error: str | None = None

    @property
    def label(self) -> str:
        if self.name is None:
            return f"{self.notebook.name}[as written]"
        return f"{self.notebook.name}[{self.name}={self.value!r}]"


@dataclass
class Result:
    """Outputs of one case: the problems found (errors, stderr) and the text a reader sees."""

    case: Case
    problems: list[str] = field(default_factory=list)
    errors: list[tuple[str, str]] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)
    #: The code cell the case's own run started at (0: from the top); None: the notebook as written.
    start: int | None = 0


def _imports(nb: nbformat.NotebookNode) -> str:
    """The notebook's import statements (top level of its code cells), as one block of code."""
    lines = []
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        try:
            tree = ast.parse(cell.source)
        except SyntaxError:
            continue  # IPython magics: a cell Python cannot parse holds no import we need
        lines += [
            ast.unparse(node)
            for node in tree.body
            if isinstance(node, (ast.Import, ast.ImportFrom))
        ]
    return "\n".join(lines)


def discover(notebook: Path) -> dict[str, Choice | Number] | None:
    """The notebook's PARAMETERS spec, or None when it does not call ``check_namespace(<module>.PARAMETERS, ...)``."""
    nb = nbformat.read(notebook, as_version=4)
    found = None
    for cell in nb.cells:
        if cell.cell_type == "code" and (m := CALL.search(cell.source)):
            found = m[1]
            break
    if found is None:
        return None
    namespace: dict[str, Any] = {}
    exec(compile(_imports(nb), str(notebook), "exec"), namespace)  # the notebook's own imports only
    spec = eval(f"{found}.PARAMETERS", namespace)  # noqa: S307 - a dotted name matched by CALL
    if not isinstance(spec, dict) or not all(
        isinstance(r, (Choice, Number)) for r in spec.values()
    ):
        raise TypeError(
            f"{notebook.name}: {found}.PARAMETERS is not a mapping of name to Choice or Number"
        )
    return spec


def currency_parameters(spec: dict[str, Choice | Number]) -> list[str]:
    """Names of the Choice parameters whose values are all currency codes (``USD``, ``RMB``, ...)."""
    return [
        name
        for name, rule in spec.items()
        if isinstance(rule, Choice)
        and len(rule.allowed) > 1
        and all(isinstance(v, str) and CURRENCY.match(v) for v in rule.allowed)
    ]


def misspelt(name: str) -> str:
    """A plausible typo of ``name``: two neighbouring letters swapped. Example: ``misspelt("growth") == "grwoth"``"""
    for i in range(len(name) // 2, len(name) - 1):
        if name[i] != name[i + 1] and name[i].isalpha() and name[i + 1].isalpha():
            return name[:i] + name[i + 1] + name[i] + name[i + 2 :]
    return name + "_typo"


def cases_for(notebook: Path, spec: dict[str, Choice | Number]) -> list[Case]:
    """Every documented value of every parameter, and one misspelt name that must stop the run."""
    runs = [Case(notebook, name, value) for name, value in cases(spec)]
    first = next(iter(spec))
    runs.append(
        Case(notebook, misspelt(first), next(iter(spec[first].alternatives()), 0), "ParameterError")
    )
    return runs


_NUMBER = re.compile(r"[-−+]?\d[\d,]*(?:\.\d+)?")
_CODES = re.compile(r"\b(?:USD|RMB|HKD|CNY|US\$|HK\$)")
_SCALE = re.compile(r"\b(?:million|billion|thousand)\b")


#: After masking, the statement of the rates used: how many conversions a currency needs is a fact about the
#: currency, not a verdict, so "at N CUR per CUR (dated D)" and a list of such rates read as one token.
_RATES = re.compile(
    r"(?:,? about CUR N(?: SCALE)? )?(?:at )?N CUR per CUR \((?:dated )?N+\)(?: and N CUR per CUR \((?:dated )?N+\))*"
)


def mask(text: str) -> str:
    """Text with currency codes, numbers, their scale words and statements of rates masked, spaces collapsed."""
    text = _CODES.sub("CUR", text)
    text = _SCALE.sub("SCALE", text)
    text = _NUMBER.sub("N", text)
    text = _RATES.sub("", text)
    return re.sub(r"\s+", " ", text).strip()


def run_all(
    runs: Iterable[Case], workers: int | None = None, fork: bool = True
) -> dict[Case, Result]:
    """Run every case and return each case's result (see tests/nbsweep.py for how).

    One process (``tests/nbsweep.py``) runs each notebook once as written and forks each case from that run
    at the first cell its parameter can reach, ``workers`` cases at a time (default: one per core).
    ``fork=False`` runs every case from the first cell instead (the reference the fork is proved against).
    """
    runs = list(runs)
    notebooks: dict[Path, list[Case]] = {}
    for case in runs:
        notebooks.setdefault(case.notebook, []).append(case)
    request = {
        "fork": fork,
        "workers": workers or os.cpu_count() or 1,
        "notebooks": [
            {
                "path": str(notebook.resolve()),
                "cases": [{"name": c.name or "", "value": c.value} for c in cases],
            }
            for notebook, cases in notebooks.items()
        ],
    }
    done = subprocess.run(
        [sys.executable, str(Path(__file__).with_name("nbsweep.py"))],
        input=json.dumps(request), capture_output=True, text=True, timeout=SWEEP_TIMEOUT,
        env={**os.environ, "MPLBACKEND": "Agg"},
    )  # fmt: skip
    if done.returncode or done.stderr:
        raise RuntimeError(
            f"tests/nbsweep.py failed (exit {done.returncode}):\n{done.stderr[-3000:]}"
        )
    results: dict[Case, Result] = {}
    groups = list(notebooks.values())
    for item in json.loads(done.stdout):
        case = groups[item["notebook"]][item["index"]]
        results[case] = Result(
            case, item["problems"], [tuple(e) for e in item["errors"]], item["texts"], item["start"]
        )
    return {case: results[case] for case in runs}
