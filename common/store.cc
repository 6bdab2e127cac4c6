// store.cc — MessagePack (nlohmann::json) inside a zstd frame.
#include "store.h"

#include <memory>

#include <nlohmann/json.hpp>
#include <zstd.h>

namespace newsarchive {

namespace {

constexpr int kCompressionLevel = 3;

// Contexts are reused per thread: creating one per article costs more than
// compressing a typical article. The 4-byte checksum turns silent corruption
// of stored text into a StoreError.
ZSTD_CCtx* compression_context() {
    thread_local std::unique_ptr<ZSTD_CCtx, decltype(&ZSTD_freeCCtx)> ctx = [] {
        std::unique_ptr<ZSTD_CCtx, decltype(&ZSTD_freeCCtx)> made{ZSTD_createCCtx(), ZSTD_freeCCtx};
        ZSTD_CCtx_setParameter(made.get(), ZSTD_c_compressionLevel, kCompressionLevel);
        ZSTD_CCtx_setParameter(made.get(), ZSTD_c_checksumFlag, 1);
        return made;
    }();
    return ctx.get();
}

ZSTD_DCtx* decompression_context() {
    thread_local std::unique_ptr<ZSTD_DCtx, decltype(&ZSTD_freeDCtx)> ctx{ZSTD_createDCtx(), ZSTD_freeDCtx};
    return ctx.get();
}

std::string string_field(const nlohmann::json& record, const char* key) {
    auto it = record.find(key);
    return it != record.end() && it->is_string() ? it->get<std::string>() : std::string{};
}

}  // namespace

std::string encode_stored_article(const Article& article) {
    nlohmann::json record = {
        {"id", article.id},         {"title", article.title},   {"source", article.source},
        {"authors", article.authors}, {"url", article.url},     {"text", article.text}, {"body", article.body},
        {"date", article.date ? article.date->iso() : std::string{}},
    };
    std::vector<std::uint8_t> packed = nlohmann::json::to_msgpack(record);

    std::string out;
    out.resize(2 + ZSTD_compressBound(packed.size()));
    out[0] = static_cast<char>(kStoreFormat);
    out[1] = 0;  // dictionary id 0 as a one-byte varint
    std::size_t size = ZSTD_compress2(compression_context(), out.data() + 2, out.size() - 2, packed.data(), packed.size());
    if (ZSTD_isError(size)) throw StoreError(std::string("zstd compression failed: ") + ZSTD_getErrorName(size));
    out.resize(2 + size);
    return out;
}

Article decode_stored_article(std::string_view data) {
    if (data.size() < 2 || static_cast<unsigned char>(data[0]) != kStoreFormat)
        throw StoreError("stored article has an unknown format (index written by another version?)");
    if (data[1] != 0) throw StoreError("stored article needs a zstd dictionary this version does not have");
    data.remove_prefix(2);

    unsigned long long size = ZSTD_getFrameContentSize(data.data(), data.size());
    if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN)
        throw StoreError("stored article is not a valid zstd frame");
    std::vector<std::uint8_t> packed(size);
    std::size_t got = ZSTD_decompressDCtx(decompression_context(), packed.data(), packed.size(), data.data(), data.size());
    if (ZSTD_isError(got) || got != size) throw StoreError("stored article is corrupt (zstd)");

    nlohmann::json record = nlohmann::json::from_msgpack(packed, true, false);
    if (!record.is_object()) throw StoreError("stored article is corrupt (MessagePack)");

    Article article;
    article.id = string_field(record, "id");
    article.title = string_field(record, "title");
    article.source = string_field(record, "source");
    article.url = string_field(record, "url");
    article.text = string_field(record, "text");
    article.body = string_field(record, "body");
    article.date = parse_date(string_field(record, "date"));
    if (auto it = record.find("authors"); it != record.end() && it->is_array())
        for (const auto& author : *it)
            if (author.is_string()) article.authors.push_back(author.get<std::string>());
    return article;
}

}  // namespace newsarchive
