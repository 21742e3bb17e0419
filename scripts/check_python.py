"""Check the interpreter `make` will build .venv with, before anything is installed; rebuild a wrong .venv.

Run by ``make setup`` with the chosen interpreter (``PYTHON``, default ``python3``)::

    python3 scripts/check_python.py .venv default|given

Exits 1 with one message naming the fix when that Python is older than 3.11 or lacks ``venv`` (a Python newer
than 3.13 gets a note and goes on).
Removes ``.venv`` (so make builds it again) when it is broken, was made by a Python older than 3.11, or,
with ``given`` (``PYTHON=...`` set by the reader), was made by another interpreter than the one asked for.
Written for old Pythons too (no f-strings), so that a too old ``python3`` gets the message, not a traceback.
"""

import os
import shutil
import subprocess
import sys

LOWEST = (3, 11)
HIGHEST = (3, 13)
HOW = "choose another with e.g. `PYTHON=python3.12 make test` (README, 'Choosing a Python')"


def say(text):
    sys.stderr.write("make setup: " + text + "\n")


def supported(version):
    return LOWEST <= tuple(version[:2]) <= HIGHEST


def main(argv):
    venv_dir = argv[1] if len(argv) > 1 else ".venv"
    given = len(argv) > 2 and argv[2] == "given"
    here = "{}.{}.{}".format(*sys.version_info[:3])
    if tuple(sys.version_info[:2]) > HIGHEST:
        say("note: Python {} is newer than the 3.13 the suite is tested on; going on".format(here))
    elif not supported(sys.version_info):
        say(
            "{} is Python {}; the notebooks need Python 3.11, 3.12 or 3.13: {}".format(
                sys.executable, here, HOW
            )
        )
        return 1
    try:
        import ensurepip  # noqa: F401  (Debian splits it out of the standard library)
        import venv  # noqa: F401
    except ImportError:
        minor = "{}.{}".format(*sys.version_info[:2])
        say(
            "{} (Python {}) cannot create a virtual environment: install its venv module (Debian/Ubuntu: "
            "`apt-get install python{}-venv`) or {}".format(sys.executable, here, minor, HOW)
        )
        return 1
    if not os.path.isdir(venv_dir):
        return 0
    python = os.path.join(venv_dir, "bin", "python")
    probe = "import sys; print('%d.%d.%d' % sys.version_info[:3]); print(getattr(sys, '_base_executable', ''))"
    try:
        out = subprocess.run([python, "-c", probe], capture_output=True, text=True, timeout=60)
        lines = out.stdout.split("\n") if out.returncode == 0 else []
    except (OSError, subprocess.SubprocessError):
        lines = []
    if len(lines) < 2:
        reason = "it is broken (its python does not run)"
    elif tuple(int(p) for p in lines[0].split(".")[:2]) < LOWEST:
        reason = "it was made by Python {}, older than 3.11".format(lines[0])
    elif given and lines[0] != here:
        reason = "it was made by Python {}, and PYTHON={} is Python {}".format(
            lines[0], os.environ.get("PYTHON", ""), here
        )
    else:
        return 0
    say(
        "removing {}: {}; it is built again with {} (Python {})".format(
            venv_dir, reason, sys.executable, here
        )
    )
    shutil.rmtree(venv_dir)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
