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

/// The flow of a table in a text area of size `area`: caption above ("Tabel 3.1 …"), header
/// rows repeated at the top of every continuation page (caption repeated with the layout's
/// continued suffix), the source note below. A table that fits on a page is never split: it
/// waits for the next page. A longer one breaks between row units with at least
/// min_rows_at_break body rows on each side (never a total row alone); a row taller than a
/// page is split between lines of its cells. Too wide for the area at the body size: the font
/// shrinks down to style.table_min_size; beyond that, when the table allows it, the flow is
/// marked landscape and built for the area turned a quarter (width = area.height).
FlowPtr make_table_flow(const Context& ctx, const doc::Table& table, Size area);

}  // namespace lkjip::layout
