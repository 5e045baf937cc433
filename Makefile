# The two commands a new user needs: `make run` and `make test` (see README.md).
SWIFT ?= swift
CORPUS ?= corpora/marketplace

.PHONY: run test deps build release clean format format-check fuzz validity validity-quick validity-real report-check eval-qrels llm-check plugins plugins-check protocol-check example-check slurm-check growth-curves pilot-check

deps:
	@bash scripts/install-deps.sh

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

# The main job: the quick-start scenario on the committed default corpus, in release mode.
# Results go to results/quickstart/ (replaced on every `make run`).
run: release
	@test -f $(CORPUS)/manifest.json || $(SWIFT) run -c release flywheel corpus generate --profile marketplace --out $(CORPUS)
	$(SWIFT) run -c release flywheel run scenarios/quickstart.yaml --force

# The house style check (swift-format, a few seconds), the test suite, then the fast validity
# controls (zero-skill, shuffled, silent, oracle and the noise family on corpora/ci-small; about a
# minute after the release build).
test: deps
	bash scripts/format.sh --check
	$(SWIFT) test
	$(MAKE) validity-quick

# The validity controls (docs/validity.md) through `flywheel check`: exit 1 when a control fails.
validity-quick: release
	$(SWIFT) run -c release flywheel check scenarios/validity/controls-ci-small.yaml --out results/validity --force

validity: release
	$(SWIFT) run -c release flywheel check scenarios/validity/controls-ci-small.yaml scenarios/validity/controls-marketplace.yaml scenarios/validity/signals-marketplace.yaml --out results/validity --force
	$(MAKE) validity-real

# The real-data suite (docs/validity-real.md): imports $FLYWHEEL_DATASETS into /tmp/flywheel-real
# (skipping, with a message, datasets that are absent) and reports each requirement.
validity-real: release
	bash scripts/validity-real.sh

# swift-format with the house style in .swift-format (4 spaces, 120 columns): `format` rewrites
# the Swift files in place; `format-check` formats a copy and exits 1 naming every file that
# would change (scripts/format.sh).
format:
	bash scripts/format.sh

format-check:
	bash scripts/format.sh --check

# libFuzzer campaigns on the readers (docs/reliability.md, "Fuzzing"): JSON lines, corpus
# folders, scenario and persona YAML, BEIR and TREC files, FUZZ_SECONDS each (default 600).
# Not part of `make test`. Findings go to .build-fuzz/findings/; exit 1 if any.
fuzz: deps
	bash scripts/fuzz.sh

# The reports in a real browser (scripts/report-check.sh): installs Debian's chromium if absent,
# renders a run, a sweep's heat maps and a two-run comparison headless at two widths, and fails on
# console messages, blank pages or charts missing from the layout. Not part of `make test`.
# UPDATE_IMAGES=1 also copies the screenshots to docs/img/.
report-check: release
	bash scripts/report-check.sh

# Qrels exported from a run's annotation log, evaluated with pytrec_eval in .venv-pytrec/
# (docs/annotations.md). Needs Python 3 and PyPI once; not part of `make test`.
eval-qrels: release
	bash scripts/eval-qrels.sh

# A real LLM (docs/llm.md): SmolLM2-135M served by llama-cpp-python on loopback (the first run
# builds .venv-llm, ~10 minutes), scenarios/examples/llm-generator.yaml recorded into its committed
# cache and replayed offline. Not part of `make test`, which replays the committed cache.
llm-check: release
	bash scripts/llm-check.sh

# The reference plugins (plugins/README.md) in .venv-plugins, from their pinned requirements.
plugins:
	bash scripts/install-plugins.sh

# The bm25s plugin against the builtin BM25 on corpora/ci-small (the equivalence test) and the
# dense plugin's tests (DenseRetrieverTests: minutes, it embeds tickets on the CPU), which
# `make test` skips while .venv-plugins is absent; then python's jsonschema on a recorded session.
plugins-check: plugins
	$(SWIFT) test --filter ProcessStagesTests
	$(MAKE) protocol-check

# Every line Flywheel wrote to the bm25s plugin in a short run, validated with python's
# jsonschema against docs/protocol/*.schema.json (the Swift-side check is ProtocolSchemaTests).
protocol-check: release
	bash scripts/protocol-check.sh

# The paper's pilot (docs/calibration.md): aitl vs frozen on the marketplace corpus, 10
# replicates on a seed the fit never saw, judged against the paper's four lifts ± 25%. Minutes of
# CPU: not part of `make test`.
pilot-check: release
	$(SWIFT) run -c release flywheel check scenarios/paper/pilot.yaml --out results/pilot --junit results/pilot-junit.xml

# The Swift-package example (Examples/CustomRetriever): builds it against this checkout and
# runs it on corpora/ci-small.
example-check:
	bash scripts/example-check.sh

# A sweep on a real single-node Slurm cluster (installs Debian's slurm-wlm when missing; needs
# root): 4 array tasks over --shard, merged, compared byte for byte with one process
# (docs/distributed.md). Slow and needs root: not part of `make test`.
slurm-check: release
	bash scripts/slurm-check.sh

# Growth curves (BENCHMARKS.md, "Growth curves"): one arm on generated corpora of 40k-500k tickets
# and 1.5k-20k articles (under /tmp/flywheel-growth), tickets served per CPU second and peak RSS;
# writes the table and docs/img/growth-curves.svg. About 15 CPU-minutes: not part of `make test`.
growth-curves: release
	python3 scripts/growth-curves.py --write-docs

clean:
	rm -rf .build
