# The two commands: `make demo` (install everything, start Solr, index the demo postings,
# serve the app) and `make test` (the whole suite, starting and stopping its own Solr).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo test install stop

install: $(VENV)/.installed

$(VENV)/.installed: setup.cfg pyproject.toml
	$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { echo "Python 3.11+ is needed"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	touch $@

demo: install
	$(BIN)/jobsearch solr start
	$(BIN)/jobsearch solr init

test: install
	$(BIN)/python -m pytest

stop:
	$(BIN)/jobsearch solr stop
