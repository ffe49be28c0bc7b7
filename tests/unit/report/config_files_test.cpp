#include "report/config_files.h"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>

#include <unistd.h>

namespace lkjip::report {
namespace {

const std::string kDataDir = LKJIP_SOURCE_DIR;

std::vector<std::string> formatted(const DiagnosticSink& sink) {
  std::vector<std::string> out;
  for (const auto& d : sink.all()) out.push_back(format_diagnostic(d));
  return out;
}

void expect_near(const Color& a, const Color& b) {
  EXPECT_NEAR(a.r, b.r, 1.0 / 255);
  EXPECT_NEAR(a.g, b.g, 1.0 / 255);
  EXPECT_NEAR(a.b, b.b, 1.0 / 255);
}

void expect_same(const TextStyle& a, const TextStyle& b) {
  EXPECT_EQ(a.family, b.family);
  EXPECT_EQ(a.size, b.size);
  EXPECT_EQ(a.bold, b.bold);
  EXPECT_EQ(a.italic, b.italic);
  EXPECT_EQ(a.leading, b.leading);
  expect_near(a.color, b.color);
}

TEST(Layout, LkjipFileEqualsTheStructDefaults) {
  DiagnosticSink sink;
  auto s = load_layout("lkjip", kDataDir, sink);
  EXPECT_TRUE(formatted(sink).empty()) << ::testing::PrintToString(formatted(sink));
  ASSERT_TRUE(s);
  LayoutStyle d;
  EXPECT_EQ(s->name, "lkjip");
  EXPECT_EQ(s->source_path, kDataDir + "/layouts/lkjip.toml");
  EXPECT_NEAR(s->paper.width.v, d.paper.width.v, 0.01);
  EXPECT_NEAR(s->paper.height.v, d.paper.height.v, 0.01);
  EXPECT_EQ(s->paper_name, d.paper_name);
  EXPECT_EQ(s->margin_top, d.margin_top);
  EXPECT_EQ(s->margin_bottom, d.margin_bottom);
  EXPECT_EQ(s->margin_left, d.margin_left);
  EXPECT_EQ(s->margin_right, d.margin_right);
  EXPECT_EQ(s->header_offset, d.header_offset);
  EXPECT_EQ(s->footer_offset, d.footer_offset);
  EXPECT_EQ(s->header_text, d.header_text);
  expect_same(s->header_style, d.header_style);
  expect_same(s->footer_style, d.footer_style);
  EXPECT_EQ(s->page_number_align, d.page_number_align);
  expect_same(s->body, d.body);
  EXPECT_EQ(s->first_line_indent, d.first_line_indent);
  EXPECT_EQ(s->paragraph_space, d.paragraph_space);
  EXPECT_EQ(s->body_align, d.body_align);
  EXPECT_EQ(s->hyphenate, d.hyphenate);
  EXPECT_EQ(s->tolerance, d.tolerance);
  EXPECT_EQ(s->hyphenation_dictionary, d.hyphenation_dictionary);
  expect_same(s->chapter_style, d.chapter_style);
  EXPECT_EQ(s->chapter_label, d.chapter_label);
  EXPECT_EQ(s->chapter_space_after, d.chapter_space_after);
  EXPECT_EQ(s->chapter_new_page, d.chapter_new_page);
  for (int i = 0; i < 3; ++i) {
    expect_same(s->heading[i].text, d.heading[i].text);
    EXPECT_EQ(s->heading[i].numbering, d.heading[i].numbering);
    EXPECT_EQ(s->heading[i].space_before, d.heading[i].space_before);
    EXPECT_EQ(s->heading[i].space_after, d.heading[i].space_after);
    EXPECT_EQ(s->heading[i].indent, d.heading[i].indent);
    EXPECT_EQ(s->heading[i].uppercase, d.heading[i].uppercase);
  }
  EXPECT_EQ(s->list_indent, d.list_indent);
  EXPECT_EQ(s->list_item_space, d.list_item_space);
  expect_same(s->table_text, d.table_text);
  expect_same(s->table_header, d.table_header);
  EXPECT_EQ(s->table_min_size, d.table_min_size);
  expect_near(s->table_header_fill, d.table_header_fill);
  expect_near(s->table_total_fill, d.table_total_fill);
  expect_near(s->table_group_fill, d.table_group_fill);
  EXPECT_EQ(s->table_rule, d.table_rule);
  EXPECT_EQ(s->cell_padding_x, d.cell_padding_x);
  EXPECT_EQ(s->cell_padding_y, d.cell_padding_y);
  EXPECT_EQ(s->table_number_row, d.table_number_row);
  EXPECT_EQ(s->continued_suffix, d.continued_suffix);
  EXPECT_EQ(s->table_space_before, d.table_space_before);
  EXPECT_EQ(s->table_space_after, d.table_space_after);
  expect_same(s->caption_style, d.caption_style);
  EXPECT_EQ(s->table_label, d.table_label);
  EXPECT_EQ(s->figure_label, d.figure_label);
  expect_same(s->source_style, d.source_style);
  EXPECT_EQ(s->source_prefix, d.source_prefix);
  expect_same(s->cover_title, d.cover_title);
  expect_same(s->cover_text, d.cover_text);
  expect_same(s->front_heading, d.front_heading);
  expect_same(s->toc_style, d.toc_style);
  EXPECT_EQ(s->toc_indent, d.toc_indent);
  EXPECT_EQ(s->toc_leader, d.toc_leader);
  EXPECT_EQ(s->signature_width, d.signature_width);
  EXPECT_EQ(s->signature_space, d.signature_space);
  expect_same(s->signature_style, d.signature_style);
  ASSERT_EQ(s->chart_palette.size(), d.chart_palette.size());
  for (size_t i = 0; i < d.chart_palette.size(); ++i)
    expect_near(s->chart_palette[i], d.chart_palette[i]);
}

TEST(Layout, TataNaskahDinasIsF4WithLiberationSans) {
  DiagnosticSink sink;
  auto s = load_layout("tata-naskah-dinas", kDataDir, sink);
  EXPECT_TRUE(formatted(sink).empty()) << ::testing::PrintToString(formatted(sink));
  ASSERT_TRUE(s);
  EXPECT_EQ(s->paper_name, "F4");
  EXPECT_EQ(s->paper.width, mm(215));
  EXPECT_EQ(s->paper.height, mm(330));
  EXPECT_EQ(s->margin_top, mm(20));
  EXPECT_EQ(s->margin_bottom, mm(25));
  EXPECT_EQ(s->margin_left, mm(30));
  EXPECT_EQ(s->margin_right, mm(20));
  EXPECT_EQ(s->body.family, "Liberation Sans");
  EXPECT_EQ(s->body.size, Pt(12));
  EXPECT_EQ(s->body.leading, 1.5);
  for (const auto& h : s->heading) EXPECT_EQ(h.text.family, "Liberation Sans");
  EXPECT_EQ(s->chapter_style.family, "Liberation Sans");
  EXPECT_EQ(s->table_text.family, "Liberation Sans");
  EXPECT_EQ(s->cover_title.size, Pt(22));
}

class LayoutFile : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = (std::filesystem::temp_directory_path() /
             ("lkjip_layout_" + std::to_string(::getpid()) + ".toml"))
                .string();
  }
  void TearDown() override { std::filesystem::remove(path_); }
  std::optional<LayoutStyle> load(std::string_view text, DiagnosticSink& sink) {
    std::ofstream(path_) << text;
    return load_layout(path_, kDataDir, sink);
  }
  std::string path_;
};

TEST_F(LayoutFile, LengthsInMillimetresOrPointsAndCustomPaper) {
  DiagnosticSink sink;
  auto s = load(
      "[page]\npaper = [200, 280]\nmargin_top_pt = 50\nmargin_left_mm = 35\n"
      "[body]\nsize_pt = 11\ncolor = \"#FF0000\"\nalign = \"left\"\n"
      "[chart]\npalette = [\"#000000\"]\n",
      sink);
  ASSERT_TRUE(s) << ::testing::PrintToString(formatted(sink));
  EXPECT_EQ(s->paper.width, mm(200));
  EXPECT_EQ(s->paper.height, mm(280));
  EXPECT_EQ(s->paper_name, "200x280mm");
  EXPECT_EQ(s->margin_top, Pt(50));
  EXPECT_EQ(s->margin_left, mm(35));
  EXPECT_EQ(s->margin_right, mm(25));  // untouched default
  EXPECT_EQ(s->body.size, Pt(11));
  EXPECT_EQ(s->body.family, "Liberation Serif");
  EXPECT_EQ(s->body.color, (Color{1, 0, 0}));
  EXPECT_EQ(s->body_align, HAlign::left);
  EXPECT_EQ(s->chart_palette.size(), 1u);
}

TEST_F(LayoutFile, ErrorsAreLocated) {
  DiagnosticSink sink;
  EXPECT_FALSE(
      load("[body]\nsize_pt = 11\nleadin = 1.5\n[page]\nmargin_top_mm = 20\n"
           "margin_top_pt = 50\n[table]\nheader_fill = \"grey\"\n",
           sink));
  EXPECT_EQ(formatted(sink),
            (std::vector<std::string>{
                path_ + ":3:1: error: unknown key `leadin` in [body]\n"
                        "  hint: did you mean `leading`?\n"
                        "  hint: keys of [body]: align, hyphenate, hyphenate_capitalised, tolerance, "
                        "hyphenation_dictionary, first_line_indent_mm, first_line_indent_pt, "
                        "paragraph_space_mm, paragraph_space_pt, family, size_pt, size_mm, bold, "
                        "italic, leading, color",
                path_ + ":6:17: error: `margin_top` is given twice, as `margin_top_mm` and "
                        "`margin_top_pt`\n"
                        "  hint: keep one of them",
                path_ + ":8:15: error: `header_fill` \"grey\" is not a colour\n"
                        "  hint: write colours as \"#RRGGBB\", e.g. \"#1F4587\""}));
}

TEST(Layout, UnknownLayoutName) {
  DiagnosticSink sink;
  EXPECT_FALSE(load_layout("lkjp", kDataDir, sink));
  EXPECT_EQ(formatted(sink),
            (std::vector<std::string>{"error: unknown layout \"lkjp\" (" + kDataDir +
                                      "/layouts/lkjp.toml: No such file or directory)\n"
                                      "  hint: did you mean \"lkjip\"?\n"
                                      "  hint: layouts in " +
                                      kDataDir + "/layouts: lkjip, tata-naskah-dinas"}));
}

TEST(Layout, LayoutBesideTheDescriptionMayNotLinkOutOfItsFolder) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::path(::testing::TempDir()) /
                       ("lkjip_layout_link_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir / "desc");
  fs::create_directory_symlink(fs::path(kDataDir) / "layouts", dir / "desc" / "layouts");
  DiagnosticSink sink;
  EXPECT_FALSE(load_layout("lkjip", kDataDir, sink, {"d.toml", 3, 10}, (dir / "desc").string()));
  ASSERT_EQ(sink.all().size(), 1u);
  EXPECT_EQ(formatted(sink).front().rfind(
                "d.toml:3:10: error: layout \"lkjip\" path `layouts/lkjip.toml` leads through a "
                "link to " +
                    fs::canonical(fs::path(kDataDir) / "layouts/lkjip.toml").string() +
                    ", outside the description's folder",
                0),
            0u)
      << formatted(sink).front();
  fs::remove(dir / "desc" / "layouts");
  fs::create_directories(dir / "desc" / "layouts");
  fs::copy_file(fs::path(kDataDir) / "layouts/lkjip.toml", dir / "desc/layouts/lkjip.toml");
  DiagnosticSink ok;
  EXPECT_TRUE(load_layout("lkjip", kDataDir, ok, {"d.toml", 3, 10}, (dir / "desc").string()));
  fs::remove_all(dir);
}

TEST(Layout, UnknownLayoutIsLocatedWhereItWasNamed) {
  DiagnosticSink sink;
  EXPECT_FALSE(load_layout("lkjp", kDataDir, sink, {"megaluh.toml", 11, 10}));
  ASSERT_EQ(sink.all().size(), 1u);
  EXPECT_EQ(formatted(sink).front().rfind("megaluh.toml:11:10: error: unknown layout \"lkjp\"", 0),
            0u)
      << formatted(sink).front();
}

TEST(FontConfig, LoadsTheShippedConfiguration) {
  DiagnosticSink sink;
  auto c = load_font_config(kDataDir, sink);
  EXPECT_TRUE(formatted(sink).empty()) << ::testing::PrintToString(formatted(sink));
  ASSERT_TRUE(c);
  EXPECT_EQ(c->config_path, kDataDir + "/fonts/fonts.toml");
  EXPECT_EQ(c->search_dirs,
            (std::vector<std::string>{kDataDir + "/fonts", "/usr/share/fonts/truetype/liberation2",
                                      "/usr/share/fonts/truetype/crosextra",
                                      "/usr/share/fonts/truetype", "/usr/local/share/fonts"}));
  ASSERT_EQ(c->families.size(), 3u);
  EXPECT_EQ(c->families[0].family, "Liberation Serif");
  EXPECT_EQ(c->families[0].regular, "LiberationSerif-Regular.ttf");
  EXPECT_EQ(c->families[1].family, "Liberation Sans");
  EXPECT_EQ(c->families[1].bold_italic, "LiberationSans-BoldItalic.ttf");
  EXPECT_EQ(c->families[2].family, "Carlito");
  EXPECT_EQ(c->families[2].italic, "Carlito-Italic.ttf");
}

TEST(FontConfig, EveryFamilyOfTheShippedLayoutsIsConfigured) {
  DiagnosticSink sink;
  auto c = load_font_config(kDataDir, sink);
  ASSERT_TRUE(c);
  for (const char* name : {"lkjip", "tata-naskah-dinas"}) {
    auto s = load_layout(name, kDataDir, sink);
    ASSERT_TRUE(s);
    for (const TextStyle* t : {&s->body, &s->header_style, &s->chapter_style, &s->table_text,
                               &s->cover_title, &s->signature_style, &s->heading[2].text}) {
      bool found = false;
      for (const auto& f : c->families) found |= f.family == t->family;
      EXPECT_TRUE(found) << name << ": " << t->family;
    }
  }
}

TEST(FontConfig, MissingFileIsAnError) {
  DiagnosticSink sink;
  EXPECT_FALSE(load_font_config("/nonexistent", sink));
  EXPECT_EQ(formatted(sink),
            (std::vector<std::string>{
                "/nonexistent/fonts/fonts.toml: error: cannot read the font configuration: No "
                "such file or directory\n"
                "  hint: fonts/fonts.toml maps font families to files, see fonts/README.md"}));
}

}  // namespace
}  // namespace lkjip::report
