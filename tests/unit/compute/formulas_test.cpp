#include "compute/formulas.h"

#include <gtest/gtest.h>

#include <limits>

#include "compute/format.h"
#include "example_report.h"

namespace lkjip::compute {
namespace {

using report::Direction;
Exact x(double v) { return Exact::from_double(v); }
std::string pct(const std::optional<Exact>& v) { return v ? format_percent(*v, 2) : "none"; }

TEST(Capaian, HigherIsBetter) {
  EXPECT_EQ(pct(capaian(x(70.20), x(60.61), Direction::higher)), "86,34%");
  EXPECT_EQ(pct(capaian(x(82), x(97.49), Direction::higher)), "118,89%");
  EXPECT_EQ(pct(capaian(x(3.40), x(3.44), Direction::higher)), "101,18%");
}

TEST(Capaian, LowerIsBetterBelowAndAboveTarget) {
  // (2·target − realisasi) / target × 100
  EXPECT_EQ(pct(capaian(x(10), x(8), Direction::lower)), "120,00%");  // better than target
  EXPECT_EQ(pct(capaian(x(10), x(12), Direction::lower)), "80,00%");  // worse than target
  EXPECT_EQ(pct(capaian(x(10), x(10), Direction::lower)), "100,00%");
  EXPECT_EQ(pct(capaian(x(10), x(25), Direction::lower)), "−50,00%");  // raw may go negative
}

TEST(Capaian, ZeroTargetHigherIsBetterHasNoCapaian) {
  EXPECT_FALSE(capaian(Exact(), x(5), Direction::higher));
  EXPECT_FALSE(capaian(Exact(), Exact(), Direction::higher));
}

TEST(Capaian, ZeroTargetLowerIsBetterIsMetOrMissedOutright) {
  // Zero tolerance ("temuan berulang 0"): none is 100 %, a single case is 0 %.
  EXPECT_EQ(pct(capaian(Exact(), Exact(), Direction::lower)), "100,00%");
  EXPECT_EQ(pct(capaian(Exact(), x(1), Direction::lower)), "0,00%");
  EXPECT_EQ(pct(capaian(Exact(), x(0.01), Direction::lower)), "0,00%");
}

TEST(Capped, CapOnOffAndFloorAtZero) {
  Exact raw = *capaian(x(82), x(97.49), Direction::higher);
  EXPECT_EQ(capped(raw, 100), Exact::integer(100));
  EXPECT_EQ(capped(raw, 110), Exact::integer(110));
  EXPECT_EQ(capped(raw, 0), raw);  // 0 = no cap
  EXPECT_EQ(capped(x(86.5), 100), x(86.5));
  EXPECT_EQ(capped(x(-50), 100), Exact());
  EXPECT_EQ(capped(x(-50), 0), Exact());
}

TEST(Attainment, ComparesThePrintedCapaianWith100) {
  auto at = [](double v) { return attainment(number_value(Value::Kind::percent, x(v), 2)); };
  EXPECT_EQ(at(100), Attainment::met);
  EXPECT_EQ(at(99.995), Attainment::met);   // prints 100,00
  EXPECT_EQ(at(100.004), Attainment::met);  // prints 100,00
  EXPECT_EQ(at(100.005), Attainment::exceeded);
  EXPECT_EQ(at(99.994), Attainment::not_met);
  EXPECT_EQ(attainment(unknown_value(Value::Kind::percent)), Attainment::unknown);
}

TEST(Mean, SimpleMeanAndEmpty) {
  EXPECT_FALSE(mean({}));
  EXPECT_EQ(*mean({x(1), x(2), x(4)}), Exact::integer(7) / Exact::integer(3));
  EXPECT_EQ(sum({}), Exact());
}

TEST(ChangePercent, FromPreviousYear) {
  EXPECT_EQ(pct(change_percent(x(70.02), x(71.70))), "2,40%");
  EXPECT_EQ(pct(change_percent(x(71.70), x(60.61))), "−15,47%");
  EXPECT_FALSE(change_percent(Exact(), x(5)));
}

TEST(RatioPercent, SerapanAndShare) {
  // 2.693.554.556 / 3.023.722.086 × 100 = 89,0807…
  EXPECT_EQ(pct(ratio_percent(2693554556, 3023722086)), "89,08%");
  EXPECT_EQ(pct(ratio_percent(0, 5)), "0,00%");
  EXPECT_FALSE(ratio_percent(5, 0));
  EXPECT_FALSE(ratio_percent(5, -1));
}

TEST(Efficiency, DifferenceAndRatio) {
  using E = report::Settings::Efficiency;
  EXPECT_EQ(*efficiency_value(E::difference, x(101.07), x(89.08)), x(11.99));
  EXPECT_EQ(*efficiency_value(E::difference, x(80), x(90)), x(-10));
  EXPECT_EQ(*efficiency_value(E::ratio, x(90), x(80)), x(1.125));
  EXPECT_FALSE(efficiency_value(E::ratio, x(90), Exact()));
  EXPECT_NE(efficiency_formula(E::difference).find("\u2212"), std::string::npos);
  EXPECT_NE(efficiency_formula(E::ratio).find("\u00f7"), std::string::npos);
}

TEST(RollUp, ChildrenSumOnlyWhenAllKnown) {
  EXPECT_EQ(roll_up({1, 2, 3}, 10), 6);
  EXPECT_EQ(roll_up({1, std::nullopt, 3}, 10), 10);
  EXPECT_EQ(roll_up({1, std::nullopt}, std::nullopt), std::nullopt);
  EXPECT_EQ(roll_up({}, 10), 10);
  EXPECT_EQ(roll_up({}, std::nullopt), std::nullopt);
  int64_t big = std::numeric_limits<int64_t>::max();
  EXPECT_EQ(roll_up({big, 1}, 7), 7);  // the sum would overflow: keep the own figure
}

TEST(FindBand, HalfOpenBands) {
  report::Scale s = testing::capaian_scale();
  auto label = [&](double v) {
    const report::Band* b = find_band(s, x(v));
    return b ? b->label : std::string("none");
  };
  EXPECT_EQ(label(100), "Sangat Baik");
  EXPECT_EQ(label(90.01), "Sangat Baik");
  EXPECT_EQ(label(90), "Baik");  // (75, 90]
  EXPECT_EQ(label(75), "Cukup");
  EXPECT_EQ(label(50.01), "Kurang");
  EXPECT_EQ(label(50), "Sangat Kurang");
  EXPECT_EQ(label(-3), "Sangat Kurang");
  report::Scale gap;
  gap.bands = {{50.0, std::nullopt, "Atas"}, {std::nullopt, 40.0, "Bawah"}};
  EXPECT_EQ(find_band(gap, x(45)), nullptr);
}

TEST(FindScale, ById) {
  report::Report r = testing::megaluh();
  ASSERT_NE(find_scale(r, "ikm"), nullptr);
  EXPECT_EQ(find_scale(r, "ikm")->id, "ikm");
  EXPECT_EQ(find_scale(r, "nope"), nullptr);
}

TEST(NaturalDecimals, DecimalsAsWritten) {
  EXPECT_EQ(natural_decimals(x(30)), 0);
  EXPECT_EQ(natural_decimals(x(2.8)), 1);
  EXPECT_EQ(natural_decimals(x(2.94)), 2);
  EXPECT_EQ(natural_decimals(Exact::integer(1) / Exact::integer(3)), 6);
}

TEST(Values, UnknownAndMeasures) {
  Value u = unknown_value(Value::Kind::money);
  EXPECT_FALSE(u.known);
  EXPECT_EQ(u.text, kUnknownText);
  EXPECT_FALSE(money_of(u));
  Value m = money_value(-330167530, report::Settings::Money::puebi);
  EXPECT_EQ(money_of(m), -330167530);
  EXPECT_EQ(m.text, "−Rp330.167.530");
  EXPECT_EQ(measure_value(x(85), 2, "%").text, "85,00%");
  EXPECT_EQ(measure_value(x(70.2), 2, "nilai").text, "70,20");  // word units are not printed
  EXPECT_EQ(measure_value(x(3), 0, "dokumen", Value::Kind::quantity).text, "3 dokumen");
  EXPECT_EQ(number_value(Value::Kind::percent, x(86.339), 2).text, "86,34%");
}

TEST(ComputeTable, PopulationTotal) {
  // 3.025 + 3.265 = 6.290; + 2.887 = 9.177; + 3.235 = 12.412; + 4.418 = 16.830;
  // + 3.179 = 20.009; + 3.963 = 23.972; + 3.903 = 27.875; + 2.153 = 30.028; + 1.442 = 31.470;
  // + 3.112 = 34.582; + 2.622 = 37.204; + 2.521 = 39.725 — the seed's TOTAL is right.
  report::Report r = testing::megaluh();
  TableResult t = compute_table(r.tables[0], r.settings);
  ASSERT_EQ(t.cells.size(), 13u);
  EXPECT_EQ(t.cells[0][0].text, "1");
  EXPECT_EQ(t.cells[12][0].text, "13");
  EXPECT_EQ(t.cells[0][1].text, "Turi Pinggir");
  EXPECT_EQ(t.cells[0][1].kind, Value::Kind::text);
  EXPECT_EQ(t.cells[4][2].text, "4.418");
  ASSERT_EQ(t.totals.size(), 3u);
  EXPECT_EQ(t.totals[2].text, "39.725");
  EXPECT_EQ(t.totals[2].exact, Exact::integer(39725));
  EXPECT_EQ(t.totals[0].text, "");
}

TEST(ComputeTable, AveragesMoneyAndPercentColumns) {
  report::FreeTable t;
  t.id = "t";
  using K = report::Column::Kind;
  using T = report::Column::Total;
  t.columns = {{"Jumlah", K::integer, T::average},
               {"Anggaran", K::money, T::sum},
               {"Persen", K::percent, T::average},
               {"Nilai", K::number, T::sum}};
  auto num = [](double v) { return report::Cell{"", v, true}; };
  t.rows = {{num(1), num(1500000000), num(80), num(2.94)},
            {num(2), num(2000000000), num(91), num(2.8)}};
  TableResult res = compute_table(t, report::Settings{});
  EXPECT_EQ(res.cells[0][1].text, "Rp1.500.000.000");
  EXPECT_EQ(res.cells[1][3].text, "2,80");  // the column's decimals: 2,94 needs two
  EXPECT_EQ(res.totals[0].text, "1,50");    // the mean of 1 and 2 is not an integer
  EXPECT_EQ(res.totals[1].text, "Rp3.500.000.000");
  EXPECT_EQ(res.totals[2].text, "85,50%");
  EXPECT_EQ(res.totals[3].text, "5,74");
}

}  // namespace
}  // namespace lkjip::compute
