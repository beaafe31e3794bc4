#!/usr/bin/env bash
# Instructions per event of the hold model (N = 1000 pending events) under callgrind: the
# instructions of a run with 1 100 000 events minus those of a run with 100 000, over the
# 1 000 000 events between them, so set-up, start-up and the random draws are taken out.
# Usage: bench/callgrind.sh [build/release/bench/samverkan_hold]
set -euo pipefail
hold=${1:-build/release/bench/samverkan_hold}
instructions() {
  local out; out=$(mktemp)
  valgrind --tool=callgrind --callgrind-out-file="$out" "$hold" 1000 "$1" > /dev/null 2>&1
  awk '/^summary:/ {print $2}' "$out"
  rm -f "$out"
}
small=$(instructions 100000)
large=$(instructions 1100000)
echo "instructions: $small for 100 000 events, $large for 1 100 000 events"
awk -v a="$small" -v b="$large" 'BEGIN { printf "instructions per event (hold model, N = 1000): %.0f\n", (b - a) / 1000000 }'
