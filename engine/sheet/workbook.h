// The sheet stage: computed figures laid out as spreadsheet tables and written as an Excel
// workbook (.xlsx, through libxlsxwriter). Cells keep the figure's kind, so that a spreadsheet
// computes with real numbers: percentages as fractions shown with '%', money as whole rupiah,
// each with the decimals the report prints. Labels are Indonesian; number formats are stored in
// the locale-neutral form that Excel shows with the reader's own separators.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "compute/computed.h"

namespace lkjip::sheet {

/// One cell: a computed figure (an unknown one is written as its text, t.a.d.) or a label.
struct Cell {
  compute::Value value;
  bool bold = false;
  static Cell text(const std::string& s, bool bold = false);
};

/// One worksheet: a header line, then the rows (a JUMLAH row is an ordinary bold row).
struct Sheet {
  std::string name;  // made unique and valid (≤ 31 characters, no []:*?/\) by the writer
  std::vector<std::string> header;
  std::vector<std::vector<Cell>> rows;
};

struct Workbook {
  std::string title, subject, author;
  int64_t created = 0;  // seconds since 1970 UTC: the document date, so output is reproducible
  std::vector<Sheet> sheets;
};

/// Writes the workbook as .xlsx to `path` (libxlsxwriter 1.1.4 writes only to a named file:
/// the caller, which owns file access, gives a private temporary one). Returns an empty string,
/// or what libxlsxwriter reported.
std::string write_xlsx(const Workbook& book, const std::string& path);

}  // namespace lkjip::sheet

namespace lkjip::sheet {

/// Every table the compute stage derives, one sheet each: Ringkasan (the overall figures),
/// Sasaran, IKU, Riwayat IKU, Program dan Kegiatan, Indikator Kegiatan, then one sheet per
/// component table, survey and free table of the description. Dated `created`.
Workbook computed_workbook(const compute::ComputedTables& t, int64_t created);

}  // namespace lkjip::sheet
