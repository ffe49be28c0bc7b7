#include "base/suggest.h"

#include <algorithm>
#include <vector>

namespace lkjip {

size_t edit_distance(std::string_view a, std::string_view b, size_t limit) {
  if (a.size() > b.size()) std::swap(a, b);
  if (b.size() - a.size() > limit) return limit + 1;
  const size_t over = limit + 1, n = b.size();
  // Rows of the table for a[..i-2], a[..i-1], a[..i]; cells outside the band |i - j| <= limit
  // hold `over`, which no path through the band can undercut.
  std::vector<size_t> before(n + 1, over), prev(n + 1, over), cur(n + 1, over);
  for (size_t j = 0; j <= std::min(n, limit); ++j) prev[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    const size_t lo = i > limit ? i - limit : 0, hi = std::min(n, i + limit);
    // The next row reads this one from lo - 1 to hi + 1: the two cells around the band.
    if (lo > 0) cur[lo - 1] = over;
    if (hi < n) cur[hi + 1] = over;
    size_t row_min = over;
    for (size_t j = lo; j <= hi; ++j) {
      size_t d = j == 0 ? i : over;
      if (j > 0) {
        d = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] != b[j - 1])});
        if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
          d = std::min(d, before[j - 2] + 1);
      }
      cur[j] = std::min(d, over);
      row_min = std::min(row_min, cur[j]);
    }
    if (row_min > limit) return over;
    std::swap(before, prev);
    std::swap(prev, cur);
  }
  return std::min(prev[n], over);
}

size_t typo_budget(size_t length) {
  if (length == 0) return 0;
  return std::min(length - 1, std::clamp<size_t>(length / 3, 2, 3));
}

NearestName::NearestName(std::string_view word) : word_(word) {
  const size_t dot = word.rfind('.');
  prefix_ = dot == std::string_view::npos ? "" : word.substr(0, dot + 1);
  last_ = word.substr(prefix_.size());
}

void NearestName::consider(std::string_view candidate) {
  const bool same_prefix = !prefix_.empty() && candidate.starts_with(prefix_);
  const std::string_view a = same_prefix ? last_ : word_;
  const std::string_view b = same_prefix ? candidate.substr(prefix_.size()) : candidate;
  // Only a strictly nearer candidate can replace the best one found so far.
  size_t limit = typo_budget(a.size());
  if (best_distance_ > 0) limit = std::min(limit, best_distance_ - 1);
  const size_t longer = std::max(a.size(), b.size()), shorter = std::min(a.size(), b.size());
  if (longer - shorter > limit) return;
  const size_t d = edit_distance(a, b, limit);
  if (d == 0 || d > limit) return;
  best_distance_ = d;
  best_.assign(candidate);
}

}  // namespace lkjip
