// test_progress.cc — what newsindex says on stderr while it works: --progress lines, the summary, --quiet.
#include <doctest/doctest.h>

#include <sstream>
#include <vector>

#include "generated_corpus.h"
#include "process.h"

using namespace e2e;

namespace {

std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
}

bool is_progress_line(const std::string& line) {
    return line.starts_with("newsindex: ") && line.find(" files, ") != std::string::npos &&
           line.find(" MB/s, ") != std::string::npos && line.find(" articles/s") != std::string::npos;
}

}  // namespace

TEST_CASE("progress: --progress on a non-terminal prints plain lines with an ETA, then the summary") {
    TempDir dir;
    write_generated_corpus(dir.path() / "corpus", 2, 300);
    // Small batches make the run last long enough for a few lines.
    auto result =
        run(newsindex(), {"--db", dir / "index", "--batch-size", "20", "--progress-interval", "0.05", dir / "corpus"});
    CHECK(result.exit_code == 0);
    INFO("stderr: " << result.err);
    CHECK(result.err.find('\r') == std::string::npos);
    auto err = lines(result.err);
    REQUIRE(err.size() >= 2);
    CHECK(is_progress_line(err.front()));
    CHECK(err.front().find(" of ") != std::string::npos);    // the total size is known...
    CHECK(err.front().find(", ETA ") != std::string::npos);  // ...so there is an ETA
    CHECK(err.back() == "newsindex: 600 indexed, 0 replaced, 0 skipped; the index holds 600 articles");
}

TEST_CASE("progress: a non-terminal gets only the summary without --progress, and nothing but problems with --quiet") {
    TempDir dir;
    write_generated_corpus(dir.path() / "corpus", 1, 50);
    write_file(dir.path() / "corpus/broken.jsonl", "{not json\n");
    auto plain = run(newsindex(), {"--db", dir / "plain", "--batch-size", "5", dir / "corpus"});
    CHECK(plain.exit_code == 3);
    auto plain_lines = lines(plain.err);
    REQUIRE(plain_lines.size() == 2);
    CHECK(plain_lines[0].find("broken.jsonl") != std::string::npos);
    CHECK(plain_lines[1].find("the index holds 50 articles") != std::string::npos);

    auto quiet = run(newsindex(), {"--db", dir / "quiet", "--batch-size", "5", "--quiet", "--progress-interval", "0.01",
                                   dir / "corpus"});
    CHECK(quiet.exit_code == 3);
    CHECK(quiet.err == plain_lines[0] + "\n");
}
