#include "doc/text_util.h"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "compute/format.h"

namespace lkjip::doc {

namespace {

size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t sub = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, sub});
    }
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

}  // namespace

std::vector<std::string> did_you_mean(std::string_view word,
                                      const std::vector<std::string>& candidates) {
  // A third of the word's length (at least 2) is the usual typo budget of compilers' hints.
  const auto budget = [](std::string_view w) { return std::max<size_t>(2, w.size() / 3); };
  // A dotted path whose prefix is right is judged by its last part alone: "iku.akip.capain"
  // is one letter from "iku.akip.capaian", while "iku.akip.kabupaten" is no suggestion for it.
  const size_t dot = word.rfind('.');
  const std::string_view prefix = dot == std::string_view::npos ? "" : word.substr(0, dot + 1);
  const std::string_view last = word.substr(prefix.size());
  std::vector<std::pair<size_t, std::string>> scored;
  for (const auto& c : candidates) {
    const size_t d = edit_distance(word, c);
    const bool same_prefix = !prefix.empty() && std::string_view(c).starts_with(prefix);
    if (same_prefix ? edit_distance(last, std::string_view(c).substr(prefix.size())) <= budget(last)
                    : d <= budget(word))
      scored.emplace_back(d, c);
  }
  std::stable_sort(scored.begin(), scored.end(),
                   [](const auto& x, const auto& y) { return x.first < y.first; });
  std::vector<std::string> hints;
  for (size_t i = 0; i < scored.size() && i < 3; ++i)
    hints.push_back("did you mean '" + scored[i].second + "'?");
  return hints;
}

std::string upper(std::string_view s) {
  std::string out(s);
  for (char& ch : out)
    if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
  return out;
}

std::string expand(std::string_view format,
                   const std::vector<std::pair<std::string, std::string>>& vars) {
  std::string out;
  size_t i = 0;
  while (i < format.size()) {
    if (format[i] == '{') {
      size_t close = format.find('}', i);
      if (close != std::string_view::npos) {
        std::string_view name = format.substr(i + 1, close - i - 1);
        auto it =
            std::find_if(vars.begin(), vars.end(), [&](const auto& v) { return v.first == name; });
        if (it != vars.end()) {
          out += it->second;
          i = close + 1;
          continue;
        }
      }
    }
    out += format[i++];
  }
  return out;
}

std::string plain_number(double v) {
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed);  // shortest
  std::string_view digits(buf, res.ptr - buf);
  size_t point = digits.find('.');
  int decimals = point == std::string_view::npos ? 0 : static_cast<int>(digits.size() - point - 1);
  return compute::format_number(v, decimals);
}

}  // namespace lkjip::doc
