// The validated report model: what a description (input/SCHEMA.md) says, as plain data.
// Produced only by report::load_description; every later stage may rely on its invariants
// (ids unique and resolved, targets of ratio indicators non-zero, units consistent, scales
// without gaps). Every record keeps the SourceLoc of its TOML table for later diagnostics.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "io/world.h"

namespace lkjip::report {

/// A calendar date (the signing date).
struct Date {
  int year = 1970, month = 1, day = 1;
};

enum class Direction { higher, lower };  // which way is better

/// A number typed in the description, kept with its location.
struct Stated {
  double value = 0;
  SourceLoc loc;
};

/// Values an old document printed for a figure the engine computes or the description fixes,
/// keyed by the figure's name ("capaian", "target", "total", "average", …), for `lkjip check`.
struct StatedValues {
  std::map<std::string, std::vector<Stated>> numbers;
  std::map<std::string, std::vector<std::pair<std::string, SourceLoc>>> texts;
};

/// A measured quantity such as "3 dokumen", "100%", "1.100 lembar" or a plain 70.20.
/// `unit` is printed as written, spaces collapsed ("%" for percentages, "" for none); units are
/// compared case-insensitively ("13 Bumdes" and "13 bumdes" are the same unit).
struct Quantity {
  double value = 0;
  std::string unit;
  int decimals = 0;  // decimals as written, for echoing inputs faithfully ("70,20")
};

struct Band {
  std::optional<double> above;  // exclusive lower bound; none = -infinity
  std::optional<double> upto;   // inclusive upper bound; none = +infinity
  std::string label;
};

struct Scale {
  std::string id;
  std::vector<Band> bands;  // sorted from highest to lowest, contiguous (validated)
  SourceLoc loc;
};

struct Signatory {
  std::string id;
  std::string party;   // "Pihak Pertama", may be empty
  std::string prefix;  // "", "Plt.", "Plh.", "a.n."
  std::string jabatan;
  std::string own_jabatan;
  std::string name;
  std::string pangkat;
  std::string golongan;
  std::string nip;    // 18 digits, validated
  std::string field;  // PDF signature field name
  bool electronic = false;
  SourceLoc loc;
};

struct Tujuan {
  std::string id, text;
};

struct Strategy {
  std::string visi;
  std::vector<std::string> misi;
  std::vector<Tujuan> tujuan;
};

struct OrgUnit {
  std::string id, name, parent;  // parent empty for the root
  bool staff = false;
  SourceLoc loc;
};

struct Sasaran {
  std::string id, name, tujuan;
  SourceLoc loc;
};

struct HistoryPoint {
  int year = 0;
  std::optional<double> target;
  double realisasi = 0;
  int target_decimals = 2, realisasi_decimals = 2;  // as written: each year prints its own
  StatedValues stated{};  // that year's figures as an old document printed them (for check)
};

struct Comparison {
  std::optional<double> kabupaten, provinsi, nasional;
  int kabupaten_decimals = 2, provinsi_decimals = 2, nasional_decimals = 2;  // as written
  std::string note;
};

struct Iku {
  std::string id, sasaran, name, unit;
  Direction direction = Direction::higher;
  std::string formula, source, responsible;
  double target = 0;                // > 0, or 0 for a lower-is-better indicator (validated)
  std::optional<double> realisasi;  // none: no figure this year (`no_data` says why)
  /// Why there is no realisasi; set only when it is none. Empty with no realisasi only in a
  /// draft: the figure is still to be written (listed in Report::missing).
  std::string no_data;
  int target_decimals = 2, realisasi_decimals = 2;  // as written
  std::optional<double> renstra_target;
  std::optional<int> renstra_year;
  std::vector<HistoryPoint> history;  // sorted by year, all before the report year
  Comparison compare;
  /// The budget spent on this indicator (UPT and Lapas reports), integer rupiah; none when
  /// the office has none per indicator. realisasi_anggaran is given only with anggaran.
  std::optional<int64_t> anggaran, realisasi_anggaran;
  StatedValues stated;
  SourceLoc loc;
};

/// An indicator of a program, kegiatan or sub-kegiatan.
struct Indicator {
  std::string name, formula;
  Quantity target;
  std::optional<Quantity> realisasi;  // none: not measured
  Direction direction = Direction::higher;
  bool pk = false;  // shown in the Perjanjian Kinerja
  StatedValues stated;
  SourceLoc loc;
};

/// One node of the program → kegiatan → sub-kegiatan tree. Budgets are integer rupiah.
struct Activity {
  std::string id, name, sasaran, supports;
  std::optional<int64_t> anggaran, realisasi_anggaran;
  std::vector<Indicator> indicators;
  std::vector<Activity> children;  // kegiatan of a program, sub-kegiatan of a kegiatan
  SourceLoc loc;
};

/// The budget roll-up rule: an activity's amount is the sum of its children's amounts (after
/// their own roll-up) when it has children and every one is known, otherwise its own (nullopt:
/// unknown). compute/ prints these sums; the reader keeps every one of a validated model within
/// 10^15 rupiah (a sum past int64 would also fall back to `own`).
std::optional<int64_t> roll_up(const std::vector<std::optional<int64_t>>& children,
                               std::optional<int64_t> own);

/// The report-level APBD figures, for an office without per-program detail: each is the total
/// only where the programs do not all carry that figure (the roll-up rule of roll_up()).
struct Budget {
  std::optional<int64_t> anggaran;   // total pagu when per-program figures are unknown
  std::optional<int64_t> realisasi;  // total realisation when per-program figures are unknown
  StatedValues stated;
  SourceLoc loc;
};

struct ComponentItem {
  std::string name, note;
  double weight = 0, value = 0;
};

struct Components {
  std::string id, caption, item_header = "Komponen", value_header = "Nilai", source;
  enum class Mode { score, weighted } mode = Mode::score;
  std::vector<ComponentItem> items;
  /// The IKU whose realisasi this breakdown makes up (an AKIP score from its components, an
  /// IPP from its aspects); empty for none. `check` reports a total that differs from it.
  std::string realisasi_of;
  SourceLoc realisasi_of_loc;
  StatedValues stated;
  SourceLoc loc;
};

struct SurveyItem {
  std::string name;
  double value = 0;
};

struct Survey {
  std::string id, caption, item_header = "Unsur", value_header = "Nilai", scale, source;
  std::vector<SurveyItem> items;
  StatedValues stated;
  SourceLoc loc;
};

struct Column {
  std::string title;
  enum class Kind { rownum, text, integer, number, money, percent } kind = Kind::text;
  enum class Total { none, sum, average } total = Total::none;
  /// A computed percent column: column `first` / column `second` × 100 in every row (0-based
  /// indices of numeric, non-computed columns; validated). Rows give no cell for it.
  std::optional<std::pair<std::size_t, std::size_t>> ratio{};
  std::vector<Stated> stated{};  // ratio columns: one printed value per row, for check
  bool computed() const { return ratio.has_value(); }
};

/// A cell of a free table: text (with inline markup) or a number, per its column's kind.
struct Cell {
  std::string text;
  double number = 0;
  bool is_number = false;
};

struct FreeTable {
  std::string id, caption, source, total_label = "Jumlah";
  std::vector<Column> columns;
  std::vector<std::vector<Cell>> rows;  // one cell per column that is neither rownum nor computed
  std::vector<double> widths;           // relative widths, empty = automatic
  StatedValues stated;                  // "total": one value per totalled column, in order
  SourceLoc loc;
};

struct Figure {
  std::string id, caption;
  bool orgchart = false;
  std::string image_path;  // resolved absolute path, empty for the orgchart
  SourceLoc image_loc;     // where `image` is written
  std::optional<double> width_mm;
  SourceLoc loc;
};

struct Chart {
  std::string id, caption;
  enum class Kind { target_realisasi, trend, serapan } kind = Kind::target_realisasi;
  std::vector<std::string> iku;  // empty = all
  SourceLoc loc;
};

/// A narrative body (Kata Pengantar or a chapter): markup text as written, with the location
/// of its first line so diagnostics in the text can be located (line = first_line + offset).
struct Narrative {
  std::string text;
  SourceLoc first_line;
};

struct Chapter {
  std::string id, title;
  Narrative body;
  SourceLoc loc;
};

/// A front-matter section of its own heading and narrative ([summary]: the Ringkasan
/// Eksekutif before BAB I).
struct FrontSection {
  std::string title;
  Narrative body;
};

/// [review]: the "Pernyataan Telah Direviu" page, its statement signed by the reviewer (APIP).
struct Review {
  FrontSection section;
  std::string signatory;  // id of the [[signatory]] who reviewed
};

/// The words a verdict prints in, one per attainment: the default set is `[settings] words`,
/// named sets are `[[wording]]` (used as `{iku.akip.status.<id>}`), so a sentence keeps its
/// author's grammar while the computation chooses the word.
struct Wording {
  std::string id;  // empty for the default set
  std::string met = "tercapai", exceeded = "melebihi target", not_met = "tidak tercapai";
  SourceLoc loc;
};

struct Settings {
  int decimals = 2;
  double capaian_cap = 0;  // 0 = none
  enum class Average { per_sasaran, all_iku } average = Average::per_sasaran;
  enum class Efficiency { difference, ratio } efficiency = Efficiency::difference;
  enum class Money { puebi, rp_dot } money = Money::puebi;
  std::string predicate_scale = "capaian";
  Wording words;  // the default verdict words
  /// Overall figures an old document printed: "rata_rata" (the configured average),
  /// "rata_rata_iku", "rata_rata_sasaran" and the text "predikat".
  StatedValues stated;
};

/// A figure a draft does not have yet, where the description would write it.
struct Missing {
  std::string what;  // "realisasi of IKU `ikm`"
  SourceLoc loc;
};

enum class Status { final, draft };

struct Report {
  std::string source_path;  // the description file
  std::string base_dir;     // its folder (paths resolve against it)
  // [report]
  std::string unit, region, title = "LAPORAN KINERJA INSTANSI PEMERINTAH (LKjIP)", place;
  int year = 0;
  Date date;
  /// A draft may leave figures out (they print t.a.d. and are listed in `missing`); it carries
  /// the layout's draft mark on every page and no signature fields. A final never has either.
  Status status = Status::final;
  std::vector<Missing> missing;  // draft only, in description order
  std::string layout = "lkjip", paper;  // paper empty = the layout's
  SourceLoc layout_loc;                 // where `layout` is written; unknown for the default
  SourceLoc paper_loc;                  // where `paper` is written
  std::string logo_path;                // resolved, empty = none
  SourceLoc logo_loc;                   // where `logo` is written
  std::string signatory;                // id of the report's signatory
  Settings settings;
  std::vector<Scale> scales;      // always contains the predicate scale (built-in default added)
  std::vector<Wording> wordings;  // named verdict word sets ([[wording]])
  std::vector<Signatory> signatories;
  Strategy strategy;
  std::vector<OrgUnit> organisation;
  std::vector<Sasaran> sasaran;
  std::vector<Iku> iku;
  std::vector<Activity> programs;
  Budget budget;
  std::vector<Components> components;
  std::vector<Survey> surveys;
  std::vector<FreeTable> tables;
  std::vector<Figure> figures;
  std::vector<Chart> charts;
  std::map<std::string, std::string> captions;  // generated table name -> caption
  std::optional<Narrative> foreword;
  std::optional<Review> review;
  std::optional<FrontSection> summary;
  std::vector<Chapter> chapters;
  std::vector<Chapter> appendices;  // [[appendix]]: LAMPIRAN 1, 2, … after the last chapter

  const Signatory* find_signatory(const std::string& id) const;
  const Scale* find_scale(const std::string& id) const;
  const Sasaran* find_sasaran(const std::string& id) const;
};

struct LoadOptions {
  bool allow_outside = false;            // paths may leave the description's folder
  const io::World* world = &io::disk();  // every file the description names is read through it
  size_t max_bytes = 8u << 20;           // input size limit
};

/// Reads and validates a description. All errors go to `sink` (located, with hints); the
/// result is empty when there was any error. Never throws.
std::optional<Report> load_description(const std::string& path, const LoadOptions& options,
                                       DiagnosticSink& sink);
/// Same, from text already in memory (tests, fuzzing); `path` names it in diagnostics.
std::optional<Report> parse_description(std::string_view text, const std::string& path,
                                        const LoadOptions& options, DiagnosticSink& sink);

}  // namespace lkjip::report
