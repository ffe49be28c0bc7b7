// What the commands share: the data folder, input expansion, SOURCE_DATE_EPOCH, guarded output.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include "cli/commands.h"

namespace fs = std::filesystem;

namespace lkjip::cli {

std::string data_dir() {
  if (const char* env = std::getenv("LKJIP_DATA_DIR"); env && *env) return env;
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  for (const fs::path& candidate : {fs::path(LKJIP_DATA_DIR), exe.parent_path().parent_path(),
                                    exe.parent_path(), fs::current_path(ec)})
    if (fs::exists(candidate / "layouts" / "lkjip.toml", ec)) return candidate.string();
  return LKJIP_DATA_DIR;
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
  return std::stoll(s);
}

int write_output(const std::string& path, const std::string& bytes) {
  if (const std::string err = pipeline::write_file_atomically(path, bytes); !err.empty()) {
    std::fprintf(stderr, "lkjip: error: %s\n", err.c_str());
    return io_error;
  }
  return ok;
}

}  // namespace lkjip::cli
