# Slant — the two commands are `make demo` and `make test`.
SWIFT ?= swift
BIN := .build/debug/slant
RELEASE_BIN := .build/release/slant

.PHONY: demo test build release bench eval deps clean

# Installs what the build needs (the system SQLite headers) when missing.
deps:
	@if ! [ -f /usr/include/sqlite3.h ]; then \
		echo "Installing libsqlite3-dev (needed by the annotation store)..."; \
		if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq libsqlite3-dev; \
		else sudo apt-get update -qq && sudo apt-get install -y -qq libsqlite3-dev; fi; \
	fi

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

# The main job on the bundled examples: score every article.
demo: build
	$(BIN) rubric check
	$(BIN) score Examples/

test: deps
	$(SWIFT) build
	$(SWIFT) test

bench: release
	$(SWIFT) build -c release --product slant-bench
	.build/release/slant-bench

eval: build
	@echo "make eval: filled by the evaluation issue"

clean:
	rm -rf .build
