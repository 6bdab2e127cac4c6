#!/usr/bin/env bash
# profile.sh — callgrind instruction counts of newsindex and newssearch against the bare Xapian baselines.
#
#   tests/bench/profile.sh [--build-dir build] [--articles 2000] [--queries 40] [--seed 1] [--out DIR]
#
# Instruction counts do not depend on what else the machine is running, so
# this is the comparison to trust when wall-clock figures are noisy. Under
# valgrind --tool=callgrind, on one generate-corpus slice:
#  - indexing: bench-baseline-index (no stored text), with --data raw (the
#    input line as document data), with --spelling (newsindex's spelling
#    data), and newsindex;
#  - searching newsindex's index with the first --queries queries of the
#    mixed set (each run twice: the untimed pass and one timed):
#    bench-baseline-query --data --check-at-least 1000 and
#    bench-searcher-query (our search library).
# Prints the instructions of each and, per program, the inclusive share of the
# functions that make up the work; the full annotations stay in --out.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD_DIR=build
ARTICLES=2000
QUERIES=40
SEED=1
OUT=${TMPDIR:-/tmp}/newsarchive-profile-$(date +%Y%m%d-%H%M%S)
while [ $# -gt 0 ]; do
  case "$1" in
    --build-dir) BUILD_DIR=$2; shift 2 ;;
    --articles) ARTICLES=$2; shift 2 ;;
    --queries) QUERIES=$2; shift 2 ;;
    --seed) SEED=$2; shift 2 ;;
    --out) OUT=$2; shift 2 ;;
    *) sed -n '3,5p' "$0" | sed 's/^# *//' >&2; exit 2 ;;
  esac
done
case "$BUILD_DIR" in /*) ;; *) BUILD_DIR=$ROOT/$BUILD_DIR ;; esac
command -v valgrind >/dev/null || { echo "profile.sh: needs valgrind (Debian: valgrind)" >&2; exit 2; }
mkdir -p "$OUT"

cmake --build "$BUILD_DIR" -j "${JOBS:-$(nproc)}" --target newsindex generate-corpus bench-baseline-index \
  bench-baseline-query bench-searcher-query bench-make-queries >/dev/null
BENCH=$BUILD_DIR/tests/bench
corpus=$OUT/corpus.jsonl
"$BUILD_DIR/generate-corpus" --articles "$ARTICLES" --seed "$SEED" >"$corpus"

# profile NAME CMD...: callgrind of CMD into $OUT/NAME.callgrind, annotated inclusive and exclusive.
profile() {
  local name=$1; shift
  echo "profile.sh: $name" >&2
  valgrind --tool=callgrind --callgrind-out-file="$OUT/$name.callgrind" "$@" >/dev/null 2>"$OUT/$name.valgrind.log"
  callgrind_annotate --inclusive=yes --threshold=100 "$OUT/$name.callgrind" >"$OUT/$name.inclusive.txt"
  callgrind_annotate "$OUT/$name.callgrind" >"$OUT/$name.self.txt"
}
total() { awk '/PROGRAM TOTALS/ { gsub(",", "", $1); print $1; exit }' "$OUT/$1.inclusive.txt"; }
# share NAME REGEX: inclusive instructions of the first function matching REGEX, as % of the total.
share() {
  awk -v total="$(total "$1")" -v pattern="$2" '
    $0 ~ pattern && $1 ~ /^[0-9,]+$/ { gsub(",", "", $1); printf "%.1f%%", 100 * $1 / total; found = 1; exit }
    END { if (!found) printf "—" }' "$OUT/$1.inclusive.txt"
}
# table UNITS BASE NAME...: instructions of each program, per UNITS, and as a multiple of BASE's.
table() {
  local units=$1 count=$2 base; base=$(total "$3"); shift 2
  echo "| program | instructions | per $units | ÷ $1 |"
  echo "| --- | ---: | ---: | ---: |"
  for name in "$@"; do
    awk -v n="$name" -v t="$(total "$name")" -v c="$count" -v b="$base" \
      'BEGIN { printf "| %s | %.2f G | %.2f M | %.2f |\n", n, t / 1e9, t / c / 1e6, t / b }'
  done
}
# shares NAME... <<<"label|regex" lines: the share table of these programs.
shares() {
  echo "| part | $(printf '%s | ' "$@")"
  echo "| --- |$(printf ' ---: |%.0s' "$@")"
  while IFS='|' read -r label pattern; do
    printf '| %s |' "$label"
    for name in "$@"; do printf ' %s |' "$(share "$name" "$pattern")"; done
    echo
  done
}

rm -rf "$OUT"/*.db
profile baseline "$BENCH/bench-baseline-index" --db "$OUT/baseline.db" "$corpus"
profile baseline-raw "$BENCH/bench-baseline-index" --db "$OUT/baseline-raw.db" --data raw "$corpus"
profile baseline-spelling "$BENCH/bench-baseline-index" --db "$OUT/baseline-spelling.db" --spelling "$corpus"
profile newsindex "$BUILD_DIR/indexer/newsindex" --db "$OUT/newsindex.db" "$corpus"
rm -rf "$OUT"/baseline*.db

"$BENCH/bench-make-queries" --seed "$SEED" "$corpus" | awk -F'\t' '$1 != "sorted" { print $2 }' |
  head -n "$QUERIES" >"$OUT/queries.txt"
profile query-baseline "$BENCH/bench-baseline-query" --db "$OUT/newsindex.db" --queries "$OUT/queries.txt" \
  --repeat 1 --data --check-at-least 1000
profile query-library "$BENCH/bench-searcher-query" --db "$OUT/newsindex.db" --queries "$OUT/queries.txt" --repeat 1
rm -rf "$OUT/newsindex.db"

echo
echo "## Indexing $ARTICLES articles ($(stat -c %s "$corpus") bytes, generate-corpus seed $SEED)"
echo
table article "$ARTICLES" baseline baseline-raw baseline-spelling newsindex
echo
echo "Inclusive share of each program's instructions:"
echo
shares baseline baseline-raw baseline-spelling newsindex <<'EOF'
TermGenerator::index_text|Xapian::TermGenerator::index_text[[(]
… Snowball stemmer|Xapian::Stem::operator\(\)
WritableDatabase::replace_document|Xapian::WritableDatabase::replace_document[[(]
WritableDatabase::commit|Xapian::WritableDatabase::commit[[(]
zlib deflate (Glass compressing tags)|[^_]deflate \[
zlib deflateReset (once per compressed tag)|deflateReset \[
WritableDatabase::add_spelling|Xapian::WritableDatabase::add_spelling[[(]
JSON parsing (nlohmann)|nlohmann.*basic_json<.*::parse<
newsindex: DocumentBuilder::build|newsarchive::DocumentBuilder::build[[(]
newsindex: our store, encode_stored_article|newsarchive::encode_stored_article[[(]
newsindex: … zstd|ZSTD_compress2
newsindex: ShardWriter::write (look-up, replace)|newsarchive::ShardWriter::write[[(]
spelling data, update_spelling (both)|newsarchive::update_spelling[[(]
newsindex: text cleaning, clean_text|newsarchive::clean_text[[(]
EOF
echo
echo "## Searching: $QUERIES mixed queries, each run twice, on newsindex's index"
echo
table query "$((2 * QUERIES))" query-baseline query-library
echo
shares query-baseline query-library <<'EOF'
QueryParser::parse_query|Xapian::QueryParser::parse_query[[(]
… spelling suggestion|Xapian::Database::get_spelling_suggestion[[(]
Enquire::get_mset|Xapian::Enquire::get_mset[[(]
Document::get_data|Xapian::Document::get_data[[(]
our store, decode_stored_article|newsarchive::decode_stored_article[[(]
MSet::snippet|Xapian::MSet::snippet[[(]
EOF
echo
echo "profile.sh: annotations in $OUT" >&2
