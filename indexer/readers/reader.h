// reader.h — what every input reader pushes its articles and problems into.
//
// A reader turns one input stream into Articles. It never throws for bad
// records: it reports them to the sink (with the file and the line, record or
// byte offset) and carries on with the next one.
//
// The sink's add and skip may throw — the indexer stops a run that way on
// SIGINT — so a reader lets exceptions from the sink pass (no catch-all around
// sink calls) and holds its resources by RAII.
//
// A stream that ends on damage (a truncated or corrupt .gz or .zst file, see
// ended_by_damage in input_stream.h) is reported by the indexer, once, as a
// skipped record of the file. The reader then reports nothing for what the
// end cut off (a record left open, an empty or record-less file) and does not
// index it, so that one lost record is one message and one count.
#pragma once

#include <string>

#include "article.h"

namespace newsarchive {

// Where a problem was found and why; `position` reads like "line 12",
// "record 3" or "byte 4096".
struct RecordProblem {
    std::string file;
    std::string position;
    std::string reason;     // one line, for people
    std::string category;   // short key for the summary counts, e.g. "malformed JSON"
};

class ArticleSink {
public:
    virtual ~ArticleSink() = default;
    // A complete article, ready to index.
    virtual void add(Article&& article, const std::string& file, const std::string& position) = 0;
    // A record that was skipped.
    virtual void skip(const RecordProblem& problem) = 0;
    // Something worth a warning in a record that is still indexed (e.g. an
    // unparseable date: the article is kept without one).
    virtual void warn(const RecordProblem& problem) = 0;
};

}  // namespace newsarchive
