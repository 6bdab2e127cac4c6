// schema.cc — id terms and field weights of the schema table.
#include "schema.h"

#include <charconv>
#include <stdexcept>

#include "content_hash.h"

namespace newsarchive::schema {

namespace {
// Xapian's limit is 245 bytes per term; stay clear of it.
constexpr std::size_t kMaxIdTermBytes = 240;
constexpr std::size_t kLongIdHeadBytes = 160;
}  // namespace

std::string id_term(std::string_view id) {
    std::string term{kIdPrefix};
    if (kIdPrefix.size() + id.size() <= kMaxIdTermBytes) {
        term += id;
    } else {
        term += id.substr(0, kLongIdHeadBytes);
        term += '#';
        term += content_hash(id);
    }
    return term;
}

std::string source_key(std::string_view source) {
    std::string key;
    bool pending_space = false;
    for (Xapian::Utf8Iterator it(source.data(), source.size()), end; it != end; ++it) {
        unsigned character = *it;
        if (Xapian::Unicode::is_whitespace(character)) {
            pending_space = !key.empty();
            continue;
        }
        if (pending_space) key += ' ';
        pending_space = false;
        Xapian::Unicode::append_utf8(key, Xapian::Unicode::tolower(character));
    }
    return key;
}

std::string source_term(std::string_view source) {
    std::string key = source_key(source);
    std::string term{kSourceExactPrefix};
    if (kSourceExactPrefix.size() + key.size() <= kMaxIdTermBytes) {
        term += key;
    } else {
        term += key.substr(0, kLongIdHeadBytes);
        term += '#';
        term += content_hash(key);
    }
    return term;
}

const TextField* find_text_field(std::string_view name) {
    for (const auto& field : kTextFields)
        if (field.name == name) return &field;
    return nullptr;
}

FieldWeights::FieldWeights() {
    for (std::size_t i = 0; i < kTextFields.size(); ++i) weights_[i] = kTextFields[i].default_weight;
}

void FieldWeights::set(std::string_view assignment) {
    auto eq = assignment.find('=');
    if (eq == std::string_view::npos)
        throw std::invalid_argument("weight must look like FIELD=N, got '" + std::string(assignment) + "'");
    auto name = assignment.substr(0, eq);
    auto number = assignment.substr(eq + 1);
    const TextField* field = find_text_field(name);
    if (!field) {
        std::string known;
        for (const auto& f : kTextFields) known += (known.empty() ? "" : ", ") + std::string(f.name);
        throw std::invalid_argument("unknown field '" + std::string(name) + "' in weight (fields: " + known + ")");
    }
    unsigned weight = 0;
    auto [end, ec] = std::from_chars(number.data(), number.data() + number.size(), weight);
    if (ec != std::errc{} || end != number.data() + number.size() || weight > 100)
        throw std::invalid_argument("weight of '" + std::string(name) + "' must be a whole number from 0 to 100, got '" +
                                    std::string(number) + "'");
    weights_[static_cast<std::size_t>(field - kTextFields.data())] = weight;
}

unsigned FieldWeights::of(const TextField& field) const {
    return weights_[static_cast<std::size_t>(&field - kTextFields.data())];
}

std::string FieldWeights::describe() const {
    std::string out;
    for (std::size_t i = 0; i < kTextFields.size(); ++i) {
        if (i) out += ' ';
        out += kTextFields[i].name;
        out += '=';
        out += std::to_string(weights_[i]);
    }
    return out;
}

}  // namespace newsarchive::schema
