// The example report recomputed: each expectation is worked by hand in its comment, next to
// the figure the signed report printed.
#include "compute/computed.h"

#include <gtest/gtest.h>

#include "base/numerals.h"
#include "compute/check.h"
#include "compute/formulas.h"
#include "example_report.h"

namespace lkjip::compute {
namespace {

using testing::megaluh;

const IkuResult& iku(const ComputedTables& t, const std::string& id) {
  for (const IkuResult& k : t.iku) {
    if (k.iku->id == id) return k;
  }
  throw std::runtime_error("no IKU " + id);
}

const ActivityResult& activity(const ComputedTables& t, const std::string& id) {
  for (const ActivityResult& a : t.activities) {
    if (a.activity->id == id) return a;
  }
  throw std::runtime_error("no activity " + id);
}

std::string ref(const ComputedTables& t, const std::string& path) {
  const Value* v = t.find(path);
  return v ? v->text : "<missing " + path + ">";
}

TEST(ExampleReport, IkuCapaian) {
  report::Report r = megaluh();
  ComputedTables t = compute(r);
  // AKIP: 60,61 / 70,20 × 100 = 86,339… → 86,34% (the report printed 87,48%).
  EXPECT_EQ(iku(t, "akip").capaian.text, "86,34%");
  EXPECT_EQ(iku(t, "akip").target.text, "70,20");
  EXPECT_EQ(iku(t, "akip").realisasi.text, "60,61");
  EXPECT_EQ(iku(t, "akip").predikat.text, "Baik");  // (75, 90]
  EXPECT_EQ(iku(t, "akip").attainment, Attainment::not_met);
  // IKM: 97,49 / 82 × 100 = 118,890… → 118,89% (printed 117,07%).
  EXPECT_EQ(iku(t, "ikm").capaian.text, "118,89%");
  EXPECT_EQ(iku(t, "ikm").target.text, "82");
  EXPECT_EQ(iku(t, "ikm").attainment, Attainment::exceeded);
  // No cap configured: the capped value only floors at 0.
  EXPECT_EQ(iku(t, "ikm").capaian_capped.text, "118,89%");
  // IPP: 3,44 / 3,40 × 100 = 101,176… → 101,18% (printed 101,18%, the one that agrees).
  EXPECT_EQ(iku(t, "ipp").capaian.text, "101,18%");
  EXPECT_EQ(iku(t, "trantib").capaian.text, "100,00%");
  EXPECT_EQ(iku(t, "trantib").attainment, Attainment::met);
}

TEST(ExampleReport, AveragesUncapped) {
  report::Report r = megaluh();
  ComputedTables t = compute(r);
  // all_iku: (86,339 + 118,890 + 101,176 + 3 × 100) / 6 = 606,406 / 6 = 101,068 → 101,07%
  // (the report printed 106,91%).
  EXPECT_EQ(t.overall.rata_rata_iku.text, "101,07%");
  // s2: (118,890 + 101,176 + 300) / 5 = 104,013 → 104,01%; s1 = 86,34%.
  EXPECT_EQ(t.sasaran[0].capaian.text, "86,34%");
  EXPECT_EQ(t.sasaran[1].capaian.text, "104,01%");
  // per_sasaran: (86,339 + 104,013) / 2 = 95,176 → 95,18%: differs from all_iku because s1
  // has one IKU and s2 five.
  EXPECT_EQ(t.overall.rata_rata_sasaran.text, "95,18%");
  EXPECT_EQ(t.overall.rata_rata.text, "95,18%");  // per_sasaran is the default
  EXPECT_EQ(t.overall.average_name, "Rata-rata capaian sasaran strategis");
  EXPECT_EQ(t.overall.predikat.text, "Sangat Baik");
  EXPECT_EQ(t.overall.jumlah_iku.text, "6");
  EXPECT_EQ(t.overall.jumlah_sasaran.text, "2");
  EXPECT_EQ(t.overall.tercapai.text, "3");        // trantib, apbdes, raperdes
  EXPECT_EQ(t.overall.melampaui.text, "2");       // ikm, ipp
  EXPECT_EQ(t.overall.tidak_tercapai.text, "1");  // akip
  EXPECT_EQ(t.sasaran[1].melampaui.text, "2");
  EXPECT_EQ(t.sasaran[1].tercapai.text, "3");
  EXPECT_EQ(t.sasaran[0].tidak_tercapai.text, "1");

  r.settings.average = report::Settings::Average::all_iku;
  ComputedTables u = compute(r);
  EXPECT_EQ(u.overall.rata_rata.text, "101,07%");
  EXPECT_EQ(u.overall.average_name, "Rata-rata capaian seluruh indikator kinerja utama");
}

TEST(ExampleReport, AveragesCappedAt100) {
  report::Report r = megaluh();
  r.settings.capaian_cap = 100;
  ComputedTables t = compute(r);
  EXPECT_EQ(iku(t, "ikm").capaian.text, "118,89%");  // raw stays
  EXPECT_EQ(iku(t, "ikm").capaian_capped.text, "100,00%");
  // all_iku: (86,339 + 5 × 100) / 6 = 97,723 → 97,72%; per_sasaran: (86,339 + 100) / 2 = 93,17%.
  EXPECT_EQ(t.overall.rata_rata_iku.text, "97,72%");
  EXPECT_EQ(t.overall.rata_rata_sasaran.text, "93,17%");
  EXPECT_EQ(t.sasaran[1].capaian.text, "100,00%");
}

TEST(ExampleReport, LowerIsBetterIkuFloorsAtZeroInAverages) {
  report::Report r = megaluh();
  r.iku[1].direction = report::Direction::lower;
  r.iku[1].realisasi = 200;  // (2 × 82 − 200) / 82 × 100 = −43,90%
  ComputedTables t = compute(r);
  EXPECT_EQ(iku(t, "ikm").capaian.text, "−43,90%");
  EXPECT_EQ(iku(t, "ikm").capaian_capped.text, "0,00%");
  EXPECT_EQ(iku(t, "ikm").predikat.text, "Sangat Kurang");
  // s2: (0 + 101,176 + 300) / 5 = 80,235 → 80,24%
  EXPECT_EQ(t.sasaran[1].capaian.text, "80,24%");
}

TEST(ExampleReport, HistoryRenstraAndComparison) {
  report::Report r = megaluh();
  ComputedTables t = compute(r);
  const IkuResult& akip = iku(t, "akip");
  ASSERT_EQ(akip.history.size(), 3u);
  EXPECT_EQ(akip.history[0].year, 2022);
  EXPECT_FALSE(akip.history[0].target.known);
  EXPECT_EQ(akip.history[0].target.text, "t.a.d.");
  EXPECT_FALSE(akip.history[0].change.known);
  // 2023: 71,70 − 70,02 = 1,68; 1,68 / 70,02 × 100 = 2,399… → 2,40%; capaian 71,70/70 = 102,43%.
  EXPECT_EQ(akip.history[1].change.text, "1,68");
  EXPECT_EQ(akip.history[1].change_pct.text, "2,40%");
  EXPECT_EQ(akip.history[1].capaian.text, "102,43%");
  // 2024: 60,61 − 71,70 = −11,09; −11,09 / 71,70 × 100 = −15,467… → −15,47%.
  EXPECT_EQ(akip.history[2].year, 2024);
  EXPECT_EQ(akip.prev.text, "71,70");
  EXPECT_EQ(akip.change.text, "−11,09");
  EXPECT_EQ(akip.change_pct.text, "−15,47%");
  // Renstra: 60,61 / 72,00 × 100 = 84,180… → 84,18%.
  EXPECT_EQ(akip.renstra_target.text, "72,00");
  EXPECT_EQ(akip.kemajuan.text, "84,18%");
  // Kabupaten 65,00: 60,61 − 65 = −4,39. No provinsi value: unknown, never invented.
  EXPECT_EQ(akip.kabupaten.reference.text, "65,00");
  EXPECT_EQ(akip.kabupaten.difference.text, "−4,39");
  EXPECT_FALSE(akip.provinsi.difference.known);
  EXPECT_EQ(akip.provinsi.difference.text, "t.a.d.");
  // Without history there is no previous year.
  EXPECT_FALSE(iku(t, "ikm").prev.known);
  EXPECT_FALSE(iku(t, "ikm").kemajuan.known);
}

TEST(ExampleReport, RenstraProgressLowerIsBetter) {
  report::Report r = megaluh();
  r.iku[0].direction = report::Direction::lower;
  r.iku[0].renstra_target = 50;  // (2 × 50 − 60,61) / 50 × 100 = 78,78%
  EXPECT_EQ(iku(compute(r), "akip").kemajuan.text, "78,78%");
}

TEST(ExampleReport, ProgramTreeNumbersAndBudgets) {
  report::Report r = megaluh();
  ComputedTables t = compute(r);
  ASSERT_EQ(t.activities.size(), 5u);
  EXPECT_EQ(t.activities[0].number, "1");
  EXPECT_EQ(t.activities[1].number, "1.1");
  EXPECT_EQ(t.activities[2].number, "1.1.1");
  EXPECT_EQ(t.activities[3].number, "1.1.2");
  EXPECT_EQ(t.activities[4].number, "2");
  EXPECT_EQ(t.activities[2].level, 2);
  EXPECT_EQ(t.activities[2].parent, 1u);
  EXPECT_EQ(t.activities[0].parent, ActivityResult::npos);
  // p1 = 12.000.000 + 2.891.823.586 = 2.903.823.586, rolled up through kegiatan p1k1.
  EXPECT_EQ(activity(t, "p1k1").budget.anggaran.text, "Rp2.903.823.586");
  EXPECT_EQ(activity(t, "p1").budget.anggaran.text, "Rp2.903.823.586");
  // Total 2.903.823.586 + 119.898.500 = 3.023.722.086. p1's share: 96,034… → 96,03%.
  EXPECT_EQ(t.budget.figures.anggaran.text, "Rp3.023.722.086");
  EXPECT_EQ(activity(t, "p1").budget.share.text, "96,03%");
  // No program states its realisation: its serapan is unknown ("t.a.d."), never invented.
  EXPECT_FALSE(activity(t, "p1").budget.serapan.known);
  EXPECT_EQ(activity(t, "p1").budget.serapan.text, "t.a.d.");
  EXPECT_EQ(activity(t, "p1").budget.sisa.text, "t.a.d.");
  // Indicators: 3/3 dokumen = 100%; 1.000/1.100 lembar = 90,91%; p2's is not measured.
  EXPECT_EQ(activity(t, "p1k1s1").indicators[0].target.text, "3 dokumen");
  EXPECT_EQ(activity(t, "p1k1s1").indicators[0].capaian.text, "100,00%");
  EXPECT_EQ(activity(t, "p1k1s2").indicators[0].target.text, "1.100 lembar");
  EXPECT_EQ(activity(t, "p1k1s2").indicators[0].realisasi.text, "1.000 lembar");
  EXPECT_EQ(activity(t, "p1k1s2").indicators[0].capaian.text, "90,91%");
  EXPECT_EQ(activity(t, "p1").indicators[0].target.text, "100%");
  EXPECT_EQ(activity(t, "p2").indicators[0].realisasi.text, "t.a.d.");
  EXPECT_EQ(activity(t, "p2").indicators[0].attainment, Attainment::unknown);
  EXPECT_FALSE(activity(t, "p2").capaian.known);
  EXPECT_FALSE(activity(t, "p1k1").capaian.known);  // no indicator of its own
}

TEST(ExampleReport, BudgetTotalsAndEfficiency) {
  report::Report r = megaluh();
  ComputedTables t = compute(r);
  // Realisation from [budget]: 2.693.554.556 / 3.023.722.086 × 100 = 89,0807… → 89,08%
  // (printed 89,08%). Sisa: 3.023.722.086 − 2.693.554.556 = 330.167.530.
  EXPECT_EQ(t.budget.figures.realisasi.text, "Rp2.693.554.556");
  EXPECT_EQ(t.budget.figures.serapan.text, "89,08%");
  EXPECT_EQ(t.budget.figures.sisa.text, "Rp330.167.530");
  EXPECT_EQ(t.budget.figures.share.text, "100,00%");
  // Efficiency (difference) with the per_sasaran average: 95,176 − 89,081 = 6,095 → 6,10.
  EXPECT_EQ(t.budget.efisiensi.text, "6,10");
  EXPECT_EQ(t.budget.efisiensi.kind, Value::Kind::points);
  EXPECT_EQ(t.budget.efficiency_formula,
            "Efisiensi = Capaian Kinerja (%) \u2212 Serapan Anggaran (%)");
  // With the all_iku average: 101,068 − 89,081 = 11,987 → 11,99; ratio 101,068 / 89,081 = 1,13.
  r.settings.average = report::Settings::Average::all_iku;
  EXPECT_EQ(compute(r).budget.efisiensi.text, "11,99");
  r.settings.efficiency = report::Settings::Efficiency::ratio;
  ComputedTables ratio = compute(r);
  EXPECT_EQ(ratio.budget.efisiensi.text, "1,13");
  EXPECT_EQ(ratio.budget.efficiency_formula,
            "Efisiensi = Capaian Kinerja (%) \u00f7 Serapan Anggaran (%)");
  r.settings.money = report::Settings::Money::rp_dot;
  EXPECT_EQ(compute(r).budget.figures.anggaran.text, "Rp. 3.023.722.086,-");
}

TEST(ExampleReport, BudgetPerSasaranAndProgramRealisation) {
  report::Report r = megaluh();
  r.programs[0].children[0].children[0].realisasi_anggaran = 11000000;
  r.programs[0].children[0].children[1].realisasi_anggaran = 2600000000;
  r.programs[1].realisasi_anggaran = 82554556;
  ComputedTables t = compute(r);
  // p1: 11.000.000 + 2.600.000.000 = 2.611.000.000 of 2.903.823.586 = 89,916… → 89,92%.
  EXPECT_EQ(activity(t, "p1").budget.realisasi.text, "Rp2.611.000.000");
  EXPECT_EQ(activity(t, "p1").budget.serapan.text, "89,92%");
  EXPECT_EQ(activity(t, "p1").budget.sisa.text, "Rp292.823.586");
  // Programs now carry theirs: 2.611.000.000 + 82.554.556 = 2.693.554.556 (= [budget]).
  EXPECT_EQ(t.budget.figures.realisasi.text, "Rp2.693.554.556");
  // Per sasaran: s1 ← p1, s2 ← p2 (82.554.556 / 119.898.500 = 68,853… → 68,85%).
  EXPECT_EQ(t.sasaran[0].budget.anggaran.text, "Rp2.903.823.586");
  EXPECT_EQ(t.sasaran[1].budget.serapan.text, "68,85%");
  EXPECT_EQ(t.sasaran[1].budget.share.text, "3,97%");  // 119.898.500 / 3.023.722.086
  // Capaian vs serapan per sasaran (difference): s1 86,339 − 89,920 = −3,58.
  EXPECT_EQ(t.sasaran[0].efisiensi.text, "−3,58");
  // Per program: p1's indicator capaian 100 − 89,92 = 10,08.
  EXPECT_EQ(activity(t, "p1").efisiensi.text, "10,08");
}

TEST(ExampleReport, ComponentsAndSurvey) {
  report::Report r = megaluh();
  ComputedTables t = compute(r);
  const ComponentsResult& akip = t.components[0];
  // Score mode: 26,41/30 = 88,03 (printed 88,04); 23,90/30 = 79,67 (79,68);
  // 8,18/15 = 54,53 (54,52); 22,25/25 = 89,00. Total 26,41 + 23,90 + 8,18 + 22,25 = 80,74.
  EXPECT_EQ(akip.rows[0].capaian.text, "88,03%");
  EXPECT_EQ(akip.rows[1].capaian.text, "79,67%");
  EXPECT_EQ(akip.rows[2].capaian.text, "54,53%");
  EXPECT_EQ(akip.rows[3].capaian.text, "89,00%");
  EXPECT_EQ(akip.rows[0].weight.text, "30");
  EXPECT_EQ(akip.weight_total.text, "100");
  EXPECT_EQ(akip.total.text, "80,74");
  EXPECT_FALSE(akip.rows[0].weighted.known);
  // Weighted mode (IPP aspects): 2,94 × 24% = 0,7056 → 0,71; 2,8 × 25% = 0,70;
  // 4,32 × 18% = 0,7776 → 0,78; 3,3 × 11% = 0,363 → 0,36; 3,55 × 10% = 0,355 → 0,36 (an exact
  // half: binary doubles would give 0,35). Total 0,7056 + 0,7 + 0,7776 + 0,363 + 0,355 = 2,9012.
  const ComponentsResult& ipp = t.components[1];
  EXPECT_EQ(ipp.rows[0].weighted.text, "0,71");
  EXPECT_EQ(ipp.rows[1].weighted.text, "0,70");
  EXPECT_EQ(ipp.rows[2].weighted.text, "0,78");
  EXPECT_EQ(ipp.rows[3].weighted.text, "0,36");
  EXPECT_EQ(ipp.rows[4].weighted.text, "0,36");
  EXPECT_EQ(ipp.rows[1].value.text, "2,80");
  EXPECT_EQ(ipp.total.text, "2,90");
  // IKM per layanan: (89,86 + 85,42 + 100 + 87,22 + 97,92) / 5 = 460,42 / 5 = 92,084 → 92,08
  // (printed 96,57). Keterangan from the IKM scale: 85,42 Baik, 89,86 Sangat Baik.
  const SurveyResult& ikm = t.surveys[0];
  EXPECT_EQ(ikm.average.text, "92,08");
  EXPECT_EQ(ikm.keterangan.text, "Sangat Baik");
  EXPECT_EQ(ikm.rows[0].keterangan.text, "Sangat Baik");
  EXPECT_EQ(ikm.rows[1].keterangan.text, "Baik");
  EXPECT_EQ(ikm.rows[3].keterangan.text, "Baik");
}

TEST(ExampleReport, TrendOfAnUnchangedValueIsTetap) {
  report::Report r = megaluh();
  r.iku[0].history = {{2023, std::nullopt, 60.614}};  // prints as 60,61 like 2024's 60,61
  ComputedTables t = compute(r);
  EXPECT_EQ(ref(t, "iku.akip.trend"), "tetap");
  EXPECT_EQ(ref(t, "iku.akip.change_abs"), "0,00");
}

TEST(ExampleReport, ProseReferences) {
  report::Report r = megaluh();
  ComputedTables t = compute(r);
  EXPECT_EQ(ref(t, "iku.akip.capaian"), "86,34%");
  EXPECT_EQ(ref(t, "iku.akip.capaian_capped"), "86,34%");
  EXPECT_EQ(ref(t, "iku.akip.target"), "70,20");
  EXPECT_EQ(ref(t, "iku.akip.realisasi"), "60,61");
  EXPECT_EQ(ref(t, "iku.akip.predikat"), "Baik");
  EXPECT_EQ(ref(t, "iku.akip.renstra_target"), "72,00");
  EXPECT_EQ(ref(t, "iku.akip.kemajuan"), "84,18%");
  EXPECT_EQ(ref(t, "iku.akip.prev"), "71,70");
  EXPECT_EQ(ref(t, "iku.akip.change"), "−11,09");
  EXPECT_EQ(ref(t, "iku.akip.change_abs"), "11,09");
  EXPECT_EQ(ref(t, "iku.akip.trend"), "menurun 11,09");
  // Every year of the history: 2022 70,02 → 2023 71,70 → 2024 60,61.
  EXPECT_EQ(ref(t, "iku.akip.2023.realisasi"), "71,70");
  EXPECT_EQ(ref(t, "iku.akip.2023.target"), "70,00");
  EXPECT_EQ(ref(t, "iku.akip.2023.capaian"), "102,43%");
  EXPECT_EQ(ref(t, "iku.akip.2023.change"), "1,68");
  EXPECT_EQ(ref(t, "iku.akip.2023.trend"), "meningkat 1,68");
  EXPECT_EQ(ref(t, "iku.akip.2024.change"), "−11,09");
  EXPECT_EQ(ref(t, "iku.akip.2022.change"), "t.a.d.");  // no year before it
  EXPECT_EQ(ref(t, "iku.akip.2022.trend"), "t.a.d.");
  // Against the kabupaten: 60,61 − 65,00; no provinsi value is given, none is invented.
  EXPECT_EQ(ref(t, "iku.akip.kabupaten"), "65,00");
  EXPECT_EQ(ref(t, "iku.akip.selisih_kabupaten"), "−4,39");
  EXPECT_EQ(ref(t, "iku.akip.selisih_kabupaten_abs"), "4,39");
  EXPECT_EQ(ref(t, "iku.akip.selisih_provinsi_abs"), "t.a.d.");
  EXPECT_EQ(ref(t, "iku.akip.terhadap_kabupaten"), "lebih rendah 4,39");
  EXPECT_EQ(ref(t, "iku.akip.terhadap_provinsi"), "t.a.d.");
  EXPECT_EQ(ref(t, "iku.akip.name"), "IKU akip");
  EXPECT_EQ(ref(t, "sasaran.s2.capaian"), "104,01%");
  EXPECT_EQ(ref(t, "sasaran.s2.predikat"), "Sangat Baik");
  EXPECT_EQ(ref(t, "sasaran.s1.name"), "Meningkatnya Akuntabilitas dan Kinerja Kecamatan Megaluh");
  EXPECT_EQ(ref(t, "capaian.rata_rata"), "95,18%");
  EXPECT_EQ(ref(t, "capaian.rata_rata_iku"), "101,07%");
  EXPECT_EQ(ref(t, "capaian.rata_rata_sasaran"), "95,18%");
  EXPECT_EQ(ref(t, "capaian.predikat"), "Sangat Baik");
  EXPECT_EQ(ref(t, "capaian.jumlah_iku"), "6");
  EXPECT_EQ(ref(t, "capaian.jumlah_sasaran"), "2");
  EXPECT_EQ(ref(t, "capaian.tercapai"), "3");
  EXPECT_EQ(ref(t, "capaian.melampaui"), "2");
  EXPECT_EQ(ref(t, "capaian.tidak_tercapai"), "1");
  EXPECT_EQ(ref(t, "anggaran.total"), "Rp3.023.722.086");
  EXPECT_EQ(ref(t, "anggaran.realisasi"), "Rp2.693.554.556");
  EXPECT_EQ(ref(t, "anggaran.serapan"), "89,08%");
  EXPECT_EQ(ref(t, "anggaran.sisa"), "Rp330.167.530");
  EXPECT_EQ(ref(t, "anggaran.efisiensi"), "6,10");
  EXPECT_EQ(ref(t, "program.p1.anggaran"), "Rp2.903.823.586");
  EXPECT_EQ(ref(t, "program.p1.realisasi"), "t.a.d.");
  EXPECT_EQ(ref(t, "program.p1.serapan"), "t.a.d.");
  EXPECT_EQ(ref(t, "program.p1k1s1.anggaran"), "Rp12.000.000");
  EXPECT_EQ(ref(t, "table.penduduk.total"), "39.725");
  EXPECT_EQ(ref(t, "table.penduduk.total.3"), "39.725");
  EXPECT_EQ(t.find("table.penduduk.total.2"), nullptr);  // column 2 has no total
  EXPECT_EQ(ref(t, "components.akip_komponen.total"), "80,74");
  EXPECT_EQ(ref(t, "survey.ikm_layanan.average"), "92,08");
  EXPECT_EQ(ref(t, "report.unit"), "Kecamatan Megaluh");
  EXPECT_EQ(ref(t, "report.region"), "Kabupaten Jombang");
  EXPECT_EQ(ref(t, "report.year"), "2024");  // a year, not "2.024"
  EXPECT_EQ(ref(t, "report.place"), "Jombang");
  EXPECT_EQ(ref(t, "report.date"), "3 Januari 2025");
  EXPECT_EQ(t.find("iku.nope.capaian"), nullptr);
  // Records point back into the report rather than copying it.
  EXPECT_EQ(t.report, &r);
  EXPECT_EQ(t.iku[0].iku, &r.iku[0]);
  EXPECT_EQ(t.sasaran[1].sasaran, &r.sasaran[1]);
}

TEST(ExampleReport, EmptyReportHasUnknownAveragesAndBudget) {
  report::Report r;
  r.scales = {testing::capaian_scale()};
  ComputedTables t = compute(r);
  EXPECT_FALSE(t.overall.rata_rata.known);
  EXPECT_EQ(t.overall.rata_rata.text, "t.a.d.");
  EXPECT_FALSE(t.overall.predikat.known);
  EXPECT_FALSE(t.budget.figures.anggaran.known);
  EXPECT_FALSE(t.budget.efisiensi.known);
  EXPECT_EQ(t.overall.jumlah_iku.text, "0");
}

TEST(CheckStated, ListsTheDisagreementsOfTheExample) {
  report::Report r = megaluh();
  ComputedTables t = compute(r);
  std::vector<Disagreement> d = check_stated(r, t);
  // AKIP capaian 87,48 vs 86,34; AKIP target 70,10 vs 70,20 (its second stated 70,20 agrees);
  // IKM capaian 117,07 vs 118,89; survey average 96,57 vs 92,08. IPP 101,18, the budget's
  // anggaran and serapan, the AKIP component total and the population total all agree.
  ASSERT_EQ(d.size(), 4u);
  EXPECT_EQ(d[0].what, "capaian of IKU `akip`");
  EXPECT_EQ(d[0].stated, "87,48%");
  EXPECT_EQ(d[0].computed, "86,34%");
  EXPECT_EQ(d[0].loc.line, 30);
  EXPECT_EQ(d[1].what, "target of IKU `akip`");
  EXPECT_EQ(d[1].stated, "70,10");
  EXPECT_EQ(d[1].computed, "70,20");
  EXPECT_EQ(d[2].what, "capaian of IKU `ikm`");
  EXPECT_EQ(d[2].stated, "117,07%");
  EXPECT_EQ(d[2].computed, "118,89%");
  EXPECT_EQ(d[3].what, "average of survey `ikm_layanan`");
  EXPECT_EQ(d[3].stated, "96,57");
  EXPECT_EQ(d[3].computed, "92,08");
}

TEST(CheckStated, ComparesAfterRoundingToThePrintedDecimals) {
  report::Report r = megaluh();
  r.iku[0].stated.numbers["capaian"] = {testing::stated(86.339, 30)};  // 86,34 as printed
  r.iku[0].stated.numbers.erase("target");
  r.iku[1].stated.numbers.clear();
  r.surveys[0].stated.numbers.clear();
  r.tables[0].stated.numbers["total"] = {testing::stated(39726, 100)};
  std::vector<Disagreement> d = check_stated(r, compute(r));
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].what, "total of column 3 (Jumlah Penduduk) of table `penduduk`");
  EXPECT_EQ(d[0].stated, "39.726");
  EXPECT_EQ(d[0].computed, "39.725");
}

TEST(CheckStated, OverallAveragesAndPredikat) {
  report::Report r = megaluh();
  r.iku[0].stated = {};
  r.iku[1].stated = {};
  r.surveys[0].stated = {};
  const ComputedTables before = compute(r);
  r.settings.stated.numbers["rata_rata"] = {testing::stated(106.91, 40)};
  // Agrees once rounded to the printed decimals.
  r.settings.stated.numbers["rata_rata_iku"] = {
      testing::stated(before.overall.rata_rata_iku.number, 41)};
  r.settings.stated.texts["predikat"] = {{"Istimewa", testing::at(42)}};
  std::vector<Disagreement> d = check_stated(r, compute(r));
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[0].what, "overall average (" + before.overall.average_name + ")");
  EXPECT_EQ(d[0].stated, "106,91%");
  EXPECT_EQ(d[0].computed, before.overall.rata_rata.text);
  EXPECT_EQ(d[0].loc.line, 40);
  EXPECT_EQ(d[1].what, "overall predikat");
  EXPECT_EQ(d[1].stated, "Istimewa");
  EXPECT_EQ(d[1].computed, before.overall.predikat.text);
}

TEST(CheckStated, BudgetInputsAndLabels) {
  report::Report r = megaluh();
  r.iku[0].stated = {};
  r.iku[1].stated = {};
  r.surveys[0].stated = {};
  r.iku[0].stated.texts["predikat"] = {{"Sangat Baik", testing::at(31)}};
  r.programs[0].anggaran = 2903823000;  // own figure differs from the children's sum
  r.budget.stated.numbers["serapan"] = {testing::stated(89.0, 70)};
  std::vector<Disagreement> d = check_stated(r, compute(r));
  ASSERT_EQ(d.size(), 3u);
  EXPECT_EQ(d[0].what, "predikat of IKU `akip`");
  EXPECT_EQ(d[0].stated, "Sangat Baik");
  EXPECT_EQ(d[0].computed, "Baik");
  EXPECT_EQ(d[1].what, "anggaran of program `p1` (its own figure vs the sum of its children)");
  EXPECT_EQ(d[1].stated, "Rp2.903.823.000");
  EXPECT_EQ(d[1].computed, "Rp2.903.823.586");
  EXPECT_EQ(d[2].what, "serapan anggaran");
  EXPECT_EQ(d[2].stated, "89,00%");
  EXPECT_EQ(d[2].computed, "89,08%");
}

TEST(CheckStated, ComponentsThatDoNotAddUpToTheirIkusRealisasi) {
  report::Report r = megaluh();
  r.iku[0].stated = {};
  r.iku[1].stated = {};
  r.iku[2].stated = {};
  r.surveys[0].stated = {};
  r.components[0].realisasi_of = "akip";  // Σ 80,74 against Nilai AKIP 60,61
  r.components[0].realisasi_of_loc = testing::at(81);
  r.components[1].realisasi_of = "ipp";   // Σ value × weight / 100 = 2,90 against IPP 3,44
  r.components[1].realisasi_of_loc = testing::at(91);
  std::vector<Disagreement> d = check_stated(r, compute(r));
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[0].what, "components `akip_komponen` do not add up to the realisasi of IKU `akip` "
                       "they make up");
  EXPECT_EQ(d[0].stated, "80,74");
  EXPECT_EQ(d[0].computed, "60,61");
  EXPECT_EQ(d[0].stated_as, "their total is");
  EXPECT_EQ(d[0].loc.line, 81);
  EXPECT_EQ(d[1].stated, "2,90");
  EXPECT_EQ(d[1].computed, "3,44");
  EXPECT_EQ(d[1].loc.line, 91);
  // Once the realisasi is the components' total (to its printed decimals) nothing is reported.
  r.iku[0].realisasi = 80.7449;
  r.iku[2].realisasi = 2.9012;
  EXPECT_TRUE(check_stated(r, compute(r)).empty());
}

TEST(CheckStated, ChangesAndComparisonDifferencesAreCheckedSigned) {
  report::Report r = megaluh();
  r.iku[0].stated = {};
  r.iku[1].stated = {};
  r.iku[2].stated = {};
  r.surveys[0].stated = {};
  // AKIP: 2022 70,02, 2023 71,70, 2024 60,61; kabupaten 65,00.
  auto& sv = r.iku[0].stated.numbers;
  sv["change"] = {testing::stated(-11.09, 31)};           // 60,61 - 71,70: agrees
  sv["selisih_kabupaten"] = {testing::stated(4.39, 32)};  // the sign is wrong: -4,39
  sv["kabupaten"] = {testing::stated(65, 33)};            // agrees
  r.iku[0].history[1].stated.numbers["change"] = {testing::stated(2.68, 34)};  // 1,68
  std::vector<Disagreement> d = check_stated(r, compute(r));
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[0].what, "difference against kabupaten of IKU `akip`");
  EXPECT_EQ(d[0].stated, "4,39");
  EXPECT_EQ(d[0].computed, "\u22124,39");
  EXPECT_EQ(d[0].loc.line, 32);
  EXPECT_EQ(d[1].what, "change of realisasi against the year before in 2023 of IKU `akip`");
  EXPECT_EQ(d[1].stated, "2,68");
  EXPECT_EQ(d[1].computed, "1,68");
  EXPECT_EQ(d[1].loc.line, 34);
}

TEST(ComputedWords, VerdictsFollowTheFiguresInTheConfiguredWords) {
  report::Report r = megaluh();
  report::Wording renstra;
  renstra.id = "renstra";
  renstra.met = "telah berhasil mencapai";
  renstra.exceeded = "telah berhasil melampaui";
  renstra.not_met = "belum berhasil mencapai";
  r.wordings = {renstra};
  r.settings.words.exceeded = "melampaui target";
  ComputedTables t = compute(r);
  EXPECT_EQ(ref(t, "iku.akip.status"), "tidak tercapai");   // 86,34%
  EXPECT_EQ(ref(t, "iku.ikm.status"), "melampaui target");  // 118,89%, the configured word
  EXPECT_EQ(ref(t, "iku.trantib.status"), "tercapai");      // 100,00%
  EXPECT_EQ(ref(t, "iku.ikm.status.renstra"), "telah berhasil melampaui");
  EXPECT_EQ(ref(t, "iku.akip.status.renstra"), "belum berhasil mencapai");

  // A correction flips the word: IKM realisasi 80 against 82 is 97,56%.
  r.iku[1].realisasi = 80;
  ComputedTables after = compute(r);
  EXPECT_EQ(ref(after, "iku.ikm.capaian"), "97,56%");
  EXPECT_EQ(ref(after, "iku.ikm.status"), "tidak tercapai");
  EXPECT_EQ(ref(after, "iku.ikm.status.renstra"), "belum berhasil mencapai");
}

TEST(ComputedWords, CountsCarryTheirIndonesianWords) {
  report::Report r = megaluh();
  ComputedTables t = compute(r);
  EXPECT_EQ(ref(t, "capaian.jumlah_iku"), "6");
  EXPECT_EQ(ref(t, "capaian.jumlah_iku_kata"), "6 (enam)");
  EXPECT_EQ(ref(t, "capaian.jumlah_sasaran_kata"), "2 (dua)");
  EXPECT_EQ(ref(t, "sasaran.s2.jumlah_iku_kata"), "5 (lima)");
  // A new IKU changes every count that includes it.
  r.iku.push_back(r.iku.back());
  r.iku.back().id = "extra";
  ComputedTables more = compute(r);
  EXPECT_EQ(ref(more, "capaian.jumlah_iku_kata"), "7 (tujuh)");
  EXPECT_EQ(ref(more, "sasaran.s2.jumlah_iku_kata"), "6 (enam)");
  // Survey items per band of its scale: 89,86 / 100 / 97,92 Sangat Baik, 85,42 / 87,22 Baik.
  EXPECT_EQ(ref(t, "survey.ikm_layanan.jumlah.sangat_baik_kata"), "3 (tiga)");
  EXPECT_EQ(ref(t, "survey.ikm_layanan.jumlah.baik_kata"), "2 (dua)");
  EXPECT_EQ(ref(t, "survey.ikm_layanan.jumlah.tidak_baik"), "0");
  EXPECT_EQ(ref(t, "survey.ikm_layanan.jumlah_kata"), "5 (lima)");
}

TEST(NumberWords, IndonesianSpelling) {
  EXPECT_EQ(number_words(0), "nol");
  EXPECT_EQ(number_words(6), "enam");
  EXPECT_EQ(number_words(10), "sepuluh");
  EXPECT_EQ(number_words(11), "sebelas");
  EXPECT_EQ(number_words(12), "dua belas");
  EXPECT_EQ(number_words(19), "sembilan belas");
  EXPECT_EQ(number_words(20), "dua puluh");
  EXPECT_EQ(number_words(21), "dua puluh satu");
  EXPECT_EQ(number_words(100), "seratus");
  EXPECT_EQ(number_words(111), "seratus sebelas");
  EXPECT_EQ(number_words(250), "dua ratus lima puluh");
  EXPECT_EQ(number_words(1000), "seribu");
  EXPECT_EQ(number_words(1250), "seribu dua ratus lima puluh");
  EXPECT_EQ(number_words(2000), "dua ribu");
  EXPECT_EQ(number_words(100000), "seratus ribu");
  EXPECT_EQ(number_words(39725), "tiga puluh sembilan ribu tujuh ratus dua puluh lima");
  EXPECT_EQ(number_words(1000000), "satu juta");
  EXPECT_EQ(number_words(2500000), "dua juta lima ratus ribu");
  EXPECT_EQ(number_words(3023722086),
            "tiga miliar dua puluh tiga juta tujuh ratus dua puluh dua ribu delapan puluh enam");
  EXPECT_EQ(number_words(-3), "minus tiga");
}

TEST(LabelKey, LowerCaseWithUnderscores) {
  EXPECT_EQ(label_key("Sangat Baik"), "sangat_baik");
  EXPECT_EQ(label_key("Baik (Berhasil)"), "baik_berhasil");
  EXPECT_EQ(label_key("  A-1 "), "a_1");
}

}  // namespace
}  // namespace lkjip::compute

namespace lkjip::compute {
namespace {

TEST(WrittenPrecision, EachHistoryYearAndReferencePrintsItsOwnDecimals) {
  report::Report r = megaluh();
  report::Iku& k = r.iku[3];  // trantib, unit %, 2024 written as 100 (0 decimals)
  k.unit = "%";
  k.history = {{2022, std::nullopt, 66.64}, {2023, 100.0, 66.67}};
  k.history[1].target_decimals = 0;
  k.compare.nasional = 100.005;
  k.compare.nasional_decimals = 3;
  ComputedTables t = compute(r);
  // 66,67 is not rounded to the report year's 0 decimals, nor 2023's change of 0,03 to "0".
  EXPECT_EQ(ref(t, "iku.trantib.2023.realisasi"), "66,67%");
  EXPECT_EQ(ref(t, "iku.trantib.2022.realisasi"), "66,64%");
  EXPECT_EQ(ref(t, "iku.trantib.2023.target"), "100%");
  EXPECT_EQ(ref(t, "iku.trantib.2023.change"), "0,03");
  EXPECT_EQ(ref(t, "iku.trantib.change"), "33,33");
  EXPECT_EQ(ref(t, "iku.trantib.nasional"), "100,005%");
  EXPECT_EQ(ref(t, "iku.trantib.selisih_nasional"), "−0,005");
}

}  // namespace
}  // namespace lkjip::compute
