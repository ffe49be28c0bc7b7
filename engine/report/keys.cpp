#include "report/keys.h"

#include "base/diagnostic.h"

namespace lkjip::report::detail {

namespace {

const std::vector<std::string> kIndicator = {"name",      "formula", "target", "realisasi",
                                             "direction", "pk",      "stated"};
const std::vector<std::string> kIndicatorStated = {"capaian", "target", "realisasi", "predikat"};
const std::vector<std::string> kActivity = {
    "id", "name", "sasaran", "anggaran", "realisasi_anggaran", "indicator"};

std::vector<std::string> with(std::vector<std::string> base, std::vector<std::string> more) {
  base.insert(base.end(), more.begin(), more.end());
  return base;
}

}  // namespace

const std::vector<std::string>& generated_table_names() {
  static const std::vector<std::string> names = {"pk",
                                                 "iku",
                                                 "renja",
                                                 "scale",
                                                 "measurement",
                                                 "sasaran_summary",
                                                 "program_capaian",
                                                 "multiyear",
                                                 "measurement_years",
                                                 "renstra",
                                                 "renstra_years",
                                                 "comparison",
                                                 "budget",
                                                 "budget_sasaran",
                                                 "capaian_anggaran_sasaran",
                                                 "capaian_anggaran_program",
                                                 "efficiency",
                                                 "efficiency_iku",
                                                 "rpjmd"};
  return names;
}

const std::map<std::string, std::vector<std::string>>& description_keys() {
  static const std::map<std::string, std::vector<std::string>> keys = {
      {"",
       {"report", "settings", "scale", "wording", "signatory", "strategy", "organisation",
        "sasaran", "iku", "program", "budget", "components", "survey", "table", "figure", "chart",
        "captions", "foreword", "review", "summary", "chapter", "appendix"}},
      {"report",
       {"unit", "region", "year", "title", "place", "date", "status", "layout", "paper",
        "logo", "signatory"}},
      {"settings",
       {"decimals", "capaian_cap", "average", "efficiency", "money", "predicate_scale", "words",
        "stated"}},
      {"settings.words", {"tercapai", "melampaui", "tidak_tercapai"}},
      {"wording", {"id", "tercapai", "melampaui", "tidak_tercapai"}},
      {"settings.stated", {"rata_rata", "rata_rata_iku", "rata_rata_sasaran", "predikat"}},
      {"scale", {"id", "bands"}},
      {"scale.bands", {"above", "upto", "label"}},
      {"signatory",
       {"id", "party", "prefix", "jabatan", "own_jabatan", "name", "pangkat", "golongan", "nip",
        "field", "electronic"}},
      {"strategy", {"visi", "misi", "tujuan"}},
      {"strategy.tujuan", {"id", "text"}},
      {"organisation", {"id", "name", "parent", "staff"}},
      {"sasaran", {"id", "name", "tujuan"}},
      {"iku",
       {"id", "sasaran", "name", "unit", "direction", "formula", "source", "responsible", "target",
        "realisasi", "no_data", "renstra_target", "renstra_year", "history", "compare", "anggaran",
        "realisasi_anggaran", "stated"}},
      {"iku.history", {"year", "target", "realisasi", "stated"}},
      {"iku.history.stated", {"target", "realisasi", "capaian", "change"}},
      {"iku.compare", {"kabupaten", "provinsi", "nasional", "note"}},
      {"iku.stated",
       with(kIndicatorStated,
            {"renstra_target", "kemajuan", "change", "kabupaten", "provinsi", "nasional",
             "selisih_kabupaten", "selisih_provinsi", "selisih_nasional"})},
      {"program", with(kActivity, {"supports", "kegiatan"})},
      {"program.indicator", kIndicator},
      {"program.indicator.stated", kIndicatorStated},
      {"program.kegiatan", with(kActivity, {"sub"})},
      {"program.kegiatan.indicator", kIndicator},
      {"program.kegiatan.indicator.stated", kIndicatorStated},
      {"program.kegiatan.sub", kActivity},
      {"program.kegiatan.sub.indicator", kIndicator},
      {"program.kegiatan.sub.indicator.stated", kIndicatorStated},
      {"budget", {"anggaran", "realisasi", "stated"}},
      {"budget.stated", {"anggaran", "realisasi", "serapan", "sisa", "efisiensi"}},
      {"components",
       {"id", "caption", "mode", "item_header", "value_header", "source", "realisasi_of", "items",
        "stated"}},
      {"components.items", {"name", "weight", "value", "note"}},
      {"components.stated", {"total"}},
      {"survey",
       {"id", "caption", "item_header", "value_header", "scale", "source", "items", "stated"}},
      {"survey.items", {"name", "value"}},
      {"survey.stated", {"average"}},
      {"table", {"id", "caption", "source", "columns", "rows", "total_label", "stated", "widths"}},
      {"table.columns", {"title", "kind", "total", "ratio", "stated"}},
      {"table.stated", {"total"}},
      {"figure", {"id", "caption", "orgchart", "image", "width"}},
      {"chart", {"id", "kind", "caption", "iku"}},
      {"captions", generated_table_names()},
      {"foreword", {"body"}},
      {"review", {"title", "body", "signatory"}},
      {"summary", {"title", "body"}},
      {"chapter", {"id", "title", "body"}},
      {"appendix", {"id", "title", "body"}},
  };
  return keys;
}

const std::vector<std::string>& keys_of(const std::string& path) {
  const auto& all = description_keys();
  auto it = all.find(path);
  if (it == all.end()) internal_error("no key table for `" + path + "`");
  return it->second;
}

}  // namespace lkjip::report::detail
