// Verdict words and counts in Megaluh's prose come from the computation: each expectation is
// recounted here from the description's own text, and corrections a planning officer makes (a
// realisasi, a new IKU) must change the words of the PDF.
#include <gtest/gtest.h>

#include <regex>

#include "tools.h"

namespace lkjip::golden {
namespace {

const fs::path kInput = kSrc / "input" / "megaluh-2024.toml";

/// The PDF's text in one line: whitespace runs as one space, words broken at a line end
/// ("ke-\nmajuan") joined again.
std::string pdf_prose(const std::string& pdf) {
  const std::string raw = run("pdftotext " + quoted(pdf) + " -").out;
  std::string out;
  for (size_t i = 0; i < raw.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(raw[i]);
    if (c == '-' && i + 1 < raw.size() && raw[i + 1] == '\n' && i > 0 &&
        std::isalpha(static_cast<unsigned char>(raw[i - 1]))) {
      ++i;  // a hyphenation point: drop the hyphen and the line break
    } else if (std::isspace(c)) {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

/// Renders `toml` (a variant of Megaluh written beside the original so that its relative
/// paths resolve) and returns the PDF's prose; fails the test when rendering fails.
std::string render_variant(const std::string& toml, const std::string& tag) {
  ScratchDir dir("words-" + tag);
  const fs::path variant =
      kInput.parent_path() / (".words-" + tag + "-" + std::to_string(::getpid()) + ".toml");
  write_file(variant, toml);
  const Outcome o =
      run(kBin + " render " + quoted(variant.string()) + " -o " + quoted(dir / "out.pdf"));
  fs::remove(variant);
  EXPECT_EQ(o.code, 0) << o.out;
  return pdf_prose(dir / "out.pdf");
}

/// Counts as an Indonesian text spells the small ones out (independent of the engine's table).
std::string in_words(size_t n) {
  static const char* const w[] = {"nol",  "satu",  "dua",     "tiga",     "empat",  "lima",
                                  "enam", "tujuh", "delapan", "sembilan", "sepuluh"};
  return std::to_string(n) + " (" + w[n] + ")";
}

size_t occurrences(const std::string& s, const std::string& what) {
  size_t n = 0;
  for (size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + 1)) ++n;
  return n;
}

/// The description's block of `[[iku]]` `id`, up to the next table header.
std::string iku_block(const std::string& toml, const std::string& id, size_t* where = nullptr) {
  const size_t at = toml.find("\nid = \"" + id + "\"\n");
  if (where) *where = at;
  return at == std::string::npos ? "" : toml.substr(at, toml.find("\n[", at) - at);
}

TEST(ComputedWords, MegaluhCountsAndTotalsInProseFollowTheData) {
  const std::string toml = slurp(kInput);
  const std::string text = render_variant(toml, "plain");
  const size_t iku = occurrences(toml, "\n[[iku]]\n"),
               sasaran = occurrences(toml, "\n[[sasaran]]\n");
  EXPECT_NE(
      text.find("memiliki " + in_words(sasaran) + " sasaran strategis yang dijabarkan dalam " +
                in_words(iku) + " Indikator Kinerja Utama"),
      std::string::npos);
  // The population table's rows, summed here: the prose prints that total, not the old 44.114.
  const size_t rows_at = toml.find("id = \"penduduk\"");
  ASSERT_NE(rows_at, std::string::npos);
  const std::string rows = toml.substr(rows_at, toml.find("total_label", rows_at) - rows_at);
  long total = 0;
  const std::regex cell(R"(\["[^"]+", (\d+)\])");
  for (auto it = std::sregex_iterator(rows.begin(), rows.end(), cell); it != std::sregex_iterator();
       ++it)
    total += std::stol((*it)[1]);
  const std::string dotted =
      std::to_string(total / 1000) + "." + std::to_string(total % 1000 + 1000).substr(1);
  EXPECT_NE(text.find("jumlah penduduk seluruhnya " + dotted + " Jiwa"), std::string::npos)
      << dotted;
  EXPECT_EQ(text.find("44.114"), std::string::npos);
  // IKM unsur rated "Baik" (76,60 < value <= 88,30 on the description's skala_ikm).
  const size_t unsur_at = toml.find("id = \"ikm_unsur\"");
  const std::string unsur = toml.substr(unsur_at, toml.find("\n]", unsur_at) - unsur_at);
  int baik = 0;
  const std::regex value(R"(value = ([0-9.]+))");
  for (auto it = std::sregex_iterator(unsur.begin(), unsur.end(), value);
       it != std::sregex_iterator(); ++it) {
    const double v = std::stod((*it)[1]);
    baik += v > 76.60 && v <= 88.30;
  }
  EXPECT_NE(text.find("ada " + std::to_string(baik) + " unsur layanan dengan nilai Baik"),
            std::string::npos);
}

TEST(ComputedWords, MegaluhRealisasiCorrectionFlipsTheVerdicts) {
  std::string toml = slurp(kInput);
  size_t at = 0;
  const std::string block = iku_block(toml, "ikm", &at);
  ASSERT_NE(block.find("\nrealisasi = 97.49\n"), std::string::npos);
  const std::string before = render_variant(toml, "ikm-before");
  EXPECT_NE(before.find("IKM Kecamatan Megaluh telah berhasil mencapai target capaian renstra"),
            std::string::npos);
  toml.replace(toml.find("\nrealisasi = 97.49\n", at), 18, "\nrealisasi = 80\n");
  const std::string after = render_variant(toml, "ikm-after");
  // 80 / 82 = 97,56%: below target, so every verdict of IKM turns.
  EXPECT_NE(after.find("IKM Kecamatan Megaluh belum berhasil mencapai target capaian renstra "
                       "dengan tingkat kemajuan 97,56%"),
            std::string::npos);
  EXPECT_NE(after.find("IKM Kecamatan Megaluh ditargetkan 82 hanya tercapai 80 dengan tingkat "
                       "capaian 97,56%"),
            std::string::npos);
  EXPECT_EQ(
      after.find("telah berhasil mencapai target capaian renstra dengan tingkat kemajuan 97,56%"),
      std::string::npos);
}

TEST(ComputedWords, MegaluhNewIkuChangesEveryCount) {
  std::string toml = slurp(kInput);
  const size_t iku = occurrences(toml, "\n[[iku]]\n");
  const size_t programs = toml.find("\n[[program]]\n");
  ASSERT_NE(programs, std::string::npos);
  toml.insert(programs, R"(
[[iku]]
id = "arsip"
sasaran = "s1"
name = "Persentase arsip yang tertata"
unit = "%"
target = 100
realisasi = 90
)");
  const std::string text = render_variant(toml, "new-iku");
  EXPECT_NE(text.find("dijabarkan dalam " + in_words(iku + 1) + " Indikator Kinerja Utama"),
            std::string::npos);
  EXPECT_NE(text.find("dari " + in_words(iku + 1) + " IKU"), std::string::npos);
  EXPECT_EQ(text.find("dijabarkan dalam " + in_words(iku) + " Indikator"), std::string::npos);
}

TEST(ComputedWords, MegaluhRenstraTablesComeFromRecords) {
  std::string toml = slurp(kInput);
  const std::string text = render_variant(toml, "renstra");
  // The original's P-Renstra figures that contradict its own records are not printed.
  for (const char* wrong : {"91,67%", "120,24%", "106,87%", "102,43%", "102,28%"})
    EXPECT_EQ(text.find(wrong), std::string::npos) << wrong;
  // Sinergitas: 63,49 / 73 × 100 = 86,97% (the original printed 91,67%), below the target.
  EXPECT_NE(text.find("Minimal Baik mencapai tingkat kemajuan 86,97% (target Renstra belum "
                      "tercapai)"),
            std::string::npos);
  const Outcome check = run(kBin + " check " + quoted(kInput.string()));
  EXPECT_NE(check.out.find("(Tingkat Kemajuan) of table `renstra_lama`: the document states "
                           "91,67%, computed 86,97%"),
            std::string::npos)
      << check.out;
  EXPECT_NE(check.out.find("kemajuan (progress to the Renstra target) of IKU `ikm`: the document "
                           "states 120,24%, computed 118,89%"),
            std::string::npos);
  EXPECT_NE(check.out.find("realisasi in 2023 of IKU `akip`: the document states 70,02, "
                           "computed 71,56"),
            std::string::npos);
  // A correction of the old indicator's realisasi moves the ratio and its verdict.
  const std::string row = "73, 69.33, 63.49,";
  ASSERT_NE(toml.find(row), std::string::npos);
  toml.replace(toml.find(row), row.size(), "73, 69.33, 73,");
  const std::string after = render_variant(toml, "renstra-after");
  EXPECT_NE(after.find("Minimal Baik mencapai tingkat kemajuan 100,00% (target Renstra telah "
                       "tercapai)"),
            std::string::npos);
}

}  // namespace
}  // namespace lkjip::golden
