// batch_latency.cc — bench-batch-latency: per-query latency of a co-process that answers each query line with one line.
//
// Starts COMMAND with pipes on its stdin and stdout, writes one query per
// line and times until its one-line answer has been read: what a program
// keeping `newssearch --batch` open as a co-process sees, pipe round trip and
// JSON output included. A reply containing "results":[] (docs/output.md)
// counts as a query without hits; a reply starting {"error" stops the run.
// With --trec the answer is TREC run lines up to a "# end" line, and a
// "# error" line stops the run.
// Prints one JSON line of latency percentiles (see latency.h).
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <iostream>
#include <stdexcept>
#include <string>
#include <vector>

#include <boost/program_options.hpp>

#include "latency.h"

namespace po = boost::program_options;

namespace {

// A child process whose stdin we write and whose stdout we read line by line.
class CoProcess {
public:
    explicit CoProcess(const std::vector<std::string>& command) {
        int to_child[2], from_child[2];
        if (pipe(to_child) != 0 || pipe(from_child) != 0) throw std::runtime_error("pipe failed");
        pid_ = fork();
        if (pid_ < 0) throw std::runtime_error("fork failed");
        if (pid_ == 0) {
            dup2(to_child[0], STDIN_FILENO);
            dup2(from_child[1], STDOUT_FILENO);
            for (int fd : {to_child[0], to_child[1], from_child[0], from_child[1]}) close(fd);
            std::vector<char*> argv;
            for (const auto& word : command) argv.push_back(const_cast<char*>(word.c_str()));
            argv.push_back(nullptr);
            execvp(argv[0], argv.data());
            std::perror(argv[0]);
            _exit(127);
        }
        close(to_child[0]);
        close(from_child[1]);
        in_ = fdopen(to_child[1], "w");
        out_ = fdopen(from_child[0], "r");
        if (!in_ || !out_) throw std::runtime_error("fdopen failed");
    }

    CoProcess(const CoProcess&) = delete;
    CoProcess& operator=(const CoProcess&) = delete;

    ~CoProcess() {
        std::fclose(in_);  // end of input: the co-process exits
        std::fclose(out_);
        int status = 0;
        waitpid(pid_, &status, 0);
    }

    // Sends `line`; returns the answer's lines up to and including the first
    // that starts with one of `last_line_starts` (any line when empty).
    std::string ask(const std::string& line, const std::vector<std::string>& last_line_starts) {
        if (std::fprintf(in_, "%s\n", line.c_str()) < 0 || std::fflush(in_) != 0)
            throw std::runtime_error("the co-process stopped reading");
        std::string reply, current;
        char chunk[1 << 16];
        while (std::fgets(chunk, sizeof chunk, out_)) {
            current += chunk;
            if (current.back() != '\n') continue;
            reply += current;
            bool last = last_line_starts.empty();
            for (const auto& start : last_line_starts) last = last || current.starts_with(start);
            if (last) return reply;
            current.clear();
        }
        throw std::runtime_error("the co-process exited before answering '" + line + "'");
    }

private:
    pid_t pid_ = -1;
    FILE* in_ = nullptr;
    FILE* out_ = nullptr;
};

}  // namespace

int main(int argc, char** argv) {
    try {
        std::string queries_file;
        int repeat = 5;
        bool trec = false;
        std::vector<std::string> command;
        po::options_description visible(
            "Usage: bench-batch-latency --queries FILE [--repeat N] -- COMMAND [ARG...]\n\nOptions");
        visible.add_options()
            ("help,h", "show this help and exit")
            ("queries", po::value(&queries_file)->required(), "file of queries, one per line")
            ("repeat", po::value(&repeat)->default_value(repeat), "timed passes over the queries (after one untimed)")
            ("trec", po::bool_switch(&trec), "answers are TREC run lines ended by '# end' (--format trec)");
        po::options_description hidden;
        hidden.add_options()("command", po::value(&command)->required()->multitoken());
        po::options_description all;
        all.add(visible).add(hidden);
        po::positional_options_description positional;
        positional.add("command", -1);
        po::variables_map vm;
        po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(), vm);
        if (vm.count("help")) {
            std::cout << visible << '\n';
            return 0;
        }
        po::notify(vm);

        signal(SIGPIPE, SIG_IGN);  // a co-process that dies shows up as a write error
        auto queries = newsarchive::bench::read_queries(queries_file);
        CoProcess co_process(command);
        auto run_query = [&](const std::string& query) -> std::size_t {
            if (trec) {
                std::string reply = co_process.ask(query, {"# end", "# error"});
                if (reply.find("# error") != std::string::npos) throw std::runtime_error("'" + query + "' failed: " + reply);
                return reply.starts_with("# end") ? 0 : 1;
            }
            std::string reply = co_process.ask(query, {});
            // Latencies of failed requests would mean nothing: stop at the first.
            if (reply.rfind("{\"error\"", 0) == 0) throw std::runtime_error("'" + query + "' failed: " + reply);
            return reply.find("\"results\":[]") == std::string::npos ? 1 : 0;
        };
        std::cout << newsarchive::bench::to_json(newsarchive::bench::measure_queries(queries, repeat, run_query)) << '\n';
        return 0;
    } catch (const po::error& e) {
        std::cerr << "bench-batch-latency: " << e.what() << " (try --help)\n";
    } catch (const std::exception& e) {
        std::cerr << "bench-batch-latency: " << e.what() << '\n';
    }
    return 2;
}
