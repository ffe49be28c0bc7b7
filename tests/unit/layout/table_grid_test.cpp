// The pure parts of table layout, without fonts: grid placement (layout/table_grid.h) and
// row units, heights and cuts (layout/table_rows.h). Cells carry a line count and a line height;
// no text is set.
#include "layout/table_grid.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "layout/table_rows.h"
#include "layout_fixture.h"

namespace lkjip::layout::table {
namespace {

using testing::cell;
using testing::row;

/// "r,c span×rowspan" for each placed cell, in placement order; holes are marked "_".
std::vector<std::string> positions(const std::vector<GridCell>& cells) {
  std::vector<std::string> out;
  for (const auto& g : cells) {
    out.push_back(std::to_string(g.row) + "," + std::to_string(g.col) + " " +
                  std::to_string(g.colspan) + "x" + std::to_string(g.rowspan) +
                  (g.cell == &empty_cell() ? " _" : ""));
  }
  return out;
}

doc::Cell spanning(int colspan, int rowspan) {
  doc::Cell c = cell("x");
  c.colspan = colspan;
  c.rowspan = rowspan;
  return c;
}

TEST(TableGrid, GrowingGridTakesItsWidthFromTheWidestRow) {
  int ncols = 0;
  const auto cells = place({row({cell("a"), cell("b")}), row({spanning(3, 1)})}, ncols);
  EXPECT_EQ(ncols, 3);
  EXPECT_EQ(positions(cells), (std::vector<std::string>{"0,0 1x1", "0,1 1x1", "1,0 3x1"}));
}

TEST(TableGrid, RowspanPushesTheNextRowsCellsRightAndHolesAreFilled) {
  int ncols = 3;
  const auto cells = place({row({spanning(1, 2), cell("b"), cell("c")}), row({cell("d")})}, ncols);
  // Row 1: column 0 is covered from above, "d" takes column 1, column 2 is a hole.
  EXPECT_EQ(positions(cells),
            (std::vector<std::string>{"0,0 1x2", "0,1 1x1", "0,2 1x1", "1,1 1x1", "1,2 1x1 _"}));
}

TEST(TableGrid, FixedGridClipsSpansAndALoneGroupCellSpansTheRow) {
  int ncols = 2;
  const auto cells = place({row({spanning(5, 1)}), row({cell("Sasaran")}, doc::Row::Kind::group),
                            row({cell("a"), cell("b"), cell("c")})},
                           ncols);
  EXPECT_EQ(ncols, 2);
  EXPECT_EQ(positions(cells),
            (std::vector<std::string>{"0,0 2x1", "1,0 2x1", "2,0 1x1", "2,1 1x1"}));
}

TEST(TableGrid, RowspanIsClampedToTheRowsThatExist) {
  int ncols = 0;
  const auto cells = place({row({spanning(1, 9), cell("b")}), row({cell("c")})}, ncols);
  EXPECT_EQ(positions(cells), (std::vector<std::string>{"0,0 1x2", "0,1 1x1", "1,1 1x1"}));
}

TEST(TableGrid, ColumnCountIsTheDeclaredOrTheRowsWidth) {
  doc::Table t;
  EXPECT_EQ(column_count(t), 1);
  t.columns.resize(4);
  t.body.push_back(row({cell("a")}));
  EXPECT_EQ(column_count(t), 4);
  t.header.push_back(row({spanning(6, 1)}));
  EXPECT_EQ(column_count(t), 6);
}

TEST(TableGrid, DistributeKeepsTheTotalAndGivesSlackToFlexibleColumns) {
  // Column 0 cannot flex (min = pref); column 1 gets all of the room between min and pref.
  const std::vector<CellWidths> lim = {{Pt(20), Pt(20)}, {Pt(30), Pt(130)}};
  const auto w = distribute(lim, {}, Pt(100));
  ASSERT_EQ(w.size(), 2u);
  EXPECT_DOUBLE_EQ(w[0].v, 20);
  EXPECT_DOUBLE_EQ(w[1].v, 80);
}

// ---- Row units: heights and cuts. Each line is 10 pt, cells have 2 pt padding top and bottom.

Geometry geometry() {
  Geometry g;
  g.width = Pt(100);
  g.col_x = {Pt(0), Pt(50), Pt(100)};
  g.pad_x = Pt(2);
  g.pad_y = Pt(2);
  g.row_min = Pt(14);
  return g;
}

CellBox box(int row, int col, size_t lines, int rowspan = 1) {
  CellBox c;
  c.row = row;
  c.col = col;
  c.rowspan = rowspan;
  c.end = lines;
  c.box = draw::LineBox{Pt(10), Pt(8)};
  return c;
}

Unit unit(std::vector<CellBox> cells) {
  Unit u;
  u.cells = std::move(cells);
  fit_heights(u, geometry());
  return u;
}

std::vector<double> heights(const Unit& u) {
  std::vector<double> out;
  for (Pt h : u.heights) out.push_back(h.v);
  return out;
}

TEST(TableRows, RowsAreAsTallAsTheirTallestCellAndNeverBelowTheMinimum) {
  const Unit u = unit({box(0, 0, 1), box(0, 1, 3), box(1, 0, 0), box(1, 1, 0)});
  EXPECT_EQ(heights(u), (std::vector<double>{34, 14}));
  EXPECT_DOUBLE_EQ(u.total().v, 48);
}

TEST(TableRows, ASpanningCellsDeficitIsSharedEquallyByItsRows) {
  // 6 lines + padding = 64 pt over two rows of 14 pt: each row grows by 18 pt.
  const Unit u = unit({box(0, 0, 6, 2), box(0, 1, 1), box(1, 1, 1)});
  EXPECT_EQ(heights(u), (std::vector<double>{32, 32}));
}

TEST(TableRows, CutAtTheLastRowBoundaryThatFits) {
  const Unit u = unit({box(0, 0, 1), box(1, 0, 1), box(2, 0, 1)});  // rows of 14 pt
  Unit part, rest;
  ASSERT_TRUE(cut(u, Pt(30), false, geometry(), part, rest));
  EXPECT_EQ(heights(part), (std::vector<double>{14, 14}));
  EXPECT_EQ(heights(rest), (std::vector<double>{14}));
  ASSERT_EQ(rest.cells.size(), 1u);
  EXPECT_EQ(rest.cells[0].row, 0);  // renumbered from the cut
}

TEST(TableRows, ARowTallerThanTheRoomIsCutBetweenItsLines) {
  const Unit u = unit({box(0, 0, 10), box(0, 1, 2)});  // 104 pt
  Unit part, rest;
  ASSERT_TRUE(cut(u, Pt(45), false, geometry(), part, rest));
  EXPECT_EQ(heights(part), (std::vector<double>{45}));
  ASSERT_EQ(part.cells.size(), 2u);
  EXPECT_EQ(part.cells[0].end - part.cells[0].first, 4u);  // (45 - 4) / 10 lines
  EXPECT_EQ(part.cells[1].end - part.cells[1].first, 2u);
  ASSERT_EQ(rest.cells.size(), 2u);
  EXPECT_EQ(rest.cells[0].first, 4u);
  EXPECT_EQ(rest.cells[0].end, 10u);
  EXPECT_EQ(rest.cells[1].end - rest.cells[1].first, 0u);  // shown whole in the part
  EXPECT_EQ(heights(rest), (std::vector<double>{64}));
}

TEST(TableRows, NothingFitsWithoutForceAndForceTakesTheWholeFirstRow) {
  const Unit u = unit({box(0, 0, 1), box(1, 0, 1)});
  Unit part, rest;
  EXPECT_FALSE(cut(u, Pt(5), false, geometry(), part, rest));
  ASSERT_TRUE(cut(u, Pt(5), true, geometry(), part, rest));
  EXPECT_EQ(heights(part), (std::vector<double>{14}));
  EXPECT_EQ(heights(rest), (std::vector<double>{14}));
}

TEST(TableRows, ASpanningCellCutAtARowBoundaryContinuesInTheRest) {
  // A 6-line cell spans rows 0-1 (32 pt each); the cut after row 0 shows the lines that fit in
  // 32 pt and leaves the rest spanning the remaining row.
  const Unit u = unit({box(0, 0, 6, 2), box(0, 1, 1), box(1, 1, 1), box(2, 1, 1)});
  Unit part, rest;
  ASSERT_TRUE(cut(u, Pt(40), false, geometry(), part, rest));
  EXPECT_EQ(heights(part), (std::vector<double>{32}));
  const CellBox* shown = nullptr;
  const CellBox* continued = nullptr;
  for (const auto& c : part.cells)
    if (c.col == 0) shown = &c;
  for (const auto& c : rest.cells)
    if (c.col == 0) continued = &c;
  ASSERT_NE(shown, nullptr);
  ASSERT_NE(continued, nullptr);
  EXPECT_EQ(shown->end - shown->first, 2u);  // (32 - 4) / 10
  EXPECT_EQ(continued->first, 2u);
  EXPECT_EQ(continued->rowspan, 1);
}

// ---- where a table breaks between pages

/// Units of one row each: 'b' a body row, 't' a total row, 'g' a group heading kept with the
/// row after it (so "gb" is one unit of two rows, one of them a body row).
std::vector<Unit> units_of(const std::string& rows) {
  std::vector<Unit> out;
  for (size_t i = 0; i < rows.size(); ++i) {
    Unit u;
    if (rows[i] == 'g' && i + 1 < rows.size()) {
      u.heights = {Pt(14), Pt(14)};
      u.body = {false, rows[i + 1] == 'b'};
      ++i;
    } else {
      u.heights = {Pt(14)};
      u.body = {rows[i] == 'b'};
    }
    out.push_back(std::move(u));
  }
  return out;
}

TEST(TableBreaks, ThreeBodyRowsOnEachSideOnceATableHasSix) {
  EXPECT_EQ(min_rows_at_break(40), 3);
  EXPECT_EQ(min_rows_at_break(6), 3);
  EXPECT_EQ(min_rows_at_break(5), 2);
  EXPECT_EQ(min_rows_at_break(4), 2);
  EXPECT_EQ(min_rows_at_break(1), 1);
}

TEST(TableBreaks, RoomForAllButOneMovesThreeRowsOn) {
  const auto u = units_of("bbbbbbbbbb");
  EXPECT_EQ(units_before_break(u, 0, 9, 3, false, {}), 7u);
  EXPECT_EQ(units_before_break(u, 0, 5, 3, false, {}), 5u) << "five rows follow: no change";
}

TEST(TableBreaks, ATotalRowNeverGoesOnAlone) {
  // Eight body rows and the total: room for all the body rows leaves "Jumlah" alone.
  const auto u = units_of("bbbbbbbbt");
  EXPECT_EQ(units_before_break(u, 0, 8, 3, false, {}), 5u);
  // A group heading counts as no body row: the rows after it must still hold three.
  const auto g = units_of("bbbbbbgbbt");
  EXPECT_EQ(units_before_break(g, 0, 7, 3, false, {}), 5u);  // units: b b b b b b gb b b t
}

TEST(TableBreaks, SettableRestsNeedPagesOfThreeRowsEach) {
  // Pages of three rows (42 pt): a rest of 3 or 6 rows can be set, 4 or 5 cannot.
  const auto u = units_of("bbbbbbb");
  EXPECT_EQ(settable_from(u, Pt(42), Pt(0), 3),
            (std::vector<bool>{false, true, false, false, true, false, false, true}));
  // With room for 5 of 9 rows here, 3 are taken: the 6 left fill two pages of 3, where 4 or 5
  // left would not.
  const auto nine = units_of("bbbbbbbbb");
  EXPECT_EQ(units_before_break(nine, 0, 5, 3, false, settable_from(nine, Pt(42), Pt(0), 3)), 3u);
}

TEST(TableBreaks, TooFewRowsBeforeTheBreakWaitsExceptAtAPageTop) {
  const auto u = units_of("bbbbbbbt");
  EXPECT_EQ(units_before_break(u, 0, 2, 3, false, {}), 0u);
  EXPECT_EQ(units_before_break(u, 0, 5, 3, false, {}), 4u) << "5 fit; one moves on so 3 follow";
  // At a page top there is progress, and the total still has a body row with it.
  EXPECT_EQ(units_before_break(u, 0, 2, 3, true, {}), 2u);
  EXPECT_EQ(units_before_break(u, 0, 7, 3, true, {}), 4u);
  const auto tail = units_of("bbbbbt");
  EXPECT_EQ(units_before_break(tail, 3, 2, 3, true, {}), 1u);  // b | b t rather than b b | t
}

}  // namespace
}  // namespace lkjip::layout::table
