// index_files.cc — reading an index's stub file.
#include "index_files.h"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace e2e {

std::vector<std::string> shard_paths(const std::string& db) {
    std::filesystem::path root(db);
    std::ifstream stub(root / "XAPIANDB");
    if (!stub)
        return std::filesystem::exists(root / "iamglass") ? std::vector<std::string>{db} : std::vector<std::string>{};
    std::vector<std::string> shards;
    for (std::string line; std::getline(stub, line);) {
        std::istringstream words(line);
        std::string backend, path;
        if (line.starts_with("#") || !(words >> backend >> path)) continue;
        shards.push_back((root / path).string());
    }
    return shards;
}

}  // namespace e2e
