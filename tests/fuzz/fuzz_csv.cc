// fuzz_csv.cc — read_csv on arbitrary bytes: no crash, no exception, only clean articles.
//
// The first byte picks the dialect (its value modulo 5, so seeds can start
// with '0'..'4'): the options the user can give change the parser's paths.
#include <array>
#include <sstream>
#include <string>

#include "checking_sink.h"
#include "readers/readers.h"

namespace {

std::array<newsarchive::ReaderOptions, 5> dialects() {
    std::array<newsarchive::ReaderOptions, 5> options;
    // options[0]: RFC 4180 with a header row.
    options[1].csv_delimiter = ';';  // 10kGNAD: ';' and single quotes, no header
    options[1].csv_quote = '\'';
    options[1].csv_header = {"category", "text"};
    options[2].csv_delimiter = '\t';
    options[3].csv_header = {"id", "title", "body", "date"};
    options[4].csv_delimiter = '\t';  // --csv-quote none: quotes are text, NUL bytes dropped
    options[4].csv_quote = std::nullopt;
    return options;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const auto options = dialects();
    if (size == 0) return 0;
    std::istringstream in(std::string(reinterpret_cast<const char*>(data) + 1, size - 1));
    newsarchive::fuzz::CheckingSink sink;
    newsarchive::read_csv("fuzz.csv", in, options[data[0] % options.size()], sink);
    return 0;
}
