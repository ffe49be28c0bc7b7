// The example report (shared/seed/000_f43906e8e5ee6108.txt, LKjIP 2024 Kecamatan Megaluh) as a
// hand-built report::Report: the inputs the seed prints, with its printed figures as `stated`.
#pragma once

#include <string>

#include "report/model.h"

namespace lkjip::compute::testing {

inline SourceLoc at(int line) { return SourceLoc{"megaluh.toml", line, 1}; }

inline report::Stated stated(double v, int line) { return report::Stated{v, at(line)}; }

/// The built-in predicate scale of SCHEMA.md.
inline report::Scale capaian_scale() {
  report::Scale s;
  s.id = "capaian";
  s.bands = {{90.0, std::nullopt, "Sangat Baik"},
             {75.0, 90.0, "Baik"},
             {65.0, 75.0, "Cukup"},
             {50.0, 65.0, "Kurang"},
             {std::nullopt, 50.0, "Sangat Kurang"}};
  return s;
}

/// IKM mutu categories of PermenPANRB 14/2017 (A 88,31–100; B 76,61–88,30; C 65,00–76,60).
inline report::Scale ikm_scale() {
  report::Scale s;
  s.id = "ikm";
  s.bands = {{88.30, std::nullopt, "Sangat Baik"},
             {76.60, 88.30, "Baik"},
             {64.99, 76.60, "Kurang Baik"},
             {std::nullopt, 64.99, "Tidak Baik"}};
  return s;
}

inline report::Iku iku(const std::string& id, const std::string& sasaran, double target,
                       double realisasi, int decimals = 2) {
  report::Iku k;
  k.id = id;
  k.sasaran = sasaran;
  k.name = "IKU " + id;
  k.target = target;
  k.realisasi = realisasi;
  k.target_decimals = decimals;
  k.realisasi_decimals = decimals;
  return k;
}

inline report::Indicator indicator(double target, std::optional<double> realisasi,
                                   const std::string& unit) {
  report::Indicator i;
  i.name = "Indikator";
  i.target = {target, unit, 0};
  if (realisasi) i.realisasi = report::Quantity{*realisasi, unit, 0};
  return i;
}

inline report::Report megaluh() {
  report::Report r;
  r.unit = "Kecamatan Megaluh";
  r.region = "Kabupaten Jombang";
  r.place = "Jombang";
  r.year = 2024;
  r.date = {2025, 1, 3};
  r.scales = {capaian_scale(), ikm_scale()};
  r.sasaran = {
      {"s1", "Meningkatnya Akuntabilitas dan Kinerja Kecamatan Megaluh", "t1", at(10)},
      {"s2", "Meningkatnya kualitas penyelenggaraan pemerintahan dan layanan", "t2", at(14)}};
  report::Iku akip = iku("akip", "s1", 70.20, 60.61);
  akip.stated.numbers["capaian"] = {stated(87.48, 30)};
  akip.stated.numbers["target"] = {stated(70.10, 30), stated(70.20, 30)};
  akip.history = {{2022, std::nullopt, 70.02}, {2023, 70.00, 71.70}};
  akip.renstra_target = 72.00;
  akip.renstra_year = 2026;
  akip.compare.kabupaten = 65.0;
  report::Iku ikm = iku("ikm", "s2", 82, 97.49);
  ikm.target_decimals = 0;
  ikm.stated.numbers["capaian"] = {stated(117.07, 40)};
  report::Iku ipp = iku("ipp", "s2", 3.40, 3.44);
  ipp.stated.numbers["capaian"] = {stated(101.18, 50)};
  r.iku = {akip,
           ikm,
           ipp,
           iku("trantib", "s2", 100, 100, 0),
           iku("apbdes", "s2", 100, 100, 0),
           iku("raperdes", "s2", 100, 100, 0)};

  // Programs: p1's budget rolls up from its sub-kegiatan; p2 has only its own. No program
  // carries its realisation, so the total comes from [budget].realisasi.
  report::Activity sub1;
  sub1.id = "p1k1s1";
  sub1.anggaran = 12000000;
  sub1.indicators = {indicator(3, 3, "dokumen")};
  report::Activity sub2;
  sub2.id = "p1k1s2";
  sub2.anggaran = 2891823586;
  sub2.indicators = {indicator(1100, 1000, "lembar")};
  report::Activity k1;
  k1.id = "p1k1";
  k1.children = {sub1, sub2};
  report::Activity p1;
  p1.id = "p1";
  p1.supports = "s1";
  p1.indicators = {indicator(100, 100, "%")};
  p1.children = {k1};
  report::Activity p2;
  p2.id = "p2";
  p2.supports = "s2";
  p2.anggaran = 119898500;
  p2.indicators = {indicator(100, std::nullopt, "%")};
  r.programs = {p1, p2};
  r.budget.realisasi = 2693554556;
  r.budget.stated.numbers["anggaran"] = {stated(3023722086, 70)};
  r.budget.stated.numbers["serapan"] = {stated(89.08, 70)};

  report::Components akip_komponen;
  akip_komponen.id = "akip_komponen";
  akip_komponen.items = {{"Perencanaan Kinerja", "", 30, 26.41},
                         {"Pengukuran Kinerja", "", 30, 23.90},
                         {"Pelaporan Kinerja", "Nilai terendah", 15, 8.18},
                         {"Evaluasi Kinerja", "", 25, 22.25}};
  akip_komponen.stated.numbers["total"] = {stated(80.74, 80)};
  report::Components ipp_aspek;
  ipp_aspek.id = "ipp_aspek";
  ipp_aspek.mode = report::Components::Mode::weighted;
  ipp_aspek.items = {{"Kebijakan Pelayanan", "", 24, 2.94},
                     {"Profesionalisme SDM", "", 25, 2.8},
                     {"Sarana dan Prasarana", "", 18, 4.32},
                     {"Sistem Informasi Pelayanan Publik", "", 11, 3.3},
                     {"Konsultasi dan Pengaduan", "", 10, 3.55}};
  r.components = {akip_komponen, ipp_aspek};

  report::Survey ikm_layanan;
  ikm_layanan.id = "ikm_layanan";
  ikm_layanan.scale = "ikm";
  ikm_layanan.items = {{"Fasilitasi KTP-elektronik", 89.86},
                       {"Fasilitasi Kartu Keluarga (KK)", 85.42},
                       {"Fasilitasi SKCK", 100},
                       {"Fasilitasi Pindah Kependudukan", 87.22},
                       {"Fasilitasi Surat Keterangan Lainnya", 97.92}};
  ikm_layanan.stated.numbers["average"] = {stated(96.57, 90)};
  r.surveys = {ikm_layanan};

  report::FreeTable penduduk;
  penduduk.id = "penduduk";
  penduduk.columns = {
      {"No", report::Column::Kind::rownum, report::Column::Total::none},
      {"Desa", report::Column::Kind::text, report::Column::Total::none},
      {"Jumlah Penduduk", report::Column::Kind::integer, report::Column::Total::sum}};
  const std::pair<const char*, double> desa[] = {
      {"Turi Pinggir", 3025}, {"Gongseng", 3265},   {"Megaluh", 2887},     {"Sudimoro", 3235},
      {"Balongsari", 4418},   {"Sumbersari", 3179}, {"Ngogri", 3963},      {"Sidomulyo", 3903},
      {"Balonggemek", 2153},  {"Dukuharum", 1442},  {"Sumberagung", 3112}, {"Pacarpeluk", 2622},
      {"Kedungrejo", 2521}};
  for (const auto& [name, n] : desa) {
    penduduk.rows.push_back({report::Cell{name, 0, false}, report::Cell{"", n, true}});
  }
  penduduk.stated.numbers["total"] = {stated(39725, 100)};
  r.tables = {penduduk};
  return r;
}

}  // namespace lkjip::compute::testing
