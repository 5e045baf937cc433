# The two commands a new user needs: `make run` and `make test` (see README.md).
SWIFT ?= swift
CORPUS ?= corpora/marketplace

.PHONY: run test deps build release clean validity validity-quick validity-real slurm-check

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

# The test suite, then the fast validity controls (zero-skill, shuffled, silent, oracle and the
# noise family on corpora/ci-small; about a minute after the release build).
test: deps
	$(SWIFT) test
	$(MAKE) validity-quick

# The validity controls (docs/validity.md) through `flywheel check`: exit 1 when a control fails.
validity-quick: release
	$(SWIFT) run -c release flywheel check scenarios/validity/controls-ci-small.yaml --out results/validity --force

validity: release
	$(SWIFT) run -c release flywheel check scenarios/validity/controls-ci-small.yaml scenarios/validity/controls-marketplace.yaml --out results/validity --force
	$(MAKE) validity-real

# The real-data suite (docs/validity-real.md): imports ../shared/datasets into /tmp/flywheel-real
# (skipping, with a message, datasets that are absent) and reports each requirement.
validity-real: release
	bash scripts/validity-real.sh

# A sweep on a real single-node Slurm cluster (installs Debian's slurm-wlm when missing; needs
# root): 4 array tasks over --shard, merged, compared byte for byte with one process
# (docs/distributed.md). Slow and needs root: not part of `make test`.
slurm-check: release
	bash scripts/slurm-check.sh

clean:
	rm -rf .build
