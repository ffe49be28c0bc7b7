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
      part.body.assign(u.body.begin(), u.body.begin() + std::min<long>(at, std::ssize(u.body)));
      rest.body.assign(u.body.begin() + std::min<long>(at, std::ssize(u.body)), u.body.end());
    } else {
      // Cut inside the first row: that row continues in the rest, where it counts.
      part.heights = {cut_y};
      part.body = {false};
      rest.body = u.body;
    }
    return at > 0 || shown > 0;
  };
  if (split(fit_rows, fit_rows > 0 ? top[static_cast<size_t>(fit_rows)] : room)) return true;
  if (!force) return false;
  return split(1, top[1]);
}

int min_rows_at_break(int body_rows) {
  return body_rows >= 2 * kMinRowsAtBreak ? kMinRowsAtBreak : std::max(1, body_rows / 2);
}

std::vector<bool> settable_from(const std::vector<Unit>& units, Pt room, Pt tail, int min_rows) {
  const size_t n = units.size();
  std::vector<int> body_after(n + 1, 0);
  for (size_t i = n; i-- > 0;) body_after[i] = body_after[i + 1] + units[i].body_rows();
  std::vector<bool> ok(n + 1, false);
  ok[n] = true;
  for (size_t i = n; i-- > 0;) {
    Pt h;
    for (size_t j = i + 1; j <= n; ++j) {
      h += units[j - 1].total();
      if (h + (j == n ? tail : Pt(0)) > room) break;
      const bool rows_here = body_after[i] - body_after[j] >= min_rows;
      const bool rows_after = j == n || body_after[j] >= min_rows;
      if (rows_here && rows_after && ok[j]) {
        ok[i] = true;
        break;
      }
    }
  }
  return ok;
}

size_t units_before_break(const std::vector<Unit>& units, size_t first, size_t fit, int min_rows,
                          bool at_page_top, const std::vector<bool>& settable) {
  int after = 0;
  for (size_t i = first + fit; i < units.size(); ++i) after += units[i].body_rows();
  int before = 0;
  for (size_t i = first; i < first + fit; ++i) before += units[i].body_rows();
  // The last units move on until the break is a good one.
  size_t fallback = 0;  // at a page top: the most units that keep a body row after the break
  for (size_t k = fit; k > 0; --k) {
    if (after >= 1 && fallback == 0) fallback = k;
    const bool rest_ok = settable.empty() || settable.at(first + k);
    if (before >= min_rows && after >= min_rows && rest_ok) return k;
    after += units[first + k - 1].body_rows();
    before -= units[first + k - 1].body_rows();
  }
  if (!at_page_top) return 0;
  return fallback > 0 ? fallback : fit;
}

}  // namespace lkjip::layout::table
