// interruption.cc — sigaction handlers that record the signal for the indexing loop.
#include "interruption.h"

#include <signal.h>

#include <atomic>
#include <csignal>
#include <cstdlib>
#include <iostream>
#include <iterator>

namespace newsarchive {

namespace {

constexpr int kSignals[] = {SIGINT, SIGTERM};

// Written by the handler, so it must be lock-free; atomic because the
// shard writer threads read it too (ShardWorkers' stop request).
std::atomic<int> received{0};
static_assert(std::atomic<int>::is_always_lock_free);

struct sigaction previous[std::size(kSignals)];

extern "C" void record_signal(int signal) {
    int none = 0;
    received.compare_exchange_strong(none, signal);
}

}  // namespace

InterruptionHandlers::InterruptionHandlers() {
    received = 0;
    for (std::size_t i = 0; i < std::size(kSignals); ++i) {
        sigaction(kSignals[i], nullptr, &previous[i]);
        if (previous[i].sa_handler == SIG_IGN) continue;
        struct sigaction action {};
        action.sa_handler = record_signal;
        sigemptyset(&action.sa_mask);
        // SA_RESTART: reads and Xapian's writes carry on rather than fail with EINTR.
        action.sa_flags = SA_RESTART | SA_RESETHAND;
        sigaction(kSignals[i], &action, nullptr);
    }
}

InterruptionHandlers::~InterruptionHandlers() {
    for (std::size_t i = 0; i < std::size(kSignals); ++i) sigaction(kSignals[i], &previous[i], nullptr);
}

int interruption_signal() { return received.load(); }

void exit_by_signal(int signal) {
    std::cout.flush();
    std::cerr.flush();
    struct sigaction action {};
    action.sa_handler = SIG_DFL;
    sigemptyset(&action.sa_mask);
    sigaction(signal, &action, nullptr);
    sigset_t unblock;
    sigemptyset(&unblock);
    sigaddset(&unblock, signal);
    sigprocmask(SIG_UNBLOCK, &unblock, nullptr);
    raise(signal);
    std::_Exit(128 + signal);  // not reached for SIGINT and SIGTERM, whose default is to terminate
}

}  // namespace newsarchive
