#include "text/puebi.h"

#include <array>

namespace lkjip::text {
namespace {

bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

/// Length of the consonant unit at `i`: 2 for the digraphs kh, ng, ny, sy, else 1.
size_t consonant_len(std::string_view w, size_t i) {
  if (i + 1 >= w.size()) return 1;
  const char a = w[i], b = w[i + 1];
  const bool digraph =
      (a == 'k' && b == 'h') || (a == 'n' && (b == 'g' || b == 'y')) || (a == 's' && b == 'y');
  return digraph ? 2 : 1;
}

/// Combining elements PUEBI divides off before a consonant (Pemenggalan Kata, rule 4).
/// Left out on purpose: pra, swa, kontra (praktik, swasta, kontrak are roots, not compounds).
constexpr std::array<std::string_view, 21> kElements = {
    "antar", "anti",  "bio",  "eks",   "foto",  "geo",  "hidro", "infra", "inter", "intra", "kilo",
    "makro", "mikro", "mono", "multi", "pasca", "poli", "sub",   "super", "tele",  "trans"};

}  // namespace

std::vector<bool> puebi_divisions(std::string_view w) {
  std::vector<bool> ok(w.size() + 1, false);
  // Nuclei: start index of each vowel or diphthong; consonant units between them.
  size_t prev_end = std::string_view::npos;  // end of the previous nucleus
  size_t i = 0;
  while (i < w.size()) {
    if (!is_vowel(w[i])) {
      i += consonant_len(w, i);
      continue;
    }
    size_t end = i + 1;
    if (end < w.size() &&
        ((w[end] == 'i' && w[i] != 'i' && w[i] != 'u') || (w[i] == 'a' && w[end] == 'u'))) {
      // ai, ei, oi, au: a diphthong at the end, before a vowel, or before consonant + vowel.
      const size_t after = end + 1;
      bool diphthong = after >= w.size() || is_vowel(w[after]);
      if (!diphthong) {
        const size_t next = after + consonant_len(w, after);
        diphthong = next < w.size() && is_vowel(w[next]);
      }
      if (diphthong) end = after;
    }
    if (prev_end != std::string_view::npos) {
      // Consonant units between the previous nucleus and this one.
      std::vector<size_t> units;
      for (size_t j = prev_end; j < i; j += consonant_len(w, j)) units.push_back(j);
      // None: between the vowels; one: before it; two or more: after the first.
      ok[units.empty() ? i : units.size() == 1 ? units[0] : units[1]] = true;
    }
    prev_end = end;
    i = end;
  }
  for (std::string_view e : kElements) {
    if (w.size() <= e.size() + 1 || w.substr(0, e.size()) != e || is_vowel(w[e.size()])) continue;
    // The gap the element's end falls in is divided at the element's end.
    size_t lo = e.size(), hi = e.size();
    while (lo > 0 && !is_vowel(w[lo - 1])) --lo;
    while (hi < w.size() && !is_vowel(w[hi])) ++hi;
    for (size_t j = lo; j <= hi; ++j) ok[j] = false;
    ok[e.size()] = true;
    break;
  }
  ok[0] = ok[w.size()] = false;
  return ok;
}

}  // namespace lkjip::text
