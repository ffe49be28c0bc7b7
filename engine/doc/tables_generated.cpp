// The generated tables of SCHEMA.md, built from the computed figures.
#include "doc/table_parts.h"

#include <functional>
#include <set>

#include "doc/text_util.h"

namespace lkjip::doc::tables {

Table pk(const TableEnv& e) {
  Table t = shaped({{"No"},
                    {"Sasaran Strategis / Program"},
                    {"Indikator Kinerja"},
                    {"Target", 0, true},
                    {"Anggaran", 0, true}});
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
  Table t = shaped({{"No"},
                    {"Sasaran Strategis"},
                    {"Indikator Kinerja Utama"},
                    {"Formula"},
                    {"Sumber Data"},
                    {"Penanggung Jawab"}});
  t.body = by_sasaran(e.c, 4, [](const compute::IkuResult& k) {
    return Cells{text_cell(k.iku->name), text_cell(k.iku->formula), text_cell(k.iku->source),
                 text_cell(k.iku->responsible)};
  });
  return finish(std::move(t), e.style);
}

namespace {

/// One row of cells per indicator of an activity (renja, program_capaian).
std::vector<Cells> indicator_rows(
    const compute::ActivityResult& a,
    const std::function<Cells(const compute::IndicatorResult&)>& row) {
  std::vector<Cells> rows;
  for (const auto& ind : a.indicators) rows.push_back(row(ind));
  return rows;
}

}  // namespace

Table renja(const TableEnv& e) {
  Table t = shaped({{"No"},
                    {"Program / Kegiatan / Sub Kegiatan"},
                    {"Indikator"},
                    {"Formula"},
                    {"Target", 0, true}});
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

namespace {

/// "> 90% s/d 100%" style text of a band; `unit` follows each bound.
std::string band_text(const report::Band& b, const std::string& unit) {
  if (b.above && b.upto)
    return "> " + plain_number(*b.above) + unit + " s/d " + plain_number(*b.upto) + unit;
  if (b.above) return "> " + plain_number(*b.above) + unit;
  if (b.upto) return "\u2264 " + plain_number(*b.upto) + unit;
  return "semua nilai";
}

}  // namespace

Table scale(const TableEnv& e) {
  Table t = shaped({{"No"}, {"Persentase Capaian Kinerja"}, {"Predikat"}});
  const report::Scale* s = e.r.find_scale(e.r.settings.predicate_scale);
  if (!s) internal_error("predicate scale missing from a validated report");
  for (size_t i = 0; i < s->bands.size(); ++i)
    t.body.push_back(body_row({number_cell(std::to_string(i + 1)),
                               text_cell(band_text(s->bands[i], "%"), CellAlign::center),
                               text_cell(s->bands[i].label)}));
  return finish(std::move(t), e.style);
}

namespace {

/// True when the cap changed the capaian used in averages and predikat.
bool is_capped(const compute::IkuResult& k) {
  return k.capaian.known && k.capaian_capped.known && !(k.capaian.exact == k.capaian_capped.exact);
}

}  // namespace

namespace {

/// Names the IKU without a realisation that the table prints as t.a.d. and leaves out of its
/// figures ("… tidak dihitung …: Indeks Kepuasan Masyarakat (Survei tidak dilaksanakan)."),
/// empty when every IKU is measured. `left_out_of` says which figures they are missing from.
std::string no_data_note(const compute::ComputedTables& c, const std::string& left_out_of) {
  std::string names;
  for (const compute::IkuResult& k : c.iku) {
    if (k.realisasi.known) continue;
    names += (names.empty() ? "" : "; ") + k.iku->name;
    // No reason in a draft: the figure is not written yet.
    names += " (" + (k.iku->no_data.empty() ? std::string("belum tersedia") : k.iku->no_data) + ")";
  }
  if (names.empty()) return "";
  return std::string(compute::kUnknownText) + " = tidak ada data realisasi; tidak dihitung dalam " +
         left_out_of + ": " + names + ".";
}

/// Appends a sentence to a table's note; a note standing alone may lack a full stop (the
/// efficiency formula), one followed by another sentence gets it.
void add_note(Table& t, const std::string& sentence) {
  if (sentence.empty()) return;
  if (!t.source.empty() && !t.source.ends_with('.')) t.source += '.';
  t.source += (t.source.empty() ? "" : " ") + sentence;
}

/// The capaian as computed; starred ("118,89%*") when capped, the table's note tells the
/// figure that counted. The star hangs right of the decimal comma, so figures still line up.
Cell capaian_cell(const compute::IkuResult& k) {
  return is_capped(k) ? text_cell(k.capaian.text + "*", CellAlign::decimal) : value_cell(k.capaian);
}

}  // namespace

Table measurement(const TableEnv& e) {
  Table t = shaped({{"No"},
                    {"Sasaran Strategis"},
                    {"Indikator Kinerja"},
                    {"Target", 0, true},
                    {"Realisasi", 0, true},
                    {"Capaian", 0, true},
                    {"Predikat"}});
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
  add_note(t, no_data_note(e.c, "rata-rata dan predikat"));
  return finish(std::move(t), e.style);
}

Table sasaran_summary(const TableEnv& e) {
  Table t = shaped({{"No"},
                    {"Sasaran Strategis"},
                    {"Jumlah", 0, true},
                    {"Melampaui Target", 0, true},
                    {"Sesuai Target", 0, true},
                    {"Tidak Mencapai Target", 0, true},
                    {"Capaian", 0, true},
                    {"Predikat"}},
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
  add_note(t, no_data_note(e.c,
                           "kolom Melampaui, Sesuai dan Tidak Mencapai Target maupun "
                           "capaian"));
  return finish(std::move(t), e.style);
}

Table program_capaian(const TableEnv& e) {
  Table t = shaped({{"No"},
                    {"Program / Kegiatan / Sub Kegiatan"},
                    {"Sasaran"},
                    {"Indikator"},
                    {"Target", 0, true},
                    {"Realisasi", 0, true},
                    {"Capaian", 0, true}});
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

namespace {

/// Every year any IKU has a figure for, the report year included, ascending.
std::vector<int> history_years(const compute::ComputedTables& c) {
  std::set<int> years;
  for (const auto& k : c.iku)
    for (const auto& h : k.history) years.insert(h.year);
  return {years.begin(), years.end()};
}

/// The header row under a spanning "Realisasi": one cell per history year.
Row year_head_row(const std::vector<int>& years) {
  Row row{Row::Kind::body, {}};
  for (int y : years) row.cells.push_back(head_cell(std::to_string(y)));
  return row;
}

/// Appends the IKU's realisasi of each year, t.a.d. for a year its history does not have.
void push_history_realisasi(Cells& r, const compute::IkuResult& k, const std::vector<int>& years) {
  for (int y : years) {
    const compute::HistoryRow* row = nullptr;
    for (const auto& h : k.history)
      if (h.year == y) row = &h;
    r.push_back(row ? value_cell(row->realisasi)
                    : text_cell(compute::kUnknownText, CellAlign::center));
  }
}

}  // namespace

Table multiyear(const TableEnv& e) {
  const std::vector<int> years = history_years(e.c);
  const int ny = static_cast<int>(years.size());
  const std::string year = std::to_string(e.r.year);
  std::vector<Col> cols{{"No"}, {"Sasaran Strategis"}, {"Indikator Kinerja"}};
  for (int y : years) cols.push_back({std::to_string(y), 0, true});
  cols.push_back({"Capaian " + year, 0, true});
  cols.push_back({"Perubahan", 0, true});
  Table t = shaped(cols, false);
  Row top = body_row({head_cell("No", 1, 2), head_cell("Sasaran Strategis", 1, 2),
                      head_cell("Indikator Kinerja", 1, 2), head_cell("Realisasi", ny),
                      head_cell("Capaian " + year, 1, 2),
                      head_cell("Perubahan dari " + std::to_string(e.r.year - 1), 1, 2)});
  t.header = {std::move(top), year_head_row(years)};
  t.body = by_sasaran(e.c, 3 + years.size(), [&](const compute::IkuResult& k) {
    Cells r{text_cell(k.iku->name)};
    push_history_realisasi(r, k, years);
    r.push_back(value_cell(k.capaian));
    r.push_back(value_cell(k.change));
    return r;
  });
  add_note(t, no_data_note(e.c, "capaian dan perubahan " + year));
  return finish(std::move(t), e.style);
}

/// The measurement table with the year before beside the report year ("membandingkan
/// realisasi dan capaian tahun ini dengan tahun lalu"): target, realisasi and capaian of both
/// years and the change of capaian in points; the averages of both years in the last row.
Table measurement_years(const TableEnv& e) {
  const int year = e.r.year, prev = year - 1;
  std::vector<Col> cols{{"No"}, {"Sasaran Strategis"}, {"Indikator Kinerja"}};
  for (int i = 0; i < 2; ++i)
    for (const char* c : {"Target", "Realisasi", "Capaian"}) cols.push_back({c, 0, true});
  cols.push_back({"Perubahan Capaian (poin)", 0, true});
  Table t = shaped(cols, false);
  Row top = body_row({head_cell("No", 1, 2), head_cell("Sasaran Strategis", 1, 2),
                      head_cell("Indikator Kinerja", 1, 2),
                      head_cell("Tahun " + std::to_string(prev), 3),
                      head_cell("Tahun " + std::to_string(year), 3),
                      head_cell("Perubahan Capaian (poin)", 1, 2)});
  Row second{Row::Kind::body, {}};
  for (int i = 0; i < 2; ++i)
    for (const char* c : {"Target", "Realisasi", "Capaian"}) second.cells.push_back(head_cell(c));
  t.header = {std::move(top), std::move(second)};
  t.body = by_sasaran(e.c, 8, [&](const compute::IkuResult& k) {
    Cells r{text_cell(k.iku->name)};
    const compute::HistoryRow* last = nullptr;
    for (const auto& h : k.history)
      if (h.year == prev) last = &h;
    for (compute::Value compute::HistoryRow::*field :
         {&compute::HistoryRow::target, &compute::HistoryRow::realisasi,
          &compute::HistoryRow::capaian})
      r.push_back(last ? value_cell(last->*field)
                       : text_cell(compute::kUnknownText, CellAlign::center));
    r.push_back(value_cell(k.target));
    r.push_back(value_cell(k.realisasi));
    r.push_back(value_cell(k.capaian));
    // capaian_change is against the row before this year's: shown only when that is `prev`.
    r.push_back(last ? value_cell(k.capaian_change)
                     : text_cell(compute::kUnknownText, CellAlign::center));
    return r;
  });
  const compute::Overall& o = e.c.overall;
  t.body.push_back(total_row({spanning(text_cell(o.average_name), 5), value_cell(o.rata_rata_prev),
                              spanning(text_cell(""), 2), value_cell(o.rata_rata),
                              value_cell(o.rata_rata_change)}));
  std::string without;  // IKU with no capaian the year before: out of its average
  for (const compute::IkuResult& k : e.c.iku)
    if (std::none_of(k.history.begin(), k.history.end(), [&](const compute::HistoryRow& h) {
          return h.year == prev && h.capaian.known;
        }))
      without += (without.empty() ? "" : "; ") + k.iku->name;
  if (!without.empty())
    add_note(t, "Tanpa capaian tahun " + std::to_string(prev) + " (tidak dihitung dalam rata-rata "
                "tahun itu): " + without + ".");
  add_note(t, no_data_note(e.c, "rata-rata dan perubahan " + std::to_string(year)));
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
  Table t = shaped({{"No"},
                    {"Sasaran Strategis"},
                    {"Indikator Kinerja"},
                    {target_title, 0, true},
                    {"Realisasi s.d. " + std::to_string(e.r.year), 0, true},
                    {"Tingkat Kemajuan", 0, true}});
  t.body = by_sasaran(e.c, 4, [&](const compute::IkuResult& k) {
    Cell target = value_cell(k.renstra_target);
    if (!one_year && k.renstra_target.known && k.iku->renstra_year)
      target = text_cell(k.renstra_target.text + " (" + std::to_string(*k.iku->renstra_year) + ")",
                         CellAlign::decimal);
    return Cells{text_cell(k.iku->name), std::move(target), value_cell(k.realisasi),
                 value_cell(k.kemajuan)};
  });
  add_note(t, no_data_note(e.c, "tingkat kemajuan"));
  return finish(std::move(t), e.style);
}

Table renstra_years(const TableEnv& e) {
  // Years are those of the IKU records (history and the report year): never a year after the
  // report's, so a column for a year not yet reported cannot appear.
  const std::vector<int> years = history_years(e.c);
  const int ny = static_cast<int>(years.size());
  std::set<int> end_years;
  for (const auto& k : e.c.iku)
    if (k.iku->renstra_year) end_years.insert(*k.iku->renstra_year);
  const bool one_year = end_years.size() == 1;
  std::string target_title = "Target Akhir Renstra";
  if (one_year) target_title += " (" + std::to_string(*end_years.begin()) + ")";
  std::vector<Col> cols{{"No", 5}, {"Sasaran Strategis", 17}, {"Indikator Kinerja", 21},
                        {target_title, 12, true}};
  for (int y : years) cols.push_back({std::to_string(y), 33.0 / std::max(ny, 1), true});
  cols.push_back({"Tingkat Kemajuan", 12, true});
  Table t = shaped(cols, false);
  Row top = body_row({head_cell("No", 1, 2), head_cell("Sasaran Strategis", 1, 2),
                      head_cell("Indikator Kinerja", 1, 2), head_cell(target_title, 1, 2),
                      head_cell("Realisasi", ny), head_cell("Tingkat Kemajuan", 1, 2)});
  t.header = {std::move(top), year_head_row(years)};
  t.body = by_sasaran(e.c, 4 + years.size(), [&](const compute::IkuResult& k) {
    Cell target = value_cell(k.renstra_target);
    if (!one_year && k.renstra_target.known && k.iku->renstra_year)
      target = text_cell(k.renstra_target.text + " (" + std::to_string(*k.iku->renstra_year) + ")",
                         CellAlign::decimal);
    Cells r{text_cell(k.iku->name), std::move(target)};
    push_history_realisasi(r, k, years);
    r.push_back(value_cell(k.kemajuan));
    return r;
  });
  t.source = "Tingkat kemajuan: realisasi " + std::to_string(e.r.year) +
             " terhadap target akhir Renstra.";
  add_note(t, no_data_note(e.c, "realisasi " + std::to_string(e.r.year) + " dan tingkat kemajuan"));
  return finish(std::move(t), e.style);
}

Table comparison(const TableEnv& e) {
  Table t = shaped({{"No"},
                    {"Sasaran Strategis"},
                    {"Indikator Kinerja"},
                    {"Realisasi", 0, true},
                    {"Kabupaten", 0, true},
                    {"Provinsi", 0, true},
                    {"Nasional / Standar", 0, true},
                    {"Keterangan"}},
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
  add_note(t, no_data_note(e.c, "perbandingan"));
  return finish(std::move(t), e.style);
}

namespace {

/// Anggaran, realisasi, serapan and sisa cells of a budget row.
Cells budget_cells(const compute::BudgetFigures& b) {
  return {value_cell(b.anggaran), value_cell(b.realisasi), value_cell(b.serapan),
          value_cell(b.sisa)};
}

}  // namespace

Table budget(const TableEnv& e) {
  Table t = shaped({{"No"},
                    {"Program"},
                    {"Anggaran", 0, true},
                    {"Realisasi", 0, true},
                    {"Serapan", 0, true},
                    {"Sisa", 0, true}});
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
  Table t = shaped({{"No"},
                    {"Sasaran Strategis"},
                    {"Anggaran", 0, true},
                    {"Proporsi", 0, true},
                    {"Realisasi", 0, true},
                    {"Serapan", 0, true}});
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

namespace {

/// Capaian next to anggaran, realisasi and serapan (the two capaian_anggaran_* tables).
Cells capaian_budget_cells(const Value& capaian, const compute::BudgetFigures& b) {
  return {value_cell(capaian), value_cell(b.anggaran), value_cell(b.realisasi),
          value_cell(b.serapan)};
}

}  // namespace

namespace {

const std::vector<Col> kCapaianBudgetCols = {{"Capaian Kinerja", 0, true},
                                             {"Anggaran", 0, true},
                                             {"Realisasi", 0, true},
                                             {"Serapan Anggaran", 0, true}};

}  // namespace

namespace {

std::vector<Col> with_capaian_budget(std::vector<Col> lead) {
  lead.insert(lead.end(), kCapaianBudgetCols.begin(), kCapaianBudgetCols.end());
  return lead;
}

}  // namespace

Table capaian_anggaran_sasaran(const TableEnv& e) {
  Table t = shaped(with_capaian_budget({{"No"}, {"Sasaran Strategis"}}));
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
  add_note(t, no_data_note(e.c, "capaian"));
  return finish(std::move(t), e.style);
}

Table capaian_anggaran_program(const TableEnv& e) {
  Table t = shaped(with_capaian_budget({{"No"}, {"Program / Kegiatan / Sub Kegiatan"}}));
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
  Table t = shaped({{"No"},
                    {"Sasaran Strategis"},
                    {"Capaian Kinerja", 0, true},
                    {"Serapan Anggaran", 0, true},
                    {points ? "Efisiensi (poin)" : "Efisiensi", 0, true}});
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
  add_note(t, no_data_note(e.c, "capaian dan efisiensi"));
  return finish(std::move(t), e.style);
}

/// Capaian, the IKU's own budget and the efficiency of the two, per IKU (UPT and Lapas
/// reports budget per indicator). An IKU without a budget of its own prints t.a.d. in the
/// budget columns and is named in the note; there is no total row, as the IKU budgets need
/// not add up to the report's.
Table efficiency_iku(const TableEnv& e) {
  const bool points = e.r.settings.efficiency == report::Settings::Efficiency::difference;
  Table t = shaped({{"No", 5},
                    {"Sasaran Strategis", 15},
                    {"Indikator Kinerja", 25},
                    {"Capaian Kinerja", 9, true},
                    {"Anggaran", 14, true},
                    {"Realisasi", 14, true},
                    {"Serapan Anggaran", 9, true},
                    {points ? "Efisiensi (poin)" : "Efisiensi", 9, true}});
  t.body = by_sasaran(e.c, 6, [](const compute::IkuResult& k) {
    return Cells{text_cell(k.iku->name),         value_cell(k.capaian_capped),
                 value_cell(k.budget.anggaran),  value_cell(k.budget.realisasi),
                 value_cell(k.budget.serapan),   value_cell(k.efisiensi)};
  });
  t.source = e.c.budget.efficiency_formula;
  std::string unbudgeted;
  for (const compute::IkuResult& k : e.c.iku)
    if (!k.budget.anggaran.known) unbudgeted += (unbudgeted.empty() ? "" : "; ") + k.iku->name;
  if (!unbudgeted.empty()) add_note(t, "Tanpa anggaran per indikator: " + unbudgeted + ".");
  add_note(t, no_data_note(e.c, "capaian dan efisiensi"));
  return finish(std::move(t), e.style);
}

Table rpjmd(const TableEnv& e) {
  Table t = shaped({{"Tujuan"}, {"Sasaran Strategis"}, {"Indikator Kinerja Utama"}});
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

}  // namespace lkjip::doc::tables
