// Floats (style.table_float): a table that cannot start on the current page moves to the top
// of the next one while the following text fills the gap; the order of tables is kept.
#include "layout/paginate.h"

#include <gtest/gtest.h>

#include <string>

#include "layout_fixture.h"

namespace lkjip::layout {
namespace {

using namespace testing;

doc::Block paragraph(const std::string& word, int words) {
  doc::Paragraph p;
  std::string text;
  for (int i = 0; i < words; ++i) text += (i ? " " : "") + word;
  p.content = {doc::Inline{text, false, false, false, ""}};
  return {p};
}

doc::Block table(const std::string& label, int rows) {
  doc::Table t;
  t.label = label;
  t.columns = {{}, {}};
  t.header = {row({cell("Uraian"), cell("Nilai")})};
  for (int i = 0; i < rows; ++i) t.body.push_back(row({cell(label + " baris"), cell("1")}));
  return {t};
}

/// The page index (in the body chapter, from 0) on which `needle` first appears.
int page_of(const frame::PagedDocument& d, const std::string& needle) {
  for (size_t i = 0; i < d.pages.size(); ++i)
    if (text_of(d.pages[i].content).find(needle) != std::string::npos)
      return static_cast<int>(i);
  return -1;
}

class Floats : public LayoutTest {
 protected:
  /// BAB I: a paragraph filling most of the first page, a table too tall for the rest of it
  /// (but not for a page), a paragraph, then a second table.
  frame::PagedDocument lay_out() {
    doc::Document d;
    doc::Chapter c;
    c.label = "BAB I";
    c.title = "PENDAHULUAN";
    c.anchor = "bab-1";
    c.blocks = {paragraph("pengisi", 380), table("Tabel 1.1", 25), paragraph("sesudah", 20),
                table("Tabel 1.2", 3)};
    d.body.push_back(c);
    return layout_document(ctx_, d);
  }
};

TEST_F(Floats, FollowingTextFillsTheGapAndTablesKeepTheirOrder) {
  const auto d = lay_out();
  const int first = page_of(d, "pengisi");
  ASSERT_GE(first, 0);
  EXPECT_EQ(page_of(d, "sesudah"), first);  // the gap filled
  EXPECT_EQ(page_of(d, "Tabel 1.1"), first + 1);
  const std::string next = text_of(d.pages[first + 1].content);
  EXPECT_EQ(next.find("Tabel 1.1"), next.find_first_not_of("\n"))  // at the top of its page
      << next.substr(0, 200);
  EXPECT_LT(next.find("Tabel 1.1"), next.find("Tabel 1.2"));  // the later table waits
}

TEST_F(Floats, SwitchedOffTheGapStays) {
  style_.table_float = false;
  const auto d = lay_out();
  const int first = page_of(d, "pengisi");
  EXPECT_EQ(page_of(d, "Tabel 1.1"), first + 1);
  EXPECT_EQ(page_of(d, "sesudah"), first + 1);
  const std::string next = text_of(d.pages[first + 1].content);
  EXPECT_LT(next.find("Tabel 1.1"), next.find("sesudah"));
}

TEST_F(Floats, ASectionHeadingAndItsTextFillTheGapButALeadInStaysWithItsTable) {
  doc::Heading h;
  h.number = "1.2";
  h.title = {doc::Inline{"Bagian Berikutnya", false, false, false, ""}};
  for (const bool lead_in : {false, true}) {
    doc::Document d;
    doc::Chapter c;
    c.label = "BAB I";
    c.title = "PENDAHULUAN";
    c.anchor = "bab-1";
    c.blocks = {paragraph("pengisi", 300),
                table("Tabel 1.1", 25),
                {h},
                lead_in ? paragraph("berikut:", 3) : paragraph("sesudah", 20),
                table("Tabel 1.2", 3)};
    d.body.push_back(c);
    const auto laid = layout_document(ctx_, d);
    const int first = page_of(laid, "pengisi");
    ASSERT_GE(first, 0);
    EXPECT_EQ(page_of(laid, "Tabel 1.1"), first + 1);
    if (lead_in) {
      // The heading is kept with the lead-in and the lead-in with Tabel 1.2: all wait.
      EXPECT_EQ(page_of(laid, "Bagian Berikutnya"), first + 1);
      const std::string next = text_of(laid.pages[first + 1].content);
      EXPECT_LT(next.find("Tabel 1.1"), next.find("Bagian Berikutnya"));
      EXPECT_LT(next.find("berikut:"), next.find("Tabel 1.2"));
    } else {
      EXPECT_EQ(page_of(laid, "Bagian Berikutnya"), first);  // passed by the float
      EXPECT_EQ(page_of(laid, "sesudah"), first);
    }
  }
}

TEST_F(Floats, AHeadingThatMustMoveOnFollowsTheWaitingFloat) {
  // Room left for the heading but not for two lines after it: the heading moves to the next
  // page, below the table that was waiting for that page's top.
  doc::Heading h;
  h.number = "1.2";
  h.title = {doc::Inline{"Bagian Berikutnya", false, false, false, ""}};
  doc::Document d;
  doc::Chapter c;
  c.label = "BAB I";
  c.title = "PENDAHULUAN";
  c.anchor = "bab-1";
  c.blocks = {paragraph("pengisi", 380), table("Tabel 1.1", 25), {h}, paragraph("sesudah", 20)};
  d.body.push_back(c);
  const auto laid = layout_document(ctx_, d);
  const int first = page_of(laid, "pengisi");
  ASSERT_EQ(page_of(laid, "Bagian Berikutnya"), first + 1);
  const std::string next = text_of(laid.pages[first + 1].content);
  EXPECT_EQ(next.find("Tabel 1.1"), next.find_first_not_of("\n"));
  EXPECT_LT(next.find("Tabel 1.1"), next.find("Bagian Berikutnya"));
}

/// Every glyph run's baseline y on `f`'s pages lies on the paper (#13.10: a 5,000-letter
/// heading ran off the bottom, losing half of it).
void expect_baselines_on_paper(const frame::PagedDocument& d) {
  for (size_t i = 0; i < d.pages.size(); ++i) {
    std::vector<const frame::GlyphRun*> rs;
    runs(d.pages[i].content, rs);
    for (const auto* r : rs)
      EXPECT_LE(r->origin.y, d.pages[i].size.height) << "page " << i << ": " << r->text;
  }
}

class LongTitles : public LayoutTest {};

TEST_F(LongTitles, HeadingTallerThanAPageContinuesOnTheNextAndItsContentsEntryToo) {
  std::string title;
  for (int i = 0; i < 700; ++i) title += "Judul" + std::to_string(i) + " ";
  title += "AKHIRJUDUL";
  doc::Heading h;
  h.level = 1;
  h.number = "1.1";
  h.anchor = "h-1";
  h.title = {doc::Inline{title, false, false, false, ""}};
  doc::Document d;
  doc::Chapter toc;
  toc.title = "DAFTAR ISI";
  toc.anchor = "daftar-isi";
  doc::ListOf lo;
  lo.kind = doc::ListOf::Kind::contents;
  toc.blocks.push_back({lo});
  d.front.push_back(toc);
  doc::Chapter c;
  c.label = "BAB I";
  c.title = "PENDAHULUAN";
  c.anchor = "bab-1";
  c.blocks = {{h}, paragraph("sesudah", 20)};
  d.body.push_back(c);
  const auto paged = layout_document(ctx_, d);
  std::string all;
  for (const auto& page : paged.pages) all += text_of(page.content);
  EXPECT_EQ(count(all, "AKHIRJUDUL"), 2u);  // the heading's end and its contents entry's
  EXPECT_EQ(count(all, "Judul699"), 2u);
  expect_baselines_on_paper(paged);
}

}  // namespace
}  // namespace lkjip::layout
