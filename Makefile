# The two commands a reader needs: `make book` and `make test`.
# Both create .venv with Python's own venv and pip if it is missing (no conda needed).

# Which Python builds .venv: 3.11, 3.12 or 3.13, e.g. `PYTHON=python3.12 make test` (README, "Choosing a Python").
PYTHON_GIVEN := $(filter environment command line,$(origin PYTHON))
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
NOTEBOOKS := $(sort $(wildcard notebooks/[0-9][0-9]_*.ipynb))

.PHONY: setup book site test chromium clean lock check

## Check the interpreter first (3.11 to 3.13, with venv; a .venv made by another one is removed), then install.
setup:
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "make setup: $(PYTHON) not found: install Python 3.11, 3.12 or 3.13, or choose one with e.g. PYTHON=python3.12 make test (README, 'Choosing a Python')" >&2; exit 1; }
	@$(PYTHON) scripts/check_python.py $(VENV) $(if $(PYTHON_GIVEN),given,default)
	@$(MAKE) --no-print-directory -q $(STAMP) || $(MAKE) --no-print-directory $(STAMP)

# The installer, the one pin outside requirements.txt (a set-up tool, not a dependency of the notebooks):
# uv installs the same locked versions as pip, in seconds instead of a minute or more. Where uv cannot be
# installed or cannot reach PyPI (e.g. a proxy with its own certificate), pip does the same install.
# Both byte-compile what they install (uv is told to): where PYTHONDONTWRITEBYTECODE is set, nothing else would,
# and every kernel and test process would compile pandas, matplotlib and IPython from source again.
UV_PIN := uv==0.13.9
INSTALL_ARGS := -r requirements.txt -c requirements-lock.txt -e .

# A failed install removes .venv, so the next run starts clean instead of reusing a half-built environment.
$(STAMP): requirements.txt requirements-lock.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	{ $(BIN)/python -m pip install --quiet --disable-pip-version-check $(UV_PIN) \
	    && $(BIN)/uv pip install --quiet --compile-bytecode --python $(BIN)/python $(INSTALL_ARGS); } \
	  || { echo "make setup: uv could not install the environment; installing it with pip instead" >&2; \
	       $(BIN)/python -m pip install --quiet --disable-pip-version-check $(INSTALL_ARGS); } \
	  || { rm -rf $(VENV); echo "make setup: the install failed, so $(VENV) was removed; fix the cause above and run make again" >&2; exit 1; }
	touch $(STAMP)

## Re-resolve the full environment from requirements.txt under each supported Python into requirements-lock.txt
## (after changing a pin). Needs python3.11, python3.12 and python3.13 on the PATH (or LOCK_PYTHONS=...).
LOCK_PYTHONS ?= python3.11 python3.12 python3.13
lock:
	rm -rf _build/lock && mkdir -p _build/lock
	set -e; for py in $(LOCK_PYTHONS); do \
	  v=$$($$py -c 'import sys; print("%d.%d" % sys.version_info[:2])'); \
	  $$py -m venv _build/lock/venv-$$v; \
	  _build/lock/venv-$$v/bin/python -m pip install --quiet --disable-pip-version-check -r requirements.txt; \
	  _build/lock/venv-$$v/bin/python -m pip freeze --disable-pip-version-check > _build/lock/freeze-$$v.txt; \
	  args="$$args $$v=_build/lock/freeze-$$v.txt"; \
	done; $(PYTHON) scripts/lock.py $$args > requirements-lock.txt
	rm -rf _build/lock

## Execute every notebook in order, storing outputs in place, then build the reading copy.
book: setup
	$(if $(NOTEBOOKS),$(BIN)/python scripts/run_notebooks.py $(NOTEBOOKS),@echo "no notebooks to run")
	$(BIN)/python scripts/build_site.py

## The reading copy only: a static site in _build/site/ from the stored outputs (no execution).
site: setup
	$(BIN)/python scripts/build_site.py

## Unit, property and data tests, nbval over every notebook, the site in headless Chromium, every parameter
## value, and the standard validators (frictionless, mypy --strict, ruff). Test files run side by side, one
## worker per core; a file's tests (and a notebook's cells) stay in one worker, in order.
test: setup chromium
	$(BIN)/python -m pytest --nbval --nbval-current-env -n auto --dist loadfile

## Debian's chromium for the browser test: installed when no Chromium is found, if we are root with apt-get.
chromium:
	@if [ -x /usr/bin/chromium ] || command -v chromium >/dev/null 2>&1 || command -v google-chrome >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  echo "installing Debian's chromium for the browser test (tests/test_site.py)"; \
	  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null; } \
	    || echo "could not install chromium: the browser test will skip (and fail if CI=true)"; \
	else \
	  echo "no /usr/bin/chromium, and installing needs root and apt-get: the browser test will skip (and fail if CI=true)"; \
	fi

clean:
	rm -rf $(VENV) _build
