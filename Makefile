# Slant — the two commands are `make demo` and `make test`.
SWIFT ?= swift
BIN := .build/debug/slant
RELEASE_BIN := .build/release/slant

.PHONY: demo test build release bench eval deps clean

# Installs what the build and tests need when missing: the system SQLite headers (the
# annotation store) and tmux (the terminal test of `slant review`).
deps:
	@missing=""; \
	[ -f /usr/include/sqlite3.h ] || missing="$$missing libsqlite3-dev"; \
	command -v tmux >/dev/null 2>&1 || missing="$$missing tmux"; \
	if [ -n "$$missing" ]; then \
		echo "Installing$$missing..."; \
		if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq $$missing; \
		else sudo apt-get update -qq && sudo apt-get install -y -qq $$missing; fi; \
	fi

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

# The main job on the bundled examples: score every article.
demo: build
	$(BIN) rubric check
	rm -f .slant/demo.sqlite .slant/demo.sqlite-wal .slant/demo.sqlite-shm
	$(BIN) score --save --db .slant/demo.sqlite Examples/
	$(BIN) import --db .slant/demo.sqlite Annotations/examples.jsonl
	$(BIN) notes --db .slant/demo.sqlite Examples/opinion-column.md
	$(BIN) agreement --db .slant/demo.sqlite

test: deps
	$(SWIFT) build
	$(SWIFT) test

bench: release
	$(SWIFT) build -c release --product slant-bench
	SLANT_BENCH_WRITE=BENCHMARKS.md .build/release/slant-bench

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
