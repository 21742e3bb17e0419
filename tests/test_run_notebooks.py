"""``make book``'s runner: all or nothing, stopped cleanly, and a kernel that dies at start is retried.

Each test runs scripts/run_notebooks.py on small synthetic notebooks in a temporary folder and checks the
files byte for byte afterwards.
"""

from __future__ import annotations

import os
import platform
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import nbformat
import pytest
from nbfiles import RUNNER, load_runner, write_notebook

ROOT = Path(__file__).resolve().parent.parent


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.fixture()
def env(tmp_path: Path) -> dict[str, str]:
    """A private Jupyter data folder (trust signatures) for the runs."""
    return {**os.environ, "JUPYTER_DATA_DIR": str(tmp_path / "jupyter-data")}


def test_a_good_run_writes_normalised_and_trusted_notebooks(
    tmp_path: Path, env: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("JUPYTER_DATA_DIR", env["JUPYTER_DATA_DIR"])
    nb = write_notebook(tmp_path / "01_a.ipynb", "print(6 * 7)")
    assert load_runner().main([str(nb)]) == 0
    written = nbformat.read(nb, as_version=4)
    assert written.cells[0].outputs[0]["text"] == "42\n"
    expected = load_runner().METADATA
    assert written.metadata.kernelspec == expected["kernelspec"]
    assert written.metadata.language_info == {
        **expected["language_info"],
        "version": platform.python_version(),
    }
    check = subprocess.run(
        [
            sys.executable,
            "-c",
            "import nbformat, sys; from nbformat.sign import NotebookNotary;"
            "print(NotebookNotary().check_signature(nbformat.read(sys.argv[1], as_version=4)))",
            str(nb),
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert check.stdout.strip() == "True", check.stderr


def test_a_failing_notebook_leaves_every_file_unchanged(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = write_notebook(tmp_path / "01_good.ipynb", "x = 1")
    bad = write_notebook(tmp_path / "02_bad.ipynb", "raise ValueError('planted')")
    before = _snapshot(tmp_path)
    assert load_runner().main([str(good), str(bad)]) == 1
    err = capsys.readouterr().err
    assert "planted" in err and "no notebook was changed" in err
    assert _snapshot(tmp_path) == before


def test_bad_data_stops_the_run_before_any_notebook(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    facts = data / "facts.csv"
    facts.write_text(
        facts.read_text(encoding="utf-8").replace(",3.46,,million,", ",-3.46,,million,"),
        encoding="utf-8",
    )
    nb = write_notebook(tmp_path / "01_a.ipynb", "print('ran')")
    before = nb.read_bytes()
    monkeypatch.setenv("HELPERS_DATA_DIR", str(data))
    assert load_runner().main([str(nb)]) == 1
    err = capsys.readouterr().err
    assert "data/facts.csv, line 2, column 'value'" in err
    assert "no notebook was run or changed" in err
    assert nb.read_bytes() == before


def _children_of(pid: int) -> list[int]:
    out = subprocess.run(
        ["ps", "-o", "pid=", "--ppid", str(pid)], capture_output=True, text=True
    ).stdout
    return [int(p) for p in out.split()]


def _wait_for_kernels(folder: Path, count: int, timeout: float = 240) -> None:
    """Wait until ``count`` notebooks have started their slow cell (each touches a file)."""
    deadline = time.monotonic() + timeout
    while len(list(folder.glob("started-*"))) < count:
        assert time.monotonic() < deadline, "the kernels did not start"
        time.sleep(0.2)


SLOW = "import pathlib, time, uuid\npathlib.Path('started-' + uuid.uuid4().hex).touch()\ntime.sleep(60)"


def test_an_interrupt_stops_every_worker_with_one_line(tmp_path: Path, env: dict[str, str]) -> None:
    """Ctrl-C (SIGINT); SIGTERM takes the same path (see the test of a killed make)."""
    sig = signal.SIGINT
    paths = [write_notebook(tmp_path / f"0{i}_slow.ipynb", SLOW) for i in (1, 2)]
    before = {p.name: p.read_bytes() for p in paths}
    runner = subprocess.Popen(
        [sys.executable, str(RUNNER), *map(str, paths)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=tmp_path,
    )
    _wait_for_kernels(tmp_path, 2)
    workers = _children_of(runner.pid)
    started = time.monotonic()
    runner.send_signal(sig)
    _, err = runner.communicate(timeout=30)
    assert time.monotonic() - started < 30
    assert runner.returncode == 130
    lines = [line for line in err.splitlines() if line.strip()]
    assert lines == [
        f"run_notebooks: stopped by {signal.Signals(sig).name}: all workers ended; every notebook was left unchanged"
    ], err
    assert {p.name: p.read_bytes() for p in paths} == before
    time.sleep(0.5)
    assert not [w for w in workers if Path(f"/proc/{w}").exists() and "zombie" not in _state(w)]


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/status").read_text().split("State:")[1].split("\n")[0].lower()
    except (OSError, IndexError):
        return "zombie"


def test_killing_make_stops_the_workers(tmp_path: Path, env: dict[str, str]) -> None:
    """``kill -9`` of the parent (make): the runner and its workers stop instead of writing notebooks."""
    paths = [write_notebook(tmp_path / f"0{i}_slow.ipynb", SLOW) for i in (1, 2)]
    before = {p.name: p.read_bytes() for p in paths}
    command = f"{sys.executable} {RUNNER} {' '.join(map(str, paths))} & wait"
    parent = subprocess.Popen(
        ["bash", "-c", command],
        env=env,
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    _wait_for_kernels(tmp_path, 2)
    (runner,) = _children_of(parent.pid)
    parent.kill()
    parent.wait()
    deadline = time.monotonic() + 30
    while Path(f"/proc/{runner}").exists() and "zombie" not in _state(runner):
        assert time.monotonic() < deadline, "the runner went on after its parent died"
        time.sleep(0.2)
    assert {p.name: p.read_bytes() for p in paths} == before
    assert not list(tmp_path.glob(".*.partial"))


def test_a_kernel_that_dies_at_start_is_started_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    runner = load_runner()
    from nbclient.exceptions import DeadKernelError

    real = runner.NotebookClient
    calls: list[int] = []

    class FlakyClient(real):  # type: ignore[misc, valid-type]
        def execute(self, **kwargs: Any) -> Any:
            calls.append(1)
            if len(calls) == 1:
                raise DeadKernelError(
                    "Kernel died before replying to kernel_info (Address already in use)"
                )
            return super().execute(**kwargs)

    monkeypatch.setattr(runner, "NotebookClient", FlakyClient)
    nb = write_notebook(tmp_path / "01_a.ipynb", "print('ok')")
    text, _ = runner.execute(nb)
    assert len(calls) == 2 and '"ok\\n"' in text
    assert "starting it again" in capsys.readouterr().err


def test_a_kernel_that_dies_mid_run_is_not_retried(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    runner = load_runner()
    nb = write_notebook(tmp_path / "01_a.ipynb", "import os\nos._exit(1)")
    with pytest.raises(runner.RunError, match="the kernel died"):
        runner.execute(nb)


def test_stream_outputs_are_joined_whatever_their_timing() -> None:
    """The same print, sent as one message or as two, is stored the same (3.13 splits where 3.11 does not)."""
    runner = load_runner()
    one = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("print('a'); print('b')")])
    two = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("print('a'); print('b')")])
    one.cells[0].outputs = [nbformat.v4.new_output("stream", name="stdout", text="a\nb\n")]
    two.cells[0].outputs = [
        nbformat.v4.new_output("stream", name="stdout", text="a\n"),
        nbformat.v4.new_output("stream", name="stdout", text="b\n"),
    ]
    for nb in (one, two):
        nb.cells[0].id = "x"
    assert nbformat.writes(runner.normalise(one)) == nbformat.writes(runner.normalise(two))
