// fuzz_trec.cc — read_trec on arbitrary bytes: no crash, no exception, only clean articles.
#include <sstream>
#include <string>

#include "checking_sink.h"
#include "readers/readers.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const newsarchive::ReaderOptions options;
    std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
    newsarchive::fuzz::CheckingSink sink;
    newsarchive::read_trec("fuzz.sgml", in, options, sink);
    return 0;
}
