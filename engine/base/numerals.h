// Roman numerals for page labels and chapter numbers (BAB IV, page xii) and Indonesian number
// words for counts written out ("6 (enam)").
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

namespace detail {
inline std::string words_of(unsigned long long n) {
  static const char* const ones[] = {"nol",  "satu",  "dua",     "tiga",     "empat",   "lima",
                                     "enam", "tujuh", "delapan", "sembilan", "sepuluh", "sebelas"};
  auto join = [](std::string head, unsigned long long rest) {
    return rest == 0 ? head : head + " " + words_of(rest);
  };
  if (n < 12) return ones[n];
  if (n < 20) return words_of(n - 10) + " belas";
  if (n < 100) return join(words_of(n / 10) + " puluh", n % 10);
  if (n < 1000) return join(n < 200 ? "seratus" : words_of(n / 100) + " ratus", n % 100);
  // Above a thousand each group of three digits is named; 1.000–1.999 is "seribu".
  static const std::pair<unsigned long long, const char*> groups[] = {
      {1000000000000000ULL, "kuadriliun"},
      {1000000000000ULL, "triliun"},
      {1000000000ULL, "miliar"},
      {1000000ULL, "juta"},
      {1000ULL, "ribu"}};
  for (const auto& [size, name] : groups) {
    if (n < size) continue;
    if (size == 1000 && n < 2000) return join("seribu", n % 1000);
    return join(words_of(n / size) + " " + name, n % size);
  }
  return {};  // not reached: n >= 1000 meets the "ribu" group
}
}  // namespace detail

/// `n` in Indonesian words, as official documents spell counts out: 6 → "enam", 11 →
/// "sebelas", 21 → "dua puluh satu", 100 → "seratus", 1000 → "seribu", 2500000 → "dua juta
/// lima ratus ribu"; a negative number is preceded by "minus".
inline std::string number_words(long long n) {
  if (n >= 0) return detail::words_of(static_cast<unsigned long long>(n));
  return "minus " + detail::words_of(0ULL - static_cast<unsigned long long>(n));
}

}  // namespace lkjip
