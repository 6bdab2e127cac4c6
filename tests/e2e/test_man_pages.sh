#!/usr/bin/env bash
# test_man_pages.sh — the man pages against the programs they describe.
#
#   test_man_pages.sh MAN_DIR NEWSINDEX NEWSSEARCH
#
# For newsindex.1 and newssearch.1 in MAN_DIR: groff renders them without a
# warning (-ww); they have the sections a man page needs; every long option of
# --help, every exit status --help names and (newssearch) every command of the
# interactive :help appears in them.
set -euo pipefail

man_dir=$1 newsindex=$2 newssearch=$3
command -v groff >/dev/null || { echo "FAIL: groff is not installed (Debian: groff-base)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

# The page as plain text: no hyphenation and long lines, so that no option
# is broken across lines.
render() { groff -man -Tutf8 -rHY=0 -rLL=250n -P-cbou "$1" 2>/dev/null; }
# Whether the rendered page holds WORD as a whole word ("--db" is not in "--dbx").
mentions() { grep -qE -- "(^|[^[:alnum:]-])$2([^[:alnum:]-]|\$)" <<<"$1"; }

for program in "$newsindex" "$newssearch"; do
    name=$(basename "$program")
    page=$man_dir/$name.1
    [ -f "$page" ] || { fail "no $page"; continue; }
    warnings=$(groff -man -Tutf8 -ww -z "$page" 2>&1)
    [ -z "$warnings" ] || fail "groff warns about $name.1: $warnings"
    text=$(render "$page")

    for section in NAME SYNOPSIS DESCRIPTION OPTIONS "EXIT STATUS" ENVIRONMENT FILES EXAMPLES "SEE ALSO"; do
        grep -qx "$section" <<<"$text" || fail "$name.1 has no $section section"
    done

    help=$("$program" --help)
    options=$(grep -oE '^  +(-[[:alnum:]] \[ )?--[[:alnum:]][[:alnum:]-]*' <<<"$help" | grep -oE -- '--[[:alnum:]-]+' | sort -u)
    [ "$(wc -l <<<"$options")" -ge 15 ] || fail "$name --help: too few options found; is the help format still Boost's?"
    for option in $options; do
        mentions "$text" "$option" || fail "$name.1 does not mention $option"
    done

    # "Exit status: 0 ..., 3 ..., 130 / 143 ...": each code is an entry of EXIT STATUS.
    codes=$(sed -n '/^Exit status:/,/^$/p' <<<"$help" | grep -oE '\b[0-9]+\b' | sort -u)
    [ -n "$codes" ] || fail "$name --help names no exit status"
    # The entries' tags: "0", "130, 143" at the start of a line.
    tags=$(sed -n '/^EXIT STATUS$/,/^[A-Z]/p' <<<"$text" | sed -nE 's/^ {7}([0-9]+(, [0-9]+)*).*/\1/p' | tr ', ' '\n\n')
    for code in $codes; do
        grep -qx "$code" <<<"$tags" || fail "$name.1 EXIT STATUS has no entry for $code"
    done
done

# newssearch.1 also covers the query syntax, both modes and every interactive command.
text=$(render "$man_dir/newssearch.1")
for section in "QUERY SYNTAX" "OUTPUT FORMATS" "INTERACTIVE MODE" "BATCH MODE"; do
    grep -qx "$section" <<<"$text" || fail "newssearch.1 has no $section section"
done
printf 'Title\n\nBody text.\n' >"$work/article.txt"
"$newsindex" --quiet --db "$work/index" "$work/article.txt"
commands=$(printf ':help\n:quit\n' | "$newssearch" --db "$work/index" -i | grep -oE '^  :[a-z]+' | sort -u)
[ "$(wc -l <<<"$commands")" -ge 8 ] || fail "the interactive :help lists too few commands: $commands"
for command in $commands; do
    mentions "$text" "$command" || fail "newssearch.1 does not mention the interactive command $command"
done
for syntax in AND OR NOT XOR title: author: source: date: 'cyber\*'; do
    grep -q -- "$syntax" <<<"$text" || fail "newssearch.1 does not show the query syntax $syntax"
done

if ((failures)); then
    echo "$failures failure(s)" >&2
    exit 1
fi
echo PASS
