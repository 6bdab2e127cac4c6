// process.h — running the built binaries from end-to-end tests.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace e2e {

struct ProcessResult {
    int exit_code = -1;  // 128 + signal number when killed by a signal
    std::string out;
    std::string err;
};

// Runs `program` with `arguments` (no shell), feeding `input` on standard
// input, with `environment` added to (or, for empty values, removed from) the
// test's own environment, and waits for it.
ProcessResult run(const std::string& program, const std::vector<std::string>& arguments,
                  const std::string& input = "", const std::map<std::string, std::string>& environment = {});

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
