// The description reader: the report, its settings, scales and signatories, and the
// performance plan (strategy, organisation, sasaran, IKU, programs, budget).
#include "report/description_reader.h"

#include <algorithm>

#include "report/checks.h"
#include "report/keys.h"

namespace lkjip::report::detail {

void DescriptionReader::read_report(const toml::table& t) {
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
  if (auto status = f.choice("status", {"final", "draft"}))
    r_.status = *status == "draft" ? Status::draft : Status::final;
  if (auto layout = f.text("layout")) {
    // A name of layouts/, or a .toml file of the report's own beside the description.
    if (is_layout_name(*layout)) {
      r_.layout = *layout;
      r_.layout_loc = f.loc("layout");
    } else if (layout->ends_with(".toml") && layout->size() > 5) {
      // Confined to the description's folder like an image (--allow-outside lifts it).
      io::FileProblem problem;
      r_.layout = options_.world->confine(r_.base_dir, *layout, options_.allow_outside, problem);
      r_.layout_loc = f.loc("layout");
      if (r_.layout.empty())
        ctx_.error(f.loc("layout"), "`layout` " + problem.message, problem.hints);
    } else
      ctx_.error(f.loc("layout"),
                 "`layout` " + q(*layout) + " is neither a layout name nor a .toml file",
                 {"name a file of layouts/ without its extension, e.g. \"lkjip\" or "
                  "\"tata-naskah-dinas\", or a layout file beside the description, e.g. "
                  "\"dinas-layout.toml\" (extends = \"tata-naskah-dinas\" in it)"});
  }
  if (auto paper = f.choice("paper", {"A4", "F4"})) {
    r_.paper = *paper;
    r_.paper_loc = f.loc("paper");
  }
  r_.logo_path = resolve_path(f, "logo");
  r_.logo_loc = f.loc("logo");
  r_.signatory = ref_text(f, "signatory", "signatory", true);
  f.finish();
}

void DescriptionReader::read_settings(const toml::table& t) {
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
  if (const auto* w = f.table("words")) {
    Fields wf(ctx_, *w, "`words` of [settings]", keys_of("settings.words"));
    read_words(wf, s.words);
    wf.finish();
  }
  s.stated = read_stated(f, "settings");
  f.finish();
}

void DescriptionReader::read_words(Fields& f, Wording& w) {
  w.loc = f.loc();
  for (auto [key, word] : {std::pair<const char*, std::string*>{"tercapai", &w.met},
                           {"melampaui", &w.exceeded},
                           {"tidak_tercapai", &w.not_met}}) {
    auto v = f.text(key);
    if (!v) continue;
    if (v->empty())
      ctx_.error(f.loc(key), "`" + std::string(key) + "` of " + f.what() + " is empty",
                 {"write the word the sentence needs, e.g. \"tercapai\""});
    else
      *word = *v;
  }
}

void DescriptionReader::read_wording(const toml::table& t) {
  Fields f(ctx_, t, "[[wording]]", keys_of("wording"));
  Wording w;
  w.id = f.id();
  define(w.id, "wording", f.loc("id"));
  read_words(f, w);
  f.finish();
  r_.wordings.push_back(std::move(w));
}

void DescriptionReader::read_scale(const toml::table& t) {
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

void DescriptionReader::check_bands(const Scale& s, const std::vector<SourceLoc>& locs) {
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

void DescriptionReader::read_signatory(const toml::table& t) {
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
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
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

void DescriptionReader::read_strategy(const toml::table& t) {
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

void DescriptionReader::read_org_unit(const toml::table& t) {
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

void DescriptionReader::read_sasaran(const toml::table& t) {
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

void DescriptionReader::check_target(const SourceLoc& loc, double target, Direction direction,
                                     std::string_view what) {
  if (target < 0) {
    ctx_.error(loc, "target must not be negative, found " + format_plain(target),
               {std::string("capaian of ")
                    .append(what)
                    .append(" compares realisasi with the target (realisasi / target × 100), so "
                            "a negative target has no meaning")});
  } else if (target == 0 && direction == Direction::higher) {
    ctx_.error(loc, "a target of 0 is allowed only for a lower-is-better indicator",
               {std::string("capaian of ")
                    .append(what)
                    .append(" where higher is better is realisasi / target × 100, which has no "
                            "value for a target of 0"),
                "for a zero-tolerance indicator (\"temuan berulang 0\", \"0 kasus\") write "
                "`direction = \"lower\"`: realisasi 0 then gives capaian 100%, any other 0%"});
  }
}

void DescriptionReader::read_iku(const toml::table& t) {
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
    check_target(f.loc("target"), *v, k.direction, "an IKU");
  }
  k.realisasi = number_decimals(f, "realisasi", false, k.realisasi_decimals);
  k.no_data = f.text("no_data").value_or("");
  if (k.realisasi && f.node("no_data"))
    ctx_.error(f.loc("no_data"), "`no_data` is given although `realisasi` is written",
               {"`no_data` says why an IKU has no realisasi this year; remove one of the two"});
  else if (!f.node("realisasi") && !f.node("no_data")) {
    if (r_.status == Status::draft)
      r_.missing.push_back({"realisasi of IKU `" + k.id + "`", f.loc()});
    else
      ctx_.error(f.loc(), "IKU `" + k.id + "` has no `realisasi`",
                 {"write the realisasi, e.g. `realisasi = 60.61`",
                  "if there is no figure this year, say why: `no_data = \"Survei tidak "
                  "dilaksanakan\"`; the IKU then prints t.a.d. and is left out of averages, "
                  "predikat and counts",
                  "while figures are still being collected, render a draft: `status = "
                  "\"draft\"` in [report]"});
  }
  k.renstra_target = f.number("renstra_target");
  k.renstra_year = year(f, "renstra_year");
  if (k.renstra_year && r_.year && *k.renstra_year < r_.year)
    ctx_.error(f.loc("renstra_year"),
               "`renstra_year` " + std::to_string(*k.renstra_year) + " is before the report year " +
                   std::to_string(r_.year),
               {"the Renstra target is the target of the plan's last year"});
  std::map<int, SourceLoc> years;
  for (const auto* h : entries(f, "history", "iku.history")) {
    Fields hf(ctx_, *h, "a history entry of [[iku]]", keys_of("iku.history"));
    HistoryPoint p;
    auto y = year(hf, "year", true);
    p.target = number_decimals(hf, "target", false, p.target_decimals);
    p.realisasi = number_decimals(hf, "realisasi", true, p.realisasi_decimals).value_or(0);
    p.stated = read_stated(hf, "iku.history");
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
    k.compare.kabupaten = number_decimals(cf, "kabupaten", false, k.compare.kabupaten_decimals);
    k.compare.provinsi = number_decimals(cf, "provinsi", false, k.compare.provinsi_decimals);
    k.compare.nasional = number_decimals(cf, "nasional", false, k.compare.nasional_decimals);
    k.compare.note = cf.text("note").value_or("");
    cf.finish();
  }
  k.anggaran = money(f, "anggaran");
  k.realisasi_anggaran = money(f, "realisasi_anggaran");
  if (k.realisasi_anggaran && !f.node("anggaran"))
    ctx_.error(f.loc("realisasi_anggaran"),
               "IKU `" + k.id + "` has a `realisasi_anggaran` but no `anggaran`",
               {"serapan and efficiency of an IKU compare its realisasi_anggaran with its "
                "anggaran (pagu): write both, e.g. `anggaran = 150000000`",
                "a budget known only for the whole report goes to [budget]: `anggaran` and "
                "`realisasi`"});
  k.stated = read_stated(f, "iku");
  f.finish();
  r_.iku.push_back(std::move(k));
}

std::optional<Quantity> DescriptionReader::quantity(const toml::node& n, std::string_view key) {
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

std::string DescriptionReader::unit_phrase(const std::string& unit) {
  return unit.empty() ? "a plain number" : "in " + q(unit);
}

Indicator DescriptionReader::read_indicator(const toml::table& t, const std::string& path,
                                            const std::string& what) {
  Fields f(ctx_, t, what, keys_of(path));
  Indicator ind;
  ind.loc = f.loc();
  ind.name = f.text("name", true).value_or("");
  ind.formula = f.text("formula").value_or("");
  ind.direction = direction(f).value_or(Direction::higher);
  bool target_ok = false;
  if (const auto* n = f.node("target", true)) {
    if (auto qty = quantity(*n, "target")) {
      ind.target = *qty;
      target_ok = true;
      check_target(f.loc("target"), qty->value, ind.direction, "a program indicator");
    }
  }
  if (const auto* n = f.node("realisasi")) {
    ind.realisasi = quantity(*n, "realisasi");
    if (ind.realisasi && target_ok && !same_unit(ind.target.unit, ind.realisasi->unit)) {
      std::string msg = "units do not match: target is " + unit_phrase(ind.target.unit) +
                        ", realisasi " + unit_phrase(ind.realisasi->unit);
      ctx_.error(
          f.loc("realisasi"), msg,
          {"write the realisasi in the target's unit, e.g. \"" + indonesian(ind.realisasi->value) +
           (ind.target.unit == "%" || ind.target.unit.empty() ? "" : " ") + ind.target.unit +
           "\""});
    }
  }
  ind.pk = f.boolean("pk").value_or(false);
  ind.stated = read_stated(f, path);
  f.finish();
  return ind;
}

Activity DescriptionReader::read_activity(const toml::table& t, int level) {
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
    a.indicators.push_back(read_indicator(*it, path + ".indicator", "[[" + path + ".indicator]]"));
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

void DescriptionReader::read_budget(const toml::table& t) {
  Fields f(ctx_, t, "[budget]", keys_of("budget"));
  r_.budget.loc = f.loc();
  r_.budget.anggaran = money(f, "anggaran");
  r_.budget.realisasi = money(f, "realisasi");
  r_.budget.stated = read_stated(f, "budget");
  f.finish();
}

}  // namespace lkjip::report::detail
