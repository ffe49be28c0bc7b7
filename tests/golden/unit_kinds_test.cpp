// End-to-end tests of the structures other kinds of unit need (issue #14), read back from the
// PDF text: indicators without a realisation, zero-tolerance targets, drafts.
#include <algorithm>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "tools.h"

namespace lkjip::golden {
namespace {

/// The first line of `text` containing `anchor`, whitespace runs collapsed to one space.
std::string line_with(const std::string& text, const std::string& anchor) {
  size_t at = text.find(anchor);
  if (at == std::string::npos) return "";
  size_t begin = text.rfind('\n', at);
  size_t end = text.find('\n', at);
  std::string line = text.substr(begin == std::string::npos ? 0 : begin + 1,
                                 end == std::string::npos ? std::string::npos : end - begin - 1);
  return std::regex_replace(line, std::regex("\\s+"), " ");
}

/// `text` with every whitespace run collapsed to one space (for notes that wrap).
std::string flat(const std::string& text) {
  return std::regex_replace(text, std::regex("\\s+"), " ");
}

std::string render_text(const ScratchDir& dir, const fs::path& description) {
  const std::string pdf = dir / "out.pdf";
  const Outcome r = run(kBin + " render " + quoted(description.string()) + " -o " + quoted(pdf));
  EXPECT_EQ(r.code, 0) << r.out;
  return run("pdftotext -layout " + quoted(pdf) + " -").out;
}

/// tests/data/minimal.toml with `status` in [report] (none: the line left out) and the AKIP
/// realisasi not written yet, saved in `dir` beside a link to its images.
fs::path minimal_without_akip(const ScratchDir& dir, const std::string& status) {
  std::string toml = slurp(kSrc / "tests/data/minimal.toml");
  const std::string akip = "realisasi = 68.45\n";
  const size_t at = toml.find(akip);
  EXPECT_NE(at, std::string::npos);
  toml.erase(at, akip.size());
  if (!status.empty()) toml.replace(toml.find("[report]\n"), 9, "[report]\nstatus = " + status + "\n");
  // A copy, not a link: a link out of the description's folder is refused (#13.4).
  fs::copy(kSrc / "tests/data/images", dir / "images", fs::copy_options::recursive);
  write_file(dir / "report.toml", toml);
  return dir / "report.toml";
}

/// How many AcroForm signature fields the PDF holds (objects uncompressed by qpdf first).
int signature_fields(const std::string& pdf) {
  const std::string qdf = run("qpdf --qdf --object-streams=disable " + quoted(pdf) + " -").out;
  int n = 0;
  for (size_t at = qdf.find("/FT /Sig"); at != std::string::npos; at = qdf.find("/FT /Sig", at + 1))
    ++n;
  return n;
}

}  // namespace

TEST(UnitKinds, ADraftPrintsTadCarriesTheMarkOnEveryPageAndHasNoSignatureFields) {
  ScratchDir dir("draft");
  const fs::path toml = minimal_without_akip(dir, "\"draft\"");
  const std::string pdf = dir / "draft.pdf";
  const Outcome r = run(kBin + " render " + quoted(toml.string()) + " -o " + quoted(pdf));
  ASSERT_EQ(r.code, 0) << r.out;
  const int pages = page_count(pdf);
  ASSERT_GT(pages, 5);
  for (int p = 1; p <= pages; ++p)
    EXPECT_NE(page_text(pdf, p).find("DRAF"), std::string::npos) << "page " << p;
  EXPECT_EQ(signature_fields(pdf), 0);
  const std::string text = run("pdftotext -layout " + quoted(pdf) + " -").out;
  EXPECT_NE(line_with(text, "Nilai Evaluasi AKIP  ").find("70,20 t.a.d. t.a.d. t.a.d."),
            std::string::npos)
      << text;
  EXPECT_NE(flat(text).find("tidak dihitung dalam rata-rata dan predikat: Nilai Evaluasi AKIP "
                            "Kecamatan Sumberjaya (belum tersedia)."),
            std::string::npos);

  // `check` names what is still missing, where it belongs, and does not pass.
  const Outcome check = run(kBin + " check " + quoted(toml.string()));
  EXPECT_EQ(check.code, 4) << check.out;
  EXPECT_NE(check.out.find("report.toml:95:1: note: still missing in this draft: realisasi of "
                           "IKU `akip`"),
            std::string::npos)
      << check.out;
  EXPECT_NE(check.out.find("1 figure still missing before the report can be final"),
            std::string::npos);
}

TEST(UnitKinds, AFinalRefusesAMissingFigureAndCarriesNoMark) {
  ScratchDir dir("final");
  for (const std::string status : {"", "\"final\""}) {
    const fs::path toml = minimal_without_akip(dir, status);
    const std::string pdf = dir / "final.pdf";
    const Outcome r = run(kBin + " render " + quoted(toml.string()) + " -o " + quoted(pdf));
    EXPECT_EQ(r.code, 1) << r.out;
    EXPECT_NE(r.out.find("report.toml:" + std::string(status.empty() ? "94" : "95") +
                         ":1: error: IKU `akip` has no `realisasi`"),
              std::string::npos)
        << r.out;
    EXPECT_NE(r.out.find("render a draft: `status = \"draft\"`"), std::string::npos);
    EXPECT_FALSE(fs::exists(pdf));
    fs::remove_all(dir / "images");
  }
  // The complete description, final: fields, and no mark anywhere.
  const std::string pdf = dir / "complete.pdf";
  ASSERT_EQ(run("cd " + quoted((kSrc / "tests/data").string()) + " && " + kBin +
                " render minimal.toml -o " + quoted(pdf))
                .code,
            0);
  EXPECT_EQ(signature_fields(pdf), 2);
  EXPECT_EQ(run("pdftotext " + quoted(pdf) + " -").out.find("DRAF"), std::string::npos);
}

TEST(UnitKinds, IndicatorsWithoutDataPrintTadAndStayOutOfAveragesAndCounts) {
  ScratchDir dir("unmeasured");
  const std::string text = render_text(dir, kSrc / "tests/data/unmeasured.toml");
  // Measured: 60,61 / 70,20 = 86,34 %. Unmeasured: t.a.d. in every column.
  EXPECT_NE(line_with(text, "Nilai Evaluasi AKIP").find("70,20 60,61 86,34% Baik"),
            std::string::npos)
      << text;
  EXPECT_NE(line_with(text, "Indeks Kepuasan").find("85,00 t.a.d. t.a.d. t.a.d."),
            std::string::npos);
  EXPECT_NE(line_with(text, "Persentase Kehadiran").find("90% t.a.d. t.a.d. t.a.d."),
            std::string::npos);
  // Sasaran 1 is AKIP alone (86,34), sasaran 2 (100 and 0) 50,00, sasaran 3 has no data:
  // the overall mean of sasaran is (86,339… + 50) / 2 = 68,17, not pulled down by a zero.
  EXPECT_NE(line_with(text, "Rata-rata capaian sasaran strategis  ").find("68,17% Cukup"),
            std::string::npos);
  // The row of sasaran 3 in the sasaran summary: below its caption (the last "Tabel 1.2 …",
  // after the list of tables).
  const std::string summary =
      text.substr(std::min(text.rfind("Tabel 1.2 Pencapaian"), text.size()));
  EXPECT_NE(line_with(summary, "Meningkatnya Partisipasi").find("1 0 0 0 t.a.d. t.a.d."),
            std::string::npos)
      << summary;
  EXPECT_NE(line_with(text, " Jumlah  ").find("5 0 1 2 68,17% Cukup"), std::string::npos);
  // The notes under the tables name what was left out, with the reason.
  const std::string all = flat(text);
  EXPECT_NE(all.find("t.a.d. = tidak ada data realisasi; tidak dihitung dalam rata-rata dan "
                     "predikat: Indeks Kepuasan Masyarakat (Survei tidak dilaksanakan); "
                     "Persentase Kehadiran Musrenbang (Data belum direkap)."),
            std::string::npos);
  // The efficiency formula ends with a full stop before the note that follows it.
  EXPECT_NE(all.find("Serapan Anggaran (%). t.a.d. = tidak ada data realisasi; tidak dihitung "
                     "dalam capaian dan efisiensi: Indeks Kepuasan Masyarakat"),
            std::string::npos)
      << all;
  // Prose values; "t.a.d." closing a sentence takes no second full stop.
  EXPECT_NE(all.find("IKM: t.a.d., capaian t.a.d., predikat t.a.d. Tanpa data: 2 dari 5 IKU. "
                     "Rata-rata 68,17% (Cukup)."),
            std::string::npos);
  EXPECT_EQ(all.find("t.a.d.."), std::string::npos);
}

TEST(UnitKinds, ZeroTargetLowerIsBetterIsMetByZeroAndMissedByAnyCase) {
  ScratchDir dir("zero-target");
  const std::string text = render_text(dir, kSrc / "tests/data/unmeasured.toml");
  EXPECT_NE(line_with(text, "Jumlah Temuan").find("0 0 100,00% Sangat Baik"), std::string::npos)
      << text;
  EXPECT_NE(line_with(text, "Jumlah Kasus Gangguan").find("0 2 0,00% Sangat"), std::string::npos);
}

TEST(UnitKinds, AReportWithoutAnyRealisationStillRenders) {
  ScratchDir dir("no-data-at-all");
  std::string toml = slurp(kSrc / "tests/data/unmeasured.toml");
  for (const char* measured : {"realisasi = 60.61", "realisasi = 0", "realisasi = 2"}) {
    const size_t at = toml.find(measured);
    ASSERT_NE(at, std::string::npos);
    toml.replace(at, std::string(measured).size(), "no_data = \"Belum terbit\"");
  }
  write_file(dir / "all.toml", toml);
  const std::string text = render_text(dir, dir / "all.toml");
  EXPECT_NE(line_with(text, "Rata-rata capaian sasaran strategis  ").find("t.a.d. t.a.d."),
            std::string::npos)
      << text;
  EXPECT_NE(line_with(text, "Nilai Evaluasi AKIP").find("70,20 t.a.d. t.a.d. t.a.d."),
            std::string::npos);
  EXPECT_NE(flat(text).find("Tanpa data: 5 dari 5 IKU. Rata-rata t.a.d. (t.a.d.)."),
            std::string::npos);
}

TEST(UnitKinds, AReportsOwnLayoutFileBesideItExtendsAShippedLayout) {
  ScratchDir dir("own-layout");
  std::string toml = slurp(kSrc / "tests/data/minimal.toml");
  const std::string shipped = "layout = \"lkjip\"\n";
  ASSERT_NE(toml.find(shipped), std::string::npos);
  toml.replace(toml.find(shipped), shipped.size(), "layout = \"own-layout.toml\"\n");
  fs::copy(kSrc / "tests/data/images", dir / "images", fs::copy_options::recursive);
  write_file(dir / "report.toml", toml);
  write_file(dir / "own-layout.toml",
             "extends = \"tata-naskah-dinas\"\n[header]\ntext = \"LKIP {unit} {year}\"\n");
  const std::string pdf = dir / "out.pdf";
  const Outcome r = run(kBin + " render " + quoted(dir / "report.toml") + " -o " +
                        quoted(pdf));
  ASSERT_EQ(r.code, 0) << r.out;
  // F4 (215 x 330 mm) from the extended layout, the running head from the report's own.
  EXPECT_NE(run("pdfinfo " + quoted(pdf)).out.find("609.449 x 935.433 pts"), std::string::npos);
  const std::string text = run("pdftotext " + quoted(pdf) + " -").out;
  EXPECT_NE(text.find("LKIP Kecamatan Sumberjaya 2024"), std::string::npos) << text;
  EXPECT_EQ(text.find("LKjIP Kecamatan Sumberjaya"), std::string::npos);
}


TEST(UnitKinds, AReportLevelBudgetAndBudgetsPerIkuGiveTheirOwnFigures) {
  ScratchDir dir("budget-levels");
  const std::string text = render_text(dir, kSrc / "tests/data/budget-levels.toml");
  const std::string all = flat(text);
  // [budget] without programs: 460 / 500 = 92,00 %; the overall mean of sasaran is
  // ((102,77… + 90) / 2 + 100) / 2 = 98,19 %, so efficiency 98,19… − 92 = 6,19 points.
  EXPECT_NE(all.find("Pagu Rp500.000.000, realisasi Rp460.000.000, serapan 92,00%, sisa "
                     "Rp40.000.000, efisiensi 6,19."),
            std::string::npos)
      << text;
  EXPECT_NE(line_with(text, " Jumlah  ").find("98,19% 92,00% 6,19"), std::string::npos);
  // Per IKU: 92,5 / 90 = 102,78 % against 142,5 / 150 = 95,00 % absorbed: 7,78 points;
  // 72 / 80 = 90,00 % against 95,00 %: −5,00 (U+2212). An IKU without a budget: t.a.d.
  EXPECT_NE(all.find("Layanan tepat waktu: anggaran Rp150.000.000, realisasi Rp142.500.000, "
                     "serapan 95,00%, sisa Rp7.500.000, efisiensi 7,78. Arsip: anggaran t.a.d."),
            std::string::npos);
  EXPECT_NE(line_with(text, "Persentase  ").find("102,78% Rp150.000.000 Rp142.500.000 95,00% 7,78"),
            std::string::npos);
  EXPECT_NE(line_with(text, "Indeks  ").find("90,00% Rp200.000.000 Rp190.000.000 95,00% \u22125,00"),
            std::string::npos);
  EXPECT_NE(all.find("Tanpa anggaran per indikator: Persentase Arsip Tertata."), std::string::npos);
}

TEST(UnitKinds, CheckReportsAReportLevelBudgetThatTheProgramsContradict) {
  ScratchDir dir("budget-contradicted");
  std::string toml = slurp(kSrc / "tests/data/budget-levels.toml");
  toml += "\n[[program]]\nid = \"p1\"\nname = \"Program Penunjang\"\nanggaran = 400000000\n";
  write_file(dir / "report.toml", toml);
  const Outcome check = run(kBin + " check " + quoted(dir / "report.toml"));
  EXPECT_EQ(check.code, 4) << check.out;
  // The programs' sum is the total; the typed pagu is named where it is written.
  EXPECT_NE(check.out.find("report.toml:50:1: warning: [budget].anggaran (vs the sum of the "
                           "programs' anggaran): the document states Rp500.000.000, computed "
                           "Rp400.000.000"),
            std::string::npos)
      << check.out;
}

TEST(UnitKinds, TheYearBeforeStandsBesideTheReportYearWithBothAverages) {
  ScratchDir dir("previous-year");
  const std::string text = render_text(dir, kSrc / "tests/data/previous-year.toml");
  // 2023: 63 / 70 = 90,00 % and 88 / 80 = 110,00 %: sasaran 1 mean 100, sasaran 2 has no
  // 2023 figure, so last year's mean of sasaran means is 100,00 %. 2024: (86,339… + 100) / 2
  // and 110 give 101,58 %: 1,58 points more.
  EXPECT_NE(flat(text).find("Rata-rata 101,58% tahun ini, 100,00% tahun lalu: meningkat 1,58 "
                            "poin (perubahan 1,58). AKIP menurun 3,66 poin."),
            std::string::npos)
      << text;
  EXPECT_NE(line_with(text, "Nilai  ").find("70 63 90,00% 70,20 60,61 86,34% \u22123,66"),
            std::string::npos);
  EXPECT_NE(line_with(text, "Persentase  ").find("t.a.d. t.a.d. t.a.d. 90% 99% 110,00% t.a.d."),
            std::string::npos);
  EXPECT_NE(line_with(text, "Rata-rata capaian sasaran strategis  ").find("100,00% 101,58% 1,58"),
            std::string::npos);
  EXPECT_NE(flat(text).find("Tanpa capaian tahun 2023 (tidak dihitung dalam rata-rata tahun "
                            "itu): Persentase Layanan Tepat Waktu."),
            std::string::npos);
}

TEST(UnitKinds, AMisspeltOrBrokenLayoutToExtendIsReportedOnceWhereItIs) {
  ScratchDir dir("extends-once");
  std::string toml = slurp(kSrc / "tests/data/minimal.toml");
  const std::string shipped = "layout = \"lkjip\"\n";
  ASSERT_NE(toml.find(shipped), std::string::npos);
  toml.replace(toml.find(shipped), shipped.size(), "layout = \"own-layout.toml\"\n");
  fs::copy(kSrc / "tests/data/images", dir / "images", fs::copy_options::recursive);
  write_file(dir / "report.toml", toml);
  auto errors = [](const std::string& out) {
    std::vector<std::string> found;
    std::istringstream lines(out);
    for (std::string line; std::getline(lines, line);)
      if (line.find(": error: ") != std::string::npos) found.push_back(line);
    return found;
  };
  auto render = [&] {
    return run("cd " + quoted(dir.path().string()) + " && " + kBin +
               " render report.toml -o out.pdf");
  };

  // A misspelt shipped layout: the one error is at the `extends` value, nothing after it.
  write_file(dir / "own-layout.toml", "extends = \"tata-naskah-dinass\"\n");
  Outcome r = render();
  EXPECT_EQ(r.code, 1) << r.out;
  auto found = errors(r.out);
  ASSERT_EQ(found.size(), 1u) << r.out;
  EXPECT_NE(found[0].find("own-layout.toml:1:11: error: unknown layout \"tata-naskah-dinass\""),
            std::string::npos)
      << r.out;

  // A layout beside it with a bad key: the one error is in that file, at the key.
  fs::create_directories(dir / "layouts");
  write_file(dir / "layouts/base.toml", "extends = \"lkjip\"\n[page]\nmargin_lef_mm = 20\n");
  write_file(dir / "own-layout.toml", "extends = \"base\"\n");
  r = render();
  EXPECT_EQ(r.code, 1) << r.out;
  found = errors(r.out);
  ASSERT_EQ(found.size(), 1u) << r.out;
  EXPECT_NE(found[0].find("layouts/base.toml:3:1: error: "), std::string::npos) << r.out;
  EXPECT_FALSE(fs::exists(dir / "out.pdf"));
}

}  // namespace lkjip::golden
