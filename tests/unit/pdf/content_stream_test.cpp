// Content-stream building without PoDoFo: a fake ContentResources names fonts and images and
// gives every glyph a fixed width, so the operators can be asserted exactly.
#include "pdf/content_stream.h"

#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace lkjip::pdf {
namespace {

using namespace std::string_literals;

/// Fonts named F1, F2… and images Im1… in order of first use; glyphs 500/1000 em wide except
/// those listed missing. Records what it was asked.
class FakeResources : public ContentResources {
 public:
  const std::string* font(const FontFile& file) override {
    auto [it, inserted] = fonts.try_emplace(&file, "F" + std::to_string(fonts.size() + 1));
    current = &file;
    return &it->second;
  }
  std::optional<double> glyph(uint32_t gid, std::string_view cluster) override {
    shown.push_back(std::to_string(gid) + ":" + std::string(cluster));
    if (gid == missing) return std::nullopt;
    return 500.0;
  }
  const std::string* image(const frame::ImageData& data) override {
    if (data.bytes.empty()) return nullptr;
    auto [it, inserted] = images.try_emplace(&data, "Im" + std::to_string(images.size() + 1));
    return &it->second;
  }
  std::map<const FontFile*, std::string> fonts;
  std::map<const frame::ImageData*, std::string> images;
  const FontFile* current = nullptr;
  std::vector<std::string> shown;
  uint32_t missing = 9999;
};

struct Built {
  PageContent content;
  std::map<std::string, AnchorPos> anchors;
};

class ContentStreamTest : public ::testing::Test {
 protected:
  Built build(frame::Frame f, Size size = {Pt(200), Pt(100)}) {
    frame::Page page;
    page.size = size;
    page.content = std::move(f);
    Built b;
    b.content = builder_.build(page, 0, b.anchors);
    return b;
  }
  frame::GlyphRun run(std::string text, Point origin, Pt size = Pt(10)) {
    frame::GlyphRun r;
    r.font = &font_;
    r.size = size;
    r.origin = origin;
    r.text = text;
    for (uint32_t i = 0; i < text.size(); ++i) {
      frame::Glyph g;
      g.gid = static_cast<uint32_t>(text[i]);
      g.advance = size * 0.5;  // exactly the fake /W width: no adjustment needed
      g.cluster_begin = i;
      g.cluster_end = i + 1;
      r.glyphs.push_back(g);
    }
    return r;
  }
  FontFile font_{"/fonts/a.ttf", "A", FontStyle::regular, {}, 0};
  FakeResources res_;
  DiagnosticSink sink_;
  ContentStreamBuilder builder_{res_, sink_};
};

TEST_F(ContentStreamTest, PageStartsWithTheFlipToTopLeftAndALineIsStroked) {
  frame::Frame f;
  frame::Line line;
  line.from = {Pt(10), Pt(20)};
  line.to = {Pt(110), Pt(20)};
  line.width = Pt(0.5);
  f.add(line);
  const auto b = build(std::move(f));
  EXPECT_EQ(b.content.stream, "1 0 0 1 0 100 cm\nq 0.5 w 0 0 0 RG 10 -20 m 110 -20 l S Q\n");
  EXPECT_TRUE(sink_.all().empty());
}

TEST_F(ContentStreamTest, GlyphRunsStateOnlyWhatChanges) {
  frame::Frame f;
  f.add(run("ab", {Pt(10), Pt(20)}));
  f.add(run("c", {Pt(10), Pt(32)}));  // same font, size and colour: only Tm and TJ
  auto red = run("d", {Pt(10), Pt(44)}, Pt(12));
  red.color = Color{1, 0, 0};
  f.add(red);
  const auto b = build(std::move(f));
  EXPECT_EQ(b.content.stream,
            "1 0 0 1 0 100 cm\n"
            "BT\n0 0 0 rg /F1 10 Tf 1 0 0 1 10 -20 Tm [(\0a\0b)] TJ\n"
            "1 0 0 1 10 -32 Tm [(\0c)] TJ\n"
            "1 0 0 rg /F1 12 Tf 1 0 0 1 10 -44 Tm [(\0d)] TJ\n"
            "ET\n"s);
  EXPECT_EQ(res_.shown, (std::vector<std::string>{"97:a", "98:b", "99:c", "100:d"}));
}

TEST_F(ContentStreamTest, FramePositionsBecomeAdjustmentsAndOffsetsBecomeRise) {
  frame::Frame f;
  auto r = run("ab", {Pt(0), Pt(50)});
  r.glyphs[0].advance = Pt(7);    // 2 pt more than /W: the next glyph is moved by -200/1000 em
  r.glyphs[1].y_offset = Pt(-3);  // raised 3 pt
  f.add(r);
  const auto b = build(std::move(f));
  EXPECT_EQ(b.content.stream,
            "1 0 0 1 0 100 cm\n"
            "BT\n0 0 0 rg /F1 10 Tf 1 0 0 1 0 -50 Tm [(\0a)] TJ 3 Ts [-200(\0b)] TJ\nET\n"s);
}

TEST_F(ContentStreamTest, SpecialBytesOfGlyphCodesAreEscaped) {
  frame::Frame f;
  auto r = run("x", {Pt(0), Pt(0)});
  r.glyphs[0].gid = 0x285C;  // '(' and '\\'
  f.add(r);
  const auto b = build(std::move(f));
  EXPECT_NE(b.content.stream.find("[(\\(\\\\)] TJ"), std::string::npos) << b.content.stream;
}

TEST_F(ContentStreamTest, GroupsAreRotatedAboutTheirCornerAndRestoreTheTextState) {
  auto inner = std::make_shared<frame::Frame>();
  inner->add(run("a", {Pt(0), Pt(0)}));
  frame::Frame f;
  f.add(frame::Group{{Pt(20), Pt(80)}, 90, inner});
  f.add(run("b", {Pt(0), Pt(10)}));  // after Q the font must be set again
  frame::Link link;
  link.rect = {Pt(0), Pt(0), Pt(10), Pt(5)};
  link.target = "bab-1";
  inner->add(link);
  const auto b = build(std::move(f));
  EXPECT_EQ(b.content.stream,
            "1 0 0 1 0 100 cm\n"
            "q 0 1 -1 0 20 -80 cm\n"
            "BT\n0 0 0 rg /F1 10 Tf 1 0 0 1 0 0 Tm [(\0a)] TJ\nET\nQ\n"
            "BT\n0 0 0 rg /F1 10 Tf 1 0 0 1 0 -10 Tm [(\0b)] TJ\nET\n"s);
  // The link's rectangle is mapped through the rotation into page space.
  ASSERT_EQ(b.content.links.size(), 1u);
  const PageBox& box = b.content.links[0].box;
  EXPECT_DOUBLE_EQ(box.left, 20);
  EXPECT_DOUBLE_EQ(box.right, 25);
  EXPECT_DOUBLE_EQ(box.bottom, 20);
  EXPECT_DOUBLE_EQ(box.top, 30);
}

TEST_F(ContentStreamTest, AnchorsAndSignatureFieldsLandInPageSpace) {
  frame::Frame f;
  f.add(frame::Anchor{"bab-1", {Pt(30), Pt(40)}});
  f.add(frame::Anchor{"bab-1", {Pt(0), Pt(0)}});  // the first definition wins, with a warning
  frame::SignatureField sig;
  sig.rect = {Pt(100), Pt(50), Pt(80), Pt(30)};
  sig.name = "kepala";
  f.add(sig);
  const auto b = build(std::move(f));
  ASSERT_EQ(b.anchors.count("bab-1"), 1u);
  EXPECT_DOUBLE_EQ(b.anchors.at("bab-1").x, 30);
  EXPECT_DOUBLE_EQ(b.anchors.at("bab-1").y, 60);
  ASSERT_EQ(b.content.sigs.size(), 1u);
  EXPECT_DOUBLE_EQ(b.content.sigs[0].box.bottom, 20);
  EXPECT_DOUBLE_EQ(b.content.sigs[0].box.top, 50);
  ASSERT_EQ(sink_.all().size(), 1u);
  EXPECT_NE(sink_.all()[0].message.find("page 1: anchor 'bab-1' is defined twice"),
            std::string::npos);
}

TEST_F(ContentStreamTest, BoxesPathsAndImages) {
  frame::Frame f;
  f.add(frame::Box{{Pt(10), Pt(10), Pt(50), Pt(20)}, Color{0.5, 0.5, 0.5}, {}, Pt(0)});
  frame::Path tri;
  tri.points = {{Pt(0), Pt(0)}, {Pt(10), Pt(0)}, {Pt(5), Pt(5)}};
  tri.closed = true;
  tri.stroke = Color::black();
  tri.stroke_width = Pt(1);
  f.add(tri);
  frame::Image img;
  img.rect = {Pt(0), Pt(60), Pt(40), Pt(30)};
  auto data = std::make_shared<frame::ImageData>();
  data->bytes = {1, 2, 3};
  img.data = data;
  f.add(img);
  const auto b = build(std::move(f));
  EXPECT_EQ(b.content.stream,
            "1 0 0 1 0 100 cm\n"
            "q 0.5 0.5 0.5 rg 10 -30 50 20 re f Q\n"
            "q 0 0 0 RG 1 w 0 0 m 10 0 l 5 -5 l h S Q\n"
            "q 40 0 0 30 0 -90 cm /Im1 Do Q\n");
}

TEST_F(ContentStreamTest, ProblemsAreReportedWithTheirPage) {
  frame::Frame f;
  frame::GlyphRun no_font = run("a", {});
  no_font.font = nullptr;
  f.add(no_font);
  res_.missing = 'b';
  f.add(run("b", {}));
  f.add(frame::Group{{}, 45, std::make_shared<frame::Frame>()});
  frame::Image no_data;
  f.add(no_data);
  frame::Page page;
  page.size = {Pt(100), Pt(100)};
  page.content = std::move(f);
  std::map<std::string, AnchorPos> anchors;
  builder_.build(page, 2, anchors);
  std::vector<std::string> messages;
  for (const auto& d : sink_.all()) messages.push_back(d.message);
  EXPECT_EQ(messages, (std::vector<std::string>{
                          "page 3: glyph run without a font: \"a\"",
                          "page 3: glyph id 98 is not in the font",
                          "page 3: group rotation 45 is not a multiple of 90",
                          "page 3: image item without image data",
                      }));
}

}  // namespace
}  // namespace lkjip::pdf
