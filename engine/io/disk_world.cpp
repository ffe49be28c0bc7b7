#include "io/world.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace lkjip::io {

namespace fs = std::filesystem;

namespace {

std::string quoted(const std::string& s) { return "`" + s + "`"; }

/// Whether `path` (a real path) lies inside the real folder `folder`.
bool inside(const fs::path& path, const fs::path& folder) {
  const fs::path rel = path.lexically_relative(folder);
  return !rel.empty() && *rel.begin() != ".." && rel != ".";
}

/// An open descriptor closed on every path out of a read.
struct Fd {
  int fd = -1;
  ~Fd() {
    if (fd >= 0) ::close(fd);
  }
};

bool fail(FileProblem& problem, const std::string& path, std::string reason) {
  problem.message = path + ": " + reason;
  problem.reason = std::move(reason);
  return false;
}

/// Opens `path` for reading and checks that it is a regular file; fills `size`.
bool open_regular(const std::string& path, Fd& f, uint64_t& size, FileProblem& problem) {
  f.fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY);
  if (f.fd < 0) return fail(problem, path, std::strerror(errno));
  struct stat st {};
  if (::fstat(f.fd, &st) != 0 || !S_ISREG(st.st_mode))
    return fail(problem, path, "not a regular file");
  size = static_cast<uint64_t>(st.st_size);
  return true;
}

/// Reads at most `n` bytes from the descriptor into `out`; false on a read error.
bool read_up_to(int fd, size_t n, std::string& out, const std::string& path, FileProblem& problem) {
  out.resize(n);
  size_t done = 0;
  while (done < n) {
    const ssize_t got = ::read(fd, out.data() + done, n - done);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) return fail(problem, path, std::strerror(errno));
    if (got == 0) break;
    done += static_cast<size_t>(got);
  }
  out.resize(done);
  return true;
}

class DiskWorld final : public World {
 public:
  std::string confine(const std::string& base, const std::string& written, bool allow_outside,
                      FileProblem& problem) const override {
    const fs::path p(written);
    const fs::path folder(base);
    if (p.is_absolute() && !allow_outside) {
      problem.message = "must be relative to the description's folder, found the absolute path " +
                        quoted(written);
      problem.hints = {"copy the file into " + folder.string() +
                           " (or a subfolder) and write e.g. \"images/" + p.filename().string() +
                           "\"",
                       "--allow-outside accepts paths outside that folder"};
      return {};
    }
    const fs::path joined = (folder / p).lexically_normal();
    if (!allow_outside && !inside(joined, folder.lexically_normal())) {
      problem.message = "path " + quoted(written) + " leaves the description's folder";
      problem.hints = {"paths may not use `..` to leave " + folder.string(),
                       "--allow-outside accepts paths outside that folder"};
      return {};
    }
    std::error_code ec;
    const fs::path real = fs::canonical(joined, ec);
    if (ec || !fs::is_regular_file(real, ec)) {
      problem.message = "file not found: " + joined.string();
      problem.hints = {"paths are relative to the description's folder " + folder.string()};
      return {};
    }
    if (!allow_outside) {
      // Links are resolved on both sides: the folder itself may be reached through a link.
      const fs::path real_folder = fs::canonical(folder, ec);
      if (ec || !inside(real, real_folder)) {
        problem.message = "path " + quoted(written) + " leads through a link to " + real.string() +
                          ", outside the description's folder";
        problem.hints = {"copy the file into " + folder.string() + " instead of linking to it",
                         "--allow-outside accepts paths outside that folder"};
        return {};
      }
    }
    return real.string();
  }

  std::optional<std::string> read(const std::string& path, uint64_t max_bytes,
                                  FileProblem& problem) const override {
    Fd f;
    uint64_t size = 0;
    if (!open_regular(path, f, size, problem)) return std::nullopt;
    if (size > max_bytes) {
      fail(problem, path,
           "file is " + std::to_string(size) + " bytes, more than the limit of " +
               std::to_string(max_bytes) + " bytes");
      return std::nullopt;
    }
    // One byte more than fstat's size tells a file that grew while it was read.
    std::string out;
    if (!read_up_to(f.fd, static_cast<size_t>(size) + 1, out, path, problem)) return std::nullopt;
    if (out.size() > size) {
      fail(problem, path, "file grew while it was read");
      return std::nullopt;
    }
    return out;
  }

  std::optional<std::string> read_range(const std::string& path, uint64_t offset, size_t n,
                                        FileProblem& problem) const override {
    Fd f;
    uint64_t size = 0;
    if (!open_regular(path, f, size, problem)) return std::nullopt;
    if (offset >= size) return std::string();
    if (::lseek(f.fd, static_cast<off_t>(offset), SEEK_SET) < 0) {
      fail(problem, path, std::strerror(errno));
      return std::nullopt;
    }
    std::string out;
    if (!read_up_to(f.fd, n, out, path, problem)) return std::nullopt;
    return out;
  }
};

}  // namespace

const World& disk() {
  static const DiskWorld world;
  return world;
}

}  // namespace lkjip::io
