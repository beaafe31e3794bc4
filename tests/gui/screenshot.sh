#!/usr/bin/env bash
# Runs samverkan-gui under Xvfb, writes a screenshot and checks it is not blank.
# Usage: screenshot.sh GUI CHECK OUT.png [gui arguments...]
set -euo pipefail
gui=$1; check=$2; out=$3; shift 3
rm -f "$out"
xvfb-run -a -s "-screen 0 1600x900x24" "$gui" --screenshot "$out" --frames 4 "$@" 2>&1 | grep -v "vertical sync" || true
test -s "$out" || { echo "no screenshot written: $out" >&2; exit 1; }
"$check" "$out" 1600 900 40
