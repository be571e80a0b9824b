# The two commands of the README: `make run` and `make test`. CI runs `make test` too.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)

.PHONY: install run test test-sqlite lint format bench browser-deps migrations clean \
	i18n-extract i18n-update i18n-compile
LOCALE_DIR := stories_service/locale
# Message keywords beyond pybabel's defaults (_, gettext, ngettext, N_, ...); the catalogue test
# reads this line too, so keep it on one line.
I18N_KEYWORDS := -k lazy_gettext -k _l -k survivor_text

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,browser]'
	$(BIN)/pybabel compile --domain messages --directory $(LOCALE_DIR)
	@# Modules compiled by earlier versions (mypyc) would shadow the plain Python sources.
	rm -f moderation/redaction/*.so moderation/redaction/_compiled_sources.json *__mypyc*.so
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

install: $(STAMP)

## Translations (docs/i18n.md): extract messages into the template, merge it into every
## catalogue, compile the catalogues (.mo files are built, never committed).
i18n-extract: install
	$(BIN)/pybabel extract --mapping-file babel.cfg $(I18N_KEYWORDS) --sort-output \
	  --add-location file --project "Healing Stories" --copyright-holder "Healing Stories" \
	  --msgid-bugs-address "" --output-file $(LOCALE_DIR)/messages.pot .

i18n-update: i18n-extract
	$(BIN)/pybabel update --input-file $(LOCALE_DIR)/messages.pot --output-dir $(LOCALE_DIR) \
	  --domain messages --no-fuzzy-matching --ignore-obsolete

i18n-compile: install
	$(BIN)/pybabel compile --domain messages --directory $(LOCALE_DIR)

## Serve the site on the embedded default (SQLite under ./var/), migrations applied at start.
run: install i18n-compile
	$(BIN)/stories-service serve

## Install everything the tests need (Chromium from Debian for the browser tests), check the
## code (make lint) and run the whole suite.
test: lint browser-deps i18n-compile
	STORIES_TEST_BACKEND=sqlite $(BIN)/python -m pytest
	STORIES_TEST_BACKEND=postgres $(BIN)/python -m pytest -m db

## The suite on SQLite only (no PostgreSQL needed).
test-sqlite: install i18n-compile
	STORIES_TEST_BACKEND=sqlite $(BIN)/python -m pytest

browser-deps:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "installing Debian's chromium for the browser tests"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	  || sudo sh -c 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null'; }
	@test -f node_modules/axe-core/axe.min.js || npm install --silent --no-save --no-package-lock axe-core

## ruff (lint and format), and import-linter: the architecture's contracts in pyproject.toml.
lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy -p stories_service -p moderation
	$(BIN)/lint-imports --no-cache

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

## Write a new migration after changing models (stories_service/models/).
migrations: install
	DATABASE_URL=sqlite://$(CURDIR)/var/makemigrations.sqlite3 $(BIN)/tortoise makemigrations

bench: install
	$(BIN)/python -m bench.intake

clean:
	rm -rf $(VENV) var .pytest_cache build
