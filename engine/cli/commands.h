// The commands of the lkjip binary, one file each (render.cpp, watch.cpp, …), and what they
// share: exit codes, the data folder, input expansion and guarded output. Argument syntax and
// texts live in spec.cpp; these functions receive parsed Args.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cli/args.h"
#include "pipeline/render.h"

namespace lkjip::cli {

enum Exit {
  ok = 0,
  input_error = 1,
  usage_error = 2,
  io_error = 3,
  check_failed = 4,
  internal = 70
};

/// The folder holding layouts/ and fonts/ (see data_dir.cpp for the search order).
std::string data_dir();

/// Inputs as given, with every folder replaced by its .toml files in name order (the shell
/// expands globs).
std::vector<std::string> expand_inputs(const std::vector<std::string>& raw);

/// SOURCE_DATE_EPOCH when set.
std::optional<int64_t> source_date_epoch();

/// Where a command's messages go: whole lines, each ending in '\n'. Empty: stderr.
using Say = std::function<void(const std::string&)>;

/// What an output may not replace: one of `inputs` (the same file after resolving links, so a
/// symbolic or hard link to it too), and, unless `force`, a PDF that carries a signature (the
/// signed original).
struct OutputGuard {
  bool force = false;
  std::vector<std::string> inputs;
};

/// Why `path` may not be written under `guard` (an error line and its hint), or empty. Commands
/// ask before their work so that a refused output costs nothing and nothing is half written.
std::string output_refusal(const std::string& path, const OutputGuard& guard);

/// The one writer of every file lkjip writes: refused as output_refusal says, else written
/// through pipeline::write_file_atomically. An error goes to `say` (and, when given, its first
/// line to `error`) and is returned as io_error.
int write_output(const std::string& path, const std::string& bytes, const OutputGuard& guard,
                 const Say& say = {}, std::string* error = nullptr);

/// What render and watch share: the options of one render.
struct RenderArgs {
  std::string sign_spots, dump;
  bool force = false;               // may replace a signed PDF
  std::vector<std::string> inputs;  // every description of the command; empty: the one rendered
  pipeline::RenderOptions options;
};

/// Renders `input` to `out`; diagnostics go to `say`. Returns the exit code; `pages` and
/// `first_error` (when given) receive the page count and the first error's text.
int render_one(const std::string& input, const std::string& out, const RenderArgs& a,
               pipeline::Resources& res, size_t* pages, std::string* first_error,
               const Say& say = {});

int run_render(const Args& args);
int run_watch(const Args& args);
int run_check(const Args& args);
int run_compute(const Args& args);
int run_recap(const Args& args);
int run_diff(const Args& args);
int run_layouts(const Args& args);
int run_init(const Args& args);

/// The text `lkjip init` writes for `kind` (a --kind choice) and `year`; `file_name` is named in
/// its comments, `schema` on its #:schema line.
std::string starter_description(std::string_view kind, int year, const std::string& file_name,
                                const std::string& schema);

}  // namespace lkjip::cli
