#!/usr/bin/env bash
# test_interactive.sh — `newssearch -i` driven in a real terminal (tmux).
#
#   test_interactive.sh NEWSINDEX NEWSSEARCH CORPUS_DIR
#
# Indexes CORPUS_DIR, runs newssearch -i in a detached 120x40 tmux pane, types
# into it with send-keys and reads the screen with capture-pane: a query (laid
# out for the pane's width), :more,
# a bad query, :show 1 (PAGER=cat), :quit; then a second session: the history
# file holds the query and Up recalls it; Ctrl-C abandons a line; Ctrl-D leaves.
# Exit 77 (CTest SKIP_RETURN_CODE) when tmux is missing.
set -euo pipefail

newsindex=$1 newssearch=$2 corpus=$3
command -v tmux >/dev/null || { echo "SKIP: tmux is not installed"; exit 77; }

work=$(mktemp -d)
socket=$work/tmux.sock
tm() { tmux -S "$socket" "$@"; }
cleanup() { tm kill-server >/dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT

fail() {
  echo "FAIL: $*" >&2
  echo "--- pane:" >&2
  tm capture-pane -p -J -t t >&2 2>/dev/null || echo "(no pane)" >&2
  exit 1
}
screen() { tm capture-pane -p -J -t t; }
# The last non-blank line, without trailing blanks.
last_line() { screen | sed 's/ *$//' | grep -v '^$' | tail -n 1; }
# Waits up to ~10 s until the pane shows a line matching the grep regex $1.
wait_for() {
  for _ in $(seq 100); do
    screen 2>/dev/null | grep -qE -- "$1" && return 0
    sleep 0.1
  done
  fail "the pane never showed /$1/"
}
# Waits until the session is gone (newssearch exited).
wait_exit() {
  for _ in $(seq 100); do
    tm has-session -t t 2>/dev/null || return 0
    sleep 0.1
  done
  fail "newssearch did not exit"
}
start() {
  # exec: newssearch is the pane's process, so Ctrl-C reaches it alone.
  tm new-session -d -s t -x 120 -y 40 \
    "exec env NEWSSEARCH_HISTORY='$work/state/history' PAGER=cat NO_COLOR= COLUMNS=60 '$newssearch' --db '$work/index' -i -n 1"
  wait_for '^newssearch> ?$'
}
type_line() { tm send-keys -t t -l -- "$1"; tm send-keys -t t Enter; }

"$newsindex" --db "$work/index" "$corpus" >/dev/null

# Session 1: search, page, error, show, quit.
start
type_line china
wait_for '^3 articles match; showing 1-1$'
wait_for '^1\. (U\.S\. Blames China|Biden administration blames China|US, Britain and EU blame China)'
# Text is laid out for the pane's 120 columns (TIOCGWINSZ), not $COLUMNS (60)
# nor left for the terminal to wrap (capture-pane -J joins what it wraps).
widest=$(screen | LC_ALL=C.UTF-8 wc -L)
[ "$widest" -le 120 ] || fail "a line of $widest columns in a 120-column pane"
[ "$widest" -gt 60 ] || fail "lines of at most $widest columns: \$COLUMNS was used, not the pane's width"
type_line ':more'
wait_for '^2\. (U\.S\. Blames China|Biden administration blames China|US, Britain and EU blame China)'
type_line 'NOT'
wait_for '^error: '
type_line ':show 1'
# A line of the stored text that the result list never shows (snippets are
# indented), whichever article ranks first.
wait_for '^(Hacker attacking internet|The US and its allies condemn China|Advertisement)'
type_line ':quit'
wait_exit

# History: persisted, and recalled with Up.
[ -f "$work/state/history" ] || fail "no history file at $work/state/history"
grep -qx 'china' "$work/state/history" || fail "the history file lacks the query: $(cat "$work/state/history")"
start
# Up once recalls the last line (:quit); five times, the query before
# :more, NOT, :show 1 and :quit.
tm send-keys -t t Up
wait_for '^newssearch> :quit *$'
tm send-keys -t t Up Up Up Up
wait_for '^newssearch> china *$'
# Ctrl-C abandons the recalled line: a fresh, empty prompt follows it.
tm send-keys -t t C-c
for _ in $(seq 100); do
  [ "$(last_line)" = "newssearch>" ] && break
  sleep 0.1
done
[ "$(last_line)" = "newssearch>" ] || fail "Ctrl-C did not give a fresh prompt"
tm has-session -t t 2>/dev/null || fail "Ctrl-C ended newssearch"
type_line ':help'
wait_for ':similar N'
# Ctrl-D leaves.
tm send-keys -t t C-d
wait_exit
echo "PASS"
