#include "doc/table_parts.h"

#include <functional>

namespace lkjip::doc::tables {

report::HAlign halign(CellAlign a) {
  switch (a) {
    case CellAlign::left:
      return report::HAlign::left;
    case CellAlign::center:
      return report::HAlign::center;
    case CellAlign::right:
    case CellAlign::decimal:
      return report::HAlign::right;
  }
  return report::HAlign::left;
}

Inline plain(std::string text) {
  Inline in;
  in.text = std::move(text);
  return in;
}

Cell text_cell(std::string text, CellAlign align) {
  Cell cell;
  cell.align = align;
  Paragraph p;
  p.indent = false;
  p.align = halign(align);
  if (!text.empty()) p.content.push_back(plain(std::move(text)));
  cell.blocks.push_back({std::move(p)});
  return cell;
}

Cell head_cell(std::string text, int colspan, int rowspan) {
  Cell cell = text_cell(std::move(text), CellAlign::center);
  cell.bold = true;
  cell.colspan = colspan;
  cell.rowspan = rowspan;
  return cell;
}

Cell spanning(Cell cell, int colspan) {
  cell.colspan = colspan;
  return cell;
}

Cell value_cell(const Value& v) {
  using K = Value::Kind;
  if (!v.known) return text_cell(v.text, CellAlign::center);
  switch (v.kind) {
    case K::text:
      return text_cell(v.text);
    case K::integer:
    case K::money:
      return text_cell(v.text, CellAlign::right);
    case K::number:
    case K::percent:
    case K::points:
    case K::ratio:
      return text_cell(v.text, CellAlign::decimal);
    case K::quantity:
      return text_cell(v.text, CellAlign::decimal);
  }
  return text_cell(v.text);
}

Cell number_cell(const std::string& n) { return text_cell(n, CellAlign::center); }

Cell tree_cell(const std::string& name, int level) {
  Cell cell = text_cell(name);
  cell.level = level;
  cell.bold = level == 0;
  return cell;
}

Row body_row(Cells cells) { return Row{Row::Kind::body, std::move(cells)}; }

Row total_row(Cells cells) {
  for (Cell& c : cells) c.bold = true;
  return Row{Row::Kind::total, std::move(cells)};
}

Row group_row(std::string text, int colspan) {
  Cell cell = text_cell(std::move(text));
  cell.bold = true;
  cell.colspan = colspan;
  return Row{Row::Kind::group, {std::move(cell)}};
}

Table shaped(const std::vector<Col>& cols, bool header) {
  Table t;
  double sum = 0;
  for (const Col& c : cols) sum += c.width;
  Row h{Row::Kind::body, {}};
  for (const Col& c : cols) {
    t.columns.push_back({sum > 0 ? c.width / sum : 0, c.numeric});
    h.cells.push_back(head_cell(c.title));
  }
  if (header) t.header.push_back(std::move(h));
  return t;
}

Table finish(Table t, const report::LayoutStyle& style) {
  if (style.table_number_row) {
    Row n{Row::Kind::number_row, {}};
    for (size_t i = 0; i < t.columns.size(); ++i)
      n.cells.push_back(text_cell(std::to_string(i + 1), CellAlign::center));
    t.header.push_back(std::move(n));
  }
  return t;
}

std::vector<Row> group(std::vector<Cells> details, size_t width, Cells lead, Cells trail) {
  if (details.empty()) details.push_back(Cells(width, text_cell("")));
  const int n = static_cast<int>(details.size());
  for (Cell& c : lead) c.rowspan = n;
  for (Cell& c : trail) c.rowspan = n;
  std::vector<Row> rows;
  for (auto& d : details) rows.push_back(body_row(std::move(d)));
  Cells& first = rows.front().cells;
  first.insert(first.begin(), lead.begin(), lead.end());
  first.insert(first.end(), trail.begin(), trail.end());
  return rows;
}

void span_over(std::vector<Row>& rows, Cell lead) {
  lead.rowspan = static_cast<int>(rows.size());
  rows.front().cells.insert(rows.front().cells.begin(), std::move(lead));
}

void append(std::vector<Row>& to, std::vector<Row> rows) {
  for (Row& r : rows) to.push_back(std::move(r));
}

std::vector<Row> by_sasaran(const compute::ComputedTables& c, size_t width,
                            const std::function<Cells(const compute::IkuResult&)>& row,
                            const std::function<Cells(const compute::SasaranResult&)>& trail) {
  std::vector<Row> body;
  for (size_t s = 0; s < c.sasaran.size(); ++s) {
    const compute::SasaranResult& sa = c.sasaran[s];
    std::vector<Cells> details;
    for (size_t k : sa.iku) details.push_back(row(c.iku.at(k)));
    append(body, group(std::move(details), width,
                       {number_cell(std::to_string(s + 1)), text_cell(sa.sasaran->name)},
                       trail ? trail(sa) : Cells{}));
  }
  return body;
}

std::vector<Row> by_activity(
    const compute::ComputedTables& c, bool programs_only, size_t width,
    const std::function<Cells(const compute::ActivityResult&)>& lead,
    const std::function<std::vector<Cells>(const compute::ActivityResult&)>& details,
    const std::function<Cells(const compute::ActivityResult&)>& trail) {
  std::vector<Row> body;
  for (const compute::ActivityResult& a : c.activities) {
    if (programs_only && a.level != 0) continue;
    Cells l{number_cell(a.number)};
    for (Cell& cell : lead(a)) l.push_back(std::move(cell));
    append(body, group(details(a), width, std::move(l), trail ? trail(a) : Cells{}));
  }
  return body;
}

std::vector<const compute::ActivityResult*> programs(const compute::ComputedTables& c) {
  std::vector<const compute::ActivityResult*> out;
  for (const auto& a : c.activities)
    if (a.level == 0) out.push_back(&a);
  return out;
}

}  // namespace lkjip::doc::tables
