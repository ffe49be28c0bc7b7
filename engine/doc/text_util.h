// Small text helpers shared by the doc/ stage: "did you mean" suggestions, upper-casing,
// placeholder expansion and plain numbers. Numerals and figures come from compute/format.h.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace lkjip::doc {

/// Up to three candidates closest to `word` by edit distance, formatted as hints
/// ("did you mean 'iku.akip.capaian'?"); empty when nothing is reasonably close. A candidate
/// with the same dotted prefix is judged by the last part only.
std::vector<std::string> did_you_mean(std::string_view word,
                                      const std::vector<std::string>& candidates);

/// ASCII upper-casing; UTF-8 bytes above 0x7F are kept (Indonesian names are ASCII anyway).
std::string upper(std::string_view s);

/// Replaces each "{name}" of `format` with its value from `vars`; unknown placeholders stay
/// as written (the layout loader validates formats).
std::string expand(std::string_view format,
                   const std::vector<std::pair<std::string, std::string>>& vars);

/// A plain number in Indonesian notation with the digits it needs: 90 → "90", 62.5 → "62,5".
/// For bounds the description states (scale bands), not for computed figures.
std::string plain_number(double v);

}  // namespace lkjip::doc
