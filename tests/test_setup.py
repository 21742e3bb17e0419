"""Set-up on another machine: the interpreter is checked before .venv is made, and a wrong .venv is rebuilt.

scripts/check_python.py runs under the reader's ``python3`` (whatever its version) before anything is
installed; these tests run it under the suite's Python, under an old pyenv Python where one exists, and
against fake ``.venv`` folders made by "other interpreters" (a script that prints a version).
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHECK = ROOT / "scripts" / "check_python.py"
HERE = "{}.{}.{}".format(*sys.version_info[:3])


def _check(venv: Path, mode: str, python: str = sys.executable) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [python, str(CHECK), str(venv), mode], capture_output=True, text=True, timeout=120
    )


def _fake_venv(folder: Path, version: str | None) -> Path:
    """A .venv whose python prints ``version`` (None: a python that does not run)."""
    bin_dir = folder / ".venv" / "bin"
    bin_dir.mkdir(parents=True)
    script = bin_dir / "python"
    script.write_text(
        "#!/bin/sh\n" + (f"echo {version}; echo /usr/bin/python3\n" if version else "exit 1\n")
    )
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return folder / ".venv"


def test_this_python_is_accepted_and_a_missing_venv_is_fine(tmp_path: Path) -> None:
    result = _check(tmp_path / ".venv", "default")
    assert result.returncode == 0 and result.stderr == ""


@pytest.mark.parametrize(
    ("version", "mode", "removed", "reason"),
    [
        (HERE, "given", False, ""),
        ("3.12.1" if HERE != "3.12.1" else "3.13.0", "default", False, ""),
        ("3.12.1" if HERE != "3.12.1" else "3.13.0", "given", True, "it was made by Python"),
        ("3.10.13", "default", True, "older than 3.11"),
        (None, "default", True, "it is broken"),
    ],
)
def test_a_venv_from_another_interpreter_is_rebuilt(
    tmp_path: Path, version: str | None, mode: str, removed: bool, reason: str
) -> None:
    venv = _fake_venv(tmp_path, version)
    result = _check(venv, mode)
    assert result.returncode == 0, result.stderr
    assert venv.exists() != removed
    assert reason in result.stderr
    if removed:
        assert f"built again with {sys.executable} (Python {HERE})" in result.stderr


OLD = Path("/root/.pyenv/versions/3.10.13/bin/python")


@pytest.mark.skipif(not OLD.exists(), reason=f"{OLD} not on this machine")
def test_an_old_python_is_refused_with_the_fix(tmp_path: Path) -> None:
    result = _check(tmp_path / ".venv", "default", str(OLD))
    assert result.returncode == 1
    assert "is Python 3.10.13; the notebooks need Python 3.11, 3.12 or 3.13" in result.stderr
    assert "PYTHON=python3.12 make test" in result.stderr


def test_make_refuses_a_missing_interpreter_with_the_fix() -> None:
    result = subprocess.run(
        ["make", "--no-print-directory", "setup", "PYTHON=python3.99"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "MAKEFLAGS": ""},
    )
    assert result.returncode != 0
    assert (
        "python3.99 not found" in result.stderr and "PYTHON=python3.12 make test" in result.stderr
    )


def test_pyproject_accepts_311_to_313_and_the_workflow_runs_each() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["requires-python"] == ">=3.11"
    workflow = (ROOT / ".github" / "workflows" / "test.yml").read_text(encoding="utf-8")
    for version in ("3.11", "3.12", "3.13"):
        assert f'"{version}"' in workflow, f"the workflow does not run Python {version}"
