// `lkjip recap`: the kabupaten-level summary of many reports, one row per unit with the figures
// the compute stage derived for it and the totals (compute/recap.h), and the recap as JSON,
// CSV or a PDF typeset like the reports themselves.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "compute/recap.h"
#include "pipeline/render.h"

namespace lkjip::pipeline {

enum class RecapSort { input, unit, capaian, serapan, anggaran };

/// "unit", "capaian", "serapan" or "anggaran"; nullopt for anything else.
std::optional<RecapSort> parse_recap_sort(const std::string& name);

/// Loads and computes every description. All input errors go to `sink` (every file is read,
/// so they are reported together) and the result is then empty; a unit of another region or
/// year than the first is a warning.
std::optional<compute::Recap> build_recap(const std::vector<std::string>& inputs,
                                          DiagnosticSink& sink);

/// Orders the rows: by unit name ascending, or by the figure descending with unknown figures
/// last; ties keep the input order.
void sort_recap(compute::Recap& recap, RecapSort by);

/// {"region", "year", "units": [...], "total": {...}}: each figure as its rounded decimal
/// (null when unknown) plus "<name>_text", the text the unit's report prints.
std::string recap_json(const compute::Recap& recap);

/// How a CSV separates fields and writes decimals. The default is RFC 4180 with decimal
/// points; excel_id() is what Excel with Indonesian regional settings opens correctly (its list
/// separator is ';' because ',' is the decimal sign; without a BOM it reads UTF-8 as ANSI).
struct CsvDialect {
  char separator = ',';
  char decimal = '.';
  bool bom = false;
  static CsvDialect excel_id() { return {';', ',', true}; }
};

/// CSV (CRLF lines, fields quoted when they hold the separator, a quote or a line break) with a
/// header line, one line per unit and a final JUMLAH line; figures as rounded decimals (empty
/// when unknown), for spreadsheets.
std::string recap_csv(const compute::Recap& recap, const CsvDialect& dialect = {});

/// The recap as an Excel workbook: one sheet "Rekapitulasi" with the CSV's columns under
/// Indonesian labels, figures as numbers in their formats, a bold JUMLAH row. Dated `epoch`
/// (default Recap::epoch). nullopt with `error` set when the workbook cannot be written.
std::optional<std::string> recap_xlsx(const compute::Recap& recap, std::optional<int64_t> epoch,
                                      std::string& error);

struct RecapPdfOptions {
  std::string layout = "lkjip";  // layouts/<name>.toml: paper, fonts and styles
  std::optional<int64_t> epoch;  // SOURCE_DATE_EPOCH; default Recap::epoch
};

/// The recap as a PDF typeset by the report pipeline (doc tree → layout → pdf): a cover and one
/// chapter holding the recap table. Errors go to `sink`; nullopt then.
std::optional<std::string> recap_pdf(const compute::Recap& recap, const RecapPdfOptions& options,
                                     Resources& resources, DiagnosticSink& sink);

}  // namespace lkjip::pipeline
