// test_indexer_interruption.cc — SIGINT/SIGTERM recorded instead of fatal, and handlers put back.
#include <doctest/doctest.h>

#include <signal.h>

#include "interruption.h"

using namespace newsarchive;

namespace {

void (*disposition(int signal_number))(int) {
    struct sigaction current {};
    sigaction(signal_number, nullptr, &current);
    return current.sa_handler;
}

// Sets a disposition for the test and puts the one found back afterwards.
struct Disposition {
    int signal_number;
    void (*found)(int);
    Disposition(int signal, void (*handler)(int)) : signal_number(signal), found(::signal(signal, handler)) {}
    ~Disposition() { ::signal(signal_number, found); }
};

}  // namespace

TEST_CASE("interruption: the first signal is recorded, not fatal, and later ones do not replace it") {
    Disposition interrupt(SIGINT, SIG_DFL), terminate(SIGTERM, SIG_DFL);
    {
        InterruptionHandlers handlers;
        CHECK(interruption_signal() == 0);
        raise(SIGTERM);
        CHECK(interruption_signal() == SIGTERM);
        // One-shot: SIGTERM is back to its default, SIGINT still handled.
        CHECK((disposition(SIGTERM) == SIG_DFL));
        raise(SIGINT);
        CHECK(interruption_signal() == SIGTERM);
    }
    CHECK((disposition(SIGINT) == SIG_DFL));
    CHECK((disposition(SIGTERM) == SIG_DFL));
    InterruptionHandlers again;
    CHECK(interruption_signal() == 0);
}

TEST_CASE("interruption: a signal ignored before stays ignored") {
    Disposition ignored(SIGTERM, SIG_IGN), interrupt(SIGINT, SIG_DFL);
    {
        InterruptionHandlers handlers;
        CHECK((disposition(SIGTERM) == SIG_IGN));
        raise(SIGTERM);
        CHECK(interruption_signal() == 0);
    }
    CHECK((disposition(SIGTERM) == SIG_IGN));
}
