# Two commands set everything up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test

.PHONY: run test lint format bench clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e .
	touch $@

$(TEST_STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@ $(STAMP)

run: $(STAMP)
	$(PY) -m bot start

test: $(TEST_STAMP)
	@bash scripts/ensure-postgres.sh
	$(PY) -m pytest -q

lint: $(TEST_STAMP)
	$(VENV)/bin/ruff check bot tests bench
	$(VENV)/bin/ruff format --check bot tests bench

format: $(TEST_STAMP)
	$(VENV)/bin/ruff format bot tests bench
	$(VENV)/bin/ruff check --fix bot tests bench

bench: $(TEST_STAMP)
	$(PY) -m pip install --quiet -e '.[test,bench]'
	$(PY) bench/ingest.py
	$(PY) bench/quality.py
	$(PY) bench/answers.py
	$(PY) bench/search_speed.py

clean:
	rm -rf $(VENV) data/*.db data/*.db-* data/*.db.index
