#!/usr/bin/env bash
# test_completion.sh — the bash completion of both programs against their --help.
#
#   test_completion.sh COMPLETION_FILE NEWSINDEX NEWSSEARCH
#
# Sources the completion file and calls the function `complete -p` names, with
# COMP_WORDS/COMP_CWORD set as bash sets them (an "=" is a word of its own, as
# with the default COMP_WORDBREAKS). Checks that the long options offered are
# exactly those --help prints, that enumerable values complete (and are the
# ones --help or the program accepts), and that paths complete where an option
# takes one.
set -euo pipefail

completion=$1 newsindex=$2 newssearch=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

# shellcheck source=/dev/null
source "$completion"

# The candidates for the last of the words given (the command line so far), sorted, one per line.
candidates() {
    local function
    function=$(complete -p "$1" | sed -n 's/.* -F \([^ ]*\) .*/\1/p')
    [ -n "$function" ] || { fail "no completion function for $1"; return; }
    COMP_WORDS=("$@")
    COMP_CWORD=$(($# - 1))
    COMP_LINE="$*"
    COMP_POINT=${#COMP_LINE}
    COMPREPLY=()
    "$function" "$1" "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
    ((${#COMPREPLY[@]})) && printf '%s\n' "${COMPREPLY[@]}" | sort
    return 0
}

# expect WORD... :: CANDIDATE...: completing the WORDs offers exactly the CANDIDATEs.
expect() {
    local words=() expected
    while [ "$1" != "::" ]; do words+=("$1"); shift; done
    shift
    expected=""
    (($#)) && expected=$(printf '%s\n' "$@" | sort)
    local got
    got=$(candidates "${words[@]}")
    [ "$got" = "$expected" ] || fail "completing '${words[*]}': expected [$(echo $expected)], got [$(echo $got)]"
}

# The long options of a program's --help: Boost prints them as "  -d [ --db ] arg" or "  --db arg".
help_options() {
    "$1" --help | grep -oE '^  +(-[[:alnum:]] \[ )?--[[:alnum:]][[:alnum:]-]*' | grep -oE -- '--[[:alnum:]-]+' | sort -u
}

for program in "$newsindex" "$newssearch"; do
    name=$(basename "$program")
    help=$(help_options "$program")
    count=$(echo "$help" | wc -l)
    [ "$count" -ge 15 ] || fail "$name --help: only $count options found; is the help format still Boost's?"
    offered=$(candidates "$name" --)
    missing=$(comm -23 <(echo "$help") <(echo "$offered"))
    stale=$(comm -13 <(echo "$help") <(echo "$offered"))
    [ -z "$missing" ] || fail "$name: --help options the completion does not offer: $(echo $missing)"
    [ -z "$stale" ] || fail "$name: completion offers options --help does not list: $(echo $stale)"
done

# newssearch: values of enumerable options, in every spelling of option and value.
expect newssearch --format "" :: text json jsonl ids tsv trec
expect newssearch --format j :: json jsonl
expect newssearch --format = j :: json jsonl
expect newssearch --format = :: text json jsonl ids tsv trec
expect newssearch --format=t :: --format=text --format=tsv --format=trec
expect newssearch --sort "" :: relevance date oldest
expect newssearch --color a :: auto always
expect newssearch --timeline "" :: year month day
expect newssearch --timeline --fo :: --format
expect newssearch --facets "" :: source author year
expect newssearch --facets source,a :: source,author
expect newssearch --facets year,source, :: year,source,author
expect newssearch --facets = author,s :: author,source
expect newssearch --show "" ::
expect newssearch china --li :: --limit
expect newssearch -- --li ::
# The values offered are the ones --help documents.
search_help=$("$newssearch" --help)
for value in text json jsonl ids tsv trec relevance date oldest auto always never year month day source author; do
    grep -qw -- "$value" <<<"$search_help" || fail "newssearch --help does not mention the completed value '$value'"
done

# newsindex: formats, languages, fields.
expect newsindex --format "" :: auto text jsonl json csv trec message mbox
expect newsindex --format m :: mbox message
expect newsindex -f j :: json jsonl
expect newsindex --weight "" :: title= body= author= source=
expect newsindex --field d :: date=
expect newsindex --lang ger :: german german2
expect newsindex --csv-quote "" :: none
index_help=$("$newsindex" --help)
for value in auto text jsonl json csv trec message mbox title body author source id date url; do
    grep -qw -- "$value" <<<"$index_help" || fail "newsindex --help does not mention the completed value '$value'"
done
# Every language offered is one newsindex accepts.
printf 'Title\n\nBody text.\n' >"$work/article.txt"
for language in $(candidates newsindex --lang ""); do
    "$newsindex" --quiet --db "$work/lang-$language" --lang "$language" "$work/article.txt" 2>/dev/null ||
        fail "newsindex --lang $language (offered by the completion) fails"
done
[ "$(candidates newsindex --lang "" | wc -l)" -ge 10 ] || fail "fewer than 10 languages offered"

# Paths: --db offers directories, --furniture and INPUT files too.
mkdir "$work/paths" "$work/paths/index-dir"
touch "$work/paths/index-file.txt"
cd "$work/paths"
expect newssearch --db index :: index-dir
expect newssearch -d index :: index-dir
expect newssearch --db = index :: index-dir
expect newsindex --db index :: index-dir
expect newsindex --furniture index :: index-dir index-file.txt
expect newsindex index :: index-dir index-file.txt
expect newsindex -- --x index :: index-dir index-file.txt

if ((failures)); then
    echo "$failures failure(s)" >&2
    exit 1
fi
echo PASS
