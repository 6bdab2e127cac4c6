// process.cc — fork/exec with pipes for the end-to-end tests.
#include "process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>

#include <doctest/doctest.h>

namespace e2e {

namespace {

void drain(int fd, std::string& into, bool& open) {
    char buffer[65536];
    ssize_t got = ::read(fd, buffer, sizeof buffer);
    if (got > 0) into.append(buffer, static_cast<std::size_t>(got));
    else open = false;
}

// In the forked child: the environment, default signal dispositions, exec.
[[noreturn]] void exec_child(const std::string& program, const std::vector<std::string>& arguments,
                             const std::map<std::string, std::string>& environment) {
    for (const auto& [name, value] : environment) {
        if (value.empty()) unsetenv(name.c_str());
        else setenv(name.c_str(), value.c_str(), 1);
    }
    // A runner started in the background by a non-interactive shell ignores
    // SIGINT, and ignored signals stay ignored across exec.
    for (int signal_number : {SIGINT, SIGTERM}) ::signal(signal_number, SIG_DFL);
    std::vector<char*> argv{const_cast<char*>(program.c_str())};
    for (const auto& argument : arguments) argv.push_back(const_cast<char*>(argument.c_str()));
    argv.push_back(nullptr);
    execv(program.c_str(), argv.data());
    _exit(127);
}

int exit_code(int status) { return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status); }

std::string read_all(int fd) {
    std::string content;
    char buffer[65536];
    for (off_t offset = 0;;) {
        ssize_t got = pread(fd, buffer, sizeof buffer, offset);
        if (got <= 0) return content;
        content.append(buffer, static_cast<std::size_t>(got));
        offset += got;
    }
}

// An unnamed file, gone when closed.
int temporary_file() {
    std::string name = (std::filesystem::temp_directory_path() / "newsarchive-e2e-output-XXXXXX").string();
    int fd = mkstemp(name.data());
    if (fd < 0) throw std::runtime_error("mkstemp failed");
    unlink(name.c_str());
    return fd;
}

// While alive, writing to a pipe whose reader has exited fails with EPIPE
// instead of killing the test with SIGPIPE: a child that exits before reading
// its input must fail a check, not the whole test run.
class SigpipeIgnored {
public:
    SigpipeIgnored() {
        struct sigaction ignore {};
        ignore.sa_handler = SIG_IGN;
        sigaction(SIGPIPE, &ignore, &previous_);
    }
    ~SigpipeIgnored() { sigaction(SIGPIPE, &previous_, nullptr); }
    SigpipeIgnored(const SigpipeIgnored&) = delete;
    SigpipeIgnored& operator=(const SigpipeIgnored&) = delete;

private:
    struct sigaction previous_ {};
};

}  // namespace

ProcessResult run(const std::string& program, const std::vector<std::string>& arguments, const std::string& input,
                  const std::map<std::string, std::string>& environment) {
    int in_pipe[2], out_pipe[2], err_pipe[2];
    if (pipe(in_pipe) || pipe(out_pipe) || pipe(err_pipe)) throw std::runtime_error("pipe failed");
    pid_t pid = fork();
    if (pid < 0) throw std::runtime_error("fork failed");
    if (pid == 0) {
        dup2(in_pipe[0], 0);
        dup2(out_pipe[1], 1);
        dup2(err_pipe[1], 2);
        for (int fd : {in_pipe[0], in_pipe[1], out_pipe[0], out_pipe[1], err_pipe[0], err_pipe[1]}) close(fd);
        exec_child(program, arguments, environment);
    }
    close(in_pipe[0]);
    close(out_pipe[1]);
    close(err_pipe[1]);

    ProcessResult result;
    std::size_t written = 0;
    bool in_open = true, out_open = true, err_open = true;
    SigpipeIgnored sigpipe_ignored;  // newssearch may exit (a bad option) before reading its input
    if (input.empty()) {
        close(in_pipe[1]);
        in_open = false;
    } else {
        fcntl(in_pipe[1], F_SETFL, O_NONBLOCK);
    }
    while (out_open || err_open) {
        std::vector<pollfd> fds;
        if (out_open) fds.push_back({out_pipe[0], POLLIN, 0});
        if (err_open) fds.push_back({err_pipe[0], POLLIN, 0});
        if (in_open) fds.push_back({in_pipe[1], POLLOUT, 0});
        poll(fds.data(), fds.size(), -1);
        for (const auto& fd : fds) {
            if (!fd.revents) continue;
            if (fd.fd == out_pipe[0]) drain(fd.fd, result.out, out_open);
            else if (fd.fd == err_pipe[0]) drain(fd.fd, result.err, err_open);
            else {
                ssize_t sent = ::write(fd.fd, input.data() + written, input.size() - written);
                if (sent > 0) written += static_cast<std::size_t>(sent);
                if (sent < 0 || written == input.size()) {
                    close(in_pipe[1]);
                    in_open = false;
                }
            }
        }
    }
    if (in_open) close(in_pipe[1]);
    close(out_pipe[0]);
    close(err_pipe[0]);
    int status = 0;
    waitpid(pid, &status, 0);
    result.exit_code = exit_code(status);
    return result;
}

Background::Background(const std::string& program, const std::vector<std::string>& arguments)
    : out_fd_(temporary_file()), err_fd_(temporary_file()) {
    pid_ = fork();
    if (pid_ < 0) throw std::runtime_error("fork failed");
    if (pid_ == 0) {
        int null = open("/dev/null", O_RDONLY);
        dup2(null, 0);
        dup2(out_fd_, 1);
        dup2(err_fd_, 2);
        for (int fd : {null, out_fd_, err_fd_}) close(fd);
        exec_child(program, arguments, {});
    }
}

Background::~Background() {
    if (!status_) {
        kill(pid_, SIGKILL);
        waitpid(pid_, nullptr, 0);
    }
    close(out_fd_);
    close(err_fd_);
}

void Background::signal(int signal_number) {
    if (!status_) kill(pid_, signal_number);
}

bool Background::running() {
    int status = 0;
    if (!status_ && waitpid(pid_, &status, WNOHANG) == pid_) status_ = status;
    return !status_;
}

ProcessResult Background::wait() {
    if (!status_) {
        int status = 0;
        waitpid(pid_, &status, 0);
        status_ = status;
    }
    return {exit_code(*status_), read_all(out_fd_), read_all(err_fd_)};
}

CoProcess::CoProcess(const std::string& program, const std::vector<std::string>& arguments)
    : err_fd_(temporary_file()) {
    int in_pipe[2], out_pipe[2];
    if (pipe(in_pipe) || pipe(out_pipe)) throw std::runtime_error("pipe failed");
    pid_ = fork();
    if (pid_ < 0) throw std::runtime_error("fork failed");
    if (pid_ == 0) {
        dup2(in_pipe[0], 0);
        dup2(out_pipe[1], 1);
        dup2(err_fd_, 2);
        for (int fd : {in_pipe[0], in_pipe[1], out_pipe[0], out_pipe[1], err_fd_}) close(fd);
        ::signal(SIGPIPE, SIG_DFL);
        exec_child(program, arguments, {});
    }
    close(in_pipe[0]);
    close(out_pipe[1]);
    in_fd_ = in_pipe[1];
    out_fd_ = out_pipe[0];
}

CoProcess::~CoProcess() {
    if (!reaped_) {
        kill(pid_, SIGKILL);
        waitpid(pid_, nullptr, 0);
    }
    for (int fd : {in_fd_, out_fd_, err_fd_})
        if (fd >= 0) close(fd);
}

bool CoProcess::write_line(const std::string& line) {
    if (in_fd_ < 0) return false;
    std::string data = line + "\n";
    SigpipeIgnored sigpipe_ignored;  // a child that has exited must fail the test, not kill it
    std::size_t written = 0;
    while (written < data.size()) {
        ssize_t sent = ::write(in_fd_, data.data() + written, data.size() - written);
        if (sent <= 0) break;
        written += static_cast<std::size_t>(sent);
    }
    return written == data.size();
}

std::optional<std::string> CoProcess::read_line(int timeout_ms) {
    for (;;) {
        if (auto newline = pending_.find('\n'); newline != std::string::npos) {
            std::string line = pending_.substr(0, newline);
            pending_.erase(0, newline + 1);
            return line;
        }
        pollfd fd{out_fd_, POLLIN, 0};
        if (poll(&fd, 1, timeout_ms) <= 0) return std::nullopt;
        char buffer[65536];
        ssize_t got = ::read(out_fd_, buffer, sizeof buffer);
        if (got <= 0) return std::nullopt;
        pending_.append(buffer, static_cast<std::size_t>(got));
    }
}

ProcessResult CoProcess::finish() {
    if (in_fd_ >= 0) close(in_fd_);
    in_fd_ = -1;
    ProcessResult result;
    result.out = pending_;
    pending_.clear();
    for (bool open = true; open;) drain(out_fd_, result.out, open);
    int status = 0;
    waitpid(pid_, &status, 0);
    reaped_ = true;
    result.exit_code = exit_code(status);
    result.err = read_all(err_fd_);
    return result;
}

std::string newsindex() { return NEWSINDEX_PATH; }
std::string newssearch() { return NEWSSEARCH_PATH; }
std::filesystem::path source_dir() { return NEWSARCHIVE_SOURCE_DIR; }

TempDir::TempDir() {
    std::random_device random;
    path_ = std::filesystem::temp_directory_path() / ("newsarchive-e2e-" + std::to_string(random()));
    std::filesystem::create_directories(path_);
}

TempDir::~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
}

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    return content.str();
}

void write_file(const std::filesystem::path& path, const std::string& content) {
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << content;
}

nlohmann::json search_json(const std::string& db, const std::vector<std::string>& arguments) {
    std::vector<std::string> all{"--db", db, "--format", "json"};
    all.insert(all.end(), arguments.begin(), arguments.end());
    ProcessResult result = run(newssearch(), all);
    INFO("stderr: " << result.err);
    REQUIRE(result.exit_code <= 1);
    auto parsed = nlohmann::json::parse(result.out, nullptr, false);
    REQUIRE_FALSE(parsed.is_discarded());
    return parsed;
}

std::vector<std::string> ids(const nlohmann::json& result) {
    std::vector<std::string> out;
    for (const auto& hit : result.at("results")) out.push_back(hit.at("id").get<std::string>());
    return out;
}

}  // namespace e2e
