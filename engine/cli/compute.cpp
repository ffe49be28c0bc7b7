// `lkjip compute`: every computed table of one description, as JSON.
#include <cstdio>

#include "cli/commands.h"
#include "compute/computed.h"
#include "compute/json.h"
#include "report/model.h"

namespace lkjip::cli {

int run_compute(const Args& args) {
  if (args.operands().size() != 1) throw UsageError("compute takes one input description");
  if (!args.has("--json")) throw UsageError("compute needs --json");
  DiagnosticSink sink;
  auto rep = report::load_description(args.operands()[0], {}, sink);
  sink.print(stderr);
  if (!rep) return input_error;
  compute::write_json(compute::compute(*rep), [](std::string_view piece) {
    std::fwrite(piece.data(), 1, piece.size(), stdout);
  });
  return ok;
}

}  // namespace lkjip::cli
