// `lkjip watch`: re-render whenever an input of the report changes, until interrupted.
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <thread>

#include "cli/commands.h"

namespace fs = std::filesystem;

namespace lkjip::cli {

namespace {

/// Files whose change triggers a re-render: the description, the layout file and every file
/// in the description's folder tree that a description may reference (images) except the
/// output and its temporary files, which the render itself writes there.
fs::file_time_type newest_input(const std::string& input, const std::string& data,
                                const std::string& output) {
  std::error_code ec;
  auto newest = fs::last_write_time(input, ec);
  auto consider = [&newest](const fs::path& p) {
    std::error_code gone;  // a file removed meanwhile is skipped, the walk goes on
    const auto t = fs::last_write_time(p, gone);
    if (!gone && t > newest) newest = t;
  };
  const fs::path dir =
      fs::path(input).parent_path().empty() ? fs::path(".") : fs::path(input).parent_path();
  std::error_code canon;
  const fs::path out = fs::weakly_canonical(output, canon);
  std::string temp_prefix = ".";  // appended, not "." + …: a GCC 12 -Wrestrict false positive
  temp_prefix += out.filename().string();
  temp_prefix += ".tmp-";
  for (auto it = fs::recursive_directory_iterator(dir, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    const fs::path p = fs::weakly_canonical(it->path(), canon);
    if (p == out ||
        (p.parent_path() == out.parent_path() && p.filename().string().rfind(temp_prefix, 0) == 0))
      continue;
    if (it->is_regular_file(canon)) consider(it->path());
  }
  for (const char* sub : {"layouts", "fonts"})
    for (const auto& e : fs::directory_iterator(fs::path(data) / sub, ec)) consider(e.path());
  return newest;
}

}  // namespace

int run_watch(const Args& args) {
  RenderArgs a;
  a.options.layout = args.get("--layout");
  a.force = args.has("--force");
  const std::string output = args.get("--output");
  if (args.operands().size() != 1 || output.empty())
    throw UsageError("watch needs INPUT.toml -o OUT.pdf");
  const std::string input = args.operands()[0];
  const std::string data = data_dir();
  fs::file_time_type seen{};
  for (;;) {
    const auto now = newest_input(input, data, output);
    if (now != seen) {
      seen = now;
      // A fresh Resources each round: an edited layout or font file must be read again.
      pipeline::Resources res(data);
      size_t pages = 0;
      const int code = render_one(input, output, a, res, &pages, nullptr);
      if (code == ok)
        std::fprintf(stderr, "watch: wrote %s (%zu pages)\n", output.c_str(), pages);
      else
        std::fprintf(stderr, "watch: not written (exit %d); waiting for changes\n", code);
      std::fflush(stderr);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
  }
}

}  // namespace lkjip::cli
