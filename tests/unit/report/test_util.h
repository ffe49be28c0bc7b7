// Helpers shared by the report stage's tests: parse a description from text and collect the
// formatted diagnostics.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"
#include "report/model.h"

namespace lkjip::report::testing {

/// A small valid description (23 lines); tests append to it or replace parts of it.
inline const std::string kBase = R"([report]
unit = "Kecamatan Megaluh"
region = "Kabupaten Jombang"
year = 2024
place = "Jombang"
date = 2025-01-03
signatory = "camat"

[[signatory]]
id = "camat"
jabatan = "CAMAT MEGALUH"
name = "MOH. NURDIN PURWOKO, S.Pt., M.E."

[[sasaran]]
id = "s1"
name = "Meningkatnya Akuntabilitas Kinerja"

[[iku]]
id = "akip"
sasaran = "s1"
name = "Nilai Evaluasi AKIP"
target = 70.20
realisasi = 60.61
)";

/// `text` with the first occurrence of `from` replaced by `to` (which must exist).
std::string replaced(std::string text, std::string_view from, std::string_view to);

struct Parsed {
  std::optional<Report> report;
  std::vector<std::string> diagnostics;  // formatted, in the order reported
};

/// Parses `text` as "t.toml" (paths resolve against `dir` when given).
Parsed parse(std::string_view text, const LoadOptions& options = {}, std::string dir = "");

}  // namespace lkjip::report::testing
