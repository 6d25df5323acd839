# Two commands do all set-up: `make serve` (or `make build`) and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat requirements.txt requirements-dev.txt | cksum | cut -d' ' -f1)
export NO_MKDOCS_2_WARNING := 1

.PHONY: build serve test lint system-deps clean bench-build bench-weight

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

## bench-build: build time and memory as the site grows, ours vs plain Material (see bench/README.md)
bench-build: $(STAMP)
	$(BIN)/python bench/build_scale.py

## bench-weight: bytes a page load downloads, cold and warm cache, in Chromium (see bench/README.md)
bench-weight: $(STAMP) system-deps
	$(BIN)/python bench/page_weight.py

clean:
	rm -rf site .pytest_cache
