// Derivation of every computed figure (formulas: shared/notes/lkjip-domain.md §2–§3).
// All arithmetic is exact (compute/exact.h); a figure is rounded only when it is printed,
// and comparisons that the reader can see (met / exceeded, predikat bands) use the printed
// value so the table never contradicts itself.
#include "compute/computed.h"

#include <algorithm>
#include <optional>

#include "compute/format.h"
#include "compute/formulas.h"

namespace lkjip::compute {

namespace {

using Kind = Value::Kind;

class Builder {
 public:
  explicit Builder(const report::Report& r) : r_(r), s_(r.settings) {}

  ComputedTables build();

 private:
  const report::Report& r_;
  const report::Settings& s_;
  ComputedTables out_;

  Value text(std::string t) const { return text_value(std::move(t)); }
  Value percent(const std::optional<Exact>& v) const {
    return v ? number_value(Kind::percent, *v, s_.decimals) : unknown_value(Kind::percent);
  }
  Value money(const std::optional<int64_t>& v) const {
    return v ? money_value(*v, s_.money) : unknown_value(Kind::money);
  }
  Value count(int64_t n) const { return number_value(Kind::integer, Exact::integer(n), 0); }
  Value predikat(const report::Scale* scale, const Value& of) const;
  /// |v| with v's kind and decimals (unknown stays unknown): for prose that says "menurun"
  /// or "lebih rendah" itself.
  static Value magnitude(const Value& v);
  /// `up` or `down` followed by |v|, or `same` when v prints as zero: the words of a change
  /// ("meningkat 0,64" / "menurun 11,09" / "tetap") or of a difference ("lebih tinggi 2,65").
  Value signed_phrase(const Value& v, const char* up, const char* down, const char* same) const;
  Value efficiency(const Value& capaian, const Value& serapan) const;
  BudgetFigures budget(std::optional<int64_t> anggaran, std::optional<int64_t> realisasi,
                       std::optional<int64_t> total) const;

  void iku();
  void sasaran();
  void overall();
  void activities();
  size_t activity(const report::Activity& a, int level, std::string number, size_t parent);
  void budget_total();
  void components();
  void surveys();
  void tables();
  void refs();
};

Value Builder::predikat(const report::Scale* scale, const Value& of) const {
  if (scale == nullptr || !of.known) return unknown_value(Kind::text);
  const report::Band* band = find_band(*scale, of.exact.rounded(of.decimals));
  return band ? text(band->label) : unknown_value(Kind::text);
}

Value Builder::magnitude(const Value& v) {
  if (!v.known || !v.exact.negative()) return v;
  Value m = number_value(v.kind, -v.exact, v.decimals);
  m.unit = v.unit;
  return m;
}

Value Builder::signed_phrase(const Value& v, const char* up, const char* down,
                             const char* same) const {
  if (!v.known) return unknown_value(Kind::text);
  const Exact::Rounded r = v.exact.round(v.decimals);
  if (r.digits.find_first_not_of('0') == std::string::npos) return text(same);
  return text(std::string(r.negative ? down : up) + " " + magnitude(v).text);
}

Value Builder::efficiency(const Value& capaian, const Value& serapan) const {
  std::optional<Exact> e;
  if (capaian.known && serapan.known)
    e = efficiency_value(s_.efficiency, capaian.exact, serapan.exact);
  Kind kind = s_.efficiency == report::Settings::Efficiency::ratio ? Kind::ratio : Kind::points;
  return e ? number_value(kind, *e, s_.decimals) : unknown_value(kind);
}

BudgetFigures Builder::budget(std::optional<int64_t> anggaran, std::optional<int64_t> realisasi,
                              std::optional<int64_t> total) const {
  BudgetFigures b;
  b.anggaran = money(anggaran);
  b.realisasi = money(realisasi);
  b.serapan = percent(anggaran && realisasi ? ratio_percent(*realisasi, *anggaran) : std::nullopt);
  b.sisa =
      money(anggaran && realisasi ? std::optional<int64_t>(*anggaran - *realisasi) : std::nullopt);
  b.share = percent(anggaran && total ? ratio_percent(*anggaran, *total) : std::nullopt);
  return b;
}

void Builder::iku() {
  const report::Scale* scale = find_scale(r_, s_.predicate_scale);
  for (const report::Iku& k : r_.iku) {
    IkuResult res;
    res.iku = &k;
    for (size_t i = 0; i < r_.sasaran.size(); ++i) {
      if (r_.sasaran[i].id == k.sasaran) res.sasaran = i;
    }
    Exact target = Exact::from_double(k.target);
    std::optional<Exact> real;  // none: no data this year
    if (k.realisasi) real = Exact::from_double(*k.realisasi);
    res.target = measure_value(target, k.target_decimals, k.unit);
    res.realisasi =
        real ? measure_value(*real, k.realisasi_decimals, k.unit) : unknown_value(Kind::number);
    std::optional<Exact> raw = real ? capaian(target, *real, k.direction) : std::nullopt;
    res.capaian = percent(raw);
    res.capaian_capped = percent(raw ? std::optional<Exact>(capped(*raw, s_.capaian_cap)) : raw);
    res.predikat = predikat(scale, res.capaian_capped);
    res.attainment = attainment(res.capaian);

    // History rows, then the report year itself.
    // Each year prints with the decimals it was written with (precision is never borrowed
    // from another year: 66,67 stays 66,67 beside a report year written as 100).
    struct Point {
      int year;
      std::optional<double> target, realisasi;
      int target_decimals, realisasi_decimals;
    };
    std::vector<Point> points;
    for (const report::HistoryPoint& p : k.history)
      points.push_back({p.year, p.target, p.realisasi, p.target_decimals, p.realisasi_decimals});
    points.push_back(
        {r_.year, k.target, k.realisasi, k.target_decimals, k.realisasi_decimals});
    for (size_t i = 0; i < points.size(); ++i) {
      const Point& p = points[i];
      HistoryRow row;
      row.year = p.year;
      std::optional<Exact> pr;
      if (p.realisasi) pr = Exact::from_double(*p.realisasi);
      row.realisasi =
          pr ? measure_value(*pr, p.realisasi_decimals, k.unit) : unknown_value(Kind::number);
      row.target = unknown_value(Kind::number);
      row.capaian = unknown_value(Kind::percent);
      if (p.target) {
        Exact pt = Exact::from_double(*p.target);
        row.target = measure_value(pt, p.target_decimals, k.unit);
        if (pr) row.capaian = percent(capaian(pt, *pr, k.direction));
      }
      row.change = unknown_value(Kind::number);
      row.change_pct = unknown_value(Kind::percent);
      if (i > 0 && pr && points[i - 1].realisasi) {
        Exact prev = Exact::from_double(*points[i - 1].realisasi);
        // A difference of two written values is exact at the finer of their decimals.
        row.change = number_value(Kind::number, *pr - prev,
                                  std::max(p.realisasi_decimals, points[i - 1].realisasi_decimals));
        row.change_pct = percent(change_percent(prev, *pr));
      }
      res.history.push_back(std::move(row));
    }
    if (k.history.empty()) {
      res.prev = unknown_value(Kind::number);
    } else {
      res.prev = res.history[res.history.size() - 2].realisasi;
    }
    res.change = res.history.back().change;
    res.change_pct = res.history.back().change_pct;
    res.capaian_change = unknown_value(Kind::points);
    if (res.history.size() >= 2) {
      const Value& was = res.history[res.history.size() - 2].capaian;
      if (was.known && res.capaian.known)
        res.capaian_change = number_value(Kind::points, res.capaian.exact - was.exact, s_.decimals);
    }

    res.renstra_target = unknown_value(Kind::number);
    res.kemajuan = unknown_value(Kind::percent);
    if (k.renstra_target) {
      Exact rt = Exact::from_double(*k.renstra_target);
      res.renstra_target = measure_value(rt, k.target_decimals, k.unit);
      if (real) res.kemajuan = percent(capaian(rt, *real, k.direction));
    }
    // A reference value prints as written; its difference to realisasi at the finer decimals
    // of the two (80,005 against 80 is "80,005" and "-0,005", never "80,0").
    auto compare = [&](const std::optional<double>& ref, int ref_decimals) {
      ComparisonCell c;
      c.reference = unknown_value(Kind::number);
      c.difference = unknown_value(Kind::number);
      if (!ref) return c;
      Exact e = Exact::from_double(*ref);
      c.reference = measure_value(e, ref_decimals, k.unit);
      if (real)
        c.difference = number_value(Kind::number, *real - e,
                                    std::max(ref_decimals, k.realisasi_decimals));
      return c;
    };
    res.kabupaten = compare(k.compare.kabupaten, k.compare.kabupaten_decimals);
    res.provinsi = compare(k.compare.provinsi, k.compare.provinsi_decimals);
    res.nasional = compare(k.compare.nasional, k.compare.nasional_decimals);
    out_.iku.push_back(std::move(res));
  }
}

void Builder::sasaran() {
  const report::Scale* scale = find_scale(r_, s_.predicate_scale);
  for (const report::Sasaran& sa : r_.sasaran) {
    SasaranResult res;
    res.sasaran = &sa;
    std::vector<Exact> values;
    int met = 0, exceeded = 0, not_met = 0, no_data = 0;
    for (size_t i = 0; i < out_.iku.size(); ++i) {
      if (r_.iku[i].sasaran != sa.id) continue;
      res.iku.push_back(i);
      const IkuResult& k = out_.iku[i];
      if (k.capaian_capped.known) values.push_back(k.capaian_capped.exact);
      met += k.attainment == Attainment::met;
      exceeded += k.attainment == Attainment::exceeded;
      not_met += k.attainment == Attainment::not_met;
      no_data += !k.realisasi.known;
    }
    res.capaian = percent(mean(values));
    res.predikat = predikat(scale, res.capaian);
    res.jumlah_iku = count(static_cast<int64_t>(res.iku.size()));
    res.tercapai = count(met);
    res.melampaui = count(exceeded);
    res.tidak_tercapai = count(not_met);
    res.tanpa_data = count(no_data);
    out_.sasaran.push_back(std::move(res));
  }
}

void Builder::overall() {
  Overall& o = out_.overall;
  std::vector<Exact> all, per;
  int met = 0, exceeded = 0, not_met = 0, no_data = 0;
  for (const IkuResult& k : out_.iku) {
    if (k.capaian_capped.known) all.push_back(k.capaian_capped.exact);
    met += k.attainment == Attainment::met;
    exceeded += k.attainment == Attainment::exceeded;
    not_met += k.attainment == Attainment::not_met;
    no_data += !k.realisasi.known;
  }
  for (const SasaranResult& sa : out_.sasaran) {
    if (sa.capaian.known) per.push_back(sa.capaian.exact);
  }
  o.rata_rata_iku = percent(mean(all));
  o.rata_rata_sasaran = percent(mean(per));
  bool per_sasaran = s_.average == report::Settings::Average::per_sasaran;
  o.rata_rata = per_sasaran ? o.rata_rata_sasaran : o.rata_rata_iku;
  o.average_name = average_name(s_.average);
  o.predikat = predikat(find_scale(r_, s_.predicate_scale), o.rata_rata);
  // Last year's average by the same rule, over the IKU with a capaian that year.
  std::vector<Exact> prev_all, prev_per;
  for (const SasaranResult& sa : out_.sasaran) {
    std::vector<Exact> values;
    for (size_t i : sa.iku)
      for (const HistoryRow& h : out_.iku[i].history)
        if (h.year == r_.year - 1 && h.capaian.known)
          values.push_back(capped(h.capaian.exact, s_.capaian_cap));
    prev_all.insert(prev_all.end(), values.begin(), values.end());
    if (std::optional<Exact> m = mean(values)) prev_per.push_back(*m);
  }
  o.rata_rata_prev = percent(mean(per_sasaran ? prev_per : prev_all));
  o.rata_rata_change = unknown_value(Kind::points);
  if (o.rata_rata_prev.known && o.rata_rata.known)
    o.rata_rata_change =
        number_value(Kind::points, o.rata_rata.exact - o.rata_rata_prev.exact, s_.decimals);
  o.jumlah_iku = count(static_cast<int64_t>(out_.iku.size()));
  o.jumlah_sasaran = count(static_cast<int64_t>(out_.sasaran.size()));
  o.tercapai = count(met);
  o.melampaui = count(exceeded);
  o.tidak_tercapai = count(not_met);
  o.tanpa_data = count(no_data);
}

/// Builds one node and its subtree; the node's budget is the children's sum when every child
/// has one (after their own roll-up), otherwise its own figure.
size_t Builder::activity(const report::Activity& a, int level, std::string number, size_t parent) {
  size_t index = out_.activities.size();
  out_.activities.emplace_back();
  {
    ActivityResult& res = out_.activities[index];
    res.activity = &a;
    res.level = level;
    res.number = number;
    res.parent = parent;
  }
  std::vector<std::optional<int64_t>> child_anggaran, child_realisasi;
  for (size_t i = 0; i < a.children.size(); ++i) {
    size_t c = activity(a.children[i], level + 1, number + "." + std::to_string(i + 1), index);
    const ActivityResult& child = out_.activities[c];
    child_anggaran.push_back(money_of(child.budget.anggaran));
    child_realisasi.push_back(money_of(child.budget.realisasi));
  }
  ActivityResult& res = out_.activities[index];
  std::vector<Exact> values;
  for (const report::Indicator& ind : a.indicators) {
    IndicatorResult ir;
    ir.indicator = &ind;
    Exact t = Exact::from_double(ind.target.value);
    ir.target = measure_value(t, ind.target.decimals, ind.target.unit, Kind::quantity);
    if (ind.realisasi) {
      Exact re = Exact::from_double(ind.realisasi->value);
      ir.realisasi =
          measure_value(re, ind.realisasi->decimals, ind.realisasi->unit, Kind::quantity);
      std::optional<Exact> c = capaian(t, re, ind.direction);
      ir.capaian = percent(c);
      if (c) values.push_back(capped(*c, s_.capaian_cap));
    } else {
      ir.realisasi = unknown_value(Kind::quantity);
      ir.capaian = unknown_value(Kind::percent);
    }
    ir.attainment = attainment(ir.capaian);
    res.indicators.push_back(std::move(ir));
  }
  res.capaian = percent(mean(values));
  std::optional<int64_t> anggaran = roll_up(child_anggaran, a.anggaran);
  std::optional<int64_t> realisasi = roll_up(child_realisasi, a.realisasi_anggaran);
  res.budget = budget(anggaran, realisasi, std::nullopt);  // share filled in budget_total()
  res.efisiensi = efficiency(res.capaian, res.budget.serapan);
  return index;
}

void Builder::activities() {
  for (size_t i = 0; i < r_.programs.size(); ++i) {
    activity(r_.programs[i], 0, std::to_string(i + 1), ActivityResult::npos);
  }
}

void Builder::budget_total() {
  std::vector<std::optional<int64_t>> anggaran, realisasi;
  for (const ActivityResult& a : out_.activities) {
    if (a.level != 0) continue;
    anggaran.push_back(money_of(a.budget.anggaran));
    realisasi.push_back(money_of(a.budget.realisasi));
  }
  // [budget] stands in only where the programs do not all carry the figure (or there are none).
  std::optional<int64_t> total = roll_up(anggaran, r_.budget.anggaran);
  std::optional<int64_t> real = roll_up(realisasi, r_.budget.realisasi);
  BudgetTotal& b = out_.budget;
  b.figures = budget(total, real, total);
  b.efisiensi = efficiency(out_.overall.rata_rata, b.figures.serapan);
  b.efficiency_formula = efficiency_formula(s_.efficiency);
  for (ActivityResult& a : out_.activities) {
    a.budget.share = percent(a.budget.anggaran.known && total
                                 ? ratio_percent(*money_of(a.budget.anggaran), *total)
                                 : std::nullopt);
  }
  for (IkuResult& k : out_.iku) {
    k.budget = budget(k.iku->anggaran, k.iku->realisasi_anggaran, total);
    k.efisiensi = efficiency(k.capaian_capped, k.budget.serapan);
  }
  // Per sasaran: the programs that support it.
  for (SasaranResult& sa : out_.sasaran) {
    std::vector<std::optional<int64_t>> sa_anggaran, sa_realisasi;
    for (const ActivityResult& a : out_.activities) {
      if (a.level != 0 || a.activity->supports != sa.sasaran->id) continue;
      sa_anggaran.push_back(money_of(a.budget.anggaran));
      sa_realisasi.push_back(money_of(a.budget.realisasi));
    }
    std::optional<int64_t> sum_a, sum_r;
    if (!sa_anggaran.empty()) {
      sum_a = roll_up(sa_anggaran, std::nullopt);
      sum_r = roll_up(sa_realisasi, std::nullopt);
    }
    sa.budget = budget(sum_a, sum_r, total);
    sa.efisiensi = efficiency(sa.capaian, sa.budget.serapan);
  }
}

void Builder::components() {
  for (const report::Components& c : r_.components) {
    ComponentsResult res;
    res.components = &c;
    std::vector<Exact> weights, totals;
    for (const report::ComponentItem& item : c.items) {
      ComponentRow row;
      row.item = &item;
      Exact w = Exact::from_double(item.weight), v = Exact::from_double(item.value);
      weights.push_back(w);
      row.weight = number_value(Kind::number, w, std::min(natural_decimals(w), s_.decimals));
      row.value = number_value(Kind::number, v, std::max(natural_decimals(v), s_.decimals));
      if (c.mode == report::Components::Mode::score) {
        row.capaian = percent(w.is_zero() ? std::nullopt : std::optional<Exact>(v / w * hundred()));
        row.weighted = unknown_value(Kind::number);
        totals.push_back(v);
      } else {
        Exact weighted = v * w / hundred();
        row.capaian = unknown_value(Kind::percent);
        row.weighted = number_value(Kind::number, weighted, s_.decimals);
        totals.push_back(weighted);
      }
      res.rows.push_back(std::move(row));
    }
    Exact wsum = sum(weights);
    res.weight_total =
        number_value(Kind::number, wsum, std::min(natural_decimals(wsum), s_.decimals));
    res.total = number_value(Kind::number, sum(totals), s_.decimals);
    out_.components.push_back(std::move(res));
  }
}

void Builder::surveys() {
  for (const report::Survey& sv : r_.surveys) {
    SurveyResult res;
    res.survey = &sv;
    const report::Scale* scale = sv.scale.empty() ? nullptr : find_scale(r_, sv.scale);
    std::vector<Exact> values;
    for (const report::SurveyItem& item : sv.items) {
      SurveyRow row;
      row.item = &item;
      Exact v = Exact::from_double(item.value);
      values.push_back(v);
      row.value = number_value(Kind::number, v, s_.decimals);
      row.keterangan = predikat(scale, row.value);
      res.rows.push_back(std::move(row));
    }
    std::optional<Exact> avg = mean(values);
    res.average = avg ? number_value(Kind::number, *avg, s_.decimals) : unknown_value(Kind::number);
    res.keterangan = predikat(scale, res.average);
    out_.surveys.push_back(std::move(res));
  }
}

void Builder::tables() {
  for (const report::FreeTable& t : r_.tables) {
    out_.tables.push_back(compute_table(t, s_));
  }
}

void Builder::refs() {
  auto& m = out_.refs;
  // A verdict in the default words at `at`, and in every [[wording]] at `at.<id>`.
  auto verdicts = [&](const std::string& at, Attainment a) {
    m[at] = verdict_value(a, s_.words);
    for (const report::Wording& w : r_.wordings) m[at + "." + w.id] = verdict_value(a, w);
  };
  // A count as a figure at `at` and with its words at `at_kata` ("6 (enam)").
  auto count_refs = [&](const std::string& at, const Value& n) {
    m[at] = n;
    m[at + "_kata"] = count_words_value(money_of(n).value_or(0));  // a count's integer
  };
  for (size_t i = 0; i < out_.iku.size(); ++i) {
    const IkuResult& k = out_.iku[i];
    std::string p = "iku." + k.iku->id + ".";
    // A change as a signed figure, its magnitude and in words.
    auto change = [&](const std::string& at, const Value& c) {
      m[at + "change"] = c;
      m[at + "change_abs"] = magnitude(c);
      m[at + "trend"] = signed_phrase(c, "meningkat", "menurun", "tetap");
    };
    m[p + "target"] = k.target;
    m[p + "realisasi"] = k.realisasi;
    m[p + "capaian"] = k.capaian;
    m[p + "capaian_capped"] = k.capaian_capped;
    m[p + "predikat"] = k.predikat;
    m[p + "renstra_target"] = k.renstra_target;
    m[p + "kemajuan"] = k.kemajuan;
    m[p + "prev"] = k.prev;
    change(p, k.change);
    m[p + "name"] = text(k.iku->name);
    m[p + "capaian_prev"] = k.history.size() >= 2 ? k.history[k.history.size() - 2].capaian
                                                  : unknown_value(Kind::percent);
    m[p + "capaian_change"] = k.capaian_change;
    m[p + "capaian_change_abs"] = magnitude(k.capaian_change);
    m[p + "capaian_trend"] = signed_phrase(k.capaian_change, "meningkat", "menurun", "tetap");
    verdicts(p + "status", attainment(k.capaian));
    verdicts(p + "status_renstra", attainment(k.kemajuan));
    m[p + "anggaran"] = k.budget.anggaran;
    m[p + "realisasi_anggaran"] = k.budget.realisasi;
    m[p + "serapan"] = k.budget.serapan;
    m[p + "sisa"] = k.budget.sisa;
    m[p + "efisiensi"] = k.efisiensi;
    // Every year of the history (the report year included): iku.<id>.<year>.<field>.
    for (const HistoryRow& h : k.history) {
      const std::string y = p + std::to_string(h.year) + ".";
      m[y + "target"] = h.target;
      m[y + "realisasi"] = h.realisasi;
      m[y + "capaian"] = h.capaian;
      change(y, h.change);
    }
    // This year's realisasi against the kabupaten, provinsi and nasional values.
    for (const auto& [name, cell] :
         {std::pair<const char*, const ComparisonCell&>{"kabupaten", k.kabupaten},
          {"provinsi", k.provinsi},
          {"nasional", k.nasional}}) {
      m[p + name] = cell.reference;
      m[p + "selisih_" + name] = cell.difference;
      m[p + "selisih_" + name + "_abs"] = magnitude(cell.difference);
      m[p + "terhadap_" + name] =
          signed_phrase(cell.difference, "lebih tinggi", "lebih rendah", "sama");
    }
  }
  for (const SasaranResult& sa : out_.sasaran) {
    std::string p = "sasaran." + sa.sasaran->id + ".";
    m[p + "capaian"] = sa.capaian;
    m[p + "predikat"] = sa.predikat;
    m[p + "name"] = text(sa.sasaran->name);
    verdicts(p + "status", attainment(sa.capaian));
    count_refs(p + "jumlah_iku", sa.jumlah_iku);
    count_refs(p + "tercapai", sa.tercapai);
    count_refs(p + "melampaui", sa.melampaui);
    count_refs(p + "tidak_tercapai", sa.tidak_tercapai);
  }
  const Overall& o = out_.overall;
  m["capaian.rata_rata"] = o.rata_rata;
  m["capaian.rata_rata_iku"] = o.rata_rata_iku;
  m["capaian.rata_rata_sasaran"] = o.rata_rata_sasaran;
  m["capaian.predikat"] = o.predikat;
  m["capaian.rata_rata_prev"] = o.rata_rata_prev;
  m["capaian.rata_rata_change"] = o.rata_rata_change;
  m["capaian.rata_rata_change_abs"] = magnitude(o.rata_rata_change);
  m["capaian.rata_rata_trend"] = signed_phrase(o.rata_rata_change, "meningkat", "menurun", "tetap");
  verdicts("capaian.status", attainment(o.rata_rata));
  count_refs("capaian.jumlah_iku", o.jumlah_iku);
  count_refs("capaian.jumlah_sasaran", o.jumlah_sasaran);
  count_refs("capaian.tercapai", o.tercapai);
  count_refs("capaian.melampaui", o.melampaui);
  count_refs("capaian.tidak_tercapai", o.tidak_tercapai);
  count_refs("capaian.tanpa_data", o.tanpa_data);
  const BudgetTotal& b = out_.budget;
  m["anggaran.total"] = b.figures.anggaran;
  m["anggaran.realisasi"] = b.figures.realisasi;
  m["anggaran.serapan"] = b.figures.serapan;
  m["anggaran.sisa"] = b.figures.sisa;
  m["anggaran.efisiensi"] = b.efisiensi;
  // Every node of the tree: ids are unique across the description, kegiatan included.
  for (const ActivityResult& a : out_.activities) {
    std::string p = "program." + a.activity->id + ".";
    m[p + "anggaran"] = a.budget.anggaran;
    m[p + "realisasi"] = a.budget.realisasi;
    m[p + "serapan"] = a.budget.serapan;
  }
  for (const TableResult& t : out_.tables) {
    count_refs("table." + t.table->id + ".jumlah_baris",
               count(static_cast<int64_t>(t.cells.size())));
    bool first = true;
    for (size_t c = 0; c < t.totals.size(); ++c) {
      if (t.table->columns[c].total == report::Column::Total::none) continue;
      std::string p = "table." + t.table->id + ".total";
      if (first) m[p] = t.totals[c];
      first = false;
      m[p + "." + std::to_string(c + 1)] = t.totals[c];
    }
    // Every number of the table by row and column (from 1): table.<id>.<row>.<column>; a ratio
    // cell also with its verdict (met at 100 %): table.<id>.<row>.<column>.status.
    for (size_t row = 0; row < t.cells.size(); ++row) {
      for (size_t c = 0; c < t.cells[row].size(); ++c) {
        const report::Column& col = t.table->columns[c];
        if (col.kind == report::Column::Kind::text || col.kind == report::Column::Kind::rownum)
          continue;
        const Value& cell = t.cells[row][c];
        if (cell.kind == Kind::text) continue;  // "-" or an empty cell: no figure
        const std::string at = "table." + t.table->id + "." + std::to_string(row + 1) + "." +
                               std::to_string(c + 1);
        m[at] = cell;
        if (col.computed()) verdicts(at + ".status", attainment(cell));
      }
    }
  }
  for (const ComponentsResult& c : out_.components) {
    m["components." + c.components->id + ".total"] = c.total;
  }
  for (const SurveyResult& sv : out_.surveys) {
    const std::string p = "survey." + sv.survey->id + ".";
    m[p + "average"] = sv.average;
    m[p + "keterangan"] = sv.keterangan;
    count_refs(p + "jumlah", count(static_cast<int64_t>(sv.rows.size())));
    // Items per band of its scale: survey.<id>.jumlah.<label key>, zero for an empty band.
    if (const report::Scale* scale =
            sv.survey->scale.empty() ? nullptr : find_scale(r_, sv.survey->scale)) {
      for (const report::Band& band : scale->bands) {
        int64_t n = 0;
        for (const SurveyRow& row : sv.rows)
          n += row.keterangan.known && row.keterangan.text == band.label;
        count_refs(p + "jumlah." + label_key(band.label), count(n));
      }
    }
  }
  m["report.unit"] = text(r_.unit);
  m["report.region"] = text(r_.region);
  m["report.year"] = text(std::to_string(r_.year));
  m["report.place"] = text(r_.place);
  m["report.date"] = text(format_date(r_.date));
}

ComputedTables Builder::build() {
  out_.report = &r_;
  iku();
  sasaran();
  overall();
  activities();
  budget_total();
  components();
  surveys();
  tables();
  refs();
  return std::move(out_);
}

}  // namespace

const Value* ComputedTables::find(const std::string& path) const {
  auto it = refs.find(path);
  return it == refs.end() ? nullptr : &it->second;
}

ComputedTables compute(const report::Report& report) { return Builder(report).build(); }

}  // namespace lkjip::compute
