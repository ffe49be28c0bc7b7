// Paragraph flows: the warnings a reader's problems in the description deserve.
#include "layout/blocks.h"

#include <gtest/gtest.h>

#include <string>

#include "layout/vlist.h"
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

TEST_F(LayoutTest, PageNeverTurnsAfterAHyphenatedLine) {
  // Compounds break after their own hyphen, so lines end in "-" without a hyphenator.
  std::string text;
  for (int i = 0; i < 6; ++i)
    text += "Pemerintah daerah menyusun laporan kinerja setiap tahun sebagai bentuk "
            "pertanggungjawaban atas program-program dan kegiatan-kegiatan yang telah "
            "dilaksanakan oleh perangkat-perangkat daerah. ";
  std::vector<Piece> pieces;
  paragraph_pieces(ctx_, paragraph(text), style_.body, Pt(0), Pt(150), pieces);
  ASSERT_GT(pieces.size(), 6u);
  size_t hyphenated = 0;
  for (size_t i = 0; i + 1 < pieces.size(); ++i) {
    const std::string line = text_of(pieces[i].frame);
    if (line.size() < 2 || line[line.size() - 2] != '-') continue;
    ++hyphenated;
    EXPECT_FALSE(pieces[i + 1].break_before) << "page may turn after line " << i + 1 << ": " << line;
  }
  EXPECT_GT(hyphenated, 0u);
  // A page ending right after a hyphenated line ends a line earlier instead.
  for (size_t i = 2; i + 2 < pieces.size(); ++i) {
    const std::string line = text_of(pieces[i].frame);
    if (line[line.size() - 2] != '-' || text_of(pieces[i - 1].frame).ends_with("-\n")) continue;
    VListFlow flow(Pt(150), pieces);
    Pt avail;
    for (size_t k = 0; k <= i; ++k) avail += pieces[k].frame.size.height;
    const auto first = flow.next(avail, false);
    ASSERT_TRUE(first);
    EXPECT_EQ(text_of(first->frame).size(), [&] {
      size_t n = 0;
      for (size_t k = 0; k < i; ++k) n += text_of(pieces[k].frame).size();
      return n;
    }());
    return;
  }
  std::string all;
  for (const auto& p : pieces) all += text_of(p.frame);
  ADD_FAILURE() << "no hyphenated line after an unhyphenated one:\n" << all;
}

}  // namespace
}  // namespace lkjip::layout
