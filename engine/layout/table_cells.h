// Table cell content and measurement: a cell's paragraphs, styles and content widths at
// the reference size.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "doc/doc.h"
#include "layout/context.h"
#include "layout/table.h"
#include "layout/table_grid.h"

namespace lkjip::layout::table {

/// The paragraphs of a cell as inline runs: paragraphs as they are, list items as their marker
/// followed by their text (nested lists flattened in order).
void cell_paragraphs(const doc::Blocks& blocks, const std::string& marker,
                     std::vector<doc::Inlines>& out);

std::string flat_text(const std::vector<doc::Inlines>& paras);

/// Content widths of inline runs at the style's size: the longest word and the longest line
/// (an explicit "\n" ends a line).
CellWidths measure_inlines(const Context& ctx, const doc::Inlines& in, const report::TextStyle& ts);

/// A measured cell at the reference size (factor 1); widths scale linearly with the size.
struct CellInfo {
  std::vector<doc::Inlines> paras;
  report::TextStyle style;  // at the reference size
  report::HAlign align = report::HAlign::left;
  bool decimal = false, one_line = false, vcenter = false;
  std::optional<Color> fill;
  Pt min, pref;  // content only, reference size
  Pt frac;       // decimal: width of ",dd…" (0 without a comma)
  Pt right_pad;  // decimal: padding that lines the commas up, reference size
  Pt indent;     // level indent (does not scale)
};

report::HAlign to_halign(doc::CellAlign a);

/// Where the part of a figure that hangs right of the decimal alignment point starts: the
/// decimal comma of its leading number ("70,20", "118,89%"), else the end of that number (the
/// "%" of "100%", the unit of "3 dokumen"); text.size() for text without a leading number.
size_t fraction_start(std::string_view text);

CellInfo describe(const Context& ctx, const GridCell& g, bool header,
                  const std::vector<doc::ColumnSpec>& specs);

/// Lines the decimal commas of each column up: every decimal cell gets the right padding that
/// makes its fraction as wide as the column's widest, and is measured as integer + fraction.
void align_decimals(const std::vector<GridCell>& cells, std::vector<CellInfo>& info, int ncols);

report::TextStyle scaled(report::TextStyle ts, double f);

}  // namespace lkjip::layout::table
