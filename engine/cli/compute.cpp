// `lkjip compute`: every computed table of one description, as JSON or an Excel workbook.
#include <chrono>
#include <cstdio>

#include "cli/commands.h"
#include "compute/computed.h"
#include "compute/json.h"
#include "report/model.h"
#include "pipeline/workbook.h"
#include "sheet/workbook.h"

namespace lkjip::cli {

int run_compute(const Args& args) {
  if (args.operands().size() != 1) throw UsageError("compute takes one input description");
  const std::string xlsx = args.get("--xlsx");
  if (!args.has("--json") && xlsx.empty()) throw UsageError("compute needs --json or --xlsx");
  const OutputGuard guard{false, args.operands()};
  if (!xlsx.empty())
    if (const std::string refused = output_refusal(xlsx, guard); !refused.empty()) {
      std::fputs(refused.c_str(), stderr);
      return io_error;
    }
  DiagnosticSink sink;
  auto rep = report::load_description(args.operands()[0], {}, sink);
  sink.print(stderr);
  if (!rep) return input_error;
  const auto tables = compute::compute(*rep);
  if (!xlsx.empty()) {
    // Dated like the report: SOURCE_DATE_EPOCH, else midnight UTC of the signing date.
    namespace chr = std::chrono;
    const chr::sys_days day = chr::year(rep->date.year) / rep->date.month / rep->date.day;
    const int64_t created =
        source_date_epoch().value_or(day.time_since_epoch().count() * int64_t{86400});
    std::string error;
    const auto bytes = pipeline::xlsx_bytes(sheet::computed_workbook(tables, created), error);
    if (!bytes) {
      std::fprintf(stderr, "lkjip: error: %s: %s\n", xlsx.c_str(), error.c_str());
      return io_error;
    }
    if (const int code = write_output(xlsx, *bytes, guard); code != ok) return code;
  }
  if (args.has("--json"))
    compute::write_json(tables, [](std::string_view piece) {
      std::fwrite(piece.data(), 1, piece.size(), stdout);
    });
  return ok;
}

}  // namespace lkjip::cli
