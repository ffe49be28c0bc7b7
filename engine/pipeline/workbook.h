// Excel workbooks as bytes: the sheet stage lays them out and libxlsxwriter writes them to a
// named file only, so this owns the private temporary file it goes through.
#pragma once

#include <optional>
#include <string>

#include "sheet/workbook.h"

namespace lkjip::pipeline {

/// The workbook as .xlsx bytes (written to a temporary file under $TMPDIR or /tmp, read back
/// and removed); nullopt with `error` set when it cannot be made.
std::optional<std::string> xlsx_bytes(const sheet::Workbook& book, std::string& error);

}  // namespace lkjip::pipeline
