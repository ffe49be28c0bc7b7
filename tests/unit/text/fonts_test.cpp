#include "text/fonts.h"

#include <ft2build.h>
#include <gtest/gtest.h>
#include FT_FREETYPE_H
#include FT_ADVANCES_H

#include <filesystem>
#include <fstream>
#include <thread>

#include "test_fonts.h"

namespace lkjip::text {
namespace {

using testing::debian_fonts;
using testing::shared_fonts;

const Font& serif() {
  const Font* f = shared_fonts()->find("Liberation Serif", FontStyle::regular);
  if (f == nullptr) internal_error("Liberation Serif not loaded");
  return *f;
}

/// Advance of `ch` from the font's hmtx table, in font units, read with FreeType directly.
long hmtx_advance(const std::string& path, char ch) {
  FT_Library lib;
  FT_Init_FreeType(&lib);
  FT_Face face;
  FT_New_Face(lib, path.c_str(), 0, &face);
  FT_Fixed adv = 0;
  FT_Get_Advance(face, FT_Get_Char_Index(face, static_cast<unsigned char>(ch)), FT_LOAD_NO_SCALE,
                 &adv);
  FT_Done_Face(face);
  FT_Done_FreeType(lib);
  return adv;
}

TEST(FontSet, LoadsConfiguredFamilies) {
  const auto fonts = shared_fonts();
  ASSERT_NE(fonts, nullptr);
  const Font* bold = fonts->find("Liberation Serif", FontStyle::bold);
  ASSERT_NE(bold, nullptr);
  EXPECT_EQ(bold->file().path, std::string(testing::kLiberationDir) + "/LiberationSerif-Bold.ttf");
  EXPECT_EQ(bold->file().family, "Liberation Serif");
  EXPECT_EQ(bold->file().style, FontStyle::bold);
  EXPECT_EQ(bold->file().bytes.size(), std::filesystem::file_size(bold->file().path));
  EXPECT_NE(fonts->find("Carlito", FontStyle::italic), nullptr);
  EXPECT_EQ(fonts->find("Comic Sans", FontStyle::regular), nullptr);
}

TEST(FontSet, StyleWithoutFileFallsBackToRegular) {
  const auto fonts = shared_fonts();
  EXPECT_EQ(fonts->find("Liberation Sans", FontStyle::italic),
            fonts->find("Liberation Sans", FontStyle::regular));
  EXPECT_NE(fonts->find("Liberation Sans", FontStyle::bold),
            fonts->find("Liberation Sans", FontStyle::regular));
}

TEST(FontSet, MetricsAreSensible) {
  const Font& f = serif();
  EXPECT_EQ(f.units_per_em(), 2048);
  const Pt size(12);
  EXPECT_GT(f.ascender(size).v, 8);
  EXPECT_LT(f.ascender(size).v, 12);
  EXPECT_GT(f.descender(size).v, 1.5);
  EXPECT_LT(f.descender(size).v, 4);
  // Liberation Serif's OS/2 sCapHeight is 1341 units.
  EXPECT_NEAR(f.cap_height(size).v, 1341 * 12.0 / 2048, 1e-9);
  EXPECT_GT(f.underline_position(size).v, 0);
  EXPECT_GT(f.underline_thickness(size).v, 0);
}

TEST(FontSet, FirstSearchFolderWins) {
  const auto dir = std::filesystem::temp_directory_path() / "lkjip-text-first-wins";
  std::filesystem::create_directories(dir);
  std::filesystem::copy_file(std::string(testing::kCrosextraDir) + "/Carlito-Regular.ttf",
                             dir / "LiberationSerif-Regular.ttf",
                             std::filesystem::copy_options::overwrite_existing);
  FontConfig config = debian_fonts();
  config.search_dirs.insert(config.search_dirs.begin(), dir.string());
  DiagnosticSink sink;
  const auto fonts = FontSet::load(config, {"Liberation Serif"}, sink);
  ASSERT_NE(fonts, nullptr);
  EXPECT_EQ(fonts->find("Liberation Serif", FontStyle::regular)->file().path,
            (dir / "LiberationSerif-Regular.ttf").string());
  EXPECT_EQ(fonts->find("Liberation Serif", FontStyle::bold)->file().path,
            std::string(testing::kLiberationDir) + "/LiberationSerif-Bold.ttf");
  std::filesystem::remove_all(dir);
}

TEST(FontSet, MissingFileIsALocatedErrorListingTheSearchFolders) {
  FontConfig config = debian_fonts();
  config.families[0].bold = "NoSuchFont-Bold.ttf";
  DiagnosticSink sink;
  EXPECT_EQ(FontSet::load(config, {"Liberation Serif"}, sink), nullptr);
  ASSERT_EQ(sink.error_count(), 1u);
  const auto d = sink.all()[0];
  EXPECT_EQ(d.loc.file, "fonts/fonts.toml");
  EXPECT_NE(d.message.find("NoSuchFont-Bold.ttf"), std::string::npos);
  ASSERT_FALSE(d.hints.empty());
  EXPECT_NE(d.hints.back().find(testing::kLiberationDir), std::string::npos);
  EXPECT_NE(d.hints.back().find(testing::kCrosextraDir), std::string::npos);
}

TEST(FontSet, UnconfiguredFamilyIsAnError) {
  DiagnosticSink sink;
  EXPECT_EQ(FontSet::load(debian_fonts(), {"Liberation Serif", "Times New Roman"}, sink), nullptr);
  ASSERT_EQ(sink.error_count(), 1u);
  EXPECT_NE(sink.all()[0].message.find("Times New Roman"), std::string::npos);
}

TEST(FontSet, UnconfiguredFamilyIsReportedWhereItWasAskedFor) {
  DiagnosticSink sink;
  const SourceLoc key{"layouts/kantor.toml", 7, 10};
  EXPECT_EQ(FontSet::load(debian_fonts(), {"Times New Roman"}, sink, {{"Times New Roman", key}}),
            nullptr);
  ASSERT_EQ(sink.error_count(), 1u);
  const auto d = sink.all()[0];
  EXPECT_EQ(d.loc.file, key.file);
  EXPECT_EQ(d.loc.line, 7);
  EXPECT_EQ(d.loc.column, 10);
  EXPECT_NE(d.message.find("is not configured in"), std::string::npos) << d.message;
}

TEST(FontSet, NonFontFileIsAnError) {
  const auto dir = std::filesystem::temp_directory_path() / "lkjip-text-not-a-font";
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "Broken.ttf") << "this is not a font";
  FontConfig config;
  config.search_dirs = {dir.string()};
  config.families = {{"Broken", "Broken.ttf", "", "", ""}};
  config.config_path = "fonts.toml";
  DiagnosticSink sink;
  EXPECT_EQ(FontSet::load(config, {"Broken"}, sink), nullptr);
  ASSERT_EQ(sink.error_count(), 1u);
  EXPECT_NE(sink.all()[0].message.find("not a usable font"), std::string::npos);
  std::filesystem::remove_all(dir);
}

TEST(Shaping, AdvancesMatchHmtxWithoutKerningPairs) {
  const Font& f = serif();
  const std::string path = f.file().path;
  const ShapedText& s = *f.shape("kinerja");
  ASSERT_EQ(s.glyphs.size(), 7u);
  int64_t sum = 0;
  for (size_t i = 0; i < s.glyphs.size(); ++i) {
    EXPECT_EQ(s.glyphs[i].cluster, i);
    EXPECT_EQ(s.glyphs[i].advance, hmtx_advance(path, "kinerja"[i])) << i;
    sum += s.glyphs[i].advance;
  }
  EXPECT_EQ(s.advance, sum);
  EXPECT_NEAR(f.width("kinerja", Pt(12)).v, static_cast<double>(sum) * 12.0 / 2048, 1e-9);
}

TEST(Shaping, KerningMakesAVNarrower) {
  const Font& f = serif();
  const Pt size(12);
  const Pt av = f.width("AV", size);
  const Pt separate = f.width("A", size) + f.width("V", size);
  EXPECT_LT(av.v, separate.v - 0.1);
  EXPECT_EQ(f.shape("AV")->glyphs.size(), 2u);
}

TEST(Shaping, CarlitoLigatureIsOneCluster) {
  const Font* carlito = shared_fonts()->find("Carlito", FontStyle::regular);
  ASSERT_NE(carlito, nullptr);
  const ShapedText& s = *carlito->shape("efisiensi");
  EXPECT_LT(s.glyphs.size(), 9u);  // "fi" (and "ti"-style) ligatures
  for (size_t i = 1; i < s.glyphs.size(); ++i)
    EXPECT_GT(s.glyphs[i].cluster, s.glyphs[i - 1].cluster);
}

TEST(Shaping, ConcurrentShapingIsConsistent) {
  const Font& f = serif();
  const ShapedText& expected = *f.shape("Pertanggungjawaban");
  std::vector<std::thread> threads;
  std::vector<int> wrong(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 3000; ++i) {
        const std::string word = "Pertanggungjawaban" + std::to_string(i % 300 + t * 1000);
        const ShapedText& s = *f.shape(word);
        wrong[t] +=
            s.glyphs.size() != word.size() || s.glyphs[5].advance != expected.glyphs[5].advance;
      }
    });
  }
  for (auto& t : threads) t.join();
  for (int t = 0; t < 4; ++t) EXPECT_EQ(wrong[t], 0);
}

TEST(Shaping, ShapingAWordAgainSharesTheCachedResult) {
  const Font* f = shared_fonts()->find("Liberation Serif", FontStyle::italic);
  const Shaped first = f->shape("penyelenggaraan");
  const Shaped again = f->shape(std::string("penyelenggaraan"));
  EXPECT_EQ(first.get(), again.get());  // one cache entry, no copy of the glyphs
  EXPECT_NE(f->shape("penyelenggara").get(), first.get());
}

}  // namespace
}  // namespace lkjip::text
