# The two commands a reader needs: `make book` and `make test`.
# Both create .venv with Python's own venv and pip if it is missing (no conda needed).

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
NOTEBOOKS := $(sort $(wildcard notebooks/[0-9][0-9]_*.ipynb))

.PHONY: setup book site test chromium clean

setup: $(STAMP)

$(STAMP): requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt -e .
	touch $(STAMP)

## Execute every notebook in order, storing outputs in place, then build the reading copy.
book: $(STAMP)
	$(if $(NOTEBOOKS),$(BIN)/python scripts/run_notebooks.py $(NOTEBOOKS),@echo "no notebooks to run")
	$(BIN)/python scripts/build_site.py

## The reading copy only: a static site in _build/site/ from the stored outputs (no execution).
site: $(STAMP)
	$(BIN)/python scripts/build_site.py

## Unit, property and data tests, nbval over every notebook, and the site in headless Chromium.
test: $(STAMP) chromium
	$(BIN)/python -m pytest --nbval --nbval-current-env

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
