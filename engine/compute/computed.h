// The compute stage's boundary type: every figure the document prints that does not come
// straight from the description, derived by pure functions from a validated report::Report.
// Every figure carries its exact value and its Indonesian text; records point back into the
// Report (which must outlive the ComputedTables) instead of copying names.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "compute/exact.h"
#include "report/model.h"

namespace lkjip::compute {

/// Printed for a figure whose inputs are missing ("tidak ada data"), never a made-up number.
inline constexpr const char* kUnknownText = "t.a.d.";

/// One printable figure. `text` is final: doc/ prints it as is.
struct Value {
  enum class Kind {
    text,      // a label or name (predikat, keterangan, dates): only `text` is meaningful
    integer,   // counts, population: "39.725"
    number,    // a plain measure echoed or derived: "70,20", "0,71"
    percent,   // "86,34%"
    points,    // a difference of percentages: "11,99", "-2,50"
    ratio,     // a quotient without unit: "1,13"
    money,     // integer rupiah, per Settings::Money: "Rp3.023.722.086"
    quantity,  // a number with its unit: "3 dokumen", "1.100 lembar", "100%"
  };
  Kind kind = Kind::text;
  bool known = false;  // false: inputs missing, text is kUnknownText
  Exact exact;         // the exact value (zero for text and unknown)
  double number = 0;   // nearest double of `exact`, for charts only
  int decimals = 0;    // decimals shown in `text`
  std::string unit;    // quantity unit ("dokumen", "%"); empty otherwise
  std::string text;    // the printed form
};

/// How an IKU or indicator fared against its target (capaian compared as printed).
enum class Attainment { unknown, not_met, met, exceeded };

/// One earlier (or the current) year of an IKU.
struct HistoryRow {
  int year = 0;
  Value target;  // unknown when the description gives none
  Value realisasi;
  Value capaian;  // raw, against that year's target; unknown without a target
  /// realisasi − the previous row's (unit of the IKU), and that change in percent of the
  /// previous realisasi; unknown on the first row (change_pct also when the previous is 0).
  Value change, change_pct;
};

/// Comparison of this year's realisasi with an external reference.
struct ComparisonCell {
  Value reference;   // the kabupaten/provinsi/nasional value; unknown when not given
  Value difference;  // realisasi − reference, direction-blind; unknown when no reference
};

/// Budget figures of one row (IKU, program, kegiatan, sub-kegiatan, sasaran or the whole report).
struct BudgetFigures {
  Value anggaran;   // money; unknown when not given
  Value realisasi;  // money; unknown when not given
  Value serapan;    // realisasi / anggaran × 100, percent
  Value sisa;       // anggaran − realisasi, money
  Value share;      // anggaran / the report's total anggaran × 100, percent
};

struct IkuResult {
  const report::Iku* iku = nullptr;
  std::size_t sasaran = 0;  // index into ComputedTables::sasaran
  Value target, realisasi;  // echoed with the decimals as written
  Value capaian;            // raw, percent (direction-aware)
  Value capaian_capped;     // min(raw, cap) when cap > 0, floored at 0; percent
  Value predikat;           // label of the predicate scale for capaian_capped
  Attainment attainment = Attainment::unknown;
  /// The history followed by the report year itself (last row), sorted by year.
  std::vector<HistoryRow> history;
  Value prev;                // last year's realisasi; unknown without history
  Value change, change_pct;  // report year vs last year (see HistoryRow)
  /// This year's capaian − last year's (points); unknown when last year has no target.
  Value capaian_change;
  Value renstra_target;      // unknown when absent
  Value kemajuan;            // progress to the Renstra end target, percent, direction-aware
  ComparisonCell kabupaten, provinsi, nasional;  /// The indicator's own budget (Iku::anggaran); every figure unknown when it has none.
  BudgetFigures budget;
  Value efisiensi;  // capaian (capped) vs budget.serapan per Settings::Efficiency
};


struct SasaranResult {
  const report::Sasaran* sasaran = nullptr;
  std::vector<std::size_t> iku;  // indices into ComputedTables::iku, in description order
  Value capaian;                 // simple mean of its IKU's capped capaian, percent
  Value predikat;
  /// Integer counts: IKU, met (capaian printed as 100), exceeded (> 100), not met (< 100),
  /// and IKU without a realisasi (in none of the other three, nor in the mean).
  Value jumlah_iku, tercapai, melampaui, tidak_tercapai, tanpa_data;
  BudgetFigures budget;  // sum over the programs that support it (unknown if none does)
  Value efisiensi;       // per Settings::Efficiency: capaian vs budget.serapan
};

struct IndicatorResult {
  const report::Indicator* indicator = nullptr;
  Value target, realisasi;  // quantities ("3 dokumen"); realisasi unknown when not measured
  Value capaian;            // raw, percent; unknown when not measured
  Attainment attainment = Attainment::unknown;
};

/// One node of the program tree, flattened in pre-order (program, its kegiatan, their subs).
struct ActivityResult {
  const report::Activity* activity = nullptr;
  int level = 0;              // 0 program, 1 kegiatan, 2 sub-kegiatan
  std::string number;         // hierarchical number: "1", "1.2", "1.2.3"
  std::size_t parent = npos;  // index into ComputedTables::activities; npos for programs
  std::vector<IndicatorResult> indicators;
  Value capaian;         // mean of its indicators' capped capaian; unknown if none measured
  BudgetFigures budget;  // bottom-up: the children's sum when every child has one
  Value efisiensi;       // capaian vs budget.serapan per Settings::Efficiency
  static constexpr std::size_t npos = static_cast<std::size_t>(-1);
};

struct Overall {
  Value rata_rata;           // the configured average (Settings::average)
  Value rata_rata_iku;       // mean of every IKU's capped capaian
  Value rata_rata_sasaran;   // mean of the sasaran means
  std::string average_name;  // names the configured one: "Rata-rata capaian sasaran strategis"
  Value predikat;            // of rata_rata
  Value jumlah_iku, jumlah_sasaran, tercapai, melampaui, tidak_tercapai;
  Value tanpa_data;  // IKU without a realisation, left out of the averages and the counts above
  /// The configured average of the year before the report year, from each IKU's capaian of
  /// that year (history with a target; capped alike), IKU without one left out; and this
  /// year's average minus it (points). Unknown when no IKU has a capaian that year.
  Value rata_rata_prev, rata_rata_change;
};

struct BudgetTotal {
  BudgetFigures figures;  // anggaran = Σ programs; realisasi = Σ programs or [budget]
  Value efisiensi;        // overall rata_rata vs serapan, per Settings::Efficiency
  /// Printable, e.g. "Efisiensi = Capaian Kinerja (%) − Serapan Anggaran (%)".
  std::string efficiency_formula;
};

struct ComponentRow {
  const report::ComponentItem* item = nullptr;
  Value weight;    // number
  Value value;     // number, as entered
  Value capaian;   // score mode: value / weight × 100, percent; unknown in weighted mode
  Value weighted;  // weighted mode: value × weight / 100, number; unknown in score mode
};

struct ComponentsResult {
  const report::Components* components = nullptr;
  std::vector<ComponentRow> rows;
  Value weight_total;  // Σ weight
  Value total;         // score: Σ value; weighted: Σ weighted
};

struct SurveyRow {
  const report::SurveyItem* item = nullptr;
  Value value;       // number
  Value keterangan;  // band label of the survey's scale; unknown without a scale
};

struct SurveyResult {
  const report::Survey* survey = nullptr;
  std::vector<SurveyRow> rows;
  Value average;     // simple mean of the values
  Value keterangan;  // of the average
};

/// A free table with its numeric cells formatted per column kind and its totals.
struct TableResult {
  const report::FreeTable* table = nullptr;
  /// cells[r][c] for every column of table->columns (rownum included: "1", "2", …);
  /// text cells are Kind::text with the markup as written.
  std::vector<std::vector<Value>> cells;
  /// One per column; Kind::text and empty for columns without a total. Integer columns
  /// sum/average as integers when exact, otherwise with Settings::decimals.
  std::vector<Value> totals;
};

struct ComputedTables {
  const report::Report* report = nullptr;
  std::vector<IkuResult> iku;          // same order as report->iku
  std::vector<SasaranResult> sasaran;  // same order as report->sasaran
  Overall overall;
  std::vector<ActivityResult> activities;  // pre-order over report->programs
  BudgetTotal budget;
  std::vector<ComponentsResult> components;  // same order as report->components
  std::vector<SurveyResult> surveys;         // same order as report->surveys
  std::vector<TableResult> tables;           // same order as report->tables
  /// Every computed-value path of SCHEMA.md ("iku.akip.capaian", "anggaran.serapan",
  /// "table.penduduk.total", "report.date", …) to its value; names and labels as Kind::text.
  std::map<std::string, Value> refs;

  /// nullptr when the path is not known.
  const Value* find(const std::string& path) const;
};

/// Derives every figure. Precondition: `report` is a validated model (report::load_description)
/// and outlives the result. Pure: no I/O, never throws for valid models.
ComputedTables compute(const report::Report& report);

}  // namespace lkjip::compute
