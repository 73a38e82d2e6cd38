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

# Accuracy against the labelled corpora in ../shared/eval (skipped when absent).
EVAL_DIR ?= ../shared/eval
eval: release
	@if ls $(EVAL_DIR)/*.jsonl >/dev/null 2>&1; then \
		$(RELEASE_BIN) eval $(EVAL_DIR)/*.jsonl; \
	else \
		echo "make eval: no labelled corpora in $(EVAL_DIR) (see ../shared/eval/README.md); skipped"; \
	fi

clean:
	rm -rf .build
