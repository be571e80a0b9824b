# The two commands of the README: `make run` and `make test`. CI runs `make test` too.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)

.PHONY: install run test test-sqlite lint format bench browser-deps migrations clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,browser]'
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

install: $(STAMP)

## Serve the site on the embedded default (SQLite under ./var/), migrations applied at start.
run: install
	$(BIN)/stories-service serve

## Install everything the tests need (Chromium from Debian for the browser tests) and run them all.
test: install browser-deps
	$(BIN)/ruff check .
	STORIES_TEST_BACKEND=sqlite $(BIN)/python -m pytest
	STORIES_TEST_BACKEND=postgres $(BIN)/python -m pytest -m db

## The suite on SQLite only (no PostgreSQL needed).
test-sqlite: install
	STORIES_TEST_BACKEND=sqlite $(BIN)/python -m pytest

browser-deps:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "installing Debian's chromium for the browser tests"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	  || sudo sh -c 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null'; }
	@test -f node_modules/axe-core/axe.min.js || npm install --silent --no-save --no-package-lock axe-core

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

## Write a new migration after changing models (stories_service/models/).
migrations: install
	DATABASE_URL=sqlite://$(CURDIR)/var/makemigrations.sqlite3 $(BIN)/tortoise makemigrations

bench: install
	$(BIN)/python -m bench.intake

clean:
	rm -rf $(VENV) var .pytest_cache
