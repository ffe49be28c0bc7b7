// Roman numerals for page labels and chapter numbers (BAB IV, page xii).
#pragma once

#include <string>

namespace lkjip {

/// `n` in roman numerals, lower-case unless `upper`; empty for n <= 0.
inline std::string to_roman(int n, bool upper = false) {
  static const std::pair<int, const char*> table[] = {
      {1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"}, {90, "xc"}, {50, "l"},
      {40, "xl"},  {10, "x"},   {9, "ix"},  {5, "v"},    {4, "iv"},  {1, "i"}};
  std::string out;
  for (const auto& [value, letters] : table)
    for (; n >= value; n -= value) out += letters;
  if (upper)
    for (auto& c : out) c = static_cast<char>(c - 'a' + 'A');
  return out;
}

}  // namespace lkjip
