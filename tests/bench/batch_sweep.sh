#!/usr/bin/env bash
# batch_sweep.sh — newsindex's --batch-size (articles per commit) against speed, peak memory and index size.
#
#   tests/bench/batch_sweep.sh [--articles 30000] [--batch-sizes 2500,5000,10000,20000,40000]
#                              [--threads N] [--build-dir build] [--seed 1]
#
# Generates one corpus with generate-corpus, then indexes it into a fresh
# index once per batch size: wall time, articles/s, peak RSS (GNU time) and
# index size as a multiple of the input. Prints one markdown table.
# docs/performance.md keeps the table the default batch size was chosen from.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
ARTICLES=30000
BATCH_SIZES=2500,5000,10000,20000,40000
THREADS=$(nproc)
BUILD_DIR=build
SEED=1
while [ $# -gt 0 ]; do
  case "$1" in
    --articles) ARTICLES=$2; shift 2 ;;
    --batch-sizes) BATCH_SIZES=$2; shift 2 ;;
    --threads) THREADS=$2; shift 2 ;;
    --build-dir) BUILD_DIR=$2; shift 2 ;;
    --seed) SEED=$2; shift 2 ;;
    *) sed -n '3,5p' "$0" | sed 's/^# *//' >&2; exit 2 ;;
  esac
done
case "$BUILD_DIR" in /*) ;; *) BUILD_DIR=$ROOT/$BUILD_DIR ;; esac
[ -x /usr/bin/time ] || { echo "batch_sweep.sh: needs GNU time at /usr/bin/time (Debian: time)" >&2; exit 2; }

[ -f "$BUILD_DIR/CMakeCache.txt" ] || cmake -S "$ROOT" -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$BUILD_DIR" -j "$(nproc)" --target newsindex generate-corpus >/dev/null
WORK=$(mktemp -d "${TMPDIR:-/tmp}/newsarchive-batch-sweep.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

"$BUILD_DIR/generate-corpus" --articles "$ARTICLES" --seed "$SEED" >"$WORK/corpus.jsonl"
input_bytes=$(stat -c %s "$WORK/corpus.jsonl")
echo "$ARTICLES generate-corpus articles (seed $SEED, $((input_bytes / 1000000)) MB), $THREADS writer threads, $(nproc) cores"
echo
echo "| --batch-size | wall (s) | articles/s | peak RSS (MB) | index (× input) |"
echo "| ---: | ---: | ---: | ---: | ---: |"
for batch in ${BATCH_SIZES//,/ }; do
  rm -rf "$WORK/index"
  /usr/bin/time -f '%e %M' -o "$WORK/time" "$BUILD_DIR/indexer/newsindex" --quiet --db "$WORK/index" \
    --threads "$THREADS" --batch-size "$batch" "$WORK/corpus.jsonl"
  read -r wall rss_kb <"$WORK/time"
  index_bytes=$(du -sb "$WORK/index" | cut -f1)
  awk -v b="$batch" -v w="$wall" -v n="$ARTICLES" -v r="$rss_kb" -v i="$index_bytes" -v input="$input_bytes" \
    'BEGIN { printf "| %d | %.1f | %.0f | %.0f | %.2f |\n", b, w, n / w, r / 1024, i / input }'
done
