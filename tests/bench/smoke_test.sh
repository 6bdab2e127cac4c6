#!/usr/bin/env bash
# smoke_test.sh — CTest's check that run.sh, the benchmark suite's one command, still runs to the end.
#
#   tests/bench/smoke_test.sh BUILD_DIR OUT_DIR
#
# One run of every step on 300 generated articles, no real corpora: the
# figures mean nothing at this size, but every table must be there with
# every row filled, so that a change to newsindex, newssearch or the bench
# programs cannot quietly break the suite (or a column of it) until the next
# full run. Exit 77 (skipped) without run.sh's tools.
set -euo pipefail
BUILD_DIR=$1
OUT=$2

for tool in jq quest xapian-compact; do
  command -v "$tool" >/dev/null || { echo "smoke_test.sh: no $tool: skipped" >&2; exit 77; }
done
[ -x /usr/bin/time ] || { echo "smoke_test.sh: no GNU time: skipped" >&2; exit 77; }

rm -rf "$OUT"
"$(dirname "$0")/run.sh" --build-dir "$BUILD_DIR" --sizes 300 --runs 1 --no-real --repeat 1 --oneshot-runs 3 \
  --out "$OUT" >/dev/null
report=$OUT/report.md

fail() { echo "smoke_test.sh: $*" >&2; exit 1; }
for row in \
  "indexing wall time (s), $(nproc) threads" \
  "indexing wall time (s), 1 thread, 1 shard" \
  "peak RSS (MB), 1 thread, 1 shard" \
  "after compaction (× input)" \
  "\`newssearch --batch --format trec\` (ranked ids) vs bare loop" \
  "with newssearch's default semantics" \
  "date-sorted query p50" \
  "one-shot phrase query, start to exit (ms, median): \`newssearch --format ids\` vs quest" \
  "per article, trained dictionary (counted once)" \
  "Baseline split (s): parse"; do
  grep -qF -- "$row" "$report" || fail "no '$row' in $report"
done
grep -qE '^\| indexing wall time \(s\), 1 thread, [0-9]+ shards \|' "$report" || fail "no row of one thread into the default shards"
# A step that produced nothing shows in a table as an empty cell, null or nan.
if grep -nE '^\|' "$report" | grep -E '\| *\||\b(null|-?nan|inf)\b' >&2; then fail "empty figures in $report"; fi
# The same searches on both sides: with --match all and no stop words, ours
# finds nothing exactly where the bare loop finds nothing.
for out in query-bare query-batch-trec; do [ -s "$OUT/synthetic-300/$out.out" ] || fail "no $out.out"; done
bare=$(jq -r .without_hits "$OUT/synthetic-300/query-bare.out")
ours=$(jq -r .without_hits "$OUT/synthetic-300/query-batch-trec.out")
[ "$bare" = "$ours" ] || fail "queries without hits: bare loop $bare, newssearch --batch $ours"
echo "smoke_test.sh: $report complete"
