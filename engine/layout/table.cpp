#include "layout/table.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <numeric>
#include <string>
#include <unordered_map>

#include "frame/ops.h"
#include "layout/draw.h"

namespace lkjip::layout {
namespace {

// ---------------------------------------------------------------------------------------------
// Grid: where each cell sits once row and column spans are resolved.

/// A cell at its resolved grid position. `cell` is never null (holes get an empty cell).
struct GridCell {
  const doc::Cell* cell = nullptr;
  int row = 0, col = 0, colspan = 1, rowspan = 1;
  doc::Row::Kind kind = doc::Row::Kind::body;
};

const doc::Cell& empty_cell() {
  static const doc::Cell cell;
  return cell;
}

/// Places the cells of `rows` as HTML does: each cell takes the next column not covered by a
/// rowspan from above. With `ncols` 0 the grid grows to fit and `ncols` returns its width;
/// otherwise cells are clipped to `ncols`, a lone cell of a group row spans the full width and
/// uncovered positions get empty cells so that the cells tile the grid.
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

/// Number of columns: the declared ones, or more when rows need them.
int column_count(const doc::Table& t) {
  int h = 0, b = 0;
  place(t.header, h);
  place(t.body, b);
  return std::max({static_cast<int>(t.columns.size()), h, b, 1});
}

// ---------------------------------------------------------------------------------------------
// Column widths.

/// Per-column minimum and preferred widths from the cells: single-column cells first, then
/// spanning cells by increasing span, each spreading its excess over its automatic columns (all
/// its columns when none is automatic) in proportion to their preferred widths.
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

/// Scales `w` so that it sums to `total`, in proportion to `weights` (equally when they are 0).
void fill_proportional(std::vector<Pt>& w, const std::vector<size_t>& cols, Pt total,
                       const std::vector<Pt>& weights) {
  Pt weight;
  for (size_t c : cols) weight += weights[c];
  for (size_t c : cols) {
    w[c] = weight.v > 0 ? total * (weights[c] / weight) : total / static_cast<double>(cols.size());
  }
}

/// Widths summing to `width` from the column limits and the fixed relative widths.
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

// ---------------------------------------------------------------------------------------------
// Cell content and measurement.

/// The paragraphs of a cell as inline runs: paragraphs as they are, list items as their marker
/// followed by their text (nested lists flattened in order).
void cell_paragraphs(const doc::Blocks& blocks, const std::string& marker,
                     std::vector<doc::Inlines>& out) {
  std::string pending = marker;
  for (const auto& b : blocks) {
    if (const auto* p = std::get_if<doc::Paragraph>(&b.v)) {
      doc::Inlines in = p->content;
      if (!pending.empty()) in.insert(in.begin(), draw::plain(pending + " ").front());
      pending.clear();
      out.push_back(std::move(in));
    } else if (const auto* l = std::get_if<doc::List>(&b.v)) {
      for (const auto& item : l->items) cell_paragraphs(item.blocks, item.marker, out);
    }
  }
}

std::string flat_text(const std::vector<doc::Inlines>& paras) {
  std::string s;
  for (const auto& p : paras) {
    for (const auto& in : p) s += in.text;
  }
  return s;
}

/// Content widths of inline runs at the style's size: the longest word and the longest line
/// (an explicit "\n" ends a line).
CellWidths measure_inlines(const Context& ctx, const doc::Inlines& in,
                           const report::TextStyle& ts) {
  CellWidths w;
  Pt word, line;
  for (const auto& run : in) {
    const auto& font = ctx.font(ts, run.bold, run.italic);
    size_t start = 0;
    const std::string& t = run.text;
    while (start <= t.size()) {
      size_t stop = t.find_first_of(" \n/", start);
      // A line may end after a slash with two characters or more on each side (the text
      // stage's rule), so "Desa/Kelurahan" needs only its wider part.
      while (stop != std::string::npos && t[stop] == '/' &&
             (stop - start < 2 || t.find_first_of(" \n/", stop + 1) - (stop + 1) < 2 ||
              stop + 3 > t.size()))
        stop = t.find_first_of(" \n/", stop + 1);
      const size_t end = stop == std::string::npos ? t.size() : stop + (t[stop] == '/');
      if (end > start) {
        const Pt piece = font.width(std::string_view(t).substr(start, end - start), ts.size);
        word += piece;
        line += piece;
      }
      if (stop == std::string::npos) break;
      w.min = max(w.min, word);
      word = Pt(0);
      if (t[stop] == '/') {
        start = stop + 1;
        continue;
      }
      if (t[stop] == ' ') {
        line += font.width(" ", ts.size);
      } else {
        w.pref = max(w.pref, line);
        line = Pt(0);
      }
      start = stop + 1;
    }
  }
  w.min = max(w.min, word);
  w.pref = max(w.pref, line);
  return w;
}

/// A measured cell at the reference size (factor 1); widths scale linearly with the size.
struct CellInfo {
  std::vector<doc::Inlines> paras;
  report::TextStyle style;  // at the reference size
  report::HAlign align = report::HAlign::left;
  bool decimal = false, one_line = false, vcenter = false;
  std::optional<Color> fill;
  Pt min, pref;  // content only, reference size
  Pt frac;       // decimal: width of ",dd…" (0 without a comma)
  Pt right_pad;  // decimal: padding that lines the commas up, reference size
  Pt indent;     // level indent (does not scale)
};

report::HAlign to_halign(doc::CellAlign a) {
  switch (a) {
    case doc::CellAlign::center:
      return report::HAlign::center;
    case doc::CellAlign::right:
    case doc::CellAlign::decimal:
      return report::HAlign::right;
    case doc::CellAlign::left:
      break;
  }
  return report::HAlign::left;
}

/// Where the part of a figure that hangs right of the decimal alignment point starts: the
/// decimal comma of its leading number ("70,20", "118,89%"), else the end of that number (the
/// "%" of "100%", the unit of "3 dokumen"); text.size() for text without a leading number.
size_t fraction_start(std::string_view text) {
  size_t i = 0;
  if (i < text.size() && (text[i] == '-' || text[i] == '+')) ++i;
  const size_t digits = i;
  while (i < text.size() && ((text[i] >= '0' && text[i] <= '9') || text[i] == '.')) ++i;
  return i == digits ? text.size() : i;
}

CellInfo describe(const Context& ctx, const GridCell& g, bool header,
                  const std::vector<doc::ColumnSpec>& specs) {
  const auto& st = ctx.style;
  CellInfo info;
  cell_paragraphs(g.cell->blocks, "", info.paras);
  const bool number_row = g.kind == doc::Row::Kind::number_row;
  info.style = header && !number_row ? st.table_header : st.table_text;
  info.style.bold = info.style.bold || g.cell->bold || g.kind == doc::Row::Kind::total ||
                    g.kind == doc::Row::Kind::group;
  info.align = header || number_row ? report::HAlign::center : to_halign(g.cell->align);
  info.vcenter = header || number_row;
  if (header || number_row) {
    info.fill = st.table_header_fill;
  } else if (g.kind == doc::Row::Kind::total) {
    info.fill = st.table_total_fill;
  } else if (g.kind == doc::Row::Kind::group) {
    info.fill = st.table_group_fill;
  }
  const bool numeric_col = static_cast<size_t>(g.col) < specs.size() &&
                           specs[static_cast<size_t>(g.col)].numeric && g.colspan == 1;
  info.decimal = !header && g.cell->align == doc::CellAlign::decimal && g.colspan == 1;
  info.one_line = !header && (numeric_col || info.decimal);
  info.indent = mm(4) * static_cast<double>(std::max(0, g.cell->level));
  for (const auto& p : info.paras) {
    const CellWidths w = measure_inlines(ctx, p, info.style);
    info.min = max(info.min, w.min);
    info.pref = max(info.pref, w.pref);
  }
  if (info.one_line) info.min = info.pref;
  if (info.decimal) {
    const std::string text = flat_text(info.paras);
    const size_t frac = fraction_start(text);
    if (frac < text.size())
      info.frac = ctx.font(info.style).width(std::string_view(text).substr(frac), info.style.size);
  }
  return info;
}

/// Lines the decimal commas of each column up: every decimal cell gets the right padding that
/// makes its fraction as wide as the column's widest, and is measured as integer + fraction.
void align_decimals(const std::vector<GridCell>& cells, std::vector<CellInfo>& info, int ncols) {
  std::vector<Pt> int_w(static_cast<size_t>(ncols)), frac_w(static_cast<size_t>(ncols));
  for (size_t i = 0; i < cells.size(); ++i) {
    if (!info[i].decimal) continue;
    const auto c = static_cast<size_t>(cells[i].col);
    int_w[c] = max(int_w[c], info[i].pref - info[i].frac);
    frac_w[c] = max(frac_w[c], info[i].frac);
  }
  for (size_t i = 0; i < cells.size(); ++i) {
    if (!info[i].decimal) continue;
    const auto c = static_cast<size_t>(cells[i].col);
    info[i].right_pad = frac_w[c] - info[i].frac;
    info[i].min = info[i].pref = int_w[c] + frac_w[c];
  }
}

report::TextStyle scaled(report::TextStyle ts, double f) {
  ts.size = ts.size * f;
  return ts;
}

// ---------------------------------------------------------------------------------------------
// Laid-out cells and row units.

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

/// Splits `u` so that its first part is at most `room` tall: at the last row boundary that
/// fits, else between the lines of the first row. Cells crossing the cut show the lines that
/// fit and continue in the rest. With `force`, a part is produced even when nothing fits (the
/// whole first row), so that every call makes progress. Returns false when nothing fits and
/// `force` is off.
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

// ---------------------------------------------------------------------------------------------
// Drawing.

/// Collects one fragment's fills, text and grid; the grid is drawn as merged continuous lines
/// per x or y so that shared cell edges are stroked once and corners meet.
class Painter {
 public:
  explicit Painter(const Geometry& g) : g_(g) {}

  void unit(const Unit& u, Pt y) {
    std::vector<Pt> top(u.heights.size() + 1, y);
    for (size_t r = 0; r < u.heights.size(); ++r) top[r + 1] = top[r] + u.heights[r];
    for (const auto& c : u.cells) {
      const Pt x0 = g_.col_x[static_cast<size_t>(c.col)];
      const Pt x1 = g_.col_x[static_cast<size_t>(c.col + c.colspan)];
      const Pt y0 = top[static_cast<size_t>(c.row)];
      const Pt y1 = top[static_cast<size_t>(c.row + c.rowspan)];
      if (c.fill) fills_.push_back(frame::Box{{x0, y0, x1 - x0, y1 - y0}, c.fill, {}, Pt(0)});
      Pt ty = y0 + g_.pad_y;
      if (c.vcenter) ty += max(Pt(0), (y1 - y0 - g_.pad_y * 2 - c.content()) / 2);
      for (size_t i = c.first; i < c.end; ++i) {
        const auto& l = (*c.lines)[i];
        draw::set_line(text_, l.line, x0 + g_.pad_x + c.indent + l.x, ty + c.box.baseline);
        ty += c.box.height;
      }
      edge(h_, y0, x0, x1);
      edge(h_, y1, x0, x1);
      edge(v_, x0, y0, y1);
      edge(v_, x1, y0, y1);
    }
  }

  /// Moves everything into `out`: fills under text under rules.
  void finish(frame::Frame& out) {
    for (auto& f : fills_) out.add(std::move(f));
    frame::append(out, std::move(text_), Point{});
    const Pt ext = g_.rule / 2;  // square ends so that perpendicular lines close the corners
    auto emit = [&](Edges& edges, bool horizontal) {
      for (auto& [key, segs] : edges) {
        std::sort(segs.begin(), segs.end());
        const Pt at(static_cast<double>(key) / kScale);
        for (size_t i = 0; i < segs.size();) {
          Pt a = segs[i].first, b = segs[i].second;
          for (++i; i < segs.size() && segs[i].first <= b + Pt(1e-6); ++i)
            b = max(b, segs[i].second);
          frame::Line line;
          line.width = g_.rule;
          line.from = horizontal ? Point{a - ext, at} : Point{at, a - ext};
          line.to = horizontal ? Point{b + ext, at} : Point{at, b + ext};
          out.add(line);
        }
      }
    };
    emit(h_, true);
    emit(v_, false);
  }

 private:
  using Edges = std::map<long long, std::vector<std::pair<Pt, Pt>>>;
  static constexpr double kScale = 1000;  // edges closer than a thousandth of a point merge
  static void edge(Edges& e, Pt at, Pt a, Pt b) {
    e[std::llround(at.v * kScale)].push_back({a, b});
  }
  const Geometry& g_;
  std::vector<frame::Item> fills_;
  frame::Frame text_;
  Edges h_, v_;
};

// ---------------------------------------------------------------------------------------------
// The flow.

struct TextBlock {
  std::vector<draw::AlignedLine> lines;
  draw::LineBox box;
  Pt height() const { return box.height * static_cast<double>(lines.size()); }
  Pt draw(frame::Frame& out, Pt y) const { return draw::lines(out, lines, box, Pt(0), y); }
};

class TableFlow : public BlockFlow {
 public:
  TableFlow(Geometry g, TextBlock caption, TextBlock caption_cont, Unit header,
            std::vector<Unit> units, TextBlock source, std::string anchor)
      : g_(std::move(g)),
        caption_(std::move(caption)),
        caption_cont_(std::move(caption_cont)),
        header_(std::move(header)),
        units_(std::move(units)),
        source_(std::move(source)),
        anchor_(std::move(anchor)) {}

  std::optional<Fragment> next(Pt avail, bool at_page_top) override;
  bool done() const override { return done_; }
  Pt min_first_height() const override {
    Pt h = head_height(caption_);
    if (!units_.empty()) h += min(units_.front().total(), units_.front().heights.front());
    if (units_.size() > 1 && units_.front().total() == units_.front().heights.front())
      h += units_[1].total();  // a table starts with two rows (see next())
    return h + source_height(units_.size() <= 1);
  }

 private:
  static constexpr double kGap = 4;  // pt between caption and table, and table and source
  Pt head_height(const TextBlock& cap) const {
    return (cap.lines.empty() ? Pt(0) : cap.height() + Pt(kGap)) + header_.total();
  }
  Pt source_height(bool last) const {
    return last && !source_.lines.empty() ? source_.height() + Pt(kGap) : Pt(0);
  }
  Fragment assemble(const std::vector<std::pair<const Unit*, Pt>>& body, Pt bottom,
                    bool with_source);

  Geometry g_;
  TextBlock caption_, caption_cont_;
  Unit header_;
  std::vector<Unit> units_;
  size_t cursor_ = 0;
  TextBlock source_;
  std::string anchor_;
  bool first_ = true, done_ = false, source_pending_ = false;
  Pt page_height_;  // largest height offered at a page top so far (0: not yet known)
};

std::optional<Fragment> TableFlow::next(Pt avail, bool at_page_top) {
  if (done_) return std::nullopt;
  if (at_page_top) page_height_ = max(page_height_, avail);
  if (source_pending_) {
    if (!at_page_top && source_.height() > avail) return std::nullopt;
    Fragment f;
    f.frame.size = {g_.width, source_.height()};
    source_.draw(f.frame, Pt(0));
    done_ = true;
    return f;
  }
  if (first_ && at_page_top && caption_.lines.size() > 1 && !units_.empty() &&
      head_height(caption_) + units_.front().heights.front() > avail) {
    // A caption too long to share a page with the header and a first row: the lines that fit
    // go out on their own (its last line stays with the table), so no word is ever cut off.
    const auto fit = static_cast<size_t>(std::max(0.0, std::floor(avail / caption_.box.height)));
    const size_t n = std::min(fit, caption_.lines.size() - 1);
    if (n > 0) {
      TextBlock part{{caption_.lines.begin(), caption_.lines.begin() + static_cast<long>(n)},
                     caption_.box};
      caption_.lines.erase(caption_.lines.begin(), caption_.lines.begin() + static_cast<long>(n));
      Fragment f;
      if (!anchor_.empty()) f.frame.add(frame::Anchor{anchor_, Point{}});
      anchor_.clear();
      f.frame.size = {g_.width, part.draw(f.frame, Pt(0))};
      return f;
    }
  }
  const TextBlock& cap = first_ ? caption_ : caption_cont_;
  const Pt head = head_height(cap);
  const Pt min_slice = g_.pad_y * 2 + g_.row_min * 2;
  Pt y = head;
  std::vector<std::pair<const Unit*, Pt>> body;
  Unit part, rest;
  bool with_source = false, did_cut = false;
  while (cursor_ < units_.size()) {
    const Unit& u = units_[cursor_];
    const Pt uh = u.total();
    const bool last = cursor_ + 1 == units_.size();
    const bool fresh_fits = page_height_.v <= 0 || head + uh + source_height(last) <= page_height_;
    if (y + uh + source_height(last) <= avail) {
      body.push_back({&u, y});
      y += uh;
      ++cursor_;
      with_source = last;
      continue;
    }
    if (!body.empty() && fresh_fits) break;  // the row moves whole to the next page
    if (body.empty() && !at_page_top && fresh_fits) return std::nullopt;
    if (last && y + uh <= avail) {
      // The last rows fit but not with the source note; moved with it unless alone here.
      if (!body.empty()) break;
      body.push_back({&u, y});
      y += uh;
      ++cursor_;
      source_pending_ = !source_.lines.empty();
      break;
    }
    // Taller than a page (or than this one at its top): split between lines.
    const bool force = body.empty() && at_page_top;
    if (!force && avail - y < min_slice) {
      if (!body.empty()) break;
      return std::nullopt;
    }
    if (!cut(u, avail - y, force, g_, part, rest)) {
      if (!body.empty()) break;
      return std::nullopt;
    }
    body.push_back({&part, y});
    y += part.total();
    did_cut = true;
    break;
  }
  if (body.empty() && cursor_ < units_.size()) {
    // Nothing of the body was placed; never hand out a caption or header alone.
    return std::nullopt;
  }
  if (first_ && !at_page_top && !did_cut && body.size() == 1 && cursor_ < units_.size()) {
    // A table does not start at a page bottom with a single row under its caption and header:
    // it starts on the next page instead.
    cursor_ = 0;
    return std::nullopt;
  }
  if (units_.empty()) {
    if (!at_page_top && head + source_height(true) > avail) return std::nullopt;
    with_source = true;
  }
  Fragment f = assemble(body, y, with_source);
  if (did_cut) {
    if (rest.heights.empty()) {
      ++cursor_;  // a forced cut took the whole unit
    } else {
      units_[cursor_] = std::move(rest);
    }
  }
  done_ = cursor_ >= units_.size() && !source_pending_;
  first_ = false;
  return f;
}

Fragment TableFlow::assemble(const std::vector<std::pair<const Unit*, Pt>>& body, Pt bottom,
                             bool with_source) {
  Fragment f;
  const TextBlock& cap = first_ ? caption_ : caption_cont_;
  if (first_ && !anchor_.empty()) f.frame.add(frame::Anchor{anchor_, Point{}});
  Pt y;
  if (!cap.lines.empty()) y = cap.draw(f.frame, y) + Pt(kGap);
  Painter p(g_);
  p.unit(header_, y);
  for (const auto& [u, uy] : body) p.unit(*u, uy);
  p.finish(f.frame);
  y = bottom;
  if (with_source && !source_.lines.empty()) y = source_.draw(f.frame, y + Pt(kGap));
  f.frame.size = {g_.width, y};
  return f;
}

/// Column-number row "1 2 3 …" under the header.
doc::Row number_row(int ncols) {
  doc::Row row;
  row.kind = doc::Row::Kind::number_row;
  for (int c = 1; c <= ncols; ++c) {
    doc::Cell cell;
    cell.align = doc::CellAlign::center;
    doc::Paragraph p;
    p.content = draw::plain(std::to_string(c));
    p.indent = false;
    cell.blocks.push_back({std::move(p)});
    row.cells.push_back(std::move(cell));
  }
  return row;
}

/// Cells of one section at scale `f`, composed in their columns.
std::vector<CellBox> compose_cells(const Context& ctx, const std::vector<GridCell>& cells,
                                   const std::vector<CellInfo>& info, double f, const Geometry& g) {
  std::vector<CellBox> out;
  out.reserve(cells.size());
  const bool hyph = ctx.hyphenator != nullptr && ctx.style.hyphenate;
  for (size_t i = 0; i < cells.size(); ++i) {
    const auto& gc = cells[i];
    const auto& ci = info[i];
    const report::TextStyle ts = scaled(ci.style, f);
    const Pt cell_w =
        g.col_x[static_cast<size_t>(gc.col + gc.colspan)] - g.col_x[static_cast<size_t>(gc.col)];
    const Pt width = max(Pt(1), cell_w - g.pad_x * 2 - ci.indent - ci.right_pad * f);
    auto lines = std::make_shared<std::vector<draw::AlignedLine>>();
    for (const auto& p : ci.paras) {
      auto ls = draw::compose_aligned(ctx, p, ts, width, ci.align, hyph && !ci.one_line);
      lines->insert(lines->end(), std::make_move_iterator(ls.begin()),
                    std::make_move_iterator(ls.end()));
    }
    CellBox b;
    b.col = gc.col;
    b.colspan = gc.colspan;
    b.row = gc.row;
    b.rowspan = gc.rowspan;
    b.end = lines->size();
    b.lines = std::move(lines);
    b.box = draw::line_box(ctx, ts);
    b.indent = ci.indent;
    b.fill = ci.fill;
    b.vcenter = ci.vcenter;
    out.push_back(std::move(b));
  }
  return out;
}

/// Groups body cells into units: a row with every row its rowspans reach, and a group row
/// together with what follows it.
std::vector<Unit> make_units(std::vector<CellBox> cells, const std::vector<doc::Row>& rows,
                             const Geometry& g) {
  const size_t n = rows.size();
  std::vector<std::vector<size_t>> starting(n);
  for (size_t i = 0; i < cells.size(); ++i)
    starting[static_cast<size_t>(cells[i].row)].push_back(i);
  std::vector<Unit> units;
  for (size_t r = 0; r < n;) {
    size_t end = r + 1;
    for (size_t k = r; k < end; ++k) {
      for (size_t i : starting[k]) {
        end = std::max(end, static_cast<size_t>(cells[i].row + cells[i].rowspan));
      }
      if (k + 1 == end && rows[k].kind == doc::Row::Kind::group && end < n) ++end;
    }
    Unit u;
    for (size_t k = r; k < end; ++k) {
      for (size_t i : starting[k]) {
        CellBox c = std::move(cells[i]);
        c.row -= static_cast<int>(r);
        u.cells.push_back(std::move(c));
      }
    }
    fit_heights(u, g);
    units.push_back(std::move(u));
    r = end;
  }
  return units;
}

}  // namespace

std::vector<Pt> column_widths(const doc::Table& table, Pt width,
                              const std::function<CellWidths(const doc::Cell&)>& measure) {
  int ncols = column_count(table);
  const auto header = place(table.header, ncols);
  const auto body = place(table.body, ncols);
  return distribute(column_limits({&header, &body}, table.columns, ncols, measure), table.columns,
                    width);
}

FlowPtr make_table_flow(const Context& ctx, const doc::Table& table, Pt width, Pt landscape_width) {
  const auto& st = ctx.style;
  int ncols = column_count(table);
  std::vector<doc::Row> head_rows = table.header;
  const bool has_number_row =
      std::any_of(head_rows.begin(), head_rows.end(),
                  [](const doc::Row& r) { return r.kind == doc::Row::Kind::number_row; });
  if (st.table_number_row && !has_number_row && !table.header.empty()) {
    head_rows.push_back(number_row(ncols));
  }
  const auto head_cells = place(head_rows, ncols);
  const auto body_cells = place(table.body, ncols);

  // Measure once at the reference size; every candidate size scales the content widths.
  std::vector<CellInfo> head_info, body_info;
  for (const auto& g : head_cells) head_info.push_back(describe(ctx, g, true, table.columns));
  for (const auto& g : body_cells) body_info.push_back(describe(ctx, g, false, table.columns));
  align_decimals(body_cells, body_info, ncols);
  std::unordered_map<const doc::Cell*, const CellInfo*> by_cell;
  for (size_t i = 0; i < head_cells.size(); ++i) by_cell[head_cells[i].cell] = &head_info[i];
  for (size_t i = 0; i < body_cells.size(); ++i) by_cell[body_cells[i].cell] = &body_info[i];
  const Pt pad2 = st.cell_padding_x * 2;
  auto limits_at = [&](double f) {
    return column_limits({&head_cells, &body_cells}, table.columns, ncols,
                         [&](const doc::Cell& c) -> CellWidths {
                           const CellInfo* ci = by_cell.at(&c);
                           // 0.5 pt of slack: a column exactly as wide as its longest word
                           // must not break that word over rounding in the line breaker.
                           const Pt extra = pad2 + ci->indent + Pt(0.5);
                           return {ci->min * f + extra, ci->pref * f + extra};
                         });
  };

  // Largest size (in half points) at which the minimum widths fit, portrait then landscape.
  const Pt base = st.table_text.size;
  auto fit = [&](Pt w) -> std::optional<double> {
    for (Pt s = base; s >= st.table_min_size - Pt(1e-9); s -= Pt(0.5)) {
      const double f = s / base;
      if (sum_min(limits_at(f)) <= w + Pt(1e-6)) return f;
    }
    return std::nullopt;
  };
  const double f_min = std::min(1.0, st.table_min_size / base);
  bool landscape = false;
  std::optional<double> f = fit(width);
  if (!f && table.allow_landscape && landscape_width > width) {
    landscape = true;
    width = landscape_width;
    f = fit(width);
  }
  if (!f) {
    f = f_min;
    ctx.sink.warning(table.loc,
                     (table.label.empty() ? std::string("a table") : table.label) +
                         " is too wide even at the minimum table font size; its columns are "
                         "narrower than their longest words",
                     {"split the table, shorten column headings, or allow landscape pages"});
  }
  const auto widths = distribute(limits_at(*f), table.columns, width);

  Geometry g;
  g.width = width;
  g.col_x.assign(1, Pt(0));
  for (Pt w : widths) g.col_x.push_back(g.col_x.back() + w);
  g.pad_x = st.cell_padding_x;
  g.pad_y = st.cell_padding_y;
  g.rule = st.table_rule;
  g.row_min = draw::line_box(ctx, scaled(st.table_text, *f)).height + g.pad_y * 2;

  Unit header;
  header.cells = compose_cells(ctx, head_cells, head_info, *f, g);
  fit_heights(header, g);
  auto units = make_units(compose_cells(ctx, body_cells, body_info, *f, g), table.body, g);

  auto block = [&](const doc::Inlines& in, const report::TextStyle& ts, report::HAlign a) {
    return TextBlock{draw::compose_aligned(ctx, in, ts, width, a), draw::line_box(ctx, ts)};
  };
  TextBlock caption, caption_cont, source;
  if (!table.label.empty() || !table.caption.empty()) {
    caption =
        block(draw::caption(table.label, table.caption), st.caption_style, report::HAlign::center);
    doc::Inlines cont = table.label.empty() ? table.caption : draw::plain(table.label, true);
    cont.push_back(draw::plain(st.continued_suffix).front());
    caption_cont = block(cont, st.caption_style, report::HAlign::center);
  }
  if (!table.source.empty())
    source = block(draw::plain(table.source), st.source_style, report::HAlign::left);
  auto flow = std::make_unique<TableFlow>(std::move(g), std::move(caption), std::move(caption_cont),
                                          std::move(header), std::move(units), std::move(source),
                                          table.anchor);
  flow->space_before = st.table_space_before;
  flow->space_after = st.table_space_after;
  flow->landscape = landscape;
  return flow;
}

}  // namespace lkjip::layout
