#include "pipeline/workbook.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>

#include "io/world.h"

namespace lkjip::pipeline {

namespace {
/// The workbook read back into memory: a recap or compute workbook of inputs within the limits
/// is a few MiB (zip-compressed), so a larger one is refused rather than held.
constexpr uint64_t kMaxWorkbookBytes = uint64_t{64} << 20;
}  // namespace

std::optional<std::string> xlsx_bytes(const sheet::Workbook& book, std::string& error) {
  const char* tmp = std::getenv("TMPDIR");
  const std::string dir = tmp && *tmp ? tmp : "/tmp";
  std::string path = dir + "/lkjip-xlsx-XXXXXX";
  const int fd = ::mkstemp(path.data());
  if (fd < 0) {
    error = "cannot create a temporary file in " + dir;
    return std::nullopt;
  }
  ::close(fd);
  error = sheet::write_xlsx(book, path);
  io::FileProblem problem;
  std::optional<std::string> bytes;
  if (error.empty()) {
    bytes = io::disk().read(path, kMaxWorkbookBytes, problem);
    if (!bytes) error = "cannot read back the workbook: " + problem.message;
  }
  std::remove(path.c_str());
  return bytes;
}

}  // namespace lkjip::pipeline
