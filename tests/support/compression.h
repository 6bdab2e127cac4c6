// compression.h — gzip and zstd data made in memory, whole or cut short, for the tests of compressed inputs.
#pragma once

#include <string>
#include <string_view>

namespace test_support {

// One gzip member holding `bytes`, as gzip(1) writes it.
std::string gzip(std::string_view bytes);

// One zstd frame holding `bytes`, with a checksum, as zstd(1) writes it.
std::string zstd(std::string_view bytes);

// A gzip stream that decodes to exactly `bytes` and then stops, without its
// last block and trailer: what `head -c` leaves of a larger .gz file, with the
// cut falling exactly after `bytes` (decoders see a truncated stream there).
std::string gzip_cut_after(std::string_view bytes);

}  // namespace test_support
