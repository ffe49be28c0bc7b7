// Small text helpers shared by the doc/ stage: "did you mean" hints, upper-casing,
// placeholder expansion and plain numbers. Numerals and figures come from compute/format.h.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/diagnostic.h"
#include "base/suggest.h"

namespace lkjip::doc {

/// The hint "did you mean 'iku.akip.capaian'?" for `word` among `candidates` (any range of
/// names; base/suggest.h's rule); none when nothing is close or `sink` is at its error limit.
template <class Range>
std::vector<std::string> suggestion_hints(std::string_view word, const Range& candidates,
                                          const DiagnosticSink& sink) {
  if (sink.at_error_limit()) return {};
  const std::string near = did_you_mean(word, candidates);
  if (near.empty()) return {};
  return {"did you mean '" + near + "'?"};
}

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
