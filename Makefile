# Two commands do all set-up: `make serve` (or `make build`) and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat requirements.txt requirements-dev.txt pyproject.toml | cksum | cut -d' ' -f1)
export NO_MKDOCS_2_WARNING := 1
# pa11y, installed by npm ci: the accessibility tests run under `make test` and `make publish`
A11Y := tests/a11y/node_modules/.package-lock.json

.PHONY: build serve preview test fuzz lint system-deps clean status new-article translate mark-current add-language set-default-language new-site upgrade publish bench-build bench-weight bench-search

# The checkout itself goes in editable (the `helpcenter` console script runs hooks/helpcenter as it is now).
$(STAMP): requirements.txt requirements-dev.txt pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	@rm -f $(VENV)/.installed-* && touch $@

## build: build the help center strictly into site/
build: $(STAMP)
	$(BIN)/mkdocs build --strict

## serve: live preview on http://127.0.0.1:8000/ (reloads on every edit)
serve: $(STAMP)
	$(BIN)/mkdocs serve --livereload

# Authoring commands (python -m helpcenter <command> --help). Values come from the command line:
# make new-article ID=deposit-limits TITLE="..." DESCRIPTION="..." [PROBLEMS=withdrawal,deposit] [GROUP="Hesab"]
HELPCENTER := PYTHONPATH=hooks $(BIN)/python -m helpcenter

## status: translation and review report, article x language
status: $(STAMP)
	@$(HELPCENTER) status

## new-article: create ID in every language (TITLE, DESCRIPTION; optional PROBLEMS, GROUP)
new-article: $(STAMP)
	@test -n "$$ID" || { echo 'usage: make new-article ID=<id> TITLE="..." DESCRIPTION="..." [PROBLEMS=a,b] [GROUP="..."]'; exit 2; }
	@$(HELPCENTER) new-article --title "$$TITLE" --description "$$DESCRIPTION" --problems "$$PROBLEMS" $${GROUP:+--group "$$GROUP"} -- "$$ID"

## translate: start the IN translation of article ID (a copy of the original)
translate: $(STAMP)
	@test -n "$$ID" -a -n "$$IN" || { echo 'usage: make translate ID=<id> IN=<language>'; exit 2; }
	@$(HELPCENTER) translate -- "$$ID" "$$IN"

## mark-current: record that translation(s) IN (default: all) of article ID match the original
mark-current: $(STAMP)
	@test -n "$$ID" || { echo 'usage: make mark-current ID=<id> [IN=<language>]'; exit 2; }
	@$(HELPCENTER) mark-current -- "$$ID" $$IN

## add-language: prepare language CODE (optional NAME) and list what it still needs
add-language: $(STAMP)
	@test -n "$$CODE" || { echo 'usage: make add-language CODE=<code> [NAME=<name>]'; exit 2; }
	@$(HELPCENTER) add-language "$$CODE" $${NAME:+--name "$$NAME"}

## set-default-language: make language CODE the original, served at / (hashes, navigation titles and notes follow)
set-default-language: $(STAMP)
	@test -n "$$CODE" || { echo 'usage: make set-default-language CODE=<code>'; exit 2; }
	@$(HELPCENTER) set-default-language "$$CODE"

## new-site: make your own help center in DIR (BRAND, LANGUAGES with the default first, TIMEZONE)
new-site: $(STAMP)
	@test -n "$$DIR" -a -n "$$BRAND" -a -n "$$LANGUAGES" -a -n "$$TIMEZONE" || { echo 'usage: make new-site DIR=<folder> BRAND="<name>" LANGUAGES=<default>,<other>,... TIMEZONE=<e.g. Europe/Istanbul>'; exit 2; }
	@$(HELPCENTER) new-site "$$DIR" --brand "$$BRAND" --languages "$$LANGUAGES" --timezone "$$TIMEZONE"

## upgrade: replace the generator's files with those of FROM (a newer generator checkout, or its git URL); yours stay as they are
upgrade: $(STAMP)
	@test -n "$$FROM" || { echo 'usage: make upgrade FROM=<generator checkout or git URL>'; exit 2; }
	@$(HELPCENTER) upgrade "$$FROM"

## publish: build into a fresh folder, run the tests on it, then replace site/ in one rename
publish: $(STAMP) system-deps $(A11Y)
	@PYTHON=$(BIN)/python .ci/publish site

## preview: build, then serve site/ on http://127.0.0.1:8000/ as Netlify will (headers, redirects, 404s)
preview: build
	$(BIN)/python -m production_server site

## system-deps: Debian packages the browser tests need (Chromium)
system-deps:
	@.ci/install-system-deps

## lint: ruff over hooks, tests, bench and production_server
lint: $(STAMP)
	$(BIN)/ruff check $(wildcard hooks tests bench production_server)   # a help center made by new-site has no bench/

# pa11y for the accessibility tests, exactly as locked; Debian's Chromium, no browser download.
$(A11Y): tests/a11y/package.json tests/a11y/package-lock.json
	cd tests/a11y && PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund --ignore-scripts --loglevel=error

## test: install everything, lint, run the whole test suite
test: $(STAMP) system-deps $(A11Y) lint
	$(BIN)/python -m pytest

## fuzz: the long property-based run (5,000 examples per loader; `make test` runs 100 each), printing the counts
fuzz: $(STAMP)
	HELPCENTER_FUZZ=long $(BIN)/python -m pytest -q -p no:cacheprovider tests/fuzz

## bench-build: build time and memory as the site grows, ours vs plain Material (see bench/README.md)
bench-build: $(STAMP)
	$(BIN)/python bench/build_scale.py

## bench-weight: bytes a page load downloads, cold and warm cache, in Chromium (see bench/README.md)
bench-weight: $(STAMP) system-deps
	$(BIN)/python bench/page_weight.py

## bench-search: search quality and speed, ours vs stock Material (prints figures)
bench-search: $(STAMP) system-deps
	$(BIN)/python bench/search_quality.py
	$(BIN)/python bench/search_speed.py

clean:
	rm -rf site .pytest_cache
