// repl.cc — the interactive prompt: read a line, turn it into an action on a
// SearchRequest, run the CLI's search and printer.
//
// Line editing and history use libedit's readline emulation rather than GNU
// readline: libedit is BSD-licensed, GNU readline is GPL, which would bind the
// whole newssearch binary to the GPL.
#include "repl.h"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <string_view>
#include <vector>

#include <editline/readline.h>
#include <boost/program_options.hpp>
#include <xapian.h>

#include "cli.h"
#include "database_location.h"
#include "terminal.h"

namespace po = boost::program_options;

namespace newsarchive {

namespace {

constexpr const char* kPrompt = "newssearch> ";
constexpr int kHistoryLines = 1000;

constexpr const char* kHelp = R"(Type a query to search (same syntax as the command line), or a command:
  :more                 the next page of results
  :show N               article N of the results (or an article id), through $PAGER
  :similar N            articles like article N (or an article id)
  :sort date|oldest|relevance
  :since DATE           only articles on or after DATE (no DATE: clear)
  :until DATE           only articles on or before DATE (no DATE: clear)
  :source NAME          only articles from source NAME (no NAME: clear)
  :timeline [year|month|day]
                        matches of the current search per period, as a chart
  :help                 this list
  :quit                 leave (or Ctrl-D); Ctrl-C abandons the line
)";

// Set by SIGINT: Ctrl-C makes readline() return nullptr, as EOF would; this
// tells the two apart.
volatile sig_atomic_t interrupted = 0;

extern "C" void on_interrupt(int) { interrupted = 1; }

bool is_interactive_flag(std::string_view argument) {
    return argument == "-i" || argument == "--interactive";
}

std::string trim(std::string_view text) {
    auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return "";
    auto last = text.find_last_not_of(" \t\r\n");
    return std::string(text.substr(first, last - first + 1));
}

std::string one_line(std::string message) {
    for (char& c : message)
        if (c == '\n' || c == '\r') c = ' ';
    return message;
}

// What one input line asks for.
struct Action {
    enum Kind { none, search, more, show, similar, sort, since, until, source, timeline, help, quit, unknown };
    Kind kind = none;
    std::string argument;  // the query, or the command's argument (trimmed)
    std::string name;      // the command as typed, for messages
};

Action parse_line(const std::string& raw) {
    std::string line = trim(raw);
    if (line.empty()) return {};
    if (line[0] != ':') return {Action::search, line, ""};
    auto blank = line.find_first_of(" \t");
    std::string name = line.substr(0, blank);
    std::string argument = blank == std::string::npos ? "" : trim(line.substr(blank));
    static const std::map<std::string, Action::Kind, std::less<>> commands = {
        {":more", Action::more},       {":show", Action::show},   {":similar", Action::similar},
        {":sort", Action::sort},       {":since", Action::since}, {":until", Action::until},
        {":source", Action::source},   {":timeline", Action::timeline}, {":help", Action::help},
        {":quit", Action::quit},       {":q", Action::quit},      {":exit", Action::quit},
    };
    auto found = commands.find(name);
    return {found == commands.end() ? Action::unknown : found->second, argument, name};
}

class Session {
public:
    Session(Searcher& searcher, InteractiveOptions options)
        : searcher_(searcher), request_(std::move(options.request)), printer_(options.printer) {}

    // False when the session should end.
    bool handle(const Action& action);
    void run_initial_query() {
        if (!request_.query.text.empty() || request_.similar_to) guarded([&] { search(request_); });
    }

private:
    template <typename F>
    void guarded(F f) {
        try {
            f();
        } catch (const Xapian::Error& e) {
            std::cerr << "error: " << one_line(e.get_description()) << std::endl;
        } catch (const std::exception& e) {
            std::cerr << "error: " << one_line(e.what()) << std::endl;
        }
    }
    // Runs `next` (from its first page unless `paging`); only a search that
    // succeeds replaces the current request and its results.
    void search(SearchRequest next, bool paging = false);
    // Changes to the order or the filters re-run the current search.
    void update(SearchRequest next) {
        if (searching_)
            search(std::move(next));
        else
            request_ = std::move(next);
    }
    // In the text format, as wide as the terminal is now (it may have been resized).
    void print(const SearchResult& result) {
        printer_.width = output_columns();
        auto printer = make_printer(OutputFormat::text, std::cout, printer_);
        print_result(*printer, result);
    }
    std::string article_id(const std::string& argument, const std::string& command) const;
    void show(const std::string& id);

    Searcher& searcher_;
    SearchRequest request_;
    PrinterOptions printer_;
    bool searching_ = false;                  // a search has run: filters re-run it
    std::map<std::uint64_t, std::string> ranks_;  // rank → id, for :show N, :similar N
};

void Session::search(SearchRequest next, bool paging) {
    if (!paging) next.offset = 0;
    if (next.empty()) throw RequestError("nothing to search for: type a query");
    searcher_.reopen();
    SearchResult result = searcher_.search(next);
    request_ = std::move(next);
    searching_ = true;
    if (!paging) ranks_.clear();
    for (const auto& hit : result.hits) ranks_[hit.rank] = hit.id;
    print(result);
}

std::string Session::article_id(const std::string& argument, const std::string& command) const {
    if (argument.empty()) throw RequestError(command + " needs a result number or an article id");
    if (argument.find_first_not_of("0123456789") == std::string::npos && argument.size() < 19) {
        auto found = ranks_.find(std::stoull(argument));
        if (found != ranks_.end()) return found->second;
    }
    return argument;  // an article id (an unknown one is reported by the caller)
}

// Through $PAGER (default "less -R") when it is longer than the terminal;
// printed directly otherwise, or when no pager can be run.
void page(const std::string& text) {
    std::size_t lines = 0;
    for (char c : text) lines += c == '\n';
    if (!text.empty() && text.back() != '\n') ++lines;
    std::size_t rows = terminal_rows();
    if (rows > 0 && lines >= rows) {
        const char* pager = std::getenv("PAGER");
        std::string command = pager && *pager ? pager : "less -R";
        std::cout.flush();
        // The user may quit the pager before reading it all: no SIGPIPE.
        struct sigaction ignore {}, previous {};
        ignore.sa_handler = SIG_IGN;
        sigaction(SIGPIPE, &ignore, &previous);
        bool paged = false;
        if (FILE* pipe = popen(command.c_str(), "w")) {
            std::fwrite(text.data(), 1, text.size(), pipe);
            if (!text.empty() && text.back() != '\n') std::fputc('\n', pipe);
            int status = pclose(pipe);
            // 127: the shell could not run it.
            paged = status != -1 && !(WIFEXITED(status) && WEXITSTATUS(status) == 127);
        }
        sigaction(SIGPIPE, &previous, nullptr);
        if (paged) return;
    }
    std::cout << text;
    if (!text.empty() && text.back() != '\n') std::cout << '\n';
    std::cout << std::flush;
}

void Session::show(const std::string& id) {
    auto article = searcher_.fetch(id);
    if (!article) throw RequestError("no article with id '" + id + "'");
    page(article->text);
}

bool Session::handle(const Action& action) {
    switch (action.kind) {
        case Action::none: break;
        case Action::quit: return false;
        case Action::help: std::cout << kHelp << std::flush; break;
        case Action::unknown:
            std::cerr << "error: unknown command " << action.name << " (:help lists them)" << std::endl;
            break;
        case Action::search:
            guarded([&] {
                SearchRequest next = request_;
                next.query.text = action.argument;
                next.similar_to.reset();
                search(std::move(next));
            });
            break;
        case Action::more:
            guarded([&] {
                if (!searching_) throw RequestError(":more: no search yet");
                SearchRequest next = request_;
                next.offset += next.limit;
                search(std::move(next), true);
            });
            break;
        case Action::show: guarded([&] { show(article_id(action.argument, ":show")); }); break;
        case Action::similar:
            guarded([&] {
                SearchRequest next = request_;
                next.query.text.clear();
                next.similar_to = article_id(action.argument, ":similar");
                search(std::move(next));
            });
            break;
        case Action::sort:
            guarded([&] {
                SearchRequest next = request_;
                next.sort = parse_sort_order(action.argument.empty() ? "relevance" : action.argument, ":sort");
                update(std::move(next));
            });
            break;
        case Action::since:
        case Action::until:
            guarded([&] {
                SearchRequest next = request_;
                auto& bound = action.kind == Action::since ? next.query.since : next.query.until;
                if (action.argument.empty())
                    bound.reset();
                else
                    bound = parse_request_date(action.argument, action.name);
                update(std::move(next));
            });
            break;
        case Action::source:
            guarded([&] {
                SearchRequest next = request_;
                next.query.sources.clear();
                if (!action.argument.empty()) next.query.sources.push_back(action.argument);
                update(std::move(next));
            });
            break;
        case Action::timeline:
            guarded([&] {
                if (!searching_) throw RequestError(":timeline: no search yet");
                SearchRequest chart = request_;
                chart.timeline = parse_period(action.argument.empty() ? "month" : action.argument, ":timeline");
                chart.limit = 0;
                chart.offset = 0;
                chart.facets.clear();
                print(searcher_.search(chart));
            });
            break;
    }
    return true;
}

}  // namespace

std::string interactive_history_path() {
    if (const char* path = std::getenv("NEWSSEARCH_HISTORY"); path && *path) return path;
    std::filesystem::path state;
    if (const char* xdg = std::getenv("XDG_STATE_HOME"); xdg && *xdg && xdg[0] == '/')
        state = xdg;
    else if (const char* home = std::getenv("HOME"); home && *home)
        state = std::filesystem::path(home) / ".local" / "state";
    else
        return "";
    return (state / "newsarchive" / "history").string();
}

std::optional<InteractiveOptions> interactive_command_line(int argc, char** argv) {
    std::vector<std::string> arguments;
    bool asked = false;
    bool after_dashes = false;
    for (int i = 1; i < argc; ++i) {
        std::string_view argument = argv[i];
        if (argument == "--") after_dashes = true;
        if (!after_dashes && is_interactive_flag(argument))
            asked = true;
        else
            arguments.emplace_back(argument);
    }
    if (!asked && !(isatty(STDIN_FILENO) && isatty(STDOUT_FILENO))) return std::nullopt;

    InteractiveOptions options;
    std::string db, color;
    std::vector<std::string> words;
    po::options_description described;
    described.add_options()
        ("db,d", po::value(&db))
        ("color", po::value(&color)->default_value("auto"));
    described.add(RequestOptions::description());
    po::options_description all;
    all.add(described).add_options()("query", po::value(&words)->composing());
    po::positional_options_description positional;
    positional.add("query", -1);
    try {
        po::variables_map vm;
        auto parsed = po::command_line_parser(arguments)
                          .options(all)
                          .positional(positional)
                          .extra_style_parser(&RequestOptions::timeline_parser)
                          .allow_unregistered()
                          .run();
        auto unknown = po::collect_unrecognized(parsed.options, po::exclude_positional);
        if (!unknown.empty()) {
            // --show, --batch, --format, --help...: the one-shot command line's.
            if (asked) throw RequestError("-i/--interactive does not go with " + unknown.front());
            return std::nullopt;
        }
        po::store(parsed, vm);
        po::notify(vm);
        RequestOptions::apply(vm, options.request);
        for (const auto& word : words) options.request.query.text += (options.request.query.text.empty() ? "" : " ") + word;
        // Without -i, anything to search for (a query, --similar, a filter
        // alone) means a one-shot search, as before.
        if (!asked && !options.request.empty()) return std::nullopt;
        if (options.request.count_only) throw RequestError("--count does not go with -i/--interactive");
        options.printer.highlight = highlight_wanted(color);
    } catch (const std::exception&) {
        if (asked) throw;
        return std::nullopt;  // the one-shot command line reports it
    }
    options.database = database_location(db);
    return options;
}

int run_interactive(Searcher& searcher, InteractiveOptions options) {
    std::string history = interactive_history_path();
    if (!history.empty()) {
        std::error_code ignored;
        std::filesystem::create_directories(std::filesystem::path(history).parent_path(), ignored);
    }
    rl_readline_name = const_cast<char*>("newssearch");
    using_history();
    stifle_history(kHistoryLines);
    if (!history.empty()) read_history(history.c_str());

    // No SA_RESTART: the pending read() fails with EINTR and readline()
    // returns, with `interrupted` set. libedit's own handler (rl_catch_signals)
    // restores the terminal and passes the signal on to this one.
    struct sigaction action {}, previous {};
    action.sa_handler = on_interrupt;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;
    sigaction(SIGINT, &action, &previous);

    Session session(searcher, std::move(options));
    if (isatty(STDOUT_FILENO)) std::cout << "newssearch interactive mode: :help for commands, Ctrl-D to leave\n" << std::flush;
    session.run_initial_query();
    for (;;) {
        interrupted = 0;
        char* raw = readline(kPrompt);
        if (!raw) {
            if (interrupted) {  // Ctrl-C: abandon the line, prompt again
                std::cout << '\n' << std::flush;
                continue;
            }
            std::cout << '\n' << std::flush;  // Ctrl-D
            break;
        }
        std::string line = raw;
        std::free(raw);
        if (!trim(line).empty()) {
            add_history(line.c_str());
            if (!history.empty()) write_history(history.c_str());  // after each line: nothing lost on a crash
        }
        if (!session.handle(parse_line(line))) break;
    }
    sigaction(SIGINT, &previous, nullptr);
    return 0;
}

}  // namespace newsarchive
