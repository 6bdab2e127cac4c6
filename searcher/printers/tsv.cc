// tsv.cc — the TSV printer.
#include "printers/tsv.h"

namespace newsarchive {

void TsvPrinter::begin(const SearchResult& result) {
    if (!result.count_only) out_ << "rank\tscore\tdate\tsource\tid\ttitle\n";
}

void TsvPrinter::hit(const Hit& hit) {
    out_ << hit.rank << '\t' << format_score(hit.score) << '\t' << hit.date.value_or("") << '\t'
         << one_field(hit.source.value_or("")) << '\t' << one_field(hit.id) << '\t' << one_field(hit.title) << '\n';
}

void TsvPrinter::end(const SearchResult& result) {
    if (result.count_only) out_ << result.total << '\n';
    out_.flush();
}

}  // namespace newsarchive
