// End-to-end checks of write_pdf on the sample report, read back with qpdf, poppler and mupdf.
#include "pdf/pdf_writer.h"

#include <gtest/gtest.h>
#include <openssl/evp.h>

#include <cstdlib>
#include <ctime>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <thread>

#include "pdf_test_support.h"

namespace lkjip::pdf::test {
namespace {

namespace fs = std::filesystem;

class PdfWriterTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    ASSERT_TRUE(fonts().ok()) << "fonts-liberation2 and fonts-crosextra-carlito are required";
    dir_ =
        new fs::path(fs::temp_directory_path() / ("lkjip-pdf-test-" + std::to_string(::getpid())));
    fs::create_directories(*dir_);
    DiagnosticSink sink;
    auto bytes = write_pdf(sample_document(), PdfOptions{}, sink);
    for (const auto& d : sink.all()) ADD_FAILURE() << format_diagnostic(d);
    ASSERT_TRUE(bytes.has_value());
    bytes_ = new std::string(*bytes);
    write_file(path(), *bytes_);
  }
  static void TearDownTestSuite() {
    // LKJIP_KEEP_TEST_PDF=1 keeps the sample and signed files for inspection.
    if (dir_ && !std::getenv("LKJIP_KEEP_TEST_PDF")) fs::remove_all(*dir_);
    delete dir_;
    delete bytes_;
    dir_ = nullptr;
    bytes_ = nullptr;
  }
  static std::string path() { return (*dir_ / "sample.pdf").string(); }
  static std::string in_dir(const std::string& name) { return (*dir_ / name).string(); }
  static const std::string& bytes() { return *bytes_; }

  static fs::path* dir_;
  static std::string* bytes_;
};

fs::path* PdfWriterTest::dir_ = nullptr;
std::string* PdfWriterTest::bytes_ = nullptr;

std::vector<std::string> lines_of(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string line; std::getline(in, line);) {
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
    if (!line.empty()) out.push_back(line);
  }
  return out;
}

std::string page_text(const std::string& file, int page) {
  const auto r = run("pdftotext -enc UTF-8 -f " + std::to_string(page) + " -l " +
                     std::to_string(page) + " '" + file + "' -");
  EXPECT_EQ(r.status, 0) << r.out;
  return r.out;
}

bool has_line(const std::string& text, const std::string& line) {
  for (const auto& l : lines_of(text))
    if (l == line) return true;
  return false;
}

TEST_F(PdfWriterTest, QpdfCheckIsClean) {
  LKJIP_REQUIRE_TOOL("qpdf");
  const auto r = run("qpdf --check '" + path() + "'");
  EXPECT_EQ(r.status, 0) << r.out;
  EXPECT_NE(r.out.find("No syntax or stream encoding errors found"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("WARNING"), std::string::npos) << r.out;
}

TEST_F(PdfWriterTest, HeaderIsPdf17WithBinaryComment) {
  ASSERT_GT(bytes().size(), 16u);
  EXPECT_EQ(bytes().substr(0, 9), "%PDF-1.7\n");
  const std::string second = bytes().substr(9, 5);
  ASSERT_EQ(second[0], '%');
  for (size_t i = 1; i < 5; ++i) EXPECT_GE(static_cast<unsigned char>(second[i]), 128u);
}

TEST_F(PdfWriterTest, TextExtractsExactly) {
  LKJIP_REQUIRE_TOOL("pdftotext");
  const std::string p1 = page_text(path(), 1);
  EXPECT_TRUE(has_line(p1, "KATA PENGANTAR")) << p1;
  EXPECT_TRUE(has_line(p1, "Laporan Kinerja Kecamatan Megaluh Tahun 2024.")) << p1;
  EXPECT_TRUE(has_line(p1, "BAB I PENDAHULUAN")) << p1;
  // Carlito shapes fi and ffi as ligatures; /ToUnicode must give the letters back.
  EXPECT_TRUE(has_line(p1, "Efisiensi dan afiliasi official")) << p1;

  const std::string p2 = page_text(path(), 2);
  for (const char* cell : {"Indikator", "Capaian kinerja", "87,48%", "Rp 3.023.722.086"})
    EXPECT_NE(p2.find(cell), std::string::npos) << cell << "\n" << p2;

  const std::string p3 = page_text(path(), 3);
  EXPECT_TRUE(has_line(p3,
                       "Capaian \xE2\x80\x9Csangat baik\xE2\x80\x9D \xE2\x80\x93 naik 5,2% "
                       "dari tahun 2023."))
      << p3;
  EXPECT_TRUE(has_line(p3, "Kinerja instansi pemerintah daerah")) << p3;
  EXPECT_NE(p3.find("\xF0\x9F\x98\x80"), std::string::npos) << "non-BMP ToUnicode\n" << p3;

  const std::string p4 = page_text(path(), 4);
  EXPECT_TRUE(has_line(p4, "1.2 Maksud dan Tujuan")) << p4;
  EXPECT_TRUE(has_line(p4, "Camat Megaluh,")) << p4;
}

TEST_F(PdfWriterTest, JustifiedWordsLandWhereTheFrameSaysWithinAHundredthOfAPoint) {
  LKJIP_REQUIRE_TOOL("pdftotext");
  // Expected word starts: sum of the frame advances, which include the stretched spaces.
  const frame::GlyphRun line = shape(*fonts().serif, JustifiedLine::size, JustifiedLine::x,
                                     JustifiedLine::y, "Kinerja instansi pemerintah daerah");
  const uint32_t space = glyph_of(*fonts().serif, ' ');
  std::vector<double> starts{JustifiedLine::x};
  double x = JustifiedLine::x;
  for (const auto& g : line.glyphs) {
    x += g.advance.v + (g.gid == space ? JustifiedLine::stretch : 0);
    if (g.gid == space) starts.push_back(x);
  }
  const auto r = run("pdftotext -bbox -f 3 -l 3 '" + path() + "' -");
  ASSERT_EQ(r.status, 0) << r.out;
  const std::regex word_re(R"re(<word xMin="([0-9.]+)" yMin="[0-9.]+" xMax="[0-9.]+" )re"
                           R"re(yMax="[0-9.]+">([^<]+)</word>)re");
  std::vector<std::pair<std::string, double>> words;
  for (std::sregex_iterator it(r.out.begin(), r.out.end(), word_re), end; it != end; ++it)
    words.emplace_back((*it)[2].str(), std::stod((*it)[1].str()));
  const std::vector<std::string> expected{"Kinerja", "instansi", "pemerintah", "daerah"};
  size_t found = 0;
  for (size_t i = 0; i + expected.size() <= words.size(); ++i) {
    if (words[i].first != expected[0]) continue;
    for (size_t k = 0; k < expected.size(); ++k) {
      EXPECT_EQ(words[i + k].first, expected[k]);
      EXPECT_NEAR(words[i + k].second, starts[k], 0.01) << expected[k];
    }
    ++found;
  }
  EXPECT_EQ(found, 1u) << r.out;
}

TEST_F(PdfWriterTest, GlyphOffsetsBecomeTextRiseAndShift) {
  LKJIP_REQUIRE_TOOL("mutool");
  // mutool trace prints every glyph origin; under its y-flipping page transform the values are
  // (x, -y) in the frame's own top-left coordinates.
  const auto r = run("mutool trace '" + path() + "' 3");
  ASSERT_EQ(r.status, 0) << r.out;
  struct G {
    std::string ch;
    double x, y;
  };
  std::vector<G> glyphs;
  const std::regex g_re(R"re(<g unicode="([^"]*)" glyph="[^"]*" x="([-0-9.]+)" y="([-0-9.]+)")re");
  for (std::sregex_iterator it(r.out.begin(), r.out.end(), g_re), end; it != end; ++it)
    glyphs.push_back({(*it)[1].str(), std::stod((*it)[2].str()), -std::stod((*it)[3].str())});
  const frame::GlyphRun x2 = shape(*fonts().serif, 11, 72, 330, "x2 y");
  size_t at = 0;
  while (at + 4 <= glyphs.size() &&
         !(glyphs[at].ch == "x" && glyphs[at + 1].ch == "2" && glyphs[at + 3].ch == "y"))
    ++at;
  ASSERT_LE(at + 4, glyphs.size()) << r.out.substr(0, 2000);
  EXPECT_NEAR(glyphs[at].x, 72, 0.01);
  EXPECT_NEAR(glyphs[at].y, 330, 0.01);
  EXPECT_NEAR(glyphs[at + 1].x, 72 + x2.glyphs[0].advance.v + 1, 0.01) << "x_offset 1";
  EXPECT_NEAR(glyphs[at + 1].y, 330 - 4, 0.01) << "y_offset -4 raises the glyph";
  // The glyph after it is back on the baseline at its own pen position.
  const double pen = 72 + x2.glyphs[0].advance.v + x2.glyphs[1].advance.v + x2.glyphs[2].advance.v;
  EXPECT_NEAR(glyphs[at + 3].x, pen, 0.01);
  EXPECT_NEAR(glyphs[at + 3].y, 330, 0.01);
}

TEST_F(PdfWriterTest, RotatedGroupRunsUpThePage) {
  LKJIP_REQUIRE_TOOL("pdftotext");
  const auto r = run("pdftotext -bbox -f 2 -l 2 '" + path() + "' -");
  ASSERT_EQ(r.status, 0) << r.out;
  const std::regex re(R"re(<word xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" )re"
                      R"re(yMax="([0-9.]+)">Lanskap</word>)re");
  std::smatch m;
  ASSERT_TRUE(std::regex_search(r.out, m, re)) << r.out;
  const double left = std::stod(m[1]), top = std::stod(m[2]), right = std::stod(m[3]),
               bottom = std::stod(m[4]);
  EXPECT_GT(bottom - top, right - left) << "rotated by 90 degrees, the word is taller than wide";
  // Rotated counter-clockwise about (300, 700): the baseline at local y=25 lies at x = 325,
  // and the text runs upwards from y = 700 - 10.
  EXPECT_GT(right, 315);
  EXPECT_LT(left, 326);
  EXPECT_LT(bottom, 690);
}

TEST_F(PdfWriterTest, FontsAreEmbeddedSubsetCidFontsOnly) {
  LKJIP_REQUIRE_TOOL("pdffonts");
  const auto r = run("pdffonts '" + path() + "'");
  ASSERT_EQ(r.status, 0) << r.out;
  const auto lines = lines_of(r.out);
  ASSERT_EQ(lines.size(), 5u) << "header, rule and exactly three fonts\n" << r.out;
  const std::regex row(R"(^[A-Z]{6}\+(LiberationSerif|LiberationSerif-Bold|Carlito)\s+)"
                       R"(CID TrueType\s+Identity-H\s+yes yes yes\s+\d+\s+0$)");
  std::set<std::string> names;
  for (size_t i = 2; i < lines.size(); ++i) {
    std::smatch m;
    EXPECT_TRUE(std::regex_match(lines[i], m, row)) << lines[i];
    if (m.size() > 1) names.insert(m[1]);
  }
  EXPECT_EQ(names.size(), 3u) << r.out;
}

TEST_F(PdfWriterTest, ResourcesAreNamedInOrderOfFirstUse) {
  LKJIP_REQUIRE_TOOL("qpdf");
  const auto r = run("qpdf --qdf --object-streams=disable '" + path() + "' -");
  ASSERT_EQ(r.status, 0);
  // Page 1 shows the bold heading first, then regular Liberation Serif, then Carlito.
  const std::pair<const char*, const char*> want[] = {
      {"F1", "LiberationSerif-Bold"}, {"F2", "LiberationSerif"}, {"F3", "Carlito"}};
  for (const auto& [res, base] : want) {
    std::smatch m;
    ASSERT_TRUE(std::regex_search(r.out, m, std::regex(std::string("/") + res + " ([0-9]+) 0 R")))
        << res;
    const auto at = r.out.find("\n" + m[1].str() + " 0 obj");
    ASSERT_NE(at, std::string::npos);
    const std::string dict = r.out.substr(at, 400);
    ASSERT_TRUE(std::regex_search(dict, m, std::regex(R"(/BaseFont /[A-Z]{6}\+([A-Za-z-]+))")))
        << dict;
    EXPECT_EQ(m[1].str(), base) << res;
  }
}

TEST_F(PdfWriterTest, PageSizesAndMetadata) {
  LKJIP_REQUIRE_TOOL("pdfinfo");
  const auto r = run("TZ=UTC pdfinfo -isodates -f 1 -l 4 '" + path() + "'");
  ASSERT_EQ(r.status, 0) << r.out;
  for (const char* expect :
       {"Title:           Laporan Kinerja Instansi Pemerintah (LKjIP) Kecamatan Megaluh 2024",
        "Subject:         LKjIP Tahun 2024", "Keywords:        LKjIP, kinerja, akuntabilitas",
        "Author:          Kecamatan Megaluh", "Creator:         lkjip",
        "Producer:        lkjip " LKJIP_VERSION, "CreationDate:    2025-01-01T00:00:00Z",
        "ModDate:         2025-01-01T00:00:00Z", "Form:            AcroForm", "Pages:           4",
        "Encrypted:       no", "PDF version:     1.7", "Metadata Stream: yes"})
    EXPECT_TRUE(has_line(r.out, expect)) << expect << "\n" << r.out;
  for (int p = 1; p <= 4; ++p)
    EXPECT_TRUE(
        has_line(r.out, "Page    " + std::to_string(p) + " size:  595.276 x 841.89 pts (A4)"))
        << r.out;
}

TEST_F(PdfWriterTest, XmpMatchesInfoAndDeclaresPdfA2b) {
  LKJIP_REQUIRE_TOOL("pdfinfo");
  const auto r = run("pdfinfo -meta '" + path() + "'");
  ASSERT_EQ(r.status, 0) << r.out;
  for (const char* expect :
       {"<pdfaid:part>2</pdfaid:part>", "<pdfaid:conformance>B</pdfaid:conformance>",
        "<rdf:li xml:lang=\"x-default\">Laporan Kinerja Instansi Pemerintah (LKjIP) Kecamatan "
        "Megaluh 2024</rdf:li>",
        "<rdf:li>Kecamatan Megaluh</rdf:li>",
        "<rdf:li xml:lang=\"x-default\">LKjIP Tahun 2024</rdf:li>",
        "<pdf:Keywords>LKjIP, kinerja, akuntabilitas</pdf:Keywords>",
        "<pdf:Producer>lkjip " LKJIP_VERSION "</pdf:Producer>",
        "<xmp:CreatorTool>lkjip</xmp:CreatorTool>",
        "<xmp:CreateDate>2025-01-01T00:00:00+00:00</xmp:CreateDate>",
        "<xmp:ModifyDate>2025-01-01T00:00:00+00:00</xmp:ModifyDate>"})
    EXPECT_NE(r.out.find(expect), std::string::npos) << expect << "\n" << r.out;
  // Uncompressed, as PDF/A asks: the packet is readable in the raw file.
  EXPECT_NE(bytes().find("<pdfaid:part>2</pdfaid:part>"), std::string::npos);
}

TEST_F(PdfWriterTest, CatalogHasOutputIntentLangAndNoEncryption) {
  LKJIP_REQUIRE_TOOL("mutool");
  const auto r = run("mutool show '" + path() + "' trailer/Root");
  ASSERT_EQ(r.status, 0) << r.out;
  EXPECT_NE(r.out.find("/Lang (id-ID)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("/PageMode /UseOutlines"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("/S /GTS_PDFA1"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("/OutputConditionIdentifier (sRGB IEC61966-2.1)"), std::string::npos);
  const auto intents = run("mutool show '" + path() + "' trailer/Root/OutputIntents");
  std::smatch m;
  ASSERT_TRUE(std::regex_search(intents.out, m, std::regex(R"(/DestOutputProfile ([0-9]+) 0 R)")))
      << intents.out;
  const auto icc = run("mutool show -b '" + path() + "' " + m[1].str() +
                       " | cmp - /usr/share/color/icc/sRGB.icc && echo SAME");
  EXPECT_NE(icc.out.find("SAME"), std::string::npos) << icc.out;
  const auto n = run("mutool show '" + path() + "' " + m[1].str());
  EXPECT_NE(n.out.find("/N 3"), std::string::npos) << n.out;
  const auto trailer = run("mutool show '" + path() + "' trailer");
  EXPECT_EQ(trailer.out.find("/Encrypt"), std::string::npos) << trailer.out;
  // No AcroForm default appearance: it would drag in a non-embedded Helvetica.
  const auto form = run("mutool show '" + path() + "' trailer/Root/AcroForm");
  EXPECT_EQ(form.out.find("/DR"), std::string::npos) << form.out;
  EXPECT_EQ(form.out.find("/DA"), std::string::npos) << form.out;
  EXPECT_EQ(form.out.find("/NeedAppearances true"), std::string::npos) << form.out;
}

TEST_F(PdfWriterTest, PageLabelsAreRomanThenArabic) {
  LKJIP_REQUIRE_TOOL("qpdf");
  const auto r = run("qpdf --json --json-key=pagelabels '" + path() + "'");
  ASSERT_EQ(r.status, 0) << r.out;
  std::string compact;
  for (char c : r.out)
    if (!std::isspace(static_cast<unsigned char>(c))) compact += c;
  EXPECT_NE(compact.find(R"("pagelabels":[{"index":0,"label":{"/S":"/r","/St":1}},)"
                         R"({"index":2,"label":{"/S":"/D","/St":1}}])"),
            std::string::npos)
      << r.out;
  // Exactly two ranges: i, ii, then 1, 2.
  EXPECT_EQ(compact.find(R"("index":1)"), std::string::npos) << r.out;
  EXPECT_EQ(compact.find(R"("index":3)"), std::string::npos) << r.out;
}

TEST_F(PdfWriterTest, OutlineIsTwoLevelsWithCountsAndRightPages) {
  LKJIP_REQUIRE_TOOL("qpdf");
  const auto r = run("qpdf --json --json-key=outlines '" + path() + "'");
  ASSERT_EQ(r.status, 0) << r.out;
  // qpdf resolves every destination to its page.
  for (const char* want : {R"("destpageposfrom1": 1,)", R"("destpageposfrom1": 2,)",
                           R"("destpageposfrom1": 3,)", R"("destpageposfrom1": 4,)"})
    EXPECT_NE(r.out.find(want), std::string::npos) << want << "\n" << r.out;
  LKJIP_REQUIRE_TOOL("mutool");
  // mutool: '-' is an open entry with children, '|' a leaf; then page and /XYZ left, top.
  const auto tree = run("mutool show '" + path() + "' outline");
  ASSERT_EQ(tree.status, 0) << tree.out;
  EXPECT_EQ(tree.out,
            "|\t\"Kata Pengantar\"\t#page=1&zoom=nan,72,72\n"
            "|\t\"Daftar Tabel\"\t#page=2&zoom=nan,72,72\n"
            "-\t\"BAB I PENDAHULUAN\"\t#page=3&zoom=nan,72,72\n"
            "|\t\t\"1.1 Latar Belakang\"\t#page=3&zoom=nan,72,130\n"
            "|\t\t\"1.2 Maksud dan Tujuan\"\t#page=4&zoom=nan,72,72\n");
  const auto root = run("mutool show '" + path() + "' trailer/Root/Outlines");
  EXPECT_NE(root.out.find("/Count 5"), std::string::npos) << root.out;
  const auto bab = run("mutool show '" + path() + "' trailer/Root/Outlines/First/Next/Next");
  EXPECT_NE(bab.out.find("/Count 2"), std::string::npos) << bab.out;
  EXPECT_NE(bab.out.find("BAB I PENDAHULUAN"), std::string::npos) << bab.out;
}

TEST_F(PdfWriterTest, LinksResolveToTheirAnchorsPages) {
  LKJIP_REQUIRE_TOOL("mutool");
  const auto js = in_dir("links.js");
  write_file(js,
             "var doc = new Document(scriptArgs[0]);\n"
             "for (var i = 0; i < doc.countPages(); ++i) {\n"
             "  var links = doc.loadPage(i).getLinks();\n"
             "  for (var k = 0; k < links.length; ++k)\n"
             "    print((i + 1) + ' ' + links[k].uri + ' ' +\n"
             "          links[k].bounds.map(Math.round).join(' '));\n"
             "}\n");
  const auto r = run("mutool run '" + js + "' '" + path() + "'");
  ASSERT_EQ(r.status, 0) << r.out;
  // mupdf resolves each /Dest to "#page=N…,left,top" and reports bounds in its top-left,
  // y-down space: the frame's own coordinates.
  EXPECT_TRUE(has_line(r.out, "1 #page=3&zoom=nan,72,72 72 150 272 164")) << r.out;
  EXPECT_TRUE(has_line(r.out, "3 #page=1&zoom=nan,72,72 72 400 172 414")) << r.out;
  EXPECT_EQ(lines_of(r.out).size(), 2u) << r.out;
  const auto annot = run("mutool show '" + path() + "' pages/1/Annots/1");
  EXPECT_NE(annot.out.find("/Border [ 0 0 0 ]"), std::string::npos) << annot.out;
  EXPECT_NE(annot.out.find("/F 4"), std::string::npos) << annot.out;
  EXPECT_NE(annot.out.find("/M (D:20250101000000+00'00')"), std::string::npos) << annot.out;
}

TEST_F(PdfWriterTest, ImagesArePngWithSoftMaskAndJpegPassedThrough) {
  LKJIP_REQUIRE_TOOL("pdfimages");
  const auto r = run("pdfimages -list '" + path() + "'");
  ASSERT_EQ(r.status, 0) << r.out;
  const std::string flat = std::regex_replace(r.out, std::regex(" +"), " ");
  EXPECT_NE(flat.find("2 0 image 4 4 rgb 3 8 image"), std::string::npos) << r.out;
  EXPECT_NE(flat.find("2 1 smask 4 4 gray 1 8 image"), std::string::npos) << r.out;
  EXPECT_NE(flat.find("2 2 image 8 8 rgb 3 8 jpeg"), std::string::npos) << r.out;
  // The JPEG stream is byte-for-byte the input file.
  LKJIP_REQUIRE_TOOL("mutool");
  const auto raw = run("mutool show -be '" + path() + "' pages/2/Resources/XObject/Im2");
  EXPECT_EQ(raw.out, std::string(testdata::kTinyJpeg.begin(), testdata::kTinyJpeg.end()));
}

TEST_F(PdfWriterTest, SameDocumentGivesIdenticalBytesInAnyTimeZone) {
  DiagnosticSink sink;
  const auto again = write_pdf(sample_document(), PdfOptions{}, sink);
  ASSERT_TRUE(again);
  EXPECT_TRUE(*again == bytes());
  const char* old_tz = std::getenv("TZ");
  const std::string saved = old_tz ? old_tz : "";
  ::setenv("TZ", "Asia/Jakarta", 1);
  ::tzset();
  const auto jakarta = write_pdf(sample_document(), PdfOptions{}, sink);
  if (old_tz)
    ::setenv("TZ", saved.c_str(), 1);
  else
    ::unsetenv("TZ");
  ::tzset();
  ASSERT_TRUE(jakarta);
  EXPECT_TRUE(*jakarta == bytes()) << "output depends on the time zone";
  EXPECT_FALSE(sink.has_errors());
}

std::string md5_hex(const std::string& data) {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned len = 0;
  EVP_Digest(data.data(), data.size(), md, &len, EVP_md5(), nullptr);
  std::string hex;
  for (unsigned i = 0; i < len; ++i) {
    static constexpr char digits[] = "0123456789ABCDEF";
    hex += digits[md[i] >> 4];
    hex += digits[md[i] & 0xF];
  }
  return hex;
}

TEST_F(PdfWriterTest, TrailerIdIsTheMd5OfTheContent) {
  const std::regex id_re(R"(/ID\s*\[\s*<([0-9A-F]{32})>\s*<([0-9A-F]{32})>\s*\])");
  std::smatch m;
  std::string b = bytes();
  ASSERT_TRUE(std::regex_search(b, m, id_re)) << b.substr(b.size() - 300);
  EXPECT_EQ(m[1].str(), m[2].str());
  const std::string id = m[1].str();
  std::string zeroed = b;
  for (size_t at = zeroed.find(id); at != std::string::npos; at = zeroed.find(id, at))
    zeroed.replace(at, 32, std::string(32, '0'));
  EXPECT_EQ(md5_hex(zeroed), id);

  // A different body with identical Info gets a different /ID.
  frame::PagedDocument other = sample_document();
  other.pages[3].content.add(shape(*fonts().serif, 11, 72, 700, "Perubahan kecil."));
  DiagnosticSink sink;
  const auto changed = write_pdf(other, PdfOptions{}, sink);
  ASSERT_TRUE(changed);
  std::smatch m2;
  ASSERT_TRUE(std::regex_search(*changed, m2, id_re));
  EXPECT_NE(m2[1].str(), id);
}

TEST_F(PdfWriterTest, ConcurrentWritersProduceTheSameBytes) {
  std::vector<std::string> results(4);
  std::vector<std::thread> threads;
  for (auto& out : results) {
    threads.emplace_back([&out] {
      DiagnosticSink sink;
      for (int k = 0; k < 3; ++k) {
        auto b = write_pdf(sample_document(), PdfOptions{}, sink);
        if (!b || (k > 0 && *b != out)) {
          out = "mismatch";
          return;
        }
        out = *b;
      }
    });
  }
  for (auto& t : threads) t.join();
  for (const auto& r : results) EXPECT_TRUE(r == bytes());
}

TEST_F(PdfWriterTest, UnsignedFieldIsListedAndNotSigned) {
  LKJIP_REQUIRE_TOOL("pdfsig");
  const auto r = run("pdfsig '" + path() + "'");
  EXPECT_NE(r.out.find("Signature Field Name: ttd_camat"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("The signature form field is not signed."), std::string::npos) << r.out;
  EXPECT_FALSE(file_carries_signature(path()));
  LKJIP_REQUIRE_TOOL("mutool");
  const auto w = run("mutool show '" + path() + "' pages/4/Annots/1");
  EXPECT_NE(w.out.find("/FT /Sig"), std::string::npos) << w.out;
  EXPECT_NE(w.out.find("/F 4"), std::string::npos) << w.out;
  EXPECT_NE(w.out.find("/AP"), std::string::npos) << w.out;
  EXPECT_EQ(w.out.find("/V "), std::string::npos) << w.out;
  EXPECT_NE(w.out.find("/M (D:20250101000000+00'00')"), std::string::npos) << w.out;
}

TEST_F(PdfWriterTest, PdfsigSignsTheFieldAndTheWholeDocumentVerifies) {
  LKJIP_REQUIRE_TOOL("certutil");
  LKJIP_REQUIRE_TOOL("pdfsig");
  const std::string nss = in_dir("nss");
  fs::create_directories(nss);
  write_file(in_dir("noise.bin"), std::string(2048, '\x5a') + bytes().substr(0, 2048));
  auto r = run("certutil -N -d sql:'" + nss + "' --empty-password");
  ASSERT_EQ(r.status, 0) << r.out;
  r = run("certutil -S -d sql:'" + nss +
          "' -n lkjiptest -s 'CN=Camat Uji,O=lkjip,C=ID' -x -t "
          "'CT,C,C' -k rsa -g 2048 -Z SHA256 -v 24 --keyUsage digitalSignature,nonRepudiation "
          "-z '" +
          in_dir("noise.bin") + "'");
  ASSERT_EQ(r.status, 0) << r.out;
  const std::string signed_path = in_dir("signed-pdfsig.pdf");
  r = run("pdfsig -nssdir sql:'" + nss + "' -nick lkjiptest -sign ttd_camat -reason Disetujui '" +
          path() + "' '" + signed_path + "'");
  ASSERT_EQ(r.status, 0) << r.out;
  r = run("pdfsig -nssdir sql:'" + nss + "' '" + signed_path + "'");
  EXPECT_NE(r.out.find("Signature Validation: Signature is Valid."), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Total document signed"), std::string::npos) << r.out;
  EXPECT_TRUE(file_carries_signature(signed_path));
  EXPECT_FALSE(file_carries_signature(path()));
  // Incremental update: our bytes are untouched at the front of the signed file.
  EXPECT_EQ(read_file(signed_path).substr(0, bytes().size()), bytes());
  const auto check = run("qpdf --check '" + signed_path + "'");
  EXPECT_EQ(check.status, 0) << check.out;
}

TEST_F(PdfWriterTest, PodofosignUsesTheExistingFieldAndVerifies) {
  LKJIP_REQUIRE_TOOL("openssl");
  LKJIP_REQUIRE_TOOL("podofosign");
  LKJIP_REQUIRE_TOOL("pdfsig");
  const std::string key = in_dir("key.pem"), cert = in_dir("cert.pem");
  auto r = run("openssl req -x509 -newkey rsa:2048 -nodes -keyout '" + key + "' -out '" + cert +
               "' -days 30 -subj '/CN=Camat Uji/O=lkjip/C=ID'");
  ASSERT_EQ(r.status, 0) << r.out;
  const std::string signed_path = in_dir("signed-podofo.pdf");
  r = run("podofosign -in '" + path() + "' -out '" + signed_path + "' -cert '" + cert +
          "' -pkey '" + key + "' -digest SHA256 -field-name ttd_camat -field-use-existing");
  ASSERT_EQ(r.status, 0) << r.out;
  r = run("pdfsig '" + signed_path + "'");
  EXPECT_NE(r.out.find("Signature Field Name: ttd_camat"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Signature Validation: Signature is Valid."), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Total document signed"), std::string::npos) << r.out;
  EXPECT_TRUE(file_carries_signature(signed_path));
}

TEST(FileCarriesSignature, MissingAndNonPdfFilesAreNotSigned) {
  EXPECT_FALSE(file_carries_signature("/nonexistent/lkjip/never.pdf"));
  const auto p = fs::temp_directory_path() / ("lkjip-notpdf-" + std::to_string(::getpid()));
  write_file(p, "hello");
  EXPECT_FALSE(file_carries_signature(p.string()));
  write_file(p, "garbage /ByteRange [0 1 2 3] /Contents <00>");
  EXPECT_TRUE(file_carries_signature(p.string())) << "unparsable files err on the safe side";
  fs::remove(p);
}

/// A PDF of one page and one signature field, whose value (/V) is a signature dictionary when
/// `signed_field`, with `gap` bytes of a stream left as a hole (a sparse file when large) before
/// the cross-reference table, so only the structure can be read cheaply.
void write_form_pdf(const fs::path& p, bool signed_field, uint64_t gap) {
  std::vector<std::string> objects = {
      "<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [4 0 R] >> >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 100 100] /Annots [4 0 R] >>",
      std::string("<< /FT /Sig /T (ttd) /Type /Annot /Subtype /Widget /Rect [0 0 10 10]") +
          (signed_field ? " /V 5 0 R" : "") + " >>",
      "<< /Type /Sig /ByteRange [0 10 20 30] /Contents <0000> >>",
  };
  std::string head = "%PDF-1.7\n";
  std::vector<uint64_t> offsets;
  for (size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(head.size());
    head += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  offsets.push_back(head.size());
  head += std::to_string(objects.size() + 1) + " 0 obj\n<< /Length " + std::to_string(gap) +
          " >>\nstream\n";
  const uint64_t tail_at = head.size() + gap;
  std::string tail = "\nendstream\nendobj\n";
  const uint64_t xref = tail_at + tail.size();
  tail += "xref\n0 " + std::to_string(offsets.size() + 1) + "\n0000000000 65535 f \n";
  for (uint64_t o : offsets) {
    char entry[32];
    std::snprintf(entry, sizeof entry, "%010llu 00000 n \n", static_cast<unsigned long long>(o));
    tail += entry;
  }
  tail += "trailer\n<< /Size " + std::to_string(offsets.size() + 1) +
          " /Root 1 0 R >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out << head;
  out.seekp(static_cast<std::streamoff>(tail_at));  // the hole stays sparse
  out << tail;
}

TEST(FileCarriesSignature, SignedFieldIsFoundFromTheStructureOfAHugeFile) {
  const auto p = fs::temp_directory_path() / ("lkjip-sparse-" + std::to_string(::getpid()));
  const uint64_t two_gib = uint64_t{2} << 30;
  write_form_pdf(p, true, 100);
  EXPECT_TRUE(file_carries_signature(p.string()));
  write_form_pdf(p, false, 100);
  EXPECT_FALSE(file_carries_signature(p.string())) << "a /Sig object no field holds signs nothing";
  // The stream is never loaded: a 2 GiB file is judged from its xref table and five objects.
  write_form_pdf(p, true, two_gib);
  EXPECT_TRUE(file_carries_signature(p.string()));
  write_form_pdf(p, false, two_gib);
  EXPECT_FALSE(file_carries_signature(p.string()));
  // A signed file followed by 2 GiB of nothing: no startxref at its end, judged from its ends
  // (PoDoFo's backward search for startxref took 21 minutes).
  write_form_pdf(p, true, 100);
  fs::resize_file(p, two_gib);
  EXPECT_TRUE(file_carries_signature(p.string()));
  fs::remove(p);
}

TEST(FileCarriesSignature, UnparsableFileIsSearchedAtItsEndsOnly) {
  const auto p = fs::temp_directory_path() / ("lkjip-ends-" + std::to_string(::getpid()));
  const std::string sig = "/ByteRange [0 1 2 3] /Contents <00>";
  const auto write_at = [&](uint64_t at, uint64_t size) {
    fs::remove(p);
    std::ofstream out(p, std::ios::binary);
    out.seekp(static_cast<std::streamoff>(at));
    out << sig;
    out.close();
    fs::resize_file(p, size);
  };
  const uint64_t size = uint64_t{64} << 20, window = uint64_t{4} << 20;
  write_at(window - 100, size);
  EXPECT_TRUE(file_carries_signature(p.string())) << "inside the first 4 MiB";
  write_at(size - window + 100, size);
  EXPECT_TRUE(file_carries_signature(p.string())) << "inside the last 4 MiB";
  write_at(size / 2, size);
  EXPECT_FALSE(file_carries_signature(p.string()))
      << "the middle of an unparsable file is not read";
  fs::remove(p);
}

// ---- error channel --------------------------------------------------------------------------

frame::PagedDocument one_page() {
  frame::PagedDocument doc;
  frame::Page p;
  p.size = {Pt(kA4W), Pt(kA4H)};
  p.content.add(shape(*fonts().serif, 11, 72, 72, "Halo"));
  doc.pages.push_back(p);
  return doc;
}

std::string all_messages(const DiagnosticSink& sink) {
  std::string s;
  for (const auto& d : sink.all()) s += format_diagnostic(d) + "\n";
  return s;
}

/// The internal error writing `doc` raises (frames that break the layout's contract are a bug,
/// not a user error); empty when none is raised. Nothing may reach the user's sink.
std::string breach_of(const frame::PagedDocument& doc) {
  DiagnosticSink sink;
  try {
    write_pdf(doc, PdfOptions{}, sink);
  } catch (const InternalError& e) {
    EXPECT_EQ(sink.error_count(), 0u) << all_messages(sink);
    return e.what();
  }
  return "";
}

TEST(PdfWriterErrors, BadImagesBecomeDiagnosticsAndNoOutput) {
  frame::PagedDocument doc = one_page();
  auto bad_png = png_image();
  bad_png->bytes.resize(60);  // truncated inside IDAT
  bad_png->source_path = "gambar/rusak.png";
  bad_png->loc = {"r.toml", 12, 8};  // the description line naming it
  auto not_jpeg = jpeg_image();
  not_jpeg->bytes = {'G', 'I', 'F', '8', '9', 'a'};
  not_jpeg->source_path = "gambar/bukan.jpg";
  doc.pages[0].content.add(frame::Image{{Pt(0), Pt(0), Pt(10), Pt(10)}, bad_png});
  doc.pages[0].content.add(frame::Image{{Pt(0), Pt(0), Pt(10), Pt(10)}, not_jpeg});
  DiagnosticSink sink;
  ::testing::internal::CaptureStderr();
  EXPECT_FALSE(write_pdf(doc, PdfOptions{}, sink).has_value());
  const std::string raw = ::testing::internal::GetCapturedStderr();
  EXPECT_EQ(raw, "") << "libpng/libjpeg printed their own lines";
  const std::string msgs = all_messages(sink);
  EXPECT_EQ(sink.error_count(), 2u) << msgs;
  EXPECT_NE(msgs.find("r.toml:12:8: error: cannot use image 'gambar/rusak.png': its PNG image "
                      "data is damaged"),
            std::string::npos)
      << msgs;
  EXPECT_EQ(msgs.find("ePdfError"), std::string::npos) << msgs;
  EXPECT_NE(msgs.find("gambar/bukan.jpg: error: cannot use image 'gambar/bukan.jpg': not a JPEG"),
            std::string::npos)
      << msgs;
}

TEST(PdfWriterErrors, DanglingLinksOutlinesAndBadGlyphsAreInternalErrors) {
  frame::PagedDocument doc = one_page();
  doc.pages[0].content.add(frame::Link{{Pt(0), Pt(0), Pt(10), Pt(10)}, "tidak-ada"});
  doc.outline = {{"Hilang", 0, "juga-tidak-ada"}};
  frame::GlyphRun bad = shape(*fonts().serif, 11, 72, 90, "X");
  bad.glyphs[0].gid = 60000;
  doc.pages[0].content.add(bad);
  frame::GlyphRun no_font = bad;
  no_font.font = nullptr;
  doc.pages[0].content.add(no_font);
  const std::string msgs = breach_of(doc);
  EXPECT_EQ(msgs.rfind("internal error: the PDF writer was given broken frames: ", 0), 0u) << msgs;
  EXPECT_NE(msgs.find("link to unknown anchor 'tidak-ada'"), std::string::npos) << msgs;
  EXPECT_NE(msgs.find("points to unknown anchor 'juga-tidak-ada'"), std::string::npos) << msgs;
  EXPECT_NE(msgs.find("glyph id 60000 is not in the font"), std::string::npos) << msgs;
  EXPECT_NE(msgs.find("glyph run without a font"), std::string::npos) << msgs;
}

TEST(PdfWriterErrors, MissingIccProfileIsAnErrorOnlyForPdfA) {
  PdfOptions opt;
  opt.icc_profile = "/nonexistent/sRGB.icc";
  DiagnosticSink sink;
  EXPECT_FALSE(write_pdf(one_page(), opt, sink).has_value());
  EXPECT_NE(all_messages(sink).find("/nonexistent/sRGB.icc: error:"), std::string::npos);
  opt.pdfa = false;
  DiagnosticSink plain;
  const auto bytes = write_pdf(one_page(), opt, plain);
  ASSERT_TRUE(bytes.has_value()) << all_messages(plain);
  EXPECT_EQ(bytes->find("pdfaid"), std::string::npos);
  EXPECT_EQ(bytes->find("GTS_PDFA1"), std::string::npos);
}

TEST(PdfWriterErrors, BadPageLabelsAndOutlineLevelsAreInternalErrors) {
  frame::PagedDocument doc = one_page();
  doc.pages[0].content.add(frame::Anchor{"a", {Pt(0), Pt(0)}});
  doc.page_labels = {{1, frame::PageLabelRange::Style::decimal, 1, ""}};
  doc.outline = {{"Anak tanpa induk", 1, "a"}};
  const std::string msgs = breach_of(doc);
  EXPECT_NE(msgs.find("page label ranges must start at page 0"), std::string::npos) << msgs;
  EXPECT_NE(msgs.find("outline entry 'Anak tanpa induk' has level 1"), std::string::npos) << msgs;
}

// ---- view rotation ---------------------------------------------------------------------------

/// A portrait page and a landscape one: its body turned a quarter counter-clockwise on the sheet
/// (as the paginator sets landscape tables) and the page marked for viewing turned back.
frame::PagedDocument portrait_and_landscape() {
  frame::PagedDocument doc = one_page();
  frame::Page p;
  p.size = {Pt(kA4W), Pt(kA4H)};
  auto body = std::make_shared<frame::Frame>();
  body->size = {Pt(600), Pt(300)};
  body->add(shape(*fonts().serif, 12, 10, 25, "Tabel Lanskap"));
  p.content.add(frame::Group{{Pt(72), Pt(770)}, 90, body});
  p.content.add(shape(*fonts().serif, 11, 290, 810, "17"));  // the page number, for print
  p.view_rotation = 90;
  doc.pages.push_back(p);
  return doc;
}

TEST(PdfWriterViewRotation, LandscapePageCarriesRotateAndReadsUprightWhenViewed) {
  LKJIP_REQUIRE_TOOL("pdfinfo");
  LKJIP_REQUIRE_TOOL("pdftotext");
  DiagnosticSink sink;
  const auto bytes = write_pdf(portrait_and_landscape(), PdfOptions{}, sink);
  ASSERT_TRUE(bytes.has_value()) << all_messages(sink);
  const auto file = std::filesystem::temp_directory_path() /
                    ("lkjip-rotate-" + std::to_string(::getpid()) + ".pdf");
  write_file(file, *bytes);
  const std::string info = run("pdfinfo -f 1 -l 2 '" + file.string() + "'").out;
  EXPECT_TRUE(has_line(info, "Page    1 rot:   0")) << info;
  EXPECT_TRUE(has_line(info, "Page    2 rot:   90")) << info;
  EXPECT_TRUE(has_line(info, "Page    2 size:  595.276 x 841.89 pts (A4)")) << info;
  // pdftotext reports words as the viewer shows the page: the turned body reads left to right.
  const auto r = run("pdftotext -bbox -f 2 -l 2 '" + file.string() + "' -");
  const std::regex re(R"re(<word xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" )re"
                      R"re(yMax="([0-9.]+)">Lanskap</word>)re");
  std::smatch m;
  ASSERT_TRUE(std::regex_search(r.out, m, re)) << r.out;
  EXPECT_GT(std::stod(m[3]) - std::stod(m[1]), std::stod(m[4]) - std::stod(m[2]))
      << "upright when viewed: wider than tall";
  std::filesystem::remove(file);
}

TEST(PdfWriterViewRotation, RotationOffAQuarterTurnIsAnInternalError) {
  frame::PagedDocument doc = one_page();
  doc.pages[0].view_rotation = 45;
  const std::string msg = breach_of(doc);
  EXPECT_NE(msg.find("page view rotation 45 is not a multiple of 90"), std::string::npos) << msg;
  EXPECT_EQ(breach_of(frame::PagedDocument{}),
            "internal error: the PDF writer was given a document without pages");
}

// ---- many pages ---------------------------------------------------------------------------
// Speed is lkjip-bench's business; this checks that fifty full pages come out whole.

TEST(PdfWriterManyPages, FiftyTextPagesAreAllWrittenWithTheirText) {
  LKJIP_REQUIRE_TOOL("pdfinfo");
  const frame::GlyphRun line = shape(*fonts().serif, 10, 72, 0,
                                     "Akuntabilitas kinerja instansi pemerintah diukur dengan "
                                     "indikator kinerja utama yang telah ditetapkan.");
  frame::PagedDocument doc;
  for (int p = 0; p < 50; ++p) {
    frame::Page page;
    page.size = {Pt(kA4W), Pt(kA4H)};
    for (int l = 0; l < 55; ++l) {
      frame::GlyphRun r = line;
      r.origin.y = Pt(72 + l * 12.5);
      page.content.add(r);
    }
    for (int c = 0; c <= 6; ++c)
      page.content.add(frame::Line{{Pt(72 + c * 70), Pt(72)}, {Pt(72 + c * 70), Pt(770)}});
    doc.pages.push_back(page);
  }
  DiagnosticSink sink;
  const auto bytes = write_pdf(doc, PdfOptions{}, sink);
  ASSERT_TRUE(bytes.has_value()) << all_messages(sink);
  const auto file = std::filesystem::temp_directory_path() / "lkjip-fifty-pages.pdf";
  write_file(file, *bytes);
  EXPECT_NE(run("pdfinfo '" + file.string() + "'").out.find("Pages:           50"),
            std::string::npos);
  const std::string last = run("pdftotext -f 50 -l 50 '" + file.string() + "' -").out;
  size_t count = 0;
  for (size_t at = last.find("ditetapkan."); at != std::string::npos;
       at = last.find("ditetapkan.", at + 1))
    ++count;
  EXPECT_EQ(count, 55u);
  std::filesystem::remove(file);
}

}  // namespace
}  // namespace lkjip::pdf::test
