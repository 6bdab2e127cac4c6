#!/usr/bin/env bash
# build.sh — the two Quick start commands of README.md, on a fresh Debian 12.
#
#   ./build.sh demo   install packages, build, index corpus/ into the default
#                     index (./news-index, or $NEWS_DB) and run a sample search
#   ./build.sh test   install packages, build, run every test through CTest
#
# Packages come from Debian only; apt-get runs when one is missing (as root,
# or through sudo).
set -euo pipefail
cd "$(dirname "$0")"

PACKAGES=(
  cmake make g++ pkg-config
  libxapian-dev xapian-tools libboost-program-options-dev libzstd-dev zlib1g-dev
  nlohmann-json3-dev libhowardhinnant-date-dev libxxhash-dev liburiparser-dev libxml2-dev libcsv-dev
  doctest-dev
)
BUILD_DIR=${BUILD_DIR:-build}

install_packages() {
  local missing=()
  for package in "${PACKAGES[@]}"; do
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

case "${1:-}" in
  demo)
    install_packages
    build
    "$BUILD_DIR/indexer/newsindex" corpus
    echo
    echo "\$ newssearch '\"Ministry of State Security\"'"
    "$BUILD_DIR/searcher/newssearch" '"Ministry of State Security"'
    ;;
  test)
    install_packages
    build
    ctest --test-dir "$BUILD_DIR" --output-on-failure -j "$(nproc)"
    ;;
  *)
    echo "usage: ./build.sh demo|test" >&2
    exit 2
    ;;
esac
