// The compute stage's tables as worksheets (computed_workbook, see workbook.h).
#include "compute/formulas.h"
#include "sheet/workbook.h"

namespace lkjip::sheet {

namespace {

using compute::Value;

Cell text(const std::string& s) { return Cell::text(s); }

Cell count(size_t n) {
  return {compute::number_value(Value::Kind::integer,
                                compute::Exact::integer(static_cast<int64_t>(n)), 0)};
}

/// The verdict word of an attainment, as the report's tables word it.
const char* verdict(compute::Attainment a) {
  switch (a) {
    case compute::Attainment::exceeded:
      return "Melampaui";
    case compute::Attainment::met:
      return "Tercapai";
    case compute::Attainment::not_met:
      return "Tidak Tercapai";
    case compute::Attainment::unknown:
      break;
  }
  return "Tanpa Data";
}

void budget_cells(std::vector<Cell>& row, const compute::BudgetFigures& b) {
  for (const Value* v : {&b.anggaran, &b.realisasi, &b.serapan, &b.sisa, &b.share})
    row.push_back({*v});
}

const std::vector<std::string> kBudgetHeads = {"Anggaran", "Realisasi Anggaran", "Serapan",
                                               "Sisa Anggaran", "Porsi Anggaran"};

/// The budget columns budget_cells() fills, then the efficiency column after them.
void add_budget_heads(Sheet& s) {
  s.header.insert(s.header.end(), kBudgetHeads.begin(), kBudgetHeads.end());
  s.header.push_back("Efisiensi");
}

Sheet summary(const compute::ComputedTables& t) {
  const compute::Overall& o = t.overall;
  const compute::BudgetFigures& b = t.budget.figures;
  Sheet s{"Ringkasan", {"Uraian", "Nilai"}, {}};
  const std::pair<std::string, const Value*> lines[] = {
      {o.average_name, &o.rata_rata},
      {"Rata-rata capaian IKU", &o.rata_rata_iku},
      {"Rata-rata capaian sasaran strategis", &o.rata_rata_sasaran},
      {"Predikat", &o.predikat},
      {"Jumlah sasaran strategis", &o.jumlah_sasaran},
      {"Jumlah IKU", &o.jumlah_iku},
      {"IKU melampaui target", &o.melampaui},
      {"IKU tercapai", &o.tercapai},
      {"IKU tidak tercapai", &o.tidak_tercapai},
      {"IKU tanpa data", &o.tanpa_data},
      {"Anggaran", &b.anggaran},
      {"Realisasi anggaran", &b.realisasi},
      {"Serapan anggaran", &b.serapan},
      {"Sisa anggaran", &b.sisa},
      {"Efisiensi", &t.budget.efisiensi},
  };
  for (const auto& [label, v] : lines) s.rows.push_back({text(label), {*v}});
  return s;
}

Sheet sasaran(const compute::ComputedTables& t) {
  Sheet s{"Sasaran",
          {"No", "Sasaran Strategis", "Jumlah IKU", "Melampaui", "Tercapai", "Tidak Tercapai",
           "Tanpa Data", "Capaian", "Predikat"},
          {}};
  add_budget_heads(s);
  for (size_t i = 0; i < t.sasaran.size(); ++i) {
    const compute::SasaranResult& r = t.sasaran[i];
    std::vector<Cell> row = {count(i + 1), text(r.sasaran->name)};
    for (const Value* v : {&r.jumlah_iku, &r.melampaui, &r.tercapai, &r.tidak_tercapai,
                           &r.tanpa_data, &r.capaian, &r.predikat})
      row.push_back({*v});
    budget_cells(row, r.budget);
    row.push_back({r.efisiensi});
    s.rows.push_back(std::move(row));
  }
  return s;
}

Sheet iku(const compute::ComputedTables& t) {
  Sheet s{"IKU",
          {"No", "Sasaran Strategis", "Indikator Kinerja Utama", "Satuan", "Target", "Realisasi",
           "Capaian", "Capaian (dibatasi)", "Predikat", "Keterangan", "Realisasi Tahun Lalu",
           "Perubahan", "Perubahan (%)", "Target Renstra", "Kemajuan Renstra"},
          {}};
  for (size_t i = 0; i < t.iku.size(); ++i) {
    const compute::IkuResult& k = t.iku[i];
    std::vector<Cell> row = {count(i + 1), text(t.sasaran.at(k.sasaran).sasaran->name),
                             text(k.iku->name), text(k.iku->unit)};
    for (const Value* v : {&k.target, &k.realisasi, &k.capaian, &k.capaian_capped, &k.predikat})
      row.push_back({*v});
    row.push_back(text(verdict(k.attainment)));
    for (const Value* v : {&k.prev, &k.change, &k.change_pct, &k.renstra_target, &k.kemajuan})
      row.push_back({*v});
    s.rows.push_back(std::move(row));
  }
  return s;
}

Sheet history(const compute::ComputedTables& t) {
  Sheet s{"Riwayat IKU",
          {"Indikator Kinerja Utama", "Tahun", "Target", "Realisasi", "Capaian", "Perubahan",
           "Perubahan (%)"},
          {}};
  for (const compute::IkuResult& k : t.iku)
    for (const compute::HistoryRow& h : k.history) {
      std::vector<Cell> row = {text(k.iku->name), text(std::to_string(h.year))};
      for (const Value* v : {&h.target, &h.realisasi, &h.capaian, &h.change, &h.change_pct})
        row.push_back({*v});
      s.rows.push_back(std::move(row));
    }
  return s;
}

Sheet activities(const compute::ComputedTables& t) {
  static const char* const kLevel[] = {"Program", "Kegiatan", "Sub Kegiatan"};
  Sheet s{"Program dan Kegiatan", {"No", "Tingkat", "Uraian", "Capaian"}, {}};
  add_budget_heads(s);
  for (const compute::ActivityResult& a : t.activities) {
    std::vector<Cell> row = {text(a.number),
                             text(kLevel[a.level < 3 ? a.level : 2]),
                             text(a.activity->name),
                             {a.capaian}};
    budget_cells(row, a.budget);
    row.push_back({a.efisiensi});
    s.rows.push_back(std::move(row));
  }
  return s;
}

Sheet indicators(const compute::ComputedTables& t) {
  Sheet s{"Indikator Kegiatan",
          {"No", "Program/Kegiatan", "Indikator", "Target", "Realisasi", "Capaian", "Keterangan"},
          {}};
  for (const compute::ActivityResult& a : t.activities)
    for (const compute::IndicatorResult& i : a.indicators)
      s.rows.push_back({text(a.number),
                        text(a.activity->name),
                        text(i.indicator->name),
                        {i.target},
                        {i.realisasi},
                        {i.capaian},
                        text(verdict(i.attainment))});
  return s;
}

Sheet components(const compute::ComponentsResult& c) {
  const report::Components& d = *c.components;
  const bool weighted = d.mode == report::Components::Mode::weighted;
  Sheet s{d.caption.empty() ? d.id : d.caption,
          {"No", d.item_header, "Bobot", d.value_header, weighted ? "Nilai Tertimbang" : "Capaian"},
          {}};
  for (size_t i = 0; i < c.rows.size(); ++i) {
    const compute::ComponentRow& r = c.rows[i];
    s.rows.push_back({count(i + 1),
                      text(r.item->name),
                      {r.weight},
                      {r.value},
                      {weighted ? r.weighted : r.capaian}});
  }
  s.rows.push_back({Cell::text("", true),
                    Cell::text("Jumlah", true),
                    {c.weight_total, true},
                    {weighted ? compute::text_value("") : c.total, true},
                    {weighted ? c.total : compute::text_value(""), true}});
  return s;
}

Sheet survey(const compute::SurveyResult& r) {
  const report::Survey& d = *r.survey;
  Sheet s{d.caption.empty() ? d.id : d.caption,
          {"No", d.item_header, d.value_header, "Keterangan"},
          {}};
  for (size_t i = 0; i < r.rows.size(); ++i)
    s.rows.push_back(
        {count(i + 1), text(r.rows[i].item->name), {r.rows[i].value}, {r.rows[i].keterangan}});
  s.rows.push_back({Cell::text("", true),
                    Cell::text("Rata-rata", true),
                    {r.average, true},
                    {r.keterangan, true}});
  return s;
}

Sheet free_table(const compute::TableResult& r) {
  const report::FreeTable& d = *r.table;
  Sheet s{d.caption.empty() ? d.id : d.caption, {}, {}};
  for (const report::Column& c : d.columns) s.header.push_back(c.title);
  for (const auto& cells : r.cells) {
    std::vector<Cell> row;
    for (const Value& v : cells) row.push_back({v});
    s.rows.push_back(std::move(row));
  }
  bool any_total = false;
  for (const Value& v : r.totals) any_total = any_total || v.kind != Value::Kind::text;
  if (any_total) {
    std::vector<Cell> row;
    for (size_t c = 0; c < r.totals.size(); ++c)
      row.push_back(c == 0 && r.totals[c].kind == Value::Kind::text
                        ? Cell::text(d.total_label, true)
                        : Cell{r.totals[c], true});
    s.rows.push_back(std::move(row));
  }
  return s;
}

}  // namespace

Workbook computed_workbook(const compute::ComputedTables& t, int64_t created) {
  const report::Report& rep = *t.report;
  Workbook book;
  book.title = "Tabel perhitungan LKjIP " + rep.unit + " Tahun " + std::to_string(rep.year);
  book.subject = "Capaian kinerja dan serapan anggaran " + rep.unit + " tahun " +
                 std::to_string(rep.year) + ", dihitung oleh lkjip";
  book.author = rep.unit;
  book.created = created;
  book.sheets = {summary(t), sasaran(t), iku(t), history(t), activities(t), indicators(t)};
  for (const auto& c : t.components) book.sheets.push_back(components(c));
  for (const auto& r : t.surveys) book.sheets.push_back(survey(r));
  for (const auto& r : t.tables) book.sheets.push_back(free_table(r));
  return book;
}

}  // namespace lkjip::sheet
