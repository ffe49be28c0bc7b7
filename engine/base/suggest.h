// "Did you mean": the one rule every stage uses to suggest a known name for a mistyped one
// (keys, ids, value paths, layouts, command-line options). Each stage quotes the name its own way.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace lkjip {

/// Optimal-string-alignment distance over bytes (an insertion, deletion, substitution or swap of
/// two neighbours is one edit); `limit + 1` as soon as the distance must exceed `limit`. Costs
/// O(min(|a|, |b|) * limit): only a band of the table is filled, and it stops at a row past the
/// limit.
size_t edit_distance(std::string_view a, std::string_view b, size_t limit = 16);

/// The most edits a plausible typo of a `length`-byte word makes: a third of the word, at least
/// 2 and at most 3, and always fewer than the word's length ("ab" is no typo of "xy").
size_t typo_budget(size_t length);

/// Finds the candidate nearest to `word`, fed one at a time. Within the budget, the smallest
/// distance wins; on a tie, the first candidate given. A dotted path whose prefix up to the last
/// '.' is right is judged by its last part alone: "iku.akip.capain" is one edit from
/// "iku.akip.capaian", while "iku.akip.kabupaten" is no suggestion for it. A candidate whose
/// length differs by more than the budget costs one comparison.
class NearestName {
 public:
  explicit NearestName(std::string_view word);
  void consider(std::string_view candidate);
  /// The suggestion, empty when no candidate is close enough.
  const std::string& best() const { return best_; }

 private:
  std::string_view word_, prefix_, last_;
  size_t best_distance_ = 0;  // 0: nothing found yet (an exact match is no suggestion)
  std::string best_;
};

/// The suggestion for `word` among `candidates` (any range of string-like values, e.g. a
/// vector or std::views::keys of a map); empty when none is close enough.
template <class Range>
std::string did_you_mean(std::string_view word, const Range& candidates) {
  NearestName nearest(word);
  for (const auto& c : candidates) nearest.consider(c);
  return nearest.best();
}

}  // namespace lkjip
