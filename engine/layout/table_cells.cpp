#include "layout/table_cells.h"

#include <algorithm>

#include "layout/draw.h"

namespace lkjip::layout::table {

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

}  // namespace lkjip::layout::table
