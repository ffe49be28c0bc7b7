// `lkjip check`: validate a description and list the stated figures the computation disagrees
// with; for a draft, also every figure still missing.
#include <cstdio>

#include "cli/commands.h"
#include "compute/check.h"
#include "compute/computed.h"
#include "report/model.h"

namespace lkjip::cli {

int run_check(const Args& args) {
  if (args.operands().size() != 1) throw UsageError("check takes one input description");
  DiagnosticSink sink;
  auto rep = report::load_description(args.operands()[0], {}, sink);
  sink.print(stderr);
  if (!rep) return input_error;
  const auto found = compute::check_stated(*rep, compute::compute(*rep));
  for (const auto& d : found)
    std::printf("%s\n", format_diagnostic({Severity::warning,
                                           d.loc,
                                           d.what + ": " + d.stated_as + " " + d.stated +
                                               ", " + d.computed_as + " " + d.computed,
                                           {}})
                            .c_str());
  std::printf("%zu disagreement%s between stated and computed figures\n", found.size(),
              found.size() == 1 ? "" : "s");
  if (rep->status != report::Status::draft) return found.empty() ? ok : check_failed;
  // A draft: what is still to be written before it can be rendered as final.
  for (const auto& m : rep->missing)
    std::printf("%s\n", format_diagnostic({Severity::note,
                                           m.loc,
                                           "still missing in this draft: " + m.what,
                                           {}})
                            .c_str());
  std::printf("%zu figure%s still missing before the report can be final\n",
              rep->missing.size(), rep->missing.size() == 1 ? "" : "s");
  return found.empty() && rep->missing.empty() ? ok : check_failed;
}

}  // namespace lkjip::cli
