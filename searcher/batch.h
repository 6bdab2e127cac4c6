// batch.h — `newssearch --batch`: one request per input line, one answer each.
//
// For scripts that keep one process open as a co-process. Each line is a bare
// query, or a JSON object of request options (see apply_json_request) over the
// command line's. Every line gets exactly one answer, flushed at once:
//
//   --format json (the default): one line, the json format's object (with
//     "id" when the request had one), or {"error": "...", "line": N} (with
//     "id" when known) for a request that cannot be answered.
//   --format trec: the run lines, QID being the request's "id", else its line
//     number; then "# end QID". A request that cannot be answered gets the one
//     line "# error line N: MESSAGE". Every answer thus ends with the first
//     line starting with "#", and `grep -v '^#'` leaves a clean run file.
//
// The index is reopened before each request, so articles committed since the
// start are found. A bad request never ends the loop.
#pragma once

#include <istream>
#include <ostream>

#include "printers/printer.h"
#include "request.h"
#include "search.h"

namespace newsarchive {

// Answers every line of `in` until its end. Returns false when reading `in`
// failed (rather than ended). Throws RequestError for a format batch mode
// cannot answer in.
bool run_batch(Searcher& searcher, const SearchRequest& defaults, OutputFormat format,
               const PrinterOptions& printer_options, std::istream& in, std::ostream& out);

}  // namespace newsarchive
