#!/usr/bin/env bash
# run.sh — the benchmark suite in one command: newsarchive against bare Xapian, measured in the same run.
#
#   tests/bench/run.sh [--sizes 10000,100000] [--build-dir build] [--out DIR] [--work DIR] [--seed 1]
#                      [--runs 3] [--large-runs 1] [--repeat 5] [--oneshot-runs 30] [--corpora DIR]
#                      [--no-real] [--keep]
#
# For each size, and then for each real corpus present in --corpora (default:
# ../shared/corpora beside the repository; HuffPost and BBC, converted to the
# same JSON lines first):
#  1. generate-corpus writes the corpus (synthetic sizes only);
#  2. bench-baseline-index (one writer, the engine's limit) and newsindex
#     with one writer thread into one shard (single-threaded, as on a
#     one-core machine, where one shard is the default), one writer thread
#     into one shard per core (the default index here) and one writer
#     thread per core index the same file:
#     wall time, articles/s, MB/s of input, peak RSS (GNU time). The
#     baseline, one writer, commits by newsindex's default rule for one
#     writer thread (5 MB of title and body text or 10,000 articles,
#     whichever comes first): the commit interval changes Xapian's speed by
#     a fifth, and each writer must get the same;
#  3. both indexes on disk, total, positions and stored text (docdata.glass,
#     summed over shards), as a fraction of the input, before and after
#     compaction (xapian-compact for the baseline, newsindex --compact for
#     ours, which the query figures then use); bench-store-sizes sizes the
#     store five ways against one zstd -3 stream of the input;
#  4. bench-make-queries draws a mixed query set from the corpus; on
#     newsindex's index, bench-baseline-query (bare Xapian loop) against
#     `newssearch --batch` (when newssearch has it) and bench-searcher-query
#     (our search library in the same loop): latency p50 / p95 / p99; and the
#     bare loop once more as a co-process (--serve) behind the same pipe as
#     `newssearch --batch`, so that the pipe round trip is on both sides.
#     Ours runs with the bare loop's query semantics (SAME_QUERIES below:
#     all words required, no stop words); newssearch's defaults (OR when
#     AND finds nothing, English stop words) run other searches, and get a
#     row of their own;
#  5. a one-shot `newssearch` (the same semantics) against `quest -o and`
#     on the same word and phrase, process start to exit (hyperfine when
#     installed, else a timed loop).
# Steps 2 and 4 run --runs times, interleaved (baseline, ours, baseline,
# ours...), on corpora of up to 20,000 articles, --large-runs times on
# larger ones, and each figure is the median over the runs: wall time on a
# shared machine moves by 10-15% between runs, more than some of the gaps
# measured.
# Prints one markdown table per corpus (ours, baseline, ours ÷ baseline);
# the tables and every raw figure are kept in --out. docs/performance.md
# explains the figures and how long a run takes.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
SIZES=10000,100000
BUILD_DIR=build
OUT=${TMPDIR:-/tmp}/newsarchive-bench-$(date +%Y%m%d-%H%M%S)
WORK=
SEED=1
REPEAT=5
RUNS=3
LARGE_RUNS=1
ONESHOT_RUNS=30
REAL=yes
KEEP=no
CORPORA=$ROOT/../shared/corpora
# newsindex's default commit rule for one writer thread (indexer/indexer.h).
COMMIT=(--commit-articles 10000 --commit-bytes $((5 * 1024 * 1024)))
# newssearch options giving the bare loop's query semantics (bench-baseline-query).
SAME_QUERIES=(--match all --stopwords none)

usage() {
  sed -n '3,6p' "$0" | sed 's/^# *//' >&2
  exit 2
}

while [ $# -gt 0 ]; do
  case "$1" in
    --sizes) SIZES=$2; shift 2 ;;
    --build-dir) BUILD_DIR=$2; shift 2 ;;
    --out) OUT=$2; shift 2 ;;
    --work) WORK=$2; shift 2 ;;
    --seed) SEED=$2; shift 2 ;;
    --repeat) REPEAT=$2; shift 2 ;;
    --runs) RUNS=$2; shift 2 ;;
    --large-runs) LARGE_RUNS=$2; shift 2 ;;
    --oneshot-runs) ONESHOT_RUNS=$2; shift 2 ;;
    --corpora) CORPORA=$2; shift 2 ;;
    --no-real) REAL=no; shift ;;
    --keep) KEEP=yes; shift ;;
    -h|--help) usage ;;
    *) echo "run.sh: unknown argument '$1'" >&2; usage ;;
  esac
done
case "$BUILD_DIR" in /*) ;; *) BUILD_DIR=$ROOT/$BUILD_DIR ;; esac

for tool in jq xapian-compact quest cmake; do
  command -v "$tool" >/dev/null || { echo "run.sh: needs $tool (Debian: jq, xapian-tools, cmake)" >&2; exit 2; }
done
[ -x /usr/bin/time ] || { echo "run.sh: needs GNU time at /usr/bin/time (Debian: time)" >&2; exit 2; }

mkdir -p "$OUT"
if [ -z "$WORK" ]; then WORK=$(mktemp -d "${TMPDIR:-/tmp}/newsarchive-bench-work.XXXXXX"); fi
mkdir -p "$WORK"
[ "$KEEP" = yes ] || trap 'rm -rf "$WORK"' EXIT
REPORT=$OUT/report.md
log() { echo "run.sh: $*" >&2; }

# --- build -------------------------------------------------------------------
log "building in $BUILD_DIR"
[ -f "$BUILD_DIR/CMakeCache.txt" ] || cmake -S "$ROOT" -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake -S "$ROOT" -B "$BUILD_DIR" -DNEWSARCHIVE_BENCH=ON >/dev/null
cmake --build "$BUILD_DIR" -j "${JOBS:-$(nproc)}" --target newsindex newssearch generate-corpus \
  bench-baseline-index bench-baseline-query bench-searcher-query bench-batch-latency bench-make-queries >/dev/null
NEWSINDEX=$BUILD_DIR/indexer/newsindex
NEWSSEARCH=$BUILD_DIR/searcher/newssearch
BENCH=$BUILD_DIR/tests/bench
GENERATE=$BUILD_DIR/generate-corpus
# Not `--help | grep -q`: grep stops reading early, and pipefail then fails the test.
SEARCH_HELP=$("$NEWSSEARCH" --help)
HAS_BATCH=no; [[ $SEARCH_HELP == *--batch* ]] && HAS_BATCH=yes
HAS_SORT=no; [[ $SEARCH_HELP == *--sort* ]] && HAS_SORT=yes

# --- helpers -----------------------------------------------------------------
# timed NAME CMD...: runs CMD with stdout and stderr in $DIR/NAME.{out,err};
# $DIR/NAME.time holds "wall_seconds peak_rss_kb user_seconds system_seconds".
timed() {
  local name=$1; shift
  /usr/bin/time -f '%e %M %U %S' -o "$DIR/$name.time" "$@" >"$DIR/$name.out" 2>"$DIR/$name.err" || {
    log "$name failed:"; tail -5 "$DIR/$name.err" >&2; return 1; }
}
# median_of_runs NAME...: NAME.time (and NAME.out, when it is JSON) from
# NAME.r1 ... NAME.r$RUNS_HERE: the median of each figure over the runs (the
# lower middle one of an even count). Listed by number, not by a glob, so
# that r10 sorts after r9 and files of an earlier run with more runs into
# the same --out are left out.
median_of_runs() {
  local name runs r
  for name in "$@"; do
    runs=()
    for ((r = 1; r <= RUNS_HERE; r++)); do runs+=("$DIR/$name.r$r.time"); done
    for col in 1 2 3 4; do
      cut -d' ' -f"$col" "${runs[@]}" | sort -g | awk '{ v[NR] = $1 } END { printf "%s ", v[int((NR + 1) / 2)] }'
    done | sed 's/ $/\n/' >"$DIR/$name.time"
    if [ -s "${runs[0]%.time}.out" ] && jq -e "type == \"object\"" "${runs[0]%.time}.out" >/dev/null 2>&1; then
      jq -s 'def median: sort | .[(length - 1) / 2 | floor];
             . as $runs | $runs[0] | with_entries(.key as $k
               | .value = (if (.value | type) == "number" then [$runs[][$k]] | median else .value end))' \
        "${runs[@]/%.time/.out}" >"$DIR/$name.out"
    else
      cp "${runs[-1]%.time}.out" "$DIR/$name.out"
    fi
  done
}
wall() { cut -d' ' -f1 "$DIR/$1.time"; }
cpu() { awk '{ printf "%.1f", $3 + $4 }' "$DIR/$1.time"; }
rss_mb() { awk '{printf "%.0f", $2 / 1024}' "$DIR/$1.time"; }
bytes() { [ -e "$1" ] && stat -c %s "$1" || echo 0; }

# sum_of NAME DB: bytes of every table file NAME under DB (one per shard).
sum_of() { find "$2" -name "$1" -printf '%s\n' | awk '{ s += $1 } END { print s + 0 }'; }
# disk_usage DB NAME: $DIR/NAME.disk holds "total positions docdata" in bytes.
disk_usage() {
  echo "$(du -sb "$1" | cut -f1) $(sum_of position.glass "$1") $(sum_of docdata.glass "$1")" >"$DIR/$2.disk"
}
# compacted DB NAME: disk usage (NAME-compact) and time of xapian-compact, then the copy is removed.
compacted() {
  rm -rf "$1.compact"
  timed "$2-compact" xapian-compact "$1" "$1.compact"
  disk_usage "$1.compact" "$2-compact"
  rm -rf "$1.compact"
}
field() { cut -d' ' -f"$2" "$DIR/$1.disk"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else printf "—" }'; }
of_input() { awk -v a="$1" -v b="$INPUT_BYTES" 'BEGIN { printf "%.2f", a / b }'; }
per_second() { awk -v n="$1" -v s="$2" 'BEGIN { printf "%.0f", n / s }'; }
mb_per_second() { awk -v n="$1" -v s="$2" 'BEGIN { printf "%.2f", n / s / 1e6 }'; }
percentiles() { jq -r '"\(.p50_ms|.*100|round/100) / \(.p95_ms|.*100|round/100) / \(.p99_ms|.*100|round/100)"' "$DIR/$1.out"; }
p() { jq -r ".p$2_ms" "$DIR/$1.out"; }
latency_ratio() { echo "p50 $(ratio "$(p "$1" 50)" "$(p "$2" 50)"), p99 $(ratio "$(p "$1" 99)" "$(p "$2" 99)")"; }

# oneshot NAME QUERY [FORMAT]: median milliseconds of `newssearch` and `quest` on QUERY, process start to exit,
# into $DIR/NAME.oneshot as "ours quest".
oneshot() {
  local name=$1 query=$2 db=$DIR/ours FORMAT=${3:-json}
  local ours=("$NEWSSEARCH" --db "$db" -n 10 --format "$FORMAT" "${SAME_QUERIES[@]}" "$query")
  local theirs=(quest -d "$db" -m 10 -o and -f default,wildcard,pure_not -p title:S -p author:A -p source:XSOURCE "$query")
  # Timing a command that fails would time its error message: both must work
  # (newssearch exits 1 when nothing matches, so failures are ignored below).
  local status=0
  "${ours[@]}" >/dev/null || status=$?
  [ "$status" -le 1 ] || { log "newssearch failed on $query"; return 1; }
  "${theirs[@]}" >/dev/null || { log "quest failed on $query"; return 1; }
  if command -v hyperfine >/dev/null; then
    hyperfine -N --warmup 3 --runs "$ONESHOT_RUNS" -i --export-json "$DIR/$name.hyperfine.json" \
      "$(printf '%q ' "${ours[@]}")" "$(printf '%q ' "${theirs[@]}")" >"$DIR/$name.hyperfine.txt" 2>&1
    jq -r '[.results[].median * 1000] | "\(.[0]) \(.[1])"' "$DIR/$name.hyperfine.json" >"$DIR/$name.oneshot"
  else
    # Interleaved, so a change in the machine's load hits both sides alike.
    local a=() b=() start i
    for ((i = 0; i < ONESHOT_RUNS + 3; i++)); do
      start=$EPOCHREALTIME; "${ours[@]}" >/dev/null 2>&1 || true; a+=("$(awk -v s="$start" -v e="$EPOCHREALTIME" 'BEGIN { print (e - s) * 1000 }')")
      start=$EPOCHREALTIME; "${theirs[@]}" >/dev/null 2>&1 || true; b+=("$(awk -v s="$start" -v e="$EPOCHREALTIME" 'BEGIN { print (e - s) * 1000 }')")
    done
    echo "$(median_after_warmup "${a[@]}") $(median_after_warmup "${b[@]}")" >"$DIR/$name.oneshot"
  fi
}
# median_after_warmup V...: the median of the values after the first three.
median_after_warmup() { printf '%s\n' "${@:4}" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
ms() { awk -v v="$1" 'BEGIN { printf "%.1f", v }'; }

# store_table: the store's sizes (bench-store-sizes) against one zstd -3 stream of the input.
store_table() {
  local f=$DIR/store-sizes.out
  local limit; limit=$(jq -r .whole_input_zstd3_bytes "$f")
  row() { echo "| $1 | $(awk -v b="$2" 'BEGIN { printf "%.2f", b / 1e6 }') | $(of_input "$2") | $(ratio "$2" "$limit") |"; }
  echo
  echo "Store of $(jq -r .articles "$f") articles (sizes in MB; ratio: to the whole input as one zstd -3 stream):"
  echo
  echo "| store | MB | × input | ratio |"
  echo "| --- | ---: | ---: | ---: |"
  row "per article, no dictionary" "$(jq -r .per_article_bytes "$f")"
  row "per article, trained dictionary (counted once), as newsindex stores" "$(jq -r .per_article_with_dictionary_bytes "$f")"
  row "blocks of $(jq -r .block "$f") articles, zstd -3" "$(jq -r .blocks_bytes "$f")"
  row "blocks of $(jq -r .block "$f") articles with the dictionary (counted once)" "$(jq -r .blocks_with_dictionary_bytes "$f")"
  row "all stored articles as one zstd -3 stream" "$(jq -r .whole_stream_bytes "$f")"
  row "the input file as one zstd -3 stream (the limit)" "$limit"
  echo
  echo "Decompressing one article with the dictionary: p50 $(jq -r '.decode_p50_ms|.*1000|round/1000' "$f") ms, p99 $(jq -r '.decode_p99_ms|.*1000|round/1000' "$f") ms, max $(jq -r '.decode_max_ms|.*1000|round/1000' "$f") ms. One block with the dictionary: p50 $(jq -r '.block_decode_p50_ms|.*1000|round/1000' "$f") ms, p99 $(jq -r '.block_decode_p99_ms|.*1000|round/1000' "$f") ms."
  echo
}

# --- one corpus --------------------------------------------------------------
# bench_corpus LABEL FILE: everything above for one JSON-lines corpus; appends its table to the report.
bench_corpus() {
  local label=$1 corpus=$2
  DIR=$OUT/$label
  mkdir -p "$DIR"
  INPUT_BYTES=$(bytes "$corpus")
  local articles; articles=$(wc -l <"$corpus")
  local load; load=$(cut -d' ' -f1-3 /proc/loadavg)
  log "$label: $articles articles, $INPUT_BYTES bytes (load average $load)"

  RUNS_HERE=$RUNS; [ "$articles" -le 20000 ] || RUNS_HERE=$LARGE_RUNS
  local r
  for ((r = 1; r <= RUNS_HERE; r++)); do
    log "$label: baseline indexer (run $r of $RUNS_HERE)"
    rm -rf "$DIR/baseline"
    timed baseline-index.r$r "$BENCH/bench-baseline-index" "${COMMIT[@]}" --db "$DIR/baseline" "$corpus"
    if [ "$r" = "$RUNS_HERE" ]; then
      disk_usage "$DIR/baseline" baseline
      compacted "$DIR/baseline" baseline
    fi
    rm -rf "$DIR/baseline"
    # The same loop paying for what newsindex adds to a document: spelling
    # data and stored data (the input line, as it is): what is left between
    # it and newsindex is our reading, cleaning and store.
    log "$label: baseline indexer with spelling data and stored lines"
    timed baseline-index-features.r$r "$BENCH/bench-baseline-index" "${COMMIT[@]}" --spelling --data raw \
      --db "$DIR/baseline" "$corpus"
    rm -rf "$DIR/baseline"

    log "$label: newsindex, one writer thread, one shard"
    rm -rf "$DIR/ours-1"
    timed ours-index-1-shard.r$r "$NEWSINDEX" --threads 1 --shards 1 --db "$DIR/ours-1" "$corpus"
    rm -rf "$DIR/ours-1"
    log "$label: newsindex, one writer thread, the default shards"
    timed ours-index-1.r$r "$NEWSINDEX" --threads 1 --db "$DIR/ours-1" "$corpus"
    rm -rf "$DIR/ours-1"
    log "$label: newsindex, $(nproc) writer threads"
    rm -rf "$DIR/ours"
    timed ours-index.r$r "$NEWSINDEX" --db "$DIR/ours" "$corpus"
  done
  median_of_runs baseline-index baseline-index-features ours-index-1-shard ours-index-1 ours-index
  # The default shard count (one per core, up to a limit: indexer/), as the index has it.
  local shards; shards=$(find "$DIR/ours" -mindepth 1 -maxdepth 1 -type d -name 'shard-*' | wc -l)
  disk_usage "$DIR/ours" ours
  timed ours-compact "$NEWSINDEX" --db "$DIR/ours" --compact
  disk_usage "$DIR/ours" ours-compact
  timed store-sizes "$BENCH/bench-store-sizes" "$corpus"

  log "$label: queries"
  "$BENCH/bench-make-queries" --seed "$SEED" "$corpus" >"$DIR/queries.tsv"
  awk -F'\t' '$1 != "sorted" { print $2 }' "$DIR/queries.tsv" >"$DIR/queries-mixed.txt"
  awk -F'\t' '$1 == "sorted" { print $2 }' "$DIR/queries.tsv" >"$DIR/queries-sorted.txt"
  local q=(--db "$DIR/ours" --repeat "$REPEAT") latency=(query-bare query-bare-data query-bare-sorted query-library)
  [ "$HAS_BATCH" = no ] || latency+=(query-batch query-batch-trec query-batch-trec-defaults query-bare-serve)
  [ "$HAS_BATCH$HAS_SORT" != yesyes ] || latency+=(query-batch-sorted query-bare-serve-sorted)
  for ((r = 1; r <= RUNS_HERE; r++)); do
    timed query-bare.r$r "$BENCH/bench-baseline-query" "${q[@]}" --queries "$DIR/queries-mixed.txt"
    timed query-bare-data.r$r "$BENCH/bench-baseline-query" "${q[@]}" --queries "$DIR/queries-mixed.txt" \
      --data --check-at-least 1000
    timed query-bare-sorted.r$r "$BENCH/bench-baseline-query" "${q[@]}" --queries "$DIR/queries-sorted.txt" --sort-date
    timed query-library.r$r "$BENCH/bench-searcher-query" "${q[@]}" --queries "$DIR/queries-mixed.txt" "${SAME_QUERIES[@]}"
    if [ "$HAS_BATCH" = yes ]; then
      timed query-batch.r$r "$BENCH/bench-batch-latency" --queries "$DIR/queries-mixed.txt" --repeat "$REPEAT" -- \
        "$NEWSSEARCH" --db "$DIR/ours" --batch "${SAME_QUERIES[@]}"
      timed query-batch-trec.r$r "$BENCH/bench-batch-latency" --queries "$DIR/queries-mixed.txt" --repeat "$REPEAT" \
        --trec -- "$NEWSSEARCH" --db "$DIR/ours" --batch --format trec "${SAME_QUERIES[@]}"
      timed query-batch-trec-defaults.r$r "$BENCH/bench-batch-latency" --queries "$DIR/queries-mixed.txt" \
        --repeat "$REPEAT" --trec -- "$NEWSSEARCH" --db "$DIR/ours" --batch --format trec
      timed query-bare-serve.r$r "$BENCH/bench-batch-latency" --queries "$DIR/queries-mixed.txt" --repeat "$REPEAT" \
        --trec -- "$BENCH/bench-baseline-query" --db "$DIR/ours" --serve
      if [ "$HAS_SORT" = yes ]; then
        timed query-batch-sorted.r$r "$BENCH/bench-batch-latency" --queries "$DIR/queries-sorted.txt" \
          --repeat "$REPEAT" --trec -- "$NEWSSEARCH" --db "$DIR/ours" --batch --sort date --format trec "${SAME_QUERIES[@]}"
        timed query-bare-serve-sorted.r$r "$BENCH/bench-batch-latency" --queries "$DIR/queries-sorted.txt" \
          --repeat "$REPEAT" --trec -- "$BENCH/bench-baseline-query" --db "$DIR/ours" --serve --sort-date
      fi
    fi
  done
  median_of_runs "${latency[@]}"

  log "$label: one-shot newssearch and quest"
  oneshot oneshot-word "$(awk -F'\t' '$1 == "word" { print $2; exit }' "$DIR/queries.tsv")"
  oneshot oneshot-phrase "$(awk -F'\t' '$1 == "phrase" { print $2; exit }' "$DIR/queries.tsv")"
  oneshot oneshot-word-ids "$(awk -F'\t' '$1 == "word" { print $2; exit }' "$DIR/queries.tsv")" ids
  oneshot oneshot-phrase-ids "$(awk -F'\t' '$1 == "phrase" { print $2; exit }' "$DIR/queries.tsv")" ids
  [ "$KEEP" = yes ] || rm -rf "$DIR/ours"

  local bw ow o1w o1s; bw=$(wall baseline-index); ow=$(wall ours-index); o1w=$(wall ours-index-1)
  o1s=$(wall ours-index-1-shard)
  local bt=$(field baseline 1) ot=$(field ours 1) bc=$(field baseline-compact 1) oc=$(field ours-compact 1)
  {
    echo
    echo "### $label: $(printf "%'d" "$articles") articles, $(awk -v b="$INPUT_BYTES" 'BEGIN { printf "%.1f", b / 1e6 }') MB"
    echo
    echo "Load average at the start: $load. Ratios are ours ÷ baseline. Each writer commits every 5 MB of text or 10000 articles."
    echo "Indexing and query figures: the median of $RUNS_HERE interleaved run(s)."
    echo
    echo "| measure | newsarchive | bare Xapian | ratio |"
    echo "| --- | ---: | ---: | ---: |"
    echo "| indexing wall time (s), $(nproc) threads | $ow | $bw | $(ratio "$ow" "$bw") |"
    echo "| indexing wall time (s), 1 thread, 1 shard | $o1s | $bw | $(ratio "$o1s" "$bw") |"
    echo "| indexing wall time (s), 1 thread, $shards shards | $o1w | $bw | $(ratio "$o1w" "$bw") |"
    echo "| indexing CPU time, user + system (s), $(nproc) threads | $(cpu ours-index) | $(cpu baseline-index) | $(ratio "$(cpu ours-index)" "$(cpu baseline-index)") |"
    echo "| articles/s, $(nproc) threads (ratio: speed-up over the baseline) | $(per_second "$articles" "$ow") | $(per_second "$articles" "$bw") | $(ratio "$bw" "$ow") |"
    echo "| articles/s, 1 thread, 1 shard | $(per_second "$articles" "$o1s") | $(per_second "$articles" "$bw") | $(ratio "$bw" "$o1s") |"
    echo "| articles/s, 1 thread, $shards shards | $(per_second "$articles" "$o1w") | $(per_second "$articles" "$bw") | $(ratio "$bw" "$o1w") |"
    local fw; fw=$(wall baseline-index-features)
    echo "| articles/s against the baseline with spelling data and stored lines, $(nproc) threads / 1 thread, 1 shard | $(per_second "$articles" "$ow") / $(per_second "$articles" "$o1s") | $(per_second "$articles" "$fw") | $(ratio "$fw" "$ow") / $(ratio "$fw" "$o1s") |"
    echo "| MB/s of input, $(nproc) threads | $(mb_per_second "$INPUT_BYTES" "$ow") | $(mb_per_second "$INPUT_BYTES" "$bw") | $(ratio "$bw" "$ow") |"
    echo "| peak RSS (MB), $(nproc) threads | $(rss_mb ours-index) | $(rss_mb baseline-index) | $(ratio "$(rss_mb ours-index)" "$(rss_mb baseline-index)") |"
    echo "| peak RSS (MB), 1 thread, 1 shard | $(rss_mb ours-index-1-shard) | $(rss_mb baseline-index) | $(ratio "$(rss_mb ours-index-1-shard)" "$(rss_mb baseline-index)") |"
    echo "| peak RSS (MB), 1 thread, $shards shards | $(rss_mb ours-index-1) | $(rss_mb baseline-index) | $(ratio "$(rss_mb ours-index-1)" "$(rss_mb baseline-index)") |"
    echo "| index size (× input) | $(of_input "$ot") | $(of_input "$bt") | $(ratio "$ot" "$bt") |"
    echo "| … positions (× input) | $(of_input "$(field ours 2)") | $(of_input "$(field baseline 2)") | $(ratio "$(field ours 2)" "$(field baseline 2)") |"
    echo "| … stored text, docdata.glass (× input) | $(of_input "$(field ours 3)") | $(of_input "$(field baseline 3)") (none stored) | — |"
    echo "| after compaction (× input) | $(of_input "$oc") | $(of_input "$bc") | $(ratio "$oc" "$bc") |"
    echo "| … stored text after compaction (× input) | $(of_input "$(field ours-compact 3)") | — | — |"
    echo "| compaction time (s): newsindex --compact vs xapian-compact | $(wall ours-compact) | $(wall baseline-compact) | $(ratio "$(wall ours-compact)" "$(wall baseline-compact)") |"
    if [ "$HAS_BATCH" = yes ]; then
      echo "| query p50 / p95 / p99 (ms): \`newssearch --batch --format trec\` (ranked ids) vs bare loop | $(percentiles query-batch-trec) | $(percentiles query-bare) | $(latency_ratio query-batch-trec query-bare) |"
      echo "| … vs the bare loop as a co-process (\`--serve\`: the same pipe round trip) | $(percentiles query-batch-trec) | $(percentiles query-bare-serve) | $(latency_ratio query-batch-trec query-bare-serve) |"
      echo "| … with newssearch's default semantics (OR when AND finds nothing, English stop words: other searches) vs the co-process | $(percentiles query-batch-trec-defaults) | $(percentiles query-bare-serve) | $(latency_ratio query-batch-trec-defaults query-bare-serve) |"
      echo "| query p50 / p95 / p99 (ms): \`newssearch --batch\` (JSON: titles, dates, snippets) vs bare loop + document data | $(percentiles query-batch) | $(percentiles query-bare-data) | $(latency_ratio query-batch query-bare-data) |"
    else
      echo "| query p50 / p95 / p99 (ms): \`newssearch --batch\` | not measured: this newssearch has no --batch | $(percentiles query-bare) | — |"
    fi
    echo "| query p50 / p95 / p99 (ms): search library vs bare loop | $(percentiles query-library) | $(percentiles query-bare) | $(latency_ratio query-library query-bare) |"
    echo "| query p50 / p95 / p99 (ms): search library vs bare loop + document data, check_at_least 1000 | $(percentiles query-library) | $(percentiles query-bare-data) | $(latency_ratio query-library query-bare-data) |"
    if [ "$HAS_BATCH" = yes ] && [ "$HAS_SORT" = yes ]; then
      echo "| date-sorted query p50 / p95 / p99 (ms): \`newssearch --batch --sort date --format trec\` vs bare loop | $(percentiles query-batch-sorted) | $(percentiles query-bare-sorted) | $(latency_ratio query-batch-sorted query-bare-sorted) |"
      echo "| … vs the bare loop as a co-process | $(percentiles query-batch-sorted) | $(percentiles query-bare-serve-sorted) | $(latency_ratio query-batch-sorted query-bare-serve-sorted) |"
    else
      echo "| date-sorted query p50 / p95 / p99 (ms) | not measured: no \`newssearch --batch --sort date\` | $(percentiles query-bare-sorted) | — |"
    fi
    for kind in word phrase word-ids phrase-ids; do
      local o t format=json; read -r o t <"$DIR/oneshot-$kind.oneshot"
      [[ $kind == *-ids ]] && format=ids
      echo "| one-shot ${kind%-ids} query, start to exit (ms, median): \`newssearch --format $format\` vs quest | $(ms "$o") | $(ms "$t") | $(ratio "$o" "$t") |"
    done
    echo
    echo "Queries: $(jq -r .queries "$DIR/query-bare.out") mixed ($(jq -r .without_hits "$DIR/query-bare.out") without hits; $([ -s "$DIR/query-batch-trec-defaults.out" ] && jq -r .without_hits "$DIR/query-batch-trec-defaults.out" || echo '?') with newssearch's defaults) and $(jq -r .queries "$DIR/query-bare-sorted.out") date-sorted, each run $REPEAT times after one untimed pass; one-shot queries: \`$(awk -F'\t' '$1 == "word" { print $2; exit }' "$DIR/queries.tsv")\` and \`$(awk -F'\t' '$1 == "phrase" { print $2; exit }' "$DIR/queries.tsv")\`."
    store_table
    echo "Baseline split (s): parse $(jq -r '.parse_seconds|.*10|round/10' "$DIR/baseline-index.out"), TermGenerator $(jq -r '.build_seconds|.*10|round/10' "$DIR/baseline-index.out"), replace_document $(jq -r '.write_seconds|.*10|round/10' "$DIR/baseline-index.out"), commit $(jq -r '.commit_seconds|.*10|round/10' "$DIR/baseline-index.out")."
  } | tee -a "$REPORT"
}

# --- real corpora, as the same JSON lines ------------------------------------
huffpost_jsonl() {
  jq -c '{id: .link, title: .headline, body: .short_description, date: .date, source: "huffpost.com",
          authors: (if (.authors // "") == "" then [] else [.authors] end), url: .link}' "$1"
}
# BBC: one article per file, the title on the first line; no dates, no authors.
bbc_jsonl() {
  find "$1" -name '*.txt' | sort | xargs jq -cnR '[inputs | {file: input_filename, line: .}] | group_by(.file)[]
    | {id: (.[0].file | sub(".*/(?<c>[^/]+)/(?<f>[^/]+)$"; "bbc/\(.c)/\(.f)")), title: .[0].line,
       body: ([.[1:][].line] | join("\n") | sub("^\\s+"; "")), date: "", source: "BBC News", authors: [], url: ""}'
}

# --- the run -------------------------------------------------------------------
{
  echo "# newsarchive benchmark, $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo
  echo "\`tests/bench/run.sh --sizes $SIZES$([ "$REAL" = yes ] || echo ' --no-real')\` at $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')$(git -C "$ROOT" diff --quiet 2>/dev/null || echo ' (with uncommitted changes)')."
  echo "Machine: $(nproc) cores ($(lscpu | sed -n 's/^Model name: *//p' | head -1)), $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo) RAM,"
  echo "$(. /etc/os-release && echo "$PRETTY_NAME"), Xapian $(xapian-config --version 2>/dev/null | awk '{ print $NF }' || echo '?'), $("$(grep -m1 CMAKE_CXX_COMPILER: "$BUILD_DIR/CMakeCache.txt" | cut -d= -f2)" --version | head -1) $(grep -m1 CMAKE_BUILD_TYPE: "$BUILD_DIR/CMakeCache.txt" | cut -d= -f2)."
} | tee "$REPORT"

IFS=, read -r -a size_list <<<"$SIZES"
for size in "${size_list[@]}"; do
  log "generating $size articles (seed $SEED)"
  corpus=$WORK/synthetic-$size.jsonl
  DIR=$OUT/synthetic-$size; mkdir -p "$DIR"
  /usr/bin/time -f '%e %M %U %S' -o "$DIR/generate.time" "$GENERATE" --articles "$size" --seed "$SEED" >"$corpus"
  log "generated $(bytes "$corpus") bytes in $(wall generate) s"
  bench_corpus "synthetic-$size" "$corpus"
  echo "generate-corpus wrote it in $(wall generate) s ($(mb_per_second "$INPUT_BYTES" "$(wall generate)") MB/s)." | tee -a "$REPORT"
  rm -f "$corpus"
done

if [ "$REAL" = yes ]; then
  huffpost=$CORPORA/huffpost-news-category-v3-subset/News_Category_Dataset_v3.json
  if [ -f "$huffpost" ]; then
    huffpost_jsonl "$huffpost" >"$WORK/huffpost.jsonl"
    bench_corpus huffpost "$WORK/huffpost.jsonl"
  else
    log "no HuffPost corpus at $huffpost: skipped"
  fi
  if [ -d "$CORPORA/bbc-news-raw" ]; then
    bbc_jsonl "$CORPORA/bbc-news-raw" >"$WORK/bbc.jsonl"
    bench_corpus bbc "$WORK/bbc.jsonl"
  else
    log "no BBC corpus at $CORPORA/bbc-news-raw: skipped"
  fi
fi
log "report: $REPORT"
