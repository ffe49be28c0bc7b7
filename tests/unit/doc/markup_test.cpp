// The narrative markup parser on focused inputs.
#include "doc/markup.h"

#include <gtest/gtest.h>

namespace lkjip::doc {
namespace {

compute::Value text_value(std::string t) {
  compute::Value v;
  v.known = true;
  v.text = std::move(t);
  return v;
}

/// Parses `text` as if its first character sat at t.toml:10:1.
struct Fixture {
  std::map<std::string, compute::Value> values{{"iku.akip.capaian", text_value("86,34%")},
                                               {"report.year", text_value("2024")}};
  std::map<std::string, CrossRef> refs{{"penduduk", {"Tabel 1.2", "tabel-penduduk"}}};
  report::LayoutStyle style;
  AnchorSet anchors;
  HeadingNumbering headings{style, 2, anchors};
  DiagnosticSink sink;
  std::vector<BlockLine> placed;

  Blocks parse(std::string_view text) {
    MarkupEnv env;
    env.values = &values;
    env.refs = &refs;
    env.headings = &headings;
    env.place = [this](const BlockLine& b, Blocks& out) {
      placed.push_back(b);
      out.push_back({PageBreak{}});
    };
    return parse_narrative(text, {SourceLoc{"t.toml", 10, 1}, true}, env, sink);
  }

  std::vector<std::string> messages() const {
    std::vector<std::string> out;
    for (const auto& d : sink.all()) out.push_back(format_diagnostic(d));
    return out;
  }
};

std::string text_of(const Inlines& in) {
  std::string s;
  for (const auto& i : in) s += i.text;
  return s;
}

const Paragraph& para(const Block& b) { return std::get<Paragraph>(b.v); }
const List& list(const Block& b) { return std::get<List>(b.v); }

TEST(Markup, StraightQuotesBecomeTypographicOnesByWhatPrecedesThem) {
  Fixture f;
  Blocks b = f.parse("visi \"BERSAMA\" dan (\"kami\") **\"BAIK\"**; 'kutip' Jum'at, \\\"lurus\\\"");
  ASSERT_EQ(b.size(), 1u);
  EXPECT_EQ(text_of(para(b[0]).content),
            "visi \u201CBERSAMA\u201D dan (\u201Ckami\u201D) \u201CBAIK\u201D; "
            "\u2018kutip\u2019 Jum\u2019at, \"lurus\"");
  EXPECT_TRUE(f.messages().empty());
}

TEST(Markup, ParagraphLinesAreJoinedWithSpaces) {
  Fixture f;
  Blocks b = f.parse("Baris satu\n   baris dua  \n\n\nParagraf kedua");
  ASSERT_EQ(b.size(), 2u);
  EXPECT_EQ(text_of(para(b[0]).content), "Baris satu baris dua");
  EXPECT_EQ(text_of(para(b[1]).content), "Paragraf kedua");
  EXPECT_EQ(para(b[0]).loc.line, 10);
  EXPECT_EQ(para(b[1]).loc.line, 14);
  EXPECT_TRUE(para(b[0]).indent);
  EXPECT_TRUE(f.sink.all().empty());
}

TEST(Markup, HeadingsAreNumberedAndNamed) {
  Fixture f;
  Blocks b = f.parse(
      "# Struktur Organisasi {#struktur}\n## Camat\n### Tugas {-}\n## Sekretariat\n"
      "# Isu Strategis");
  ASSERT_EQ(b.size(), 5u);
  const auto& h1 = std::get<Heading>(b[0].v);
  EXPECT_EQ(h1.number, "2.1");
  EXPECT_EQ(h1.anchor, "struktur");
  EXPECT_EQ(text_of(h1.title), "Struktur Organisasi");
  const auto& h2 = std::get<Heading>(b[1].v);
  EXPECT_EQ(h2.number, "2.1.1");
  EXPECT_EQ(h2.anchor, "bab2-sec1-1");
  const auto& h3 = std::get<Heading>(b[2].v);
  EXPECT_EQ(h3.level, 3);
  EXPECT_EQ(h3.number, "");
  EXPECT_EQ(h3.anchor, "bab2-u1");
  EXPECT_EQ(std::get<Heading>(b[3].v).number, "2.1.2");
  EXPECT_EQ(std::get<Heading>(b[4].v).number, "2.2");
  EXPECT_TRUE(f.sink.all().empty());
}

TEST(Markup, DuplicateHeadingIdIsAnError) {
  Fixture f;
  f.parse("# A {#x}\n\n# B {#x}");
  ASSERT_EQ(f.sink.error_count(), 1u);
  EXPECT_EQ(f.messages()[0], "t.toml:12:1: error: heading id 'x' is already used");
}

TEST(Markup, NestedListsAreRenumberedInTheFirstItemsStyle) {
  Fixture f;
  Blocks b = f.parse(
      "Terdiri dari:\n"
      "a. Camat\n"
      "a. Sekretariat, membawahi:\n"
      "  1) Sub Bagian Umum\n"
      "  1) Sub Bagian Keuangan,\n"
      "     Penyusunan Program\n"
      "\n"
      "     dan Evaluasi\n"
      "c) Seksi Tata Pemerintahan\n"
      "- Kelompok Jabatan Fungsional");
  ASSERT_EQ(b.size(), 2u);
  const List& outer = list(b[1]);
  ASSERT_EQ(outer.items.size(), 4u);
  EXPECT_EQ(outer.items[0].marker, "a.");
  EXPECT_EQ(outer.items[1].marker, "b.");
  EXPECT_EQ(outer.items[2].marker, "c.");
  EXPECT_EQ(outer.items[3].marker, "d.");
  ASSERT_EQ(outer.items[1].blocks.size(), 2u);
  const List& inner = list(outer.items[1].blocks[1]);
  ASSERT_EQ(inner.items.size(), 2u);
  EXPECT_EQ(inner.items[0].marker, "1)");
  EXPECT_EQ(inner.items[1].marker, "2)");
  ASSERT_EQ(inner.items[1].blocks.size(), 2u);  // continuation line, then a second paragraph
  EXPECT_EQ(text_of(para(inner.items[1].blocks[0]).content),
            "Sub Bagian Keuangan, Penyusunan Program");
  EXPECT_EQ(text_of(para(inner.items[1].blocks[1]).content), "dan Evaluasi");
  EXPECT_FALSE(para(inner.items[1].blocks[0]).indent);
}

TEST(Markup, BulletsAndEnclosedNumbers) {
  Fixture f;
  Blocks b = f.parse("- satu\n- dua\n\n(3) tiga\n(1) empat");
  ASSERT_EQ(b.size(), 2u);  // the blank line ends the bullet list: the next item's style differs
  EXPECT_EQ(list(b[0]).items[1].marker, "\u2022");
  ASSERT_EQ(list(b[1]).items.size(), 2u);
  EXPECT_EQ(list(b[1]).items[0].marker, "(3)");
  EXPECT_EQ(list(b[1]).items[1].marker, "(4)");
}

TEST(Markup, ABareNumberWithADotIsTextNotAnEmptyItem) {
  Fixture f;
  for (const char* text : {"4.", "a.", "(2)", "12)"}) {
    Blocks b = f.parse(text);
    ASSERT_EQ(b.size(), 1u) << text;
    EXPECT_EQ(text_of(para(b[0]).content), text);
  }
  EXPECT_TRUE(f.sink.all().empty());
}

TEST(Markup, InlineBoldItalicAndEscapes) {
  Fixture f;
  Blocks b = f.parse("Nilai **tebal *dan miring*** lalu \\*bintang\\*, \\{kurung\\} dan \\\\.");
  ASSERT_EQ(b.size(), 1u);
  const Inlines& in = para(b[0]).content;
  ASSERT_EQ(in.size(), 4u);
  EXPECT_EQ(in[0].text, "Nilai ");
  EXPECT_TRUE(in[1].bold);
  EXPECT_FALSE(in[1].italic);
  EXPECT_EQ(in[1].text, "tebal ");
  EXPECT_TRUE(in[2].bold && in[2].italic);
  EXPECT_EQ(in[2].text, "dan miring");
  EXPECT_EQ(in[3].text, " lalu *bintang*, {kurung} dan \\.");
  EXPECT_FALSE(in[3].bold || in[3].italic);
  EXPECT_TRUE(f.sink.all().empty());
}

TEST(Markup, ValuesAndCrossReferences) {
  Fixture f;
  Blocks b = f.parse("Capaian **{iku.akip.capaian}** tahun {report.year}, lihat {ref:penduduk}.");
  const Inlines& in = para(b.at(0)).content;
  ASSERT_EQ(in.size(), 5u);
  EXPECT_EQ(in[1].text, "86,34%");
  EXPECT_TRUE(in[1].bold);
  EXPECT_EQ(in[2].text, " tahun 2024, lihat ");
  EXPECT_EQ(in[3].text, "Tabel 1.2");
  EXPECT_EQ(in[3].link, "tabel-penduduk");
  EXPECT_EQ(in[4].text, ".");
}

TEST(Markup, UnknownValueIsLocatedAtItsPathWithAHint) {
  Fixture f;
  // Third line of the narrative; the path follows the '{' at the 17th character ("é" is one
  // character, two bytes).
  f.parse("Paragraf.\n\nCapaian né akip {iku.akp.capaian} naik.");
  ASSERT_EQ(f.sink.error_count(), 1u);
  auto d = f.sink.all()[0];
  EXPECT_TRUE(format_diagnostic(d).starts_with(
      "t.toml:12:18: error: unknown value '{iku.akp.capaian}'\n  hint: "));
  ASSERT_FALSE(d.hints.empty());
  EXPECT_EQ(d.hints[0], "did you mean 'iku.akip.capaian'?");
}

TEST(Markup, UnknownCrossReferenceIsAnError) {
  Fixture f;
  f.parse("Lihat {ref:pendudu}.");
  ASSERT_EQ(f.sink.error_count(), 1u);
  EXPECT_EQ(f.sink.all()[0].loc.column, 8);
  EXPECT_EQ(f.sink.all()[0].hints.at(0), "did you mean 'penduduk'?");
}

TEST(Markup, ListsNestUpToEightLevels) {
  auto nested = [](int levels) {
    std::string text;
    for (int i = 0; i < levels; ++i) text += std::string(2 * i, ' ') + "- butir\n";
    return text;
  };
  Fixture ok;
  ok.parse(nested(8));
  EXPECT_EQ(ok.sink.error_count(), 0u) << ::testing::PrintToString(ok.messages());
  Fixture deep;
  deep.parse(nested(40));
  ASSERT_EQ(deep.sink.error_count(), 1u) << ::testing::PrintToString(deep.messages());
  EXPECT_TRUE(deep.messages()[0].starts_with(
      "t.toml:18:17: error: list nested more than 8 levels deep\n  hint: "))
      << deep.messages()[0];
}

TEST(Markup, UnterminatedBoldIsLocatedAtItsStart) {
  Fixture f;
  f.parse("Satu\ndua **tiga\nempat");
  ASSERT_EQ(f.sink.error_count(), 1u);
  EXPECT_TRUE(format_diagnostic(f.sink.all()[0])
                  .starts_with("t.toml:11:5: error: unterminated '**' (bold)\n  hint: "));
}

TEST(Markup, ColumnOfTheFirstLineCountsFromTheOrigin) {
  MarkupEnv env;
  DiagnosticSink sink;
  parse_narrative("ab {x}", {SourceLoc{"t.toml", 3, 9}, true}, env, sink);
  ASSERT_EQ(sink.error_count(), 1u);
  EXPECT_EQ(sink.all()[0].loc.line, 3);
  EXPECT_EQ(sink.all()[0].loc.column, 13);
}

TEST(Markup, BlockLines) {
  Fixture f;
  Blocks b = f.parse("Teks.\n@table penduduk\n  @signature bupati camat\n@pagebreak");
  ASSERT_EQ(f.placed.size(), 3u);
  EXPECT_EQ(f.placed[0].kind, BlockLine::Kind::table);
  EXPECT_EQ(f.placed[0].args.at(0).id, "penduduk");
  EXPECT_EQ(f.placed[0].args.at(0).loc.column, 8);
  EXPECT_EQ(f.placed[1].kind, BlockLine::Kind::signature);
  ASSERT_EQ(f.placed[1].args.size(), 2u);
  EXPECT_EQ(f.placed[1].args[1].id, "camat");
  EXPECT_EQ(f.placed[2].kind, BlockLine::Kind::pagebreak);
  EXPECT_EQ(b.size(), 4u);
  EXPECT_TRUE(f.sink.all().empty());
}

TEST(Markup, MalformedBlockLines) {
  Fixture f;
  f.parse("@tabel penduduk\n@table\n@pagebreak now\n\\@table is text");
  auto m = f.messages();
  ASSERT_EQ(m.size(), 3u);
  EXPECT_TRUE(m[0].starts_with("t.toml:10:1: error: unknown block '@tabel'"));
  EXPECT_NE(m[0].find("did you mean 'table'?"), std::string::npos);
  EXPECT_EQ(m[1], "t.toml:11:1: error: @table takes one id");
  EXPECT_EQ(m[2], "t.toml:12:1: error: @pagebreak takes no id");
  EXPECT_TRUE(f.placed.empty());
}

TEST(Markup, ScanFindsTheSameBlockLinesWithoutReporting) {
  auto found =
      scan_block_lines("x\n@table a\n@figure\n@chart c", {SourceLoc{"t.toml", 1, 1}, true});
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[1].kind, BlockLine::Kind::chart);
  EXPECT_EQ(found[1].args[0].loc.line, 4);
}

}  // namespace
}  // namespace lkjip::doc
