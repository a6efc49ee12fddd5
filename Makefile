# Two commands: `make book` and `make test`. Both set up .venv from the pinned lock file first.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup book test learner offline bench external-links browser clean

$(STAMP): requirements/lock.txt pyproject.toml
	@test -n "$(PYTHON)" || { echo "Python 3.11 is needed (python3.11 or python3 on PATH)."; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check pip==25.3
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements/lock.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

setup: $(STAMP)

# Execute every notebook (through the jupyter cache) and build the HTML book; warnings are errors.
book: $(STAMP)
	MIGDEV_SAVE=0 $(BIN)/jupyter-book build . -W -n --keep-going
	@echo "Open $(CURDIR)/_build/html/index.html"

test: $(STAMP) browser
	$(BIN)/python -m pytest

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
	$(BIN)/python -m migdev.offline _build/html _build/mainstreaming-migration-course.zip

# Speed and page-weight benchmarks, against references measured in the same run.
bench: $(STAMP) browser
	$(BIN)/python benchmarks/run.py --out _build/bench.json

# Rewrite tests/external-links.txt from the built book (review each new link first).
external-links: book
	$(BIN)/python tests/test_links.py _build/html

# Learner editions of every exercise, in _build/learner (Binder makes its own in place).
learner: $(STAMP)
	$(BIN)/python -m migdev.notebooks exercises --out _build/learner

clean:
	rm -rf _build
