// index_layout.cc — reading and atomically replacing the stub file.
#include "index_layout.h"

#include <fcntl.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace newsarchive {

namespace fs = std::filesystem;

namespace {

std::string shard_name(std::size_t shard) {
    char name[32];
    std::snprintf(name, sizeof name, "shard-%02zu", shard);
    return name;
}

// Xapian's stub format: "BACKEND PATH" per line, paths relative to the stub.
// We only ever write local Glass shards; other lines are a user's, and
// newsindex cannot write to them.
std::vector<std::string> read_stub(const fs::path& stub) {
    std::ifstream in(stub);
    if (!in) throw std::runtime_error("cannot read '" + stub.string() + "'");
    std::vector<std::string> shards;
    for (std::string line; std::getline(in, line);) {
        if (line.empty() || line[0] == '#') continue;
        std::istringstream words(line);
        std::string backend, shard;
        words >> backend >> shard;
        if ((backend != "glass" && backend != "auto") || shard.empty())
            throw std::runtime_error("'" + stub.string() + "' lists '" + line +
                                     "': newsindex writes only to local shards (glass or auto lines)");
        shards.push_back((stub.parent_path() / shard).string());
    }
    if (shards.empty()) throw std::runtime_error("'" + stub.string() + "' lists no shards");
    return shards;
}

}  // namespace

IndexLayout read_layout(const std::string& path, std::size_t shards_for_new_index) {
    fs::path root(path);
    if (fs::exists(root / kStubFileName)) return {read_stub(root / kStubFileName), true};
    if (fs::exists(root / "iamglass")) return {{path}, false};
    IndexLayout layout{{}, true};
    for (std::size_t shard = 0; shard < shards_for_new_index; ++shard)
        layout.shard_paths.push_back((root / shard_name(shard)).string());
    return layout;
}

void write_stub(const std::string& path, const IndexLayout& layout) {
    fs::path root(path);
    std::string text = "# newsarchive index: one Xapian database per shard (docs/architecture.md)\n";
    for (const auto& shard : layout.shard_paths)
        text += "glass " + fs::path(shard).lexically_relative(root).string() + "\n";
    fs::path temporary = root / (std::string(kStubFileName) + ".new");
    int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    bool written =
        fd >= 0 && ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) && ::fsync(fd) == 0;
    if (fd >= 0) ::close(fd);
    // The rename is what makes the new list visible, all at once: a reader
    // opening the index sees either the old shards or the new ones.
    if (!written || std::rename(temporary.c_str(), (root / kStubFileName).c_str()) != 0)
        throw std::runtime_error("cannot write '" + (root / kStubFileName).string() + "'");
}

}  // namespace newsarchive
