#!/usr/bin/env bash
# Ctrl-C during a sweep: exit code 130, no output file (not even a partial one), and no rows in the
# history it was to be recorded in.
set -u
samverkan=$1
dir=$(mktemp -d)
out=$dir/sweep.csv
db=$dir/history.sqlite
timeout --preserve-status -s INT 1 "$samverkan" sweep snowstorm --vary activation.directing=0h..24h:1h --runs 100000 -o "$out" --db "$db" 2>/dev/null
code=$?
if [ "$code" -ne 130 ]; then echo "exit code $code, expected 130" >&2; exit 1; fi
if [ -e "$out" ]; then echo "an interrupted sweep left $out" >&2; exit 1; fi
if ls "$dir" | grep -v '^history.sqlite' | grep -q .; then echo "an interrupted sweep left a temporary file: $(ls "$dir")" >&2; exit 1; fi
rows=$("$samverkan" history list --db "$db" --csv | tail -n +2 | wc -l)
if [ "$rows" -ne 0 ]; then echo "an interrupted sweep recorded $rows runs" >&2; exit 1; fi
rm -rf "$dir"
echo "interrupted sweep: exit 130, nothing written, nothing recorded"
