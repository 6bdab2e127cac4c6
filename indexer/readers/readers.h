// readers.h — the input formats and the reader of each.
#pragma once

#include <cstddef>
#include <cstdint>
#include <istream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "readers/furniture.h"
#include "readers/reader.h"
#include "readers/record_fields.h"

namespace newsarchive {

enum class Format { text, jsonl, json, csv, trec, message, mbox };

// "text", "jsonl", "json", "csv", "trec", "message" or "mbox"; nullopt for anything else.
std::optional<Format> parse_format(std::string_view name);
std::string_view format_name(Format format);
// The format a file name's extension implies, or nullopt when it implies none.
std::optional<Format> format_from_extension(std::string_view file_name);

struct ReaderOptions {
    FieldMap fields;
    FurnitureRules furniture = FurnitureRules::defaults();
    std::optional<char> csv_delimiter;    // nullopt: TAB for .tsv files, else ','
    std::optional<char> csv_quote = '"';  // nullopt: none, quote characters are text (unquoted TSV)
    std::vector<std::string> csv_header;  // column names of header-less CSV; empty: the first row names them
};

// The most a record-scanning reader (TREC, CSV, JSON lines) holds of one
// record. A record is one article, so anything larger is damage (an unclosed
// tag or quote, a missing line break) or not news; the bound keeps memory
// fixed whatever the input.
inline constexpr std::size_t kMaxRecordBytes = std::size_t{64} << 20;

// The warning for a WHAT ("file", "message") that was read only up to
// kMaxRecordBytes: "WHAT longer than 64 MB: kept its first 64 MB".
RecordProblem kept_first_record_bytes(const std::string& file, std::string position, std::string_view what);

// Text: the whole stream is one article with the given id (when empty, as for
// standard input, a content hash of the text). The title is the first line
// that is neither blank nor furniture; the body the other such lines. A
// stream longer than kMaxRecordBytes is indexed and stored from its first
// kMaxRecordBytes, with a warning.
void read_text_article(const std::string& file, const std::string& id, std::istream& in, const ReaderOptions& options,
                       ArticleSink& sink);

// JSON lines: one object per line; blank lines ignored. `first_line` numbers
// the stream's first line, for callers that consumed leading blank lines.
// A line longer than kMaxRecordBytes is skipped (memory holds at most that
// much of it); a NUL byte before the first JSON line makes the file binary,
// reported once; a file of nothing but blanks is reported as empty.
void read_jsonl(const std::string& file, std::istream& in, const ReaderOptions& options, ArticleSink& sink,
                std::uint64_t first_line = 1);

// JSON (.json): when the first non-blank character is '[', one array of
// article objects, parsed as a stream so memory holds one element, not the
// file; when it is '{', JSON lines (many ".json" dumps are). An element that is
// not an object is skipped ("element N"); malformed JSON is reported with its
// byte offset and ends the file, keeping the articles before it. Bytes that
// are not UTF-8 are repaired as clean_text does (offsets count repaired bytes).
void read_json(const std::string& file, std::istream& in, const ReaderOptions& options, ArticleSink& sink);

// CSV/TSV (RFC 4180, via libcsv): a header row names the columns, unless
// options.csv_header does, and the columns are found like JSON keys (see
// FieldMap; header names match ignoring case). Quoted fields may hold
// delimiters, doubled quotes and newlines; quoting is strict, so a quote
// inside an unquoted field or text after a closing quote skips the row (and
// the rest of its line) instead of running on into the next rows. A row whose
// field count differs from the header's is skipped too ("row N (line L)",
// rows counted from the file's first, header included). A row that grows
// past kMaxRecordBytes (an unbalanced quote) ends the file with a skip, and
// so does a NUL byte in the first row (a binary file).
// Without a quote character (options.csv_quote nullopt) every line is one
// row, split at every delimiter, and quotes are kept as text.
void read_csv(const std::string& file, std::istream& in, const ReaderOptions& options, ArticleSink& sink);

// TREC SGML: <DOC> records (AP, WSJ, FT, LA Times...) with a <DOCNO>, and
// Reuters-21578 <REUTERS NEWID="..."> records. Positions read "record N (line
// L)", L being the line of the record's opening tag. A record without an id,
// or not closed before the next record or the end of the file, is skipped; a
// record longer than kMaxRecordBytes is indexed from its first kMaxRecordBytes
// with a warning. Text outside records (other than <!...> declarations) is
// reported as skipped.
void read_trec(const std::string& file, std::istream& in, const ReaderOptions& options, ArticleSink& sink);

// Internet messages (RFC 5322 mail, RFC 5536 Usenet posts), via GMime: one
// message per stream, or (`mbox`) many, each after a "From " line. Subject is
// the title; the text/plain parts that are not attachments are the body (or,
// without any, the text/html parts as text); the names in From: (or their
// addresses) the authors; the day of Date: as written the date; the first
// group of Newsgroups: the source; Message-ID the id (without one, a content
// hash of the message). The stored text is the message byte for byte,
// headers included (an mbox's "From " line aside). Positions read "file" or
// "message N (byte B)", B the offset of the message's "From " line. A stream
// that starts with no header (or, for mbox, no "From " line) is skipped; so
// is a message holding a NUL byte, or with neither a subject nor body text.
// A message longer than kMaxRecordBytes is read from its first
// kMaxRecordBytes with a warning. In an mbox, reading goes on at the next
// "From " line after such a message, and after one whose headers do not
// parse (skipped).
void read_messages(const std::string& file, std::istream& in, bool mbox, ArticleSink& sink);

}  // namespace newsarchive
