// Laid-out table cells and row units: row heights, and where a unit of rows is cut when it
// does not fit the room left on a page (pure: cells carry their line count and line height).
#pragma once

#include <algorithm>
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
  uint32_t elem = 0;  // its TH or TD structure element
  Pt content() const { return box.height * static_cast<double>(end - first); }
};

/// Rows that stay together when they fit on a page: a row, a rowspan group, or a group row
/// with the row after it. `heights` follow from the cells (fit_heights).
struct Unit {
  std::vector<CellBox> cells;
  std::vector<Pt> heights;
  std::vector<bool> body;  // per row: a body row (not a group heading or a total row)
  Pt total() const {
    Pt t;
    for (Pt h : heights) t += h;
    return t;
  }
  int body_rows() const { return static_cast<int>(std::count(body.begin(), body.end(), true)); }
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

/// The fewest body rows on each side of a page break inside a table of `body_rows` body rows:
/// 3 (kMinRowsAtBreak) once it has twice that many, else half of them (at least 1), so that a
/// continuation page never holds a row or two, or a total row, alone.
inline constexpr int kMinRowsAtBreak = 3;
int min_rows_at_break(int body_rows);

/// For each i in [0, n], whether units [i, n) can be set on pages of their own: each page
/// holds units of at most `room` in height (the last page's also `tail`, the source note), and
/// at least `min_rows` body rows, as does every break (none follows the last page). [n] is true.
std::vector<bool> settable_from(const std::vector<Unit>& units, Pt room, Pt tail, int min_rows);

/// Where a page break falls in `units` when the fragment starting at `first` has room for the
/// next `fit` whole units and a later unit must go to the next page. Returns how many units
/// this fragment takes: the most that leave `min_rows` body rows on each side of the break and
/// a rest that `settable` (settable_from; empty: any rest) says can be set. None does: 0 (the
/// fragment waits for the next page), unless `at_page_top`, where it must make progress and
/// only keeps a body row after the break.
size_t units_before_break(const std::vector<Unit>& units, size_t first, size_t fit, int min_rows,
                          bool at_page_top, const std::vector<bool>& settable);

}  // namespace lkjip::layout::table
