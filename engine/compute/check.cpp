#include "compute/check.h"

#include "compute/format.h"
#include "compute/formulas.h"

namespace lkjip::compute {

namespace {

class Checker {
 public:
  explicit Checker(const report::Report& r) : r_(r) {}

  /// Every stated number under `key` against `computed`, rounded to its printed decimals.
  void numbers(const report::StatedValues& sv, const std::string& key, const Value& computed,
               const std::string& what) {
    auto it = sv.numbers.find(key);
    if (it == sv.numbers.end()) return;
    for (const report::Stated& st : it->second) {
      Exact stated = Exact::from_double(st.value);
      if (computed.known &&
          stated.rounded(computed.decimals) == computed.exact.rounded(computed.decimals)) {
        continue;
      }
      out.push_back({st.loc, what, print_like(stated, computed), computed.text});
    }
  }

  /// Stated labels (predikat) against the computed label.
  void texts(const report::StatedValues& sv, const std::string& key, const Value& computed,
             const std::string& what) {
    auto it = sv.texts.find(key);
    if (it == sv.texts.end()) return;
    for (const auto& [text, loc] : it->second) {
      if (computed.known && text == computed.text) continue;
      out.push_back({loc, what, text, computed.text});
    }
  }

  /// An input budget figure that the roll-up replaced by its children's different sum.
  void rolled(const std::optional<int64_t>& own, const Value& used, const SourceLoc& loc,
              const std::string& what) {
    if (!own || !used.known || money_of(used) == own) return;
    out.push_back({loc, what, money_value(*own, r_.settings.money).text, used.text});
  }

  /// Components that make up an IKU's realisasi (`realisasi_of`) against that realisasi, both
  /// rounded to the decimals the realisasi is printed with (AKIP components 80,74 vs 60,61).
  void adds_up(const ComponentsResult& cr, const std::vector<IkuResult>& iku) {
    const report::Components& comp = *cr.components;
    if (comp.realisasi_of.empty() || !cr.total.known) return;
    for (const IkuResult& k : iku) {
      if (k.iku->id != comp.realisasi_of || !k.realisasi.known) continue;
      const int d = k.realisasi.decimals;
      if (cr.total.exact.rounded(d) == k.realisasi.exact.rounded(d)) return;
      out.push_back({comp.realisasi_of_loc,
                     "components `" + comp.id + "` do not add up to the realisasi of IKU `" +
                         k.iku->id + "` they make up",
                     print_like(cr.total.exact, k.realisasi), k.realisasi.text, "their total is",
                     "the realisasi is"});
      return;
    }
  }

  std::vector<Disagreement> out;

 private:
  const report::Report& r_;

  std::string print_like(const Exact& stated, const Value& computed) const {
    switch (computed.kind) {
      case Value::Kind::money: {
        Value rounded = number_value(Value::Kind::number, stated, 0);
        return money_value(*money_of(rounded), r_.settings.money).text;
      }
      case Value::Kind::percent:
        return format_percent(stated, computed.decimals);
      case Value::Kind::quantity:
        return format_quantity(stated, computed.decimals, computed.unit);
      default:
        if (computed.unit == "%") return format_percent(stated, computed.decimals);
        return format_number(stated, computed.known ? computed.decimals : r_.settings.decimals);
    }
  }
};

const char* level_name(int level) {
  return level == 0 ? "program" : level == 1 ? "kegiatan" : "sub-kegiatan";
}

}  // namespace

std::vector<Disagreement> check_stated(const report::Report& report, const ComputedTables& t) {
  Checker c(report);
  for (const IkuResult& k : t.iku) {
    const report::StatedValues& sv = k.iku->stated;
    std::string of = " of IKU `" + k.iku->id + "`";
    c.numbers(sv, "capaian", k.capaian, "capaian" + of);
    c.numbers(sv, "target", k.target, "target" + of);
    c.numbers(sv, "realisasi", k.realisasi, "realisasi" + of);
    c.texts(sv, "predikat", k.predikat, "predikat" + of);
    c.numbers(sv, "renstra_target", k.renstra_target, "renstra_target" + of);
    c.numbers(sv, "kemajuan", k.kemajuan, "kemajuan (progress to the Renstra target)" + of);
    c.numbers(sv, "change", k.change, "change of realisasi against last year" + of);
    for (const auto& [name, cell] :
         {std::pair<const char*, const ComparisonCell&>{"kabupaten", k.kabupaten},
          {"provinsi", k.provinsi},
          {"nasional", k.nasional}}) {
      c.numbers(sv, name, cell.reference, std::string(name) + " reference value" + of);
      c.numbers(sv, std::string("selisih_") + name, cell.difference,
                std::string("difference against ") + name + of);
    }
    for (const report::HistoryPoint& h : k.iku->history) {
      for (const HistoryRow& row : k.history) {
        if (row.year != h.year) continue;
        const std::string in = " in " + std::to_string(h.year) + of;
        c.numbers(h.stated, "target", row.target, "target" + in);
        c.numbers(h.stated, "realisasi", row.realisasi, "realisasi" + in);
        c.numbers(h.stated, "capaian", row.capaian, "capaian" + in);
        c.numbers(h.stated, "change", row.change,
                  "change of realisasi against the year before" + in);
      }
    }
  }
  for (const ActivityResult& a : t.activities) {
    std::string of = std::string(" of ") + level_name(a.level) + " `" + a.activity->id + "`";
    for (size_t i = 0; i < a.indicators.size(); ++i) {
      const IndicatorResult& ind = a.indicators[i];
      std::string iof = " of indicator " + std::to_string(i + 1) + of;
      c.numbers(ind.indicator->stated, "capaian", ind.capaian, "capaian" + iof);
      c.numbers(ind.indicator->stated, "target", ind.target, "target" + iof);
      c.numbers(ind.indicator->stated, "realisasi", ind.realisasi, "realisasi" + iof);
    }
    c.rolled(a.activity->anggaran, a.budget.anggaran, a.activity->loc,
             "anggaran" + of + " (its own figure vs the sum of its children)");
    c.rolled(a.activity->realisasi_anggaran, a.budget.realisasi, a.activity->loc,
             "realisasi_anggaran" + of + " (its own figure vs the sum of its children)");
  }
  const report::StatedValues& os = report.settings.stated;
  c.numbers(os, "rata_rata", t.overall.rata_rata,
            "overall average (" + t.overall.average_name + ")");
  c.numbers(os, "rata_rata_iku", t.overall.rata_rata_iku, "mean capaian of all IKU");
  c.numbers(os, "rata_rata_sasaran", t.overall.rata_rata_sasaran, "mean of the sasaran means");
  c.texts(os, "predikat", t.overall.predikat, "overall predikat");
  const report::StatedValues& bs = report.budget.stated;
  c.numbers(bs, "anggaran", t.budget.figures.anggaran, "total anggaran");
  c.numbers(bs, "realisasi", t.budget.figures.realisasi, "total realisasi anggaran");
  c.numbers(bs, "serapan", t.budget.figures.serapan, "serapan anggaran");
  c.numbers(bs, "sisa", t.budget.figures.sisa, "sisa anggaran");
  c.rolled(report.budget.anggaran, t.budget.figures.anggaran, report.budget.loc,
           "[budget].anggaran (vs the sum of the programs' anggaran)");
  c.rolled(report.budget.realisasi, t.budget.figures.realisasi, report.budget.loc,
           "[budget].realisasi (vs the sum of the programs' realisasi_anggaran)");
  for (const ComponentsResult& cr : t.components) {
    c.numbers(cr.components->stated, "total", cr.total,
              "total of components `" + cr.components->id + "`");
    c.adds_up(cr, t.iku);
  }
  for (const SurveyResult& sr : t.surveys) {
    c.numbers(sr.survey->stated, "average", sr.average,
              "average of survey `" + sr.survey->id + "`");
  }
  for (const TableResult& tr : t.tables) {
    // A ratio column's stated values: one per row, in row order.
    for (size_t col = 0; col < tr.table->columns.size(); ++col) {
      const report::Column& column = tr.table->columns[col];
      for (size_t row = 0; row < column.stated.size() && row < tr.cells.size(); ++row) {
        report::StatedValues one;
        one.numbers["cell"] = {column.stated[row]};
        c.numbers(one, "cell", tr.cells[row].at(col),
                  "row " + std::to_string(row + 1) + ", column " + std::to_string(col + 1) + " (" +
                      column.title + ") of table `" + tr.table->id + "`");
      }
    }
    // stated.total holds one value per totalled column, in column order.
    auto it = tr.table->stated.numbers.find("total");
    if (it == tr.table->stated.numbers.end()) continue;
    size_t next = 0;
    for (size_t col = 0; col < tr.totals.size() && next < it->second.size(); ++col) {
      if (tr.table->columns[col].total == report::Column::Total::none) continue;
      report::StatedValues one;
      one.numbers["total"] = {it->second[next++]};
      c.numbers(one, "total", tr.totals[col],
                "total of column " + std::to_string(col + 1) + " (" + tr.table->columns[col].title +
                    ") of table `" + tr.table->id + "`");
    }
  }
  return c.out;
}

}  // namespace lkjip::compute
