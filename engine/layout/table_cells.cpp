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

namespace {

/// Where a line may end inside a space-free word, as the text stage allows (text/paragraph.cpp):
/// after a written hyphen between two letters ("Perundang-|undangan"), after a slash with two
/// characters or more on each side ("Desa/|Kelurahan", not "s/d").
bool breaks_after(std::string_view word, size_t p) {
  const auto separator = [&](size_t i) { return word[i] == '-' || word[i] == '/'; };
  if (p == 0 || p + 1 >= word.size() || !separator(p) || separator(p - 1) || separator(p + 1))
    return false;
  if (word[p] == '-') return true;
  size_t part = p;  // start of the part before the slash
  while (part > 0 && !separator(part - 1)) --part;
  size_t next = p + 1;
  while (next < word.size() && !separator(next)) ++next;
  return p - part >= 2 && next - (p + 1) >= 2;
}

}  // namespace

CellWidths measure_inlines(const Context& ctx, const doc::Inlines& in,
                           const report::TextStyle& ts) {
  CellWidths w;
  Pt piece, line;  // the unbreakable piece and the line so far
  for (const auto& run : in) {
    const auto& font = ctx.font(ts, run.bold, run.italic);
    const std::string& t = run.text;
    size_t start = 0;
    while (start <= t.size()) {
      const size_t stop = std::min(t.find_first_of(" \n", start), t.size());
      const std::string_view word = std::string_view(t).substr(start, stop - start);
      size_t from = 0;
      for (size_t p = 0; p < word.size(); ++p) {
        if (!breaks_after(word, p)) continue;
        piece += font.width(word.substr(from, p + 1 - from), ts.size);
        w.min = max(w.min, piece);
        piece = Pt(0);
        from = p + 1;
      }
      piece += font.width(word.substr(from), ts.size);
      line += font.width(word, ts.size);
      if (stop == t.size()) break;
      w.min = max(w.min, piece);
      piece = Pt(0);
      if (t[stop] == ' ') {
        line += font.width(" ", ts.size);
      } else {
        w.pref = max(w.pref, line);
        line = Pt(0);
      }
      start = stop + 1;
    }
  }
  w.min = max(w.min, piece);
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
  if (info.one_line) {
    // A figure stays on one line with its unit ("7.000 lembar"); a longer unit may wrap after
    // its first word ("13 TP." / "PKK desa").
    const std::string text = flat_text(info.paras);
    const size_t first = text.find(' ');
    const size_t second = first == std::string::npos ? first : text.find(' ', first + 1);
    info.min =
        second == std::string::npos
            ? info.pref
            : max(info.min, ctx.font(info.style).width(text.substr(0, second), info.style.size));
  }
  // A heading may wrap at its words: its unbroken line must not claim the room that the
  // body's text columns need (as in LaTeX's tabulary, widths follow the body).
  if (header && !number_row) info.pref = info.min;
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
