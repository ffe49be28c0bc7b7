// Figure contents: image files (PNG/JPEG, validated here so later stages can trust them),
// the organisation chart and charts drawn from computed values.
#pragma once

#include <memory>
#include <string>

#include "base/diagnostic.h"
#include "compute/computed.h"
#include "doc/doc.h"

namespace lkjip::doc {

/// Images above this many pixels are refused: a scan that large bloats the PDF and is
/// almost certainly a mistake (a 300 dpi A4 page is 8.7 megapixels).
inline constexpr double kMaxImagePixels = 50e6;

/// Image files above this size are refused before they are read: 50 megapixels of 8-bit RGBA
/// compress to far less, and a bounded read keeps a render under its memory budget.
inline constexpr uint64_t kMaxImageBytes = uint64_t{64} << 20;

/// Reads a PNG or JPEG (told apart by its magic bytes), checks its structure to the end of
/// the data (truncation, bad chunk CRCs, missing IEND/EOI) and reads the pixel size from the
/// header. Errors at `loc`; an extension that contradicts the content is only a warning.
std::shared_ptr<const frame::ImageData> read_image(const std::string& path, const SourceLoc& loc,
                                                   DiagnosticSink& sink);

/// The [[organisation]] units as a tree (parents resolved to indices, description order).
std::vector<OrgNode> org_nodes(const report::Report& r);

/// The chart data of a [[chart]]; unknown values are left out and named in Chart::note. Without
/// any known value (Chart::has_data) the note says why the chart is not drawn, and a warning
/// at the [[chart]] names the figure `label` and what is missing.
Chart make_chart(const report::Chart& spec, const compute::ComputedTables& c,
                 const std::string& label, DiagnosticSink& sink);

}  // namespace lkjip::doc
