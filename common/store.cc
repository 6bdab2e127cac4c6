// store.cc — MessagePack (msgpack-cxx) inside a zstd frame, with optional dictionary.
#include "store.h"

#include <algorithm>
#include <mutex>
#include <span>
#include <string_view>

#include <msgpack.hpp>
// For ZDICT_trainFromBuffer_fastCover: zstd is linked statically
// (NEWSARCHIVE_STATIC_HELPERS), and Debian's shared libzstd exports it too.
#define ZDICT_STATIC_LINKING_ONLY
#include <zdict.h>
#include <zstd.h>

namespace newsarchive {

namespace {

// zstd's default. Level 9 stores BBC articles in 7% less room (0.7% of the
// whole index) but was 11% of indexing's instructions, level 3 under 2%
// (docs/performance.md).
constexpr int kCompressionLevel = 3;
// No real article comes near this; a frame header claiming more is damage,
// and must not make us allocate it.
constexpr unsigned long long kMaxPayloadBytes = 1ull << 30;

// Contexts are reused per thread: creating one per article costs more than
// compressing a typical article. The 4-byte checksum turns silent corruption
// of stored text into a StoreError. The frame leaves out the dictionary's id:
// our header has it already, and 4 bytes are 1% of a short article.
ZSTD_CCtx* compression_context() {
    thread_local std::unique_ptr<ZSTD_CCtx, decltype(&ZSTD_freeCCtx)> ctx = [] {
        std::unique_ptr<ZSTD_CCtx, decltype(&ZSTD_freeCCtx)> made{ZSTD_createCCtx(), ZSTD_freeCCtx};
        ZSTD_CCtx_setParameter(made.get(), ZSTD_c_compressionLevel, kCompressionLevel);
        ZSTD_CCtx_setParameter(made.get(), ZSTD_c_checksumFlag, 1);
        ZSTD_CCtx_setParameter(made.get(), ZSTD_c_dictIDFlag, 0);
        return made;
    }();
    return ctx.get();
}

ZSTD_DCtx* decompression_context() {
    thread_local std::unique_ptr<ZSTD_DCtx, decltype(&ZSTD_freeDCtx)> ctx{ZSTD_createDCtx(), ZSTD_freeDCtx};
    return ctx.get();
}

// The one zstd frame of `frame`, whose header claims `size` bytes. The output
// grows only as data really decompresses: a damaged header claiming a
// gigabyte must not cost a gigabyte (found by tests/fuzz/fuzz_store).
std::vector<std::uint8_t> decompress_frame(std::string_view frame, unsigned long long size,
                                           const ZSTD_DDict* dictionary) {
    ZSTD_DCtx* context = decompression_context();
    ZSTD_DCtx_reset(context, ZSTD_reset_session_and_parameters);  // a failed decode leaves its session behind
    ZSTD_DCtx_refDDict(context, dictionary);                      // nullptr: no dictionary
    std::vector<std::uint8_t> out(static_cast<std::size_t>(std::min(size, 64ull * 1024)));
    ZSTD_inBuffer in{frame.data(), frame.size(), 0};
    ZSTD_outBuffer buffer{out.data(), out.size(), 0};
    for (;;) {
        std::size_t left = ZSTD_decompressStream(context, &buffer, &in);
        if (ZSTD_isError(left)) throw StoreError("stored article is corrupt (zstd)");
        if (left == 0) break;  // the frame is complete
        if (buffer.pos == buffer.size) {
            if (out.size() == size) throw StoreError("stored article is corrupt (zstd: longer than its header says)");
            out.resize(static_cast<std::size_t>(std::min(size, 2ull * out.size())));
            buffer = {out.data(), out.size(), buffer.pos};
        } else if (in.pos == in.size) {
            throw StoreError("stored article is corrupt (zstd: truncated)");
        }
    }
    if (buffer.pos != size || in.pos != in.size) throw StoreError("stored article is corrupt (zstd)");
    return out;
}

// What a well-formed payload can hold, so that a damaged one claiming a
// billion-entry array cannot make the decoder allocate for it.
const msgpack::unpack_limit kPayloadLimits(/*array*/ 1 << 16, /*map*/ 64, /*str*/ 1 << 30, /*bin*/ 0, /*ext*/ 0,
                                           /*depth*/ 3);

std::string as_string(const msgpack::object& value) {
    return value.type == msgpack::type::STR ? std::string(value.via.str.ptr, value.via.str.size) : std::string{};
}

// Packs a map entry whose value is a string.
void pack_field(msgpack::packer<msgpack::sbuffer>& packer, std::string_view key, std::string_view value) {
    packer.pack(key);
    packer.pack(value);
}

void append_varint(std::string& out, std::uint32_t value) {
    do {
        unsigned char byte = value & 0x7f;
        value >>= 7;
        out += static_cast<char>(value ? byte | 0x80 : byte);
    } while (value);
}

// Reads the header; leaves `data` at the zstd frame.
std::uint32_t read_header(std::string_view& data) {
    if (data.empty() || static_cast<unsigned char>(data[0]) != kStoreFormat)
        throw StoreError("stored article has an unknown format (index written by another version?)");
    data.remove_prefix(1);
    std::uint32_t id = 0;
    for (int shift = 0; shift < 35; shift += 7) {
        if (data.empty()) break;
        auto byte = static_cast<unsigned char>(data.front());
        data.remove_prefix(1);
        id |= static_cast<std::uint32_t>(byte & 0x7f) << shift;
        if (!(byte & 0x80)) return id;
    }
    throw StoreError("stored article has a damaged header");
}

}  // namespace

// Each side is built on first use: a searcher never compresses, and
// preparing zstd's compression tables for a dictionary cost a one-shot
// search a fifth of its time.
struct StoreDictionary::Compiled {
    std::string bytes;
    std::once_flag compress_once, decompress_once;
    std::unique_ptr<ZSTD_CDict, decltype(&ZSTD_freeCDict)> compress{nullptr, ZSTD_freeCDict};
    std::unique_ptr<ZSTD_DDict, decltype(&ZSTD_freeDDict)> decompress{nullptr, ZSTD_freeDDict};

    const ZSTD_CDict* compression() {
        std::call_once(compress_once,
                       [&] { compress.reset(ZSTD_createCDict(bytes.data(), bytes.size(), kCompressionLevel)); });
        if (!compress) throw StoreError("zstd cannot load the dictionary");
        return compress.get();
    }
    const ZSTD_DDict* decompression() {
        std::call_once(decompress_once, [&] { decompress.reset(ZSTD_createDDict(bytes.data(), bytes.size())); });
        if (!decompress) throw StoreError("zstd cannot load the dictionary");
        return decompress.get();
    }
};

StoreDictionary::StoreDictionary(std::uint32_t id, std::string bytes) : id_(id) {
    if (id_ == 0) throw StoreError("dictionary id 0 means 'no dictionary'");
    if (ZDICT_getDictID(bytes.data(), bytes.size()) == 0) throw StoreError("not a zstd dictionary");
    compiled_ = std::make_shared<Compiled>();
    compiled_->bytes = std::move(bytes);
}

const std::string& StoreDictionary::bytes() const { return compiled_->bytes; }

StoreDictionary StoreDictionary::train(std::uint32_t id, const std::vector<std::string>& samples,
                                       std::size_t max_bytes) {
    std::string joined;
    std::vector<std::size_t> sizes;
    for (const auto& sample : samples) {
        joined += sample;
        sizes.push_back(sample.size());
    }
    std::string dictionary(max_bytes, '\0');
    // One fastCover pass with fixed parameters instead of ZDICT_trainFromBuffer's
    // search over segment sizes: 4× faster (1.16 s → 0.30 s on a 16 MB
    // sample), and on the stored form of real news as small or smaller
    // (BBC 0.8%, HuffPost 0.9% smaller; synthetic 0.4% larger). Training
    // holds up the start of every new index, so its time shows on small
    // dumps (docs/performance.md).
    ZDICT_fastCover_params_t params{};
    params.k = 200;  // segment size
    params.d = 8;    // dmer size, zstd's default
    params.f = 20;   // log2 of the frequency table, zstd's default
    params.accel = 1;
    params.zParams.compressionLevel = kCompressionLevel;
    std::size_t size = ZDICT_trainFromBuffer_fastCover(dictionary.data(), dictionary.size(), joined.data(),
                                                       sizes.data(), static_cast<unsigned>(sizes.size()), params);
    if (ZDICT_isError(size)) throw StoreError(std::string("cannot train a dictionary: ") + ZDICT_getErrorName(size));
    dictionary.resize(size);
    return StoreDictionary(id, std::move(dictionary));
}

std::string stored_article_payload(const Article& article) {
    // Most formats' text is only title and body again: a "text" key only
    // when it is more (a text file, furniture and all). Half the payload of
    // a JSON-lines dump otherwise.
    bool text_is_more = article.text != article_text(article.title, article.body);
    msgpack::sbuffer buffer(article.title.size() + article.body.size() + (text_is_more ? article.text.size() : 0) + 256);
    msgpack::packer<msgpack::sbuffer> packer(buffer);
    packer.pack_map(text_is_more ? 8 : 7);
    pack_field(packer, "id", article.id);
    pack_field(packer, "title", article.title);
    pack_field(packer, "source", article.source);
    packer.pack(std::string_view("authors"));
    packer.pack_array(static_cast<std::uint32_t>(article.authors.size()));
    for (const auto& author : article.authors) packer.pack(std::string_view(author));
    pack_field(packer, "url", article.url);
    pack_field(packer, "body", article.body);
    pack_field(packer, "date", article.date ? article.date->iso() : std::string{});
    if (text_is_more) pack_field(packer, "text", article.text);
    return std::string(buffer.data(), buffer.size());
}

std::string encode_stored_article(const Article& article, const StoreDictionary* dictionary) {
    std::string payload = stored_article_payload(article);
    std::string out(1, static_cast<char>(kStoreFormat));
    append_varint(out, dictionary ? dictionary->id() : 0);
    std::size_t header = out.size();
    out.resize(header + ZSTD_compressBound(payload.size()));

    ZSTD_CCtx* context = compression_context();
    std::size_t referenced = ZSTD_CCtx_refCDict(context, dictionary ? dictionary->compiled_->compression() : nullptr);
    if (ZSTD_isError(referenced)) throw StoreError(std::string("zstd: ") + ZSTD_getErrorName(referenced));
    std::size_t size = ZSTD_compress2(context, out.data() + header, out.size() - header, payload.data(), payload.size());
    if (ZSTD_isError(size)) throw StoreError(std::string("zstd compression failed: ") + ZSTD_getErrorName(size));
    out.resize(header + size);
    return out;
}

std::uint32_t stored_dictionary_id(std::string_view data) { return read_header(data); }

Article decode_stored_article(std::string_view data, const DictionaryLookup& dictionaries) {
    std::uint32_t dictionary_id = read_header(data);
    const StoreDictionary* dictionary = nullptr;
    if (dictionary_id != 0) {
        dictionary = dictionaries ? dictionaries(dictionary_id) : nullptr;
        if (!dictionary)
            throw StoreError("stored article needs zstd dictionary " + std::to_string(dictionary_id) +
                             ", which the index does not have");
    }

    unsigned long long size = ZSTD_getFrameContentSize(data.data(), data.size());
    if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN || size > kMaxPayloadBytes)
        throw StoreError("stored article is not a valid zstd frame");
    std::vector<std::uint8_t> packed =
        decompress_frame(data, size, dictionary ? dictionary->compiled_->decompression() : nullptr);

    // nlohmann::json, used before, reads MessagePack strings a byte at a
    // time: 11.5 µs for a 4.4 KB article against 1.5 µs (performance.md).
    msgpack::object_handle handle;
    try {
        std::size_t offset = 0;
        handle = msgpack::unpack(reinterpret_cast<const char*>(packed.data()), packed.size(), offset, nullptr,
                                 nullptr, kPayloadLimits);
        if (offset != packed.size()) throw StoreError("stored article is corrupt (MessagePack: trailing bytes)");
    } catch (const msgpack::unpack_error&) {  // malformed, truncated, or over kPayloadLimits
        throw StoreError("stored article is corrupt (MessagePack)");
    }
    const msgpack::object& record = handle.get();
    if (record.type != msgpack::type::MAP) throw StoreError("stored article is corrupt (MessagePack)");

    // Unknown keys are skipped (a later version may add some); a repeated
    // key keeps its last value.
    Article article;
    bool has_text = false;
    std::string date;
    for (const msgpack::object_kv& entry : std::span(record.via.map.ptr, record.via.map.size)) {
        if (entry.key.type != msgpack::type::STR) continue;
        std::string_view key(entry.key.via.str.ptr, entry.key.via.str.size);
        if (key == "id") article.id = as_string(entry.val);
        else if (key == "title") article.title = as_string(entry.val);
        else if (key == "source") article.source = as_string(entry.val);
        else if (key == "url") article.url = as_string(entry.val);
        else if (key == "body") article.body = as_string(entry.val);
        else if (key == "date") date = as_string(entry.val);
        else if (key == "text") {
            article.text = as_string(entry.val);
            has_text = true;
        } else if (key == "authors") {
            article.authors.clear();
            if (entry.val.type == msgpack::type::ARRAY)
                for (const msgpack::object& author : std::span(entry.val.via.array.ptr, entry.val.via.array.size))
                    if (author.type == msgpack::type::STR) article.authors.push_back(as_string(author));
        }
    }
    if (!has_text) article.text = article_text(article.title, article.body);
    article.date = parse_date(date);
    return article;
}

}  // namespace newsarchive
