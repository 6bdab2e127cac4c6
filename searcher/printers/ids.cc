// ids.cc — the ids printer.
#include "printers/ids.h"

namespace newsarchive {

// An id is one line: a newline inside one (never seen in practice) becomes a space.
void IdsPrinter::hit(const Hit& hit) { out_ << one_field(hit.id) << '\n'; }

void IdsPrinter::end(const SearchResult& result) {
    if (result.count_only) out_ << result.total << '\n';
    out_.flush();
}

}  // namespace newsarchive
