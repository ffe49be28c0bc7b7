#include "compute/recap.h"

#include <gtest/gtest.h>

#include <vector>

#include "compute/formulas.h"

namespace lkjip::compute {
namespace {

using K = Value::Kind;

Value percent(int64_t hundredths) {
  return number_value(K::percent, Exact::decimal(hundredths, 2), 2);
}
Value count(int64_t n) { return number_value(K::integer, Exact::integer(n), 0); }
Value rupiah(int64_t r) { return money_value(r, report::Settings::Money::puebi); }

RecapRow row(Value capaian, Value anggaran, Value realisasi, int64_t melampaui, int64_t tercapai,
             int64_t tidak, int64_t tanpa_data) {
  RecapRow r;
  r.capaian = capaian;
  r.anggaran = anggaran;
  r.realisasi = realisasi;
  r.melampaui = count(melampaui);
  r.tercapai = count(tercapai);
  r.tidak_tercapai = count(tidak);
  r.tanpa_data = count(tanpa_data);
  r.jumlah_iku = count(melampaui + tercapai + tidak + tanpa_data);
  return r;
}

TEST(RecapTotals, SumsMoneyAndCountsAndAveragesTheKnownCapaian) {
  const std::vector<RecapRow> rows = {
      row(percent(9000), rupiah(1'000'000), rupiah(900'000), 1, 2, 0, 0),
      row(percent(8001), rupiah(3'000'000), rupiah(2'400'000), 0, 1, 1, 2),
      row(unknown_value(K::percent), rupiah(500), unknown_value(K::money), 0, 0, 0, 3)};
  const RecapTotals t = recap_totals(rows);
  EXPECT_EQ(t.anggaran.exact, Exact::integer(4'000'500));
  EXPECT_EQ(t.realisasi.exact, Exact::integer(3'300'000));
  // Serapan over the two units that give both figures: 3,300,000 / 4,000,000.
  EXPECT_EQ(t.serapan_units, 2u);
  EXPECT_EQ(t.serapan.text, "82,50%");
  // The mean of 90.00 and 80.01, the unknown capaian left out; two decimals.
  EXPECT_EQ(t.capaian.exact, Exact::decimal(85005, 3));
  EXPECT_EQ(t.capaian.text, "85,01%");
  EXPECT_EQ(t.melampaui.exact, Exact::integer(1));
  EXPECT_EQ(t.tercapai.exact, Exact::integer(3));
  EXPECT_EQ(t.tidak_tercapai.exact, Exact::integer(1));
  EXPECT_EQ(t.tanpa_data.exact, Exact::integer(5));
  EXPECT_EQ(t.jumlah_iku.exact, Exact::integer(10));
}

TEST(RecapTotals, FiguresNoUnitGivesAreUnknown) {
  const std::vector<RecapRow> rows = {
      row(unknown_value(K::percent), unknown_value(K::money), rupiah(7), 0, 0, 0, 1)};
  const RecapTotals t = recap_totals(rows);
  EXPECT_FALSE(t.anggaran.known);
  EXPECT_TRUE(t.realisasi.known);
  EXPECT_FALSE(t.serapan.known);
  EXPECT_EQ(t.serapan_units, 0u);
  EXPECT_FALSE(t.capaian.known);
  EXPECT_EQ(t.tanpa_data.exact, Exact::integer(1));
}

TEST(RecapRow, CopiesTheUnitsComputedFigures) {
  ComputedTables c;
  c.overall.rata_rata = percent(9512);
  c.overall.average_name = "Rata-rata capaian IKU";
  c.overall.jumlah_iku = count(4);
  c.overall.tanpa_data = count(1);
  c.budget.figures.anggaran = rupiah(10);
  c.budget.figures.serapan = percent(5000);
  const RecapRow r = recap_row("Kecamatan Megaluh", "megaluh.toml", c);
  EXPECT_EQ(r.unit, "Kecamatan Megaluh");
  EXPECT_EQ(r.source, "megaluh.toml");
  EXPECT_EQ(r.capaian.text, c.overall.rata_rata.text);
  EXPECT_EQ(r.average_name, "Rata-rata capaian IKU");
  EXPECT_EQ(r.jumlah_iku.exact, Exact::integer(4));
  EXPECT_EQ(r.tanpa_data.exact, Exact::integer(1));
  EXPECT_EQ(r.anggaran.exact, Exact::integer(10));
  EXPECT_EQ(r.serapan.text, c.budget.figures.serapan.text);
}

}  // namespace
}  // namespace lkjip::compute
