// scratch_directory.cc — made on construction, removed on destruction.
#include "scratch_directory.h"

#include <unistd.h>

#include <atomic>

namespace test_support {

ScratchDirectory::ScratchDirectory(const std::string& purpose) {
    static std::atomic<int> counter{0};
    path_ = std::filesystem::temp_directory_path() /
            ("newsarchive-" + purpose + "-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    std::filesystem::create_directories(path_);
}

ScratchDirectory::~ScratchDirectory() {
    std::error_code ignored;  // a destructor must not throw; a leftover directory is harmless
    std::filesystem::remove_all(path_, ignored);
}

}  // namespace test_support
