"""Run a notebook under each documented parameter value: discovery, execution on reused kernels, checks.

Used by ``tests/test_parameters.py``; kept apart so the same engine is tested on a small synthetic notebook.

Discovery: a notebook declares its parameters by calling
``h.params.check_namespace(<module>.PARAMETERS, globals())`` in a code cell. The harness executes the
notebook's own import statements (nothing else) in a scratch namespace and evaluates ``<module>.PARAMETERS``
there, so whatever module and alias a notebook uses is found without a registry to keep in step.

Execution: one kernel per worker thread (one per core), started once and reused: before each case the
kernel's namespace is emptied with ``%reset -f`` (modules already imported stay imported, which saves the
pandas/matplotlib start-up per case). The case's value is injected in a cell right after the cell tagged
``parameters``, as papermill does. A kernel that dies at start (a port taken by another kernel started at the
same moment) is started again, up to three times.

Example:
    >>> mask("USD 53.4 million fell 12.5% to RMB 376")
    'CUR N SCALE fell N% to CUR N'
"""

from __future__ import annotations

import ast
import asyncio
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import nbformat
from jupyter_client.manager import AsyncKernelManager

from helpers.params import Choice, Number, cases

CALL = re.compile(r"check_namespace\(\s*([A-Za-z_][\w.]*)\.PARAMETERS\s*,\s*globals\(\)\s*\)")
CURRENCY = re.compile(r"^[A-Z]{3}$")
CELL_TIMEOUT = 180


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


def _prepared(case: Case) -> list[str]:
    """The code cells to run for ``case``: the notebook's, with the value injected after the parameters cell."""
    nb = nbformat.read(case.notebook, as_version=4)
    cells = []
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        cells.append(cell.source)
        if "parameters" in cell.metadata.get("tags", []) and case.name is not None:
            cells.append(f"# injected by tests/test_parameters.py\n{case.name} = {case.value!r}")
    return cells


class _Kernel:
    """One kernel, started once (retried if it dies at start) and emptied between cases."""

    def __init__(self, cwd: Path) -> None:
        self.cwd = cwd
        self.km: AsyncKernelManager | None = None
        self.kc: Any = None

    async def start(self) -> None:
        last: Exception | None = None
        for _ in range(3):
            km = AsyncKernelManager(kernel_name="python3")
            try:
                await km.start_kernel(
                    cwd=str(self.cwd), extra_arguments=["--IPKernelApp.log_level=ERROR"]
                )
                kc = km.client()
                kc.start_channels()
                await kc.wait_for_ready(timeout=60)
            except Exception as error:  # a port collision or a kernel that died before replying
                last = error
                await km.shutdown_kernel(now=True)
                continue
            self.km, self.kc = km, kc
            return
        raise RuntimeError(f"the kernel would not start three times: {last}")

    async def stop(self) -> None:
        if self.km is not None:
            self.kc.stop_channels()
            await self.km.shutdown_kernel(now=True)
            self.km = self.kc = None

    async def run(self, case: Case) -> Result:
        if self.km is None or not await self.km.is_alive():
            await self.stop()
            await self.start()
        result = Result(case)
        await self._execute(
            f"%reset -f\nimport os\nos.chdir({str(case.notebook.parent)!r})\ndel os", result
        )
        for index, source in enumerate(_prepared(case)):
            if not await self._execute(source, result, index):
                break
        return result

    async def _execute(self, source: str, result: Result, index: int = -1) -> bool:
        def hook(msg: dict[str, Any]) -> None:
            kind, content = msg["msg_type"], msg["content"]
            if kind == "stream":
                if content["name"] == "stderr":
                    result.problems.append(
                        f"cell {index} wrote to stderr: {content['text'][:300]!r}"
                    )
            elif kind in ("display_data", "execute_result"):
                data = content.get("data", {})
                if "text/markdown" in data:
                    result.texts.append(data["text/markdown"])
                elif "text/plain" in data and not (
                    {"text/html", "image/svg+xml", "image/png"} & set(data)
                ):
                    result.texts.append(data["text/plain"])
            elif kind == "error":
                result.errors.append((content["ename"], content["evalue"]))
                result.problems.append(
                    f"cell {index} raised {content['ename']}: {content['evalue'][:300]}"
                )

        reply = await self.kc.execute_interactive(
            source, timeout=CELL_TIMEOUT, output_hook=hook, allow_stdin=False
        )
        return bool(reply["content"]["status"] == "ok")


async def _run_all(runs: list[Case], count: int) -> dict[Case, Result]:
    todo: asyncio.Queue[Case] = asyncio.Queue()
    for case in runs:
        todo.put_nowait(case)
    results: dict[Case, Result] = {}

    async def worker() -> None:
        kernel = _Kernel(Path.cwd())
        try:
            while not todo.empty():
                case = todo.get_nowait()
                try:
                    results[case] = await kernel.run(case)
                except (
                    Exception
                ) as error:  # the harness itself failed on this case: report it as the case's
                    results[case] = Result(
                        case, problems=[f"could not run: {type(error).__name__}: {error}"]
                    )
                    await kernel.stop()
        finally:
            await kernel.stop()

    await asyncio.gather(*(worker() for _ in range(count)))
    return {case: results[case] for case in runs}


def run_all(runs: Iterable[Case], workers: int | None = None) -> dict[Case, Result]:
    """Run every case, one reused kernel per worker (default: one per core), and return each case's result."""
    runs = list(runs)
    count = max(1, min(len(runs), workers or os.cpu_count() or 1))
    return asyncio.run(_run_all(runs, count))
