// `lkjip layouts`: the layout names of the data folder (also what the bash completion offers).
#include <algorithm>
#include <cstdio>
#include <filesystem>

#include "cli/commands.h"

namespace fs = std::filesystem;

namespace lkjip::cli {

int run_layouts(const Args& args) {
  if (!args.operands().empty()) throw UsageError("layouts takes no arguments");
  const fs::path dir = fs::path(data_dir()) / "layouts";
  std::error_code ec;
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir, ec))
    if (e.path().extension() == ".toml") names.push_back(e.path().stem().string());
  if (ec) {
    std::fprintf(stderr,
                 "lkjip: error: cannot read %s: %s\n  hint: set LKJIP_DATA_DIR to the folder "
                 "holding layouts/ and fonts/\n",
                 dir.c_str(), ec.message().c_str());
    return io_error;
  }
  std::sort(names.begin(), names.end());
  for (const auto& n : names) std::printf("%s\n", n.c_str());
  return ok;
}

}  // namespace lkjip::cli
