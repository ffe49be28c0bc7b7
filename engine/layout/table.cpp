#include "layout/table.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>
#include <string>
#include <unordered_map>

#include "layout/draw.h"
#include "layout/tags.h"
#include "layout/table_cells.h"
#include "layout/table_grid.h"
#include "layout/table_paint.h"
#include "layout/table_rows.h"

namespace lkjip::layout {
namespace {

using namespace table;

// ---------------------------------------------------------------------------------------------
// The flow.

struct TextBlock {
  std::vector<draw::AlignedLine> lines;
  draw::LineBox box;
  Pt height() const { return box.height * static_cast<double>(lines.size()); }
  Pt draw(frame::Frame& out, Pt y) const { return draw::lines(out, lines, box, Pt(0), y); }
};

/// The structure elements of a table's caption and source note, and whether to mark at all.
struct TableTags {
  bool on = false;
  uint32_t caption = 0, source = 0;
};

class TableFlow : public BlockFlow {
 public:
  TableFlow(Geometry g, TextBlock caption, TextBlock caption_cont, Unit header,
            std::vector<Unit> units, TextBlock source, std::string anchor, Pt page_height,
            TableTags tags)
      : tags_(tags),
        g_(std::move(g)),
        caption_(std::move(caption)),
        caption_cont_(std::move(caption_cont)),
        header_(std::move(header)),
        units_(std::move(units)),
        source_(std::move(source)),
        anchor_(std::move(anchor)),
        page_height_(page_height) {
    int body_rows = 0;
    for (const Unit& u : units_) body_rows += u.body_rows();
    min_rows_ = min_rows_at_break(body_rows);
  }

  std::optional<Fragment> next(Pt avail, bool at_page_top) override;
  bool done() const override { return done_; }
  /// A table that fits on a page starts only where all of it fits; a longer one needs its
  /// caption, header and the body rows that must precede a break (see units_before_break).
  Pt min_first_height() const override {
    if (whole_height() <= page_height_) return whole_height();
    Pt h = head_height(caption_);
    int rows = 0;
    for (size_t i = 0; i < units_.size() && rows < min_rows_; ++i) {
      h += units_[i].total();
      rows += units_[i].body_rows();
    }
    return h;
  }

 private:
  static constexpr double kGap = 4;  // pt between caption and table, and table and source
  Pt head_height(const TextBlock& cap) const {
    return (cap.lines.empty() ? Pt(0) : cap.height() + Pt(kGap)) + header_.total();
  }
  Pt source_height(bool last) const {
    return last && !source_.lines.empty() ? source_.height() + Pt(kGap) : Pt(0);
  }
  /// The height of what is left of the table set in one piece.
  Pt whole_height() const {
    Pt h = head_height(first_ ? caption_ : caption_cont_) + source_height(true);
    for (size_t i = cursor_; i < units_.size(); ++i) h += units_[i].total();
    return h;
  }
  Fragment assemble(const std::vector<std::pair<const Unit*, Pt>>& body, Pt bottom,
                    bool with_source);
  /// settable_from for continuation pages of the current page height, kept until a unit is
  /// cut or the page height changes.
  const std::vector<bool>& settable() {
    if (settable_for_ != page_height_) {
      settable_ = settable_from(units_, page_height_ - head_height(caption_cont_),
                                source_height(true), min_rows_);
      settable_for_ = page_height_;
    }
    return settable_;
  }

  /// Marks what `f` gets next as `elem`'s content, or with elem 0 as a pagination artifact.
  void mark(frame::Frame& f, uint32_t elem) const {
    if (tags_.on)
      f.items.emplace_back(elem ? frame::Mark{frame::Mark::Kind::content, elem}
                                : frame::Mark{frame::Mark::Kind::pagination, 0});
  }

  TableTags tags_;
  Geometry g_;
  TextBlock caption_, caption_cont_;
  Unit header_;
  std::vector<Unit> units_;
  size_t cursor_ = 0;
  TextBlock source_;
  std::string anchor_;
  bool first_ = true, done_ = false, source_pending_ = false;
  Pt page_height_;  // the height a page top offers (the text area's, then as offered)
  int min_rows_ = 1;
  std::vector<bool> settable_;
  Pt settable_for_{-1};  // the page height settable_ was computed for
};

std::optional<Fragment> TableFlow::next(Pt avail, bool at_page_top) {
  if (done_) return std::nullopt;
  if (at_page_top) page_height_ = avail;
  if (source_pending_) {
    if (!at_page_top && source_.height() > avail) return std::nullopt;
    Fragment f;
    f.frame.size = {g_.width, source_.height()};
    mark(f.frame, tags_.source);
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
      mark(f.frame, tags_.caption);
      f.frame.size = {g_.width, part.draw(f.frame, Pt(0))};
      return f;
    }
  }
  // A table that fits on a page is never split: it waits for the next one.
  if (!at_page_top && whole_height() > avail && whole_height() <= page_height_) return std::nullopt;
  const TextBlock& cap = first_ ? caption_ : caption_cont_;
  const Pt head = head_height(cap);
  const size_t n = units_.size();
  // The whole units that fit here, the source note below the last one.
  size_t fit = 0;
  Pt y = head;
  while (cursor_ + fit < n) {
    const Pt uh = units_[cursor_ + fit].total();
    if (y + uh + source_height(cursor_ + fit + 1 == n) > avail) break;
    y += uh;
    ++fit;
  }
  size_t take = fit;
  bool with_source = cursor_ + fit == n, did_cut = false;
  Unit part, rest;
  if (cursor_ + fit < n) {
    const Unit& u = units_[cursor_ + fit];
    const bool last = cursor_ + fit + 1 == n;
    const Pt cont_head = head_height(caption_cont_);
    if (last && fit == 0 && y + u.total() <= avail) {
      // The last rows fit, but not with the source note, which follows on the next page.
      take = 1;
      source_pending_ = !source_.lines.empty();
    } else if (cont_head + u.total() + source_height(last) <= page_height_) {
      // Break between units, with enough body rows on both sides.
      take = units_before_break(units_, cursor_, fit, min_rows_, at_page_top, settable());
      if (take == 0 && !at_page_top) return std::nullopt;
    }
    if (take == 0 || cont_head + u.total() + source_height(last) > page_height_) {
      // A unit taller than a page (or than this one at its top): split between lines.
      const Pt min_slice = g_.pad_y * 2 + g_.row_min * 2;
      const bool force = fit == 0 && at_page_top;
      if (force || avail - y >= min_slice) {
        did_cut = cut(u, avail - y, force, g_, part, rest);
      }
      if (!did_cut && fit == 0) return std::nullopt;  // nothing of the body fits here
      take = fit;
    }
  }
  std::vector<std::pair<const Unit*, Pt>> body;
  y = head;
  for (size_t i = 0; i < take; ++i) {
    body.push_back({&units_[cursor_ + i], y});
    y += units_[cursor_ + i].total();
  }
  cursor_ += take;
  if (did_cut) {
    body.push_back({&part, y});
    y += part.total();
  }
  with_source = with_source && take == fit && !did_cut;
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
    settable_for_ = Pt(-1);
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
  // On a continuation page the caption ("… (lanjutan)") and header rows are repeats.
  mark(f.frame, first_ ? tags_.caption : 0);
  if (!cap.lines.empty()) y = cap.draw(f.frame, y) + Pt(kGap);
  Painter p(g_, tags_.on);
  p.unit(header_, y, !first_);
  for (const auto& [u, uy] : body) p.unit(*u, uy);
  p.finish(f.frame);
  y = bottom;
  if (with_source && !source_.lines.empty()) {
    mark(f.frame, tags_.source);
    y = source_.draw(f.frame, y + Pt(kGap));
  }
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

/// The structure of one section (THead, TBody) of `rows`: a TR per row, a TH (scope column,
/// header section) or TD per cell, with its spans; the elements of `cells`, in their order.
/// The column-number row is data about the columns, not a heading of them: TD.
std::vector<uint32_t> tag_section(const Context& ctx, uint32_t table, frame::Role section,
                                  const std::vector<doc::Row>& rows,
                                  const std::vector<GridCell>& cells) {
  std::vector<uint32_t> out(cells.size(), 0);
  if (!ctx.tags || rows.empty()) return out;
  const uint32_t sec = ctx.tags->add(section, table);
  std::vector<uint32_t> tr;
  for (size_t r = 0; r < rows.size(); ++r) tr.push_back(ctx.tags->add(frame::Role::tr, sec));
  const bool head = section == frame::Role::thead;
  for (size_t i = 0; i < cells.size(); ++i) {
    const GridCell& gc = cells[i];
    const bool th = head && gc.kind != doc::Row::Kind::number_row;
    out[i] = ctx.tags->add(th ? frame::Role::th : frame::Role::td,
                           tr.at(static_cast<size_t>(gc.row)));
    frame::StructElem& e = ctx.tags->at(out[i]);
    e.colspan = gc.colspan;
    e.rowspan = gc.rowspan;
    e.column_header = th;
  }
  return out;
}

/// Cells of one section at scale `f`, composed in their columns; `elems` their structure.
std::vector<CellBox> compose_cells(const Context& ctx, const std::vector<GridCell>& cells,
                                   const std::vector<CellInfo>& info, double f, const Geometry& g,
                                   const std::vector<uint32_t>& elems) {
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
    b.elem = elems.at(i);
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
      u.body.push_back(rows[k].kind == doc::Row::Kind::body);
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

FlowPtr make_table_flow(const Context& ctx, const doc::Table& table, Size area) {
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
  // Decimal alignment costs width ("7.000 lembar" over "100,00%"): the cells as measured
  // without it are the fallback before the type shrinks.
  std::vector<CellInfo> head_info, plain_info;
  for (const auto& g : head_cells) head_info.push_back(describe(ctx, g, true, table.columns));
  for (const auto& g : body_cells) plain_info.push_back(describe(ctx, g, false, table.columns));
  std::vector<CellInfo> aligned_info = plain_info;
  align_decimals(body_cells, aligned_info, ncols);
  std::unordered_map<const doc::Cell*, size_t> head_index, body_index;
  for (size_t i = 0; i < head_cells.size(); ++i) head_index[head_cells[i].cell] = i;
  for (size_t i = 0; i < body_cells.size(); ++i) body_index[body_cells[i].cell] = i;
  const Pt pad2 = st.cell_padding_x * 2;
  auto limits_at = [&](double f, bool aligned) {
    const auto& body_info = aligned ? aligned_info : plain_info;
    return column_limits(
        {&head_cells, &body_cells}, table.columns, ncols, [&](const doc::Cell& c) -> CellWidths {
          const auto h = head_index.find(&c);
          const CellInfo& ci =
              h != head_index.end() ? head_info[h->second] : body_info[body_index.at(&c)];
          // 0.5 pt of slack: a column exactly as wide as its longest word
          // must not break that word over rounding in the line breaker.
          const Pt extra = pad2 + ci.indent + Pt(0.5);
          return {ci.min * f + extra, ci.pref * f + extra};
        });
  };

  // Largest size (in half points) at which the minimum widths fit, decimal commas aligned if
  // possible; portrait, then landscape.
  const Pt base = st.table_text.size;
  struct Fit {
    double f;
    bool aligned;
  };
  auto fit = [&](Pt w) -> std::optional<Fit> {
    for (Pt s = base; s >= st.table_min_size - Pt(1e-9); s -= Pt(0.5)) {
      const double f = s / base;
      for (bool aligned : {true, false}) {
        if (sum_min(limits_at(f, aligned)) <= w + Pt(1e-6)) return Fit{f, aligned};
      }
    }
    return std::nullopt;
  };
  const double f_min = std::min(1.0, st.table_min_size / base);
  bool landscape = false;
  Pt width = area.width, page_height = area.height;
  std::optional<Fit> fitted = fit(width);
  if (!fitted && table.allow_landscape && area.height > area.width) {
    landscape = true;
    std::swap(width, page_height);
    fitted = fit(width);
  }
  const bool too_wide = !fitted;
  if (too_wide) {
    fitted = Fit{f_min, false};
    ctx.sink.warning(table.loc,
                     (table.label.empty() ? std::string("a table") : table.label) +
                         " is too wide even at the minimum table font size; its columns are "
                         "narrower than their longest words",
                     {"split the table, shorten column headings, or allow landscape pages"});
  }
  const double f = fitted->f;
  const std::vector<CellInfo>& body_info = fitted->aligned ? aligned_info : plain_info;
  // Type shrinks only as the last resort, and says so, down to the minimum size itself
  // (sizes are in half points: "%g" is exact).
  if (f < 1.0 && !too_wide) {
    auto format_pt = [](Pt size) {
      char buf[16];
      std::snprintf(buf, sizeof buf, "%g", size.v);
      return std::string(buf);
    };
    ctx.sink.warning(table.loc,
                     (table.label.empty() ? std::string("a table") : table.label) + " is set at " +
                         format_pt(base * f) + " pt instead of " + format_pt(base) +
                         " pt: its columns' longest words do not fit side by side at full size",
                     {"shorten the longest words or column headings, or allow landscape pages"});
  }
  const auto widths = distribute(limits_at(f, fitted->aligned), table.columns, width);

  Geometry g;
  g.width = width;
  g.col_x.assign(1, Pt(0));
  for (Pt w : widths) g.col_x.push_back(g.col_x.back() + w);
  g.pad_x = st.cell_padding_x;
  g.pad_y = st.cell_padding_y;
  g.rule = st.table_rule;
  g.row_min = draw::line_box(ctx, scaled(st.table_text, f)).height + g.pad_y * 2;

  // Table > Caption, THead, TBody; the source note is a paragraph after the table.
  TableTags tags;
  tags.on = ctx.tags != nullptr;
  const uint32_t table_elem = tag(ctx, frame::Role::table);
  if (!table.label.empty() || !table.caption.empty())
    tags.caption = tag(ctx, frame::Role::caption, table_elem);
  const auto head_elems = tag_section(ctx, table_elem, frame::Role::thead, head_rows, head_cells);
  const auto body_elems = tag_section(ctx, table_elem, frame::Role::tbody, table.body, body_cells);
  if (!table.source.empty()) tags.source = tag(ctx, frame::Role::p);

  Unit header;
  header.cells = compose_cells(ctx, head_cells, head_info, f, g, head_elems);
  fit_heights(header, g);
  auto units =
      make_units(compose_cells(ctx, body_cells, body_info, f, g, body_elems), table.body, g);

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
                                          table.anchor, page_height, tags);
  flow->space_before = st.table_space_before;
  flow->space_after = st.table_space_after;
  flow->landscape = landscape;
  return flow;
}

}  // namespace lkjip::layout
