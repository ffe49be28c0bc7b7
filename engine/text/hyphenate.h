// Indonesian hyphenation: hyphen-id's hyph_id_ID.dic patterns (libhyphen) filtered by PUEBI.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"

namespace lkjip::text {

/// Default minimum letters before and after a hyphenation point: two each side, as PUEBI
/// divides (bang-sa, pe-me-rin-tah-an) and as babel's Indonesian sets TeX's minima. A right
/// minimum of 3 left lines such as "... kesatuan / bangsa" with no break but a 3x word space.
inline constexpr int kLeftMin = 2, kRightMin = 2;

/// Immutable after load; thread-safe.
class Hyphenator {
 public:
  virtual ~Hyphenator() = default;
  /// Loads a libhyphen dictionary (ISO-8859-1 patterns). Null plus an error in `sink` when
  /// the file is missing or unreadable.
  static std::shared_ptr<const Hyphenator> load(const std::string& dic_path, DiagnosticSink& sink);
  /// Byte offsets into the UTF-8 `word` before which a hyphen may be inserted, with at least
  /// `left_min` letters before and `right_min` after each break, each one a division PUEBI
  /// allows (text/puebi.h). Words with a capital after their first letter (acronyms, all
  /// caps), with digits or with characters outside Latin-1 get no breaks; a capitalised word
  /// is divided like its lower-case form.
  std::vector<size_t> points(std::string_view word, int left_min = kLeftMin,
                             int right_min = kRightMin) const {
    std::vector<size_t> out;
    points(word, out, left_min, right_min);
    return out;
  }
  /// The same into `out` (replacing its contents): the paragraph composer's per-word call,
  /// which reuses one vector instead of allocating.
  virtual void points(std::string_view word, std::vector<size_t>& out, int left_min = kLeftMin,
                      int right_min = kRightMin) const = 0;
  /// The word with '-' at every break point, e.g. "pe-me-rin-tah-an" (for tests and dumps).
  std::string hyphenated(std::string_view word, int left_min = kLeftMin,
                         int right_min = kRightMin) const;
};

}  // namespace lkjip::text
