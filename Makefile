# Two commands: `make book` and `make test`. Both set up .venv from the pinned lock file first.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup book test check test-one learner learner-repo bundle offline print bench external-links browser lock clean templates slides

$(STAMP): requirements/lock.txt pyproject.toml
	@test -n "$(PYTHON)" || { echo "Python 3.11 is needed (python3.11 or python3 on PATH)."; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check pip==25.3
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements/lock.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

setup: $(STAMP)

# Execute every notebook (through the jupyter cache) and build the HTML book; warnings are errors.
book: $(STAMP) browser
	MIGDEV_SAVE=0 $(BIN)/jupyter-book build . -W -n --keep-going
	@echo "Open $(CURDIR)/_build/html/index.html"

test: $(STAMP) browser
	$(BIN)/python -m pytest

# The authors' fast tier (under a minute): lint and format, every task file against its schema,
# the structure and unit tests. The slow tiers (notebooks, binder, book, browser, jupyterlab,
# properties, kernel) are
# pytest markers: e.g. `$(BIN)/python -m pytest -m notebooks` runs one tier alone.
FAST := not notebooks and not binder and not book and not browser and not jupyterlab and not properties and not kernel
check: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m tools.check_tasks exercises
	$(BIN)/python -m pytest -q -m "$(FAST)"

# One exercise, both editions through nbval: make test-one EX=m05-1-prioritise
test-one: $(STAMP)
	@test -n "$(EX)" || { echo "Name the exercise: make test-one EX=m05-1-prioritise"; exit 2; }
	rm -rf _build/test-one && for edition in learner instructor; do \
		$(BIN)/python -m tools.learner exercises/$(EX)/$(EX).md --out _build/test-one/$$edition --edition $$edition; done
	cd _build/test-one && $(CURDIR)/$(BIN)/python -m pytest --nbval-lax -q -p no:cacheprovider .
	$(BIN)/python -m pytest -q tests/test_taskfiles.py tests/test_properties.py -k "$(EX)"

# The browser tests need Debian's Chromium: installed here when running as root (as CI does);
# otherwise those tests are skipped with a message saying how to install it.
browser:
	@if command -v chromium >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then \
		echo "Installing Chromium for the browser tests"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	else echo "Chromium is missing: browser tests will be skipped (sudo apt-get install chromium)."; fi

# A zip of the built site that works from disk or a local web server.
offline: book
	$(BIN)/python -m tools.offline _build/html _build/mainstreaming-migration-course.zip

# The USB bundle for a room without internet: the offline site, the learner repository, a
# wheelhouse per platform (downloaded from the package index) and a one-page guide (START-HERE).
bundle: book
	$(BIN)/python -m tools.bundle _build/html _build/mainstreaming-migration-bundle.zip

# Printable PDFs in _build/print, A4 and US Letter: the participant workbook (no answers), the quiz
# handouts with and without answers, and the instructors' answer key (tools/print_pdfs.py).
print: book browser
	$(BIN)/python -m tools.print_pdfs _build/html _build/print

# Speed and page-weight benchmarks, against references measured in the same run.
bench: $(STAMP) browser
	$(BIN)/python benchmarks/run.py --out _build/bench.json

# Rewrite tests/external-links.txt from the built book (review each new link first).
external-links: book
	$(BIN)/python tests/test_links.py _build/html

# The working templates (spreadsheets and documents, with worked examples), in _build/templates;
# `make book` also writes them into the HTML output (book/_ext/templates_ext.py).
templates: $(STAMP)
	$(BIN)/python -m tools.templates _build/templates

# The slide decks of every module (HTML and PDF), in _build/slides; `make book` also writes them
# into the HTML output (book/_ext/slides_ext.py). The PDFs need Chromium (see `browser`).
slides: $(STAMP) browser
	$(BIN)/python -m tools.slides _build/slides

# Learner editions of every exercise, in _build/learner (Binder makes its own in place).
learner: $(STAMP)
	$(BIN)/python -m tools.learner exercises --out _build/learner

# The learner repository for a JupyterHub (nbgitpuller) or Binder, ready to push: learner editions,
# data, the runtime package and its pinned requirements (book/instructors/jupyterhub.md).
learner-repo: $(STAMP)
	$(BIN)/python -m tools.learner_repo _build/learner-repo

# Regenerate both pinned sets from the top-level requirement files (needs the package index):
# requirements/lock.txt for authors and CI, binder/requirements.txt for learners (a subset with
# the same versions).
lock: $(STAMP)
	$(BIN)/python -m piptools compile --quiet --strip-extras --no-header --allow-unsafe --no-emit-index-url --no-emit-find-links \
		--output-file requirements/lock.txt requirements/top-level.txt
	$(BIN)/python -m piptools compile --quiet --strip-extras --no-header --allow-unsafe --no-emit-index-url --no-emit-find-links \
		--constraint requirements/lock.txt --output-file binder/requirements.txt binder/requirements.in

clean:
	rm -rf _build
