"""Execute notebooks in place, top to bottom, and store outputs deterministically.

Used by ``make book``. Timings are not stored, so the same
inputs on the same interpreter give byte-identical files (across interpreters
only ``language_info.version`` differs, which JupyterLab itself writes), and a run that writes
anything to stderr (a warning) or raises fails loudly. Notebooks run side by
side, one kernel per core.

All or nothing: every table in ``data/`` is validated before any notebook is
touched, and the notebooks are written only after all of them ran cleanly, so
a bad data file, a failing cell, Ctrl-C, ``kill`` or the death of ``make``
leaves every file as it was (one line says so). A kernel that dies while
starting (two kernels taking the same port) is started again, up to three times.

The notebooks written are trusted for the user who ran them (Jupyter keeps the
signatures in its own database, outside the files), so JupyterLab shows their
charts on opening; the files themselves stay byte-identical.

Usage: python scripts/run_notebooks.py notebooks/00_*.ipynb [...]
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
from concurrent.futures import FIRST_EXCEPTION, Future, ProcessPoolExecutor, wait
from pathlib import Path
from typing import Any

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, DeadKernelError

KERNEL_START_TRIES = 3

#: The notebook metadata JupyterLab 4 writes when it opens a notebook on the python3 kernel: the kernelspec,
#: and the kernel's own language_info (these fields plus the interpreter's ``version``, taken from the run).
#: Stored exactly, JupyterLab finds nothing to change on opening (it compares deeply), so the file is not
#: marked modified; the version line differs between interpreters, the outputs do not.
METADATA: dict[str, Any] = {
    "kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"},
    "language_info": {
        "codemirror_mode": {"name": "ipython", "version": 3},
        "file_extension": ".py",
        "mimetype": "text/x-python",
        "name": "python",
        "nbconvert_exporter": "python",
        "pygments_lexer": "ipython3",
    },
}


class RunError(RuntimeError):
    """A notebook could not be run: the message names the notebook and the cell."""


def normalise(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Drop what differs between machines or runs but says nothing about the results."""
    ran = nb.metadata.get("language_info", {})
    info = {
        **METADATA["language_info"],
        **({"version": ran["version"]} if "version" in ran else {}),
    }
    nb.metadata = nbformat.from_dict({"kernelspec": METADATA["kernelspec"], "language_info": info})
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
        if "outputs" in cell:
            cell.outputs = _coalesce_streams(cell.outputs)
    return nb


def _coalesce_streams(outputs: list[Any]) -> list[Any]:
    """Join neighbouring stream outputs of one name: how a print is cut into messages depends on timing
    (Python 3.13's kernel splits some that 3.11's sends whole), the text does not."""
    merged: list[Any] = []
    for output in outputs:
        last = merged[-1] if merged else None
        if (
            last is not None
            and output.get("output_type") == "stream"
            and last.get("output_type") == "stream"
            and output.get("name") == last.get("name")
        ):
            last["text"] = last["text"] + output["text"]
        else:
            merged.append(output)
    return merged


def check(path: Path, nb: nbformat.NotebookNode) -> list[str]:
    problems = []
    for index, cell in enumerate(nb.cells):
        for output in cell.get("outputs", []):
            if output.get("name") == "stderr":
                problems.append(
                    f"{path} cell {index}: wrote to stderr: {output.get('text', '')[:200]!r}"
                )
    return problems


def _started(nb: nbformat.NotebookNode) -> bool:
    return any(
        cell.get("execution_count") or cell.get("outputs")
        for cell in nb.cells
        if cell.cell_type == "code"
    )


def _client(nb: nbformat.NotebookNode, path: Path) -> NotebookClient:
    return NotebookClient(
        nb,
        timeout=300,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
        record_timing=False,
        store_widget_state=False,
        # The kernel's start-up warning about unencrypted local TCP says nothing about the notebook.
        extra_arguments=["--IPKernelApp.log_level=ERROR"],
    )


def execute(path: Path) -> tuple[str, float]:
    """Run one notebook and return its new text (not written) and the seconds it took.

    A kernel that dies before the first cell ran is started again (port collisions between kernels
    started side by side); a failure in a cell is a :class:`RunError` naming the cell.
    """
    started = time.perf_counter()
    for attempt in range(1, KERNEL_START_TRIES + 1):
        nb = nbformat.read(path, as_version=4)
        try:
            _client(nb, path).execute()
            break
        except CellExecutionError as error:
            first = str(error).strip().splitlines()
            raise RunError(f"{path}: a cell raised: {first[-1] if first else error}") from None
        except (DeadKernelError, RuntimeError, TimeoutError) as error:
            if _started(nb) or attempt == KERNEL_START_TRIES:
                raise RunError(f"{path}: the kernel died: {error}") from None
            print(
                f"{path}: the kernel died while starting ({error}); starting it again",
                file=sys.stderr,
            )
    problems = check(path, nb)
    if problems:
        raise RunError("\n".join(problems))
    text = nbformat.writes(normalise(nb))
    return text if text.endswith("\n") else text + "\n", time.perf_counter() - started


def _validate_data() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from helpers.data import DataError, validate_all

    try:
        validate_all()
    except DataError as error:
        raise RunError(f"{error}\n(the data were checked before any notebook ran)") from None


def _trust(paths: list[Path]) -> None:
    """Sign the notebooks in Jupyter's signature database, so JupyterLab renders their charts when opened."""
    try:
        from nbformat.sign import NotebookNotary

        notary = NotebookNotary()
        try:
            for path in paths:
                notary.sign(nbformat.read(path, as_version=4))
        finally:
            notary.store.close()  # Python 3.13 warns about a database left open
    except Exception as error:  # trust is a convenience: the files are complete without it
        print(
            f"note: could not mark the notebooks trusted ({error}); run `jupyter trust notebooks/*.ipynb`"
        )


def _write_all(texts: dict[Path, str]) -> None:
    """Write every notebook (temporary file, then rename), with interrupts held back until all are written."""
    old = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM, signal.SIGHUP})
    try:
        for path, text in texts.items():
            partial = path.with_name(f".{path.name}.partial")
            partial.write_text(text, encoding="utf-8")
            os.replace(partial, path)
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


class _Stop(Exception):
    """Raised in the main thread by a signal or by the death of the parent process."""


def _watch_parent(parent: int) -> None:
    """Interrupt the runner when the process that started it (``make``) is gone: the workers must not go on."""
    while True:
        time.sleep(0.25)
        if os.getppid() != parent:
            os.kill(os.getpid(), signal.SIGTERM)
            return


def _stop_workers(pool: ProcessPoolExecutor) -> None:
    for process in list(getattr(pool, "_processes", {}).values()):
        try:
            os.killpg(process.pid, signal.SIGKILL)  # the worker and its kernel
        except (ProcessLookupError, PermissionError):
            pass
        try:
            process.kill()
        except (ProcessLookupError, AttributeError):
            pass
    pool.shutdown(wait=False, cancel_futures=True)


def _worker_start() -> None:
    """Each worker leads its own process group, so stopping it stops its kernel too; it ignores Ctrl-C
    (the main process decides)."""
    os.setpgid(0, 0)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_orphan_watch, args=(os.getppid(),), daemon=True).start()


def _orphan_watch(parent: int) -> None:
    """A worker whose runner died (``kill -9``) stops itself and its kernel instead of writing on."""
    while os.getppid() == parent:
        time.sleep(0.25)
    os.killpg(0, signal.SIGKILL)


def main(paths: list[str]) -> int:
    if not paths:
        print("usage: run_notebooks.py NOTEBOOK [...]", file=sys.stderr)
        return 2
    names = [Path(p) for p in sorted(paths)]
    started = time.perf_counter()
    try:
        _validate_data()
    except RunError as error:
        print(f"run_notebooks: {error}\nno notebook was run or changed", file=sys.stderr)
        return 1

    def on_signal(signum: int, _frame: Any) -> None:
        raise _Stop(signal.Signals(signum).name)

    previous = {
        sig: signal.signal(sig, on_signal) for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)
    }
    threading.Thread(target=_watch_parent, args=(os.getppid(),), daemon=True).start()
    try:
        return _run(names, started)
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def _run(names: list[Path], started: float) -> int:
    pool = ProcessPoolExecutor(
        max_workers=min(len(names), os.cpu_count() or 1), initializer=_worker_start
    )
    texts: dict[Path, str] = {}
    try:
        futures: dict[Future[tuple[str, float]], Path] = {pool.submit(execute, p): p for p in names}
        done, _ = wait(futures, return_when=FIRST_EXCEPTION)
        for future in done:
            if future.exception():
                raise future.exception()  # type: ignore[misc]
        for future, path in sorted(futures.items(), key=lambda item: item[1]):
            texts[path], elapsed = future.result()
            print(f"executed {path} in {elapsed:.1f} s")
        pool.shutdown()
    except _Stop as stop:
        _stop_workers(pool)
        print(
            f"run_notebooks: stopped by {stop}: all workers ended; every notebook was left unchanged",
            file=sys.stderr,
        )
        return 130
    except RunError as error:
        _stop_workers(pool)
        print(f"run_notebooks: {error}\nno notebook was changed", file=sys.stderr)
        return 1
    _write_all(texts)
    _trust(names)
    print(f"all notebooks executed in {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
