# One command to build the book, one to test it. See README.md.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: book test lint venv test-deps lab extract bench pdf publish clean

$(STAMP): requirements.txt requirements-test.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.txt -r requirements-test.txt
	@# jsonschema's optional IRI checker builds grammars for a second in every process that
	@# validates a notebook or the data package; nothing here uses IRI formats.
	$(BIN)/pip uninstall --quiet --yes rfc3987-syntax lark
	touch $(STAMP)

venv: $(STAMP)

## Build the HTML book into _build/html (executes every notebook that changed).
book: $(STAMP)
	$(BIN)/python scripts/build.py

## Run the whole test suite: data faults, helpers, the built book, the built
## pages in headless Chromium with the network cut off, and the PDF edition.
test: $(STAMP) test-deps lint
	$(BIN)/frictionless validate data/datapackage.json > /dev/null || $(BIN)/frictionless validate data/datapackage.json
	$(BIN)/python scripts/build.py --all
	KZAZ_REQUIRE_BROWSER=$${KZAZ_REQUIRE_BROWSER:-1} KZAZ_REQUIRE_PDF=$${KZAZ_REQUIRE_PDF:-1} $(BIN)/python -m pytest

## Lint and format-check the package, scripts, tests, extensions and the chapters' code cells.
lint: $(STAMP)
	$(BIN)/ruff check kzaz scripts tests _ext
	$(BIN)/ruff format --check kzaz scripts tests _ext
	$(BIN)/python scripts/lint_chapters.py

## Debian's chromium drives the browser tests (Playwright's own download cannot run here);
## TeX and poppler build and read the PDF edition. Installed with apt-get when run as root.
TEX_PACKAGES := texlive-latex-recommended texlive-latex-extra texlive-fonts-recommended tex-gyre latexmk
TEST_PACKAGES := chromium poppler-utils $(TEX_PACKAGES)
test-deps:
	@missing=""; \
	command -v chromium >/dev/null 2>&1 || [ "$${KZAZ_REQUIRE_BROWSER:-1}" = 0 ] || missing="$$missing chromium"; \
	{ command -v latexmk >/dev/null 2>&1 && command -v pdftotext >/dev/null 2>&1; } || [ "$${KZAZ_REQUIRE_PDF:-1}" = 0 ] || missing="$$missing pdf"; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  echo "installing Debian packages for the browser and PDF tests"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(TEST_PACKAGES) >/dev/null; \
	else \
	  echo "missing:$$missing. Install: sudo apt-get install $(TEST_PACKAGES)"; \
	  echo "or skip those tests: KZAZ_REQUIRE_BROWSER=0 KZAZ_REQUIRE_PDF=0 make test"; \
	  exit 1; \
	fi

## Open the chapters as notebooks in JupyterLab (a double click opens a MyST chapter
## as a notebook, through jupytext: scripts/jupyterlab_settings.py). As root (in many
## containers) JupyterLab needs --allow-root, which is added then.
lab: $(STAMP)
	$(BIN)/python scripts/jupyterlab_settings.py
	cd chapters && ../$(BIN)/jupyter lab $$( [ "$$(id -u)" = 0 ] && echo --allow-root )

## PDF edition (charts as images) into _build/latex/kz-az-cooperation.pdf.
## Needs Debian's TeX packages (about 350 MB), installed here when run as root.
pdf: $(STAMP)
	@command -v latexmk >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(TEX_PACKAGES) >/dev/null; \
	  else echo "install TeX first: sudo apt-get install $(TEX_PACKAGES)"; exit 1; fi; }
	$(BIN)/python scripts/build.py
	$(BIN)/jupyter-book build . --builder pdflatex

## Publish the HTML book to GitHub Pages: a fresh build, pushed to the gh-pages branch of
## origin (the branch the Colab buttons open notebooks from). Needs push rights.
publish: $(STAMP)
	$(BIN)/python scripts/build.py
	$(BIN)/ghp-import --no-jekyll --push --force _build/html

## Re-derive data/ extracts from ../shared/upstream (not needed to build).
extract: $(STAMP)
	$(BIN)/python scripts/extract.py

## Measure build times and page weights; writes bench/results.json.
bench: $(STAMP)
	$(BIN)/python scripts/bench.py

clean:
	rm -rf _build
