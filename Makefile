# The two commands a new user needs: `make run` and `make test` (see README.md).
SWIFT ?= swift
CORPUS ?= corpora/marketplace

.PHONY: run test deps build release clean

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

test: deps
	$(SWIFT) test

clean:
	rm -rf .build
