// fuzz_message.cc — read_messages on arbitrary bytes: no crash, no exception, only clean articles.
// The first byte picks the format: odd, an mbox; even, one message.
#include <sstream>
#include <string>

#include "checking_sink.h"
#include "readers/readers.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    bool mbox = data[0] % 2 == 1;
    std::istringstream in(std::string(reinterpret_cast<const char*>(data) + 1, size - 1));
    newsarchive::fuzz::CheckingSink sink;
    newsarchive::read_messages(mbox ? "fuzz.mbox" : "fuzz.eml", in, mbox, sink);
    return 0;
}
