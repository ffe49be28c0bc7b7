#include "text/hyphenate.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>

#include "test_fonts.h"

namespace lkjip::text {
namespace {

using testing::shared_hyphenator;

TEST(Hyphenator, IndonesianWordsWithDefaultMinima) {
  // left_min 2, right_min 2: two-letter tails are offered (ra-an, ner-ja), as PUEBI divides.
  const auto h = shared_hyphenator();
  ASSERT_NE(h, nullptr);
  EXPECT_EQ(h->hyphenated("pemerintahan"), "pe-me-rin-tahan");
  EXPECT_EQ(h->hyphenated("penyelenggaraan"), "pe-nye-leng-ga-ra-an");
  EXPECT_EQ(h->hyphenated("akuntabilitas"), "akun-ta-bi-li-tas");
  EXPECT_EQ(h->hyphenated("pertanggungjawaban"), "per-tang-gung-ja-waban");
  EXPECT_EQ(h->hyphenated("kesejahteraan"), "ke-se-jah-te-ra-an");
  EXPECT_EQ(h->hyphenated("infrastruktur"), "in-fra-struk-tur");
  EXPECT_EQ(h->hyphenated("anggaran"), "ang-garan");
  EXPECT_EQ(h->hyphenated("kinerja"), "ki-ner-ja");
}

TEST(Hyphenator, RightMinimumThreeDropsTwoLetterTails) {
  const auto h = shared_hyphenator();
  EXPECT_EQ(h->hyphenated("penyelenggaraan", 2, 3), "pe-nye-leng-ga-raan");
  EXPECT_EQ(h->hyphenated("kinerja", 2, 3), "ki-nerja");
}

TEST(Hyphenator, PatternBreaksPuebiDoesNotAllowAreDropped) {
  // hyph_id_ID proposes these (notes/pdf-stack.md section 9 recorded tah-an, wab-an, ang-an,
  // meng-op); they are morpheme boundaries, not syllables, and only syllable divisions are
  // kept, so the syllable split the patterns also propose remains where there is one.
  const auto h = shared_hyphenator();
  const std::pair<const char*, const char*> cases[] = {
      {"pemerintahan", "pe-me-rin-tahan"},
      {"penyelenggaraan", "pe-nye-leng-ga-ra-an"},
      {"akuntabilitas", "akun-ta-bi-li-tas"},
      {"pertanggungjawaban", "per-tang-gung-ja-waban"},
      {"kesejahteraan", "ke-se-jah-te-ra-an"},
      {"pengelolaan", "pe-nge-lo-la-an"},
      {"keuangan", "ke-u-angan"},
      {"mengoptimalkan", "mengop-ti-mal-kan"},
      {"infrastruktur", "in-fra-struk-tur"},
      {"efisiensi", "efi-si-en-si"}};
  for (const auto& [word, expected] : cases) EXPECT_EQ(h->hyphenated(word, 2, 2), expected) << word;
}

TEST(Hyphenator, AcronymsAndAllCapsAreNeverDivided) {
  const auto h = shared_hyphenator();
  for (const char* w : {"PENYELENGGARAAN", "KEUANGAN", "RPJMD", "RPJMDES", "RPJMDes", "SAKIP",
                        "SISKEUDES", "LKjIP", "BANTUAN"})
    EXPECT_TRUE(h->points(w).empty()) << w;
  // A capitalised word divides like its lower-case form (the composer decides where).
  EXPECT_EQ(h->hyphenated("Pemerintahan"), "Pe-me-rin-tahan");
  EXPECT_EQ(h->hyphenated("Kecamatan", 2, 2), "Ke-ca-matan");
}

TEST(Hyphenator, PunctuationAroundTheWordIsKept) {
  const auto h = shared_hyphenator();
  EXPECT_EQ(h->hyphenated("(akuntabilitas),"), "(akun-ta-bi-li-tas),");
  EXPECT_TRUE(h->points("\xE2\x80\x9Cinfrastruktur\xE2\x80\x9D").empty());  // not Latin-1
}

TEST(Hyphenator, OffsetsAreUtf8ByteOffsets) {
  // "É" is two bytes in UTF-8 and one in Latin-1: the break must land after "Éko" (4 bytes).
  const auto h = shared_hyphenator();
  EXPECT_EQ(h->points("\xC3\x89konomi"), (std::vector<size_t>{4, 6}));
  EXPECT_EQ(h->hyphenated("\xC3\x89konomi"), "\xC3\x89ko-no-mi");
}

TEST(Hyphenator, DigitsAndForeignScriptsGetNoBreaks) {
  const auto h = shared_hyphenator();
  EXPECT_TRUE(h->points("2024").empty());
  EXPECT_TRUE(h->points("pemerintahan2024").empty());
  EXPECT_TRUE(h->points("ke2").empty());
  EXPECT_TRUE(h->points("\xD0\xBF\xD1\x80\xD0\xB0\xD0\xB2\xD0\xB8\xD1\x82\xD0\xB5\xD0\xBB\xD1"
                        "\x8C\xD1\x81\xD1\x82\xD0\xB2\xD0\xBE")
                  .empty());  // Cyrillic
  EXPECT_TRUE(h->points("").empty());
  EXPECT_TRUE(h->points("ibu").empty());  // shorter than left_min + right_min
}

TEST(Hyphenator, VeryLongInputIsCappedNotCrashing) {
  std::string word;
  for (int i = 0; i < 500; ++i) word += "pemerintahan";
  const auto points = shared_hyphenator()->points(word);
  ASSERT_FALSE(points.empty());
  EXPECT_LE(points.back(), 100u);
  for (size_t p : shared_hyphenator()->points(std::string(100000, 'a'))) EXPECT_LE(p, 100u);
}

TEST(Hyphenator, MissingDictionaryIsALocatedError) {
  DiagnosticSink sink;
  EXPECT_EQ(Hyphenator::load("/nonexistent/hyph_xx.dic", sink), nullptr);
  ASSERT_EQ(sink.error_count(), 1u);
  EXPECT_EQ(sink.all()[0].loc.file, "/nonexistent/hyph_xx.dic");
}

TEST(Hyphenator, ConcurrentUseGivesTheSameAnswers) {
  DiagnosticSink sink;  // a fresh dictionary, so the threads fill its cache concurrently
  const auto h = Hyphenator::load(testing::kDictionary, sink);
  ASSERT_NE(h, nullptr);
  const auto word = [](int i) { return "penyelenggaraan" + std::string(i % 50, 'a'); };
  std::vector<std::string> expected;
  {
    const auto reference = shared_hyphenator();
    for (int i = 0; i < 50; ++i) expected.push_back(reference->hyphenated(word(i)));
  }
  std::vector<std::thread> threads;
  std::vector<int> wrong(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 2000; ++i) wrong[t] += h->hyphenated(word(i)) != expected[i % 50];
    });
  }
  for (auto& t : threads) t.join();
  for (int t = 0; t < 4; ++t) EXPECT_EQ(wrong[t], 0);
}

}  // namespace
}  // namespace lkjip::text
