#include "layout/figure.h"

#include <gtest/gtest.h>

#include <cmath>
#include <sstream>

#include "layout/draw.h"
#include "layout_fixture.h"

namespace lkjip::layout {
namespace {

using namespace testing;

TEST(NumberId, IndonesianSeparators) {
  EXPECT_EQ(draw::number_id(1234567.891), "1.234.567,89");
  EXPECT_EQ(draw::number_id(86.34), "86,34");
  EXPECT_EQ(draw::number_id(100), "100");
  EXPECT_EQ(draw::number_id(-3.5), "-3,5");
  EXPECT_EQ(draw::number_id(0.004), "0");
  EXPECT_EQ(draw::number_id(-0.001), "0");
  EXPECT_EQ(draw::number_id(2.05, 1), "2,1");
}

std::vector<doc::OrgNode> kecamatan() {
  return {
      {"Camat", -1, false},
      {"Kelompok Jabatan Fungsional", 0, true},
      {"Sekretariat Kecamatan", 0, false},
      {"Subbagian Umum dan Kepegawaian", 2, false},
      {"Subbagian Perencanaan dan Keuangan", 2, false},
      {"Seksi Pemerintahan", 0, false},
      {"Seksi Ketenteraman dan Ketertiban Umum", 0, false},
      {"Seksi Pemberdayaan Masyarakat dan Desa", 0, false},
      {"Seksi Kesejahteraan Sosial", 0, false},
  };
}

/// Every glyph run lies inside one box, and every box holds text.
void expect_text_inside_boxes(const frame::Frame& f) {
  std::vector<Rect> boxes;
  for (const auto& item : f.items) {
    if (const auto* b = std::get_if<frame::Box>(&item)) boxes.push_back(b->rect);
  }
  std::vector<const frame::GlyphRun*> rs;
  runs(f, rs);
  ASSERT_FALSE(rs.empty());
  for (const auto* r : rs) {
    bool inside = false;
    for (const auto& b : boxes) {
      const Pt left = r->origin.x, right = r->origin.x + r->width();
      inside = inside || (left >= b.x - Pt(1e-6) && right <= b.right() + Pt(1e-6) &&
                          r->origin.y > b.y && r->origin.y < b.bottom());
    }
    EXPECT_TRUE(inside) << "'" << r->text << "' at " << r->origin.x.v << "," << r->origin.y.v
                        << " width " << r->width().v;
  }
}

/// Words of every glyph run, in order.
std::string words(const frame::Frame& f) {
  std::istringstream in(text_of(f));
  std::string out, w;
  while (in >> w) out += (out.empty() ? "" : " ") + w;
  return out;
}

TEST_F(LayoutTest, OrgChartFitsAndKeepsTextInBoxes) {
  const auto nodes = kecamatan();
  const auto f = draw_orgchart(ctx_, nodes, Pt(439));
  EXPECT_NEAR(f.size.width.v, 439, 1e-6);
  EXPECT_GT(f.size.height.v, 100);
  size_t boxes = 0;
  for (const auto& item : f.items) {
    boxes += std::holds_alternative<frame::Box>(item);
    if (const auto* l = std::get_if<frame::Line>(&item)) {
      EXPECT_TRUE(l->from.x == l->to.x || l->from.y == l->to.y) << "connector not orthogonal";
      EXPECT_GE(min(l->from.x, l->to.x).v, -1e-6);
      EXPECT_LE(max(l->from.x, l->to.x).v, 439 + 1e-6);
    }
  }
  EXPECT_EQ(boxes, nodes.size());
  expect_text_inside_boxes(f);
  const std::string text = words(f);
  for (const char* w : {"Camat", "Fungsional", "Kepegawaian", "Ketertiban", "Sosial"}) {
    EXPECT_NE(text.find(w), std::string::npos) << w;
  }
}

TEST_F(LayoutTest, OrgChartStaffSitsBetweenRootAndChildren) {
  const auto f = draw_orgchart(ctx_, kecamatan(), Pt(439));
  std::vector<Rect> boxes;
  for (const auto& item : f.items) {
    if (const auto* b = std::get_if<frame::Box>(&item)) boxes.push_back(b->rect);
  }
  ASSERT_EQ(boxes.size(), 9u);
  // Boxes are drawn in tree order: root first, its staff unit next, then the command line.
  const Rect root = boxes[0], staff = boxes[1], child = boxes[2];
  EXPECT_GT(staff.y, root.bottom());
  EXPECT_LT(staff.bottom(), child.y);
  EXPECT_GT(staff.x, root.x + root.width / 2);
}

TEST_F(LayoutTest, WideOrgChartScalesDownUniformly) {
  std::vector<doc::OrgNode> nodes{{"Bupati Jombang", -1, false}};
  for (int i = 0; i < 18; ++i) nodes.push_back({"Kecamatan Nomor " + std::to_string(i), 0, false});
  const auto f = draw_orgchart(ctx_, nodes, Pt(439));
  EXPECT_NEAR(f.size.width.v, 439, 1e-6);
  std::vector<const frame::GlyphRun*> rs;
  runs(f, rs);
  ASSERT_FALSE(rs.empty());
  EXPECT_LT(rs.front()->size, style_.table_text.size * 0.9);
  expect_text_inside_boxes(f);
}

TEST_F(LayoutTest, OrgChartSurvivesParentCycle) {
  std::vector<doc::OrgNode> nodes{{"A", -1, false}, {"B", 2, false}, {"C", 1, false}};
  const auto f = draw_orgchart(ctx_, nodes, Pt(300));
  size_t boxes = 0;
  for (const auto& item : f.items) boxes += std::holds_alternative<frame::Box>(item);
  EXPECT_EQ(boxes, 3u);
}

doc::Chart capaian(doc::Chart::Kind kind) {
  doc::Chart c;
  c.kind = kind;
  c.categories = {"IKU 1 Indeks Kepuasan Masyarakat", "IKU 2", "IKU 3"};
  c.series = {{"Target", {100, 100, 100}, {"100", "100", "100"}},
              {"Realisasi", {86.34, 92.5, 101.2}, {}}};
  c.y_title = "Capaian (%)";
  return c;
}

TEST_F(LayoutTest, ChartsCarryTheirNumbersAsText) {
  for (auto kind : {doc::Chart::Kind::bars, doc::Chart::Kind::lines}) {
    const auto f = draw_chart(ctx_, capaian(kind), Pt(439));
    EXPECT_NEAR(f.size.width.v, 439, 1e-6);
    const std::string text = text_of(f);
    for (const char* s : {"86,34\n", "92,5\n", "101,2\n", "Target\n", "Realisasi\n",
                          "Capaian (%)\n", "IKU 2\n", "25\n", "125\n", "0\n"}) {
      EXPECT_NE(text.find(s), std::string::npos) << s << " missing from\n" << text;
    }
    EXPECT_EQ(count(text, "100\n"), 4u) << text;  // three value labels and the 100 tick
    for (const auto& item : f.items) {
      if (const auto* r = std::get_if<frame::GlyphRun>(&item)) {
        EXPECT_GE(r->origin.x.v, 0) << r->text;
        EXPECT_LE((r->origin.x + r->width()).v, 439 + 1e-6) << r->text;
        EXPECT_LE(r->origin.y, f.size.height) << r->text;
      }
    }
  }
}

TEST_F(LayoutTest, ChartWithoutDataShowsItsNoteInPlaceOfAxes) {
  doc::Chart c = capaian(doc::Chart::Kind::bars);
  for (auto& s : c.series)
    for (double& v : s.values) v = std::nan("");
  c.note = "Grafik tidak digambarkan karena belum ada data capaian untuk IKU 2.";
  const auto f = draw_chart(ctx_, c, Pt(300));
  EXPECT_NEAR(f.size.width.v, 300, 1e-6);
  EXPECT_GT(f.size.height.v, 0);
  EXPECT_EQ(words(f), c.note);  // no tick, category or legend text
  size_t boxes = 0;
  for (const auto& item : f.items) {
    EXPECT_FALSE(std::holds_alternative<frame::Line>(item));  // no axis, tick or grid rule
    boxes += std::holds_alternative<frame::Box>(item);
  }
  EXPECT_EQ(boxes, 1u);  // the frame around the note
  expect_text_inside_boxes(f);
}

TEST_F(LayoutTest, ChartNoteIsSetBelowTheCaption) {
  doc::Figure fig;
  fig.kind = doc::Figure::Kind::chart;
  fig.label = "Gambar 3.1";
  fig.caption = {doc::Inline{"Capaian IKU", false, false, false, ""}};
  fig.chart = capaian(doc::Chart::Kind::bars);
  fig.chart.note = "Tanpa data capaian: IKU 4.";
  const auto f = make_figure_flow(ctx_, fig, Pt(439), Pt(600))->next(Pt(700), true);
  ASSERT_TRUE(f.has_value());
  const std::string w = words(f->frame);
  const size_t caption = w.find("Gambar 3.1 Capaian IKU"), note = w.find(fig.chart.note);
  ASSERT_NE(caption, std::string::npos) << w;
  ASSERT_NE(note, std::string::npos) << w;
  EXPECT_LT(caption, note);
  std::vector<const frame::GlyphRun*> rs;
  runs(f->frame, rs);
  EXPECT_EQ(rs.back()->font, &ctx_.font(ctx_.style.source_style).file()) << rs.back()->text;
  EXPECT_EQ(rs.back()->size, ctx_.style.source_style.size);
  EXPECT_LE(rs.back()->origin.y, f->frame.size.height);
}

std::shared_ptr<frame::ImageData> image(int w, int h) {
  auto img = std::make_shared<frame::ImageData>();
  img->width_px = w;
  img->height_px = h;
  img->source_path = "foto.png";
  return img;
}

doc::Figure image_figure(int w, int h) {
  doc::Figure fig;
  fig.anchor = "gbr-1-1";
  fig.label = "Gambar 1.1";
  fig.caption = {doc::Inline{"Kantor Kecamatan Megaluh", false, false, false, ""}};
  fig.image = image(w, h);
  return fig;
}

TEST_F(LayoutTest, ImageFigureScalesToWidthWithCaptionBelow) {
  auto flow = make_figure_flow(ctx_, image_figure(1600, 1200), Pt(439), Pt(600));
  ASSERT_FALSE(flow->next(flow->min_first_height() - Pt(1), false).has_value());
  const auto f = flow->next(flow->min_first_height(), false);
  ASSERT_TRUE(f.has_value());
  EXPECT_TRUE(flow->done());
  const frame::Image* img = nullptr;
  const frame::Anchor* anchor = nullptr;
  for (const auto& item : f->frame.items) {
    if (const auto* i = std::get_if<frame::Image>(&item)) img = i;
    if (const auto* a = std::get_if<frame::Anchor>(&item)) anchor = a;
  }
  ASSERT_NE(img, nullptr);
  ASSERT_NE(anchor, nullptr);
  EXPECT_EQ(anchor->id, "gbr-1-1");
  EXPECT_EQ(anchor->pos.y, Pt(0));
  EXPECT_NEAR(img->rect.width.v, 439, 1e-6);
  EXPECT_NEAR(img->rect.height.v, 439 * 0.75, 1e-6);
  std::vector<const frame::GlyphRun*> rs;
  runs(f->frame, rs);
  ASSERT_FALSE(rs.empty());
  EXPECT_NE(rs.front()->text.find("Gambar 1.1"), std::string::npos);
  EXPECT_GT(rs.front()->origin.y, img->rect.bottom());
  EXPECT_EQ(sink_.warning_count(), 0u);
}

TEST_F(LayoutTest, SmallImageKeepsItsSizeUnlessAskedAndThenWarns) {
  auto fig = image_figure(200, 100);  // 150 × 75 pt at 96 dpi
  auto natural = make_figure_flow(ctx_, fig, Pt(439), Pt(600))->next(Pt(600), true);
  ASSERT_TRUE(natural.has_value());
  EXPECT_EQ(sink_.warning_count(), 0u);
  fig.width = Pt(400);
  auto blown = make_figure_flow(ctx_, fig, Pt(439), Pt(600))->next(Pt(600), true);
  ASSERT_TRUE(blown.has_value());
  EXPECT_EQ(sink_.warning_count(), 1u);
  for (const auto* f : {&natural->frame, &blown->frame}) {
    for (const auto& item : f->items) {
      if (const auto* i = std::get_if<frame::Image>(&item)) {
        EXPECT_NEAR(i->rect.width.v, f == &natural->frame ? 150 : 400, 1e-6);
        EXPECT_NEAR(i->rect.x.v, (439 - i->rect.width.v) / 2, 1e-6);  // centred
      }
    }
  }
}

TEST_F(LayoutTest, FigureTallerThanThePageShrinksToFit) {
  auto flow = make_figure_flow(ctx_, image_figure(100, 1000), Pt(439), Pt(600));
  EXPECT_FALSE(flow->next(Pt(300), false).has_value());
  const auto f = flow->next(Pt(300), true);
  ASSERT_TRUE(f.has_value());
  EXPECT_LE(f->frame.size.height.v, 300 + 1e-6);
}

TEST_F(LayoutTest, OrgChartFigureHasCaption) {
  doc::Figure fig;
  fig.kind = doc::Figure::Kind::orgchart;
  fig.label = "Gambar 1.1";
  fig.caption = {doc::Inline{"Struktur Organisasi Kecamatan Megaluh", false, false, false, ""}};
  fig.org = kecamatan();
  auto flow = make_figure_flow(ctx_, fig, Pt(439), Pt(600));
  const auto f = flow->next(Pt(700), true);
  ASSERT_TRUE(f.has_value());
  EXPECT_NE(words(f->frame).find("Gambar 1.1 Struktur Organisasi Kecamatan Megaluh"),
            std::string::npos);
}

}  // namespace
}  // namespace lkjip::layout
