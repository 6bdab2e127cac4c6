// interruption.h — SIGINT and SIGTERM as a request to stop indexing at a clean point.
//
// Contract:
//  - While an InterruptionHandlers object lives, the first SIGINT or SIGTERM
//    does not end the process: the handler only records which signal came, and
//    the indexing loop polls interruption_signal() between records and between
//    files, then commits what it wrote and returns its summary.
//  - The handler is one-shot (SA_RESETHAND): a second signal ends the process at
//    once. That is safe — Xapian commits are atomic, so the index keeps its
//    last commit exactly as after kill -9 — and it is the way out when the
//    final commit is slow or the input (a pipe) blocks.
//  - A signal that was ignored when the object was created (SIGINT of a
//    background job of a non-interactive shell, nohup-style wrappers) stays
//    ignored. The destructor restores the dispositions found.
//  - One object at a time per process; not for use by several threads.
#pragma once

namespace newsarchive {

class InterruptionHandlers {
public:
    // Installs the handlers and forgets any signal recorded before.
    InterruptionHandlers();
    ~InterruptionHandlers();
    InterruptionHandlers(const InterruptionHandlers&) = delete;
    InterruptionHandlers& operator=(const InterruptionHandlers&) = delete;
};

// The first SIGINT or SIGTERM received while handlers were installed, or 0.
// Safe to call from any thread.
int interruption_signal();

// After a clean stop: ends the process as `signal` would have, by re-raising it
// with the default disposition, so that the parent sees "killed by SIGINT"
// (a shell's $? is 128 + signal: 130 for SIGINT, 143 for SIGTERM) and a shell
// script running us in a loop stops too, as after any interrupted command.
[[noreturn]] void exit_by_signal(int signal);

}  // namespace newsarchive
