// Paragraph flows: the warnings a reader's problems in the description deserve.
#include "layout/blocks.h"

#include <gtest/gtest.h>

#include <string>

#include "layout_fixture.h"

namespace lkjip::layout {
namespace {

using namespace testing;

doc::Paragraph paragraph(std::string text) {
  doc::Paragraph p;
  p.content = {doc::Inline{std::move(text), false, false, false, ""}};
  p.loc = {"laporan.toml", 12, 3};
  return p;
}

/// Warnings of `sink` whose message contains `needle`.
std::vector<Diagnostic> warnings_with(const DiagnosticSink& sink, const std::string& needle) {
  std::vector<Diagnostic> out;
  for (const auto& d : sink.all())
    if (d.severity == Severity::warning && d.message.find(needle) != std::string::npos)
      out.push_back(d);
  return out;
}

TEST_F(LayoutTest, WordWiderThanTheLineIsBrokenWithALocatedWarning) {
  make_paragraph_flow(ctx_, paragraph("awal " + std::string(300, 'x') + " akhir"), Pt(400));
  const auto found = warnings_with(sink_, "broken without a hyphen");
  ASSERT_EQ(found.size(), 1u) << "one warning per paragraph";
  EXPECT_EQ(found[0].loc.line, 12);
  EXPECT_EQ(found[0].loc.column, 3);
  EXPECT_NE(found[0].message.find("lines 1, 2, 3"), std::string::npos) << found[0].message;
  EXPECT_FALSE(found[0].hints.empty());
}

TEST_F(LayoutTest, OrdinaryParagraphBreaksNoWord) {
  make_paragraph_flow(ctx_,
                      paragraph("Laporan Kinerja Instansi Pemerintah disusun setiap tahun sebagai "
                                "bentuk pertanggungjawaban atas pelaksanaan tugas dan fungsi."),
                      Pt(200));
  EXPECT_TRUE(warnings_with(sink_, "broken without a hyphen").empty());
}

}  // namespace
}  // namespace lkjip::layout
