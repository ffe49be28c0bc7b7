// Reading a description (input/SCHEMA.md) into the Report model.
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
//   - money: integer rupiah from 0 to 10^15 (5000 × 10^15 still fits in int64);
//   - years: 1900 to 2200; settings.decimals: 0 to 6; figure width: up to 500 mm.
// Syntax errors stop reading (toml++ stops at the first); every other error is collected and
// reading goes on, so one run reports all of them, sorted by position.

#include "report/model.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "report/checks.h"
#include "report/keys.h"
#include "report/toml_reader.h"

namespace lkjip::report {

namespace fs = std::filesystem;
using namespace detail;

namespace {

constexpr size_t kMaxRecords = 5000;
constexpr size_t kMaxColumns = 40;
constexpr size_t kMaxCell = 20000;
constexpr size_t kMaxNarrative = 1u << 20;
constexpr int kMaxOrgDepth = 12;
constexpr int64_t kMaxMoney = 1'000'000'000'000'000;
constexpr int kMinYear = 1900, kMaxYear = 2200;
constexpr double kMaxFigureWidthMm = 500;

/// The built-in predicate scale (SCHEMA.md [[scale]] example, Permendagri 86/2017 bands).
Scale builtin_scale() {
  return {"capaian",
          {{90, std::nullopt, "Sangat Baik"},
           {75, 90, "Baik"},
           {65, 75, "Cukup"},
           {50, 65, "Kurang"},
           {std::nullopt, 50, "Sangat Kurang"}},
          {}};
}

std::string q(std::string_view s) { return std::string("`").append(s).append("`"); }

/// `v` with a decimal comma, as a quantity string is written ("70,2").
std::string indonesian(double v) {
  std::string s = format_plain(v);
  std::replace(s.begin(), s.end(), '.', ',');
  return s;
}

/// "a sasaran", "an iku".
std::string with_article(const std::string& kind) {
  return (std::string_view("aeiou").find(kind.front()) != std::string_view::npos ? "an " : "a ") +
         kind;
}

std::string format_loc(const SourceLoc& l) {
  return l.file + ":" + std::to_string(l.line) + ":" + std::to_string(l.column);
}

bool is_layout_name(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-';
  });
}

struct Definition {
  std::string kind;
  SourceLoc loc;
};

struct Reference {
  std::string kind, id;
  SourceLoc loc;
};

class DescriptionReader {
 public:
  DescriptionReader(Context& ctx, const LoadOptions& options, Report& r)
      : ctx_(ctx), options_(options), r_(r) {}

  void read(const toml::table& root_table) {
    Fields root(ctx_, root_table, "the description", keys_of(""));
    if (const auto* t = root.table("report"))
      read_report(*t);
    else if (!root.has("report"))
      ctx_.error(ctx_.file_loc(), "missing required table [report]",
                 {"start the description with [report] unit = … region = … year = …"});
    if (const auto* t = root.table("settings")) read_settings(*t);
    for (const auto* t : entries(root, "scale", "scale")) read_scale(*t);
    for (const auto* t : entries(root, "signatory", "signatory")) read_signatory(*t);
    if (const auto* t = root.table("strategy")) read_strategy(*t);
    for (const auto* t : entries(root, "organisation", "organisation")) read_org_unit(*t);
    for (const auto* t : entries(root, "sasaran", "sasaran")) read_sasaran(*t);
    for (const auto* t : entries(root, "iku", "iku")) read_iku(*t);
    for (const auto* t : entries(root, "program", "program"))
      r_.programs.push_back(read_activity(*t, 0));
    if (const auto* t = root.table("budget")) read_budget(*t);
    for (const auto* t : entries(root, "components", "components")) read_components(*t);
    for (const auto* t : entries(root, "survey", "survey")) read_survey(*t);
    for (const auto* t : entries(root, "table", "table")) read_table(*t);
    for (const auto* t : entries(root, "figure", "figure")) read_figure(*t);
    for (const auto* t : entries(root, "chart", "chart")) read_chart(*t);
    if (const auto* t = root.table("captions")) read_captions(*t);
    if (const auto* t = root.table("foreword")) read_foreword(*t);
    for (const auto* t : entries(root, "chapter", "chapter")) read_chapter(*t);
    root.finish();

    add_default_scale();
    resolve_references();
    check_organisation();
    check_required_content(root_table);
  }

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
                                          bool required = false) {
    std::vector<const toml::table*> out;
    const toml::node* n = f.node(key, required);
    if (!n) return out;
    const toml::array* a = n->as_array();
    if (!a) {
      ctx_.error(ctx_.at(*n), q(key) + ": expected an array of tables, found " + type_name(*n),
                 {"start each entry with [[" + path + "]]"});
      return out;
    }
    if (a->size() > kMaxRecords) {
      ctx_.error(ctx_.at(*n), q(key) + " has " + std::to_string(a->size()) +
                                  " entries, more than the limit of " +
                                  std::to_string(kMaxRecords));
      return out;
    }
    for (size_t i = 0; i < a->size(); ++i) {
      const auto* t =
          as_table(ctx_, *a->get(i), "entry " + std::to_string(i + 1) + " of " + q(key));
      if (t) out.push_back(t);
    }
    return out;
  }

  /// Elements of an array `key` (not tables), with the record limit.
  const toml::array* bounded_array(Fields& f, std::string_view key, bool required = false) {
    const toml::array* a = f.array(key, required);
    if (a && a->size() > kMaxRecords) {
      ctx_.error(f.loc(key), q(key) + " has " + std::to_string(a->size()) +
                                 " entries, more than the limit of " + std::to_string(kMaxRecords));
      return nullptr;
    }
    return a;
  }

  static std::string kind_table(const std::string& kind) {
    static const std::map<std::string, std::string> tables = {
        {"tujuan", "[strategy] tujuan"},        {"organisation unit", "[[organisation]]"},
        {"kegiatan", "[[program.kegiatan]]"},   {"sub-kegiatan", "[[program.kegiatan.sub]]"},
        {"components table", "[[components]]"},
    };
    auto it = tables.find(kind);
    return it != tables.end() ? it->second : "[[" + kind + "]]";
  }

  /// Ids live in namespaces: scales, signatories, tujuan and organisation units each have
  /// their own (a signatory and an organisation unit may both be `camat`); everything that can
  /// be placed or referenced in the text (sasaran, IKU, programs, tables, figures, charts,
  /// chapters) shares one, because their ids become anchors and reference paths.
  static std::string id_key(const std::string& kind, const std::string& id) {
    static const std::set<std::string> own = {"scale", "signatory", "tujuan",
                                              "organisation unit"};
    return (own.contains(kind) ? kind : std::string("content")) + "/" + id;
  }
  static std::string id_of_key(const std::string& key) { return key.substr(key.find('/') + 1); }

  void define(const std::string& id, const std::string& kind, const SourceLoc& loc) {
    if (id.empty()) return;
    const auto& generated = generated_table_names();
    if (std::find(generated.begin(), generated.end(), id) != generated.end()) {
      ctx_.error(loc, "id " + q(id) + " is reserved: it names a generated table",
                 {"`@table " + id + "` inserts the generated table; choose another id"});
      return;
    }
    auto [it, inserted] = ids_.try_emplace(id_key(kind, id), Definition{kind, loc});
    if (!inserted)
      ctx_.error(loc, "duplicate id " + q(id),
                 {"first defined at " + format_loc(it->second.loc) + " (" +
                      with_article(it->second.kind) + ")",
                  "ids of sasaran, IKU, programs, tables, figures, charts and chapters are "
                  "unique across the whole description"});
  }

  void refer(const std::string& kind, const std::string& id, const SourceLoc& loc) {
    if (!id.empty()) refs_.push_back({kind, id, loc});
  }

  /// A reference value: a string holding an id (validated as an id).
  std::string ref_text(Fields& f, std::string_view key, const std::string& kind,
                       bool required = false) {
    auto v = f.text(key, required, kMaxId);
    if (!v) return {};
    refer(kind, *v, f.loc(key));
    return *v;
  }

  std::optional<int64_t> money(Fields& f, std::string_view key) {
    const auto* n = f.node(key);
    if (!n) return std::nullopt;
    if (n->is_floating_point() || n->is_string()) {
      ctx_.error(ctx_.at(*n), q(key) + ": expected an integer, found " + type_name(*n),
                 {"money is written in whole rupiah without separators, e.g. 2903823586"});
      return std::nullopt;
    }
    auto v = as_integer(ctx_, *n, q(key));
    if (!v) return std::nullopt;
    if (*v < 0) {
      ctx_.error(ctx_.at(*n), q(key) + " must not be negative, found " + std::to_string(*v),
                 {"budgets and realisations are amounts in rupiah, 0 or more"});
      return std::nullopt;
    }
    if (*v > kMaxMoney) {
      ctx_.error(ctx_.at(*n), q(key) + " is more than the limit of 10^15 rupiah");
      return std::nullopt;
    }
    return v;
  }

  std::optional<int> year(Fields& f, std::string_view key, bool required = false) {
    auto v = f.integer(key, required);
    if (!v) return std::nullopt;
    if (*v < kMinYear || *v > kMaxYear) {
      ctx_.error(f.loc(key), q(key) + " " + std::to_string(*v) + " is not a plausible year",
                 {"years are written with four digits, from " + std::to_string(kMinYear) + " to " +
                  std::to_string(kMaxYear)});
      return std::nullopt;
    }
    return static_cast<int>(*v);
  }

  /// A number key with the decimals it was written with.
  std::optional<double> number_decimals(Fields& f, std::string_view key, bool required,
                                        int& decimals) {
    const auto* n = f.node(key, required);
    if (!n) return std::nullopt;
    auto v = as_number(ctx_, *n, q(key));
    if (v) decimals = written_decimals(ctx_.raw(n->source().begin));
    return v;
  }

  std::optional<Direction> direction(Fields& f) {
    auto d = f.choice("direction", {"higher", "lower"});
    if (!d) return std::nullopt;
    return *d == "lower" ? Direction::lower : Direction::higher;
  }

  StatedValues read_stated(Fields& f, const std::string& path) {
    StatedValues out;
    const toml::table* t = f.table("stated");
    if (!t) return out;
    Fields s(ctx_, *t, "`stated` of " + f.what(), keys_of(path + ".stated"));
    for (const auto& key : keys_of(path + ".stated")) {
      const toml::node* n = s.node(key);
      if (!n) continue;
      std::vector<const toml::node*> values;
      if (const auto* a = n->as_array()) {
        for (size_t i = 0; i < a->size() && i < kMaxRecords; ++i) values.push_back(a->get(i));
      } else {
        values.push_back(n);
      }
      for (const auto* v : values) {
        if (key == "predikat") {
          if (auto text = as_text(ctx_, *v, "`stated." + key + "`"))
            out.texts[key].emplace_back(*text, ctx_.at(*v));
        } else if (auto num = as_number(ctx_, *v, "`stated." + key + "`")) {
          out.numbers[key].push_back({*num, ctx_.at(*v)});
        }
      }
    }
    s.finish();
    return out;
  }

  /// Resolves a relative path (logo, image) against the description's folder.
  std::string resolve_path(Fields& f, std::string_view key) {
    auto v = f.text(key);
    if (!v) return {};
    SourceLoc loc = f.loc(key);
    if (v->empty()) {
      ctx_.error(loc, q(key) + " is empty", {"give a path such as \"images/logo.png\""});
      return {};
    }
    fs::path p(*v);
    fs::path base(r_.base_dir);
    if (p.is_absolute() && !options_.allow_outside) {
      ctx_.error(loc,
                 q(key) +
                     " must be relative to the description's folder, found the "
                     "absolute path " +
                     q(*v),
                 {"copy the file into " + base.string() +
                      " (or a subfolder) and write e.g. "
                      "\"images/" +
                      p.filename().string() + "\"",
                  "--allow-outside accepts paths outside that folder"});
      return {};
    }
    fs::path resolved = (base / p).lexically_normal();
    if (!options_.allow_outside) {
      fs::path inside = resolved.lexically_relative(base);
      if (inside.empty() || *inside.begin() == "..") {
        ctx_.error(loc, q(key) + " path " + q(*v) + " leaves the description's folder",
                   {"paths may not use `..` to leave " + base.string(),
                    "--allow-outside accepts paths outside that folder"});
        return {};
      }
    }
    std::error_code ec;
    if (!fs::is_regular_file(resolved, ec)) {
      ctx_.error(loc, q(key) + " file not found: " + resolved.string(),
                 {"paths are relative to the description's folder " + base.string()});
      return {};
    }
    std::ifstream in(resolved, std::ios::binary);
    unsigned char head[8] = {};
    in.read(reinterpret_cast<char*>(head), sizeof head);
    bool png =
        in.gcount() == 8 && head[0] == 0x89 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G';
    bool jpeg = in.gcount() >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF;
    if (!png && !jpeg) {
      ctx_.error(loc, q(key) + " is not a PNG or JPEG file: " + resolved.string(),
                 {"convert the image to PNG or JPEG"});
      return {};
    }
    return resolved.string();
  }

  // --- sections ------------------------------------------------------------------------

  void read_report(const toml::table& t) {
    Fields f(ctx_, t, "[report]", keys_of("report"));
    r_.unit = f.text("unit", true).value_or("");
    r_.region = f.text("region", true).value_or("");
    r_.year = year(f, "year", true).value_or(0);
    if (auto title = f.text("title")) r_.title = *title;
    r_.place = f.text("place", true).value_or("");
    if (const auto* n = f.node("date", true)) {
      if (const auto* d = n->as_date()) {
        r_.date = {d->get().year, d->get().month, d->get().day};
      } else {
        std::vector<std::string> hints = {"write a TOML date without quotes: date = 2025-01-03"};
        ctx_.error(ctx_.at(*n), "`date`: expected a date, found " + type_name(*n), hints);
      }
    }
    if (auto layout = f.text("layout")) {
      if (is_layout_name(*layout)) {
        r_.layout = *layout;
        r_.layout_loc = f.loc("layout");
      } else
        ctx_.error(f.loc("layout"), "`layout` " + q(*layout) + " is not a layout name",
                   {"name a file of layouts/ without its extension, e.g. \"lkjip\" or "
                    "\"tata-naskah-dinas\""});
    }
    if (auto paper = f.choice("paper", {"A4", "F4"})) r_.paper = *paper;
    r_.logo_path = resolve_path(f, "logo");
    r_.logo_loc = f.loc("logo");
    r_.signatory = ref_text(f, "signatory", "signatory", true);
    f.finish();
  }

  void read_settings(const toml::table& t) {
    Fields f(ctx_, t, "[settings]", keys_of("settings"));
    Settings& s = r_.settings;
    if (auto d = f.integer("decimals")) {
      if (*d < 0 || *d > 6)
        ctx_.error(f.loc("decimals"),
                   "`decimals` must be between 0 and 6, found " + std::to_string(*d));
      else
        s.decimals = static_cast<int>(*d);
    }
    if (auto cap = f.number("capaian_cap")) {
      if (*cap < 0)
        ctx_.error(f.loc("capaian_cap"), "`capaian_cap` must not be negative",
                   {"0 means no cap; 100 caps capaian at 100%"});
      else
        s.capaian_cap = *cap;
    }
    if (auto a = f.choice("average", {"per_sasaran", "all_iku"}))
      s.average = *a == "all_iku" ? Settings::Average::all_iku : Settings::Average::per_sasaran;
    if (auto e = f.choice("efficiency", {"difference", "ratio"}))
      s.efficiency = *e == "ratio" ? Settings::Efficiency::ratio : Settings::Efficiency::difference;
    if (auto m = f.choice("money", {"puebi", "rp_dot"}))
      s.money = *m == "rp_dot" ? Settings::Money::rp_dot : Settings::Money::puebi;
    if (auto p = f.text("predicate_scale", false, kMaxId)) {
      s.predicate_scale = *p;
      predicate_scale_loc_ = f.loc("predicate_scale");
    }
    s.stated = read_stated(f, "settings");
    f.finish();
  }

  void read_scale(const toml::table& t) {
    Fields f(ctx_, t, "[[scale]]", keys_of("scale"));
    Scale s;
    s.id = f.id();
    s.loc = f.loc();
    define(s.id, "scale", f.loc("id"));
    std::vector<SourceLoc> locs;
    for (const auto* b : entries(f, "bands", "scale.bands", true)) {
      Fields bf(ctx_, *b, "a band of [[scale]]", keys_of("scale.bands"));
      Band band;
      band.above = bf.number("above");
      band.upto = bf.number("upto");
      band.label = bf.text("label", true).value_or("");
      bf.finish();
      s.bands.push_back(band);
      locs.push_back(bf.loc());
    }
    f.finish();
    if (const auto* bands = t.get_as<toml::array>("bands"); bands && bands->empty())
      ctx_.error(f.loc("bands"), "scale " + q(s.id) + " has no bands");
    check_bands(s, locs);
    r_.scales.push_back(std::move(s));
  }

  /// Bands must be listed highest first, only the highest may omit `upto`, only the lowest
  /// `above`, and each band's `upto` must equal the `above` of the band listed before it.
  void check_bands(const Scale& s, const std::vector<SourceLoc>& locs) {
    const auto& b = s.bands;
    size_t n = b.size();
    bool shape_ok = true;
    for (size_t i = 0; i < n; ++i) {
      if (i > 0 && !b[i].upto) {
        ctx_.error(locs[i], "band \"" + b[i].label + "\" has no `upto`",
                   {"only the highest band (listed first) may omit `upto`"});
        shape_ok = false;
      }
      if (i + 1 < n && !b[i].above) {
        ctx_.error(locs[i], "band \"" + b[i].label + "\" has no `above`",
                   {"only the lowest band (listed last) may omit `above`"});
        shape_ok = false;
      }
      if (b[i].above && b[i].upto && *b[i].above >= *b[i].upto) {
        ctx_.error(locs[i],
                   "band \"" + b[i].label + "\" is empty: above " + format_plain(*b[i].above) +
                       ", upto " + format_plain(*b[i].upto),
                   {"a band covers values v with above < v <= upto"});
        shape_ok = false;
      }
    }
    if (n > 0 && b[0].upto) {
      ctx_.error(locs[0],
                 "the highest band \"" + b[0].label + "\" has `upto = " + format_plain(*b[0].upto) +
                     "`: values above it get no label",
                 {"omit `upto` on the highest band (listed first)"});
      shape_ok = false;
    }
    if (n > 1 && b[n - 1].above) {
      ctx_.error(locs[n - 1],
                 "the lowest band \"" + b[n - 1].label + "\" has `above = " +
                     format_plain(*b[n - 1].above) + "`: values below it get no label",
                 {"omit `above` on the lowest band (listed last)"});
      shape_ok = false;
    }
    if (!shape_ok) return;
    for (size_t i = 1; i < n; ++i) {
      if (b[i].above && *b[i].above >= *b[i - 1].above) {
        ctx_.error(locs[i], "bands of scale " + q(s.id) + " are not sorted",
                   {"list the bands from the highest to the lowest"});
        return;
      }
    }
    for (size_t i = 1; i < n; ++i) {
      double upper = *b[i - 1].above, lower = *b[i].upto;
      if (lower < upper)
        ctx_.error(locs[i],
                   "gap between " + format_plain(lower) + " and " + format_plain(upper) +
                       " in scale " + q(s.id),
                   {"band \"" + b[i].label + "\" should end at `upto = " + format_plain(upper) +
                    "`, where \"" + b[i - 1].label + "\" begins"});
      else if (lower > upper)
        ctx_.error(locs[i],
                   "bands overlap between " + format_plain(upper) + " and " + format_plain(lower) +
                       " in scale " + q(s.id),
                   {"band \"" + b[i].label + "\" should end at `upto = " + format_plain(upper) +
                    "`, where \"" + b[i - 1].label + "\" begins"});
    }
  }

  void read_signatory(const toml::table& t) {
    Fields f(ctx_, t, "[[signatory]]", keys_of("signatory"));
    Signatory s;
    s.id = f.id();
    s.loc = f.loc();
    define(s.id, "signatory", f.loc("id"));
    s.party = f.text("party").value_or("");
    s.prefix = f.choice("prefix", {"", "Plt.", "Plh.", "a.n."}).value_or("");
    s.jabatan = f.text("jabatan", true).value_or("");
    s.own_jabatan = f.text("own_jabatan").value_or("");
    s.name = f.text("name", true).value_or("");
    s.pangkat = f.text("pangkat").value_or("");
    s.golongan = f.text("golongan").value_or("");
    if (const toml::node* n = f.node("nip")) {
      if (auto raw = as_text(ctx_, *n, "`nip`", kMaxId)) {
        s.nip = normalise_nip(*raw);
        if (auto problem = check_nip(s.nip)) {
          SourceLoc loc = ctx_.at(*n);
          // Point at the offending digit when the string is written plainly on one line.
          std::string_view source = ctx_.raw(n->source().begin);
          if (source.size() > raw->size() && source.substr(1, raw->size()) == *raw &&
              problem->index < s.nip.size()) {
            size_t seen = 0, col = 0;
            for (; col < raw->size(); ++col) {
              if ((*raw)[col] == ' ' || (*raw)[col] == '\t') continue;
              if (seen++ == problem->index) break;
            }
            loc.column += 1 + static_cast<int>(col);
          }
          ctx_.error(loc, problem->message, {problem->hint});
        }
      }
    }
    if (auto field = f.text("field", false, kMaxId)) {
      bool ok = !field->empty() && std::all_of(field->begin(), field->end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               c == '_';
      });
      if (ok)
        s.field = *field;
      else
        ctx_.error(f.loc("field"), "`field` " + q(*field) + " is not a valid signature field name",
                   {"use letters, digits and '_' only, e.g. \"ttd_camat\""});
    } else if (!s.id.empty()) {
      s.field = "ttd_" + s.id;
    }
    s.electronic = f.boolean("electronic").value_or(false);
    f.finish();
    for (const auto& other : r_.signatories)
      if (!s.field.empty() && other.field == s.field)
        ctx_.error(f.loc("field"), "signature field name " + q(s.field) + " is used twice",
                   {"first used by signatory " + q(other.id)});
    r_.signatories.push_back(std::move(s));
  }

  void read_strategy(const toml::table& t) {
    Fields f(ctx_, t, "[strategy]", keys_of("strategy"));
    r_.strategy.visi = f.text("visi").value_or("");
    if (const auto* a = bounded_array(f, "misi")) {
      for (size_t i = 0; i < a->size(); ++i)
        if (auto m = as_text(ctx_, *a->get(i), "item " + std::to_string(i + 1) + " of `misi`"))
          r_.strategy.misi.push_back(*m);
    }
    for (const auto* tt : entries(f, "tujuan", "strategy.tujuan")) {
      Fields tf(ctx_, *tt, "a tujuan of [strategy]", keys_of("strategy.tujuan"));
      Tujuan tujuan;
      tujuan.id = tf.id();
      define(tujuan.id, "tujuan", tf.loc("id"));
      tujuan.text = tf.text("text", true).value_or("");
      tf.finish();
      r_.strategy.tujuan.push_back(std::move(tujuan));
    }
    f.finish();
  }

  void read_org_unit(const toml::table& t) {
    Fields f(ctx_, t, "[[organisation]]", keys_of("organisation"));
    OrgUnit u;
    u.id = f.id();
    u.loc = f.loc();
    define(u.id, "organisation unit", f.loc("id"));
    u.name = f.text("name", true).value_or("");
    u.parent = f.text("parent", false, kMaxId).value_or("");
    u.staff = f.boolean("staff").value_or(false);
    org_parent_locs_.push_back(f.loc("parent"));
    f.finish();
    r_.organisation.push_back(std::move(u));
  }

  void read_sasaran(const toml::table& t) {
    Fields f(ctx_, t, "[[sasaran]]", keys_of("sasaran"));
    Sasaran s;
    s.id = f.id();
    s.loc = f.loc();
    define(s.id, "sasaran", f.loc("id"));
    s.name = f.text("name", true).value_or("");
    s.tujuan = ref_text(f, "tujuan", "tujuan");
    f.finish();
    r_.sasaran.push_back(std::move(s));
  }

  void check_positive_target(const SourceLoc& loc, double target, std::string_view what) {
    if (target <= 0)
      ctx_.error(loc, "target must be > 0 for a ratio indicator, found " + format_plain(target),
                 {std::string("capaian of ")
                      .append(what)
                      .append(" is a ratio of realisasi to target (realisasi / target × 100), so "
                              "a target of 0 or less has no meaning"),
                  "if the indicator truly has no target, leave it out of the report"});
  }

  void read_iku(const toml::table& t) {
    Fields f(ctx_, t, "[[iku]]", keys_of("iku"));
    Iku k;
    k.id = f.id();
    k.loc = f.loc();
    define(k.id, "iku", f.loc("id"));
    k.sasaran = ref_text(f, "sasaran", "sasaran", true);
    k.name = f.text("name", true).value_or("");
    k.unit = f.text("unit").value_or("");
    k.direction = direction(f).value_or(Direction::higher);
    k.formula = f.text("formula").value_or("");
    k.source = f.text("source").value_or("");
    k.responsible = f.text("responsible").value_or("");
    if (auto v = number_decimals(f, "target", true, k.target_decimals)) {
      k.target = *v;
      check_positive_target(f.loc("target"), *v, "an IKU");
    }
    if (auto v = number_decimals(f, "realisasi", true, k.realisasi_decimals)) k.realisasi = *v;
    k.renstra_target = f.number("renstra_target");
    k.renstra_year = year(f, "renstra_year");
    if (k.renstra_year && r_.year && *k.renstra_year < r_.year)
      ctx_.error(f.loc("renstra_year"),
                 "`renstra_year` " + std::to_string(*k.renstra_year) +
                     " is before the report year " + std::to_string(r_.year),
                 {"the Renstra target is the target of the plan's last year"});
    std::map<int, SourceLoc> years;
    for (const auto* h : entries(f, "history", "iku.history")) {
      Fields hf(ctx_, *h, "a history entry of [[iku]]", keys_of("iku.history"));
      HistoryPoint p;
      auto y = year(hf, "year", true);
      p.target = hf.number("target");
      p.realisasi = hf.number("realisasi", true).value_or(0);
      hf.finish();
      if (!y) continue;
      p.year = *y;
      if (r_.year && p.year >= r_.year) {
        ctx_.error(hf.loc("year"),
                   "history year " + std::to_string(p.year) + " is not before the report year " +
                       std::to_string(r_.year),
                   {"`history` holds earlier years; the report year's figures are `target` "
                    "and `realisasi`"});
        continue;
      }
      auto [it, inserted] = years.try_emplace(p.year, hf.loc("year"));
      if (!inserted) {
        ctx_.error(hf.loc("year"), "history year " + std::to_string(p.year) + " appears twice",
                   {"first given at " + format_loc(it->second)});
        continue;
      }
      k.history.push_back(p);
    }
    std::sort(k.history.begin(), k.history.end(),
              [](const HistoryPoint& a, const HistoryPoint& b) { return a.year < b.year; });
    if (const auto* c = f.table("compare")) {
      Fields cf(ctx_, *c, "`compare` of [[iku]]", keys_of("iku.compare"));
      k.compare.kabupaten = cf.number("kabupaten");
      k.compare.provinsi = cf.number("provinsi");
      k.compare.nasional = cf.number("nasional");
      k.compare.note = cf.text("note").value_or("");
      cf.finish();
    }
    k.stated = read_stated(f, "iku");
    f.finish();
    r_.iku.push_back(std::move(k));
  }

  std::optional<Quantity> quantity(const toml::node& n, std::string_view key) {
    if (n.is_number()) {
      auto v = as_number(ctx_, n, q(key));
      if (!v) return std::nullopt;
      return Quantity{*v, "", written_decimals(ctx_.raw(n.source().begin))};
    }
    const auto* s = n.as_string();
    if (!s) {
      ctx_.error(ctx_.at(n), q(key) +
                                 ": expected a number or a string such as \"3 dokumen\", "
                                 "found " +
                                 type_name(n));
      return std::nullopt;
    }
    std::string error;
    auto qty = parse_quantity_text(s->get(), error);
    if (!qty)
      ctx_.error(ctx_.at(n), q(key) + ": " + error,
                 {"write a number (70.20) or a number and its unit: \"3 dokumen\", "
                  "\"1.100 lembar\", \"100%\", \"70,20\""});
    return qty;
  }

  static std::string unit_phrase(const std::string& unit) {
    return unit.empty() ? "a plain number" : "in " + q(unit);
  }

  Indicator read_indicator(const toml::table& t, const std::string& path, const std::string& what) {
    Fields f(ctx_, t, what, keys_of(path));
    Indicator ind;
    ind.loc = f.loc();
    ind.name = f.text("name", true).value_or("");
    ind.formula = f.text("formula").value_or("");
    bool target_ok = false;
    if (const auto* n = f.node("target", true)) {
      if (auto qty = quantity(*n, "target")) {
        ind.target = *qty;
        target_ok = true;
        check_positive_target(f.loc("target"), qty->value, "a program indicator");
      }
    }
    if (const auto* n = f.node("realisasi")) {
      ind.realisasi = quantity(*n, "realisasi");
      if (ind.realisasi && target_ok && !same_unit(ind.target.unit, ind.realisasi->unit)) {
        std::string msg = "units do not match: target is " + unit_phrase(ind.target.unit) +
                          ", realisasi " + unit_phrase(ind.realisasi->unit);
        ctx_.error(f.loc("realisasi"), msg,
                   {"write the realisasi in the target's unit, e.g. \"" +
                    indonesian(ind.realisasi->value) +
                    (ind.target.unit == "%" || ind.target.unit.empty() ? "" : " ") +
                    ind.target.unit + "\""});
      }
    }
    ind.direction = direction(f).value_or(Direction::higher);
    ind.pk = f.boolean("pk").value_or(false);
    ind.stated = read_stated(f, path);
    f.finish();
    return ind;
  }

  Activity read_activity(const toml::table& t, int level) {
    static const std::string paths[] = {"program", "program.kegiatan", "program.kegiatan.sub"};
    static const std::string kinds[] = {"program", "kegiatan", "sub-kegiatan"};
    const std::string& path = paths[level];
    Fields f(ctx_, t, "[[" + path + "]]", keys_of(path));
    Activity a;
    a.id = f.id();
    a.loc = f.loc();
    define(a.id, kinds[level], f.loc("id"));
    a.name = f.text("name", true).value_or("");
    a.sasaran = f.text("sasaran").value_or("");
    if (level == 0) a.supports = ref_text(f, "supports", "sasaran");
    a.anggaran = money(f, "anggaran");
    a.realisasi_anggaran = money(f, "realisasi_anggaran");
    for (const auto* it : entries(f, "indicator", path + ".indicator"))
      a.indicators.push_back(
          read_indicator(*it, path + ".indicator", "[[" + path + ".indicator]]"));
    if (level < 2) {
      std::string child = level == 0 ? "kegiatan" : "sub";
      for (const auto* c : entries(f, child, path + "." + child))
        a.children.push_back(read_activity(*c, level + 1));
    }
    f.finish();
    if (level == 0 && !a.indicators.empty() &&
        std::none_of(a.indicators.begin(), a.indicators.end(),
                     [](const Indicator& i) { return i.pk; }))
      a.indicators.front().pk = true;
    return a;
  }

  void read_budget(const toml::table& t) {
    Fields f(ctx_, t, "[budget]", keys_of("budget"));
    r_.budget.loc = f.loc();
    r_.budget.realisasi = money(f, "realisasi");
    r_.budget.stated = read_stated(f, "budget");
    f.finish();
  }

  void read_components(const toml::table& t) {
    Fields f(ctx_, t, "[[components]]", keys_of("components"));
    Components c;
    c.id = f.id();
    c.loc = f.loc();
    define(c.id, "components table", f.loc("id"));
    c.caption = f.text("caption", true).value_or("");
    if (auto m = f.choice("mode", {"score", "weighted"}))
      c.mode = *m == "weighted" ? Components::Mode::weighted : Components::Mode::score;
    c.item_header = f.text("item_header").value_or(c.item_header);
    c.value_header = f.text("value_header").value_or(c.value_header);
    c.source = f.text("source").value_or("");
    for (const auto* it : entries(f, "items", "components.items", true)) {
      Fields itf(ctx_, *it, "an item of [[components]]", keys_of("components.items"));
      ComponentItem item;
      item.name = itf.text("name", true).value_or("");
      auto weight = itf.number("weight", true);
      item.value = itf.number("value", true).value_or(0);
      item.note = itf.text("note").value_or("");
      if (weight) {
        item.weight = *weight;
        if (*weight < 0 || (*weight == 0 && c.mode == Components::Mode::score))
          ctx_.error(itf.loc("weight"), "`weight` must be > 0, found " + format_plain(*weight),
                     {"in mode \"score\" capaian = value / weight × 100"});
      }
      itf.finish();
      c.items.push_back(std::move(item));
    }
    c.stated = read_stated(f, "components");
    f.finish();
    r_.components.push_back(std::move(c));
  }

  void read_survey(const toml::table& t) {
    Fields f(ctx_, t, "[[survey]]", keys_of("survey"));
    Survey s;
    s.id = f.id();
    s.loc = f.loc();
    define(s.id, "survey", f.loc("id"));
    s.caption = f.text("caption", true).value_or("");
    s.item_header = f.text("item_header").value_or(s.item_header);
    s.value_header = f.text("value_header").value_or(s.value_header);
    s.scale = ref_text(f, "scale", "scale");
    s.source = f.text("source").value_or("");
    for (const auto* it : entries(f, "items", "survey.items", true)) {
      Fields itf(ctx_, *it, "an item of [[survey]]", keys_of("survey.items"));
      SurveyItem item;
      item.name = itf.text("name", true).value_or("");
      item.value = itf.number("value", true).value_or(0);
      itf.finish();
      s.items.push_back(std::move(item));
    }
    s.stated = read_stated(f, "survey");
    f.finish();
    r_.surveys.push_back(std::move(s));
  }

  static bool numeric(Column::Kind k) {
    return k != Column::Kind::text && k != Column::Kind::rownum;
  }

  /// A cell of a free table. Numeric columns take numbers, or "-" / "" for "no data" (a
  /// text cell that totals skip); integer and money columns take integers only.
  std::optional<Cell> read_cell(const toml::node& n, const Column& col, const std::string& what) {
    Cell cell;
    if (!numeric(col.kind)) {
      auto text = as_text(ctx_, n, what, kMaxCell);
      if (!text) return std::nullopt;
      cell.text = *text;
      return cell;
    }
    if (const auto* s = n.as_string()) {
      if (s->get().empty() || s->get() == "-") {
        cell.text = s->get();
        return cell;
      }
      std::string error;
      auto qty = parse_quantity_text(s->get(), error);
      std::vector<std::string> hints = {"column \"" + col.title +
                                        "\" holds numbers; write "
                                        "\"-\" for no data"};
      if (qty)
        hints.insert(hints.begin(), "write the number without quotes: " + format_plain(qty->value));
      ctx_.error(ctx_.at(n), what + ": expected a number, found text \"" + s->get() + "\"", hints);
      return std::nullopt;
    }
    bool whole = col.kind == Column::Kind::integer || col.kind == Column::Kind::money;
    if (whole && !n.is_integer()) {
      ctx_.error(ctx_.at(n), what + ": expected an integer, found " + type_name(n),
                 {"column \"" + col.title + "\" holds whole numbers"});
      return std::nullopt;
    }
    auto v = as_number(ctx_, n, what);
    if (!v) return std::nullopt;
    cell.number = *v;
    cell.is_number = true;
    return cell;
  }

  void read_table(const toml::table& t) {
    Fields f(ctx_, t, "[[table]]", keys_of("table"));
    FreeTable tab;
    tab.id = f.id();
    tab.loc = f.loc();
    define(tab.id, "table", f.loc("id"));
    tab.caption = f.text("caption", true).value_or("");
    tab.source = f.text("source").value_or("");
    auto columns = entries(f, "columns", "table.columns", true);
    if (columns.size() > kMaxColumns)
      ctx_.error(f.loc("columns"), "table has " + std::to_string(columns.size()) +
                                       " columns, more than the limit of " +
                                       std::to_string(kMaxColumns));
    bool columns_ok = columns.size() <= kMaxColumns;
    for (const auto* c : columns) {
      Fields cf(ctx_, *c, "a column of [[table]]", keys_of("table.columns"));
      Column col;
      col.title = cf.text("title", true).value_or("");
      static const std::vector<std::string> kinds = {"rownum", "text",  "integer",
                                                     "number", "money", "percent"};
      if (auto k = cf.choice("kind", kinds)) {
        col.kind =
            static_cast<Column::Kind>(std::find(kinds.begin(), kinds.end(), *k) - kinds.begin());
      } else if (cf.has("kind")) {
        columns_ok = false;
      }
      if (auto total = cf.choice("total", {"sum", "average"})) {
        col.total = *total == "sum" ? Column::Total::sum : Column::Total::average;
        if (!numeric(col.kind))
          ctx_.error(cf.loc("total"), "column \"" + col.title + "\" cannot have a total",
                     {"only integer, number, money and percent columns are totalled"});
      }
      cf.finish();
      tab.columns.push_back(std::move(col));
    }
    std::vector<const Column*> data_columns;
    for (const auto& col : tab.columns)
      if (col.kind != Column::Kind::rownum) data_columns.push_back(&col);
    if (const auto* rows = bounded_array(f, "rows", true)) {
      for (size_t i = 0; i < rows->size(); ++i) {
        const toml::node& rn = *rows->get(i);
        std::string row_name = "row " + std::to_string(i + 1);
        const auto* row = rn.as_array();
        if (!row) {
          ctx_.error(ctx_.at(rn),
                     row_name + ": expected an array of cells, found " + type_name(rn));
          continue;
        }
        if (!columns_ok) continue;
        if (row->size() != data_columns.size()) {
          ctx_.error(ctx_.at(rn),
                     row_name + " has " + std::to_string(row->size()) + " cells, the table has " +
                         std::to_string(data_columns.size()) + " columns (besides row numbers)",
                     {"give one value per column; \"rownum\" columns are generated"});
          continue;
        }
        std::vector<Cell> cells;
        for (size_t c = 0; c < row->size(); ++c) {
          auto cell = read_cell(*row->get(c), *data_columns[c],
                                row_name + ", column \"" + data_columns[c]->title + "\"");
          cells.push_back(cell.value_or(Cell{}));
        }
        tab.rows.push_back(std::move(cells));
      }
    }
    tab.total_label = f.text("total_label").value_or(tab.total_label);
    tab.stated = read_stated(f, "table");
    if (const auto* widths = f.array("widths")) {
      for (size_t i = 0; i < widths->size(); ++i) {
        auto w = as_number(ctx_, *widths->get(i), "item " + std::to_string(i + 1) + " of `widths`");
        if (w && *w <= 0) ctx_.error(ctx_.at(*widths->get(i)), "column widths must be > 0");
        tab.widths.push_back(w.value_or(1));
      }
      if (widths->size() != tab.columns.size())
        ctx_.error(f.loc("widths"), "`widths` has " + std::to_string(widths->size()) +
                                        " entries, the table has " +
                                        std::to_string(tab.columns.size()) + " columns");
    }
    size_t totalled = std::count_if(tab.columns.begin(), tab.columns.end(),
                                    [](const Column& c) { return c.total != Column::Total::none; });
    if (auto it = tab.stated.numbers.find("total"); it != tab.stated.numbers.end()) {
      if (it->second.size() != totalled)
        ctx_.error(it->second.front().loc,
                   "`stated.total` has " + std::to_string(it->second.size()) +
                       " values, the table has " + std::to_string(totalled) + " totalled columns",
                   {"give one stated total per column with `total = \"sum\"` or \"average\", "
                    "in column order"});
    }
    f.finish();
    r_.tables.push_back(std::move(tab));
  }

  void read_figure(const toml::table& t) {
    Fields f(ctx_, t, "[[figure]]", keys_of("figure"));
    Figure fig;
    fig.id = f.id();
    fig.loc = f.loc();
    define(fig.id, "figure", f.loc("id"));
    fig.caption = f.text("caption", true).value_or("");
    fig.orgchart = f.boolean("orgchart").value_or(false);
    fig.image_path = resolve_path(f, "image");
    fig.image_loc = f.loc("image");
    if (auto w = f.number("width")) {
      if (*w <= 0 || *w > kMaxFigureWidthMm)
        ctx_.error(f.loc("width"), "`width` must be between 0 and " +
                                       format_plain(kMaxFigureWidthMm) + " mm, found " +
                                       format_plain(*w));
      else
        fig.width_mm = *w;
    }
    if (fig.orgchart && f.has("image"))
      ctx_.error(f.loc(), "a [[figure]] is either `orgchart = true` or has an `image`, not both");
    else if (!fig.orgchart && !f.has("image"))
      ctx_.error(f.loc(), "a [[figure]] needs `image = \"…\"` or `orgchart = true`");
    f.finish();
    r_.figures.push_back(std::move(fig));
  }

  void read_chart(const toml::table& t) {
    Fields f(ctx_, t, "[[chart]]", keys_of("chart"));
    Chart c;
    c.id = f.id();
    c.loc = f.loc();
    define(c.id, "chart", f.loc("id"));
    if (auto k = f.choice("kind", {"target_realisasi", "trend", "serapan"}))
      c.kind = *k == "trend"     ? Chart::Kind::trend
               : *k == "serapan" ? Chart::Kind::serapan
                                 : Chart::Kind::target_realisasi;
    c.caption = f.text("caption", true).value_or("");
    if (const auto* a = bounded_array(f, "iku")) {
      for (size_t i = 0; i < a->size(); ++i) {
        auto id = as_text(ctx_, *a->get(i), "item " + std::to_string(i + 1) + " of `iku`", kMaxId);
        if (!id) continue;
        refer("iku", *id, ctx_.at(*a->get(i)));
        c.iku.push_back(*id);
      }
    }
    f.finish();
    r_.charts.push_back(std::move(c));
  }

  void read_captions(const toml::table& t) {
    Fields f(ctx_, t, "[captions]", keys_of("captions"));
    for (const auto& key : keys_of("captions"))
      if (auto v = f.text(key)) r_.captions[key] = *v;
    f.finish();
  }

  std::optional<Narrative> narrative(Fields& f, bool required) {
    const toml::node* n = f.node("body", required);
    if (!n) return std::nullopt;
    auto text = as_text(ctx_, *n, "`body`", kMaxNarrative);
    if (!text) return std::nullopt;
    return Narrative{*text, ctx_.string_content(n->source().begin)};
  }

  void read_foreword(const toml::table& t) {
    Fields f(ctx_, t, "[foreword]", keys_of("foreword"));
    r_.foreword = narrative(f, true);
    f.finish();
  }

  void read_chapter(const toml::table& t) {
    Fields f(ctx_, t, "[[chapter]]", keys_of("chapter"));
    Chapter c;
    c.id = f.id();
    c.loc = f.loc();
    define(c.id, "chapter", f.loc("id"));
    if (auto title = f.text("title", true)) {
      if (title->find_first_not_of(" \t\r\n") == std::string::npos)
        ctx_.error(f.loc("title"), "chapter title is empty",
                   {"the title is printed under \"BAB …\", e.g. title = \"PENDAHULUAN\""});
      c.title = *title;
    }
    c.body = narrative(f, true).value_or(Narrative{});
    f.finish();
    r_.chapters.push_back(std::move(c));
  }

  // --- cross-checks --------------------------------------------------------------------

  void add_default_scale() {
    const std::string& id = r_.settings.predicate_scale;
    if (!ids_.contains(id_key("scale", id)) && id == "capaian") {
      r_.scales.push_back(builtin_scale());
      ids_.emplace(id_key("scale", id), Definition{"scale", {}});
    }
    refer("scale", id, predicate_scale_loc_.known() ? predicate_scale_loc_ : ctx_.file_loc());
  }

  void resolve_references() {
    for (const auto& ref : refs_) {
      auto it = ids_.find(id_key(ref.kind, ref.id));
      if (it != ids_.end()) {
        if (it->second.kind != ref.kind)
          ctx_.error(ref.loc,
                     q(ref.id) + " is " + with_article(it->second.kind) + ", not " +
                         with_article(ref.kind),
                     {"defined at " + format_loc(it->second.loc)});
        continue;
      }
      std::vector<std::string> same_kind;
      for (const auto& [key, def] : ids_)
        if (def.kind == ref.kind) same_kind.push_back(id_of_key(key));
      std::vector<std::string> hints;
      if (auto near = closest_match(ref.id, same_kind); !near.empty())
        hints.push_back("did you mean `" + near + "`?");
      if (same_kind.empty()) {
        hints.push_back("no " + kind_table(ref.kind) + " is defined");
      } else {
        std::string list;
        for (size_t i = 0; i < same_kind.size() && i < 10; ++i)
          list += (i ? ", " : "") + same_kind[i];
        if (same_kind.size() > 10) list += ", …";
        hints.push_back("defined: " + list);
      }
      ctx_.error(ref.loc, "unknown " + ref.kind + " " + q(ref.id), hints);
    }
  }

  /// One root, every parent known, no cycles, depth within kMaxOrgDepth.
  void check_organisation() {
    const auto& units = r_.organisation;
    if (units.empty()) return;
    std::map<std::string, size_t> index;
    for (size_t i = 0; i < units.size(); ++i) index.try_emplace(units[i].id, i);
    std::vector<size_t> roots;
    std::vector<std::optional<size_t>> parent(units.size());
    for (size_t i = 0; i < units.size(); ++i) {
      if (units[i].parent.empty()) {
        roots.push_back(i);
        continue;
      }
      auto it = index.find(units[i].parent);
      if (it != index.end()) {
        parent[i] = it->second;
        continue;
      }
      std::vector<std::string> ids;
      for (const auto& u : units) ids.push_back(u.id);
      std::vector<std::string> hints;
      if (auto near = closest_match(units[i].parent, ids); !near.empty())
        hints.push_back("did you mean `" + near + "`?");
      hints.push_back("`parent` names the id of another [[organisation]] unit");
      ctx_.error(org_parent_locs_.at(i), "unknown organisation unit " + q(units[i].parent), hints);
    }
    if (roots.empty())
      ctx_.error(units.front().loc, "the organisation has no root",
                 {"the top unit (e.g. the camat) has no `parent`"});
    else if (roots.size() > 1)
      ctx_.error(units.at(roots[1]).loc,
                 "the organisation has several roots: " + q(units.at(roots[0]).id) + " and " +
                     q(units.at(roots[1]).id),
                 {"every unit except the top one needs a `parent`"});
    std::vector<bool> reported(units.size());
    for (size_t i = 0; i < units.size(); ++i) {
      std::vector<size_t> path = {i};
      std::optional<size_t> p = parent[i];
      while (p && path.size() <= units.size()) {
        auto seen = std::find(path.begin(), path.end(), *p);
        if (seen != path.end()) {
          if (!reported[*p]) {
            std::string cycle;
            for (auto it = seen; it != path.end(); ++it) {
              cycle += units[*it].id + " → ";
              reported[*it] = true;
            }
            cycle += units[*p].id;
            ctx_.error(units[*p].loc, "the organisation has a cycle: " + cycle,
                       {"follow the `parent` keys: one of them must point up the line of "
                        "command"});
          }
          break;
        }
        path.push_back(*p);
        p = parent[*p];
      }
      if (!p && static_cast<int>(path.size()) > kMaxOrgDepth)
        ctx_.error(units[i].loc,
                   "organisation unit " + q(units[i].id) + " is " + std::to_string(path.size()) +
                       " levels deep, more than the limit of " + std::to_string(kMaxOrgDepth));
    }
  }

  void check_required_content(const toml::table& root) {
    if (r_.sasaran.empty() && !root.contains("sasaran"))
      ctx_.error(ctx_.file_loc(), "the description has no [[sasaran]]",
                 {"an LKjIP reports on at least one sasaran strategis and its IKU"});
    if (r_.iku.empty() && !root.contains("iku"))
      ctx_.error(ctx_.file_loc(), "the description has no [[iku]]",
                 {"an LKjIP reports on at least one indikator kinerja utama"});
    bool iku_sasaran_known =
        std::none_of(r_.iku.begin(), r_.iku.end(), [](const Iku& k) { return k.sasaran.empty(); });
    for (const auto& s : r_.sasaran) {
      if (!iku_sasaran_known) break;  // an IKU without a valid sasaran is reported already
      bool measured = std::any_of(r_.iku.begin(), r_.iku.end(),
                                  [&](const Iku& k) { return k.sasaran == s.id; });
      if (!measured && !s.id.empty())
        ctx_.error(s.loc, "sasaran " + q(s.id) + " has no [[iku]]",
                   {"add an [[iku]] with sasaran = \"" + s.id +
                    "\"; capaian of a sasaran is "
                    "the mean of its IKU"});
    }
    for (const auto& fig : r_.figures)
      if (fig.orgchart && r_.organisation.empty())
        ctx_.error(fig.loc, "figure " + q(fig.id) +
                                " draws the organisation chart, but there "
                                "is no [[organisation]]");
  }
};

}  // namespace

const Signatory* Report::find_signatory(const std::string& id) const {
  for (const auto& s : signatories)
    if (s.id == id) return &s;
  return nullptr;
}

const Scale* Report::find_scale(const std::string& id) const {
  for (const auto& s : scales)
    if (s.id == id) return &s;
  return nullptr;
}

const Sasaran* Report::find_sasaran(const std::string& id) const {
  for (const auto& s : sasaran)
    if (s.id == id) return &s;
  return nullptr;
}

std::optional<Report> parse_description(std::string_view text, const std::string& path,
                                        const LoadOptions& options, DiagnosticSink& sink) {
  Context ctx(text, path);
  std::optional<Report> result;
  try {
    if (auto root = parse_toml(ctx, text, options.max_bytes)) {
      Report r;
      r.source_path = path;
      std::error_code ec;
      fs::path abs = fs::absolute(fs::path(path), ec);
      r.base_dir = (ec ? fs::path(path) : abs).parent_path().lexically_normal().string();
      DescriptionReader(ctx, options, r).read(*root);
      if (!ctx.failed()) result = std::move(r);
    }
  } catch (const InternalError&) {
    ctx.flush(sink);
    throw;
  } catch (const std::exception& e) {
    ctx.error(ctx.file_loc(), std::string("cannot read the description: ") + e.what());
  }
  ctx.flush(sink);
  return result;
}

std::optional<Report> load_description(const std::string& path, const LoadOptions& options,
                                       DiagnosticSink& sink) {
  std::error_code ec;
  auto size = fs::file_size(path, ec);
  if (ec) {
    sink.error({path, 0, 0}, "cannot read the description: " + ec.message());
    return std::nullopt;
  }
  if (size > options.max_bytes) {
    sink.error({path, 0, 0},
               "file is " + std::to_string(size) + " bytes, more than the limit of " +
                   std::to_string(options.max_bytes) + " bytes",
               {"a description holds data and text only; images are referenced by path"});
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  if (in.is_open() && size > 0) buffer << in.rdbuf();
  if (!in.is_open() || in.bad()) {
    sink.error({path, 0, 0}, "cannot read the description");
    return std::nullopt;
  }
  return parse_description(buffer.str(), path, options, sink);
}

}  // namespace lkjip::report
