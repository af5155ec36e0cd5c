# The two commands: `make demo` (install everything, start Solr, index the demo postings,
# serve the app) and `make test` (the whole suite, starting and stopping its own Solr).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DEMO_POSTINGS := var/demo/postings.jsonl

.PHONY: demo test install stop bench

install: $(VENV)/.installed

$(VENV)/.installed: setup.cfg pyproject.toml
	$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { echo "Python 3.11+ is needed"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	touch $@

demo: install
	$(BIN)/jobsearch solr start
	$(BIN)/jobsearch demo-data $(DEMO_POSTINGS)
	$(BIN)/jobsearch reindex $(DEMO_POSTINGS)
	@echo "Open http://127.0.0.1:5000/ (Ctrl-C stops the web app; 'make stop' stops Solr)"
	$(BIN)/jobsearch serve --port 5000

test: install
	sh scripts/install-chromium.sh
	$(BIN)/python -m pytest

stop:
	$(BIN)/jobsearch solr stop

bench: install
	$(BIN)/python bench/index_throughput.py
	$(BIN)/python bench/relevance.py --judgments ../shared/data/judgments/dev.tsv --index ../shared/data/ashby-2025-10
	$(BIN)/python bench/query_latency.py
