// Tables: column widths from content, cell composition, and page breaking by rows with
// repeated headers. See doc::Table.
#pragma once

#include <functional>
#include <vector>

#include "doc/doc.h"
#include "layout/context.h"
#include "layout/flow.h"

namespace lkjip::layout {

/// Column widths for a table of total width `width`, as browsers' automatic table layout does:
/// each column's minimum (longest unbreakable word) and preferred (longest line unbroken)
/// widths, fixed relative widths honoured, the remainder shared in proportion to preferred
/// minus minimum. `measure_min`/`measure_pref` give a cell's widths (injected so tests use a
/// constant-width measurer). Spanning cells distribute their excess over their columns.
struct CellWidths {
  Pt min, pref;
};
std::vector<Pt> column_widths(const doc::Table& table, Pt width,
                              const std::function<CellWidths(const doc::Cell&)>& measure);

/// The flow of a table: caption above ("Tabel 3.1 …", kept with the first rows), header rows
/// repeated at the top of every continuation page (caption repeated with the layout's
/// continued suffix), rows moved whole to the next page when they fit there, a row taller
/// than a page split between lines of its cells, the source note below. Too wide for `width`
/// at the body size: the font shrinks down to style.table_min_size; beyond that, when the
/// table allows it, the flow is marked landscape and built for `landscape_width`.
FlowPtr make_table_flow(const Context& ctx, const doc::Table& table, Pt width, Pt landscape_width);

}  // namespace lkjip::layout
