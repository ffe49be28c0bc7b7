// Pure checks and conversions used while reading descriptions and config files: ids, UTF-8
// validation, Indonesian numbers and quantities, NIP.
// Internal to engine/report/ (and its unit tests); no toml++ here.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "report/model.h"

namespace lkjip::report::detail {

/// True when `id` matches [a-z0-9_]+.
bool is_valid_id(std::string_view id);

/// Byte offset of the first byte that is not part of well-formed UTF-8 (overlong forms,
/// surrogates and code points above U+10FFFF count as malformed), or none.
std::optional<size_t> first_invalid_utf8(std::string_view text);

/// 1-based line and column (in code points, like toml++) of byte `offset` in `text`.
std::pair<int, int> line_column(std::string_view text, size_t offset);

/// Byte offset of the opening quotes of a TOML string that the file ends inside, or none.
/// toml++ reports such a string at the end of the file, far from where it was opened.
std::optional<size_t> string_open_at_end(std::string_view text);

/// Where a TOML file nests deeper than a limit: the byte offset of the key part, bracket or
/// value that first lies beyond it, and its depth.
struct TooDeep {
  size_t offset = 0;
  size_t depth = 0;
};

/// The first place where `text` nests deeper than `limit` levels, counting each part of a
/// table header or dotted key, each array of tables, each array and each inline table (a value
/// of `[a.b]` key `c.d` lies at depth 4). Read before toml++ parses, whose recursion over a
/// deeper tree can overflow the stack; linear in the size of `text`.
std::optional<TooDeep> too_deep(std::string_view text, size_t limit);

/// Shortest round-trip decimal form of `v` with a '.' decimal point ("80", "70.2"), for messages.
std::string format_plain(double v);

/// True when two units are the same unit: ASCII case does not matter ("Dokumen" = "dokumen").
bool same_unit(std::string_view a, std::string_view b);

/// Reads "3 dokumen", "1.100 lembar", "100%", "70,20": '.' groups thousands (exactly three
/// digits per group), ',' starts the decimals, then an optional unit ("%", "persen" in any case
/// → "%", other words as written with runs of spaces collapsed, so "13 TP. PKK desa" prints as
/// written). On failure returns none and sets `error` to the reason.
std::optional<Quantity> parse_quantity_text(std::string_view text, std::string& error);

/// Decimals written in a TOML number token at the start of `raw` ("70.20" → 2, "3025" → 0).
int written_decimals(std::string_view raw);

/// A NIP problem: which character (0-based, in the 18 digits) and what is wrong.
struct NipProblem {
  size_t index = 0;
  std::string message;
  std::string hint;
};

/// Removes the spaces of a NIP written in groups ("19680411 199303 1 009").
std::string normalise_nip(std::string_view nip);

/// Checks an 18-digit NIP (8 birth date YYYYMMDD, 6 CPNS start YYYYMM, 1 sex digit 1/2,
/// 3 serial; Perka BKN 22/2007). `nip` is already normalised.
std::optional<NipProblem> check_nip(std::string_view nip);

/// Days in `month` of `year` (Gregorian), 0 for an invalid month.
int days_in_month(int year, int month);

}  // namespace lkjip::report::detail
