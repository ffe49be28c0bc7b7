// The description reader's internals, shared by report/description*.cpp (one file per part of
// SCHEMA.md); the public entry points are parse_description and load_description (model.h).
//
// Limits (each exceeded limit is a located error; they keep a broken or hostile file from
// exhausting memory and keep later stages' arithmetic in range):
//   - input size: LoadOptions::max_bytes (8 MiB by default), checked before parsing;
//   - ids: [a-z0-9_]+, at most 64 bytes;
//   - single-line texts (names, captions, formulas, labels): at most 4000 bytes;
//   - table cells: at most 20000 bytes; narrative bodies: at most 1 MiB each;
//   - entries of any one array (IKU, programs, rows, items, bands …): at most 5000;
//   - free tables: at most 40 columns;
//   - organisation depth (root = 1): at most 12 levels;
//   - money: integer rupiah from 0 to 10^15 (5000 × 10^15 still fits in int64), and so is
//     every sum the budget roll-up forms (report::roll_up), so compute/ never overflows;
//   - years: 1900 to 2200; settings.decimals: 0 to 6; figure width: up to 500 mm.
// Syntax errors stop reading (toml++ stops at the first); every other error is collected and
// reading goes on, so one run reports all of them, sorted by position.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "report/model.h"
#include "report/toml_reader.h"

namespace lkjip::report::detail {

constexpr size_t kMaxRecords = 5000;
constexpr size_t kMaxColumns = 40;
constexpr size_t kMaxCell = 20000;
constexpr size_t kMaxNarrative = 1u << 20;
constexpr int kMaxOrgDepth = 12;
constexpr int64_t kMaxMoney = 1'000'000'000'000'000;
constexpr int kMinYear = 1900, kMaxYear = 2200;
constexpr double kMaxFigureWidthMm = 500;

/// The built-in predicate scale (SCHEMA.md [[scale]] example, Permendagri 86/2017 bands).
Scale builtin_scale();

std::string q(std::string_view s);

/// `v` with a decimal comma, as a quantity string is written ("70,2").
std::string indonesian(double v);

/// "a sasaran", "an iku".
std::string with_article(const std::string& kind);

std::string format_loc(const SourceLoc& l);

bool is_layout_name(std::string_view s);

struct Definition {
  std::string kind;
  SourceLoc loc;
};

struct Reference {
  std::string kind, id;
  SourceLoc loc;
};

/// Reads one parsed description into `r`, reporting every problem to `ctx`.
class DescriptionReader {
 public:
  DescriptionReader(Context& ctx, const LoadOptions& options, Report& r)
      : ctx_(ctx), options_(options), r_(r) {}

  void read(const toml::table& root_table);

 private:
  Context& ctx_;
  const LoadOptions& options_;
  Report& r_;
  std::map<std::string, Definition> ids_;  // id_key -> first definition
  std::vector<Reference> refs_;
  std::vector<SourceLoc> org_parent_locs_;  // parallel to r_.organisation
  SourceLoc predicate_scale_loc_;

  // --- helpers -------------------------------------------------------------------------

  /// The tables of an array of tables `key`; `path` is its SCHEMA.md name for messages.
  std::vector<const toml::table*> entries(Fields& f, std::string_view key, std::string path,
                                          bool required = false);

  /// Elements of an array `key` (not tables), with the record limit.
  const toml::array* bounded_array(Fields& f, std::string_view key, bool required = false);
  static std::string kind_table(const std::string& kind);

  /// Ids live in namespaces: scales, signatories, tujuan and organisation units each have
  /// their own (a signatory and an organisation unit may both be `camat`); everything that can
  /// be placed or referenced in the text (sasaran, IKU, programs, tables, figures, charts,
  /// chapters) shares one, because their ids become anchors and reference paths.
  static std::string id_key(const std::string& kind, const std::string& id);
  static std::string id_of_key(const std::string& key);
  void define(const std::string& id, const std::string& kind, const SourceLoc& loc);
  void refer(const std::string& kind, const std::string& id, const SourceLoc& loc);

  /// A reference value: a string holding an id (validated as an id).
  std::string ref_text(Fields& f, std::string_view key, const std::string& kind,
                       bool required = false);
  std::optional<int64_t> money(Fields& f, std::string_view key);
  std::optional<int> year(Fields& f, std::string_view key, bool required = false);

  /// A number key with the decimals it was written with.
  std::optional<double> number_decimals(Fields& f, std::string_view key, bool required,
                                        int& decimals);
  std::optional<Direction> direction(Fields& f);
  StatedValues read_stated(Fields& f, const std::string& path);

  /// Resolves a relative path (logo, image) against the description's folder.
  std::string resolve_path(Fields& f, std::string_view key);

  // --- sections ------------------------------------------------------------------------

  void read_report(const toml::table& t);
  void read_settings(const toml::table& t);
  void read_scale(const toml::table& t);
  void read_wording(const toml::table& t);
  /// The three verdict words of `f` into `w` (each optional, non-empty).
  void read_words(Fields& f, Wording& w);

  /// Bands must be listed highest first, only the highest may omit `upto`, only the lowest
  /// `above`, and each band's `upto` must equal the `above` of the band listed before it.
  void check_bands(const Scale& s, const std::vector<SourceLoc>& locs);
  void read_signatory(const toml::table& t);
  void read_strategy(const toml::table& t);
  void read_org_unit(const toml::table& t);
  void read_sasaran(const toml::table& t);
  /// A target may not be negative, and 0 only where lower is better (zero tolerance).
  void check_target(const SourceLoc& loc, double target, Direction direction,
                    std::string_view what);
  void read_iku(const toml::table& t);
  std::optional<Quantity> quantity(const toml::node& n, std::string_view key);
  static std::string unit_phrase(const std::string& unit);
  Indicator read_indicator(const toml::table& t, const std::string& path, const std::string& what);
  Activity read_activity(const toml::table& t, int level);
  void read_budget(const toml::table& t);
  void read_components(const toml::table& t);
  void read_survey(const toml::table& t);
  static bool numeric(Column::Kind k);

  /// A cell of a free table. Numeric columns take numbers, or "-" / "" for "no data" (a
  /// text cell that totals skip); integer and money columns take integers only.
  std::optional<Cell> read_cell(const toml::node& n, const Column& col, const std::string& what);
  void read_table(const toml::table& t);
  void read_figure(const toml::table& t);
  void read_chart(const toml::table& t);
  void read_captions(const toml::table& t);
  std::optional<Narrative> narrative(Fields& f, bool required);
  void read_foreword(const toml::table& t);
  void read_chapter(const toml::table& t, const char* what, std::vector<Chapter>& into);
  std::optional<FrontSection> front_section(Fields& f, const std::string& default_title);
  void read_review(const toml::table& t);
  void read_summary(const toml::table& t);

  // --- cross-checks --------------------------------------------------------------------

  void add_default_scale();
  void resolve_references();

  /// One root, every parent known, no cycles, depth within kMaxOrgDepth.
  void check_organisation();
  /// Every budget sum compute/ forms (each activity's roll-up, the programs' total) is at most
  /// kMaxMoney: an error at the activity whose children pass it, or at the program that
  /// takes the total past it.
  void check_budget_totals();
  /// The amount compute/ prints for `a` (report::roll_up over its subtree), checked as above;
  /// nullopt when unknown or past the limit (reported once, not again for every ancestor).
  std::optional<int64_t> rolled_up(const Activity& a, int level,
                                   std::optional<int64_t> Activity::*amount, const char* key);
  void check_required_content(const toml::table& root);
};

}  // namespace lkjip::report::detail
