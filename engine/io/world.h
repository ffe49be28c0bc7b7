// The resource loader (Typst's `World`): the one owner of file access. Every file lkjip reads —
// descriptions, layouts, images — is located and read through a World, which confines paths a
// description names to its folder after resolving every symbolic link and bounds every read.
// Stages receive a World; they open no file of their own.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace lkjip::io {

/// Why a file could not be located or read: a sentence in lkjip's words plus hints, for the
/// caller to attach to the source position that named the file.
struct FileProblem {
  std::string message;  // a whole sentence naming the file
  std::string reason;   // for read failures, the same without the file ("No such file ...")
  std::vector<std::string> hints;
};

class World {
 public:
  virtual ~World() = default;

  /// The real path (every link resolved) of the regular file `written` names, relative to the
  /// folder `base`. Unless `allow_outside`, `written` must be relative and its real path must lie
  /// inside the real `base`: a link inside the folder pointing out of it is refused like `..`.
  /// Empty with `problem` filled when refused or absent.
  virtual std::string confine(const std::string& base, const std::string& written,
                              bool allow_outside, FileProblem& problem) const = 0;

  /// The whole file, refused without reading when it is larger than `max_bytes`.
  virtual std::optional<std::string> read(const std::string& path, uint64_t max_bytes,
                                          FileProblem& problem) const = 0;

  /// At most `n` bytes from byte `offset` on (fewer past the end): for headers checked before a
  /// read and for the parts of a large file a check needs.
  virtual std::optional<std::string> read_range(const std::string& path, uint64_t offset, size_t n,
                                                FileProblem& problem) const = 0;

  /// The first `n` bytes (fewer when the file is shorter).
  std::optional<std::string> read_prefix(const std::string& path, size_t n,
                                         FileProblem& problem) const {
    return read_range(path, 0, n, problem);
  }
};

/// The World of the real file system. Stateless, shared by every thread.
const World& disk();

}  // namespace lkjip::io
