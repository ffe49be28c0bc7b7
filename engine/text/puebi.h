// Indonesian word division by PUEBI's rules (Pemenggalan Kata): the judge that filters the
// hyphenation patterns' candidates. Pure: lower-case Latin letters in, boundaries out.
#pragma once

#include <string_view>
#include <vector>

namespace lkjip::text {

/// For a lower-case word of ASCII letters, `result[i]` (0 < i < size) tells whether PUEBI
/// allows a division before letter i:
/// - between two vowels unless they form a diphthong (ai, au, ei, oi at the end of the word,
///   before a vowel, or before consonant + vowel: pan-dai, sau-da-ra, ca-pai-an; ma-in);
/// - a single consonant goes with the next vowel (ba-pak); of two, between them (Ap-ril); of
///   three or more, after the first (in-stru-men); kh, ng, ny, sy count as one consonant and
///   are never divided (ba-ngun, ma-sya-ra-kat);
/// - a word opening with a combining element (trans, infra, eks, …) followed by a consonant
///   is divided after the element instead (trans-pa-ran-si, in-fra-struk-tur, eks-por).
/// Letters outside a–z count as consonants. Size + 1 entries; ends are always false.
std::vector<bool> puebi_divisions(std::string_view word);

}  // namespace lkjip::text
