// csv.cc — CSV and TSV with named columns, parsed by libcsv from the stream one line at a time.
#include <algorithm>
#include <exception>
#include <iterator>
#include <new>
#include <utility>

#include <csv.h>

#include "ascii.h"
#include "input_stream.h"
#include "readers/readers.h"
#include "readers/record_fields.h"
#include "text_clean.h"

namespace newsarchive {

namespace {

class CsvReader {
public:
    CsvReader(const std::string& file, const ReaderOptions& options, ArticleSink& sink)
        : file_(file),
          options_(options),
          sink_(sink),
          delimiter_(
              options.csv_delimiter.value_or(ascii_lower(strip_compression_suffix(file)).ends_with(".tsv") ? '\t' : ',')) {
        start_parser();
    }
    ~CsvReader() { csv_free(&parser_); }
    CsvReader(const CsvReader&) = delete;
    CsvReader& operator=(const CsvReader&) = delete;

    void read(std::istream& in) {
        if (!options_.csv_header.empty()) set_header(options_.csv_header, "--csv-header");
        std::string chunk(kChunk, '\0');
        while (!stopped_ && in.read(chunk.data(), kChunk).gcount() > 0)
            feed(std::string_view(chunk.data(), static_cast<std::size_t>(in.gcount())));
        // A row left unfinished by damage is not reported (reader.h).
        if (stopped_ || ended_by_damage(in)) return;
        // CSV_STRICT_FINI: a quoted field still open here is an error, not a row.
        if (finish()) {
            ++rows_;
            sink_.skip({file_, position(), "quoted field not closed at the end of the file", "malformed CSV row"});
        }
        if (rows_ == 0) sink_.skip({file_, "byte 0", "empty file", "empty file"});
    }

private:
    // Read size; lines are then handed to libcsv one at a time, so that every
    // row knows the line it started on.
    static constexpr std::size_t kChunk = 64 * 1024;

    // Strict mode, so that a stray quote ("a"b) costs its own row rather than
    // swallowing the rows after it into one quoted field. libcsv always has a
    // quote character: without one it is NUL, which parse() keeps out of its input.
    void start_parser() {
        csv_init(&parser_, CSV_STRICT | CSV_STRICT_FINI);
        csv_set_delim(&parser_, static_cast<unsigned char>(delimiter_));
        csv_set_quote(&parser_, static_cast<unsigned char>(options_.csv_quote.value_or('\0')));
        csv_set_blk_size(&parser_, kChunk);  // grow long fields in big steps
    }

    void feed(std::string_view data) {
        while (!data.empty() && !stopped_) {
            std::string_view piece = data.substr(0, std::min(data.find('\n'), data.size() - 1) + 1);
            data.remove_prefix(piece.size());
            bool line_ends = piece.back() == '\n';
            if (skipping_line_) {
                skipping_line_ = !line_ends;
            } else if (rows_ == 0 && piece.find('\0') != std::string_view::npos) {
                // CSV text holds no NUL byte: in the first row, it means the file is not text at all.
                sink_.skip({file_, position(1), "binary file (NUL byte), not CSV; the rest of the file is not read",
                            "binary file"});
                stopped_ = true;
            } else {
                if (!row_line_ && starts_row(piece)) row_line_ = line_;
                if (parse(piece)) bad_quoting(line_ends);
                if (!stopped_ && row_bytes_ + csv_get_buffer_size(&parser_) > kMaxRecordBytes) {
                    sink_.skip({file_, position(rows_ + 1),
                                "row longer than " + std::to_string(kMaxRecordBytes >> 20) +
                                    " MB (an unbalanced quote?); the rest of the file is not read",
                                "oversized record"});
                    stopped_ = true;
                }
            }
            if (line_ends) ++line_;
        }
    }

    // Whether libcsv starts a row in this text: it passes over blanks and line
    // ends between rows, unless the blank is the delimiter.
    bool starts_row(std::string_view text) const {
        return std::any_of(text.begin(), text.end(), [&](char c) {
            return c == delimiter_ || (c != ' ' && c != '\t' && c != '\r' && c != '\n');
        });
    }

    void bad_quoting(bool line_ended) {
        if (csv_error(&parser_) != CSV_EPARSE) throw std::bad_alloc();  // libcsv's other errors are memory
        ++rows_;
        if (header_.empty()) {  // without its header the file cannot be read
            sink_.skip({file_, position(), "malformed quoting in the header row; the rest of the file is not read",
                        "malformed CSV row"});
            stopped_ = true;
            return;
        }
        // A quoted field may have run on over the lines since the row began: all of them are lost.
        std::uint64_t first_line = row_line_ ? row_line_ : line_;
        std::string lost = first_line == line_
                               ? "the rest of the line is"
                               : "lines " + std::to_string(first_line) + "-" + std::to_string(line_) + " are";
        sink_.skip({file_, position(),
                    std::string("malformed quoting at line ") + std::to_string(line_) +
                        ": a quote inside an unquoted field or text after a closing quote (is the quote character '" +
                        *options_.csv_quote +  // libcsv sees no quote character without one
                        "'? --csv-quote none reads quotes as text); " + lost + " passed over",
                    "malformed CSV row"});
        csv_free(&parser_);
        start_parser();
        fields_.clear();
        row_bytes_ = 0;
        row_line_ = 0;
        skipping_line_ = !line_ended;
    }

    // libcsv's callbacks run inside C code, which exceptions must not cross:
    // one from the sink (the run being interrupted) or from memory is held
    // until libcsv returns, then rethrown by parse().
    static void on_field(void* data, std::size_t size, void* self) {
        auto& reader = *static_cast<CsvReader*>(self);
        if (reader.stopped_) return;
        try {
            reader.fields_.emplace_back(size ? static_cast<const char*>(data) : "", size);
            reader.row_bytes_ += size;
        } catch (...) {
            reader.hold(std::current_exception());
        }
    }

    static void on_row(int, void* self) {
        auto& reader = *static_cast<CsvReader*>(self);
        if (reader.stopped_) return;
        try {
            reader.end_row();
        } catch (...) {
            reader.hold(std::current_exception());
        }
    }

    void hold(std::exception_ptr exception) {
        held_ = std::move(exception);
        stopped_ = true;
    }

    // csv_parse and csv_fini; true when libcsv reports an error.
    bool parse(std::string_view text) {
        // Without a quote character NUL stands in for it, so NUL bytes, which
        // clean_text drops from the fields anyway, are dropped here: none may
        // open a quoted field.
        std::string without_nul;
        if (!options_.csv_quote && text.find('\0') != std::string_view::npos) {
            std::remove_copy(text.begin(), text.end(), std::back_inserter(without_nul), '\0');
            text = without_nul;
        }
        bool failed = csv_parse(&parser_, text.data(), text.size(), on_field, on_row, this) < text.size();
        rethrow_held();
        return failed;
    }
    bool finish() {
        bool failed = csv_fini(&parser_, on_field, on_row, this) != 0;
        rethrow_held();
        return failed;
    }
    void rethrow_held() {
        if (held_) std::rethrow_exception(std::exchange(held_, nullptr));
    }

    void end_row() {
        ++rows_;
        std::string where = position();
        row_line_ = 0;
        row_bytes_ = 0;
        std::vector<std::string> fields = std::move(fields_);
        fields_.clear();
        if (header_.empty()) {
            set_header(fields, where);
        } else if (fields.size() != header_.size()) {
            sink_.skip(
                {file_, where,
                 "row has " + std::to_string(fields.size()) + " fields, the header " + std::to_string(header_.size()),
                 "malformed CSV row"});
        } else {
            auto lookup = [&](std::string_view key) -> std::optional<std::vector<std::string>> {
                auto column = std::find(header_.begin(), header_.end(), ascii_lower(key));
                if (column == header_.end() || fields[column - header_.begin()].empty()) return std::nullopt;
                return std::vector<std::string>{std::move(fields[column - header_.begin()])};
            };
            if (auto article = article_from_record(lookup, options_.fields, file_, where, sink_))
                sink_.add(std::move(*article), file_, where);
        }
    }

    // Column names match record keys ignoring case; a file without a title or
    // body column would only give a skip per row, so it is reported once.
    void set_header(const std::vector<std::string>& names, const std::string& where) {
        for (const auto& name : names) header_.push_back(ascii_lower(clean_text(name)));
        if (header_.front().starts_with("\xEF\xBB\xBF")) header_.front().erase(0, 3);  // spreadsheets' BOM
        auto named = [&](RecordField field) {
            return std::any_of(options_.fields.keys(field).begin(), options_.fields.keys(field).end(),
                               [&](const std::string& key) {
                                   return std::find(header_.begin(), header_.end(), ascii_lower(key)) != header_.end();
                               });
        };
        if (named(RecordField::title) || named(RecordField::body)) return;
        std::string columns;
        for (const auto& name : header_) columns += (columns.empty() ? "" : ", ") + name;
        sink_.skip({file_, where,
                    "no title or body column among (" + columns +
                        "); name one with --field body=COLUMN, or the columns with --csv-header",
                    "no title or body"});
        stopped_ = true;
    }

    std::string position(std::uint64_t row) const {
        return "row " + std::to_string(row) + " (line " + std::to_string(row_line_ ? row_line_ : line_) + ")";
    }
    std::string position() const { return position(rows_); }

    const std::string& file_;
    const ReaderOptions& options_;
    ArticleSink& sink_;
    const char delimiter_;
    csv_parser parser_{};
    std::vector<std::string> header_;  // lower case
    std::vector<std::string> fields_;  // of the row being parsed
    std::size_t row_bytes_ = 0;        // in fields_
    std::uint64_t rows_ = 0;           // rows ended so far, header included
    std::uint64_t line_ = 1;           // being fed
    std::uint64_t row_line_ = 0;       // where the row being parsed began; 0: none begun
    bool skipping_line_ = false;       // after malformed quoting, until the line ends
    bool stopped_ = false;             // the rest of the file is not read
    std::exception_ptr held_;          // thrown in a libcsv callback, for parse() to rethrow
};

}  // namespace

void read_csv(const std::string& file, std::istream& in, const ReaderOptions& options, ArticleSink& sink) {
    CsvReader(file, options, sink).read(in);
}

}  // namespace newsarchive
