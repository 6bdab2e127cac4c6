// generate_corpus.cc — generate-corpus: write N synthetic news articles as JSON lines to stdout.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <stdexcept>
#include <string>

#include <boost/program_options.hpp>

#include "article_generator.h"
#include "json_line.h"

namespace po = boost::program_options;
using namespace newsarchive::corpus;

namespace {

constexpr const char* kUsage = R"(Usage: generate-corpus --articles N [--seed S] [--near-duplicates SHARE]

Write N synthetic news articles to stdout as JSON lines
({"id","title","body","date","source","authors","url","story"}), for
benchmarks and tests. The same N and seed give the same bytes on every
platform, and the first N articles of any bigger corpus with that seed are
exactly these. See corpus/generator/article_generator.h for what the articles
look like.

Options)";

// Flushing in large blocks keeps the generator's output from being the
// bottleneck of `generate-corpus | newsindex -`.
constexpr std::size_t kFlushBytes = std::size_t{1} << 20;

void write_out(const std::string& bytes) {
    if (std::fwrite(bytes.data(), 1, bytes.size(), stdout) != bytes.size())
        throw std::runtime_error(std::string("cannot write to stdout: ") + std::strerror(errno));
}

}  // namespace

int main(int argc, char** argv) {
    try {
        CorpusOptions options;
        std::uint64_t articles = 0;
        po::options_description visible(kUsage);
        visible.add_options()
            ("help,h", "show this help and exit")
            ("articles,n", po::value(&articles)->required(), "number of articles")
            ("seed,s", po::value(&options.seed)->default_value(options.seed), "random seed")
            ("near-duplicates", po::value(&options.near_duplicate_share)->default_value(0.1, "0.1"),
             "share of articles that re-publish a recent story from another outlet with small edits");
        po::variables_map vm;
        po::store(po::parse_command_line(argc, argv, visible), vm);
        if (vm.count("help")) {
            std::cout << visible << '\n';
            return 0;
        }
        po::notify(vm);

        ArticleGenerator generator(options);
        std::string buffer;
        buffer.reserve(kFlushBytes + (std::size_t{1} << 16));
        for (std::uint64_t i = 0; i < articles; ++i) {
            append_json_line(buffer, generator.next());
            if (buffer.size() >= kFlushBytes) {
                write_out(buffer);
                buffer.clear();
            }
        }
        write_out(buffer);
        if (std::fflush(stdout) != 0) throw std::runtime_error(std::string("cannot write to stdout: ") + std::strerror(errno));
        return 0;
    } catch (const po::error& e) {
        std::cerr << "generate-corpus: " << e.what() << " (try --help)\n";
    } catch (const std::exception& e) {
        std::cerr << "generate-corpus: " << e.what() << '\n';
    }
    return 2;
}
