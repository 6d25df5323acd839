# Two commands do all set-up: `make serve` (or `make build`) and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat requirements.txt requirements-dev.txt | cksum | cut -d' ' -f1)
export NO_MKDOCS_2_WARNING := 1

.PHONY: build serve preview test lint system-deps clean

$(STAMP): requirements.txt requirements-dev.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	@rm -f $(VENV)/.installed-* && touch $@

## build: build the help center strictly into site/
build: $(STAMP)
	$(BIN)/mkdocs build --strict

## serve: live preview on http://127.0.0.1:8000/ (reloads on every edit)
serve: $(STAMP)
	$(BIN)/mkdocs serve --livereload

## preview: build, then serve site/ on http://127.0.0.1:8000/ as Netlify will (headers, redirects, 404s)
preview: build
	$(BIN)/python -m production_server site

## system-deps: Debian packages the browser tests need (Chromium)
system-deps:
	@.ci/install-system-deps

## lint: ruff over hooks, tests, bench and production_server
lint: $(STAMP)
	$(BIN)/ruff check hooks tests bench production_server

## test: install everything, lint, run the whole test suite
test: $(STAMP) system-deps lint
	$(BIN)/python -m pytest

clean:
	rm -rf site .pytest_cache
