// Laid-out table cells and row units: row heights, and where a unit of rows is cut when it
// does not fit the room left on a page (pure: cells carry their line count and line height).
#pragma once

#include <memory>
#include <optional>
#include <vector>

#include "base/units.h"
#include "layout/draw.h"

namespace lkjip::layout::table {

/// A cell ready to draw: its lines, of which [first, end) are still to be shown.
struct CellBox {
  int col = 0, colspan = 1, row = 0, rowspan = 1;  // row relative to its unit
  std::shared_ptr<const std::vector<draw::AlignedLine>> lines;
  size_t first = 0, end = 0;
  draw::LineBox box;
  Pt indent;
  std::optional<Color> fill;
  bool vcenter = false;
  Pt content() const { return box.height * static_cast<double>(end - first); }
};

/// Rows that stay together when they fit on a page: a row, a rowspan group, or a group row
/// with the row after it. `heights` follow from the cells (fit_heights).
struct Unit {
  std::vector<CellBox> cells;
  std::vector<Pt> heights;
  Pt total() const {
    Pt t;
    for (Pt h : heights) t += h;
    return t;
  }
};

/// Geometry shared by all pieces of one table.
struct Geometry {
  Pt width;
  std::vector<Pt> col_x;  // ncols + 1 edges
  Pt pad_x, pad_y, row_min, rule;
};

/// Row heights: every row at least `row_min`, each cell's lines plus padding fitting the rows
/// it spans (a spanning cell's deficit is shared equally by those rows, so that no one row of
/// the group stands out tall and empty).
void fit_heights(Unit& u, const Geometry& g);

/// Splits `u` so that its first part is at most `room` tall: at the last row boundary that
/// fits, else between the lines of the first row. Cells crossing the cut show the lines that
/// fit and continue in the rest. With `force`, a part is produced even when nothing fits (the
/// whole first row), so that every call makes progress. Returns false when nothing fits and
/// `force` is off.
bool cut(const Unit& u, Pt room, bool force, const Geometry& g, Unit& part, Unit& rest);

}  // namespace lkjip::layout::table
