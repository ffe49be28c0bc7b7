// `lkjip recap`: the kabupaten summary of many descriptions, as PDF, Excel workbook, JSON or CSV.
#include <cstdio>

#include "cli/commands.h"
#include "pipeline/recap.h"

namespace lkjip::cli {

int run_recap(const Args& args) {
  const std::string sort = args.get("--sort");
  const auto order = sort.empty() ? pipeline::RecapSort::input : pipeline::parse_recap_sort(sort);
  if (!order) throw UsageError("--sort takes unit, capaian, serapan or anggaran");
  const bool json = args.has("--json"), excel = args.has("--csv-excel");
  const bool csv = args.has("--csv") || excel;
  const std::string output = args.get("--output");
  if (args.has("--csv") && excel) throw UsageError("recap prints --csv or --csv-excel, not both");
  if (json && csv) throw UsageError("recap prints --json or CSV, not both");
  const std::string xlsx = args.get("--xlsx");
  if (!json && !csv && output.empty() && xlsx.empty())
    throw UsageError("recap needs -o, --xlsx, --json, --csv or --csv-excel");
  if (args.operands().empty()) throw UsageError("recap needs input descriptions");
  pipeline::RecapPdfOptions pdf_options;
  if (args.has("--layout")) pdf_options.layout = args.get("--layout");
  pdf_options.epoch = source_date_epoch();

  const auto inputs = expand_inputs(args.operands());
  const OutputGuard guard{args.has("--force"), inputs};
  if (!output.empty() && output == xlsx) throw UsageError("-o and --xlsx name the same file");
  for (const std::string* out : {&output, &xlsx})
    if (!out->empty())
      if (const std::string refused = output_refusal(*out, guard); !refused.empty()) {
        std::fputs(refused.c_str(), stderr);
        return io_error;
      }
  DiagnosticSink sink;
  auto recap = pipeline::build_recap(inputs, sink);
  sink.print(stderr);
  if (!recap) return input_error;
  pipeline::sort_recap(*recap, *order);
  if (json || csv) {
    const std::string text =
        json ? pipeline::recap_json(*recap)
             : pipeline::recap_csv(
                   *recap, excel ? pipeline::CsvDialect::excel_id() : pipeline::CsvDialect{});
    std::fwrite(text.data(), 1, text.size(), stdout);
  }
  if (!xlsx.empty()) {
    std::string error;
    const auto bytes = pipeline::recap_xlsx(*recap, source_date_epoch(), error);
    if (!bytes) {
      std::fprintf(stderr, "lkjip: error: %s: %s\n", xlsx.c_str(), error.c_str());
      return io_error;
    }
    if (const int code = write_output(xlsx, *bytes, guard); code != ok) return code;
  }
  if (output.empty()) return ok;
  pipeline::Resources res(data_dir());
  DiagnosticSink pdf_sink;
  const auto bytes = pipeline::recap_pdf(*recap, pdf_options, res, pdf_sink);
  pdf_sink.print(stderr);
  if (!bytes) return input_error;  // a missing or broken layout or font
  return write_output(output, *bytes, guard);
}

}  // namespace lkjip::cli
