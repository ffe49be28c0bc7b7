// Unit tests of the pure formatting helpers and of frame::dump.
#include "pdf/pdf_format.h"

#include <gtest/gtest.h>

#include <clocale>
#include <cmath>
#include <cstdint>

#include "pdf_test_support.h"

namespace lkjip::pdf {
namespace {

TEST(PdfFormat, NumbersAreShortFixedAndLocaleFree) {
  EXPECT_EQ(num(12.5), "12.5");
  EXPECT_EQ(num(3.0), "3");
  EXPECT_EQ(num(-0.0001), "0");
  EXPECT_EQ(num(841.89), "841.89");
  EXPECT_EQ(num(443.84765625), "443.848");
  EXPECT_EQ(num(1e-9), "0");
  EXPECT_EQ(num(-7.25), "-7.25");
  EXPECT_EQ(num(1.0 / 3.0, 2), "0.33");
  // A comma-decimal locale must not leak in (id_ID uses ',' — if it is not installed the
  // check still runs under the classic locale).
  const char* old = std::setlocale(LC_NUMERIC, nullptr);
  const std::string saved = old ? old : "C";
  std::setlocale(LC_NUMERIC, "id_ID.UTF-8");
  EXPECT_EQ(num(12.5), "12.5");
  std::setlocale(LC_NUMERIC, saved.c_str());
}

TEST(PdfFormat, NumbersRoundTiesToEvenLikeToChars) {
  EXPECT_EQ(num(0.0625), "0.062");  // exact binary ties, as std::to_chars rounds them
  EXPECT_EQ(num(0.1875), "0.188");
  EXPECT_EQ(num(595.2755905511812, 6), "595.275591");
  EXPECT_EQ(num(1e15), "1000000000000000");
  EXPECT_EQ(num(1e300), "0");  // beyond the integer range: valid syntax, no exponent
  EXPECT_EQ(num(std::nan("")), "0");
}

TEST(PdfFormat, ScaledIntegersPrintAsFixedPoint) {
  auto scaled = [](int64_t v, int decimals) {
    std::string s;
    append_scaled(s, v, decimals);
    return s;
  };
  EXPECT_EQ(scaled(12500, 3), "12.5");
  EXPECT_EQ(scaled(-50, 3), "-0.05");
  EXPECT_EQ(scaled(3000, 3), "3");
  EXPECT_EQ(scaled(0, 3), "0");
  EXPECT_EQ(scaled(-7, 0), "-7");
  EXPECT_EQ(scaled(INT64_MIN, 3), "-9223372036854775.808");
}

TEST(PdfFormat, MilliRoundsHalfAwayFromZeroLikeRound3) {
  for (double v : {0.0005, -0.0005, 1.2345, -1.2345, 7.8125, -7.8125, 443.84765625, 0.0}) {
    EXPECT_EQ(static_cast<double>(to_milli(v)), std::round(v * 1000.0)) << v;
    EXPECT_EQ(static_cast<double>(to_milli(v)) / 1000.0, round3(v)) << v;
  }
  EXPECT_EQ(to_milli(0.49999999999999994 / 1000.0), 0);
  EXPECT_EQ(to_milli(std::nan("")), 0);
  EXPECT_EQ(to_milli(1e300), 0);
}

TEST(PdfFormat, DatesAreUtcWhateverTheEpoch) {
  EXPECT_EQ(pdf_date(0), "D:19700101000000+00'00'");
  EXPECT_EQ(pdf_date(1735689600), "D:20250101000000+00'00'");
  EXPECT_EQ(pdf_date(1709251199), "D:20240229235959+00'00'");  // leap day
  EXPECT_EQ(xmp_date(1735689600 + 3723), "2025-01-01T01:02:03+00:00");
  EXPECT_EQ(xmp_date(-1), "1969-12-31T23:59:59+00:00");
}

TEST(PdfFormat, Utf16KeepsBmpAndBuildsSurrogates) {
  EXPECT_EQ(utf8_to_utf16("fi"), u"fi");
  EXPECT_EQ(utf8_to_utf16("\xE2\x80\x9C"), u"\u201C");
  EXPECT_EQ(utf8_to_utf16("\xF0\x9F\x98\x80"), std::u16string({0xD83D, 0xDE00}));
  EXPECT_EQ(utf8_to_utf16("a\xFF"
                          "b"),
            u"a\uFFFDb");
  EXPECT_EQ(utf8_to_utf16("\xE2\x80"), u"\uFFFD\uFFFD");  // truncated sequence
  EXPECT_EQ(utf8_to_utf16("\xC0\xAF"), u"\uFFFD\uFFFD");  // overlong
}

TEST(PdfFormat, XmlEscapes) {
  EXPECT_EQ(xml_escape("A & B <\"c\"> 'd'\x01"), "A &amp; B &lt;&quot;c&quot;&gt; &apos;d&apos;");
  EXPECT_TRUE(is_plain_ascii("ttd_camat"));
  EXPECT_FALSE(is_plain_ascii("tanda tangan \xE2\x80\x93"));
}

TEST(FrameDump, OneLinePerItemWithNestedGroups) {
  const frame::PagedDocument doc = test::sample_document();
  const std::string d = frame::dump(doc);
  const char* expected[] = {
      "label from 1 roman-lower start 1",
      "label from 3 decimal start 1",
      "outline 1 \"1.1 Latar Belakang\" -> \"sub1.1\"",
      "page 1 595.28 841.89",
      "  anchor 72.00 72.00 \"kata-pengantar\"",
      "  link 72.00 150.00 200.00 14.00 -> \"bab1\"",
      "  line 72.00 130.00 522.00 130.00 w 0.50 #000000",
      "  box 72.00 130.00 450.00 20.00 fill #d9d9d9 stroke none",
      "  image 72.00 250.00 40.00 40.00 png 4x4 \"alpha.png\"",
      "  image 130.00 250.00 40.00 40.00 jpeg 8x8 \"tiny.jpg\"",
      "  path open fill none stroke #1a4db3 1.00 points 200.00 290.00 240.00 260.00 280.00 "
      "270.00 320.00 250.00",
      "  group 300.00 700.00 rot 90 size 200.00 40.00",
      "    box 0.00 0.00 200.00 40.00 fill none stroke #000000 0.50",
      "  sig 350.00 600.00 180.00 70.00 \"ttd_camat\"",
  };
  for (const char* line : expected)
    EXPECT_NE(d.find(std::string("\n") + line + "\n"), std::string::npos) << line << "\n" << d;
  EXPECT_NE(d.find("  text 72.00 100.00 16.00 \"Liberation Serif bold\" \"KATA PENGANTAR\" "
                   "glyphs 14 width "),
            std::string::npos)
      << d;
  EXPECT_NE(d.find("    text 10.00 25.00 12.00 \"Liberation Serif regular\" \"Tabel Lanskap\""),
            std::string::npos)
      << d;
  EXPECT_EQ(d, frame::dump(doc)) << "dump is deterministic";
}

}  // namespace
}  // namespace lkjip::pdf
