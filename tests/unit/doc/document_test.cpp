// The whole document: a golden dump of the sample report and real descriptions end to end.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "doc/build.h"
#include "sample_report.h"

namespace lkjip::doc {
namespace {

const report::LayoutStyle kStyle;  // the lkjip layout's defaults

std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

/// The golden file is regenerated with LKJIP_UPDATE_GOLDEN=1 and then reviewed by eye.
TEST(Dump, SmallDocumentMatchesGolden) {
  report::Report r = testing::sample_report();
  r.foreword = testing::narrative("Syukur **Alhamdulillah**, laporan {report.year} selesai.", 50);
  r.chapters = {
      {"pendahuluan",
       "PENDAHULUAN",
       testing::narrative("Susunan organisasi ({ref:struktur}):\n\n"
                          "1. Camat\n2. Sekretariat\n   - Sub Bagian Umum\n\n"
                          "# Kependudukan {#penduduk-bab}\n\n@table penduduk\n@figure struktur",
                          100),
       {}},
      {"akuntabilitas",
       "AKUNTABILITAS KINERJA",
       testing::narrative("## Capaian {-}\n\nRata-rata {capaian.rata_rata}.\n\n@table measurement\n"
                          "@table multiyear\n@chart grafik\n@pagebreak\n@signature bupati camat",
                          200),
       {}},
  };
  testing::Sample s(std::move(r));
  DiagnosticSink sink;
  auto doc = build(s.report, s.computed, kStyle, sink);
  ASSERT_TRUE(doc);
  const std::string path = LKJIP_SOURCE_DIR "/tests/unit/doc/golden/small.dump";
  const std::string actual = dump(*doc);
  if (std::getenv("LKJIP_UPDATE_GOLDEN")) std::ofstream(path, std::ios::binary) << actual;
  EXPECT_EQ(actual, read(path));
}

/// Real descriptions load, compute and build without a single error.
class Descriptions : public ::testing::TestWithParam<const char*> {};

TEST_P(Descriptions, BuildWithoutErrors) {
  DiagnosticSink sink;
  auto r = report::load_description(std::string(LKJIP_SOURCE_DIR "/") + GetParam(), {}, sink);
  ASSERT_TRUE(r) << (sink.all().empty() ? "" : format_diagnostic(sink.all()[0]));
  compute::ComputedTables c = compute::compute(*r);
  auto doc = build(*r, c, kStyle, sink);
  std::string diagnostics;
  for (const auto& d : sink.all()) diagnostics += format_diagnostic(d) + "\n";
  ASSERT_TRUE(doc) << diagnostics;
  EXPECT_EQ(sink.error_count(), 0u) << diagnostics;
  EXPECT_EQ(doc->body.size(), r->chapters.size());
  EXPECT_FALSE(dump(*doc).empty());
}

INSTANTIATE_TEST_SUITE_P(Doc, Descriptions,
                         ::testing::Values("tests/data/minimal.toml", "input/megaluh-2024.toml"));

}  // namespace
}  // namespace lkjip::doc
