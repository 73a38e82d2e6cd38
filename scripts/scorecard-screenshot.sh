#!/usr/bin/env bash
# Renders the HTML scorecard of Examples/opinion-column.md (with the reviewed notes of
# Annotations/examples.jsonl, in a throwaway store), screenshots it in headless
# Chromium at 1200x1600 and checks that every family's highlight is visible
# (scripts/check-scorecard-png.py). Used by `make scorecard-screenshot` (which saves
# docs/scorecard.png for the README) and by the test suite.
#
# Usage: scripts/scorecard-screenshot.sh [SLANT_BINARY] [OUT.png]
# Exit status: 0 checked, 1 a highlight is not visible, 2 an error, 3 no chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${1:-.build/debug/slant}
OUT=${2:-docs/scorecard.png}
ARTICLE=Examples/opinion-column.md

CHROMIUM=${CHROMIUM:-$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)}
if [ -z "$CHROMIUM" ]; then
    echo "scorecard-screenshot: chromium is not installed (make deps installs it)" >&2
    exit 3
fi
command -v python3 >/dev/null 2>&1 || { echo "scorecard-screenshot: python3 is needed for the check" >&2; exit 2; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$BIN" score --save --db "$tmp/notes.sqlite" "$ARTICLE" >/dev/null 2>"$tmp/score.err" || { cat "$tmp/score.err" >&2; exit 2; }
"$BIN" import --db "$tmp/notes.sqlite" Annotations/examples.jsonl >/dev/null
"$BIN" scorecard "$ARTICLE" --db "$tmp/notes.sqlite" --format html --out "$tmp/scorecard.html"

# Chromium writes its own chatter (D-Bus, GPU) on stderr; keep it for failures only.
if ! timeout 120 "$CHROMIUM" --headless --no-sandbox --disable-gpu --hide-scrollbars --force-color-profile=srgb \
        --user-data-dir="$tmp/profile" --screenshot="$tmp/scorecard.png" --window-size=1200,1600 \
        "file://$tmp/scorecard.html" >"$tmp/chromium.log" 2>&1 || [ ! -s "$tmp/scorecard.png" ]; then
    echo "scorecard-screenshot: chromium did not write a screenshot:" >&2
    tail -5 "$tmp/chromium.log" >&2
    exit 2
fi
python3 scripts/check-scorecard-png.py "$tmp/scorecard.png" "$tmp/scorecard.html"
mkdir -p "$(dirname "$OUT")"
cp "$tmp/scorecard.png" "$OUT"
echo "scorecard-screenshot: saved $OUT"
