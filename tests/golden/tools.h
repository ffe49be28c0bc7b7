// Helpers shared by the end-to-end tests: run a command, read a file, make a scratch folder.
// They drive the real lkjip binary (LKJIP_BIN) and the poppler/qpdf tools.
#pragma once

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>

namespace lkjip::golden {

namespace fs = std::filesystem;

/// Exit status and combined stdout + stderr of a shell command; code is -1 when it did not exit
/// normally (killed by a signal).
struct Outcome {
  int code = -1;
  std::string out;
};

inline Outcome run(const std::string& cmd) {
  Outcome r;
  FILE* p = popen((cmd + " 2>&1").c_str(), "r");
  if (!p) return r;
  std::array<char, 4096> buf;
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) r.out.append(buf.data(), n);
  const int status = pclose(p);
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

inline std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

inline void write_file(const fs::path& p, const std::string& bytes) {
  std::ofstream(p, std::ios::binary) << bytes;
}

/// `s` single-quoted for the shell. A function object rather than a function, so that
/// argument-dependent lookup never prefers std::quoted for a non-const std::string.
inline constexpr auto quoted = [](const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
};

/// Text of page `page` (1-based) as pdftotext -layout gives it.
inline std::string page_text(const std::string& pdf, int page) {
  return run("pdftotext -layout -f " + std::to_string(page) + " -l " + std::to_string(page) + " " +
             quoted(pdf) + " -")
      .out;
}

/// The page count pdfinfo reports, -1 when it cannot read the file.
inline int page_count(const std::string& pdf) {
  std::smatch m;
  const std::string info = run("pdfinfo " + quoted(pdf)).out;
  return std::regex_search(info, m, std::regex("Pages:\\s+(\\d+)")) ? std::stoi(m[1]) : -1;
}

/// A fresh folder under the temporary directory, removed when the object goes away.
class ScratchDir {
 public:
  explicit ScratchDir(const std::string& tag)
      : path_(fs::temp_directory_path() /
              ("lkjip-" + tag + "-" + std::to_string(::getpid()))) {
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~ScratchDir() { fs::remove_all(path_); }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  const fs::path& path() const { return path_; }
  std::string operator/(const std::string& name) const { return (path_ / name).string(); }

 private:
  fs::path path_;
};

inline const std::string kBin = LKJIP_BIN;
inline const fs::path kSrc = LKJIP_SOURCE_DIR;

}  // namespace lkjip::golden
