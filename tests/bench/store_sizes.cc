// store_sizes.cc — bench-store-sizes: how small the article store is, against the practical limit.
//
// Reads a JSON-lines corpus with newsindex's own reader, so the articles are
// exactly those newsindex stores, and sizes their stored form (common/store.h)
// five ways:
//  - per article, zstd level 3 without a dictionary (what the store did first);
//  - per article with a dictionary trained as newsindex trains it (on the
//    first DictionaryTraining::kMaxArticles articles), the dictionary counted once;
//  - blocks of --block articles compressed together, without and with the
//    dictionary (random access costs a block's decompression, timed too);
//  - the whole stored stream as one zstd -3 frame, and the raw input file as
//    one zstd -3 frame: the practical limit of a store without random access.
// Then times training the dictionary, and decompressing every article with
// it (p50 / p99 / max).
// Prints one JSON object.
#include <algorithm>
#include <chrono>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include <zstd.h>
#include <boost/program_options.hpp>

#include "dictionary_training.h"
#include "readers/readers.h"
#include "store.h"

namespace po = boost::program_options;
using namespace newsarchive;
using Clock = std::chrono::steady_clock;

namespace {

struct CollectingSink : ArticleSink {
    std::vector<Article> articles;
    void add(Article&& article, const std::string&, const std::string&) override {
        articles.push_back(std::move(article));
    }
    void skip(const RecordProblem&) override {}
    void warn(const RecordProblem&) override {}
};

// One zstd -3 frame of `bytes`, with `dictionary` when given.
std::string zstd3(const std::string& bytes, const ZSTD_CDict* dictionary = nullptr) {
    thread_local std::unique_ptr<ZSTD_CCtx, decltype(&ZSTD_freeCCtx)> context{ZSTD_createCCtx(), ZSTD_freeCCtx};
    std::string out(ZSTD_compressBound(bytes.size()), '\0');
    std::size_t size = dictionary ? ZSTD_compress_usingCDict(context.get(), out.data(), out.size(), bytes.data(),
                                                             bytes.size(), dictionary)
                                  : ZSTD_compressCCtx(context.get(), out.data(), out.size(), bytes.data(),
                                                      bytes.size(), 3);
    if (ZSTD_isError(size)) throw std::runtime_error(ZSTD_getErrorName(size));
    out.resize(size);
    return out;
}

std::size_t zstd3_size(const std::string& bytes) { return zstd3(bytes).size(); }

double percentile(std::vector<double> values, double p) {
    std::sort(values.begin(), values.end());
    return values[std::min(values.size() - 1, static_cast<std::size_t>(p * values.size()))];
}

}  // namespace

int main(int argc, char** argv) {
    std::string corpus;
    std::size_t block = 16;
    po::options_description options("Usage: bench-store-sizes [--block N] CORPUS.jsonl");
    options.add_options()("help", "this help")("block", po::value(&block), "articles per block (default 16)")(
        "corpus", po::value(&corpus)->required(), "JSON-lines corpus");
    po::positional_options_description positional;
    positional.add("corpus", 1);
    try {
        po::variables_map vm;
        po::store(po::command_line_parser(argc, argv).options(options).positional(positional).run(), vm);
        if (vm.count("help")) {
            std::cout << options << '\n';
            return 0;
        }
        po::notify(vm);
    } catch (const po::error& e) {
        std::cerr << "bench-store-sizes: " << e.what() << '\n';
        return 2;
    }

    std::ifstream in(corpus, std::ios::binary);
    std::stringstream raw;
    raw << in.rdbuf();
    std::string raw_bytes = raw.str();
    std::istringstream stream(raw_bytes);
    CollectingSink sink;
    read_jsonl(corpus, stream, ReaderOptions{}, sink);
    if (sink.articles.empty()) {
        std::cerr << "bench-store-sizes: no articles in " << corpus << '\n';
        return 2;
    }

    DictionaryTraining training;
    for (std::size_t i = 0; i < sink.articles.size(); ++i) {
        Article copy = sink.articles[i];
        if (training.hold(std::move(copy))) break;
    }
    auto training_start = Clock::now();
    auto dictionary = training.train(1);
    double training_ms = std::chrono::duration<double, std::milli>(Clock::now() - training_start).count();
    if (!dictionary) {
        std::cerr << "bench-store-sizes: too few articles to train a dictionary\n";
        return 2;
    }

    std::unique_ptr<ZSTD_CDict, decltype(&ZSTD_freeCDict)> block_dictionary{
        ZSTD_createCDict(dictionary->bytes().data(), dictionary->bytes().size(), 3), ZSTD_freeCDict};
    std::size_t plain = 0, with_dictionary = 0, blocks = 0, blocks_with_dictionary = 0, payload_bytes = 0;
    std::string stream_of_payloads, block_bytes;
    std::vector<std::string> encoded, encoded_blocks;
    double encode_ms = 0;  // storing every article with the dictionary
    for (std::size_t i = 0; i < sink.articles.size(); ++i) {
        std::string payload = stored_article_payload(sink.articles[i]);
        payload_bytes += payload.size();
        stream_of_payloads += payload;
        block_bytes += payload;
        if ((i + 1) % block == 0 || i + 1 == sink.articles.size()) {
            blocks += zstd3_size(block_bytes);
            encoded_blocks.push_back(zstd3(block_bytes, block_dictionary.get()));
            blocks_with_dictionary += encoded_blocks.back().size();
            block_bytes.clear();
        }
        plain += encode_stored_article(sink.articles[i]).size();
        auto encode_start = Clock::now();
        encoded.push_back(encode_stored_article(sink.articles[i], &*dictionary));
        encode_ms += std::chrono::duration<double, std::milli>(Clock::now() - encode_start).count();
        with_dictionary += encoded.back().size();
    }
    with_dictionary += dictionary->bytes().size();
    blocks_with_dictionary += dictionary->bytes().size();

    auto lookup = [&](std::uint32_t id) { return id == dictionary->id() ? &*dictionary : nullptr; };
    std::vector<double> decode_ms;
    decode_ms.reserve(encoded.size());
    for (const auto& data : encoded) {
        auto start = Clock::now();
        Article article = decode_stored_article(data, lookup);
        decode_ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
        if (article.text.empty() && article.body.empty()) return 3;
    }
    // Reading one article from a block means decompressing the whole block.
    std::unique_ptr<ZSTD_DCtx, decltype(&ZSTD_freeDCtx)> block_context{ZSTD_createDCtx(), ZSTD_freeDCtx};
    std::unique_ptr<ZSTD_DDict, decltype(&ZSTD_freeDDict)> block_ddict{
        ZSTD_createDDict(dictionary->bytes().data(), dictionary->bytes().size()), ZSTD_freeDDict};
    std::vector<double> block_decode_ms;
    std::string decoded;
    for (const auto& frame : encoded_blocks) {
        auto start = Clock::now();
        decoded.resize(ZSTD_getFrameContentSize(frame.data(), frame.size()));
        std::size_t size = ZSTD_decompress_usingDDict(block_context.get(), decoded.data(), decoded.size(),
                                                      frame.data(), frame.size(), block_ddict.get());
        block_decode_ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
        if (ZSTD_isError(size)) return 3;
    }

    std::size_t whole_stream = zstd3_size(stream_of_payloads), whole_input = zstd3_size(raw_bytes);
    std::cout << "{\"articles\":" << sink.articles.size() << ",\"input_bytes\":" << raw_bytes.size()
              << ",\"payload_bytes\":" << payload_bytes << ",\"per_article_bytes\":" << plain
              << ",\"dictionary_bytes\":" << dictionary->bytes().size() << ",\"training_ms\":" << training_ms
              << ",\"encode_ms\":" << encode_ms
              << ",\"per_article_with_dictionary_bytes\":" << with_dictionary << ",\"block\":" << block
              << ",\"blocks_bytes\":" << blocks << ",\"blocks_with_dictionary_bytes\":" << blocks_with_dictionary
              << ",\"block_decode_p50_ms\":" << percentile(block_decode_ms, 0.5)
              << ",\"block_decode_p99_ms\":" << percentile(block_decode_ms, 0.99) << ",\"whole_stream_bytes\":" << whole_stream
              << ",\"whole_input_zstd3_bytes\":" << whole_input << ",\"decode_p50_ms\":" << percentile(decode_ms, 0.5)
              << ",\"decode_p99_ms\":" << percentile(decode_ms, 0.99)
              << ",\"decode_max_ms\":" << percentile(decode_ms, 1.0) << "}\n";
    return 0;
}
