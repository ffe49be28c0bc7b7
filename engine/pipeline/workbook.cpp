#include "pipeline/workbook.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace lkjip::pipeline {

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
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  std::remove(path.c_str());
  if (!error.empty()) return std::nullopt;
  return bytes.str();
}

}  // namespace lkjip::pipeline
