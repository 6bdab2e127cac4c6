// batch.cc — the request loop of --batch.
#include "batch.h"

#include <nlohmann/json.hpp>

namespace newsarchive {

namespace {

// One line, whatever the exception said.
std::string one_line(std::string message) {
    for (char& c : message)
        if (c == '\n' || c == '\r') c = ' ';
    return message;
}

void answer_error(OutputFormat format, std::ostream& out, std::uint64_t line, const std::string& message,
                  const std::optional<RequestId>& id) {
    if (format == OutputFormat::trec) {
        out << "# error line " << line << ": " << one_line(message) << '\n';
    } else {
        nlohmann::json error = {{"error", one_line(message)}, {"line", line}};
        if (id) error["id"] = id->is_number ? nlohmann::json::parse(id->text, nullptr, false) : nlohmann::json(id->text);
        out << error.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    }
    out.flush();
}

}  // namespace

bool run_batch(Searcher& searcher, const SearchRequest& defaults, OutputFormat format,
               const PrinterOptions& printer_options, std::istream& in, std::ostream& out) {
    if (format != OutputFormat::json && format != OutputFormat::trec)
        throw RequestError("--batch answers in --format json or trec, not " + std::string(name_of(format)));
    std::uint64_t line_number = 0;
    for (std::string line; std::getline(in, line);) {
        ++line_number;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        SearchRequest request = defaults;
        try {
            std::size_t first = line.find_first_not_of(" \t");
            if (first != std::string::npos && line[first] == '{') {
                auto object = nlohmann::json::parse(line, nullptr, false);
                if (object.is_discarded()) throw RequestError("malformed JSON request");
                apply_json_request(object, request);
            } else {
                request.query.text = line;
            }
            check_request_fits(request, format);
            if (request.empty()) throw RequestError("empty query: give words to search for, or a filter");
            searcher.reopen();
            SearchResult result = searcher.search(request);
            PrinterOptions options = printer_options;
            std::string qid = request.id ? request.id->text : std::to_string(line_number);
            options.trec_qid = qid;
            auto printer = make_printer(format, out, options);
            print_result(*printer, result);
            if (format == OutputFormat::trec) out << "# end " << one_token(qid) << '\n' << std::flush;
        } catch (const Xapian::Error& e) {
            answer_error(format, out, line_number, e.get_description(), request.id);
        } catch (const std::exception& e) {
            answer_error(format, out, line_number, e.what(), request.id);
        }
    }
    return !in.bad();
}

}  // namespace newsarchive
