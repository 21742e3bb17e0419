"""The pins are kept once: requirements.txt. pyproject.toml reads it and
environment.yml installs it; these tests fail if either starts a list of its own."""

from __future__ import annotations

import re
import tomllib
from importlib import metadata
from pathlib import Path

from packaging.markers import Marker

ROOT = Path(__file__).resolve().parent.parent


def _requirements() -> dict[str, str]:
    pins: dict[str, str] = {}
    for number, line in enumerate(
        (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines(), 1
    ):
        spec = line.split("#", 1)[0].strip()
        if not spec:
            continue
        match = re.fullmatch(r"([A-Za-z0-9_.\-]+)==([A-Za-z0-9_.]+)", spec)
        assert match, (
            f"requirements.txt line {number}: {spec!r} is not an exact pin (name==version)"
        )
        name = match[1].lower()
        assert name not in pins, f"requirements.txt line {number}: {name} is listed twice"
        pins[name] = match[2]
    return pins


def test_requirements_are_exact_pins_listed_once() -> None:
    assert len(_requirements()) >= 4


def test_pyproject_reads_requirements_and_pins_nothing_else() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "dependencies" not in project["project"]
    assert project["project"]["dynamic"] == ["dependencies"]
    assert project["tool"]["setuptools"]["dynamic"]["dependencies"]["file"] == ["requirements.txt"]


def test_environment_yml_installs_requirements_and_pins_nothing_else() -> None:
    lines = [
        line.split("#", 1)[0].rstrip()
        for line in (ROOT / "environment.yml").read_text(encoding="utf-8").splitlines()
    ]
    deps = [line.strip()[2:].strip() for line in lines if line.strip().startswith("- ")]
    expected = [
        "conda-forge",
        "python=3.11",
        "pip",
        "pip:",
        "-r requirements.txt",
        "-c requirements-lock.txt",
        "-e .",
    ]
    assert deps == expected, deps


def _lock() -> dict[str, str]:
    """The lock's pins that apply to this Python (a line may carry an environment marker)."""
    pins: dict[str, str] = {}
    for line in (ROOT / "requirements-lock.txt").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            pin, _, marker = line.partition(";")
            if marker.strip() and not Marker(marker.strip()).evaluate():
                continue
            name, _, version = pin.strip().partition("==")
            pins[name.lower().replace("_", "-")] = version
    return pins


def test_the_lock_holds_on_each_supported_python() -> None:
    """One lock for 3.11 to 3.13: a pin that differs between them carries a marker naming its versions."""
    lines = [
        ln
        for ln in (ROOT / "requirements-lock.txt").read_text(encoding="utf-8").splitlines()
        if ln[:1].isalnum()
    ]
    for line in lines:
        _, _, marker = line.partition(";")
        for version in re.findall(r'python_version == "([\d.]+)"', marker):
            assert version in ("3.11", "3.12", "3.13"), line
    assert any("overrides==" in ln and "3.11" in ln and "3.12" not in ln for ln in lines), (
        "overrides: 3.11 only"
    )
    soupsieve = next(ln for ln in lines if ln.lower().startswith("soupsieve=="))
    assert soupsieve.startswith("soupsieve==2."), (
        f"{soupsieve}: 3.x and later need Python 3.11.5 (Debian 12: 3.11.2)"
    )


def test_lock_agrees_with_requirements() -> None:
    lock = _lock()
    for name, version in _requirements().items():
        assert lock.get(name.replace("_", "-")) == version, (
            f"{name}=={version} but the lock has {lock.get(name)}"
        )


def test_installed_versions_match_the_lock() -> None:
    for name, version in _lock().items():
        assert metadata.version(name) == version, (
            f"{name}: installed {metadata.version(name)}, locked {version}"
        )


def test_lock_merger_marks_pins_that_differ_between_pythons() -> None:
    """scripts/lock.py (make lock): same pin everywhere is plain; otherwise one line per version, with markers."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("lock", ROOT / "scripts" / "lock.py")
    assert spec and spec.loader
    lock = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(lock)
    lines = lock.merge({
        "3.11": "pandas==3.1.1\noverrides==7.7.0\nfoo==1.0\n",
        "3.12": "pandas==3.1.1\nfoo==2.0\n",
        "3.13": "pandas==3.1.1\nfoo==2.0\n",
    })  # fmt: skip
    body = [ln for ln in lines if not ln.startswith("#")]
    assert body == [
        'foo==1.0 ; python_version == "3.11"',
        'foo==2.0 ; python_version == "3.12" or python_version == "3.13"',
        'overrides==7.7.0 ; python_version == "3.11"',
        "pandas==3.1.1",
    ]
    for line in body:
        _, _, marker = line.partition(";")
        if marker:
            Marker(marker.strip())  # pip reads it
