#include "doc/tables.h"

#include "doc/table_parts.h"
#include "doc/text_util.h"

namespace lkjip::doc {

namespace {

using namespace tables;

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
    {"measurement_years", measurement_years,
     "Pengukuran Capaian Kinerja {unit} Tahun {year} dibandingkan Tahun Sebelumnya"},
    {"renstra", renstra,
     "Perbandingan Realisasi Kinerja s.d. Tahun {year} dengan Target Akhir Renstra {unit}"},
    {"renstra_years", renstra_years,
     "Perbandingan Realisasi Kinerja per Tahun dengan Target Akhir Renstra {unit}"},
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
    {"efficiency_iku", efficiency_iku,
     "Efisiensi Penggunaan Anggaran per Indikator Kinerja {unit} Tahun {year}"},
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
