// Text-drawing helpers shared by tables, figures, charts and organisation charts: line boxes,
// placing set lines with their own x offset, captions and a locale-free Indonesian number
// formatter (layout must not depend on compute/).
#pragma once

#include <string>
#include <vector>

#include "doc/doc.h"
#include "layout/context.h"

namespace lkjip::layout::draw {

/// Height of one line of `ts` (its leading) and the baseline's offset from the line top, so
/// the ascender-to-descender band sits centred in the box.
struct LineBox {
  Pt height, baseline;
};
LineBox line_box(const Context& ctx, const report::TextStyle& ts);

/// Copies (or, from an rvalue, moves) a set line's runs, underlines and links into `out` with
/// its start at `x` on the baseline `baseline`.
void set_line(frame::Frame& out, const text::SetLine& line, Pt x, Pt baseline);
void set_line(frame::Frame& out, text::SetLine&& line, Pt x, Pt baseline);

/// A set line plus the x offset it is drawn at (alignment done by the caller, because
/// decimal alignment and indents are not alignments compose() knows).
struct AlignedLine {
  text::SetLine line;
  Pt x;
};

/// Composes `inlines` left-aligned in `width` and offsets each line for `align` (justify is
/// treated as left). Lines wider than `width` start at 0.
std::vector<AlignedLine> compose_aligned(const Context& ctx, const doc::Inlines& inlines,
                                         const report::TextStyle& ts, Pt width,
                                         report::HAlign align, bool hyphenate = true);

/// Inlines on one unbroken line (labels, numbers); empty text gives an empty line.
text::SetLine single_line(const Context& ctx, const doc::Inlines& inlines,
                          const report::TextStyle& ts);

/// Scales every item of `f` (and its size) by `k` about the origin: text sizes, rule widths
/// and positions alike, so a drawing shrinks uniformly and its text stays inside its boxes.
void scale(frame::Frame& f, double k);

/// Draws aligned lines one line box apart from `top`; returns the y below the last line.
Pt lines(frame::Frame& out, const std::vector<AlignedLine>& ls, const LineBox& box, Pt x, Pt top);

/// "Tabel 3.1" in bold followed by the caption text.
doc::Inlines caption(const std::string& label, const doc::Inlines& text);

/// One plain inline.
doc::Inlines plain(std::string text, bool bold = false);

/// Indonesian number text with up to `decimals` decimals, trailing zeros dropped: "100",
/// "86,34", "1.250,5", "-3". Locale-independent (the classic formatting rules by hand).
std::string number_id(double v, int decimals = 2);

}  // namespace lkjip::layout::draw
