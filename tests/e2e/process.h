// process.h — running the built binaries from end-to-end tests.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <sys/types.h>

#include <nlohmann/json.hpp>

namespace e2e {

struct ProcessResult {
    int exit_code = -1;  // 128 + signal number when killed by a signal
    std::string out;
    std::string err;
};

// Runs `program` with `arguments` (no shell), feeding `input` on standard
// input, with `environment` added to (or, for empty values, removed from) the
// test's own environment, and waits for it. The program starts with SIGINT and
// SIGTERM at their defaults, whatever the test runner ignores.
ProcessResult run(const std::string& program, const std::vector<std::string>& arguments,
                  const std::string& input = "", const std::map<std::string, std::string>& environment = {});

// `program` started like run() but left running, standard input empty, its
// output kept in unnamed temporary files, so that a test can signal it and
// carry on meanwhile. Destruction kills (SIGKILL) and reaps it if need be.
class Background {
public:
    Background(const std::string& program, const std::vector<std::string>& arguments);
    ~Background();
    Background(const Background&) = delete;
    Background& operator=(const Background&) = delete;

    void signal(int signal_number);
    // Whether it has not exited yet (reaps it when it has).
    bool running();
    // Waits for the exit; the output is everything it wrote.
    ProcessResult wait();

private:
    pid_t pid_;
    int out_fd_, err_fd_;
    std::optional<int> status_;  // once reaped
};

// `program` started like run() but with pipes to its standard input and from
// its standard output, to converse with it line by line (newssearch --batch);
// its standard error goes to an unnamed temporary file. Destruction kills
// (SIGKILL) and reaps it if need be.
class CoProcess {
public:
    CoProcess(const std::string& program, const std::vector<std::string>& arguments);
    ~CoProcess();
    CoProcess(const CoProcess&) = delete;
    CoProcess& operator=(const CoProcess&) = delete;

    // Writes `line` and a newline; false when its input is closed.
    bool write_line(const std::string& line);
    // Its next output line, without the newline; nullopt at the end of its
    // output or when none is complete within `timeout_ms`.
    std::optional<std::string> read_line(int timeout_ms = 30000);
    // Ends its input (EOF) and waits for the exit; `out` is the output not yet read.
    ProcessResult finish();

private:
    pid_t pid_;
    int in_fd_ = -1, out_fd_ = -1, err_fd_ = -1;
    std::string pending_;  // read but not yet returned
    bool reaped_ = false;
};

// The built binaries and the source tree, from compile definitions.
std::string newsindex();
std::string newssearch();
std::filesystem::path source_dir();

// A fresh directory under the system temp dir, removed when destroyed.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return path_; }
    std::string operator/(const std::string& name) const { return (path_ / name).string(); }

private:
    std::filesystem::path path_;
};

std::string read_file(const std::filesystem::path& path);
void write_file(const std::filesystem::path& path, const std::string& content);

// `newssearch --db DB --format json ARGS...`, parsed; fails the test on
// output that is not JSON.
nlohmann::json search_json(const std::string& db, const std::vector<std::string>& arguments);
// The ids of a search_json result, in rank order.
std::vector<std::string> ids(const nlohmann::json& result);

}  // namespace e2e
