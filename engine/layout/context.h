// What every block needs to lay itself out: the layout style, the fonts, the hyphenator and
// the diagnostics sink. Shared read-only by all blocks of one document pass.
#pragma once

#include <vector>

#include "base/diagnostic.h"
#include "doc/doc.h"
#include "report/layout_style.h"
#include "text/fonts.h"
#include "text/hyphenate.h"
#include "text/paragraph.h"

namespace lkjip::layout {

struct Context {
  const report::LayoutStyle& style;
  const text::FontSet& fonts;
  const text::Hyphenator* hyphenator;  // null: no hyphenation
  DiagnosticSink& sink;
  /// Where the blocks record their structure elements; null: untagged (tests of one block).
  class Tagger* tags = nullptr;

  /// The font of `ts`, made bold/italic on top of its own weight and slant. Never null: a
  /// FontSet is loaded with every family the layout names (internal_error otherwise).
  const text::Font& font(const report::TextStyle& ts, bool bold = false, bool italic = false) const;
  /// Inline runs in the base style `ts`.
  std::vector<text::Span> spans(const doc::Inlines& inlines, const report::TextStyle& ts) const;
  /// Composes inlines into set lines of width `width` (every line) with the given alignment.
  text::ComposedParagraph compose(const doc::Inlines& inlines, const report::TextStyle& ts,
                                  Pt width, report::HAlign align, Pt first_indent = Pt(0),
                                  bool hyphenate = true) const;
  /// Baseline-to-baseline distance of `ts`.
  static Pt leading(const report::TextStyle& ts) { return ts.size * ts.leading; }
};

/// Stacks composed lines into `out` starting at top y `y`, left x `x`; returns the y below
/// the last line. Line i's baseline sits at y + ascent-of-first-line + i × leading.
Pt place_lines(frame::Frame& out, std::vector<text::SetLine> lines, Pt x, Pt y, Pt leading,
               Pt first_ascent);

}  // namespace lkjip::layout
