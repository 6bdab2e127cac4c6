#!/usr/bin/env bash
# test_install.sh — `cmake --install` puts everything where it belongs.
#
#   test_install.sh CMAKE BUILD_DIR
#
# Installs the build into a fresh prefix and checks: both binaries in bin/
# (and they run), both man pages in share/man/man1 (and `man` finds them by
# name through that tree), both completions in
# share/bash-completion/completions (and sourcing one sets up its command).
set -euo pipefail

cmake=$1 build=$2
prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

"$cmake" --install "$build" --prefix "$prefix" >/dev/null

for program in newsindex newssearch; do
    binary=$prefix/bin/$program
    [ -x "$binary" ] || fail "no executable $binary"
    "$binary" --version | grep -q "^$program " || fail "$binary --version does not name $program"

    page=$prefix/share/man/man1/$program.1
    [ -f "$page" ] || fail "no man page $page"
    if command -v man >/dev/null; then
        found=$(man -M "$prefix/share/man" -w "$program" 2>/dev/null || true)
        [ "$found" = "$page" ] || fail "man -M $prefix/share/man -w $program finds '$found', not $page"
        MANPATH=$prefix/share/man MANPAGER=cat MANWIDTH=80 man "$program" 2>/dev/null | grep -q "^NAME" ||
            fail "MANPATH=$prefix/share/man man $program shows no page"
    else
        fail "man is not installed (Debian: man-db)"
    fi
    grep -q "^\.TH ${program^^} 1 .*$(
        "$binary" --version | cut -d' ' -f2
    )" "$page" || fail "$page does not carry the version $("$binary" --version)"

    completion=$prefix/share/bash-completion/completions/$program
    [ -f "$completion" ] || fail "no completion $completion"
    bash -c "source '$completion' && complete -p $program" >/dev/null 2>&1 ||
        fail "sourcing $completion does not set up completion for $program"
done

if ((failures)); then
    echo "$failures failure(s)" >&2
    exit 1
fi
echo PASS
