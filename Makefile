# The two commands a reader needs: `make book` and `make test`.
# Both create .venv with Python's own venv and pip if it is missing (no conda needed).

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
NOTEBOOKS := $(sort $(wildcard notebooks/[0-9][0-9]_*.ipynb))

.PHONY: setup book test clean

setup: $(STAMP)

$(STAMP): requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt -e .
	touch $(STAMP)

## Execute every notebook in order, storing outputs in place (the reading copy).
book: $(STAMP)
	$(BIN)/python scripts/run_notebooks.py $(NOTEBOOKS)

## Unit, property and data tests, then nbval over every notebook.
test: $(STAMP)
	$(BIN)/python -m pytest --nbval --nbval-current-env

clean:
	rm -rf $(VENV) _build
