# Two commands do all set-up: `make serve` (or `make build`) and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat requirements.txt requirements-dev.txt | cksum | cut -d' ' -f1)
export NO_MKDOCS_2_WARNING := 1

.PHONY: build serve test lint system-deps clean bench-search

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

## system-deps: Debian packages the browser tests need (Chromium)
system-deps:
	@.ci/install-system-deps

## lint: ruff over hooks, tests and bench
lint: $(STAMP)
	$(BIN)/ruff check hooks tests bench

## test: install everything, lint, run the whole test suite
test: $(STAMP) system-deps lint
	$(BIN)/python -m pytest

## bench-search: search quality and speed, ours vs stock Material (prints figures)
bench-search: $(STAMP) system-deps
	$(BIN)/python bench/search_quality.py
	$(BIN)/python bench/search_speed.py

clean:
	rm -rf site .pytest_cache
