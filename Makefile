# Slant — the two commands are `make demo` and `make test`.
SWIFT ?= swift
BIN := .build/debug/slant
RELEASE_BIN := .build/release/slant

.PHONY: demo test build release bench eval deps clean scorecard-screenshot

# Installs what the build and tests need when missing: the system SQLite headers (the
# annotation store), tmux (the terminal test of `slant review`) and chromium (the
# screenshot test of the HTML scorecard; if it cannot be installed, that test is skipped).
deps:
	@missing=""; \
	[ -f /usr/include/sqlite3.h ] || missing="$$missing libsqlite3-dev"; \
	command -v tmux >/dev/null 2>&1 || missing="$$missing tmux"; \
	if [ -n "$$missing" ]; then \
		echo "Installing$$missing..."; \
		if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq $$missing; \
		else sudo apt-get update -qq && sudo apt-get install -y -qq $$missing; fi; \
	fi
	@command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || { \
		echo "Installing chromium..."; \
		{ if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium; \
		else sudo apt-get update -qq && sudo apt-get install -y -qq chromium; fi; } \
		|| echo "make deps: chromium could not be installed; the scorecard screenshot test will be skipped"; }

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

# The example articles, and where their committed scorecards go (with the reviewed
# notes of Annotations/examples.jsonl). `slant score Examples/` skips them: a scorecard's
# first line marks it as one.
EXAMPLES := $(sort $(filter-out Examples/README.md,$(wildcard Examples/*.txt Examples/*.md Examples/*.html)))
SCORECARDS := Examples/scorecards

# The main job on the bundled examples: score every article, import the reviewed notes
# and regenerate the committed scorecards.
demo: build
	$(BIN) rubric check
	rm -f .slant/demo.sqlite .slant/demo.sqlite-wal .slant/demo.sqlite-shm
	$(BIN) score --save --db .slant/demo.sqlite Examples/
	$(BIN) import --db .slant/demo.sqlite Annotations/examples.jsonl
	@mkdir -p $(SCORECARDS)
	@for f in $(EXAMPLES); do \
		$(BIN) scorecard --db .slant/demo.sqlite --format markdown --out $(SCORECARDS)/$$(basename $$f).md $$f || exit 1; \
	done; echo "wrote the scorecards of $(EXAMPLES) to $(SCORECARDS)/"
	$(BIN) notes --db .slant/demo.sqlite Examples/opinion-column.md
	$(BIN) agreement --db .slant/demo.sqlite

test: deps
	$(SWIFT) build
	$(SWIFT) test

# Renders Examples/opinion-column.md's HTML scorecard in headless Chromium at 1200x1600,
# checks that every family's highlight is visible and saves docs/scorecard.png (README).
scorecard-screenshot: build
	scripts/scorecard-screenshot.sh $(BIN) docs/scorecard.png

bench: release
	$(SWIFT) build -c release --product slant-bench
	SLANT_BENCH_WRITE=BENCHMARKS.md .build/release/slant-bench

# Accuracy against the labelled corpora in ../shared/eval (skipped when absent), then the
# table of development targets (scripts/eval-table.py).
EVAL_DIR ?= ../shared/eval
eval: release
	@if ls $(EVAL_DIR)/*.jsonl >/dev/null 2>&1; then \
		$(RELEASE_BIN) eval $(EVAL_DIR)/*.jsonl > .build/eval.txt || exit 2; \
		cat .build/eval.txt; echo; echo "Development targets (issue #6):"; \
		python3 scripts/eval-table.py < .build/eval.txt; \
	else \
		echo "make eval: no labelled corpora in $(EVAL_DIR) (see ../shared/eval/README.md); skipped"; \
	fi

clean:
	rm -rf .build

# --- Hardening (issue #7; README "Guarantees") ---
.PHONY: harden fuzz

# Scale checks that need the release build: a 16 MB one-paragraph article, 100,000
# news paragraphs and hostile inputs scored by `.build/release/slant` within memory
# bounds (HardeningScaleTests; skipped in `make test`, which has no release binary).
harden: release
	$(SWIFT) build --build-tests
	SLANT_HARDEN_BINARY=$(CURDIR)/$(RELEASE_BIN) $(SWIFT) test --skip-build --filter HardeningScaleTests

# libFuzzer over the text model, the rubric loader and the engine, FUZZ_SECONDS each
# (Fuzz/run.sh). Not part of CI: run it after changing the text model or the loader.
FUZZ_SECONDS ?= 60
fuzz: deps
	FUZZ_SECONDS=$(FUZZ_SECONDS) SWIFT=$(SWIFT) Fuzz/run.sh
