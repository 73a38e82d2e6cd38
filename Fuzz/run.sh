#!/usr/bin/env bash
# Runs every fuzz target for FUZZ_SECONDS (default 60) each: `make fuzz`.
# Builds this package with libFuzzer and AddressSanitizer, seeds each corpus from the
# project's own files (Examples/, Rubrics/) and the kept regression inputs
# (Fuzz/Regressions/<target>/), and keeps the grown corpora in Fuzz/.build/corpus/
# between runs. A crash, a hang (-timeout) or runaway memory (-rss_limit_mb) stops the
# target and leaves the input in Fuzz/.build/artifacts/; copy it to
# Fuzz/Regressions/<target>/ so `make test` replays it (HardeningFuzzRegressionTests).
set -euo pipefail
cd "$(dirname "$0")"
SECONDS_PER_TARGET="${FUZZ_SECONDS:-60}"
TARGETS="${FUZZ_TARGETS:-text rubric score}"
SWIFT="${SWIFT:-swift}"
export LSAN_OPTIONS="suppressions=$PWD/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"

"$SWIFT" build -c release \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library \
    -Xcc -fsanitize=fuzzer-no-link,address

seed() { # seed DIR PREFIX-BYTE FILE...: each file, prefixed with one selector byte
    local dir=$1 byte=$2; shift 2
    for f in "$@"; do
        [ -f "$f" ] || continue
        { printf "\\x$byte"; head -c 60000 "$f"; } > "$dir/seed-$byte-$(basename "$f")"
    done
}

status=0
for t in $TARGETS; do
    # The engine and the loader run slower per byte: shorter inputs keep thousands of
    # runs a minute (the long pathological regressions are replayed in full by make test).
    case $t in
        text) bin=FuzzText max_len=65536 ;; rubric) bin=FuzzRubric max_len=8192 ;; score) bin=FuzzScore max_len=8192 ;;
        *) echo "unknown fuzz target $t" >&2; exit 2 ;;
    esac
    corpus=.build/corpus/$t seeds=.build/seeds/$t artifacts=.build/artifacts/$t
    rm -rf "$seeds"; mkdir -p "$corpus" "$seeds" "$artifacts"
    case $t in
        text|score)
            seed "$seeds" 00 ../Examples/*.txt
            seed "$seeds" 01 ../Examples/*.md
            seed "$seeds" 02 ../Examples/*.html ;;
        rubric)
            seed "$seeds" 00 ../Rubrics/rules/*.yaml
            seed "$seeds" 01 ../Rubrics/lexicons/*.yaml
            seed "$seeds" 02 ../Rubrics/rubric.yaml ;;
    esac
    cp Regressions/$t/* "$seeds"/ 2>/dev/null || true
    echo "== fuzz $t for ${SECONDS_PER_TARGET}s"
    rc=0
    ".build/release/$bin" -max_total_time="$SECONDS_PER_TARGET" -timeout=20 -rss_limit_mb=4096 -max_len="$max_len" \
        -dict="dict/$t.dict" -artifact_prefix="$artifacts/" -print_final_stats=1 "$corpus" "$seeds" \
        > ".build/fuzz-$t.log" 2>&1 || rc=$?
    grep -E "^#[0-9]+ +(INITED|DONE)|stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb)|ERROR|SUMMARY|Test unit written" ".build/fuzz-$t.log" || true
    if [ "$rc" -ne 0 ]; then
        echo "fuzz $t: FOUND A PROBLEM (exit $rc) — see Fuzz/.build/fuzz-$t.log and Fuzz/$artifacts/" >&2
        status=1
    fi
done
exit $status
