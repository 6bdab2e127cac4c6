// message.cc — Internet messages (RFC 5322 mail, RFC 5536 Usenet posts), one per file or many in an mbox, via GMime.
//
// GMime (notmuch's parser) decodes what a hand-written reader would get
// wrong: RFC 2047 encoded words in headers, quoted-printable and base64
// bodies, charsets, MIME structure, and mbox "From " separators.
#include <cstdio>
#include <string>
#include <vector>

#include "content_hash.h"
#include "input_stream.h"
#include "readers/message_stream.h"
#include "readers/readers.h"
#include "text_clean.h"

namespace newsarchive {

namespace {

// Bytes in 8-bit headers and bodies that declare no charset: UTF-8 if they
// are, else Windows-1252 (Latin-1 with the C1 punctuation Usenet and mail
// clients actually wrote).
const char* kFallbackCharsets[] = {"UTF-8", "windows-1252", nullptr};

struct ParserOptions {
    GMimeParserOptions* options = g_mime_parser_options_new();
    ParserOptions() { g_mime_parser_options_set_fallback_charsets(options, kFallbackCharsets); }
    ~ParserOptions() { g_mime_parser_options_free(options); }
    ParserOptions(const ParserOptions&) = delete;
    ParserOptions& operator=(const ParserOptions&) = delete;
};

// The text of the message's text/plain parts that are not attachments, in
// order, a blank line between; without any, its text/html parts as text.
std::string body_text(GMimeMessage* message) {
    struct Bodies {
        std::vector<std::string> plain, html;
    } bodies;
    g_mime_message_foreach(
        message,
        [](GMimeObject*, GMimeObject* part, gpointer data) {
            if (!GMIME_IS_TEXT_PART(part) || g_mime_part_is_attachment(GMIME_PART(part))) return;
            GMimeContentType* type = g_mime_object_get_content_type(part);
            bool html = g_mime_content_type_is_type(type, "text", "html");
            if (!html && !g_mime_content_type_is_type(type, "text", "plain")) return;
            char* text = g_mime_text_part_get_text(GMIME_TEXT_PART(part));
            if (!text) return;
            auto& into = html ? static_cast<Bodies*>(data)->html : static_cast<Bodies*>(data)->plain;
            into.push_back(clean_text(text));
            g_free(text);
        },
        &bodies);
    std::vector<std::string>& parts = bodies.plain.empty() ? bodies.html : bodies.plain;
    std::string body;
    for (const auto& part : parts) {
        std::string text = bodies.plain.empty() ? html_to_text(part) : part;
        if (text.find_first_not_of(" \t\r\n") == std::string::npos) continue;
        if (!body.empty()) body += "\n\n";
        body += text;
    }
    return body;
}

// The names in From:, or the addresses of those that give none.
std::vector<std::string> authors(GMimeMessage* message) {
    std::vector<std::string> names;
    InternetAddressList* from = g_mime_message_get_from(message);
    for (int i = 0; from && i < internet_address_list_length(from); ++i) {
        InternetAddress* address = internet_address_list_get_address(from, i);
        const char* name = internet_address_get_name(address);
        std::string author = name ? clean_text(name) : "";
        if (author.empty() && INTERNET_ADDRESS_IS_MAILBOX(address))
            author = clean_text(internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(address)));
        if (!author.empty()) names.push_back(std::move(author));
    }
    return names;
}

std::string trimmed(const std::string& text) {
    auto start = text.find_first_not_of(" \t\r\n");
    if (start == std::string::npos) return "";
    return text.substr(start, text.find_last_not_of(" \t\r\n") - start + 1);
}

// The first group of Newsgroups:, where a Usenet post was posted.
std::string newsgroup(GMimeMessage* message) {
    const char* groups = g_mime_object_get_header(GMIME_OBJECT(message), "Newsgroups");
    if (!groups) return "";
    std::string all = clean_text(groups);
    return trimmed(all.substr(0, all.find(',')));
}

std::optional<Date> message_date(GMimeMessage* message, const std::string& file, const std::string& position,
                                 ArticleSink& sink) {
    const char* header = g_mime_object_get_header(GMIME_OBJECT(message), "Date");
    if (GDateTime* date = g_mime_message_get_date(message)) {
        // The day as the sender wrote it, in the sender's zone, held to the
        // years every other format's dates are (parse_date).
        int year = 0, month = 0, day = 0;
        g_date_time_get_ymd(date, &year, &month, &day);
        char iso[32];
        std::snprintf(iso, sizeof iso, "%04d-%02d-%02d", year, month, day);
        if (auto parsed = parse_date(iso)) return parsed;
    }
    if (header)
        sink.warn({file, position, "unrecognised date '" + clean_text(header) + "'; article kept without a date",
                   "unrecognised date"});
    return std::nullopt;
}

// The article of one parsed message; nullopt (after sink.skip) when it has
// neither a subject nor body text.
std::optional<Article> article_from_message(GMimeMessage* message, std::optional<std::string> raw,
                                            const std::string& file, const std::string& position, ArticleSink& sink) {
    Article article;
    if (const char* subject = g_mime_message_get_subject(message)) article.title = trimmed(clean_text(subject));
    article.body = body_text(message);
    if (article.title.empty() && article.body.empty()) {
        sink.skip({file, position, "message has neither a subject nor body text", "no title or body"});
        return std::nullopt;
    }
    article.authors = authors(message);
    article.source = newsgroup(message);
    article.date = message_date(message, file, position, sink);
    article.text = raw ? std::move(*raw) : article_text(article.title, article.body);
    if (const char* id = g_mime_message_get_message_id(message)) article.id = trimmed(clean_text(id));
    if (article.id.empty()) article.id = content_hash(article.text);
    return article;
}

// A parser of `stream` from where it stands.
GObjectPtr<GMimeParser> new_parser(MessageStream& stream, bool mbox) {
    GObjectPtr<GMimeParser> parser(g_mime_parser_new_with_stream(stream.gmime()));
    g_mime_parser_set_format(parser.get(), mbox ? GMIME_FORMAT_MBOX : GMIME_FORMAT_MESSAGE);
    g_mime_parser_set_persist_stream(parser.get(), FALSE);
    return parser;
}

}  // namespace

void read_messages(const std::string& file, std::istream& in, bool mbox, ArticleSink& sink) {
    MessageStream stream(in, kMaxRecordBytes);
    ParserOptions options;
    GObjectPtr<GMimeParser> parser = new_parser(stream, mbox);
    for (std::uint64_t number = 1; mbox ? !g_mime_parser_eos(parser.get()) : number == 1; ++number) {
        std::int64_t start = g_mime_parser_tell(parser.get());
        GObjectPtr<GMimeMessage> message(g_mime_parser_construct_message(parser.get(), options.options));
        std::int64_t end = g_mime_parser_tell(parser.get());
        // A message that runs to where damage ended the stream was cut off by
        // it: the indexer reports the damage, once. (The parser reads ahead,
        // so the stream may have ended while an earlier, whole message was read.)
        if (ended_by_damage(in) && end >= stream.bytes_read()) return;
        if (!message) {
            if (number == 1 && stream.bytes_read() == 0) {
                sink.skip({file, "byte 0", "empty file", "empty file"});
                return;
            }
            if (!mbox) {
                sink.skip({file, "byte 0", "not a message: it does not start with headers (Name: value)",
                           "not a message"});
                return;
            }
            std::int64_t marker = g_mime_parser_get_mbox_marker_offset(parser.get());
            if (marker < 0) {
                sink.skip({file, "byte " + std::to_string(start), "not an mbox file: no \"From \" line starts a message",
                           "not an mbox"});
                return;
            }
            // GMime's parser stops for good at a message whose headers it
            // cannot read: skip that one, and take the mbox up again at the
            // next separator with a new parser.
            sink.skip({file, "message " + std::to_string(number) + " (byte " + std::to_string(marker) + ")",
                       "not a message: its headers do not parse (a message starts with Name: value lines)",
                       "not a message"});
            if (!stream.seek_next_separator(marker)) return;
            parser = new_parser(stream, mbox);
            continue;
        }
        std::int64_t begin = g_mime_parser_get_headers_begin(parser.get());
        std::string position = mbox ? "message " + std::to_string(number) + " (byte " +
                                          std::to_string(g_mime_parser_get_mbox_marker_offset(parser.get())) + ")"
                                    : "file";
        auto raw = stream.raw_text(begin, end);
        bool truncated = stream.truncated();
        if (truncated) sink.warn(kept_first_record_bytes(file, position, "message"));
        if (raw && raw->find('\0') != std::string::npos)
            sink.skip({file, position, "binary message (NUL byte), not text", "binary file"});
        else if (auto article = article_from_message(message.get(), std::move(raw), file, position, sink))
            sink.add(std::move(*article), file, position);
        if (truncated) {
            // The rest of the cut message is passed over, up to the next one.
            if (!mbox || !stream.seek_next_separator(end)) return;
            parser = new_parser(stream, mbox);
        }
    }
}

}  // namespace newsarchive
