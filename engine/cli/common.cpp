// What the commands share: the data folder, input expansion, SOURCE_DATE_EPOCH, guarded output.
#include <sys/stat.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include "cli/commands.h"
#include "pdf/pdf_writer.h"

namespace fs = std::filesystem;

namespace lkjip::cli {

/// LKJIP_DATA_DIR when set; else share/lkjip of the prefix the running binary is installed in
/// (found through /proc/self/exe, so a relocated install still finds its data); else, for the
/// binary in its build folder, the source tree. An installed binary never looks at the source
/// tree it was built from, nor at the current folder.
std::string data_dir() {
  if (const char* env = std::getenv("LKJIP_DATA_DIR"); env && *env) return env;
  std::error_code ec;
  const fs::path bin = fs::read_symlink("/proc/self/exe", ec).parent_path();
  const fs::path installed = (bin / LKJIP_DATA_FROM_BIN).lexically_normal();
  if (fs::is_directory(installed / "layouts", ec)) return installed.string();
  if (fs::equivalent(bin, LKJIP_BUILD_TREE, ec)) return LKJIP_SOURCE_TREE;
  return installed.string();  // missing: the layout error names this folder
}

std::vector<std::string> expand_inputs(const std::vector<std::string>& raw) {
  std::vector<std::string> out;
  for (const auto& r : raw) {
    std::error_code ec;
    if (fs::is_directory(r, ec)) {
      std::vector<std::string> found;
      for (const auto& e : fs::directory_iterator(r, ec))
        if (e.path().extension() == ".toml") found.push_back(e.path().string());
      std::sort(found.begin(), found.end());
      out.insert(out.end(), found.begin(), found.end());
    } else {
      out.push_back(r);
    }
  }
  return out;
}

std::optional<int64_t> source_date_epoch() {
  const char* sde = std::getenv("SOURCE_DATE_EPOCH");
  if (!sde || !*sde) return std::nullopt;
  const std::string s = sde;
  if (s.size() > 15 || s.find_first_not_of("0123456789") != std::string::npos)
    throw UsageError("SOURCE_DATE_EPOCH must be whole seconds since 1970, not '" + s + "'");
  // Dates print with four-digit years: the last representable second is 9999-12-31T23:59:59Z.
  constexpr int64_t last_second_of_9999 = 253402300799;
  const int64_t seconds = std::stoll(s);
  if (seconds > last_second_of_9999)
    throw UsageError("SOURCE_DATE_EPOCH '" + s +
                     "' is after the year 9999; hint: give seconds since 1970 up to " +
                     std::to_string(last_second_of_9999));
  return seconds;
}

namespace {

/// Whether `a` and `b` are one file: the same inode when both exist (links resolved, hard links
/// too), else the same path once every existing link in it is resolved (an input may name a
/// file the command writes first, such as -o beside --sign-spots).
bool same_file(const std::string& a, const std::string& b) {
  struct stat sa {}, sb {};
  const bool a_exists = ::stat(a.c_str(), &sa) == 0, b_exists = ::stat(b.c_str(), &sb) == 0;
  if (a_exists && b_exists) return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
  if (a_exists != b_exists) return false;
  std::error_code ea, eb;
  const fs::path ca = fs::weakly_canonical(a, ea), cb = fs::weakly_canonical(b, eb);
  return !ea && !eb && ca == cb;
}

}  // namespace

std::string output_refusal(const std::string& path, const OutputGuard& guard) {
  for (const auto& input : guard.inputs)
    if (same_file(path, input))
      return path + ": error: refusing to write over " + input +
             ", a file this command reads or writes\n  hint: choose another output file\n";
  if (!guard.force && pdf::file_carries_signature(path))
    return path +
           ": error: refusing to overwrite a signed PDF (it is the signed original)\n"
           "  hint: write to another file, or pass --force\n";
  return {};
}

int write_output(const std::string& path, const std::string& bytes, const OutputGuard& guard,
                 const Say& say_to, std::string* error) {
  const Say say =
      say_to ? say_to : [](const std::string& text) { std::fputs(text.c_str(), stderr); };
  std::string message = output_refusal(path, guard);
  if (message.empty()) {
    const std::string err = pipeline::write_file_atomically(path, bytes);
    if (err.empty()) return ok;
    message = "lkjip: error: " + err + "\n";
  }
  say(message);
  if (error) *error = message.substr(0, message.find('\n'));
  return io_error;
}

}  // namespace lkjip::cli
