#!/usr/bin/env bash
# Ctrl-C during a sweep: exit code 130 and no output file, not even a partial one.
set -u
samverkan=$1
out=$(mktemp -d)/sweep.csv
timeout --preserve-status -s INT 1 "$samverkan" sweep snowstorm --vary activation.directing=0h..24h:1h --runs 100000 -o "$out" 2>/dev/null
code=$?
if [ "$code" -ne 130 ]; then echo "exit code $code, expected 130" >&2; exit 1; fi
if [ -e "$out" ]; then echo "an interrupted sweep left $out" >&2; exit 1; fi
if ls "$(dirname "$out")" | grep -q .; then echo "an interrupted sweep left a temporary file" >&2; exit 1; fi
echo "interrupted sweep: exit 130, nothing written"
