#include "text/paragraph.h"

#include <gtest/gtest.h>

#include <sstream>
#include <thread>

#include "test_fonts.h"

namespace lkjip::text {
namespace {

using testing::shared_fonts;
using testing::shared_hyphenator;

const Font* font(FontStyle style = FontStyle::regular, const char* family = "Liberation Serif") {
  return shared_fonts()->find(family, style);
}

const std::string kText =
    "Laporan Kinerja Instansi Pemerintah merupakan bentuk pertanggungjawaban atas pelaksanaan "
    "tugas dan fungsi yang dipercayakan kepada setiap instansi pemerintah atas penggunaan "
    "anggaran. Penyelenggaraan pemerintahan yang baik menuntut akuntabilitas, transparansi, "
    "efisiensi dan efektivitas dalam pengelolaan keuangan daerah. Realisasi anggaran tahun 2024 "
    "mencapai Rp 3.023.722.086 atau 87,48% dari pagu, sedangkan capaian kinerja sasaran "
    "strategis menunjukkan peningkatan kesejahteraan masyarakat dan pembangunan infrastruktur.";

ParagraphOptions width(double w, Align align = Align::justify) {
  ParagraphOptions o;
  o.align = align;
  o.line_widths = {Pt(w)};
  return o;
}

std::vector<Span> plain(const std::string& text, Pt size = Pt(11)) {
  Span s;
  s.text = text;
  s.font = font();
  s.size = size;
  return {s};
}

/// Right edge of the line's glyphs.
double right_edge(const SetLine& l) {
  double r = 0;
  for (const auto& run : l.runs) r = std::max(r, (run.origin.x + run.width()).v);
  return r;
}

std::string line_text(const SetLine& l) {
  std::string t;
  for (const auto& run : l.runs) t += run.text;
  return t;
}

/// The paragraph's text as a PDF reader would extract it, hyphens of hyphenated breaks
/// removed and the other line ends read as spaces.
std::string extracted(const ComposedParagraph& p) {
  std::string t;
  for (const auto& l : p.lines) {
    std::string s = line_text(l);
    if (l.ends_with_hyphen && !s.empty() && s.back() == '-') {
      s.pop_back();
      t += s;
    } else {
      t += s + " ";
    }
  }
  if (!t.empty() && t.back() == ' ') t.pop_back();
  return t;
}

/// Every glyph's cluster range lies inside its run's text, and the non-empty ranges tile
/// the text in order, so /ToUnicode reproduces the text exactly.
void expect_clusters_tile_text(const ComposedParagraph& p) {
  for (const auto& l : p.lines) {
    for (const auto& run : l.runs) {
      uint32_t next = 0;
      for (const auto& g : run.glyphs) {
        ASSERT_LE(g.cluster_begin, g.cluster_end);
        ASSERT_LE(g.cluster_end, run.text.size());
        if (g.cluster_begin == g.cluster_end) continue;
        ASSERT_EQ(g.cluster_begin, next) << run.text;
        next = g.cluster_end;
      }
      EXPECT_EQ(next, run.text.size()) << run.text;
    }
  }
}

TEST(ComposeParagraph, JustifiedLinesFillTheMeasure) {
  const auto p = compose_paragraph(plain(kText), width(300), shared_hyphenator().get());
  ASSERT_GE(p.lines.size(), 5u);
  EXPECT_EQ(p.overfull_lines, 0u);
  for (size_t i = 0; i + 1 < p.lines.size(); ++i) {
    EXPECT_NEAR(right_edge(p.lines[i]), 300, 0.01) << "line " << i << ": " << line_text(p.lines[i]);
    EXPECT_NEAR(p.lines[i].natural_width.v, 300, 0.01);
    EXPECT_GE(p.lines[i].ratio, -1);
    EXPECT_LE(p.lines[i].ratio, 2);
    EXPECT_FALSE(p.lines[i].breaks_word) << "line " << i;
  }
  EXPECT_LT(right_edge(p.lines.back()), 300);
}

TEST(ComposeParagraph, NoLineLeavesTheMeasureNotEvenTheLast) {
  // Every width from 150 to 450 pt in quarter points: among them are widths where the best
  // breaks shrink the last line (its natural width is a little over the measure), which was
  // then set at its natural width, into the margin.
  size_t shrunk_last = 0;
  for (double w = 150; w <= 450; w += 0.25) {
    const auto p = compose_paragraph(plain(kText), width(w), shared_hyphenator().get());
    ASSERT_EQ(p.overfull_lines, 0u) << w;
    for (size_t i = 0; i < p.lines.size(); ++i)
      ASSERT_LE(right_edge(p.lines[i]), w + 1e-6)
          << "width " << w << ", line " << i << ": " << line_text(p.lines[i]);
    shrunk_last += p.lines.back().ratio < 0;
  }
  EXPECT_GT(shrunk_last, 0u) << "no width exercised a shrunk last line";
}

TEST(ComposeParagraph, ExtractedTextEqualsInput) {
  for (double w : {120.0, 200.0, 300.0, 451.0}) {
    const auto p = compose_paragraph(plain(kText), width(w), shared_hyphenator().get());
    EXPECT_EQ(extracted(p), kText) << w;
    expect_clusters_tile_text(p);
  }
}

TEST(ComposeParagraph, HyphenatedLineEndsWithAHyphenGlyph) {
  const auto p = compose_paragraph(plain("penyelenggaraan pemerintahan akuntabilitas kinerja"),
                                   width(90), shared_hyphenator().get());
  const Font* f = font();
  const uint32_t hyphen_gid = f->shape("-")->glyphs.at(0).gid;
  size_t hyphenated = 0;
  for (const auto& l : p.lines) {
    if (!l.ends_with_hyphen) continue;
    ++hyphenated;
    const auto& run = l.runs.back();
    ASSERT_FALSE(run.text.empty());
    EXPECT_EQ(run.text.back(), '-');
    EXPECT_EQ(run.glyphs.back().gid, hyphen_gid);
    EXPECT_EQ(run.glyphs.back().cluster_begin, run.text.size() - 1);
    EXPECT_EQ(run.glyphs.back().cluster_end, run.text.size());
  }
  EXPECT_GT(hyphenated, 0u);
  EXPECT_EQ(extracted(p), "penyelenggaraan pemerintahan akuntabilitas kinerja");
}

TEST(ComposeParagraph, NoHyphenationWhenDisabled) {
  auto options = width(70);
  options.hyphenate = false;
  const auto p = compose_paragraph(plain("penyelenggaraan pemerintahan akuntabilitas kinerja"),
                                   options, shared_hyphenator().get());
  for (const auto& l : p.lines) EXPECT_FALSE(l.ends_with_hyphen) << line_text(l);
  EXPECT_EQ(p.lines.size(), 4u);
}

TEST(ComposeParagraph, SpacesAreRealSpaceGlyphs) {
  const auto p = compose_paragraph(plain("tugas dan fungsi"), width(400), nullptr);
  ASSERT_EQ(p.lines.size(), 1u);
  const auto& runs = p.lines[0].runs;
  ASSERT_EQ(runs.size(), 1u);
  EXPECT_EQ(runs[0].text, "tugas dan fungsi");
  const uint32_t space = font()->shape(" ")->glyphs.at(0).gid;
  EXPECT_EQ(runs[0].glyphs[5].gid, space);
  EXPECT_EQ(runs[0].glyphs[5].cluster_begin, 5u);
  EXPECT_EQ(runs[0].glyphs[5].cluster_end, 6u);
  // The last line is set ragged: natural space width.
  EXPECT_NEAR(runs[0].glyphs[5].advance.v, font()->width(" ", Pt(11)).v, 1e-9);
}

TEST(ComposeParagraph, ExplicitHyphenIsABreakOpportunity) {
  const std::string text = "peraturan perundang-undangan daerah";
  const auto p = compose_paragraph(plain(text), width(95), nullptr);
  ASSERT_GE(p.lines.size(), 2u);
  EXPECT_EQ(line_text(p.lines[0]), "peraturan perundang-");
  EXPECT_TRUE(p.lines[0].ends_with_hyphen);
  std::string all;
  for (const auto& l : p.lines) all += line_text(l) + (l.ends_with_hyphen ? "" : " ");
  all.pop_back();
  EXPECT_EQ(all, text);
}

TEST(ComposeParagraph, SlashIsABreakOpportunityAndItsPartsAreHyphenated) {
  const std::string text = "kebijakan di Desa/Kelurahan dan Kecamatan";
  const auto measure = [](const char* s) { return font()->width(s, Pt(11)).v; };
  // Without a hyphenator the only break inside the compound is after its slash.
  auto p = compose_paragraph(plain(text), width(measure("kebijakan di Desa/") + 2), nullptr);
  ASSERT_GE(p.lines.size(), 2u);
  EXPECT_EQ(line_text(p.lines[0]), "kebijakan di Desa/");
  EXPECT_FALSE(p.lines[0].ends_with_hyphen);  // nothing was added at the break
  EXPECT_TRUE(line_text(p.lines[1]).starts_with("Kelurahan")) << line_text(p.lines[1]);
  EXPECT_LE(p.lines[0].ratio, 2.0);
  // The part after the slash is hyphenated on its own.
  p = compose_paragraph(plain(text), width(measure("kebijakan di Desa/Kelur-") + 1),
                        shared_hyphenator().get());
  ASSERT_GE(p.lines.size(), 2u);
  EXPECT_TRUE(p.lines[0].ends_with_hyphen) << line_text(p.lines[0]);
  EXPECT_TRUE(line_text(p.lines[0]).starts_with("kebijakan di Desa/Ke")) << line_text(p.lines[0]);
  EXPECT_LE(p.lines[0].ratio, 2.0);
  // A ragged line (a table cell) may end after the slash too, not in the middle of a part.
  p = compose_paragraph(plain("Desa/Kelurahan"), width(measure("Desa/Kelurahan") - 2, Align::left),
                        nullptr);
  ASSERT_EQ(p.lines.size(), 2u);
  EXPECT_EQ(line_text(p.lines[0]), "Desa/");
  EXPECT_EQ(line_text(p.lines[1]), "Kelurahan");
  // "s/d" is too short to break: the line holding it stays whole.
  p = compose_paragraph(plain("nilai 90% s/d 110%"), width(measure("nilai 90% s/") + 2), nullptr);
  for (const auto& l : p.lines) EXPECT_FALSE(line_text(l).ends_with("s/")) << line_text(l);
}

TEST(ComposeParagraph, ClosingPunctuationAfterASpaceNeverStartsALine) {
  // "… sebagai berikut :" typed with a space before the colon: at every width where the colon
  // would fit alone on the next line, it stays with the word before it.
  const std::string text = "Data tersebut dapat dilihat pada tabel di bawah ini :";
  int widths_tried = 0;
  for (double w = 120; w <= 300; w += 2.5) {
    for (Align align : {Align::justify, Align::left}) {
      const auto p = compose_paragraph(plain(text), width(w, align), nullptr);
      ASSERT_FALSE(p.lines.empty());
      for (const auto& line : p.lines) {
        const std::string t = line_text(line);
        EXPECT_NE(t.find_first_not_of(' '), t.find(':')) << "w=" << w << ": '" << t << "'";
      }
      ++widths_tried;
    }
  }
  EXPECT_GT(widths_tried, 100);
}

TEST(ComposeParagraph, ForcedBreakEndsARaggedLine) {
  const auto p =
      compose_paragraph(plain("Kepala Dinas\nDr. Budi Santoso, M.Si."), width(300), nullptr);
  ASSERT_EQ(p.lines.size(), 2u);
  EXPECT_EQ(line_text(p.lines[0]), "Kepala Dinas");
  EXPECT_EQ(line_text(p.lines[1]), "Dr. Budi Santoso, M.Si.");
  EXPECT_LT(right_edge(p.lines[0]), 100);
}

TEST(ComposeParagraph, EmptyParagraphHasNoLines) {
  EXPECT_TRUE(compose_paragraph({}, width(300), nullptr).lines.empty());
  EXPECT_TRUE(compose_paragraph(plain(""), width(300), nullptr).lines.empty());
  EXPECT_TRUE(compose_paragraph(plain("  \n  "), width(300), nullptr).lines.empty());
}

TEST(ComposeParagraph, OverlongWordIsSplitNotOverfull) {
  std::string word;
  for (int i = 0; i < 30; ++i) word += "abcdefghij";
  const auto p =
      compose_paragraph(plain("awal " + word + " akhir"), width(200), shared_hyphenator().get());
  EXPECT_EQ(p.overfull_lines, 0u);
  ASSERT_GE(p.lines.size(), 3u);
  for (const auto& l : p.lines) EXPECT_LE(right_edge(l), 200.01);
  std::string all;
  for (const auto& l : p.lines) {
    std::string t = line_text(l);
    if (l.ends_with_hyphen) t.pop_back();  // the hyphen a division adds
    all += t;
  }
  std::erase(all, ' ');  // spaces at line ends are not set
  EXPECT_EQ(all, "awal" + word + "akhir");
  // The lines that end inside the word end with a hyphen (at a hyphenation point, letters
  // spaced to fill the line) or say that they break it (layout warns about them); the last
  // does neither.
  for (size_t i = 1; i + 1 < p.lines.size(); ++i)
    EXPECT_TRUE(p.lines[i].ends_with_hyphen || p.lines[i].breaks_word) << i;
  EXPECT_FALSE(p.lines.back().breaks_word);
}

TEST(ComposeParagraph, UnbreakableWideContentIsMarkedOverfull) {
  // One glyph cluster cannot be split: a single wide character in a very narrow measure.
  const auto p = compose_paragraph(plain("W", Pt(40)), width(10), nullptr);
  ASSERT_EQ(p.lines.size(), 1u);
  EXPECT_EQ(line_text(p.lines[0]), "W");
  EXPECT_GT(right_edge(p.lines[0]), 10);
  EXPECT_TRUE(p.lines[0].overfull);
  EXPECT_EQ(p.overfull_lines, 1u);
}

TEST(ComposeParagraph, AlignmentAndIndent) {
  const std::string text = "Bupati Megaluh";
  const double w = font()->width(text, Pt(11)).v;
  const auto right = compose_paragraph(plain(text), width(300, Align::right), nullptr);
  EXPECT_NEAR(right.lines.at(0).runs.at(0).origin.x.v, 300 - w, 1e-6);
  const auto center = compose_paragraph(plain(text), width(300, Align::center), nullptr);
  EXPECT_NEAR(center.lines.at(0).runs.at(0).origin.x.v, (300 - w) / 2, 1e-6);
  auto indented = width(300);
  indented.first_line_indent = Pt(20);
  const auto p = compose_paragraph(plain(kText), indented, nullptr);
  EXPECT_NEAR(p.lines.at(0).runs.at(0).origin.x.v, 20, 1e-9);
  EXPECT_NEAR(p.lines.at(1).runs.at(0).origin.x.v, 0, 1e-9);
  EXPECT_NEAR(right_edge(p.lines[0]), 300, 0.01);
}

TEST(ComposeParagraph, SpaceFactorIsTheWidestSpaceAsSet) {
  // What loose-line warnings report: measured here from the space glyphs actually placed.
  const auto p = compose_paragraph(plain(kText), width(180), shared_hyphenator().get());
  ASSERT_GE(p.lines.size(), 5u);
  const double space = font()->width(" ", Pt(11)).v;
  const uint32_t space_gid = font()->shape(" ")->glyphs.at(0).gid;
  bool stretched = false;
  for (const auto& l : p.lines) {
    double widest = 1;
    for (const auto& run : l.runs)
      for (const auto& g : run.glyphs)
        if (g.gid == space_gid) widest = std::max(widest, g.advance.v / space);
    EXPECT_NEAR(l.space_factor, widest, 1e-6) << line_text(l);
    stretched = stretched || widest > 1.01;
  }
  EXPECT_TRUE(stretched);
}

TEST(ComposeParagraph, JustifiedLinesSpreadLettersWithTheirSpaces) {
  const auto p = compose_paragraph(plain(kText), width(180), shared_hyphenator().get());
  ASSERT_GE(p.lines.size(), 5u);
  const double size = 11, space = font()->width(" ", Pt(size)).v;
  const double scale = size / font()->units_per_em();
  const uint32_t space_gid = font()->shape(" ")->glyphs.at(0).gid;
  size_t spread = 0, squeezed = 0;
  for (size_t i = 0; i + 1 < p.lines.size(); ++i) {
    const SetLine& l = p.lines[i];
    ASSERT_EQ(l.runs.size(), 1u);
    const auto& glyphs = l.runs[0].glyphs;
    const auto natural = font()->shape(l.runs[0].text);
    ASSERT_EQ(natural->glyphs.size(), glyphs.size()) << line_text(l);
    // The line's adjustment ratio, read from a space as set (glue 1/2 stretch, 1/3 shrink).
    double ratio = 0;
    for (const auto& g : glyphs)
      if (g.gid == space_gid) ratio = (g.advance.v - space) / (g.advance.v > space ? space / 2 : space / 3);
    const double letter = size * (ratio >= 0 ? ratio * kLetterStretchEm : ratio * kLetterShrinkEm);
    for (size_t g = 0; g + 1 < glyphs.size(); ++g) {
      if (glyphs[g].gid == space_gid) continue;
      // A letter followed by a letter of its word gets the letter gap; one before a space or
      // the line-end hyphen keeps its own width.
      const bool inside = glyphs[g + 1].gid != space_gid &&
                          !(l.ends_with_hyphen && g + 2 == glyphs.size());
      EXPECT_NEAR(glyphs[g].advance.v - natural->glyphs[g].advance * scale, inside ? letter : 0,
                  1e-6)
          << line_text(l) << " glyph " << g;
    }
    EXPECT_NEAR(right_edge(l), 180, 1e-6) << line_text(l);
    spread += letter > 0.01;
    squeezed += letter < -0.01;
  }
  EXPECT_GT(spread + squeezed, 0u);
}

TEST(ComposeParagraph, RaggedRightKeepsNaturalSpaces) {
  const auto p =
      compose_paragraph(plain(kText), width(250, Align::left), shared_hyphenator().get());
  ASSERT_GE(p.lines.size(), 4u);
  const double space = font()->width(" ", Pt(11)).v;
  const uint32_t space_gid = font()->shape(" ")->glyphs.at(0).gid;
  for (const auto& l : p.lines) {
    EXPECT_LE(right_edge(l), 250.01);
    for (const auto& run : l.runs) {
      for (const auto& g : run.glyphs) {
        if (g.gid == space_gid) {
          EXPECT_NEAR(g.advance.v, space, 1e-9);
        }
      }
    }
  }
  EXPECT_EQ(extracted(p), kText);
}

TEST(ComposeParagraph, StylesUnderlinesAndLinks) {
  std::vector<Span> spans(3);
  spans[0].text = "Lihat ";
  spans[0].font = font();
  spans[1].text = "Tabel 3.1 Capaian";
  spans[1].font = font(FontStyle::bold);
  spans[1].underline = true;
  spans[1].link = "tab:capaian";
  spans[1].color = {0, 0, 0.6};
  spans[2].text = " untuk rinciannya.";
  spans[2].font = font();
  for (auto& s : spans) s.size = Pt(11);
  const auto p = compose_paragraph(spans, width(400), nullptr);
  ASSERT_EQ(p.lines.size(), 1u);
  const auto& l = p.lines[0];
  ASSERT_EQ(l.runs.size(), 3u);
  EXPECT_EQ(l.runs[0].text, "Lihat ");
  EXPECT_EQ(l.runs[1].text, "Tabel 3.1 Capaian");
  EXPECT_EQ(l.runs[1].font, &font(FontStyle::bold)->file());
  EXPECT_EQ(l.runs[1].color, (Color{0, 0, 0.6}));
  EXPECT_EQ(l.runs[2].text, " untuk rinciannya.");
  const double x0 = l.runs[1].origin.x.v, x1 = x0 + l.runs[1].width().v;
  ASSERT_EQ(l.underlines.size(), 1u);
  EXPECT_NEAR(l.underlines[0].from.x.v, x0, 1e-9);
  EXPECT_NEAR(l.underlines[0].to.x.v, x1, 1e-9);
  EXPECT_GT(l.underlines[0].from.y.v, 0);  // below the baseline
  ASSERT_EQ(l.links.size(), 1u);
  EXPECT_EQ(l.links[0].target, "tab:capaian");
  EXPECT_NEAR(l.links[0].rect.x.v, x0, 1e-9);
  EXPECT_NEAR(l.links[0].rect.right().v, x1, 1e-9);
  EXPECT_LT(l.links[0].rect.y.v, 0);
  EXPECT_GT(l.links[0].rect.bottom().v, 0);
  EXPECT_NEAR(l.ascent.v, font(FontStyle::bold)->ascender(Pt(11)).v, 1e-9);
  EXPECT_NEAR(l.descent.v, font()->descender(Pt(11)).v, 1e-9);
}

TEST(ComposeParagraph, ConcurrentCallsAgree) {
  const auto reference = compose_paragraph(plain(kText), width(260), shared_hyphenator().get());
  std::vector<std::thread> threads;
  std::vector<int> wrong(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 50; ++i) {
        const auto p = compose_paragraph(plain(kText), width(260), shared_hyphenator().get());
        wrong[t] += p.lines.size() != reference.lines.size() ||
                    line_text(p.lines[2]) != line_text(reference.lines[2]);
      }
    });
  }
  for (auto& t : threads) t.join();
  for (int t = 0; t < 4; ++t) EXPECT_EQ(wrong[t], 0);
}

TEST(ComposeParagraph, ReportSizedWorkloadSetsEveryWord) {
  // About a 47-page report: 400 paragraphs of ~50 words.
  std::vector<std::string> paragraphs;
  std::istringstream in(kText);
  std::vector<std::string> words;
  for (std::string w; in >> w;) words.push_back(w);
  for (int i = 0; i < 400; ++i) {
    std::string p;
    for (size_t k = 0; k < 50; ++k) p += (k ? " " : "") + words[(i * 7 + k * 3) % words.size()];
    paragraphs.push_back(p);
  }
  // Speed is lkjip-bench's business; this checks that the per-thread scratch reused from
  // paragraph to paragraph leaks nothing from one into the next.
  size_t lines = 0;
  for (const auto& text : paragraphs) {
    const auto p = compose_paragraph(plain(text), width(430), shared_hyphenator().get());
    lines += p.lines.size();
    std::string all = extracted(p);
    std::string expected = text;
    std::erase(all, ' ');
    std::erase(expected, ' ');
    ASSERT_EQ(all, expected);
  }
  EXPECT_GT(lines, 1000u);
}

}  // namespace
}  // namespace lkjip::text
