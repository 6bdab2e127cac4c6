// indexer.cc — the read → build → write pipeline of one run.
#include "indexer.h"

#include <ostream>

#include "document_builder.h"
#include "input_stream.h"
#include "inputs.h"
#include "writer.h"

namespace newsarchive {

namespace {

// Receives what readers produce, writes articles and counts everything.
class IndexingSink : public ArticleSink {
public:
    IndexingSink(IndexWriter& writer, DocumentBuilder& builder, std::uint64_t batch_size, IndexSummary& summary,
                 std::ostream& diagnostics)
        : writer_(writer), builder_(builder), batch_size_(batch_size), summary_(summary), diagnostics_(diagnostics) {}

    void add(Article&& article, const std::string&, const std::string&) override {
        auto outcome = writer_.write(schema::id_term(article.id), builder_.build(article));
        ++(outcome == IndexWriter::Outcome::added ? summary_.indexed : summary_.replaced);
        if (++uncommitted_ >= batch_size_) {
            writer_.commit();
            uncommitted_ = 0;
        }
    }

    void skip(const RecordProblem& problem) override {
        diagnostics_ << "newsindex: " << problem.file << ": " << problem.position << ": " << problem.reason
                     << " (skipped)\n";
        ++summary_.skipped;
        ++summary_.skipped_by_reason[problem.category];
    }

    void warn(const RecordProblem& problem) override {
        diagnostics_ << "newsindex: " << problem.file << ": " << problem.position << ": " << problem.reason << '\n';
        ++summary_.warnings_by_reason[problem.category];
    }

private:
    IndexWriter& writer_;
    DocumentBuilder& builder_;
    std::uint64_t batch_size_;
    std::uint64_t uncommitted_ = 0;
    IndexSummary& summary_;
    std::ostream& diagnostics_;
};

void read_input(const InputFile& input, const ReaderOptions& options, ArticleSink& sink) {
    std::optional<InputStream> stream;
    try {
        stream.emplace(input.path);
    } catch (const InputError& e) {
        sink.skip({input.path, "path", e.what(), "unreadable path"});
        return;
    }
    switch (input.format) {
        case Format::text:
            read_text_article(input.path, input.text_id, stream->stream(), options, sink);
            break;
        case Format::jsonl:
            read_jsonl(input.path, stream->stream(), options, sink);
            break;
    }
    if (!stream->error().empty()) sink.skip({input.path, "end", stream->error(), "damaged input"});
}

std::string counts(const std::map<std::string, std::uint64_t>& by_reason) {
    std::string out;
    for (const auto& [reason, count] : by_reason) out += (out.empty() ? "" : ", ") + std::to_string(count) + " " + reason;
    return out;
}

}  // namespace

IndexSummary run_indexer(const IndexOptions& options, std::ostream& diagnostics) {
    IndexWriter writer(options.database, options.language, options.weights);
    DocumentBuilder builder(writer.language(), options.weights);
    IndexSummary summary;
    IndexingSink sink(writer, builder, options.batch_size, summary, diagnostics);
    for_each_input(options.inputs, options.format, sink, summary.passed_over_files,
                   [&](const InputFile& input) { read_input(input, options.reader, sink); });
    writer.commit();
    summary.articles_in_index = writer.article_count();
    return summary;
}

std::string describe(const IndexSummary& summary) {
    std::string out = std::to_string(summary.indexed) + " indexed, " + std::to_string(summary.replaced) +
                      " replaced, " + std::to_string(summary.skipped) + " skipped";
    if (!summary.skipped_by_reason.empty()) out += " (" + counts(summary.skipped_by_reason) + ")";
    if (!summary.warnings_by_reason.empty()) out += "; kept with warnings: " + counts(summary.warnings_by_reason);
    if (summary.passed_over_files)
        out += "; " + std::to_string(summary.passed_over_files) + " files of unknown type passed over";
    out += "; the index holds " + std::to_string(summary.articles_in_index) + " articles";
    return out;
}

}  // namespace newsarchive
