// `lkjip diff`: every figure and document line a correction changed.
#include <cstdio>

#include "cli/commands.h"
#include "pipeline/diff.h"

namespace lkjip::cli {

int run_diff(const Args& args) {
  if (args.operands().size() != 2) throw UsageError("diff needs OLD.toml NEW.toml");
  pipeline::Resources res(data_dir());
  DiagnosticSink sink;
  const auto d = pipeline::diff_reports(args.operands()[0], args.operands()[1], res, sink);
  sink.print(stderr);
  if (!d.ok) return input_error;
  std::fwrite(d.text.data(), 1, d.text.size(), stdout);
  return d.changes == 0 ? ok : check_failed;
}

}  // namespace lkjip::cli
