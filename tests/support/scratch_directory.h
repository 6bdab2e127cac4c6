// scratch_directory.h — a fresh directory for one unit test, removed with everything in it.
#pragma once

#include <filesystem>
#include <string>

namespace test_support {

class ScratchDirectory {
public:
    // Under the system temp dir, named after `purpose`, the process and a
    // counter, so tests running at once (CTest -j) or nested never share one.
    explicit ScratchDirectory(const std::string& purpose);
    ~ScratchDirectory();
    ScratchDirectory(const ScratchDirectory&) = delete;
    ScratchDirectory& operator=(const ScratchDirectory&) = delete;

    const std::filesystem::path& path() const { return path_; }
    std::string file(const std::string& name) const { return (path_ / name).string(); }

private:
    std::filesystem::path path_;
};

}  // namespace test_support
