# veille — the two commands a newcomer runs are `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run serve test lint install browser bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

## Set up, then ingest the bundled corpus into veille.duckdb and print what the store holds.
run: $(STAMP)
	$(BIN)/veille ingest corpus/ --db veille.duckdb

## The REST API and the web UI over that store, on http://127.0.0.1:8000/.
serve: $(STAMP)
	$(BIN)/veille serve --db veille.duckdb

## Headless Chromium for the browser tests (Debian packages chromium, chromium-driver).
## Installed when missing, as root or with sudo; without either, those tests say they skip.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; elif command -v sudo >/dev/null 2>&1; then SUDO=sudo; \
	  else echo "make browser: not root and no sudo: browser tests will be skipped"; exit 0; fi; \
	  echo "installing chromium and chromium-driver (Debian packages)"; \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq \
	    chromium chromium-driver >/dev/null; }

## The whole test suite, with lint and type checks.
test: $(STAMP) browser
	$(BIN)/ruff check src tests scripts bench
	$(BIN)/ruff format --check src tests scripts bench
	$(BIN)/mypy src
	$(BIN)/pytest -q

lint: $(STAMP)
	$(BIN)/ruff check src tests scripts bench
	$(BIN)/ruff format --check src tests scripts bench
	$(BIN)/mypy src

## The benchmark suite (about 15 minutes): veille against the bare spaCy parse at 1 and 2
## processes, ingest against the analysis, memory per worker, time per stage; then Spark
## local[2] against the local engine on 5,000 articles, and the REST API on 10,000.
## Each writes bench/results/<what>-<date>.md. More: python bench/run.py --help.
bench: $(STAMP)
	$(BIN)/python bench/run.py suite
	$(BIN)/python bench/run.py spark
	$(BIN)/python bench/run.py api

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info .pytest_cache .mypy_cache .ruff_cache
