"""The standard tools agree with what the project claims: frictionless, mypy --strict, ruff.

The three run side by side (started together when this module is first used), so they cost about as
long as the slowest. Each is also proved able to fail, on a planted fault in a temporary copy.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent

#: Everything `ruff format` owns: the helpers, scripts, tests and the notebooks' code cells.
FORMATTED = ["helpers", "scripts", "tests", "notebooks"]

#: Files that `ruff check` may still flag (strict xfail, so a clean file must leave the list): none.
RUFF_NOT_YET: set[str] = set()


def _tool(name: str) -> str:
    found = BIN / name
    return str(found) if found.exists() else (shutil.which(name) or name)


COMMANDS = {
    "frictionless": [_tool("frictionless"), "validate", "--json", "data/datapackage.json"],
    "mypy": [_tool("mypy")],
    "ruff": [_tool("ruff"), "check", "--output-format", "json", "--exit-zero", "."],
    "format": [_tool("ruff"), "format", "--check", *FORMATTED],
}


@pytest.fixture(scope="module")
def runs() -> Iterator[dict[str, subprocess.CompletedProcess[str]]]:
    """All four tools, started at once, waited for together."""
    started = {
        name: subprocess.Popen(
            cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        for name, cmd in COMMANDS.items()
    }
    done = {}
    for name, proc in started.items():
        out, err = proc.communicate(timeout=600)
        done[name] = subprocess.CompletedProcess(proc.args, proc.returncode, out, err)
    yield done


def test_frictionless_validates_every_row(
    runs: dict[str, subprocess.CompletedProcess[str]],
) -> None:
    result = runs["frictionless"]
    report = json.loads(result.stdout)
    rows = sum(task["stats"].get("rows", 0) for task in report["tasks"])
    assert report["valid"], json.dumps(report["tasks"], indent=1)[:3000]
    assert rows >= 250, f"frictionless checked only {rows} rows: does it read the package?"


def test_frictionless_catches_a_planted_fault(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    rates = data / "rates.csv"
    rates.write_text(
        rates.read_text(encoding="utf-8").replace("USD,RMB,7.04,", "USD,RMB,-7.04,"),
        encoding="utf-8",
    )
    result = subprocess.run(
        [_tool("frictionless"), "validate", "--json", str(data / "datapackage.json")],
        capture_output=True,
        text=True,
        timeout=300,
    )
    report = json.loads(result.stdout)
    assert not report["valid"]
    assert "constraint-error" in json.dumps(report)


def test_mypy_strict_is_clean(runs: dict[str, subprocess.CompletedProcess[str]]) -> None:
    result = runs["mypy"]
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-1000:]
    assert "Success" in result.stdout


def _ruff_findings(runs: dict[str, subprocess.CompletedProcess[str]]) -> dict[str, list[str]]:
    findings: dict[str, list[str]] = {}
    for item in json.loads(runs["ruff"].stdout):
        name = Path(item["filename"]).resolve().relative_to(ROOT).as_posix()
        findings.setdefault(name, []).append(
            f"{item['location']['row']}: {item['code']} {item['message']}"
        )
    return findings


CHECKED = sorted(
    p.relative_to(ROOT).as_posix()
    for pattern in ("helpers/*.py", "scripts/*.py", "tests/*.py", "notebooks/*.ipynb")
    for p in ROOT.glob(pattern)
)


@pytest.mark.parametrize(
    "name",
    [
        pytest.param(
            n, marks=pytest.mark.xfail(strict=True, reason="being rewritten on another branch")
        )
        if n in RUFF_NOT_YET
        else n
        for n in CHECKED
    ],
)
def test_ruff_check_is_clean(name: str, runs: dict[str, subprocess.CompletedProcess[str]]) -> None:
    problems = _ruff_findings(runs).get(name, [])
    assert not problems, f"{name}:\n  " + "\n  ".join(problems)


def test_ruff_checks_every_file_it_should(
    runs: dict[str, subprocess.CompletedProcess[str]], tmp_path: Path
) -> None:
    """The one configuration reaches notebooks and scripts: a planted fault in each is found."""
    (tmp_path / "pyproject.toml").write_text(
        (ROOT / "pyproject.toml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    (tmp_path / "scripts").mkdir()
    (tmp_path / "scripts" / "x.py").write_text("import os\n", encoding="utf-8")
    nb = {
        "cells": [{"cell_type": "code", "id": "a", "metadata": {}, "execution_count": None, "outputs": [],
                   "source": "import sys\nx = 1"}],
        "metadata": {}, "nbformat": 4, "nbformat_minor": 5,
    }  # fmt: skip
    (tmp_path / "01_x.ipynb").write_text(json.dumps(nb), encoding="utf-8")
    result = subprocess.run(
        [_tool("ruff"), "check", "--output-format", "concise", "."],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert (
        "scripts/x.py:1:8: F401" in result.stdout and "01_x.ipynb:cell 1:1:8: F401" in result.stdout
    )


def test_ruff_format_holds_for_the_files_it_owns(
    runs: dict[str, subprocess.CompletedProcess[str]],
) -> None:
    result = runs["format"]
    assert result.returncode == 0, result.stdout + result.stderr


def test_not_yet_lists_only_existing_files() -> None:
    assert RUFF_NOT_YET <= set(CHECKED), RUFF_NOT_YET - set(CHECKED)
