# Every target creates .venv and installs what it needs by itself.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-dev
EXTRAS ?= dev,pandas,dedup,datasets,ray

.PHONY: run test lint typecheck pytest docs bench clean fmt

$(VENV)/bin/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "textclean needs Python 3.11 or newer")'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.installed-run: pyproject.toml | $(VENV)/bin/python
	$(PY) -m pip install --quiet -e .
	@touch $@

$(STAMP): pyproject.toml | $(VENV)/bin/python
	$(PY) -m pip install --quiet -e ".[$(EXTRAS)]"
	@touch $@ $(VENV)/.installed-run

$(VENV)/.installed-docs: $(STAMP)
	$(PY) -m pip install --quiet -e ".[$(EXTRAS),docs]"
	@touch $@

## make run: clean the bundled seeds and print each document with a table of what changed
run: $(VENV)/.installed-run
	$(VENV)/bin/textclean clean seeds/ --table

## make test: ruff, mypy --strict, pytest with doctests (no tests collected = failure)
test: lint typecheck pytest

lint: $(STAMP)
	$(VENV)/bin/ruff check textclean tests benchmarks

typecheck: $(STAMP)
	$(VENV)/bin/mypy

pytest: $(STAMP)
	$(PY) -m pytest -n 2 -q

fmt: $(STAMP)
	$(VENV)/bin/ruff format textclean tests benchmarks
	$(VENV)/bin/ruff check --fix textclean tests benchmarks

docs: $(VENV)/.installed-docs
	$(PY) docs/gen_pages.py
	NO_MKDOCS_2_WARNING=1 $(VENV)/bin/mkdocs build --strict

$(VENV)/.installed-bench: $(STAMP)
	$(PY) -m pip install --quiet -e ".[$(EXTRAS),bench]"
	@touch $@

bench: $(VENV)/.installed-bench
	$(PY) -m benchmarks

clean:
	rm -rf $(VENV) site .mypy_cache .ruff_cache
