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

# The main job on the committed default corpus. Until the engine lands it generates the
# default corpus when absent and inspects it.
run: release
	@test -f $(CORPUS)/manifest.json || $(SWIFT) run -c release flywheel corpus generate --profile marketplace --out $(CORPUS)
	$(SWIFT) run -c release flywheel corpus inspect $(CORPUS)

test: deps
	$(SWIFT) test

clean:
	rm -rf .build
