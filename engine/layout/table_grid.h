// Table grid and column widths: where each cell sits once row and column spans are resolved,
// and how wide each column is (pure: cells are measured by an injected function).
#pragma once

#include <functional>
#include <vector>

#include "doc/doc.h"
#include "layout/table.h"

namespace lkjip::layout::table {

/// A cell at its resolved grid position. `cell` is never null (holes get an empty cell).
struct GridCell {
  const doc::Cell* cell = nullptr;
  int row = 0, col = 0, colspan = 1, rowspan = 1;
  doc::Row::Kind kind = doc::Row::Kind::body;
};

const doc::Cell& empty_cell();

/// Places the cells of `rows` as HTML does: each cell takes the next column not covered by a
/// rowspan from above. With `ncols` 0 the grid grows to fit and `ncols` returns its width;
/// otherwise cells are clipped to `ncols`, a lone cell of a group row spans the full width and
/// uncovered positions get empty cells so that the cells tile the grid.
std::vector<GridCell> place(const std::vector<doc::Row>& rows, int& ncols);

/// Number of columns: the declared ones, or more when rows need them.
int column_count(const doc::Table& t);

// ---------------------------------------------------------------------------------------------
// Column widths.

/// Per-column minimum and preferred widths from the cells: single-column cells first, then
/// spanning cells by increasing span, each spreading its excess over its automatic columns (all
/// its columns when none is automatic) in proportion to their preferred widths.
std::vector<CellWidths> column_limits(const std::vector<const std::vector<GridCell>*>& sections,
                                      const std::vector<doc::ColumnSpec>& specs, int ncols,
                                      const std::function<CellWidths(const doc::Cell&)>& measure);

Pt sum_min(const std::vector<CellWidths>& lim);

/// Scales `w` so that it sums to `total`, in proportion to `weights` (equally when they are 0).
void fill_proportional(std::vector<Pt>& w, const std::vector<size_t>& cols, Pt total,
                       const std::vector<Pt>& weights);

/// Widths summing to `width` from the column limits and the fixed relative widths.
std::vector<Pt> distribute(const std::vector<CellWidths>& lim,
                           const std::vector<doc::ColumnSpec>& specs, Pt width);

}  // namespace lkjip::layout::table
