#include "layout/table_grid.h"

#include <algorithm>
#include <numeric>

namespace lkjip::layout::table {

const doc::Cell& empty_cell() {
  static const doc::Cell cell;
  return cell;
}

std::vector<GridCell> place(const std::vector<doc::Row>& rows, int& ncols) {
  const bool grow = ncols == 0;
  std::vector<size_t> busy_until(static_cast<size_t>(ncols), 0);  // first free row per column
  std::vector<GridCell> out;
  const int nrows = static_cast<int>(rows.size());
  for (int r = 0; r < nrows; ++r) {
    const auto& row = rows[static_cast<size_t>(r)];
    size_t c = 0;
    auto free_at = [&](size_t col) {
      return col >= busy_until.size() || busy_until[col] <= static_cast<size_t>(r);
    };
    for (const auto& cell : row.cells) {
      while (!free_at(c)) ++c;
      if (!grow && c >= static_cast<size_t>(ncols)) break;
      int span = std::max(1, cell.colspan);
      if (!grow) {
        span = std::min(span, ncols - static_cast<int>(c));
        if (row.kind == doc::Row::Kind::group && row.cells.size() == 1) {
          span = ncols - static_cast<int>(c);
        }
      }
      const int rspan = std::clamp(cell.rowspan, 1, nrows - r);
      const size_t stop = c + static_cast<size_t>(span);
      if (busy_until.size() < stop) busy_until.resize(stop, 0);
      for (int k = 0; k < span; ++k) busy_until[c + k] = static_cast<size_t>(r + rspan);
      out.push_back({&cell, r, static_cast<int>(c), span, rspan, row.kind});
      c += static_cast<size_t>(span);
    }
    if (!grow) {
      for (size_t k = 0; k < static_cast<size_t>(ncols); ++k) {
        if (free_at(k)) {
          busy_until[k] = static_cast<size_t>(r + 1);
          out.push_back({&empty_cell(), r, static_cast<int>(k), 1, 1, row.kind});
        }
      }
    }
  }
  if (grow) ncols = static_cast<int>(busy_until.size());
  return out;
}

int column_count(const doc::Table& t) {
  int h = 0, b = 0;
  place(t.header, h);
  place(t.body, b);
  return std::max({static_cast<int>(t.columns.size()), h, b, 1});
}

std::vector<CellWidths> column_limits(const std::vector<const std::vector<GridCell>*>& sections,
                                      const std::vector<doc::ColumnSpec>& specs, int ncols,
                                      const std::function<CellWidths(const doc::Cell&)>& measure) {
  std::vector<CellWidths> lim(static_cast<size_t>(ncols));
  std::vector<std::pair<const GridCell*, CellWidths>> spans;
  for (const auto* cells : sections) {
    for (const auto& g : *cells) {
      const CellWidths w = measure(*g.cell);
      if (g.colspan == 1) {
        auto& l = lim[static_cast<size_t>(g.col)];
        l.min = max(l.min, w.min);
        l.pref = max(l.pref, w.pref);
      } else {
        spans.push_back({&g, w});
      }
    }
  }
  for (auto& l : lim) l.pref = max(l.pref, l.min);
  std::stable_sort(spans.begin(), spans.end(), [](const auto& a, const auto& b) {
    return a.first->colspan < b.first->colspan;
  });
  auto is_auto = [&](int c) {
    return static_cast<size_t>(c) >= specs.size() ||
           specs[static_cast<size_t>(c)].relative_width <= 0;
  };
  for (const auto& span : spans) {
    // Plain variables, not a structured binding: clang 14 cannot capture bindings in lambdas.
    const auto g = span.first;
    const auto& w = span.second;
    std::vector<int> cols;
    for (int c = g->col; c < g->col + g->colspan; ++c) {
      if (is_auto(c)) cols.push_back(c);
    }
    if (cols.empty()) {
      for (int c = g->col; c < g->col + g->colspan; ++c) cols.push_back(c);
    }
    auto spread = [&](Pt CellWidths::*field, Pt need) {
      Pt have, weight;
      for (int c = g->col; c < g->col + g->colspan; ++c) have += lim[static_cast<size_t>(c)].*field;
      if (need <= have) return;
      for (int c : cols) weight += lim[static_cast<size_t>(c)].pref;
      for (int c : cols) {
        auto& l = lim[static_cast<size_t>(c)];
        const double share =
            weight.v > 0 ? l.pref / weight : 1.0 / static_cast<double>(cols.size());
        l.*field += (need - have) * share;
      }
    };
    spread(&CellWidths::min, w.min);
    spread(&CellWidths::pref, w.pref);
    for (auto& l : lim) l.pref = max(l.pref, l.min);
  }
  return lim;
}

Pt sum_min(const std::vector<CellWidths>& lim) {
  Pt s;
  for (const auto& l : lim) s += l.min;
  return s;
}

void fill_proportional(std::vector<Pt>& w, const std::vector<size_t>& cols, Pt total,
                       const std::vector<Pt>& weights) {
  Pt weight;
  for (size_t c : cols) weight += weights[c];
  for (size_t c : cols) {
    w[c] = weight.v > 0 ? total * (weights[c] / weight) : total / static_cast<double>(cols.size());
  }
}

std::vector<Pt> distribute(const std::vector<CellWidths>& lim,
                           const std::vector<doc::ColumnSpec>& specs, Pt width) {
  const size_t n = lim.size();
  std::vector<Pt> w(n), mins(n), prefs(n);
  std::vector<size_t> fixed, autos, all(n);
  std::iota(all.begin(), all.end(), size_t{0});
  double rel_sum = 0;
  for (size_t c = 0; c < n; ++c) {
    mins[c] = lim[c].min;
    prefs[c] = lim[c].pref;
    const double rel = c < specs.size() ? specs[c].relative_width : 0;
    (rel > 0 ? fixed : autos).push_back(c);
    rel_sum += std::max(0.0, rel);
  }
  const double rel_scale = rel_sum > 1 ? 1 / rel_sum : 1;
  Pt fixed_total;
  for (size_t c : fixed) {
    w[c] = max(width * (specs[c].relative_width * rel_scale), mins[c]);
    fixed_total += w[c];
  }
  Pt auto_min, auto_pref;
  for (size_t c : autos) {
    auto_min += mins[c];
    auto_pref += prefs[c];
  }
  Pt room = width - fixed_total;
  if (room < auto_min) {
    // Fixed columns give back what they have above their minimum before anything is squeezed.
    Pt give, need = auto_min - room;
    for (size_t c : fixed) give += w[c] - mins[c];
    const double k = give.v > 0 ? std::min(1.0, need / give) : 0;
    for (size_t c : fixed) w[c] -= (w[c] - mins[c]) * k;
    room += give * k;
  }
  if (autos.empty()) {
    Pt total;
    for (size_t c : fixed) total += w[c];
    if (total > width + Pt(1e-9)) {
      fill_proportional(w, all, width, mins);
    } else {
      fill_proportional(w, all, width, std::vector<Pt>(w));
    }
    return w;
  }
  if (room < auto_min - Pt(1e-9)) {
    // Impossible: every column in proportion to its minimum (the caller warns).
    fill_proportional(w, all, width, mins);
  } else if (room >= auto_pref) {
    std::vector<Pt> extra(n);
    fill_proportional(extra, autos, room - auto_pref, prefs);
    for (size_t c : autos) w[c] = prefs[c] + extra[c];
  } else {
    std::vector<Pt> slack(n), extra(n);
    for (size_t c : autos) slack[c] = prefs[c] - mins[c];
    fill_proportional(extra, autos, room - auto_min, slack);
    for (size_t c : autos) w[c] = mins[c] + extra[c];
  }
  return w;
}

}  // namespace lkjip::layout::table
