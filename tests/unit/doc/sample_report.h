// A small hand-built report (shaped like the Megaluh 2024 LKjIP) for the doc/ tests, so
// they do not depend on the description parser.
#pragma once

#include <string>

#include "compute/computed.h"
#include "report/model.h"

namespace lkjip::doc::testing {

inline report::Narrative narrative(std::string text, int line) {
  return {std::move(text), SourceLoc{"sample.toml", line, 1}};
}

inline report::Indicator indicator(std::string name, double target, double realisasi,
                                   std::string unit, bool pk) {
  report::Indicator ind;
  ind.name = std::move(name);
  ind.target = {target, unit, 0};
  ind.realisasi = report::Quantity{realisasi, unit, 0};
  ind.pk = pk;
  return ind;
}

inline report::Report sample_report() {
  report::Report r;
  r.source_path = "sample.toml";
  r.base_dir = ".";
  r.unit = "Kecamatan Megaluh";
  r.region = "Kabupaten Jombang";
  r.year = 2024;
  r.place = "Jombang";
  r.date = {2025, 1, 3};
  r.signatory = "camat";
  r.settings.capaian_cap = 100;
  r.scales.push_back({"capaian",
                      {{90, std::nullopt, "Sangat Baik"},
                       {75, 90, "Baik"},
                       {65, 75, "Cukup"},
                       {50, 65, "Kurang"},
                       {std::nullopt, 50, "Sangat Kurang"}},
                      {}});

  report::Signatory camat;
  camat.id = "camat";
  camat.party = "Pihak Pertama";
  camat.prefix = "Plt.";
  camat.jabatan = "Camat Megaluh";
  camat.own_jabatan = "Sekretaris Camat";
  camat.name = "MOH. NURDIN PURWOKO, S.Pt., M.E.";
  camat.pangkat = "Pembina";
  camat.golongan = "IV/a";
  camat.nip = "197910242005011007";
  report::Signatory bupati;
  bupati.id = "bupati";
  bupati.party = "Pihak Kedua";
  bupati.jabatan = "BUPATI JOMBANG";
  bupati.name = "WARSUBI";
  r.signatories = {camat, bupati};

  r.strategy.visi = "Bersama Mewujudkan Jombang Berkarakter dan Berdaya Saing";
  r.strategy.misi = {"Mewujudkan Tata Kelola Pemerintahan yang Bersih dan Profesional"};
  r.strategy.tujuan = {{"t1", "Meningkatkan kualitas layanan publik"}};
  r.organisation = {{"camat", "CAMAT", "", false, {}},
                    {"sekcam", "SEKRETARIAT", "camat", false, {}},
                    {"jf", "KELOMPOK JABATAN FUNGSIONAL", "camat", true, {}}};

  r.sasaran = {{"s1", "Meningkatnya Akuntabilitas dan Kinerja Kecamatan", "t1", {}},
               {"s2", "Meningkatnya kualitas layanan Kecamatan", "t1", {}}};
  report::Iku akip;
  akip.id = "akip";
  akip.sasaran = "s1";
  akip.name = "Nilai Evaluasi AKIP";
  akip.formula = "Nilai Evaluasi AKIP tahun n";
  akip.source = "LHE SAKIP";
  akip.responsible = "Camat";
  akip.target = 70.20;
  akip.realisasi = 60.61;
  akip.renstra_target = 72.0;
  akip.renstra_year = 2026;
  akip.history = {{2022, std::nullopt, 70.02}, {2023, 70.0, 71.70}};
  akip.compare.kabupaten = 72.70;
  akip.compare.note = "Nilai rata-rata kabupaten";
  report::Iku ikm = akip;
  ikm.id = "ikm";
  ikm.sasaran = "s2";
  ikm.name = "IKM Kecamatan Megaluh";
  ikm.target = 82;
  ikm.realisasi = 97.49;
  ikm.history = {{2023, std::nullopt, 95.71}};
  ikm.compare = {};
  report::Iku ipp = ikm;
  ipp.id = "ipp";
  ipp.name = "IPP Kecamatan Megaluh";
  ipp.target = 3.40;
  ipp.realisasi = 3.44;
  ipp.history = {{2023, std::nullopt, 3.30}};
  ipp.renstra_target.reset();
  ipp.renstra_year.reset();
  r.iku = {akip, ikm, ipp};

  report::Activity sub;
  sub.id = "p1k1s1";
  sub.name = "Penyusunan Dokumen Perencanaan Perangkat Daerah";
  sub.sasaran = "Tersusunnya Dokumen Perencanaan";
  sub.anggaran = 12000000;
  sub.realisasi_anggaran = 11500000;
  sub.indicators = {indicator("Jumlah dokumen perencanaan", 3, 3, "dokumen", false)};
  report::Activity keg;
  keg.id = "p1k1";
  keg.name = "Perencanaan, Penganggaran, dan Evaluasi Kinerja";
  keg.sasaran = "Terlaksananya Perencanaan";
  keg.indicators = {indicator("Persentase dokumen yang tersusun", 100, 100, "%", false)};
  keg.children = {sub};
  report::Activity p1;
  p1.id = "p1";
  p1.name = "Program Penunjang Urusan Pemerintahan Daerah";
  p1.sasaran = "Meningkatnya capaian kinerja aparatur";
  p1.supports = "s1";
  p1.indicators = {indicator("Persentase capaian kinerja aparatur", 100, 100, "%", true)};
  p1.children = {keg};
  report::Activity p2;
  p2.id = "p2";
  p2.name = "Program Penyelenggaraan Pemerintahan dan Pelayanan Publik";
  p2.sasaran = "Meningkatnya pelayanan publik";
  p2.supports = "s2";
  p2.anggaran = 6538500;
  p2.indicators = {indicator("Nilai PATEN", 83, 96, "", true)};
  r.programs = {p1, p2};

  report::FreeTable penduduk;
  penduduk.id = "penduduk";
  penduduk.caption = "Jumlah Penduduk per Desa Tahun {report.year}";
  penduduk.source = "Seksi Tata Pemerintahan";
  penduduk.columns = {
      {"No", report::Column::Kind::rownum, report::Column::Total::none},
      {"Desa", report::Column::Kind::text, report::Column::Total::none},
      {"Jumlah Penduduk", report::Column::Kind::integer, report::Column::Total::sum}};
  penduduk.rows = {{{"Turi **Pinggir**", 0, false}, {"", 3025, true}},
                   {{"Gongseng", 0, false}, {"", 3265, true}}};
  penduduk.loc = {"sample.toml", 80, 1};
  r.tables = {penduduk};

  report::Figure org;
  org.id = "struktur";
  org.caption = "Struktur Organisasi";
  org.orgchart = true;
  r.figures = {org};
  report::Chart chart;
  chart.id = "grafik";
  chart.caption = "Capaian IKU Tahun 2024";
  r.charts = {chart};
  return r;
}

/// The report with its computed tables; the tables point into `report`, so keep them together.
struct Sample {
  report::Report report;
  compute::ComputedTables computed;
  explicit Sample(report::Report r) : report(std::move(r)), computed(compute::compute(report)) {}
};

}  // namespace lkjip::doc::testing
