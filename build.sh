#!/usr/bin/env bash
# build.sh — the two Quick start commands of README.md, on a fresh Debian 12.
#
#   ./build.sh demo   install packages, build, index corpus/ into the default
#                     index (./news-index, or $NEWS_DB) and run a sample search
#   ./build.sh test   install packages, build, run every test through CTest,
#                     then build the fuzz targets with clang and fuzz each one
#                     for $NEWSARCHIVE_FUZZ_SECONDS (tests/fuzz/README.md)
#
# Packages come from Debian only; apt-get runs when one is missing (as root,
# or through sudo).
set -euo pipefail
cd "$(dirname "$0")"

PACKAGES=(
  cmake make g++ pkg-config
  libxapian-dev xapian-tools libboost-program-options-dev libzstd-dev zlib1g-dev
  nlohmann-json3-dev libmsgpack-cxx-dev libhowardhinnant-date-dev libxxhash-dev liburiparser-dev libxml2-dev libcsv-dev libutf8proc-dev libgmime-3.0-dev libarchive-dev
  doctest-dev libedit-dev tmux groff-base man-db
  jq time  # tests/bench/run.sh, and its smoke test
)
# Only `test` needs these: clang and libFuzzer's runtime, for tests/fuzz.
FUZZ_PACKAGES=(clang libclang-rt-dev)
BUILD_DIR=${BUILD_DIR:-build}
FUZZ_BUILD_DIR=${FUZZ_BUILD_DIR:-build-fuzz}
# About a minute per target, as the ingest issue asks: eleven targets on two
# jobs run in six rounds, so the fuzz step takes about six minutes, plus
# about two for its build on a 2-core machine.
FUZZ_SECONDS=${NEWSARCHIVE_FUZZ_SECONDS:-60}

install_packages() {
  local missing=()
  for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return
  echo "build.sh: installing ${missing[*]}" >&2
  local sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

build() {
  local werror=OFF
  [ "${CI:-}" = true ] && werror=ON
  cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DNEWSARCHIVE_WERROR=$werror >/dev/null
  cmake --build "$BUILD_DIR" -j "$(nproc)"
}

# A separate clang build: everything instrumented for libFuzzer and built with
# address and undefined-behaviour sanitizers. Two jobs, one fuzzer per core.
fuzz() {
  cmake -S . -B "$FUZZ_BUILD_DIR" -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DNEWSARCHIVE_FUZZ=ON -DNEWSARCHIVE_TESTS=OFF -DNEWSARCHIVE_FUZZ_SECONDS="$FUZZ_SECONDS" >/dev/null
  cmake --build "$FUZZ_BUILD_DIR" --target fuzz_targets -j "$(nproc)"
  ctest --test-dir "$FUZZ_BUILD_DIR" -L fuzz --output-on-failure -j 2
}

case "${1:-}" in
  demo)
    install_packages "${PACKAGES[@]}"
    build
    "$BUILD_DIR/indexer/newsindex" corpus/*.txt  # the articles, not the generator's sources
    echo
    echo "\$ newssearch '\"Ministry of State Security\"'"
    "$BUILD_DIR/searcher/newssearch" '"Ministry of State Security"'
    ;;
  test)
    install_packages "${PACKAGES[@]}" "${FUZZ_PACKAGES[@]}"
    build
    ctest --test-dir "$BUILD_DIR" --output-on-failure -j "$(nproc)"
    fuzz
    ;;
  *)
    echo "usage: ./build.sh demo|test" >&2
    exit 2
    ;;
esac
