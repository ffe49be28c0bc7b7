#include "compute/recap.h"

#include <utility>

#include "compute/formulas.h"

namespace lkjip::compute {
namespace {

/// Kabupaten figures (totals) are printed with two decimals, the usual LKjIP setting.
constexpr int kTotalDecimals = 2;

/// Whole rupiah of a money figure (money is integer rupiah, at most 10^15: fits).
int64_t rupiah(const Exact& e) { return std::stoll(e.rounded(0).to_string()); }

}  // namespace

RecapRow recap_row(std::string unit, std::string source, const ComputedTables& computed) {
  RecapRow row;
  row.unit = std::move(unit);
  row.source = std::move(source);
  row.capaian = computed.overall.rata_rata;
  row.average_name = computed.overall.average_name;
  row.predikat = computed.overall.predikat;
  row.jumlah_iku = computed.overall.jumlah_iku;
  row.melampaui = computed.overall.melampaui;
  row.tercapai = computed.overall.tercapai;
  row.tidak_tercapai = computed.overall.tidak_tercapai;
  row.tanpa_data = computed.overall.tanpa_data;
  row.anggaran = computed.budget.figures.anggaran;
  row.realisasi = computed.budget.figures.realisasi;
  row.serapan = computed.budget.figures.serapan;
  return row;
}

RecapTotals recap_totals(const std::vector<RecapRow>& rows) {
  RecapTotals t;
  Exact anggaran, realisasi, both_anggaran, both_realisasi, capaian;
  size_t with_anggaran = 0, with_realisasi = 0, with_capaian = 0;
  Exact counts[5];
  for (const RecapRow& r : rows) {
    if (r.anggaran.known) {
      anggaran = anggaran + r.anggaran.exact;
      ++with_anggaran;
    }
    if (r.realisasi.known) {
      realisasi = realisasi + r.realisasi.exact;
      ++with_realisasi;
    }
    if (r.anggaran.known && r.realisasi.known) {
      both_anggaran = both_anggaran + r.anggaran.exact;
      both_realisasi = both_realisasi + r.realisasi.exact;
      ++t.serapan_units;
    }
    if (r.capaian.known) {
      capaian = capaian + r.capaian.exact;
      ++with_capaian;
    }
    const Value* c[5] = {&r.jumlah_iku, &r.melampaui, &r.tercapai, &r.tidak_tercapai,
                         &r.tanpa_data};
    for (int i = 0; i < 5; ++i)
      if (c[i]->known) counts[i] = counts[i] + c[i]->exact;
  }
  const auto money = [](const Exact& sum) {
    return money_value(rupiah(sum), report::Settings::Money::puebi);
  };
  const auto percent = [](const Exact& v) {
    return number_value(Value::Kind::percent, v, kTotalDecimals);
  };
  const auto count = [](const Exact& v) { return number_value(Value::Kind::integer, v, 0); };
  const auto unknown = unknown_value;
  t.anggaran = with_anggaran ? money(anggaran) : unknown(Value::Kind::money);
  t.realisasi = with_realisasi ? money(realisasi) : unknown(Value::Kind::money);
  t.serapan = t.serapan_units && !both_anggaran.is_zero()
                  ? percent(both_realisasi / both_anggaran * Exact::integer(100))
                  : unknown(Value::Kind::percent);
  t.capaian = with_capaian ? percent(capaian / Exact::integer(static_cast<int64_t>(with_capaian)))
                           : unknown(Value::Kind::percent);
  t.jumlah_iku = count(counts[0]);
  t.melampaui = count(counts[1]);
  t.tercapai = count(counts[2]);
  t.tidak_tercapai = count(counts[3]);
  t.tanpa_data = count(counts[4]);
  return t;
}

}  // namespace lkjip::compute
