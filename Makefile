# The two commands of the README: `make run` and `make test`. CI runs `make test` too.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)

.PHONY: install run test test-sqlite lint format bench bench-deps browser-deps proxy-deps migrations clean \
	i18n-extract i18n-update i18n-compile
LOCALE_DIR := stories_service/locale
# Message keywords beyond pybabel's defaults (_, gettext, ngettext, N_, ...); the catalogue test
# reads this line too, so keep it on one line.
I18N_KEYWORDS := -k lazy_gettext -k _l -k survivor_text

# pip's own output (pages of it) goes to a log; the screen shows the steps, and the log's end
# when a step fails.
INSTALL_LOG := $(VENV)/install.log
LOGGED := >> $(INSTALL_LOG) 2>&1 || { tail -n 40 $(INSTALL_LOG); echo "failed; the whole log: $(INSTALL_LOG)"; exit 1; }

$(STAMP): pyproject.toml
	@echo "[1/3] creating the virtual environment ($(VENV))"
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@: > $(INSTALL_LOG)
	@echo "[2/3] installing dependencies (log: $(INSTALL_LOG)); a first install takes a few minutes"
	@$(BIN)/python -m pip install --upgrade pip $(LOGGED)
	@$(BIN)/python -m pip install -e '.[test,browser]' $(LOGGED)
	@echo "[3/3] compiling translations"
	@$(BIN)/pybabel --quiet compile --domain messages --directory $(LOCALE_DIR)
	@# Modules compiled by earlier versions (mypyc) would shadow the plain Python sources.
	@rm -f moderation/redaction/*.so moderation/redaction/_compiled_sources.json *__mypyc*.so
	@rm -f $(VENV)/.installed-*
	@touch $(STAMP)
	@echo "installed"

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
	@$(BIN)/pybabel --quiet compile --domain messages --directory $(LOCALE_DIR)

## Serve the site on the embedded default (SQLite under ./var/), migrations applied at start.
## `make run PORT=8001` serves on another port; the base URL follows it unless STORIES_BASE_URL
## is set.
PORT ?= 8000
run: install i18n-compile
	@echo "serving on http://127.0.0.1:$(PORT) (survivors: /submit, staff: /staff; Ctrl+C stops)"
	@$(BIN)/stories-service serve --port $(PORT)

## Install everything the tests need (Chromium from Debian for the browser tests), check the
## code (make lint) and run the whole suite.
# Three test processes on two cores: most of the suite's time is spent waiting on servers,
# browsers and databases it starts. --dist worksteal gives each process a contiguous third of the
# tests and lets a process that runs out take half of what another has left; tests/conftest.py
# puts the slowest tests (SLOW_TESTS) at the start of each third, so that none starts last while
# the others idle. (--dist load handed its first chunks out in collection order, and pytest
# collects the browser and deploy tests first: one process got nearly all the slow tests.) A
# module-scoped fixture (a server, a build) may be set up once in each process, so it must not
# share files. (--dist loadgroup would keep such modules together, but pytest-xdist 3.8 cannot
# mark the groups under pytest 9.)
# Browser tests run once, on SQLite: they check pages in Chromium, not SQL.
PYTEST_PARALLEL ?= -n 3 --dist worksteal
# Each run ends with its 15 slowest tests: the suite is kept well under 15 minutes.
test: lint browser-deps proxy-deps i18n-compile
	STORIES_TEST_BACKEND=sqlite $(BIN)/python -m pytest $(PYTEST_PARALLEL) --durations=15
	STORIES_TEST_BACKEND=postgres $(BIN)/python -m pytest $(PYTEST_PARALLEL) --durations=15 -m "db and not browser"

## The suite on SQLite only (no PostgreSQL needed).
test-sqlite: install i18n-compile
	STORIES_TEST_BACKEND=sqlite $(BIN)/python -m pytest

browser-deps:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "installing Debian's chromium for the browser tests"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	  || sudo sh -c 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null'; }
	@test -f node_modules/axe-core/axe.min.js || npm install --silent --no-save --no-package-lock axe-core

## nginx for tests/deploy/test_proxies.py: Debian's package unpacked into the virtual
## environment (nothing installed system-wide, no service started).
NGINX := $(VENV)/nginx/usr/sbin/nginx
proxy-deps: install
	@test -x $(NGINX) || { \
	  echo "unpacking Debian's nginx into $(VENV)/nginx for the proxy tests"; \
	  rm -rf $(VENV)/nginx.download && mkdir -p $(VENV)/nginx.download && \
	  (cd $(VENV)/nginx.download && apt-get download nginx >/dev/null 2>&1 || \
	    { apt-get update -qq && apt-get download nginx >/dev/null; } || \
	    { sudo apt-get update -qq && apt-get download nginx >/dev/null; }) && \
	  dpkg-deb -x $(VENV)/nginx.download/nginx_*.deb $(VENV)/nginx && rm -rf $(VENV)/nginx.download; }

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

## wrk, the load generator of the benchmarks (Debian's package, as for chromium above).
bench-deps: install
	@command -v wrk >/dev/null 2>&1 || { \
	  echo "installing Debian's wrk for the benchmarks"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null) \
	  || sudo sh -c 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null'; }

bench: bench-deps
	$(BIN)/python -m bench.intake

clean:
	rm -rf $(VENV) var .pytest_cache build
