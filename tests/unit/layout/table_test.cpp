#include "layout/table.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <numeric>
#include <sstream>

#include "layout_fixture.h"

namespace lkjip::layout {
namespace {

using namespace testing;

// ---- column_widths with a constant-width measurer: 5 pt per character, 4 pt padding a side.

CellWidths measure5(const doc::Cell& c) {
  std::string t;
  for (const auto& b : c.blocks) {
    for (const auto& in : std::get<doc::Paragraph>(b.v).content) t += in.text;
  }
  size_t longest = 0, word = 0;
  for (char ch : t) {
    word = ch == ' ' ? 0 : word + 1;
    longest = std::max(longest, word);
  }
  return {Pt(5.0 * static_cast<double>(longest) + 8), Pt(5.0 * static_cast<double>(t.size()) + 8)};
}

Pt total(const std::vector<Pt>& w) { return std::accumulate(w.begin(), w.end(), Pt(0)); }

doc::Table two_columns() {
  doc::Table t;
  t.columns.resize(2);
  t.body.push_back(row({cell("No"), cell("uraian kegiatan panjang")}));  // min 18/48, pref 18/123
  t.body.push_back(row({cell("10"), cell("x")}));
  return t;
}

TEST(ColumnWidths, RoomForPreferredSharesExtraInProportion) {
  const auto w = column_widths(two_columns(), Pt(282), measure5);  // pref total 141: doubled
  ASSERT_EQ(w.size(), 2u);
  EXPECT_NEAR(w[0].v, 36, 1e-9);
  EXPECT_NEAR(w[1].v, 246, 1e-9);
}

TEST(ColumnWidths, BetweenMinAndPrefSharesByFlexibility) {
  // mins 18 + 48 = 66, prefs 18 + 123 = 141; width 101 gives the text column 48 + 35.
  const auto w = column_widths(two_columns(), Pt(101), measure5);
  EXPECT_NEAR(w[0].v, 18, 1e-9);
  EXPECT_NEAR(w[1].v, 83, 1e-9);
  EXPECT_NEAR(total(w).v, 101, 1e-9);
}

TEST(ColumnWidths, TooNarrowIsProportionalToMinimum) {
  const auto w = column_widths(two_columns(), Pt(33), measure5);
  EXPECT_NEAR(w[0].v, 9, 1e-9);
  EXPECT_NEAR(w[1].v, 24, 1e-9);
}

TEST(ColumnWidths, RelativeWidthIsHonoured) {
  auto t = two_columns();
  t.columns[0].relative_width = 0.25;
  const auto w = column_widths(t, Pt(400), measure5);
  EXPECT_NEAR(w[0].v, 100, 1e-9);
  EXPECT_NEAR(w[1].v, 300, 1e-9);
}

TEST(ColumnWidths, RelativeWidthGivesWayToMinimumOfAutoColumns) {
  auto t = two_columns();
  t.columns[0].relative_width = 0.9;  // would leave 10 pt for a 48 pt minimum
  const auto w = column_widths(t, Pt(100), measure5);
  EXPECT_NEAR(w[1].v, 48, 1e-9);
  EXPECT_NEAR(w[0].v, 52, 1e-9);
}

TEST(ColumnWidths, SpanningCellSpreadsItsExcess) {
  doc::Table t;
  t.columns.resize(3);
  auto wide = cell("abcdefghijklmnopqrst");  // min = pref = 108 over columns 1..2
  wide.colspan = 2;
  t.header.push_back(row({cell("a"), wide}));
  t.body.push_back(row({cell("a"), cell("bb"), cell("bb")}));  // 13, 18, 18
  const auto w = column_widths(t, Pt(13 + 108), measure5);
  EXPECT_NEAR(w[0].v, 13, 1e-9);
  EXPECT_NEAR(w[1].v, 54, 1e-9);
  EXPECT_NEAR(w[2].v, 54, 1e-9);
}

TEST(ColumnWidths, RowspanPushesLaterCellsRight) {
  doc::Table t;
  auto tall = cell("abcdefghij");  // 58
  tall.rowspan = 2;
  t.body.push_back(row({tall, cell("b")}));
  t.body.push_back(row({cell("c")}));  // column 1, not column 0
  const auto w = column_widths(t, Pt(58 + 13), measure5);
  ASSERT_EQ(w.size(), 2u);
  EXPECT_NEAR(w[0].v, 58, 1e-9);
  EXPECT_NEAR(w[1].v, 13, 1e-9);
}

// ---- make_table_flow with real fonts.

struct Paged {
  std::vector<Fragment> fragments;
  std::vector<Pt> avail;
};

/// Pages a flow like the paginator: the first page has `first` points left, later pages
/// `page`; a refusal starts a new page.
Paged page_out(BlockFlow& flow, Pt first, Pt page) {
  Paged out;
  Pt avail = first;
  bool top = false;
  for (int guard = 0; !flow.done(); ++guard) {
    if (guard > 10000) {
      ADD_FAILURE() << "no progress";
      break;
    }
    auto f = flow.next(avail, top);
    if (!f) {
      EXPECT_FALSE(top) << "refused a whole page";
      avail = page;
      top = true;
      continue;
    }
    out.avail.push_back(avail);
    out.fragments.push_back(std::move(*f));
    avail = page;
    top = true;
  }
  return out;
}

doc::Table kpi_table(int rows) {
  doc::Table t;
  t.anchor = "tbl-3-3";
  t.label = "Tabel 3.3";
  t.caption = {doc::Inline{"Capaian Indikator Kinerja Kecamatan Megaluh Tahun 2024", false, false,
                           false, ""}};
  t.columns = {{0, true}, {0, false}, {0, true}, {0, true}};
  auto no = cell("No");
  no.rowspan = 2;
  auto uraian = cell("Uraian Indikator");
  uraian.rowspan = 2;
  auto tahun = cell("Tahun 2024");
  tahun.colspan = 2;
  t.header.push_back(row({no, uraian, tahun}));
  t.header.push_back(row({cell("Target"), cell("Realisasi")}));
  for (int i = 0; i < rows; ++i) {
    char id[16];
    std::snprintf(id, sizeof id, "R%04d", i);
    t.body.push_back(
        row({cell(std::to_string(i + 1), doc::CellAlign::center),
             cell(std::string(id) + " persentase layanan administrasi terpadu"),
             cell("100", doc::CellAlign::decimal), cell("86,34", doc::CellAlign::decimal)}));
  }
  t.source = "Sumber: Bagian Perencanaan";
  return t;
}

TEST_F(LayoutTest, LongTableRowsOnceInOrderWithHeaderOnEveryFragment) {
  const auto table = kpi_table(150);
  auto flow = make_table_flow(ctx_, table, {Pt(439), Pt(700)});
  EXPECT_FALSE(flow->landscape);
  const auto paged = page_out(*flow, Pt(250), Pt(700));
  ASSERT_GE(paged.fragments.size(), 3u);

  std::string all;
  for (size_t i = 0; i < paged.fragments.size(); ++i) {
    const auto& fr = paged.fragments[i].frame;
    EXPECT_LE(fr.size.height, paged.avail[i] + Pt(1e-6)) << "fragment " << i;
    EXPECT_NEAR(fr.size.width.v, 439, 1e-6);
    const std::string text = text_of(fr);
    all += text;
    // Caption on every fragment, continued after the first; header text above all rows.
    EXPECT_EQ(count(text, "Tabel 3.3"), 1u) << text;
    EXPECT_EQ(count(text, "(lanjutan)"), i == 0 ? 0u : 1u);
    std::vector<const frame::GlyphRun*> rs;
    runs(fr, rs);
    Pt header_y(-1), first_row_y(1e9);
    for (const auto* r : rs) {
      if (r->text.find("Realisasi") != std::string::npos) header_y = r->origin.y;
      if (r->text.rfind("R", 0) == 0 && r->text.size() > 5 && std::isdigit(r->text[1])) {
        first_row_y = min(first_row_y, r->origin.y);
      }
    }
    EXPECT_GE(header_y.v, 0) << "no header on fragment " << i;
    EXPECT_LT(header_y, first_row_y) << "fragment " << i << " has no body row below its header";
  }
  size_t last = 0;
  for (int i = 0; i < 150; ++i) {
    char id[16];
    std::snprintf(id, sizeof id, "R%04d", i);
    ASSERT_EQ(count(all, id), 1u) << id;
    const size_t at = all.find(id);
    EXPECT_GT(at, last) << id << " out of order";
    last = at;
  }
  EXPECT_EQ(count(all, "Sumber: Bagian Perencanaan"), 1u);
  EXPECT_NE(text_of(paged.fragments.back().frame).find("Sumber:"), std::string::npos);
  // The anchor sits on the first fragment only.
  size_t anchors = 0;
  for (const auto& f : paged.fragments) {
    for (const auto& item : f.frame.items) anchors += std::holds_alternative<frame::Anchor>(item);
  }
  EXPECT_EQ(anchors, 1u);
  EXPECT_EQ(sink_.warning_count(), 0u);
}

TEST_F(LayoutTest, CaptionAndHeaderAreNeverLeftAlone) {
  auto flow = make_table_flow(ctx_, kpi_table(3), {Pt(439), Pt(700)});
  const Pt need = flow->min_first_height();
  EXPECT_FALSE(flow->next(need - Pt(1), false).has_value());
  const auto f = flow->next(need, false);
  ASSERT_TRUE(f.has_value());
  EXPECT_NE(text_of(f->frame).find("R0000"), std::string::npos);
}

TEST_F(LayoutTest, ATableStartsWithTwoRowsNotOneAtAPageBottom) {
  auto flow = make_table_flow(ctx_, kpi_table(3), {Pt(439), Pt(700)});
  auto one_row = make_table_flow(ctx_, kpi_table(1), {Pt(439), Pt(700)});
  // Room for the caption, the header and one row (and more than one_row's source note) but not
  // two rows: the table waits for the next page.
  const Pt room = one_row->min_first_height() + Pt(2);
  ASSERT_LT(room, flow->min_first_height());
  EXPECT_FALSE(flow->next(room, false).has_value());
  // At the top of a page it always makes progress.
  const auto f = flow->next(room, true);
  ASSERT_TRUE(f.has_value());
  EXPECT_NE(text_of(f->frame).find("R0000"), std::string::npos);
  // Given room for two rows it starts, with both.
  auto again = make_table_flow(ctx_, kpi_table(3), {Pt(439), Pt(700)});
  const auto g = again->next(again->min_first_height(), false);
  ASSERT_TRUE(g.has_value());
  EXPECT_NE(text_of(g->frame).find("R0001"), std::string::npos);
}

/// The ids "R0000" … of the body rows in a fragment's text.
size_t body_rows_in(const std::string& text) {
  size_t n = 0;
  for (size_t at = text.find("R0"); at != std::string::npos; at = text.find("R0", at + 1)) ++n;
  return n;
}

TEST_F(LayoutTest, ATableThatFitsOnAPageWaitsForTheNextOneWhole) {
  const auto table = kpi_table(10);
  auto flow = make_table_flow(ctx_, table, {Pt(439), Pt(700)});
  const Pt whole = flow->min_first_height();
  ASSERT_LT(whole, Pt(700));
  EXPECT_FALSE(flow->next(whole - Pt(1), false).has_value()) << "split although it fits a page";
  const auto f = flow->next(whole, false);
  ASSERT_TRUE(f.has_value());
  EXPECT_EQ(body_rows_in(text_of(f->frame)), 10u);
  EXPECT_TRUE(flow->done());
}

TEST_F(LayoutTest, EveryBreakHasThreeBodyRowsOnEachSideAndTheTotalRowCompany) {
  // Over many table lengths, rooms left on the first page and page heights: each fragment
  // holds at least three body rows, the total row is never without them, and every row is
  // set once.
  size_t tables = 0, breaks = 0;
  for (int n : {6, 7, 9, 13, 20}) {
    auto table = kpi_table(n);
    table.body.push_back(row({cell("Jumlah"), cell(""), cell("100", doc::CellAlign::decimal),
                              cell("86,34", doc::CellAlign::decimal)},
                             doc::Row::Kind::total));
    for (double page = 160; page <= 700; page += 45) {
      for (double first = 40; first <= page; first += 29) {
        auto flow = make_table_flow(ctx_, table, {Pt(439), Pt(page)});
        const auto paged = page_out(*flow, Pt(first), Pt(page));
        ++tables;
        size_t rows = 0;
        for (size_t i = 0; i < paged.fragments.size(); ++i) {
          const std::string text = text_of(paged.fragments[i].frame);
          const size_t here = body_rows_in(text);
          rows += here;
          if (paged.fragments.size() > 1) {
            EXPECT_GE(here, 3u) << n << " rows, page " << page << ", first " << first
                                << ", fragment " << i << "\n"
                                << text;
          }
          if (text.find("Jumlah") != std::string::npos) {
            EXPECT_GE(here, 1u) << "the total row alone";
          }
        }
        breaks += paged.fragments.size() - 1;
        EXPECT_EQ(rows, static_cast<size_t>(n));
      }
    }
  }
  EXPECT_GT(breaks, 150u) << "the cases must exercise breaks";
}

TEST_F(LayoutTest, GridLinesAreMergedNotDoubled) {
  auto flow = make_table_flow(ctx_, kpi_table(5), {Pt(439), Pt(700)});
  const auto f = flow->next(Pt(700), true);
  ASSERT_TRUE(f.has_value());
  size_t vertical = 0;
  for (const auto& item : f->frame.items) {
    if (const auto* l = std::get_if<frame::Line>(&item)) vertical += l->from.x == l->to.x;
  }
  // Five column edges, each one continuous line (the spanning header cell interrupts the
  // middle edge between Target and Realisasi only in the first header row).
  EXPECT_EQ(vertical, 5u);
}

TEST_F(LayoutTest, RowTallerThanAPageSplitsBetweenLines) {
  auto t = kpi_table(4);
  std::string long_text;
  for (int i = 0; i < 600; ++i) long_text += std::string("w").append(std::to_string(i)) + " ";
  t.body[1].cells[1] = cell(long_text);
  auto flow = make_table_flow(ctx_, t, {Pt(439), Pt(700)});
  const auto paged = page_out(*flow, Pt(300), Pt(400));
  ASSERT_GE(paged.fragments.size(), 2u);
  std::string all;
  size_t with_long_cell = 0;
  for (size_t i = 0; i < paged.fragments.size(); ++i) {
    EXPECT_LE(paged.fragments[i].frame.size.height, paged.avail[i] + Pt(1e-6));
    const std::string text = text_of(paged.fragments[i].frame);
    with_long_cell += text.find(" w") != std::string::npos || text.rfind("w", 0) == 0;
    all += text;
  }
  EXPECT_GE(with_long_cell, 2u) << "the tall row was not split across pages";
  // The long cell's words, in order, each exactly once.
  std::vector<int> words;
  std::istringstream in(all);
  for (std::string w; in >> w;) {
    if (w.size() > 1 && w[0] == 'w' && std::isdigit(static_cast<unsigned char>(w[1]))) {
      words.push_back(std::stoi(w.substr(1)));
    }
  }
  std::vector<int> expected(600);
  std::iota(expected.begin(), expected.end(), 0);
  EXPECT_EQ(words, expected);
  for (const char* id : {"R0000", "R0002", "R0003"}) EXPECT_EQ(count(all, id), 1u) << id;
}

TEST_F(LayoutTest, RowspanGroupTallerThanAPageSplitsAtRowsWithSpanningTextContinued) {
  auto t = kpi_table(0);
  std::string sasaran;
  for (int i = 0; i < 120; ++i) sasaran += std::string("s").append(std::to_string(i)) + " ";
  auto spanning = cell(sasaran);
  spanning.rowspan = 40;
  for (int i = 0; i < 40; ++i) {
    char id[16];
    std::snprintf(id, sizeof id, "R%04d", i);
    std::vector<doc::Cell> cells{cell(std::to_string(i + 1)), cell(id), cell("100"), cell("9")};
    if (i == 0) cells[1] = spanning;
    if (i == 0) cells.insert(cells.begin() + 2, cell(id));
    t.body.push_back(row(cells));
  }
  t.columns.push_back({});
  auto flow = make_table_flow(ctx_, t, {Pt(439), Pt(700)});
  const auto paged = page_out(*flow, Pt(200), Pt(300));
  ASSERT_GE(paged.fragments.size(), 3u);
  std::string all;
  for (size_t i = 0; i < paged.fragments.size(); ++i) {
    EXPECT_LE(paged.fragments[i].frame.size.height, paged.avail[i] + Pt(1e-6));
    all += text_of(paged.fragments[i].frame);
  }
  std::vector<int> words;
  std::istringstream in(all);
  for (std::string w; in >> w;) {
    if (w.size() > 1 && w[0] == 's' && std::isdigit(static_cast<unsigned char>(w[1]))) {
      words.push_back(std::stoi(w.substr(1)));
    }
  }
  std::vector<int> expected(120);
  std::iota(expected.begin(), expected.end(), 0);
  EXPECT_EQ(words, expected);
  size_t last = 0;
  for (int i = 0; i < 40; ++i) {
    char id[16];
    std::snprintf(id, sizeof id, "R%04d", i);
    ASSERT_EQ(count(all, id), 1u) << id;
    EXPECT_GT(all.find(id), last);
    last = all.find(id);
  }
}

TEST_F(LayoutTest, RowspanDeficitIsSharedByTheRowsItSpans) {
  // A tall spanning cell over two one-line rows: both rows grow by the same amount, so the
  // second row's text starts half the group's height below the first's.
  auto t = kpi_table(0);
  std::string sasaran;
  for (int i = 0; i < 40; ++i) sasaran += std::string("sasaran").append(std::to_string(i)) + " ";
  auto spanning = cell(sasaran);
  spanning.rowspan = 2;
  t.body.push_back(row({cell("1"), spanning, cell("100", doc::CellAlign::decimal),
                        cell("PERTAMA", doc::CellAlign::decimal)}));
  t.body.push_back(row(
      {cell("2"), cell("100", doc::CellAlign::decimal), cell("KEDUA", doc::CellAlign::decimal)}));
  auto flow = make_table_flow(ctx_, t, {Pt(439), Pt(700)});
  const auto paged = page_out(*flow, Pt(700), Pt(700));
  ASSERT_EQ(paged.fragments.size(), 1u);
  std::vector<const frame::GlyphRun*> rs;
  runs(paged.fragments[0].frame, rs);
  Pt first, second, top, bottom(-1e9);
  top = Pt(1e9);
  for (const auto* r : rs) {
    if (r->text == "PERTAMA") first = r->origin.y;
    if (r->text == "KEDUA") second = r->origin.y;
    if (r->text.rfind("sasaran", 0) == 0) {
      top = min(top, r->origin.y);
      bottom = max(bottom, r->origin.y);
    }
  }
  ASSERT_GT(first.v, 0);
  ASSERT_GT(bottom.v, top.v + 30);  // the spanning text takes several lines
  // Half the group's height apart, not one line apart with the second row taking it all.
  const Pt group = bottom - top + style_.table_text.size * style_.table_text.leading;
  EXPECT_NEAR((second - first).v, group.v / 2, style_.table_text.size.v);
}

TEST_F(LayoutTest, FortyColumnsGoLandscape) {
  doc::Table t;
  t.label = "Tabel 3.9";
  t.columns.resize(40, {0, true});
  std::vector<doc::Cell> head, body;
  for (int c = 0; c < 40; ++c) {
    head.push_back(cell(std::string("K").append(std::to_string(c))));
    body.push_back(cell("12", doc::CellAlign::right));
  }
  t.header.push_back(row(head));
  for (int r = 0; r < 30; ++r) t.body.push_back(row(body));
  // Too wide for 439 pt even at 7 pt; fits 900 pt (a landscape F4 text height) at 8 pt.
  auto flow = make_table_flow(ctx_, t, {Pt(439), Pt(900)});
  EXPECT_TRUE(flow->landscape);
  const auto paged = page_out(*flow, Pt(439), Pt(439));
  ASSERT_GE(paged.fragments.size(), 2u);
  for (const auto& f : paged.fragments) {
    EXPECT_NEAR(f.frame.size.width.v, 900, 1e-6);
    EXPECT_LE(f.frame.size.height.v, 439);
    for (const auto& item : f.frame.items) {
      if (const auto* l = std::get_if<frame::Line>(&item)) {
        EXPECT_GE(min(l->from.x, l->to.x).v, -1);
        EXPECT_LE(max(l->from.x, l->to.x).v, 901);
      }
      if (const auto* r = std::get_if<frame::GlyphRun>(&item)) {
        EXPECT_LE((r->origin.x + r->width()).v, 900);
        if (r->text.find("Tabel") == std::string::npos) {
          EXPECT_LT(r->size.v, 10) << r->text;  // shrunk from the body table size
        }
      }
    }
  }
  // The shrink is stated: type shrinks only as the last resort.
  EXPECT_EQ(sink_.warning_count(), 1u);
}

TEST_F(LayoutTest, TooWideWithoutLandscapeShrinksAndWarns) {
  doc::Table t;
  t.allow_landscape = false;
  t.columns.resize(60, {0, true});
  std::vector<doc::Cell> body;
  for (int c = 0; c < 60; ++c) body.push_back(cell("123.456"));
  t.body.push_back(row(body));
  auto flow = make_table_flow(ctx_, t, {Pt(439), Pt(700)});
  EXPECT_FALSE(flow->landscape);
  const auto paged = page_out(*flow, Pt(600), Pt(600));
  ASSERT_EQ(paged.fragments.size(), 1u);
  EXPECT_EQ(sink_.warning_count(), 1u);
}

TEST_F(LayoutTest, ATableThatFitsOnlyAtTheMinimumSizeSaysSo) {
  // Room for "123.456.789" at the minimum size and not half a point above it.
  const auto& font = ctx_.font(style_.table_text);
  doc::Table t;
  t.label = "Tabel 1.1";
  t.allow_landscape = false;
  t.columns = {{0, true}};
  t.body.push_back(row({cell("123.456.789", doc::CellAlign::right)}));
  const Pt width = font.width("123.456.789", style_.table_min_size) +
                   style_.cell_padding_x * 2 + Pt(0.6);
  auto flow = make_table_flow(ctx_, t, {width, Pt(700)});
  const auto all = sink_.all();
  ASSERT_EQ(all.size(), 1u);
  char expected[64];
  std::snprintf(expected, sizeof expected, "Tabel 1.1 is set at %g pt instead of %g pt",
                style_.table_min_size.v, style_.table_text.size.v);
  EXPECT_EQ(all[0].message.rfind(expected, 0), 0u) << all[0].message;
}

TEST_F(LayoutTest, ACompoundWithASlashOrHyphenNeedsOnlyItsWiderPart) {
  // Narrower than "Desa/Kelurahan" but as wide as "Kelurahan": the cell breaks after the
  // slash instead of the table shrinking with a warning; "s/d" stays whole.
  const auto& font = ctx_.font(style_.table_text);
  const Pt size = style_.table_text.size;
  // A written hyphen is a break as well: "Perundang-undangan" needs "Perundang-".
  for (const auto& [word, widest] : std::vector<std::pair<std::string, std::string>>{
           {"Desa/Kelurahan", "Kelurahan"}, {"s/d", "s/d"}, {"Perundang-undangan", "Perundang-"}}) {
    doc::Table t;
    t.allow_landscape = false;
    t.columns = {{0, false}};
    t.body.push_back(row({cell(word)}));
    const Pt width = font.width(widest, size) + style_.cell_padding_x * 2 + Pt(1);
    auto flow = make_table_flow(ctx_, t, {width, Pt(700)});
    const auto paged = page_out(*flow, Pt(700), Pt(700));
    ASSERT_EQ(paged.fragments.size(), 1u);
    EXPECT_EQ(sink_.warning_count(), 0u) << word;
  }
}

TEST_F(LayoutTest, DecimalCommasLineUp) {
  doc::Table t;
  t.columns = {{0, true}};
  for (const char* v : {"100", "86,34", "7,5", "100%", "3 dokumen", "-0,20"})
    t.body.push_back(row({cell(v, doc::CellAlign::decimal)}));
  auto flow = make_table_flow(ctx_, t, {Pt(200), Pt(300)});
  const auto f = flow->next(Pt(500), true);
  ASSERT_TRUE(f.has_value());
  std::vector<const frame::GlyphRun*> rs;
  runs(f->frame, rs);
  ASSERT_EQ(rs.size(), 6u);
  const auto& font = ctx_.font(style_.table_text);
  const Pt size = style_.table_text.size;
  // The comma of 86,34, 7,5 and -0,20, the end of 100 and the number of 100% and 3 dokumen
  // (their units hang right like a fraction) share one x.
  const Pt end100 = rs[0]->origin.x + rs[0]->width();
  EXPECT_NEAR((rs[1]->origin.x + font.width("86", size)).v, end100.v, 0.01);
  EXPECT_NEAR((rs[2]->origin.x + font.width("7", size)).v, end100.v, 0.01);
  EXPECT_NEAR((rs[3]->origin.x + font.width("100", size)).v, end100.v, 0.01);
  EXPECT_NEAR((rs[4]->origin.x + font.width("3", size)).v, end100.v, 0.01);
  EXPECT_NEAR((rs[5]->origin.x + font.width("-0", size)).v, end100.v, 0.01);
}

/// The text of the lines of `f` that start at or right of `x0` and end before `x1`.
std::vector<std::string> lines_between(const frame::Frame& f, Pt x0, Pt x1) {
  std::vector<const frame::GlyphRun*> rs;
  runs(f, rs);
  std::vector<std::string> out;
  for (const auto* r : rs) {
    if (r->origin.x >= x0 && r->origin.x + r->width() <= x1) out.push_back(r->text);
  }
  return out;
}

TEST_F(LayoutTest, DecimalAlignmentGivesWayBeforeTheTypeShrinks) {
  // Aligned, "7.000,25" and "5 dokumen" need "7.000" + " dokumen"; the column has room for the
  // wider of the two as set, so both are set flush right at full size, without a warning.
  const auto& font = ctx_.font(style_.table_text);
  const Pt size = style_.table_text.size;
  doc::Table t;
  t.allow_landscape = false;
  t.columns = {{0, true}};
  for (const char* v : {"7.000,25", "5 dokumen"})
    t.body.push_back(row({cell(v, doc::CellAlign::decimal)}));
  const Pt natural = max(font.width("7.000,25", size), font.width("5 dokumen", size));
  ASSERT_LT(natural + Pt(2), font.width("7.000 dokumen", size));
  const Pt width = natural + style_.cell_padding_x * 2 + Pt(1);
  auto flow = make_table_flow(ctx_, t, {width, Pt(700)});
  const auto f = flow->next(Pt(700), true);
  ASSERT_TRUE(f.has_value());
  std::vector<const frame::GlyphRun*> rs;
  runs(f->frame, rs);
  ASSERT_EQ(rs.size(), 2u);
  EXPECT_NEAR(rs[0]->size.v, size.v, 1e-9);
  EXPECT_NEAR((rs[0]->origin.x + rs[0]->width()).v, (rs[1]->origin.x + rs[1]->width()).v, 0.01);
  EXPECT_EQ(sink_.warning_count(), 0u);
}

TEST_F(LayoutTest, AFigureKeepsItsUnitWordAndALongerUnitWraps) {
  // "13 TP. PKK desa" in a numeric column narrower than the whole: "13 TP." stays together,
  // the rest wraps; the type does not shrink.
  const auto& font = ctx_.font(style_.table_text);
  const Pt size = style_.table_text.size;
  doc::Table t;
  t.allow_landscape = false;
  t.columns = {{0, true}};
  t.body.push_back(row({cell("13 TP. PKK desa", doc::CellAlign::decimal)}));
  const Pt width = font.width("13 TP. PKK", size) + style_.cell_padding_x * 2 - Pt(1);
  auto flow = make_table_flow(ctx_, t, {width, Pt(700)});
  const auto f = flow->next(Pt(700), true);
  ASSERT_TRUE(f.has_value());
  EXPECT_EQ(text_of(f->frame), "13 TP.\nPKK desa\n");
  EXPECT_EQ(sink_.warning_count(), 0u);
}

TEST_F(LayoutTest, AHeadingWrapsAtItsWordsBeforeTheBodyTextDoes) {
  // The text column gets the room for its line; the numeric column is as wide as its heading's
  // longest word, "Mencapai", and the heading wraps.
  const auto& body = ctx_.font(style_.table_text);
  const auto& head = ctx_.font(style_.table_header);
  const Pt pad2 = style_.cell_padding_x * 2 + Pt(1);
  doc::Table t;
  t.allow_landscape = false;
  t.columns = {{0, false}, {0, true}};
  t.header.push_back(row({cell("Uraian"), cell("Tidak Mencapai Target")}));
  const std::string text = "Persentase pertanggungjawaban realisasi APB Desa";
  t.body.push_back(row({cell(text), cell("3", doc::CellAlign::decimal)}));
  const Pt text_w = body.width(text, style_.table_text.size) + pad2;
  const Pt head_w = head.width("Mencapai", style_.table_header.size) + pad2;
  auto flow = make_table_flow(ctx_, t, {text_w + head_w, Pt(700)});
  const auto f = flow->next(Pt(700), true);
  ASSERT_TRUE(f.has_value());
  EXPECT_EQ(lines_between(f->frame, Pt(0), text_w),
            (std::vector<std::string>{"Uraian", "1", text}));
  EXPECT_EQ(count(text_of(f->frame), "Mencapai\n"), 1u);
}

TEST_F(LayoutTest, ThousandsOfRowsAreSpreadOverPages) {
  // Speed is lkjip-bench's business; this checks that a very long table pages out.
  for (int n : {150, 5000}) {
    const auto table = kpi_table(n);
    auto flow = make_table_flow(ctx_, table, {Pt(439), Pt(700)});
    const auto paged = page_out(*flow, Pt(700), Pt(700));
    EXPECT_GT(paged.fragments.size(), static_cast<size_t>(n / 40));
  }
}

}  // namespace
}  // namespace lkjip::layout
