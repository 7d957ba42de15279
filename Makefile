# Everything a newcomer needs: `make run` and `make test`. Both build .venv on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 5000

.PHONY: run test lint migrate clean bench soak demo i18n translations client-check

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --upgrade pip >/dev/null

# The stamp files re-run the install only when pyproject.toml changes.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -e '.[dev]'
	touch $@ $(VENV)/.installed

migrate: $(VENV)/.installed
	$(BIN)/flask --app wsgi db upgrade

# Compiled catalogs (.mo) are build output: made from the .po sources kept in the repo.
CATALOGS := api/translations
PO_FILES := $(wildcard $(CATALOGS)/*/LC_MESSAGES/messages.po)
MO_FILES := $(PO_FILES:.po=.mo)

$(CATALOGS)/%/LC_MESSAGES/messages.mo: $(CATALOGS)/%/LC_MESSAGES/messages.po $(VENV)/.installed
	$(BIN)/pybabel -q compile -d $(CATALOGS) -l $*

translations: $(MO_FILES)

# For whoever adds or changes words: extract them, merge them into every language's
# catalog (new ones arrive untranslated; the tests say which), then compile.
i18n: $(VENV)/.installed
	$(BIN)/pybabel -q extract -F babel.cfg --no-location --sort-output \
		--omit-header -o $(CATALOGS)/messages.pot api models
	$(BIN)/pybabel -q update -i $(CATALOGS)/messages.pot -d $(CATALOGS) \
		--no-fuzzy-matching --ignore-obsolete --width 100
	$(MAKE) translations

run: migrate translations
	$(BIN)/flask --app wsgi run --port $(PORT)

test: $(VENV)/.installed-dev translations
	$(BIN)/pytest $(PYTEST_ARGS)

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports

clean:
	rm -rf $(VENV) instance .pytest_cache .mypy_cache .ruff_cache .coverage
	rm -rf $(CLIENT)/node_modules $(CLIENT)/dist $(CLIENT)/src/generated

$(VENV)/.installed-bench: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -e '.[bench]'
	touch $@ $(VENV)/.installed

# Needs PostgreSQL on 127.0.0.1 (trust auth for postgres) and wrk (installed if missing).
bench: $(VENV)/.installed-bench translations
	$(BIN)/python bench/run.py

# Ten minutes of mixed load on PostgreSQL with 2 workers, memory watched (same needs as
# bench). SOAK_SECONDS=60 for a short one. Fails on any error or memory growing > 10%.
soak: $(VENV)/.installed-bench translations
	$(BIN)/python bench/soak.py

# Two partners through a week. Starts its own server; DEMO_URL=http://127.0.0.1:5000 plays
# against a running one (make run) instead.
demo: $(VENV)/.installed translations
	$(BIN)/python demo/week.py

# What a mobile team does on day one: generate a TypeScript client from /openapi.json
# (openapi-typescript, openapi-fetch), compile a small app with tsc --strict, and run the
# core loop against a server it starts. Needs node 20 and npm; the packages are pinned in
# clients/typescript/package-lock.json.
CLIENT := clients/typescript

$(CLIENT)/node_modules/.installed: $(CLIENT)/package.json $(CLIENT)/package-lock.json
	cd $(CLIENT) && npm ci --no-audit --no-fund
	touch $@

client-check: $(VENV)/.installed translations $(CLIENT)/node_modules/.installed
	$(BIN)/python devtools/client_check.py
