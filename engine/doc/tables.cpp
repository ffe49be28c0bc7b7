#include "doc/tables.h"

#include <functional>
#include <numeric>
#include <set>

#include "doc/text_util.h"

namespace lkjip::doc {

namespace {

using compute::Value;
using Cells = std::vector<Cell>;

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

Cell text_cell(std::string text, CellAlign align = CellAlign::left) {
  Cell cell;
  cell.align = align;
  Paragraph p;
  p.indent = false;
  p.align = halign(align);
  if (!text.empty()) p.content.push_back(plain(std::move(text)));
  cell.blocks.push_back({std::move(p)});
  return cell;
}

Cell head_cell(std::string text, int colspan = 1, int rowspan = 1) {
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

/// Numbers and quantities line up on their decimal comma (a unit hangs right of it like a
/// fraction: "100%", "3 dokumen"), money and counts on the right; words and the unknown marker
/// are centred in number columns, names stay left.
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

/// A row number or hierarchical number ("1.2.3").
Cell number_cell(const std::string& n) { return text_cell(n, CellAlign::center); }

/// A name in a program/kegiatan/sub-kegiatan tree: indented by level, programs bold.
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

/// Column title and relative width; numeric columns keep their figures on one line.
struct Col {
  std::string title;
  double width = 1;
  bool numeric = false;
};

/// A table with the given columns: a one-row header of their titles (when `header`), widths
/// normalised to shares of 1 (all 0: automatic widths). More header rows may follow; call
/// finish() when they are done.
Table shaped(const std::vector<Col>& cols, bool header = true) {
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

/// Adds the column-number row ("1 2 3 …") under the header when the layout asks for it.
Table finish(Table t, const report::LayoutStyle& style) {
  if (style.table_number_row) {
    Row n{Row::Kind::number_row, {}};
    for (size_t i = 0; i < t.columns.size(); ++i)
      n.cells.push_back(text_cell(std::to_string(i + 1), CellAlign::center));
    t.header.push_back(std::move(n));
  }
  return t;
}

/// Turns the detail rows of one group into rows where `lead` cells (left) and `trail` cells
/// (right) span the whole group. An empty group gets one row of `width` empty cells.
std::vector<Row> group(std::vector<Cells> details, size_t width, Cells lead, Cells trail = {}) {
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

/// Spans `lead` over rows already built (a tujuan over its sasaran groups).
void span_over(std::vector<Row>& rows, Cell lead) {
  lead.rowspan = static_cast<int>(rows.size());
  rows.front().cells.insert(rows.front().cells.begin(), std::move(lead));
}

void append(std::vector<Row>& to, std::vector<Row> rows) {
  for (Row& r : rows) to.push_back(std::move(r));
}

/// IKU rows grouped by sasaran: "No" and the sasaran name span each group.
std::vector<Row> by_sasaran(const compute::ComputedTables& c, size_t width,
                            const std::function<Cells(const compute::IkuResult&)>& row,
                            const std::function<Cells(const compute::SasaranResult&)>& trail = {}) {
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

/// One group per program/kegiatan/sub-kegiatan in tree order (programs only when asked):
/// its number and `lead` cells span the `details` rows (one per indicator, typically).
std::vector<Row> by_activity(
    const compute::ComputedTables& c, bool programs_only, size_t width,
    const std::function<Cells(const compute::ActivityResult&)>& lead,
    const std::function<std::vector<Cells>(const compute::ActivityResult&)>& details,
    const std::function<Cells(const compute::ActivityResult&)>& trail = {}) {
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

// ---- Generated tables ----------------------------------------------------------------------

Table pk(const TableEnv& e) {
  Table t = shaped({{"No", 5},
                    {"Sasaran Strategis / Program", 33},
                    {"Indikator Kinerja", 32},
                    {"Target", 12, true},
                    {"Anggaran", 18, true}});
  t.body.push_back(group_row("Sasaran Strategis", 5));
  append(t.body, by_sasaran(e.c, 3, [](const compute::IkuResult& k) {
           return Cells{text_cell(k.iku->name), value_cell(k.target), text_cell("")};
         }));
  t.body.push_back(group_row("Program", 5));
  append(t.body, by_activity(
                     e.c, true, 2,
                     [](const compute::ActivityResult& a) {
                       Cell name = tree_cell(a.activity->name, 0);
                       if (!a.activity->sasaran.empty()) {
                         Paragraph p;
                         p.indent = false;
                         p.align = report::HAlign::left;
                         Inline sasaran = plain("Sasaran: " + a.activity->sasaran);
                         sasaran.italic = true;
                         p.content.push_back(std::move(sasaran));
                         name.blocks.push_back({std::move(p)});
                       }
                       return Cells{std::move(name)};
                     },
                     [](const compute::ActivityResult& a) {
                       std::vector<Cells> rows;
                       for (const auto& ind : a.indicators)
                         if (ind.indicator->pk)
                           rows.push_back({text_cell(ind.indicator->name), value_cell(ind.target)});
                       return rows;
                     },
                     [](const compute::ActivityResult& a) {
                       return Cells{value_cell(a.budget.anggaran)};
                     }));
  t.body.push_back(
      total_row({spanning(text_cell("Jumlah"), 4), value_cell(e.c.budget.figures.anggaran)}));
  return finish(std::move(t), e.style);
}

Table iku(const TableEnv& e) {
  Table t = shaped({{"No", 5},
                    {"Sasaran Strategis", 19},
                    {"Indikator Kinerja Utama", 22},
                    {"Formula", 24},
                    {"Sumber Data", 15},
                    {"Penanggung Jawab", 15}});
  t.body = by_sasaran(e.c, 4, [](const compute::IkuResult& k) {
    return Cells{text_cell(k.iku->name), text_cell(k.iku->formula), text_cell(k.iku->source),
                 text_cell(k.iku->responsible)};
  });
  return finish(std::move(t), e.style);
}

/// One row of cells per indicator of an activity (renja, program_capaian).
std::vector<Cells> indicator_rows(
    const compute::ActivityResult& a,
    const std::function<Cells(const compute::IndicatorResult&)>& row) {
  std::vector<Cells> rows;
  for (const auto& ind : a.indicators) rows.push_back(row(ind));
  return rows;
}

Table renja(const TableEnv& e) {
  Table t = shaped({{"No", 8},
                    {"Program / Kegiatan / Sub Kegiatan", 30},
                    {"Indikator", 26},
                    {"Formula", 24},
                    {"Target", 12, true}});
  t.body = by_activity(
      e.c, false, 3,
      [](const compute::ActivityResult& a) { return Cells{tree_cell(a.activity->name, a.level)}; },
      [](const compute::ActivityResult& a) {
        return indicator_rows(a, [](const compute::IndicatorResult& ind) {
          return Cells{text_cell(ind.indicator->name), text_cell(ind.indicator->formula),
                       value_cell(ind.target)};
        });
      });
  return finish(std::move(t), e.style);
}

/// "> 90% s/d 100%" style text of a band; `unit` follows each bound.
std::string band_text(const report::Band& b, const std::string& unit) {
  if (b.above && b.upto)
    return "> " + plain_number(*b.above) + unit + " s/d " + plain_number(*b.upto) + unit;
  if (b.above) return "> " + plain_number(*b.above) + unit;
  if (b.upto) return "\u2264 " + plain_number(*b.upto) + unit;
  return "semua nilai";
}

Table scale(const TableEnv& e) {
  Table t = shaped({{"No", 8}, {"Persentase Capaian Kinerja", 46}, {"Predikat", 46}});
  const report::Scale* s = e.r.find_scale(e.r.settings.predicate_scale);
  if (!s) internal_error("predicate scale missing from a validated report");
  for (size_t i = 0; i < s->bands.size(); ++i)
    t.body.push_back(body_row({number_cell(std::to_string(i + 1)),
                               text_cell(band_text(s->bands[i], "%"), CellAlign::center),
                               text_cell(s->bands[i].label)}));
  return finish(std::move(t), e.style);
}

/// True when the cap changed the capaian used in averages and predikat.
bool is_capped(const compute::IkuResult& k) {
  return k.capaian.known && k.capaian_capped.known && !(k.capaian.exact == k.capaian_capped.exact);
}

/// The capaian as computed; starred ("118,89%*") when capped, the table's note tells the
/// figure that counted. The star hangs right of the decimal comma, so figures still line up.
Cell capaian_cell(const compute::IkuResult& k) {
  return is_capped(k) ? text_cell(k.capaian.text + "*", CellAlign::decimal) : value_cell(k.capaian);
}

Table measurement(const TableEnv& e) {
  Table t = shaped({{"No", 5},
                    {"Sasaran Strategis", 20},
                    {"Indikator Kinerja", 25},
                    {"Target", 10, true},
                    {"Realisasi", 10, true},
                    {"Capaian", 11, true},
                    {"Predikat", 14}});
  t.body = by_sasaran(e.c, 5, [](const compute::IkuResult& k) {
    return Cells{text_cell(k.iku->name), value_cell(k.target), value_cell(k.realisasi),
                 capaian_cell(k), value_cell(k.predikat)};
  });
  const compute::Overall& o = e.c.overall;
  t.body.push_back(total_row(
      {spanning(text_cell(o.average_name), 5), value_cell(o.rata_rata), value_cell(o.predikat)}));
  for (const compute::IkuResult& k : e.c.iku)
    if (is_capped(k)) {
      t.source = "* Dihitung " + k.capaian_capped.text + " dalam rata-rata dan predikat.";
      break;
    }
  return finish(std::move(t), e.style);
}

Table sasaran_summary(const TableEnv& e) {
  Table t = shaped({{"No", 5},
                    {"Sasaran Strategis", 31},
                    {"Jumlah", 9, true},
                    {"Melampaui Target", 11, true},
                    {"Sesuai Target", 11, true},
                    {"Tidak Mencapai Target", 11, true},
                    {"Capaian", 11, true},
                    {"Predikat", 11}},
                   false);
  t.header.push_back(body_row({head_cell("No", 1, 2), head_cell("Sasaran Strategis", 1, 2),
                               head_cell("Jumlah IKU", 4), head_cell("Capaian", 1, 2),
                               head_cell("Predikat", 1, 2)}));
  t.header.push_back(body_row({head_cell("Total"), head_cell("Melampaui Target"),
                               head_cell("Sesuai Target"), head_cell("Tidak Mencapai Target")}));
  for (size_t s = 0; s < e.c.sasaran.size(); ++s) {
    const auto& sa = e.c.sasaran[s];
    t.body.push_back(
        body_row({number_cell(std::to_string(s + 1)), text_cell(sa.sasaran->name),
                  value_cell(sa.jumlah_iku), value_cell(sa.melampaui), value_cell(sa.tercapai),
                  value_cell(sa.tidak_tercapai), value_cell(sa.capaian), value_cell(sa.predikat)}));
  }
  const compute::Overall& o = e.c.overall;
  t.body.push_back(
      total_row({spanning(text_cell("Jumlah"), 2), value_cell(o.jumlah_iku),
                 value_cell(o.melampaui), value_cell(o.tercapai), value_cell(o.tidak_tercapai),
                 value_cell(o.rata_rata), value_cell(o.predikat)}));
  t.source = "Capaian pada baris Jumlah: " + o.average_name + ".";
  return finish(std::move(t), e.style);
}

Table program_capaian(const TableEnv& e) {
  Table t = shaped({{"No", 7},
                    {"Program / Kegiatan / Sub Kegiatan", 24},
                    {"Sasaran", 18},
                    {"Indikator", 22},
                    {"Target", 10, true},
                    {"Realisasi", 10, true},
                    {"Capaian", 9, true}});
  t.body = by_activity(
      e.c, false, 4,
      [](const compute::ActivityResult& a) {
        return Cells{tree_cell(a.activity->name, a.level), text_cell(a.activity->sasaran)};
      },
      [](const compute::ActivityResult& a) {
        return indicator_rows(a, [](const compute::IndicatorResult& ind) {
          return Cells{text_cell(ind.indicator->name), value_cell(ind.target),
                       value_cell(ind.realisasi), value_cell(ind.capaian)};
        });
      });
  return finish(std::move(t), e.style);
}

/// Every year any IKU has a figure for, the report year included, ascending.
std::vector<int> history_years(const compute::ComputedTables& c) {
  std::set<int> years;
  for (const auto& k : c.iku)
    for (const auto& h : k.history) years.insert(h.year);
  return {years.begin(), years.end()};
}

Table multiyear(const TableEnv& e) {
  const std::vector<int> years = history_years(e.c);
  const int ny = static_cast<int>(years.size());
  const std::string year = std::to_string(e.r.year);
  std::vector<Col> cols{{"No", 5}, {"Sasaran Strategis", 18}, {"Indikator Kinerja", 22}};
  for (int y : years) cols.push_back({std::to_string(y), 30.0 / std::max(ny, 1), true});
  cols.push_back({"Capaian " + year, 12, true});
  cols.push_back({"Perubahan", 13, true});
  Table t = shaped(cols, false);
  Row top = body_row({head_cell("No", 1, 2), head_cell("Sasaran Strategis", 1, 2),
                      head_cell("Indikator Kinerja", 1, 2), head_cell("Realisasi", ny),
                      head_cell("Capaian " + year, 1, 2),
                      head_cell("Perubahan dari " + std::to_string(e.r.year - 1), 1, 2)});
  Row second{Row::Kind::body, {}};
  for (int y : years) second.cells.push_back(head_cell(std::to_string(y)));
  t.header = {std::move(top), std::move(second)};
  t.body = by_sasaran(e.c, 3 + years.size(), [&](const compute::IkuResult& k) {
    Cells r{text_cell(k.iku->name)};
    for (int y : years) {
      const compute::HistoryRow* row = nullptr;
      for (const auto& h : k.history)
        if (h.year == y) row = &h;
      r.push_back(row ? value_cell(row->realisasi)
                      : text_cell(compute::kUnknownText, CellAlign::center));
    }
    r.push_back(value_cell(k.capaian));
    r.push_back(value_cell(k.change));
    return r;
  });
  return finish(std::move(t), e.style);
}

Table renstra(const TableEnv& e) {
  // The Renstra end year goes into the header when the IKU agree on it, else into each cell.
  std::set<int> end_years;
  for (const auto& k : e.c.iku)
    if (k.iku->renstra_year) end_years.insert(*k.iku->renstra_year);
  const bool one_year = end_years.size() == 1;
  std::string target_title = "Target Akhir Renstra";
  if (one_year) target_title += " (" + std::to_string(*end_years.begin()) + ")";
  Table t = shaped({{"No", 5},
                    {"Sasaran Strategis", 20},
                    {"Indikator Kinerja", 25},
                    {target_title, 16, true},
                    {"Realisasi s.d. " + std::to_string(e.r.year), 16, true},
                    {"Tingkat Kemajuan", 18, true}});
  t.body = by_sasaran(e.c, 4, [&](const compute::IkuResult& k) {
    Cell target = value_cell(k.renstra_target);
    if (!one_year && k.renstra_target.known && k.iku->renstra_year)
      target = text_cell(k.renstra_target.text + " (" + std::to_string(*k.iku->renstra_year) + ")",
                         CellAlign::decimal);
    return Cells{text_cell(k.iku->name), std::move(target), value_cell(k.realisasi),
                 value_cell(k.kemajuan)};
  });
  return finish(std::move(t), e.style);
}

Table comparison(const TableEnv& e) {
  Table t = shaped({{"No", 5},
                    {"Sasaran Strategis", 16},
                    {"Indikator Kinerja", 20},
                    {"Realisasi", 10, true},
                    {"Kabupaten", 10, true},
                    {"Provinsi", 10, true},
                    {"Nasional / Standar", 10, true},
                    {"Keterangan", 19}},
                   false);
  t.header.push_back(
      body_row({head_cell("No", 1, 2), head_cell("Sasaran Strategis", 1, 2),
                head_cell("Indikator Kinerja", 1, 2),
                head_cell("Realisasi " + e.r.unit + " " + std::to_string(e.r.year), 1, 2),
                head_cell("Realisasi Pembanding", 3), head_cell("Keterangan", 1, 2)}));
  t.header.push_back(
      body_row({head_cell("Kabupaten"), head_cell("Provinsi"), head_cell("Nasional / Standar")}));
  t.body = by_sasaran(e.c, 6, [](const compute::IkuResult& k) {
    return Cells{text_cell(k.iku->name),
                 value_cell(k.realisasi),
                 value_cell(k.kabupaten.reference),
                 value_cell(k.provinsi.reference),
                 value_cell(k.nasional.reference),
                 text_cell(k.iku->compare.note)};
  });
  return finish(std::move(t), e.style);
}

/// Anggaran, realisasi, serapan and sisa cells of a budget row.
Cells budget_cells(const compute::BudgetFigures& b) {
  return {value_cell(b.anggaran), value_cell(b.realisasi), value_cell(b.serapan),
          value_cell(b.sisa)};
}

Table budget(const TableEnv& e) {
  Table t = shaped({{"No", 5},
                    {"Program", 35},
                    {"Anggaran", 17, true},
                    {"Realisasi", 17, true},
                    {"Serapan", 10, true},
                    {"Sisa", 16, true}});
  for (const auto* a : programs(e.c)) {
    Cells r{number_cell(a->number), text_cell(a->activity->name)};
    for (Cell& c : budget_cells(a->budget)) r.push_back(std::move(c));
    t.body.push_back(body_row(std::move(r)));
  }
  Cells total{spanning(text_cell("Jumlah"), 2)};
  for (Cell& c : budget_cells(e.c.budget.figures)) total.push_back(std::move(c));
  t.body.push_back(total_row(std::move(total)));
  return finish(std::move(t), e.style);
}

Table budget_sasaran(const TableEnv& e) {
  Table t = shaped({{"No", 5},
                    {"Sasaran Strategis", 35},
                    {"Anggaran", 17, true},
                    {"Proporsi", 10, true},
                    {"Realisasi", 17, true},
                    {"Serapan", 10, true}});
  auto cells = [](const compute::BudgetFigures& b) {
    return Cells{value_cell(b.anggaran), value_cell(b.share), value_cell(b.realisasi),
                 value_cell(b.serapan)};
  };
  for (size_t s = 0; s < e.c.sasaran.size(); ++s) {
    Cells r{number_cell(std::to_string(s + 1)), text_cell(e.c.sasaran[s].sasaran->name)};
    for (Cell& c : cells(e.c.sasaran[s].budget)) r.push_back(std::move(c));
    t.body.push_back(body_row(std::move(r)));
  }
  Cells total{spanning(text_cell("Jumlah"), 2)};
  for (Cell& c : cells(e.c.budget.figures)) total.push_back(std::move(c));
  t.body.push_back(total_row(std::move(total)));
  return finish(std::move(t), e.style);
}

/// Capaian next to anggaran, realisasi and serapan (the two capaian_anggaran_* tables).
Cells capaian_budget_cells(const Value& capaian, const compute::BudgetFigures& b) {
  return {value_cell(capaian), value_cell(b.anggaran), value_cell(b.realisasi),
          value_cell(b.serapan)};
}

const std::vector<Col> kCapaianBudgetCols = {{"Capaian Kinerja", 13, true},
                                             {"Anggaran", 17, true},
                                             {"Realisasi", 17, true},
                                             {"Serapan Anggaran", 13, true}};

std::vector<Col> with_capaian_budget(std::vector<Col> lead) {
  lead.insert(lead.end(), kCapaianBudgetCols.begin(), kCapaianBudgetCols.end());
  return lead;
}

Table capaian_anggaran_sasaran(const TableEnv& e) {
  Table t = shaped(with_capaian_budget({{"No", 5}, {"Sasaran Strategis", 35}}));
  for (size_t s = 0; s < e.c.sasaran.size(); ++s) {
    const auto& sa = e.c.sasaran[s];
    Cells r{number_cell(std::to_string(s + 1)), text_cell(sa.sasaran->name)};
    for (Cell& c : capaian_budget_cells(sa.capaian, sa.budget)) r.push_back(std::move(c));
    t.body.push_back(body_row(std::move(r)));
  }
  Cells total{spanning(text_cell("Jumlah"), 2)};
  for (Cell& c : capaian_budget_cells(e.c.overall.rata_rata, e.c.budget.figures))
    total.push_back(std::move(c));
  t.body.push_back(total_row(std::move(total)));
  t.source = "Capaian pada baris Jumlah: " + e.c.overall.average_name + ".";
  return finish(std::move(t), e.style);
}

Table capaian_anggaran_program(const TableEnv& e) {
  Table t = shaped(with_capaian_budget({{"No", 7}, {"Program / Kegiatan / Sub Kegiatan", 33}}));
  t.body = by_activity(
      e.c, false, 4,
      [](const compute::ActivityResult& a) { return Cells{tree_cell(a.activity->name, a.level)}; },
      [](const compute::ActivityResult& a) {
        return std::vector<Cells>{capaian_budget_cells(a.capaian, a.budget)};
      });
  Cells total{spanning(text_cell("Jumlah"), 3)};
  const auto& b = e.c.budget.figures;
  for (const Value* v : {&b.anggaran, &b.realisasi, &b.serapan}) total.push_back(value_cell(*v));
  t.body.push_back(total_row(std::move(total)));
  return finish(std::move(t), e.style);
}

Table efficiency(const TableEnv& e) {
  const bool points = e.r.settings.efficiency == report::Settings::Efficiency::difference;
  Table t = shaped({{"No", 5},
                    {"Sasaran Strategis", 41},
                    {"Capaian Kinerja", 18, true},
                    {"Serapan Anggaran", 18, true},
                    {points ? "Efisiensi (poin)" : "Efisiensi", 18, true}});
  for (size_t s = 0; s < e.c.sasaran.size(); ++s) {
    const auto& sa = e.c.sasaran[s];
    t.body.push_back(body_row({number_cell(std::to_string(s + 1)), text_cell(sa.sasaran->name),
                               value_cell(sa.capaian), value_cell(sa.budget.serapan),
                               value_cell(sa.efisiensi)}));
  }
  t.body.push_back(
      total_row({spanning(text_cell("Jumlah"), 2), value_cell(e.c.overall.rata_rata),
                 value_cell(e.c.budget.figures.serapan), value_cell(e.c.budget.efisiensi)}));
  t.source = e.c.budget.efficiency_formula;
  return finish(std::move(t), e.style);
}

Table rpjmd(const TableEnv& e) {
  Table t = shaped({{"Tujuan", 30}, {"Sasaran Strategis", 35}, {"Indikator Kinerja Utama", 35}});
  const report::Strategy& st = e.r.strategy;
  if (!st.visi.empty()) t.body.push_back(group_row("Visi: " + st.visi, 3));
  for (size_t i = 0; i < st.misi.size(); ++i)
    t.body.push_back(group_row("Misi " + std::to_string(i + 1) + ": " + st.misi[i], 3));
  // Sasaran under each tujuan in [strategy] order; sasaran without one come last.
  std::vector<std::pair<std::string, std::string>> tujuan;  // id, text
  for (const auto& tj : st.tujuan) tujuan.emplace_back(tj.id, tj.text);
  tujuan.emplace_back("", "");
  for (const auto& [id, text] : tujuan) {
    std::vector<Row> rows;
    for (const auto& sa : e.c.sasaran) {
      bool belongs =
          id.empty()
              ? std::none_of(st.tujuan.begin(), st.tujuan.end(),
                             [&](const report::Tujuan& x) { return x.id == sa.sasaran->tujuan; })
              : sa.sasaran->tujuan == id;
      if (!belongs) continue;
      std::vector<Cells> iku_rows;
      for (size_t k : sa.iku) iku_rows.push_back({text_cell(e.c.iku.at(k).iku->name)});
      append(rows, group(std::move(iku_rows), 1, {text_cell(sa.sasaran->name)}));
    }
    if (rows.empty()) continue;
    span_over(rows, text_cell(text));
    append(t.body, std::move(rows));
  }
  return finish(std::move(t), e.style);
}

// ---- Description tables --------------------------------------------------------------------

Table free_table(const compute::TableResult& tr, const TableEnv& e) {
  const report::FreeTable& ft = *tr.table;
  std::vector<Col> cols;
  for (size_t i = 0; i < ft.columns.size(); ++i) {
    const report::Column& col = ft.columns[i];
    // Without `widths` the layout sizes the columns to their content.
    double w = i < ft.widths.size() ? ft.widths[i] : 0;
    cols.push_back({col.title, w, col.kind != report::Column::Kind::text});
  }
  Table t = shaped(cols);
  MarkupEnv cell_env = e.markup;
  cell_env.headings = nullptr;
  cell_env.place = nullptr;
  cell_env.indent_paragraphs = false;
  cell_env.align = report::HAlign::left;
  for (const auto& row : tr.cells) {
    Cells r;
    for (size_t i = 0; i < row.size(); ++i) {
      const report::Column::Kind kind = ft.columns.at(i).kind;
      if (kind == report::Column::Kind::text) {
        Cell cell;
        cell.blocks = parse_narrative(row[i].text, {ft.loc, false}, cell_env, e.sink);
        r.push_back(std::move(cell));
      } else if (kind == report::Column::Kind::rownum) {
        r.push_back(number_cell(row[i].text));
      } else {
        r.push_back(value_cell(row[i]));
      }
    }
    t.body.push_back(body_row(std::move(r)));
  }
  size_t first_total = tr.totals.size();
  for (size_t i = 0; i < ft.columns.size() && first_total == tr.totals.size(); ++i)
    if (ft.columns[i].total != report::Column::Total::none) first_total = i;
  if (first_total < tr.totals.size()) {
    Cells total;
    if (first_total > 0)
      total.push_back(spanning(text_cell(ft.total_label), static_cast<int>(first_total)));
    for (size_t i = first_total; i < tr.totals.size(); ++i)
      total.push_back(ft.columns[i].total == report::Column::Total::none
                          ? text_cell("")
                          : value_cell(tr.totals[i]));
    t.body.push_back(total_row(std::move(total)));
  }
  return finish(std::move(t), e.style);
}

Table components(const compute::ComponentsResult& cr, const TableEnv& e) {
  const report::Components& co = *cr.components;
  const bool score = co.mode == report::Components::Mode::score;
  const bool notes = std::any_of(co.items.begin(), co.items.end(),
                                 [](const report::ComponentItem& i) { return !i.note.empty(); });
  std::vector<Col> cols{{"No", 5},
                        {co.item_header, 35},
                        {"Bobot", 12, true},
                        {co.value_header, 16, true},
                        {score ? "Capaian" : "Nilai Tertimbang", 16, true}};
  if (notes) cols.push_back({"Keterangan", 16});
  Table t = shaped(cols);
  for (size_t i = 0; i < cr.rows.size(); ++i) {
    const compute::ComponentRow& row = cr.rows[i];
    Cells r{number_cell(std::to_string(i + 1)), text_cell(row.item->name), value_cell(row.weight),
            value_cell(row.value), value_cell(score ? row.capaian : row.weighted)};
    if (notes) r.push_back(text_cell(row.item->note));
    t.body.push_back(body_row(std::move(r)));
  }
  Cells total{spanning(text_cell("Jumlah"), 2), value_cell(cr.weight_total),
              score ? value_cell(cr.total) : text_cell(""),
              score ? text_cell("") : value_cell(cr.total)};
  if (notes) total.push_back(text_cell(""));
  t.body.push_back(total_row(std::move(total)));
  return finish(std::move(t), e.style);
}

Table survey(const compute::SurveyResult& sr, const TableEnv& e) {
  const report::Survey& sv = *sr.survey;
  const bool keterangan = !sv.scale.empty();
  std::vector<Col> cols{{"No", 6}, {sv.item_header, 50}, {sv.value_header, 20, true}};
  if (keterangan) cols.push_back({"Keterangan", 24});
  Table t = shaped(cols);
  for (size_t i = 0; i < sr.rows.size(); ++i) {
    Cells r{number_cell(std::to_string(i + 1)), text_cell(sr.rows[i].item->name),
            value_cell(sr.rows[i].value)};
    if (keterangan) r.push_back(value_cell(sr.rows[i].keterangan));
    t.body.push_back(body_row(std::move(r)));
  }
  Cells total{spanning(text_cell("Rata-rata"), 2), value_cell(sr.average)};
  if (keterangan) total.push_back(value_cell(sr.keterangan));
  t.body.push_back(total_row(std::move(total)));
  return finish(std::move(t), e.style);
}

struct Generated {
  const char* name;
  Table (*make)(const TableEnv&);
  const char* caption;  // default caption; {unit}, {region}, {year} expanded
};

const Generated kGenerated[] = {
    {"pk", pk, "Perjanjian Kinerja {unit} Tahun {year}"},
    {"iku", iku, "Indikator Kinerja Utama {unit}"},
    {"renja", renja, "Rencana Kinerja {unit} Tahun {year}"},
    {"scale", scale, "Skala Predikat Capaian Kinerja"},
    {"measurement", measurement, "Pengukuran Capaian Kinerja {unit} Tahun {year}"},
    {"sasaran_summary", sasaran_summary, "Pencapaian Kinerja Sasaran {unit} Tahun {year}"},
    {"program_capaian", program_capaian,
     "Capaian Kinerja Program, Kegiatan dan Sub Kegiatan {unit} Tahun {year}"},
    {"multiyear", multiyear, "Perbandingan Realisasi Kinerja {unit} dengan Tahun-Tahun Sebelumnya"},
    {"renstra", renstra,
     "Perbandingan Realisasi Kinerja s.d. Tahun {year} dengan Target Akhir Renstra {unit}"},
    {"comparison", comparison,
     "Perbandingan Realisasi Kinerja {unit} dengan Kabupaten, Provinsi dan Nasional Tahun {year}"},
    {"budget", budget, "Realisasi Anggaran per Program {unit} Tahun {year}"},
    {"budget_sasaran", budget_sasaran,
     "Alokasi Anggaran per Sasaran Strategis {unit} Tahun {year}"},
    {"capaian_anggaran_sasaran", capaian_anggaran_sasaran,
     "Pencapaian Kinerja Sasaran dan Anggaran {unit} Tahun {year}"},
    {"capaian_anggaran_program", capaian_anggaran_program,
     "Pencapaian Kinerja Program dan Anggaran {unit} Tahun {year}"},
    {"efficiency", efficiency, "Efisiensi Penggunaan Sumber Daya {unit} Tahun {year}"},
    {"rpjmd", rpjmd, "Keterkaitan Tujuan dan Sasaran {unit} dengan RPJMD {region}"},
};

/// A caption typed in the description: inline markup, diagnostics at its record.
Inlines typed_caption(const std::string& text, const SourceLoc& loc, const TableEnv& e) {
  return parse_inline_text(text, {loc, false}, e.markup, e.sink);
}

std::string source_note(const std::string& source, const report::LayoutStyle& style) {
  return source.empty() ? "" : style.source_prefix + source;
}

/// The table of the record `id` among `results` (free tables, components, surveys), with the
/// record's caption and source note.
template <class Result, class Record>
std::optional<Table> from_records(const std::vector<Result>& results, const Record* Result::*record,
                                  Table (*make)(const Result&, const TableEnv&),
                                  const std::string& id, const TableEnv& e) {
  for (const Result& res : results) {
    const Record& rec = *(res.*record);
    if (rec.id != id) continue;
    Table t = make(res, e);
    t.caption = typed_caption(rec.caption, rec.loc, e);
    t.source = source_note(rec.source, e.style);
    return t;
  }
  return std::nullopt;
}

}  // namespace

std::vector<std::string> generated_table_names() {
  std::vector<std::string> names;
  for (const Generated& g : kGenerated) names.emplace_back(g.name);
  return names;
}

std::optional<Table> make_table(const std::string& id, const TableEnv& e) {
  if (auto t = from_records(e.c.tables, &compute::TableResult::table, free_table, id, e)) return t;
  if (auto t =
          from_records(e.c.components, &compute::ComponentsResult::components, components, id, e))
    return t;
  if (auto t = from_records(e.c.surveys, &compute::SurveyResult::survey, survey, id, e)) return t;
  for (const Generated& g : kGenerated) {
    if (id != g.name) continue;
    Table t = g.make(e);
    auto custom = e.r.captions.find(id);
    if (custom != e.r.captions.end())
      t.caption = typed_caption(custom->second, SourceLoc{e.r.source_path}, e);
    else
      t.caption = {plain(expand(
          g.caption,
          {{"unit", e.r.unit}, {"region", e.r.region}, {"year", std::to_string(e.r.year)}}))};
    return t;
  }
  return std::nullopt;
}

}  // namespace lkjip::doc
