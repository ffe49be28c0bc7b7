// The example descriptions of other kinds of unit under input/ (issue #14), rendered through the
// real binary and read back as a reader would. Each example is rendered and extracted once: under
// ctest by the fixture tests example_rendering.<stem> (tests/golden/render_and_extract.sh into
// the folder LKJIP_EXAMPLES_RENDERING names), run by hand into a scratch folder. Every figure
// checked here is recomputed from the numbers typed in the description, never typed in the test.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <optional>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "tools.h"

namespace lkjip::golden {
namespace {

/// `s` with every run of whitespace made one space, trimmed.
std::string flat(const std::string& s) {
  std::string out = std::regex_replace(s, std::regex("\\s+"), " ");
  if (!out.empty() && out.front() == ' ') out.erase(0, 1);
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

/// One rendered example: the render's exit status and messages, the text of every page.
struct Rendering {
  int code = -1;
  std::string out;                 // stdout + stderr of the render
  std::string pdf;                 // the PDF's path
  std::vector<std::string> pages;  // pdftotext -layout, one string per page
};

/// The rendering of input/<stem>.toml, made once per process (or read from the ctest fixture).
const Rendering& rendering(const std::string& stem) {
  static std::map<std::string, Rendering> done;
  static std::vector<std::unique_ptr<ScratchDir>> scratch;
  if (auto it = done.find(stem); it != done.end()) return it->second;
  fs::path dir;
  if (const char* shared = std::getenv("LKJIP_EXAMPLES_RENDERING"); shared && *shared) {
    dir = fs::path(shared) / stem;
  } else {
    scratch.push_back(std::make_unique<ScratchDir>("example-" + stem));
    dir = scratch.back()->path() / "rendering";
    const Outcome prepared = run(
        quoted((kSrc / "tests/golden/render_and_extract.sh").string()) + " " + quoted(kBin) + " " +
        quoted((kSrc / "input" / (stem + ".toml")).string()) + " " + quoted(dir.string()));
    EXPECT_EQ(prepared.code, 0) << prepared.out;
  }
  Rendering r;
  const std::string code = slurp(dir / "render.code");
  r.code = code.empty() ? -1 : std::stoi(code);
  r.out = slurp(dir / "render.out");
  r.pdf = (dir / "out.pdf").string();
  const std::string text = slurp(dir / "layout.txt");
  for (size_t at = 0, ff; (ff = text.find('\f', at)) != std::string::npos; at = ff + 1)
    r.pages.push_back(text.substr(at, ff - at));
  return done.emplace(stem, std::move(r)).first->second;
}

/// An [[iku]] record as typed in the description (read with a line scanner, not lkjip).
struct Iku {
  std::string id, sasaran, name, no_data;
  bool lower = false;
  std::optional<double> target, realisasi;
};

std::vector<Iku> ikus_of(const std::string& stem) {
  const std::string toml = slurp(kSrc / "input" / (stem + ".toml"));
  std::vector<Iku> out;
  const std::regex str(R"re(^(\w+) = "(.*)"$)re"), num(R"(^(\w+) = (-?[0-9.]+)$)");
  for (size_t at = toml.find("\n[[iku]]\n"); at != std::string::npos;
       at = toml.find("\n[[iku]]\n", at + 1)) {
    const size_t begin = at + 9, end = toml.find("\n[", begin);
    std::istringstream block(toml.substr(begin, end - begin));
    Iku iku;
    for (std::string line; std::getline(block, line);) {
      std::smatch m;
      if (std::regex_match(line, m, str)) {
        if (m[1] == "id") iku.id = m[2];
        if (m[1] == "sasaran") iku.sasaran = m[2];
        if (m[1] == "name") iku.name = m[2];
        if (m[1] == "no_data") iku.no_data = m[2];
        if (m[1] == "direction") iku.lower = m[2] == "lower";
      } else if (std::regex_match(line, m, num)) {
        if (m[1] == "target") iku.target = std::stod(m[2]);
        if (m[1] == "realisasi") iku.realisasi = std::stod(m[2]);
      }
    }
    out.push_back(iku);
  }
  return out;
}

/// Capaian by SCHEMA.md's rule: realisasi/target (higher), (2t − r)/t (lower), and for a zero
/// target (lower only) 100 % at realisasi 0, 0 % otherwise.
double capaian(const Iku& iku) {
  const double t = *iku.target, r = *iku.realisasi;
  if (t == 0) return r <= 0 ? 100.0 : 0.0;
  return (iku.lower ? (2 * t - r) / t : r / t) * 100.0;
}

/// `v` as lkjip prints a percentage with 2 decimals: "113,33%".
std::string percent(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f%%", std::round(v * 100.0) / 100.0);
  std::string s = buf;
  s[s.find('.')] = ',';
  return s;
}

/// Index of the first page holding `text` (whitespace flattened); -1 when none.
int page_with(const Rendering& r, const std::string& text) {
  for (size_t i = 0; i < r.pages.size(); ++i)
    if (flat(r.pages[i]).find(text) != std::string::npos) return static_cast<int>(i);
  return -1;
}

/// The flattened text from the first line of page `page` holding `from` to the end of the page.
std::string from_line(const Rendering& r, int page, const std::string& from) {
  const std::string& text = r.pages.at(static_cast<size_t>(page));
  size_t at = text.find(from);
  if (at == std::string::npos) return "";
  at = text.rfind('\n', at);
  return flat(text.substr(at == std::string::npos ? 0 : at));
}

const std::string kInspektorat = "inspektorat-contoh-2025";

TEST(ExampleInspektorat, RendersAndChecksWithoutDisagreement) {
  const Rendering& r = rendering(kInspektorat);
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_EQ(r.out.find("error"), std::string::npos) << r.out;
  ASSERT_GT(r.pages.size(), 10u);
  const Outcome check =
      run(kBin + " check " + quoted((kSrc / "input" / (kInspektorat + ".toml")).string()));
  EXPECT_EQ(check.code, 0) << check.out;
}

TEST(ExampleInspektorat, IndicatorsWithoutDataPrintTadAndAreNamedUnderTheMeasurementTable) {
  const Rendering& r = rendering(kInspektorat);
  const int page =
      page_with(r, "Pengukuran Kinerja Inspektorat Daerah Kabupaten Contoh Tahun 2025 No");
  ASSERT_GE(page, 0);
  const std::string table = from_line(r, page, "Pengukuran Kinerja Inspektorat");
  int without = 0;
  for (const Iku& iku : ikus_of(kInspektorat)) {
    if (iku.no_data.empty()) continue;
    ++without;
    // Target, then t.a.d. for realisasi, capaian and predikat, on the indicator's first line.
    const std::string first_words = iku.name.substr(0, iku.name.find(' ', 12));
    const size_t row = table.find(first_words);
    ASSERT_NE(row, std::string::npos) << iku.name << "\n" << table;
    EXPECT_NE(table.find("t.a.d. t.a.d. t.a.d.", row), std::string::npos) << iku.name;
    // The note under the table names the indicator and its reason.
    EXPECT_NE(table.find(iku.name + " (" + iku.no_data + ")"), std::string::npos)
        << iku.name << "\n"
        << table;
  }
  EXPECT_EQ(without, 2);
}

TEST(ExampleInspektorat, ZeroTargetsAndLowerIsBetterGetTheDocumentedCapaian) {
  const Rendering& r = rendering(kInspektorat);
  const int page =
      page_with(r, "Pengukuran Kinerja Inspektorat Daerah Kabupaten Contoh Tahun 2025 No");
  ASSERT_GE(page, 0);
  const std::string table = from_line(r, page, "Pengukuran Kinerja Inspektorat");
  int zero_targets = 0, lower = 0;
  for (const Iku& iku : ikus_of(kInspektorat)) {
    if (!iku.lower) continue;
    ++lower;
    ASSERT_TRUE(iku.target && iku.realisasi) << iku.id;
    if (*iku.target == 0) ++zero_targets;
    const std::string first_words = iku.name.substr(0, iku.name.find(' ', 12));
    const size_t row = table.find(first_words);
    ASSERT_NE(row, std::string::npos) << iku.name;
    const size_t cap = table.find(percent(capaian(iku)), row);
    EXPECT_NE(cap, std::string::npos) << iku.id << " " << percent(capaian(iku));
    EXPECT_LT(cap, table.find("Jumlah", row + 10)) << iku.id;  // on its own row, not a later one
  }
  EXPECT_EQ(zero_targets, 2);  // one met (0 → 100 %), one missed (→ 0 %)
  EXPECT_EQ(lower, 3);
}

TEST(ExampleInspektorat, TheMeanOfSasaranMeansLeavesOutIndicatorsWithoutData) {
  const Rendering& r = rendering(kInspektorat);
  std::map<std::string, std::pair<double, int>> per_sasaran;
  for (const Iku& iku : ikus_of(kInspektorat)) {
    auto& [sum, n] = per_sasaran[iku.sasaran];
    if (!iku.realisasi) continue;
    sum += capaian(iku);
    ++n;
  }
  double total = 0;
  int measured = 0;
  for (const auto& [id, sn] : per_sasaran) {
    if (sn.second == 0) continue;
    total += sn.first / sn.second;
    ++measured;
  }
  ASSERT_EQ(per_sasaran.size(), 3u);
  ASSERT_EQ(measured, 2);  // the third sasaran has no figure at all and still renders
  const std::string mean = percent(total / measured);
  const int page = page_with(r, "Rata-rata capaian sasaran strategis " + mean);
  EXPECT_GE(page, 0) << mean;
  // The Kesimpulan says the same figure and counts the indicators not measured.
  EXPECT_GE(page_with(r, "rata-rata capaian sasaran " + mean), 0) << mean;
  const auto ikus = ikus_of(kInspektorat);
  const auto without =
      std::count_if(ikus.begin(), ikus.end(), [](const Iku& i) { return !i.realisasi; });
  const std::regex counted(std::to_string(ikus.size()) +
                           R"( \(\w+\) indikator kinerja utama yang )" + std::to_string(without) +
                           R"( \(\w+\) di antaranya belum dapat diukur)");
  bool found = false;
  for (const std::string& p : r.pages) found = found || std::regex_search(flat(p), counted);
  EXPECT_TRUE(found);
}

/// The page label printed at the foot of page `i`: its last non-empty line.
std::string label_of(const Rendering& r, size_t i) {
  std::istringstream in(r.pages.at(i));
  std::string last;
  for (std::string l; std::getline(in, l);)
    if (!flat(l).empty()) last = flat(l);
  return last;
}

TEST(ExampleInspektorat, ReviewSummaryAndLampiranHaveTheirPagesAndContentsLines) {
  const Rendering& r = rendering(kInspektorat);
  const int contents = page_with(r, "DAFTAR ISI KATA PENGANTAR");
  ASSERT_GE(contents, 0);
  const std::string toc = flat(r.pages[static_cast<size_t>(contents)]);
  // Each entry's label is the page its heading opens: front matter roman, the Lampiran arabic
  // after BAB IV, not a BAB.
  for (const std::string heading :
       {"KATA PENGANTAR", "PERNYATAAN TELAH DIREVIU", "RINGKASAN EKSEKUTIF",
        "LAMPIRAN 1 REKAPITULASI TINDAK LANJUT REKOMENDASI"}) {
    std::smatch m;
    ASSERT_TRUE(std::regex_search(toc, m, std::regex(heading + R"([ .]+ ([ivx]+|\d+)\b)")))
        << heading << "\n"
        << toc;
    int opening = -1;
    for (size_t i = 0; i < r.pages.size() && opening < 0; ++i)
      if (flat(r.pages[i]).rfind(heading, 0) == 0) opening = static_cast<int>(i);
    ASSERT_GE(opening, 0) << heading;
    EXPECT_EQ(label_of(r, static_cast<size_t>(opening)), m[1].str()) << heading;
  }
  EXPECT_EQ(toc.find("BAB V"), std::string::npos);
  EXPECT_LT(toc.find("BAB IV PENUTUP"), toc.find("LAMPIRAN 1"));
  // The Kata Pengantar keeps the report's signature; the statement carries the reviewer's.
  const int foreword = page_with(r, "KATA PENGANTAR Puji syukur");
  const int review = page_with(r, "PERNYATAAN TELAH DIREVIU Kami telah mereviu");
  ASSERT_GE(foreword, 0);
  ASSERT_GE(review, 0);
  EXPECT_NE(flat(r.pages[static_cast<size_t>(foreword)]).find("HARIS CONTOH"), std::string::npos);
  EXPECT_NE(flat(r.pages[static_cast<size_t>(review)]).find("RINA CONTOHSARI"), std::string::npos);
  // The summary's figures are the computed ones, the same as the measurement table's.
  const int summary = page_with(r, "RINGKASAN EKSEKUTIF Laporan Kinerja");
  ASSERT_GE(summary, 0);
  std::smatch mean;
  const std::string measured =
      flat(r.pages[static_cast<size_t>(page_with(r, "Rata-rata capaian sasaran strategis"))]);
  ASSERT_TRUE(std::regex_search(measured, mean,
                                std::regex(R"(Rata-rata capaian sasaran strategis ([0-9,]+%))")));
  EXPECT_NE(
      flat(r.pages[static_cast<size_t>(summary)]).find("dapat diukur sebesar " + mean[1].str()),
      std::string::npos);
  // A table placed in the Lampiran is numbered by it.
  EXPECT_GE(page_with(r, "Tabel L1.1 Status Tindak Lanjut Rekomendasi"), 0);
}

}  // namespace
}  // namespace lkjip::golden
