#include "layout/table_rows.h"

#include <algorithm>
#include <cmath>

namespace lkjip::layout::table {

void fit_heights(Unit& u, const Geometry& g) {
  int nrows = 0;
  for (const auto& c : u.cells) nrows = std::max(nrows, c.row + c.rowspan);
  u.heights.assign(static_cast<size_t>(nrows), g.row_min);
  std::vector<const CellBox*> spanning;
  for (const auto& c : u.cells) {
    if (c.rowspan == 1) {
      auto& h = u.heights[static_cast<size_t>(c.row)];
      h = max(h, c.content() + g.pad_y * 2);
    } else {
      spanning.push_back(&c);
    }
  }
  std::stable_sort(spanning.begin(), spanning.end(),
                   [](const CellBox* a, const CellBox* b) { return a->rowspan < b->rowspan; });
  for (const auto* c : spanning) {
    Pt have;
    for (int r = c->row; r < c->row + c->rowspan; ++r) have += u.heights[static_cast<size_t>(r)];
    const Pt need = c->content() + g.pad_y * 2;
    if (need <= have) continue;
    const Pt share = (need - have) / static_cast<double>(c->rowspan);
    for (int r = c->row; r < c->row + c->rowspan; ++r) u.heights[static_cast<size_t>(r)] += share;
  }
}

bool cut(const Unit& u, Pt room, bool force, const Geometry& g, Unit& part, Unit& rest) {
  const size_t n = u.heights.size();
  std::vector<Pt> top(n + 1);
  for (size_t r = 0; r < n; ++r) top[r + 1] = top[r] + u.heights[r];
  int fit_rows = 0;
  while (static_cast<size_t>(fit_rows) + 1 < n && top[static_cast<size_t>(fit_rows) + 1] <= room) {
    ++fit_rows;
  }
  auto split = [&](int at, Pt cut_y) {
    part = Unit{};
    rest = Unit{};
    size_t shown = 0;
    for (const auto& c : u.cells) {
      const int bottom = c.row + c.rowspan;
      const bool above = at > 0 ? bottom <= at : false;
      const bool below = at > 0 ? c.row >= at : c.row > 0;
      if (above) {
        part.cells.push_back(c);
      } else if (below) {
        CellBox r = c;
        r.row -= at;
        rest.cells.push_back(r);
      } else {
        const Pt text_room = cut_y - top[static_cast<size_t>(c.row)] - g.pad_y * 2;
        const double fit = std::floor(std::max(0.0, text_room / c.box.height) + 1e-9);
        const size_t lines = std::min(c.end - c.first, static_cast<size_t>(fit));
        CellBox a = c, b = c;
        a.end = a.first + lines;
        a.rowspan = at > 0 ? at - c.row : 1;
        a.vcenter = false;
        b.first = a.end;
        b.row = 0;
        b.rowspan = at > 0 ? bottom - at : c.rowspan;
        b.vcenter = false;
        shown += lines;
        part.cells.push_back(a);
        rest.cells.push_back(b);
      }
    }
    fit_heights(rest, g);
    if (at > 0) {
      part.heights.assign(u.heights.begin(), u.heights.begin() + at);
    } else {
      part.heights = {cut_y};
    }
    return at > 0 || shown > 0;
  };
  if (split(fit_rows, fit_rows > 0 ? top[static_cast<size_t>(fit_rows)] : room)) return true;
  if (!force) return false;
  return split(1, top[1]);
}

}  // namespace lkjip::layout::table
