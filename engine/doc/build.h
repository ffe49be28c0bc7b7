// doc::build: report + computed tables + layout style → the semantic document tree.
#pragma once

#include <optional>

#include "base/diagnostic.h"
#include "compute/computed.h"
#include "doc/doc.h"
#include "report/layout_style.h"
#include "report/model.h"

namespace lkjip::doc {

/// Builds the document. Errors (unknown value reference, unknown table/figure/chart/signatory
/// id in a block line, malformed markup, unusable images) go to sink, located at the exact
/// line:column inside the description (narrative first_line + offset); returns nullopt if any
/// error was reported during the build. `c` must have been computed from `r`; the document
/// copies every string it needs and keeps no reference to either.
std::optional<Document> build(const report::Report& r, const compute::ComputedTables& c,
                              const report::LayoutStyle& style, DiagnosticSink& sink);

}  // namespace lkjip::doc
