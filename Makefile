# veille — the two commands a newcomer runs are `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint install bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

## Set up, then ingest the bundled corpus into veille.duckdb and print what the store holds.
run: $(STAMP)
	$(BIN)/veille ingest corpus/ --db veille.duckdb

## The whole test suite, with lint and type checks.
test: $(STAMP)
	$(BIN)/ruff check src tests scripts bench
	$(BIN)/ruff format --check src tests scripts bench
	$(BIN)/mypy src
	$(BIN)/pytest -q

lint: $(STAMP)
	$(BIN)/ruff check src tests scripts bench
	$(BIN)/ruff format --check src tests scripts bench
	$(BIN)/mypy src

## Speed against the bare parse, and ingest against the bare analysis (a few minutes).
## The 10,000-article memory bench: $(BIN)/python bench/run.py memory (about 7 minutes).
bench: $(STAMP)
	$(BIN)/python bench/run.py speed
	$(BIN)/python bench/run.py ingest

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info .pytest_cache .mypy_cache .ruff_cache
