# The README's two commands: `make demo` and `make test`. Everything else here serves them.
SHELL := /bin/bash
VENV := .venv
BIN := $(VENV)/bin
PYTHON ?= python3
DEMO_DIR := var/demo-corpus
DEMO_REPORTS ?= 200
DEMO_SEED ?= 2026
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: demo test setup assets demo-corpus serve lock clean

## demo: set up, build the demo database from a generated corpus and serve the dashboard
demo: setup demo-corpus
	$(BIN)/scrutiny ingest $(DEMO_DIR)
	$(BIN)/scrutiny serve --host $(HOST) --port $(PORT)

## test: set up everything (Python, PostgreSQL, Chromium) and run the suite on SQLite and PostgreSQL
test: setup
	scripts/install-system-packages.sh
	scripts/run-tests.sh

setup: $(VENV)/.installed assets

$(VENV)/.installed: pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

assets: src/scrutiny/dashboard/static_build/.built

src/scrutiny/dashboard/static_build/.built: package.json package-lock.json $(shell find src/scrutiny/dashboard/static_src -type f 2>/dev/null)
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	npm run --silent build
	touch $@

demo-corpus: $(DEMO_DIR)/.generated

$(DEMO_DIR)/.generated: $(VENV)/.installed
	rm -rf $(DEMO_DIR)
	$(BIN)/scrutiny demo generate --reports $(DEMO_REPORTS) --seed $(DEMO_SEED) $(DEMO_DIR)
	touch $@

serve: setup
	$(BIN)/scrutiny serve --host $(HOST) --port $(PORT)

## lock: re-pin every Python dependency, with hashes, after changing pyproject.toml
lock:
	$(BIN)/pip install --quiet uv
	$(BIN)/uv pip compile pyproject.toml --extra test --generate-hashes --python-version 3.11 \
	  --no-header --output-file requirements.lock --quiet

clean:
	rm -rf $(VENV) node_modules src/scrutiny/dashboard/static_build var
