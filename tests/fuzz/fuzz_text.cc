// fuzz_text.cc — read_text_article on arbitrary bytes: no crash, no exception, only clean articles.
#include <sstream>
#include <string>

#include "checking_sink.h"
#include "readers/readers.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const newsarchive::ReaderOptions options;
    std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
    newsarchive::fuzz::CheckingSink sink;
    newsarchive::read_text_article("fuzz.txt", "fuzz", in, options, sink);
    return 0;
}
