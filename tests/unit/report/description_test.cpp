#include "report/model.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include <unistd.h>

#include "test_util.h"

namespace lkjip::report {
namespace {

using testing::kBase;
using testing::parse;
using testing::replaced;
using Lines = std::vector<std::string>;

/// The only diagnostic of parsing `text`; fails the test when there is not exactly one.
std::string only_error(std::string_view text, const LoadOptions& options = {}) {
  auto p = parse(text, options);
  EXPECT_FALSE(p.report);
  EXPECT_EQ(p.diagnostics.size(), 1u) << ::testing::PrintToString(p.diagnostics);
  return p.diagnostics.empty() ? "" : p.diagnostics.front();
}

TEST(Description, BaseIsValid) {
  auto p = parse(kBase);
  EXPECT_TRUE(p.diagnostics.empty()) << ::testing::PrintToString(p.diagnostics);
  ASSERT_TRUE(p.report);
  EXPECT_EQ(p.report->iku.at(0).target_decimals, 2);
  // The built-in predicate scale is added.
  const Scale* scale = p.report->find_scale("capaian");
  ASSERT_NE(scale, nullptr);
  ASSERT_EQ(scale->bands.size(), 5u);
  EXPECT_EQ(scale->bands[0].label, "Sangat Baik");
  EXPECT_EQ(scale->bands[0].above, 90);
  EXPECT_FALSE(scale->bands[0].upto);
  EXPECT_EQ(scale->bands[4].upto, 50);
  EXPECT_EQ(p.report->find_signatory("camat")->field, "ttd_camat");
}

TEST(Description, MinimalDescriptionParsesIntoTheModel) {
  std::string path = LKJIP_SOURCE_DIR "/tests/data/minimal.toml";
  DiagnosticSink sink;
  auto r = load_description(path, {}, sink);
  for (const auto& d : sink.all()) ADD_FAILURE() << format_diagnostic(d);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->unit, "Kecamatan Sumberjaya");
  EXPECT_EQ(r->year, 2024);
  EXPECT_EQ(r->date.year, 2025);
  EXPECT_EQ(r->date.month, 1);
  EXPECT_EQ(r->date.day, 6);
  EXPECT_EQ(r->title, "LAPORAN KINERJA INSTANSI PEMERINTAH (LKjIP)");
  EXPECT_EQ(r->logo_path, LKJIP_SOURCE_DIR "/tests/data/images/logo.png");
  EXPECT_EQ(r->base_dir, LKJIP_SOURCE_DIR "/tests/data");

  ASSERT_EQ(r->signatories.size(), 2u);
  EXPECT_EQ(r->signatories[0].nip, "197005121994031006");
  EXPECT_EQ(r->signatories[0].field, "ttd_camat");
  EXPECT_EQ(r->signatories[1].party, "Pihak Kedua");
  EXPECT_EQ(r->strategy.misi.size(), 2u);
  EXPECT_EQ(r->strategy.tujuan.at(1).id, "t2");
  ASSERT_EQ(r->organisation.size(), 5u);
  EXPECT_TRUE(r->organisation[2].staff);
  EXPECT_EQ(r->organisation[4].parent, "org_sekcam");

  ASSERT_EQ(r->sasaran.size(), 2u);
  EXPECT_EQ(r->sasaran[1].tujuan, "t2");
  ASSERT_EQ(r->iku.size(), 3u);
  const Iku& akip = r->iku[0];
  EXPECT_EQ(akip.target, 70.2);
  EXPECT_EQ(akip.target_decimals, 2);
  EXPECT_EQ(akip.realisasi_decimals, 2);
  EXPECT_EQ(akip.renstra_year, 2026);
  ASSERT_EQ(akip.history.size(), 2u);
  EXPECT_EQ(akip.history[0].year, 2022);
  EXPECT_FALSE(akip.history[0].target);
  EXPECT_EQ(akip.history[1].target, 70.0);
  EXPECT_EQ(akip.history[1].target_decimals, 2);  // "70.00": each year's decimals as written
  EXPECT_EQ(akip.compare.provinsi, 68.0);
  EXPECT_EQ(akip.compare.provinsi_decimals, 1);  // "68.0"
  EXPECT_FALSE(akip.compare.nasional);
  EXPECT_EQ(akip.stated.numbers.at("capaian").at(0).value, 97.51);
  EXPECT_EQ(akip.stated.numbers.at("capaian").at(0).loc.line, 111);
  EXPECT_EQ(r->iku[2].direction, Direction::lower);
  EXPECT_EQ(r->iku[2].target_decimals, 0);
  EXPECT_EQ(r->iku[2].realisasi_decimals, 1);

  ASSERT_EQ(r->programs.size(), 2u);
  const Activity& p1 = r->programs[0];
  EXPECT_EQ(p1.supports, "s1");
  EXPECT_FALSE(p1.anggaran);
  EXPECT_TRUE(p1.indicators.at(0).pk);  // the first indicator by default
  const Activity& sub2 = p1.children.at(0).children.at(1);
  EXPECT_EQ(sub2.id, "p1k1s2");
  EXPECT_EQ(sub2.anggaran, 8500000);
  EXPECT_EQ(sub2.indicators.at(0).target.value, 1100);
  EXPECT_EQ(sub2.indicators.at(0).target.unit, "lembar");
  EXPECT_EQ(sub2.indicators.at(0).realisasi->value, 1050);
  const Activity& p2 = r->programs[1];
  EXPECT_EQ(p2.anggaran, 150000000);
  EXPECT_FALSE(p2.indicators.at(0).pk);  // pk given explicitly on the second one
  EXPECT_TRUE(p2.indicators.at(1).pk);
  EXPECT_EQ(p2.indicators.at(1).realisasi->value, 97.5);
  EXPECT_EQ(p2.indicators.at(1).realisasi->unit, "%");
  EXPECT_EQ(p2.indicators.at(1).realisasi->decimals, 2);
  EXPECT_EQ(r->budget.stated.numbers.at("serapan").at(0).value, 93.45);

  ASSERT_EQ(r->components.size(), 1u);
  EXPECT_EQ(r->components[0].items.size(), 4u);
  EXPECT_EQ(r->components[0].items[2].note, "Nilai terendah");
  ASSERT_EQ(r->surveys.size(), 1u);
  EXPECT_EQ(r->surveys[0].scale, "skala_ikm");
  EXPECT_EQ(r->surveys[0].items.at(1).value, 87.10);

  ASSERT_EQ(r->tables.size(), 1u);
  const FreeTable& t = r->tables[0];
  ASSERT_EQ(t.columns.size(), 4u);
  EXPECT_EQ(t.columns[0].kind, Column::Kind::rownum);
  EXPECT_EQ(t.columns[2].total, Column::Total::sum);
  ASSERT_EQ(t.rows.size(), 3u);
  EXPECT_EQ(t.rows[0].size(), 3u);
  EXPECT_EQ(t.rows[1][0].text, "Karangrejo");
  EXPECT_TRUE(t.rows[1][1].is_number);
  EXPECT_EQ(t.rows[1][1].number, 1622);
  EXPECT_FALSE(t.rows[2][2].is_number);  // "-": no data
  EXPECT_EQ(t.stated.numbers.at("total").size(), 2u);
  EXPECT_EQ(t.widths.size(), 4u);

  ASSERT_EQ(r->figures.size(), 2u);
  EXPECT_TRUE(r->figures[0].orgchart);
  EXPECT_EQ(r->figures[1].image_path, LKJIP_SOURCE_DIR "/tests/data/images/peta.png");
  EXPECT_EQ(r->figures[1].width_mm, 120);
  ASSERT_EQ(r->charts.size(), 1u);
  EXPECT_EQ(r->charts[0].iku, (std::vector<std::string>{"akip", "ikm"}));
  EXPECT_EQ(r->captions.at("pk"), "Perjanjian Kinerja Kecamatan Sumberjaya Tahun 2024");

  ASSERT_TRUE(r->foreword);
  EXPECT_TRUE(r->foreword->text.starts_with("Puji syukur"));
  ASSERT_EQ(r->chapters.size(), 2u);
  EXPECT_EQ(r->chapters[1].title, "AKUNTABILITAS KINERJA");
  EXPECT_TRUE(r->chapters[0].body.text.starts_with("# Latar Belakang\n"));
  // The body's first content line is the line after `body = '''`.
  std::ifstream in(path);
  std::string line;
  int n = 0, body_line = 0;
  while (std::getline(in, line) && !body_line)
    if (++n > 0 && line == "id = \"pendahuluan\"") body_line = n + 3;
  EXPECT_EQ(r->chapters[0].body.first_line.line, body_line);
  EXPECT_EQ(r->chapters[0].body.first_line.column, 1);
  EXPECT_EQ(r->chapters[0].body.first_line.file, path);

  // The configured scale and the user's scale are both there.
  EXPECT_NE(r->find_scale("capaian"), nullptr);
  EXPECT_EQ(r->find_scale("skala_ikm")->bands.size(), 4u);
}

TEST(Description, ImagePathsKeepWhereTheyAreWritten) {
  // Image problems are found later (doc reads the file) and are reported at the path's key.
  std::string path = LKJIP_SOURCE_DIR "/tests/data/minimal.toml";
  DiagnosticSink sink;
  auto r = load_description(path, {}, sink);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->logo_loc.line, 12);
  EXPECT_EQ(r->logo_loc.column, 8);
  ASSERT_EQ(r->figures.size(), 2u);
  EXPECT_EQ(r->figures[1].image_loc.line, 275);
  EXPECT_EQ(r->figures[1].image_loc.column, 9);
}

TEST(Description, NarrativeOnTheSameLineStartsAfterTheQuotes) {
  auto p = parse(kBase + "[[chapter]]\nid = \"c\"\ntitle = \"T\"\nbody = '''Teks\nlagi'''\n");
  ASSERT_TRUE(p.report);
  EXPECT_EQ(p.report->chapters[0].body.first_line.line, 27);
  EXPECT_EQ(p.report->chapters[0].body.first_line.column, 11);
}

// --- TOML syntax, size, encoding ------------------------------------------------------

TEST(DescriptionErrors, UnclosedString) {
  EXPECT_EQ(only_error(replaced(kBase, "place = \"Jombang\"", "place = \"Jombang")),
            "t.toml:5:17: error: Error while parsing string: unescaped control characters other "
            "than TAB (U+0009) are explicitly prohibited\n"
            "  hint: close the string with the same quotes it opened with; use ''' … ''' for "
            "text over several lines\n"
            "  hint: the description is TOML 1.0 (https://toml.io); later errors are found "
            "once this one is fixed");
}

TEST(DescriptionErrors, DuplicateKey) {
  EXPECT_EQ(only_error(replaced(kBase, "year = 2024\n", "year = 2024\nyear = 2025\n")),
            "t.toml:5:8: error: Error while parsing key-value pair: cannot redefine existing "
            "integer 'year'\n"
            "  hint: each key may appear only once in a table; rename or remove one of them\n"
            "  hint: the description is TOML 1.0 (https://toml.io); later errors are found "
            "once this one is fixed");
}

TEST(DescriptionErrors, BadDate) {
  EXPECT_EQ(only_error(replaced(kBase, "2025-01-03", "2025-02-30")),
            "t.toml:6:18: error: Error while parsing date: expected day between 1 and 28 "
            "(inclusive), saw 30\n"
            "  hint: dates are written YYYY-MM-DD without quotes, e.g. 2025-01-03\n"
            "  hint: the description is TOML 1.0 (https://toml.io); later errors are found "
            "once this one is fixed");
}

TEST(DescriptionErrors, InputOverMaxBytes) {
  LoadOptions options;
  options.max_bytes = 100;
  EXPECT_EQ(only_error(kBase, options),
            "t.toml: error: file is " + std::to_string(kBase.size()) +
                " bytes, more than the limit of 100 bytes\n"
                "  hint: a description holds data and text only; images are referenced by path");
}

TEST(DescriptionErrors, NonUtf8Bytes) {
  EXPECT_EQ(only_error(replaced(kBase, "Kecamatan Megaluh", "Kec\xE9matan Megaluh")),
            "t.toml:2:12: error: invalid UTF-8: byte 0xE9 at byte offset 20\n"
            "  hint: save the file as UTF-8; this byte looks like Windows-1252/Latin-1 text");
}

TEST(DescriptionErrors, Utf16FileIsNamedAsSuch) {
  EXPECT_EQ(only_error(std::string("\xFF\xFE[\0r\0", 6) + "e"),
            "t.toml:1:1: error: invalid UTF-8: byte 0xFF at byte offset 0\n"
            "  hint: the file is UTF-16 (it starts with a byte-order mark); save it as UTF-8");
}

TEST(DescriptionErrors, IndonesianNumberFormsGetTheirOwnHints) {
  const std::string generic =
      "  hint: the description is TOML 1.0 (https://toml.io); later errors are found once this "
      "one is fixed";
  EXPECT_EQ(only_error(replaced(kBase, "target = 70.20", "target = 70,20")),
            "t.toml:22:12: error: Error while parsing key-value pair: expected a comment or "
            "whitespace, saw ','\n"
            "  hint: numbers take a decimal point, not a comma: write 70.20, not 70,20\n" +
                generic);
  EXPECT_EQ(only_error(kBase + "[budget]\nrealisasi = 2.693.554.556\n"),
            "t.toml:25:18: error: Error while parsing floating-point: expected decimal digit or "
            "exponent, saw '.'\n"
            "  hint: numbers have no thousands separators: write 150000000, not 150.000.000\n" +
                generic);
  EXPECT_EQ(only_error(replaced(kBase, "place = \"Jombang\"", "place = Jombang")),
            "t.toml:5:9: error: Error while parsing value: could not determine value type\n"
            "  hint: text is written in quotes, e.g. place = \"Jombang\"\n" +
                generic);
}

// --- keys and types -------------------------------------------------------------------

TEST(DescriptionErrors, WrongType) {
  EXPECT_EQ(only_error(replaced(kBase, "target = 70.20", "target = \"70,20\"")),
            "t.toml:22:10: error: `target`: expected a number, found a string\n"
            "  hint: write the number without quotes and with a decimal point: 70.2");
  EXPECT_EQ(only_error(replaced(kBase, "year = 2024", "year = 2024.0")),
            "t.toml:4:8: error: `year`: expected an integer, found a floating-point number");
}

TEST(DescriptionErrors, TextInANumberField) {
  EXPECT_EQ(only_error(replaced(kBase, "realisasi = 60.61", "realisasi = \"belum ada\"")),
            "t.toml:23:13: error: `realisasi`: expected a number, found a string\n"
            "  hint: this field takes a TOML number such as 70.20 or 3025");
  std::string table =
      kBase +
      "[[table]]\nid = \"t\"\ncaption = \"C\"\n"
      "columns = [{ title = \"Desa\" }, { title = \"Jumlah\", kind = \"integer\" }]\n"
      "rows = [[\"Turi\", \"banyak\"]]\n";
  EXPECT_EQ(only_error(table),
            "t.toml:28:18: error: row 1, column \"Jumlah\": expected a number, found text "
            "\"banyak\"\n"
            "  hint: column \"Jumlah\" holds numbers; write \"-\" for no data");
}

// Control characters (C0 but tab and line breaks, DEL, C1) in any text: a NUL once cut the
// PDF's Info title short, BEL and ESC went into it raw.
TEST(DescriptionErrors, ControlCharactersInTexts) {
  const std::string hints =
      "\n  hint: control characters print as nothing; remove it (an escape such as \\u0000 or a "
      "character pasted along with the text)\n"
      "  hint: tabs and line breaks are the only ones allowed";
  EXPECT_EQ(
      only_error(replaced(kBase, "\"Kecamatan Megaluh\"", "\"Kecamatan\\u0000 Megaluh\"")),
      "t.toml:2:8: error: `unit` holds the control character U+0000 (NUL) at character 10" + hints);
  EXPECT_EQ(only_error(replaced(kBase, "\"Kabupaten Jombang\"", "\"Kabupaten\\u0007\"")),
            "t.toml:3:10: error: `region` holds the control character U+0007 (BEL) at character "
            "10" +
                hints);
  EXPECT_EQ(
      only_error(replaced(kBase, "\"Nilai Evaluasi AKIP\"", "\"Nilai é\\u007F\"")),
      "t.toml:21:8: error: `name` holds the control character U+007F (DEL) at character 8" + hints);
  EXPECT_EQ(only_error(replaced(kBase, "\"Nilai Evaluasi AKIP\"", "\"Nilai\u0085\"")),
            "t.toml:21:8: error: `name` holds the control character U+0085 (C1 control) at "
            "character 6" +
                hints);
  EXPECT_EQ(
      only_error(kBase +
                 "[[chapter]]\nid = \"c\"\ntitle = \"T\"\nbody = \"\"\"\nA\n\\u001b[0m\n\"\"\"\n"),
      "t.toml:27:8: error: `body` holds the control character U+001B (ESC) at character 3" + hints);
  // Tabs and line breaks stay allowed.
  const auto ok =
      parse(kBase + "[[chapter]]\nid = \"c\"\ntitle = \"T\\tU\"\nbody = '''\nA\n\tB\n'''\n");
  EXPECT_TRUE(ok.diagnostics.empty()) << ::testing::PrintToString(ok.diagnostics);
}

TEST(DescriptionErrors, MissingRequiredKey) {
  EXPECT_EQ(only_error(replaced(kBase, "sasaran = \"s1\"\n", "")),
            "t.toml:18:1: error: missing required key `sasaran` in [[iku]]\n"
            "  hint: add `sasaran = …` to this table");
}

TEST(DescriptionErrors, UnknownKeyWithSuggestion) {
  EXPECT_EQ(
      only_error(replaced(kBase, "realisasi = 60.61", "realisasi = 60.61\nrealisai = 1")),
      "t.toml:24:1: error: unknown key `realisai` in [[iku]]\n"
      "  hint: did you mean `realisasi`?\n"
      "  hint: keys of [[iku]]: id, sasaran, name, unit, direction, formula, source, "
      "responsible, target, realisasi, no_data, renstra_target, renstra_year, history, compare, "
      "anggaran, realisasi_anggaran, stated");
  EXPECT_EQ(only_error(kBase + "[setings]\ndecimals = 1\n"),
            "t.toml:24:2: error: unknown key `setings` in the description\n"
            "  hint: did you mean `settings`?\n"
            "  hint: keys of the description: report, settings, scale, wording, signatory, "
            "strategy, "
            "organisation, sasaran, iku, program, budget, components, survey, table, figure, "
            "chart, captions, foreword, review, summary, chapter, appendix");
}

TEST(DescriptionErrors, UnknownEnumValue) {
  EXPECT_EQ(only_error(kBase + "[settings]\naverage = \"per_sasaram\"\n"),
            "t.toml:25:11: error: `average` is \"per_sasaram\", not an allowed value\n"
            "  hint: did you mean \"per_sasaran\"?\n"
            "  hint: allowed: \"per_sasaran\", \"all_iku\"");
}

// --- ids and references ---------------------------------------------------------------

TEST(DescriptionErrors, InvalidId) {
  EXPECT_EQ(only_error(replaced(kBase, "id = \"akip\"", "id = \"Nilai-AKIP\"")),
            "t.toml:19:6: error: id \"Nilai-AKIP\" is not valid\n"
            "  hint: ids use only lower-case letters a-z, digits and '_', e.g. \"s1\" or "
            "\"nilai_akip\"");
}

TEST(DescriptionErrors, DuplicateIdAcrossKinds) {
  EXPECT_EQ(only_error(kBase + "[[chart]]\nid = \"s1\"\ncaption = \"Grafik\"\n"),
            "t.toml:25:6: error: duplicate id `s1`\n"
            "  hint: first defined at t.toml:15:6 (a sasaran)\n"
            "  hint: ids of sasaran, IKU, programs, tables, figures, charts and chapters are "
            "unique across the whole description");
}

TEST(Description, SignatoriesUnitsScalesAndTujuanHaveTheirOwnIds) {
  // A signatory and the organisation unit she heads may share an id, and so may a scale and
  // an IKU: those kinds are never placed in the text, so their ids cannot collide there.
  auto p = parse(kBase +
                 "[[organisation]]\nid = \"camat\"\nname = \"CAMAT\"\n"
                 "[[scale]]\nid = \"s1\"\nbands = [{ label = \"Semua\" }]\n");
  EXPECT_TRUE(p.diagnostics.empty()) << ::testing::PrintToString(p.diagnostics);
  ASSERT_TRUE(p.report);
  ASSERT_EQ(p.report->organisation.size(), 1u);
  EXPECT_EQ(p.report->organisation[0].id, "camat");
  EXPECT_NE(p.report->find_scale("s1"), nullptr);
}

TEST(DescriptionErrors, ReservedId) {
  EXPECT_EQ(only_error(kBase + "[[chart]]\nid = \"budget\"\ncaption = \"Grafik\"\n"),
            "t.toml:25:6: error: id `budget` is reserved: it names a generated table\n"
            "  hint: `@table budget` inserts the generated table; choose another id");
}

TEST(DescriptionErrors, DanglingReferencesAreAllReported) {
  std::string text = replaced(kBase, "signatory = \"camat\"", "signatory = \"camt\"");
  text = replaced(text, "sasaran = \"s1\"", "sasaran = \"s2\"");
  text = replaced(text, "name = \"Meningkatnya Akuntabilitas Kinerja\"",
                  "name = \"Meningkatnya Akuntabilitas Kinerja\"\ntujuan = \"t9\"");
  text += R"(
[settings]
predicate_scale = "skala"

[[organisation]]
id = "camat_org"
name = "CAMAT"
[[organisation]]
id = "sekcam"
name = "SEKRETARIS"
parent = "camat_orq"

[[program]]
id = "p1"
name = "Program"
supports = "s3"

[[survey]]
id = "ikm_layanan"
caption = "IKM"
scale = "ikm"
items = [{ name = "KTP", value = 89.86 }]

[[chart]]
id = "g"
caption = "Grafik"
iku = ["akip", "ikm"]
)";
  auto p = parse(text);
  EXPECT_FALSE(p.report);
  EXPECT_EQ(p.diagnostics,
            (Lines{"t.toml:7:13: error: unknown signatory `camt`\n"
                   "  hint: did you mean `camat`?\n"
                   "  hint: defined: camat",
                   "t.toml:14:1: error: sasaran `s1` has no [[iku]]\n"
                   "  hint: add an [[iku]] with sasaran = \"s1\"; capaian of a sasaran is the mean "
                   "of its IKU",
                   "t.toml:17:10: error: unknown tujuan `t9`\n"
                   "  hint: no [strategy] tujuan is defined",
                   "t.toml:21:11: error: unknown sasaran `s2`\n"
                   "  hint: did you mean `s1`?\n"
                   "  hint: defined: s1",
                   "t.toml:27:19: error: unknown scale `skala`\n"
                   "  hint: no [[scale]] is defined",
                   "t.toml:35:10: error: unknown organisation unit `camat_orq`\n"
                   "  hint: did you mean `camat_org`?\n"
                   "  hint: `parent` names the id of another [[organisation]] unit",
                   "t.toml:40:12: error: unknown sasaran `s3`\n"
                   "  hint: did you mean `s1`?\n"
                   "  hint: defined: s1",
                   "t.toml:45:9: error: unknown scale `ikm`\n"
                   "  hint: no [[scale]] is defined",
                   "t.toml:51:16: error: unknown iku `ikm`\n"
                   "  hint: defined: akip"}));
}

TEST(DescriptionErrors, ReferenceToTheWrongKind) {
  EXPECT_EQ(only_error(kBase + "[[chart]]\nid = \"g\"\ncaption = \"Grafik\"\niku = [\"s1\"]\n"),
            "t.toml:27:8: error: `s1` is a sasaran, not an iku\n"
            "  hint: defined at t.toml:15:6");
}

// --- values ---------------------------------------------------------------------------

TEST(DescriptionErrors, IkuZeroTargetNeedsLowerIsBetter) {
  EXPECT_EQ(only_error(replaced(kBase, "target = 70.20", "target = 0")),
            "t.toml:22:10: error: a target of 0 is allowed only for a lower-is-better indicator\n"
            "  hint: capaian of an IKU where higher is better is realisasi / target × 100, which "
            "has no value for a target of 0\n"
            "  hint: for a zero-tolerance indicator (\"temuan berulang 0\", \"0 kasus\") write "
            "`direction = \"lower\"`: realisasi 0 then gives capaian 100%, any other 0%");
}

TEST(DescriptionErrors, IkuTargetMustNotBeNegative) {
  EXPECT_EQ(only_error(replaced(kBase, "target = 70.20", "target = -1")),
            "t.toml:22:10: error: target must not be negative, found -1\n"
            "  hint: capaian of an IKU compares realisasi with the target (realisasi / target × "
            "100), so a negative target has no meaning");
}

TEST(Description, IkuZeroTargetLowerIsBetterIsAccepted) {
  auto p = parse(replaced(replaced(kBase, "target = 70.20", "target = 0\ndirection = \"lower\""),
                          "realisasi = 60.61", "realisasi = 0"));
  ASSERT_TRUE(p.report) << ::testing::PrintToString(p.diagnostics);
  EXPECT_EQ(p.report->iku.at(0).target, 0);
}

TEST(DescriptionErrors, IkuWithoutRealisasiNeedsAReason) {
  EXPECT_EQ(only_error(replaced(kBase, "realisasi = 60.61\n", "")),
            "t.toml:18:1: error: IKU `akip` has no `realisasi`\n"
            "  hint: write the realisasi, e.g. `realisasi = 60.61`\n"
            "  hint: if there is no figure this year, say why: `no_data = \"Survei tidak "
            "dilaksanakan\"`; the IKU then prints t.a.d. and is left out of averages, predikat "
            "and counts\n"
            "  hint: while figures are still being collected, render a draft: `status = "
            "\"draft\"` in [report]");
}

TEST(Description, ADraftMayLeaveARealisasiOutAndListsItAsMissing) {
  std::string text = replaced(kBase, "realisasi = 60.61\n", "");
  text = replaced(text, "[report]\n", "[report]\nstatus = \"draft\"\n");
  auto p = parse(text);
  ASSERT_TRUE(p.report) << ::testing::PrintToString(p.diagnostics);
  EXPECT_EQ(p.report->status, Status::draft);
  EXPECT_FALSE(p.report->iku.at(0).realisasi);
  EXPECT_EQ(p.report->iku.at(0).no_data, "");
  ASSERT_EQ(p.report->missing.size(), 1u);
  EXPECT_EQ(p.report->missing[0].what, "realisasi of IKU `akip`");
  EXPECT_EQ(p.report->missing[0].loc.line, 19);
}

TEST(DescriptionErrors, NoDataBesideARealisasi) {
  EXPECT_EQ(only_error(replaced(kBase, "realisasi = 60.61\n",
                                "realisasi = 60.61\nno_data = \"Belum terbit\"\n")),
            "t.toml:24:11: error: `no_data` is given although `realisasi` is written\n"
            "  hint: `no_data` says why an IKU has no realisasi this year; remove one of the two");
}

TEST(Description, IkuWithoutRealisasiKeepsItsReason) {
  auto p = parse(replaced(kBase, "realisasi = 60.61\n", "no_data = \"LHE belum terbit\"\n"));
  ASSERT_TRUE(p.report) << ::testing::PrintToString(p.diagnostics);
  EXPECT_FALSE(p.report->iku.at(0).realisasi);
  EXPECT_EQ(p.report->iku.at(0).no_data, "LHE belum terbit");
}

TEST(DescriptionErrors, NegativeBudget) {
  EXPECT_EQ(only_error(kBase + "[[program]]\nid = \"p1\"\nname = \"Program\"\nanggaran = -5\n"),
            "t.toml:27:12: error: `anggaran` must not be negative, found -5\n"
            "  hint: budgets and realisations are amounts in rupiah, 0 or more");
}

TEST(DescriptionErrors, MoneyIsWholeRupiah) {
  EXPECT_EQ(only_error(kBase + "[budget]\nrealisasi = 2693554556.5\n"),
            "t.toml:25:13: error: `realisasi`: expected an integer, found a floating-point "
            "number\n"
            "  hint: money is written in whole rupiah without separators, e.g. 2903823586");
}

std::string program(const std::string& id, const std::string& anggaran) {
  return "[[program]]\nid = \"" + id + "\"\nname = \"P\"\nanggaran = " + anggaran + "\n";
}

std::string kegiatan(const std::string& id, const std::string& anggaran) {
  return "  [[program.kegiatan]]\n  id = \"" + id + "\"\n  name = \"K\"\n  anggaran = " + anggaran +
         "\n";
}

// Every amount is within 10^15, but the sums compute/ forms must be too (past int64 they used
// to print "t.a.d." silently).
TEST(DescriptionErrors, BudgetTotalPastTheLimit) {
  const std::string big = "600000000000000";
  EXPECT_EQ(only_error(kBase + program("p1", big) + program("p2", big) + program("p3", big)),
            "t.toml:28:1: error: the `anggaran` of the programs up to `p2` add up to "
            "1200000000000000 rupiah, more than the limit of 10^15 rupiah for the budget total\n"
            "  hint: amounts are whole rupiah without separators; look for extra digits");
  // A program with no amount: no total is formed, nothing to check.
  const auto p = parse(kBase + program("p1", big) + program("p2", big) +
                       "[[program]]\nid = \"p3\"\nname = \"P\"\n");
  EXPECT_TRUE(p.diagnostics.empty()) << ::testing::PrintToString(p.diagnostics);
}

TEST(DescriptionErrors, ActivityRollUpPastTheLimit) {
  const std::string big = "1000000000000000";
  // The kegiatan of p1 add up past the limit: one error there, none again for the total.
  EXPECT_EQ(only_error(kBase + program("p1", "1") + kegiatan("k1", big) + kegiatan("k2", big) +
                       program("p2", big)),
            "t.toml:24:1: error: the `anggaran` of the kegiatan of program `p1` add up to "
            "2000000000000000 rupiah, more than the limit of 10^15 rupiah\n"
            "  hint: amounts are whole rupiah without separators; look for extra digits");
}

// Money cells are bounded like every amount: two rows of 9 × 10^18 once totalled to "Rp0".
TEST(DescriptionErrors, MoneyCellPastTheLimit) {
  const std::string table =
      kBase +
      "[[table]]\nid = \"t\"\ncaption = \"C\"\n"
      "columns = [{ title = \"Desa\" }, { title = \"Dana\", kind = \"money\", "
      "total = \"sum\" }]\n"
      "rows = [[\"Turi\", 1000000000000000], [\"Gongseng\", -1000000000000001]]\n";
  EXPECT_EQ(only_error(table),
            "t.toml:28:50: error: row 2, column \"Dana\" is beyond the limit of 10^15 rupiah "
            "(either sign)\n"
            "  hint: amounts are whole rupiah without separators; look for extra digits");
}

std::string with_indicator(std::string_view target, std::string_view realisasi) {
  return kBase + "[[program]]\nid = \"p1\"\nname = \"Program\"\n[[program.indicator]]\n" +
         "name = \"Jumlah dokumen\"\ntarget = " + std::string(target) +
         "\nrealisasi = " + std::string(realisasi) + "\n";
}

TEST(DescriptionErrors, IndicatorUnitsMustMatch) {
  EXPECT_EQ(only_error(with_indicator("\"3 dokumen\"", "\"1.100 lembar\"")),
            "t.toml:30:13: error: units do not match: target is in `dokumen`, realisasi in "
            "`lembar`\n"
            "  hint: write the realisasi in the target's unit, e.g. \"1100 dokumen\"");
  EXPECT_EQ(only_error(with_indicator("\"100%\"", "97.5")),
            "t.toml:30:13: error: units do not match: target is in `%`, realisasi a plain "
            "number\n"
            "  hint: write the realisasi in the target's unit, e.g. \"97,5%\"");
}

TEST(Description, UnitsKeepTheirCaseAndMatchIgnoringIt) {
  auto p = parse(with_indicator("\"13 TP. PKK desa\"", "\"13 tp. pkk Desa\""));
  EXPECT_TRUE(p.diagnostics.empty()) << ::testing::PrintToString(p.diagnostics);
  ASSERT_TRUE(p.report);
  const Indicator& ind = p.report->programs.at(0).indicators.at(0);
  EXPECT_EQ(ind.target.unit, "TP. PKK desa");
  EXPECT_EQ(ind.realisasi->unit, "tp. pkk Desa");
}

TEST(DescriptionErrors, IndicatorQuantityIsNotANumber) {
  EXPECT_EQ(only_error(with_indicator("\"70.20 dokumen\"", "\"3 dokumen\"")),
            "t.toml:29:10: error: `target`: `70.20 dokumen` is not an Indonesian number: '.' "
            "separates groups of three digits and ',' starts the decimals\n"
            "  hint: write a number (70.20) or a number and its unit: \"3 dokumen\", "
            "\"1.100 lembar\", \"100%\", \"70,20\"");
  EXPECT_EQ(only_error(with_indicator("\"tiga dokumen\"", "\"3 dokumen\"")),
            "t.toml:29:10: error: `target`: `tiga dokumen` does not start with a number\n"
            "  hint: write a number (70.20) or a number and its unit: \"3 dokumen\", "
            "\"1.100 lembar\", \"100%\", \"70,20\"");
}

std::string with_nip(std::string_view nip) {
  return replaced(kBase, "name = \"MOH.", "nip = \"" + std::string(nip) + "\"\nname = \"MOH.");
}

TEST(DescriptionErrors, NipLengthAndDigits) {
  const std::string hint =
      "\n  hint: a NIP is 8 digits birth date YYYYMMDD, 6 digits CPNS start YYYYMM, 1 digit sex "
      "(1 male, 2 female) and a 3-digit serial, e.g. 19680411 199303 1 009";
  EXPECT_EQ(only_error(with_nip("19791024200501100")),
            "t.toml:12:8: error: NIP must have 18 digits, found 17" + hint);
  EXPECT_EQ(only_error(with_nip("19791024 200501 1 00O")),
            "t.toml:12:28: error: NIP may contain only digits, found `O`" + hint);
}

TEST(DescriptionErrors, NipBirthDate) {
  const std::string hint =
      "\n  hint: a NIP is 8 digits birth date YYYYMMDD, 6 digits CPNS start YYYYMM, 1 digit sex "
      "(1 male, 2 female) and a 3-digit serial, e.g. 19680411 199303 1 009";
  EXPECT_EQ(
      only_error(with_nip("19791324 200501 1 007")),
      "t.toml:12:12: error: NIP birth date (digits 1-8) has month 13, out of range 01-12" + hint);
  EXPECT_EQ(only_error(with_nip("19790230 200501 1 007")),
            "t.toml:12:14: error: NIP birth date (digits 1-8) has day 30, which does not exist "
            "in 1979-02" +
                hint);
}

TEST(DescriptionErrors, NipCpnsMonthAndSexDigit) {
  const std::string hint =
      "\n  hint: a NIP is 8 digits birth date YYYYMMDD, 6 digits CPNS start YYYYMM, 1 digit sex "
      "(1 male, 2 female) and a 3-digit serial, e.g. 19680411 199303 1 009";
  EXPECT_EQ(
      only_error(with_nip("19791024 200500 1 007")),
      "t.toml:12:21: error: NIP CPNS start (digits 9-14) has month 00, out of range 01-12" + hint);
  EXPECT_EQ(only_error(with_nip("19791024 200501 3 007")),
            "t.toml:12:24: error: NIP sex digit (digit 15) must be 1 (male) or 2 (female), "
            "found 3" +
                hint);
}

// --- scales ---------------------------------------------------------------------------

std::string with_scale(std::string_view bands) {
  return kBase + "[[scale]]\nid = \"skala\"\nbands = [\n" + std::string(bands) + "]\n";
}

TEST(DescriptionErrors, ScaleGap) {
  EXPECT_EQ(only_error(with_scale("  { above = 90, label = \"A\" },\n"
                                  "  { above = 50, upto = 80, label = \"B\" },\n"
                                  "  { upto = 50, label = \"C\" },\n")),
            "t.toml:28:3: error: gap between 80 and 90 in scale `skala`\n"
            "  hint: band \"B\" should end at `upto = 90`, where \"A\" begins");
}

TEST(DescriptionErrors, ScaleOverlap) {
  EXPECT_EQ(only_error(with_scale("  { above = 90, label = \"A\" },\n"
                                  "  { above = 50, upto = 95, label = \"B\" },\n"
                                  "  { upto = 50, label = \"C\" },\n")),
            "t.toml:28:3: error: bands overlap between 90 and 95 in scale `skala`\n"
            "  hint: band \"B\" should end at `upto = 90`, where \"A\" begins");
}

TEST(DescriptionErrors, ScaleUnsorted) {
  EXPECT_EQ(only_error(with_scale("  { above = 90, label = \"A\" },\n"
                                  "  { above = 50, upto = 70, label = \"C\" },\n"
                                  "  { above = 70, upto = 90, label = \"B\" },\n"
                                  "  { upto = 50, label = \"D\" },\n")),
            "t.toml:29:3: error: bands of scale `skala` are not sorted\n"
            "  hint: list the bands from the highest to the lowest");
}

TEST(DescriptionErrors, ScaleOpenEnds) {
  EXPECT_EQ(only_error(with_scale("  { above = 50, upto = 100, label = \"A\" },\n"
                                  "  { upto = 50, label = \"B\" },\n")),
            "t.toml:27:3: error: the highest band \"A\" has `upto = 100`: values above it get "
            "no label\n"
            "  hint: omit `upto` on the highest band (listed first)");
}

// --- history, paths, organisation, chapters --------------------------------------------

TEST(DescriptionErrors, HistoryYears) {
  auto p = parse(replaced(kBase, "realisasi = 60.61",
                          "realisasi = 60.61\nhistory = [\n  { year = 2022, realisasi = 70.02 },\n"
                          "  { year = 2024, realisasi = 71.70 },\n"
                          "  { year = 2022, realisasi = 1 },\n]"));
  EXPECT_EQ(p.diagnostics,
            (Lines{"t.toml:26:12: error: history year 2024 is not before the report "
                   "year 2024\n"
                   "  hint: `history` holds earlier years; the report year's figures are "
                   "`target` and `realisasi`",
                   "t.toml:27:12: error: history year 2022 appears twice\n"
                   "  hint: first given at t.toml:25:12"}));
}

class DescriptionPaths : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("lkjip_report_paths_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir_ / "report" / "images");
    std::ofstream(dir_ / "report" / "images" / "logo.png", std::ios::binary)
        << "\x89PNG\r\n\x1a\n....";
    std::ofstream(dir_ / "report" / "images" / "logo.txt") << "not an image";
    std::ofstream(dir_ / "outside.png", std::ios::binary) << "\x89PNG\r\n\x1a\n....";
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::string report_dir() const { return (dir_ / "report").string(); }
  testing::Parsed with_logo(std::string_view logo, LoadOptions options = {}) {
    return parse(replaced(kBase, "signatory = \"camat\"",
                          "signatory = \"camat\"\nlogo = \"" + std::string(logo) + "\""),
                 options, report_dir());
  }
  std::filesystem::path dir_;
};

TEST_F(DescriptionPaths, RelativePathInsideTheFolderResolves) {
  auto p = with_logo("images/./logo.png");
  ASSERT_TRUE(p.report) << ::testing::PrintToString(p.diagnostics);
  EXPECT_EQ(p.report->logo_path, report_dir() + "/images/logo.png");
}

TEST_F(DescriptionPaths, AbsolutePath) {
  auto p = with_logo("/etc/logo.png");
  EXPECT_EQ(p.diagnostics, (Lines{report_dir() +
                                  "/t.toml:8:8: error: `logo` must be relative to the "
                                  "description's folder, found the absolute path `/etc/logo.png`\n"
                                  "  hint: copy the file into " +
                                  report_dir() +
                                  " (or a subfolder) and write e.g. \"images/logo.png\"\n"
                                  "  hint: --allow-outside accepts paths outside that folder"}));
}

TEST_F(DescriptionPaths, EscapingPath) {
  auto p = with_logo("images/../../outside.png");
  EXPECT_EQ(p.diagnostics,
            (Lines{report_dir() +
                   "/t.toml:8:8: error: `logo` path "
                   "`images/../../outside.png` leaves the description's folder\n"
                   "  hint: paths may not use `..` to leave " +
                   report_dir() + "\n  hint: --allow-outside accepts paths outside that folder"}));
  LoadOptions options;
  options.allow_outside = true;
  auto allowed = with_logo("images/../../outside.png", options);
  ASSERT_TRUE(allowed.report) << ::testing::PrintToString(allowed.diagnostics);
  EXPECT_EQ(allowed.report->logo_path, (dir_ / "outside.png").string());
}

TEST_F(DescriptionPaths, LinkLeavingTheFolderIsRefusedAfterResolving) {
  namespace fs = std::filesystem;
  fs::create_symlink(dir_ / "outside.png", dir_ / "report" / "images" / "linked.png");
  fs::create_directory_symlink(dir_, dir_ / "report" / "up");
  const std::string real_outside = fs::canonical(dir_ / "outside.png").string();
  for (const char* logo : {"images/linked.png", "up/outside.png"}) {
    auto p = with_logo(logo);
    EXPECT_FALSE(p.report);
    EXPECT_EQ(p.diagnostics,
              (Lines{report_dir() + "/t.toml:8:8: error: `logo` path `" + logo +
                     "` leads through a link to " + real_outside +
                     ", outside the description's folder\n"
                     "  hint: copy the file into " +
                     report_dir() +
                     " instead of linking to it\n"
                     "  hint: --allow-outside accepts paths outside that folder"}));
  }
}

TEST_F(DescriptionPaths, MissingFileAndWrongFormat) {
  EXPECT_EQ(with_logo("images/lambang.png").diagnostics,
            (Lines{report_dir() + "/t.toml:8:8: error: `logo` file not found: " + report_dir() +
                   "/images/lambang.png\n"
                   "  hint: paths are relative to the description's folder " +
                   report_dir()}));
  EXPECT_EQ(with_logo("images/logo.txt").diagnostics,
            (Lines{report_dir() +
                   "/t.toml:8:8: error: `logo` is not a PNG or JPEG "
                   "file: " +
                   report_dir() +
                   "/images/logo.txt\n"
                   "  hint: convert the image to PNG or JPEG"}));
}

std::string with_units(std::string_view units) { return kBase + std::string(units); }

TEST(DescriptionErrors, OrganisationWithoutRoot) {
  EXPECT_EQ(parse(with_units("[[organisation]]\nid = \"a\"\nname = \"A\"\nparent = \"b\"\n"
                             "[[organisation]]\nid = \"b\"\nname = \"B\"\nparent = \"a\"\n"))
                .diagnostics,
            (Lines{"t.toml:24:1: error: the organisation has no root\n"
                   "  hint: the top unit (e.g. the camat) has no `parent`",
                   "t.toml:24:1: error: the organisation has a cycle: a → b → a\n"
                   "  hint: follow the `parent` keys: one of them must point up the line "
                   "of command"}));
}

TEST(DescriptionErrors, OrganisationWithSeveralRoots) {
  EXPECT_EQ(only_error(with_units("[[organisation]]\nid = \"a\"\nname = \"A\"\n"
                                  "[[organisation]]\nid = \"b\"\nname = \"B\"\n")),
            "t.toml:27:1: error: the organisation has several roots: `a` and `b`\n"
            "  hint: every unit except the top one needs a `parent`");
}

TEST(DescriptionErrors, OrganisationCycleBelowTheRoot) {
  EXPECT_EQ(only_error(with_units("[[organisation]]\nid = \"a\"\nname = \"A\"\n"
                                  "[[organisation]]\nid = \"b\"\nname = \"B\"\nparent = \"c\"\n"
                                  "[[organisation]]\nid = \"c\"\nname = \"C\"\nparent = \"b\"\n")),
            "t.toml:27:1: error: the organisation has a cycle: b → c → b\n"
            "  hint: follow the `parent` keys: one of them must point up the line of command");
}

TEST(DescriptionErrors, OrganisationTooDeep) {
  std::string units = "[[organisation]]\nid = \"u0\"\nname = \"U\"\n";
  for (int i = 1; i < 13; ++i)
    units += "[[organisation]]\nid = \"u" + std::to_string(i) + "\"\nname = \"U\"\nparent = \"u" +
             std::to_string(i - 1) + "\"\n";
  EXPECT_EQ(only_error(with_units(units)),
            "t.toml:71:1: error: organisation unit `u12` is 13 levels deep, more than the limit "
            "of 12");
}

TEST(DescriptionErrors, ChapterWithEmptyTitle) {
  EXPECT_EQ(only_error(kBase + "[[chapter]]\nid = \"bab1\"\ntitle = \"  \"\nbody = \"Teks\"\n"),
            "t.toml:26:9: error: chapter title is empty\n"
            "  hint: the title is printed under \"BAB …\", e.g. title = \"PENDAHULUAN\"");
}

TEST(DescriptionErrors, PredicateScaleOtherThanTheDefaultMustExist) {
  EXPECT_EQ(only_error(kBase + "[settings]\npredicate_scale = \"permen\"\n"),
            "t.toml:25:19: error: unknown scale `permen`\n"
            "  hint: no [[scale]] is defined");
}

// --- limits ---------------------------------------------------------------------------

TEST(DescriptionErrors, TooLongText) {
  EXPECT_EQ(only_error(replaced(kBase, "Nilai Evaluasi AKIP", std::string(4001, 'x'))),
            "t.toml:21:8: error: `name` is 4001 bytes long, more than the limit of 4000");
}

TEST(DescriptionErrors, TooManyRecords) {
  std::string rows = "rows = [";
  for (int i = 0; i < 5001; ++i) rows += "[\"d\"],";
  rows += "]\n";
  EXPECT_EQ(only_error(kBase +
                       "[[table]]\nid = \"t\"\ncaption = \"C\"\ncolumns = [{ title = "
                       "\"Desa\" }]\n" +
                       rows),
            "t.toml:28:8: error: `rows` has 5001 entries, more than the limit of 5000");
}

TEST(DescriptionErrors, SeveralErrorsAreReportedInSourceOrder) {
  std::string text = replaced(kBase, "year = 2024", "year = \"2024\"");
  text = replaced(text, "jabatan = \"CAMAT MEGALUH\"\n", "");
  text = replaced(text, "target = 70.20", "target = -1");
  text += "[[figure]]\nid = \"peta\"\ncaption = \"Peta\"\n";
  auto p = parse(text);
  EXPECT_FALSE(p.report);
  ASSERT_EQ(p.diagnostics.size(), 4u) << ::testing::PrintToString(p.diagnostics);
  EXPECT_TRUE(p.diagnostics[0].starts_with("t.toml:4:8: error: `year`: expected an integer"));
  EXPECT_TRUE(p.diagnostics[1].starts_with("t.toml:9:1: error: missing required key `jabatan`"));
  EXPECT_TRUE(p.diagnostics[2].starts_with("t.toml:21:10: error: target must not be negative"));
  EXPECT_EQ(p.diagnostics[3],
            "t.toml:23:1: error: a [[figure]] needs `image = \"…\"` or `orgchart = true`");
}

TEST(DescriptionErrors, MissingFileIsAnError) {
  DiagnosticSink sink;
  EXPECT_FALSE(load_description("/nonexistent/x.toml", {}, sink));
  ASSERT_EQ(sink.all().size(), 1u);
  EXPECT_EQ(format_diagnostic(sink.all()[0]),
            "/nonexistent/x.toml: error: cannot read the description: No such file or directory");
}

}  // namespace
}  // namespace lkjip::report
