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

.PHONY: demo test setup assets translations messages demo-corpus serve lock clean

## demo: set up, build the demo database from a generated corpus and serve the dashboard
demo: setup demo-corpus
	$(BIN)/scrutiny ingest $(DEMO_DIR)
	$(BIN)/scrutiny serve --host $(HOST) --port $(PORT)

## test: set up everything (Python, PostgreSQL, Chromium) and run the suite on SQLite and PostgreSQL
test: setup
	scripts/install-system-packages.sh
	scripts/run-tests.sh

setup: $(VENV)/.installed assets translations

## translations: compile the Welsh catalogue (Babel, no GNU gettext needed)
translations: src/scrutiny/locale/cy/LC_MESSAGES/django.mo

src/scrutiny/locale/cy/LC_MESSAGES/django.mo: src/scrutiny/locale/cy/LC_MESSAGES/django.po $(VENV)/.installed
	$(BIN)/pybabel compile --statistics -d src/scrutiny/locale -D django -l cy

## messages: gather the strings marked for translation into the Welsh catalogue (then translate the new ones)
messages:
	$(BIN)/pybabel extract --sort-output --no-wrap --add-location=file --project=Scrutiny --copyright-holder="UK National Preventive Mechanism" -F src/scrutiny/locale/babel.cfg \
	  -k gettext_lazy -k pgettext:1c,2 -k pgettext_lazy:1c,2 -k ngettext_lazy:1,2 -k gettext_noop \
	  -o src/scrutiny/locale/django.pot src/scrutiny
	test -f src/scrutiny/locale/cy/LC_MESSAGES/django.po || $(BIN)/pybabel init --no-wrap -i src/scrutiny/locale/django.pot -d src/scrutiny/locale -D django -l cy
	$(BIN)/pybabel update --no-wrap --no-fuzzy-matching --ignore-obsolete -i src/scrutiny/locale/django.pot -d src/scrutiny/locale -D django -l cy

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
