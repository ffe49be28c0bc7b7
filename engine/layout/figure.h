// Figures: images, organisation charts and data charts, each drawn into a frame of a given
// width, with the caption below ("Gambar 1.1 …").
#pragma once

#include "doc/doc.h"
#include "layout/context.h"
#include "layout/flow.h"

namespace lkjip::layout {

/// Draws an organisation chart into a frame `width` wide: boxes per level with the unit names
/// wrapped inside, orthogonal connectors, staff units beside the command line, scaled to fit.
frame::Frame draw_orgchart(const Context& ctx, const std::vector<doc::OrgNode>& nodes, Pt width);

/// Draws a bar or line chart as vector graphics with embedded text: axes with Indonesian
/// number labels, bars/lines per series, value labels, a legend; the palette (style) reads in
/// greyscale print too (distinct lightness per series).
frame::Frame draw_chart(const Context& ctx, const doc::Chart& chart, Pt width);

/// What a screen reader says for a figure (PDF /Alt), generated from what it draws: a chart's
/// series and every value label per category, an organisation chart's units and who reports to
/// whom, an image's label and caption.
std::string figure_alt(const doc::Figure& figure);

/// The whole figure block (graphic + caption, never split). Images larger than the text width
/// scale down; an image shown larger than its pixel size at 96 dpi gets a warning.
FlowPtr make_figure_flow(const Context& ctx, const doc::Figure& figure, Pt width, Pt max_height);

}  // namespace lkjip::layout
