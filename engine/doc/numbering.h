// Numbering of chapters, headings and captions, and the registry that keeps anchor ids unique.
#pragma once

#include <set>
#include <string>

#include "doc/doc.h"
#include "report/layout_style.h"

namespace lkjip::doc {

/// Every anchor id of one document; ids must be unique for links, outlines and the TOC.
class AnchorSet {
 public:
  /// Records `id`; false when it was already taken.
  bool claim(const std::string& id) { return ids_.insert(id).second; }

 private:
  std::set<std::string> ids_;
};

/// "BAB I" from style.chapter_label for chapter `n` (1-based).
std::string chapter_label(const report::LayoutStyle& style, int n);
/// "Tabel 3.1" / "Gambar 1.2" from `format` (style.table_label or figure_label).
std::string caption_label(const std::string& format, int chapter, int n);
/// The same for a part numbered by text ("L1" of LAMPIRAN 1: {chapter} and {chapter_roman}
/// both print it).
std::string caption_label(const std::string& format, const std::string& chapter, int n);

/// Heading counters of one chapter. Levels 1..3 follow style.heading[level-1].numbering;
/// a heading resets the counters below it; unnumbered headings leave the counters alone.
class HeadingNumbering {
 public:
  HeadingNumbering(const report::LayoutStyle& style, int chapter, AnchorSet& anchors)
      : style_(style), chapter_(chapter), anchors_(anchors) {}

  /// Sets h.number and h.anchor (`id` when not empty, else "bab<c>-sec<n1>[-<n2>[-<n3>]]",
  /// "bab<c>-u<k>" for unnumbered ones). Returns false when `id` is already taken.
  /// Precondition: 1 <= h.level <= 3.
  bool assign(Heading& h, bool numbered, const std::string& id);

 private:
  const report::LayoutStyle& style_;
  int chapter_;
  AnchorSet& anchors_;
  int counters_[3] = {0, 0, 0};
  int unnumbered_ = 0;
};

}  // namespace lkjip::doc
