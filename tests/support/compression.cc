// compression.cc — zlib's deflate and zstd's one-shot compression into strings.
#include "compression.h"

#include <memory>
#include <stdexcept>

#include <zlib.h>
#include <zstd.h>

namespace test_support {

namespace {

// Deflates `bytes` into a gzip stream ending as `flush` leaves it: Z_FINISH
// writes the last block and the trailer, Z_SYNC_FLUSH only what decodes to `bytes`.
std::string deflate_gzip(std::string_view bytes, int flush) {
    z_stream stream{};
    // 15 + 16: the largest window, with a gzip header and trailer.
    if (deflateInit2(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        throw std::runtime_error("deflateInit2 failed");
    std::string out(deflateBound(&stream, bytes.size()) + 64, '\0');
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
    stream.avail_in = static_cast<uInt>(bytes.size());
    stream.next_out = reinterpret_cast<Bytef*>(out.data());
    stream.avail_out = static_cast<uInt>(out.size());
    int status = deflate(&stream, flush);
    out.resize(stream.total_out);
    deflateEnd(&stream);
    if (status != (flush == Z_FINISH ? Z_STREAM_END : Z_OK) || stream.avail_in != 0)
        throw std::runtime_error("deflate failed");
    return out;
}

}  // namespace

std::string gzip(std::string_view bytes) { return deflate_gzip(bytes, Z_FINISH); }

std::string gzip_cut_after(std::string_view bytes) { return deflate_gzip(bytes, Z_SYNC_FLUSH); }

std::string zstd(std::string_view bytes) {
    std::unique_ptr<ZSTD_CCtx, decltype(&ZSTD_freeCCtx)> context(ZSTD_createCCtx(), ZSTD_freeCCtx);
    std::string frame(ZSTD_compressBound(bytes.size()), '\0');
    std::size_t size = ZSTD_CCtx_setParameter(context.get(), ZSTD_c_checksumFlag, 1);
    if (!ZSTD_isError(size))
        size = ZSTD_compress2(context.get(), frame.data(), frame.size(), bytes.data(), bytes.size());
    if (ZSTD_isError(size)) throw std::runtime_error(std::string("zstd: ") + ZSTD_getErrorName(size));
    frame.resize(size);
    return frame;
}

}  // namespace test_support
