# policykg: two commands for a newcomer (make demo, make test), plus score and bench.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STORE  ?= policykg.db
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: demo test install install-test score bench docs clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

install: $(BIN)/python
	$(BIN)/pip install --quiet -e .

install-test: $(BIN)/python
	$(BIN)/pip install --quiet -e ".[test]"
	npm ci --prefix tests/js --no-audit --no-fund --loglevel=error
	@# The query page is tested in headless Chromium (Debian's package; playwright-core drives it);
	@# the remote-store tests run a real Virtuoso 7 (Debian's package) beside an Oxigraph server.
	(command -v chromium && command -v virtuoso-t && command -v isql-vt) >/dev/null || \
	  ($(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq \
	   chromium virtuoso-opensource-7-bin >/dev/null)

demo: install
	$(BIN)/policykg --store $(STORE) build seeds/
	$(BIN)/policykg --store $(STORE) stats
	mkdir -p out
	$(BIN)/policykg --store $(STORE) export out/seeds.trig
	$(BIN)/policykg --store $(STORE) export out/seeds.gexf --projection co-mention
	$(BIN)/policykg --store $(STORE) analyze centrality --top 10 --plot out/actors.png
	@echo "graph in $(STORE), RDF in out/seeds.trig, Gephi file out/seeds.gexf, picture out/actors.png"
	@echo "try: $(BIN)/policykg query officials"

test: install-test
	$(BIN)/python -m pytest

score: install
	$(BIN)/policykg --store $(STORE) build --quiet seeds/ || true
	$(BIN)/python tests/gold/score.py tests/gold --cli "$(BIN)/policykg --store $(STORE)"

bench: install-test
	$(BIN)/python benchmarks/bench_build.py --docs 1000
	$(BIN)/python benchmarks/bench_build.py --docs 500 --workers 1
	$(BIN)/python benchmarks/dev_score.py
	$(BIN)/python benchmarks/dev_score.py --without-gazetteers
	$(BIN)/python benchmarks/dev_score.py --without-lists
	$(BIN)/python benchmarks/bench_analyze.py --docs 10000
	$(BIN)/python benchmarks/bench_scale.py --sizes 1000,10000,50000 --one-worker-up-to 10000
	$(BIN)/python benchmarks/bench_scale.py --latency-docs 2400 --virtuoso

docs: install
	$(BIN)/python -m graph.model.ontology_doc > docs/ontology.md

clean:
	rm -rf $(VENV) $(STORE) out .pytest_cache
