// doc::build on a hand-built report: numbering, cross-references, generated tables,
// signatures and located errors.
#include "doc/build.h"

#include <gtest/gtest.h>

#include "sample_report.h"

namespace lkjip::doc {
namespace {

const report::LayoutStyle kStyle;  // the lkjip layout's defaults

using testing::narrative;
using testing::Sample;
using testing::sample_report;

report::Report with_chapters() {
  report::Report r = sample_report();
  r.foreword = narrative("Syukur Alhamdulillah, laporan {report.year} selesai.", 50);
  r.chapters = {
      {"pendahuluan",
       "PENDAHULUAN",
       narrative("Pengukuran ada pada {ref:measurement}.\n\n# Kondisi Umum\n\n@table penduduk\n\n"
                 "@figure struktur",
                 100),
       {}},
      {"perencanaan",
       "PERENCANAAN KINERJA",
       narrative("# Perjanjian Kinerja\n\n@table pk\n\n@signature bupati camat", 200),
       {}},
      {"akuntabilitas",
       "AKUNTABILITAS KINERJA",
       narrative("@table measurement\n@chart grafik\n@table sasaran_summary", 300),
       {}},
  };
  return r;
}

std::string text_of(const Blocks& blocks) {
  std::string s;
  for (const Block& b : blocks)
    if (const auto* p = std::get_if<Paragraph>(&b.v))
      for (const Inline& i : p->content) s += i.text;
  return s;
}

template <class T>
std::vector<const T*> all_of(const Blocks& blocks) {
  std::vector<const T*> out;
  for (const Block& b : blocks)
    if (const auto* x = std::get_if<T>(&b.v)) out.push_back(x);
  return out;
}

struct Built {
  Sample sample;
  DiagnosticSink sink;
  std::optional<Document> doc;
  explicit Built(report::Report r) : sample(std::move(r)) {
    doc = build(sample.report, sample.computed, kStyle, sink);
  }
  const Table& table(size_t chapter, size_t index) const {
    return *all_of<Table>(doc->body.at(chapter).blocks).at(index);
  }
};

TEST(Build, FrontMatterAndChapters) {
  Built b(with_chapters());
  ASSERT_TRUE(b.doc) << format_diagnostic(b.sink.all().at(0));
  EXPECT_EQ(b.sink.all().size(), 0u);
  const Document& d = *b.doc;
  ASSERT_EQ(d.front.size(), 4u);
  EXPECT_EQ(d.front[0].title, "KATA PENGANTAR");
  EXPECT_EQ(d.front[1].title, "DAFTAR ISI");
  EXPECT_EQ(d.front[2].title, "DAFTAR TABEL");
  EXPECT_EQ(d.front[3].title, "DAFTAR GAMBAR");
  EXPECT_EQ(text_of(d.front[0].blocks), "Syukur Alhamdulillah, laporan 2024 selesai.");
  ASSERT_EQ(d.body.size(), 3u);
  EXPECT_EQ(d.body[2].label, "BAB III");
  EXPECT_EQ(d.body[2].anchor, "bab3");
  EXPECT_EQ(d.cover.unit, "KECAMATAN MEGALUH");
  EXPECT_EQ(d.cover.year_line, "TAHUN 2024");
  EXPECT_EQ(d.info.title, "LKjIP Kecamatan Megaluh Tahun 2024");
  EXPECT_EQ(d.info.epoch, 1735862400);  // 2025-01-03T00:00:00Z
  EXPECT_EQ(d.running_header, "LKjIP Kecamatan Megaluh Tahun 2024");
}

TEST(Build, ListsOfTablesAndFiguresAreOmittedWhenEmpty) {
  report::Report r = sample_report();
  r.chapters = {{"a", "PENUTUP", narrative("Teks.", 10), {}}};
  Built b(std::move(r));
  ASSERT_TRUE(b.doc);
  ASSERT_EQ(b.doc->front.size(), 1u);
  EXPECT_EQ(b.doc->front[0].title, "DAFTAR ISI");
}

TEST(Build, CaptionsAreNumberedPerChapterAndReferencesMayPointForward) {
  Built b(with_chapters());
  ASSERT_TRUE(b.doc);
  const auto& body = b.doc->body;
  EXPECT_EQ(b.table(0, 0).label, "Tabel 1.1");
  EXPECT_EQ(b.table(0, 0).anchor, "tabel-penduduk");
  EXPECT_EQ(all_of<Figure>(body[0].blocks).at(0)->label, "Gambar 1.1");
  EXPECT_EQ(b.table(1, 0).label, "Tabel 2.1");
  EXPECT_EQ(b.table(2, 0).label, "Tabel 3.1");
  EXPECT_EQ(all_of<Figure>(body[2].blocks).at(0)->label, "Gambar 3.1");
  EXPECT_EQ(b.table(2, 1).label, "Tabel 3.2");
  const Inlines& first = std::get<Paragraph>(body[0].blocks.at(0).v).content;
  ASSERT_EQ(first.size(), 3u);
  EXPECT_EQ(first[1].text, "Tabel 3.1");
  EXPECT_EQ(first[1].link, "tabel-measurement");
}

std::string cell_text(const Cell& c) { return text_of(c.blocks); }

TEST(Build, MeasurementTablePrintsComputedCapaianWithTheCap) {
  Built b(with_chapters());
  ASSERT_TRUE(b.doc);
  const Table& t = b.table(2, 0);
  const compute::IkuResult& ikm = b.sample.computed.iku.at(1);
  ASSERT_FALSE(ikm.capaian.exact == ikm.capaian_capped.exact);  // 97,49 / 82 is over the cap
  // Body rows: s1 (akip), s2 (ikm, ipp), total. The s2 group's first row carries No + sasaran.
  ASSERT_EQ(t.body.size(), 4u);
  const Row& ikm_row = t.body[1];
  ASSERT_EQ(ikm_row.cells.size(), 7u);
  EXPECT_EQ(cell_text(ikm_row.cells[1]), "Meningkatnya kualitas layanan Kecamatan");
  EXPECT_EQ(ikm_row.cells[1].rowspan, 2);
  EXPECT_EQ(ikm_row.cells[0].rowspan, 2);
  EXPECT_EQ(cell_text(ikm_row.cells[5]), ikm.capaian.text + "*");
  EXPECT_EQ(t.source, "* Dihitung " + ikm.capaian_capped.text + " dalam rata-rata dan predikat.");
  EXPECT_EQ(cell_text(ikm_row.cells[6]), ikm.predikat.text);
  EXPECT_EQ(t.body[2].cells.size(), 5u);  // ipp: spanned cells omitted
  const Row& total = t.body.back();
  EXPECT_EQ(total.kind, Row::Kind::total);
  EXPECT_EQ(cell_text(total.cells[0]), b.sample.computed.overall.average_name);
  EXPECT_EQ(total.cells[0].colspan, 5);
  EXPECT_EQ(cell_text(total.cells[1]), b.sample.computed.overall.rata_rata.text);
  // Header, then the column-number row 1..7.
  ASSERT_EQ(t.header.size(), 2u);
  EXPECT_EQ(t.header[1].kind, Row::Kind::number_row);
  EXPECT_EQ(cell_text(t.header[1].cells.back()), "7");
}

TEST(Build, PerjanjianKinerjaHasProgramsAndATotal) {
  Built b(with_chapters());
  ASSERT_TRUE(b.doc);
  const Table& t = b.table(1, 0);
  const Row& total = t.body.back();
  EXPECT_EQ(total.kind, Row::Kind::total);
  EXPECT_EQ(cell_text(total.cells.back()), b.sample.computed.budget.figures.anggaran.text);
  // Only pk indicators appear: one per program here.
  int program_rows = 0;
  for (const Row& r : t.body)
    if (!r.cells.empty() &&
        cell_text(r.cells.back()) == b.sample.computed.activities.at(0).budget.anggaran.text)
      ++program_rows;
  EXPECT_EQ(program_rows, 1);
}

TEST(Build, FreeTableWithMarkupCellsAndComputedTotal) {
  Built b(with_chapters());
  ASSERT_TRUE(b.doc);
  const Table& t = b.table(0, 0);
  std::string caption;
  for (const Inline& i : t.caption) caption += i.text;
  EXPECT_EQ(caption, "Jumlah Penduduk per Desa Tahun 2024");
  EXPECT_EQ(t.source, "Sumber: Seksi Tata Pemerintahan");
  const Paragraph& desa = std::get<Paragraph>(t.body.at(0).cells.at(1).blocks.at(0).v);
  ASSERT_EQ(desa.content.size(), 2u);
  EXPECT_TRUE(desa.content[1].bold);
  const Row& total = t.body.back();
  EXPECT_EQ(total.kind, Row::Kind::total);
  EXPECT_EQ(cell_text(total.cells[0]), "Jumlah");
  EXPECT_EQ(total.cells[0].colspan, 2);
  EXPECT_EQ(cell_text(total.cells[1]), b.sample.computed.tables.at(0).totals.at(2).text);
  EXPECT_EQ(total.cells[1].align, CellAlign::right);
}

TEST(Build, SignatureBlocksFollowTataNaskahDinas) {
  Built b(with_chapters());
  ASSERT_TRUE(b.doc);
  const Signature& foreword = *all_of<Signature>(b.doc->front[0].blocks).at(0);
  EXPECT_EQ(foreword.place_date, "Jombang, 3 Januari 2025");
  ASSERT_EQ(foreword.parties.size(), 1u);
  const SignatureParty& camat = foreword.parties[0];
  EXPECT_EQ(camat.jabatan_lines,
            (std::vector<std::string>{"Plt. CAMAT MEGALUH", "SEKRETARIS CAMAT,"}));
  EXPECT_EQ(camat.pangkat_line, "Pembina (IV/a)");
  EXPECT_EQ(camat.nip_line, "NIP. 19791024 200501 1 007");
  EXPECT_EQ(camat.field, "ttd_camat");
  const Signature& pk = *all_of<Signature>(b.doc->body[1].blocks).at(0);
  ASSERT_EQ(pk.parties.size(), 2u);
  EXPECT_EQ(pk.parties[0].jabatan_lines, (std::vector<std::string>{"BUPATI JOMBANG,"}));
  EXPECT_EQ(pk.parties[0].nip_line, "");  // a Kepala Daerah signs without NIP (Pasal 44)
  EXPECT_EQ(pk.parties[1].party, "Pihak Pertama");
}

TEST(Build, ChartOfTargetAndRealisasiIsRelativeToTarget) {
  Built b(with_chapters());
  ASSERT_TRUE(b.doc);
  const Figure& f = *all_of<Figure>(b.doc->body[2].blocks).at(0);
  ASSERT_EQ(f.kind, Figure::Kind::chart);
  ASSERT_EQ(f.chart.series.size(), 2u);
  ASSERT_EQ(f.chart.categories.size(), 3u);
  EXPECT_EQ(f.chart.series[0].values[0], 100);
  EXPECT_EQ(f.chart.series[0].labels[0], b.sample.computed.iku[0].target.text);
  EXPECT_EQ(f.chart.series[1].values[1], b.sample.computed.iku[1].capaian.number);
  EXPECT_EQ(f.chart.series[1].labels[1], b.sample.computed.iku[1].realisasi.text);
}

std::vector<std::string> messages(const DiagnosticSink& sink) {
  std::vector<std::string> out;
  for (const auto& d : sink.all()) out.push_back(format_diagnostic(d));
  return out;
}

TEST(Build, UnknownIdsInBlockLinesAreLocatedErrors) {
  report::Report r = sample_report();
  r.chapters = {
      {"a",
       "PENUTUP",
       narrative("@table measurment\n@figure peta\n@signature camat sekda\n@chart grafik", 20),
       {}}};
  Built b(std::move(r));
  EXPECT_FALSE(b.doc);
  auto m = messages(b.sink);
  ASSERT_EQ(m.size(), 3u);
  EXPECT_TRUE(
      m[0].starts_with("sample.toml:20:8: error: unknown table 'measurment'\n"
                       "  hint: did you mean 'measurement'?"))
      << m[0];
  EXPECT_TRUE(m[1].starts_with("sample.toml:21:9: error: unknown figure 'peta'")) << m[1];
  EXPECT_TRUE(m[2].starts_with("sample.toml:22:18: error: unknown signatory 'sekda'")) << m[2];
}

TEST(Build, TablesOutsideAChapterAreErrors) {
  report::Report r = sample_report();
  r.foreword = narrative("@table scale", 5);
  r.chapters = {{"a", "PENUTUP", narrative("@table scale", 20), {}}};
  Built b(std::move(r));
  EXPECT_FALSE(b.doc);
  auto m = messages(b.sink);
  ASSERT_EQ(m.size(), 1u);
  EXPECT_TRUE(
      m[0].starts_with("sample.toml:5:1: error: tables and figures are numbered per chapter"))
      << m[0];
}

TEST(Build, ATablePlacedAgainGetsItsOwnNumberAndAnchor) {
  report::Report r = sample_report();
  r.chapters = {{"a", "AKUNTABILITAS KINERJA", narrative("@table scale\n\n{ref:scale}", 20), {}},
                {"b", "PENUTUP", narrative("@table penduduk\n\n@table scale", 30), {}}};
  Built b(std::move(r));
  ASSERT_TRUE(b.doc) << ::testing::PrintToString(messages(b.sink));
  EXPECT_EQ(b.table(0, 0).label, "Tabel 1.1");
  EXPECT_EQ(b.table(0, 0).anchor, "tabel-scale");
  EXPECT_EQ(b.table(1, 1).label, "Tabel 2.2");
  EXPECT_EQ(b.table(1, 1).anchor, "tabel-scale-2");
  // {ref:scale} names the first placement.
  EXPECT_EQ(text_of(b.doc->body.at(0).blocks), "Tabel 1.1");
}

TEST(Build, GeneratedCaptionsCanBeOverridden) {
  report::Report r = sample_report();
  r.captions["scale"] = "Predikat Capaian *Kinerja* {report.year}";
  r.chapters = {{"a", "PENUTUP", narrative("@table scale", 20), {}}};
  Built b(std::move(r));
  ASSERT_TRUE(b.doc);
  const Table& t = b.table(0, 0);
  ASSERT_EQ(t.caption.size(), 3u);
  EXPECT_TRUE(t.caption[1].italic);
  EXPECT_EQ(t.caption[2].text, " 2024");
  // The predicate scale as band text.
  EXPECT_EQ(cell_text(t.body.at(0).cells.at(1)), "> 90%");
  EXPECT_EQ(cell_text(t.body.at(1).cells.at(1)), "> 75% s/d 90%");
  EXPECT_EQ(cell_text(t.body.back().cells.at(1)), "\u2264 50%");
}

TEST(Build, RencanaKinerjaShowsEachIndicatorsFormulaBeforeItsTarget) {
  report::Report r = sample_report();
  r.programs.at(0).children.at(0).children.at(0).indicators.at(0).formula =
      "Jumlah dokumen perencanaan PD yang tersusun tahun n";
  r.chapters = {{"a", "PERENCANAAN KINERJA", narrative("@table renja", 20), {}}};
  Built b(std::move(r));
  ASSERT_TRUE(b.doc);
  const Table& t = b.table(0, 0);
  ASSERT_EQ(t.columns.size(), 5u);
  EXPECT_EQ(cell_text(t.header.at(0).cells.at(3)), "Formula");
  // Rows in tree order: p1, its kegiatan, its sub-kegiatan, p2.
  ASSERT_EQ(t.body.size(), 4u);
  const Row& sub = t.body.at(2);
  EXPECT_EQ(cell_text(sub.cells.at(2)), "Jumlah dokumen perencanaan");
  EXPECT_EQ(cell_text(sub.cells.at(3)), "Jumlah dokumen perencanaan PD yang tersusun tahun n");
  EXPECT_EQ(cell_text(sub.cells.at(4)), "3 dokumen");
  EXPECT_EQ(sub.cells.at(4).align, CellAlign::decimal);
}

}  // namespace
}  // namespace lkjip::doc
