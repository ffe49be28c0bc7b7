#include "report/checks.h"

#include <gtest/gtest.h>

namespace lkjip::report::detail {
namespace {

TEST(Checks, ValidIds) {
  EXPECT_TRUE(is_valid_id("s1"));
  EXPECT_TRUE(is_valid_id("nilai_akip"));
  EXPECT_FALSE(is_valid_id(""));
  EXPECT_FALSE(is_valid_id("S1"));
  EXPECT_FALSE(is_valid_id("a-b"));
}

TEST(Checks, Utf8) {
  EXPECT_FALSE(first_invalid_utf8("Kecamatan — ü").has_value());
  EXPECT_EQ(first_invalid_utf8("ab\xE9"
                               "c"),
            2u);
  EXPECT_EQ(first_invalid_utf8("\xC0\x80"), 0u);       // overlong
  EXPECT_EQ(first_invalid_utf8("x\xED\xA0\x80"), 1u);  // surrogate
  EXPECT_EQ(line_column("a\nbü\xE9", 5), std::make_pair(2, 3));
}

TEST(Checks, IndonesianQuantities) {
  std::string error;
  auto q = parse_quantity_text("1.100 lembar", error);
  ASSERT_TRUE(q);
  EXPECT_EQ(q->value, 1100);
  EXPECT_EQ(q->unit, "lembar");
  EXPECT_EQ(q->decimals, 0);
  q = parse_quantity_text("70,20", error);
  ASSERT_TRUE(q);
  EXPECT_DOUBLE_EQ(q->value, 70.2);
  EXPECT_EQ(q->unit, "");
  EXPECT_EQ(q->decimals, 2);
  q = parse_quantity_text("100%", error);
  ASSERT_TRUE(q);
  EXPECT_EQ(q->unit, "%");
  q = parse_quantity_text(" 3  Dokumen  Perencanaan ", error);
  ASSERT_TRUE(q);
  EXPECT_EQ(q->value, 3);
  EXPECT_EQ(q->unit, "Dokumen Perencanaan");
  q = parse_quantity_text("13 TP. PKK desa", error);
  ASSERT_TRUE(q);
  EXPECT_EQ(q->unit, "TP. PKK desa");
  q = parse_quantity_text("85 persen", error);
  ASSERT_TRUE(q);
  EXPECT_EQ(q->unit, "%");
  q = parse_quantity_text("85 Persen", error);
  ASSERT_TRUE(q);
  EXPECT_EQ(q->unit, "%");
  EXPECT_TRUE(same_unit("Bumdes", "bumdes"));
  EXPECT_TRUE(same_unit("TP. PKK Desa", "tp. pkk desa"));
  EXPECT_FALSE(same_unit("dokumen", "dokumen desa"));
  EXPECT_FALSE(same_unit("unit", "units"));
  EXPECT_FALSE(parse_quantity_text("70.20", error));
  EXPECT_NE(error.find("'.' separates groups of three digits"), std::string::npos);
  EXPECT_FALSE(parse_quantity_text("tiga dokumen", error));
  EXPECT_EQ(error, "`tiga dokumen` does not start with a number");
  EXPECT_FALSE(parse_quantity_text("3 4", error));
  EXPECT_EQ(error, "`3 4` has more than one number");
}

TEST(Checks, WrittenDecimals) {
  EXPECT_EQ(written_decimals("70.20 # x"), 2);
  EXPECT_EQ(written_decimals("3025,"), 0);
  EXPECT_EQ(written_decimals("-1_000.5e3"), 1);
}

TEST(Checks, StringOpenAtEnd) {
  EXPECT_FALSE(string_open_at_end("a = 'x'\nb = \"y\"\nc = '''\nz\n'''\n"));
  EXPECT_EQ(string_open_at_end("a = 1\nbody = '''\nteks tanpa penutup\n"), 13u);
  EXPECT_EQ(string_open_at_end("a = \"\"\"x \\\"\"\" still open"), 4u);  // escaped quote
  EXPECT_EQ(string_open_at_end("a = 'x' # it's a comment\nb = \"open"), 29u);
  EXPECT_FALSE(string_open_at_end("a = \"one line\nb = 2\n"));  // toml++ errors at the line end
  EXPECT_FALSE(string_open_at_end("a = '''isi''''\nb = 'c'\n"));  // a quote before the closing
  EXPECT_FALSE(string_open_at_end("a = \"C:\\\\\"\n"));            // an escaped backslash
}

TEST(Checks, TooDeep) {
  // Depths: [a.b] is 2, [[a.b]] 3 (its element), a dotted key adds its parts, arrays and inline
  // tables one each.
  EXPECT_FALSE(too_deep("[a.b]\nc.d = [1, {e = [2]}]\n", 7));
  const auto header = too_deep("x = 1\n[a.b.c]\n", 2);
  ASSERT_TRUE(header);
  EXPECT_EQ(header->offset, 11u);  // the part `c`
  EXPECT_EQ(header->depth, 3u);
  EXPECT_EQ(too_deep("[[a.b]]\n", 2)->depth, 3u);
  EXPECT_FALSE(too_deep("[[a.b]]\n", 3));
  EXPECT_EQ(too_deep("[a]\nb.c = 1\n", 2)->offset, 6u);  // `c`
  EXPECT_EQ(too_deep("a = [[[1]]]\n", 3)->offset, 7u);  // `1`, in the third array
  EXPECT_EQ(too_deep("a = {b = {c.d = 1}}\n", 3)->offset, 12u);  // `d`
  EXPECT_EQ(too_deep("a = [\n  # c\n  [ [ \n 1]], 2]\n", 3)->depth, 4u);
  // Quoted keys hold dots and brackets; strings, comments and dates hide nothing.
  EXPECT_FALSE(too_deep("\"a.b.c\".'d.e' = 1\n", 2));
  EXPECT_FALSE(too_deep("a = \"[[[[\" # [[[[\nb = '''\n[[[[\n'''\n", 1));
  EXPECT_FALSE(too_deep("d = 1979-05-27 07:32:00 # t\ne = [1979-05-27 07:32:00, 2]\n", 2));
  EXPECT_EQ(too_deep("d = 1979-05-27 07:32:00\nx.y.z = 1\n", 2)->depth, 3u);
  EXPECT_EQ(too_deep("a . b\t. c = 1\r\n", 2)->depth, 3u);
  // Not TOML: the scan stops, toml++ reports the syntax error there.
  EXPECT_FALSE(too_deep("a = \n[[[[[[x]]]]]]\n", 2));
  // Linear in the size: a 40,000-part key is found at its 129th part.
  std::string key = "x";
  for (int i = 0; i < 40000; ++i) key += ".x";
  const auto deep = too_deep(key + " = 1\n", 128);
  ASSERT_TRUE(deep);
  EXPECT_EQ(deep->offset, 256u);
  EXPECT_EQ(deep->depth, 129u);
}

TEST(Checks, Nip) {
  EXPECT_EQ(normalise_nip("19680411 199303 1 009"), "196804111993031009");
  EXPECT_FALSE(check_nip("197910242005011007"));
  EXPECT_EQ(check_nip("19791024200501100")->message, "NIP must have 18 digits, found 17");
  auto p = check_nip("197913242005011007");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->index, 4u);
  EXPECT_EQ(p->message, "NIP birth date (digits 1-8) has month 13, out of range 01-12");
  EXPECT_EQ(check_nip("197902302005011007")->message,
            "NIP birth date (digits 1-8) has day 30, which does not exist in 1979-02");
  EXPECT_EQ(check_nip("197910242005131007")->index, 12u);
  EXPECT_EQ(check_nip("197910242005013007")->message,
            "NIP sex digit (digit 15) must be 1 (male) or 2 (female), found 3");
  EXPECT_EQ(check_nip("197910241975011007")->index, 8u);
  EXPECT_EQ(check_nip("19791024200501100x")->index, 17u);
}

}  // namespace
}  // namespace lkjip::report::detail
