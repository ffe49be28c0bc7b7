// Image validation (PNG/JPEG by content, truncation, size limit) and organisation charts.
#include "doc/figures.h"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>

#include "sample_report.h"

namespace lkjip::doc {
namespace {

using Bytes = std::vector<unsigned char>;

uint32_t crc(const Bytes& b, size_t from, size_t to) {
  uint32_t c = 0xFFFFFFFFu;
  for (size_t i = from; i < to; ++i) {
    c ^= b[i];
    for (int k = 0; k < 8; ++k) c = c & 1 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
  }
  return c ^ 0xFFFFFFFFu;
}

void put32(Bytes& b, uint32_t v) {
  for (int s = 24; s >= 0; s -= 8) b.push_back(static_cast<unsigned char>(v >> s));
}

void chunk(Bytes& png, const char* type, const Bytes& data) {
  put32(png, static_cast<uint32_t>(data.size()));
  size_t start = png.size();
  png.insert(png.end(), type, type + 4);
  png.insert(png.end(), data.begin(), data.end());
  put32(png, crc(png, start, png.size()));
}

/// A structurally valid PNG of the given size (the IDAT holds a stored-deflate stub; only
/// the structure matters to doc/).
Bytes png(uint32_t width, uint32_t height) {
  Bytes b{0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
  Bytes ihdr;
  put32(ihdr, width);
  put32(ihdr, height);
  ihdr.insert(ihdr.end(), {8, 0, 0, 0, 0});
  chunk(b, "IHDR", ihdr);
  chunk(b, "IDAT", {0x78, 0x9C, 0x63, 0x00, 0x00, 0x00, 0x02, 0x00, 0x01});
  chunk(b, "IEND", {});
  return b;
}

Bytes jpeg(uint16_t width, uint16_t height) {
  Bytes b{0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x04, 'J', 'F'};
  b.insert(b.end(), {0xFF, 0xC0, 0x00, 0x0B, 8, static_cast<unsigned char>(height >> 8),
                     static_cast<unsigned char>(height), static_cast<unsigned char>(width >> 8),
                     static_cast<unsigned char>(width), 1, 1, 0x11, 0});
  b.insert(b.end(), {0xFF, 0xDA, 0x00, 0x08, 1, 1, 0, 0, 0x3F, 0, 0x12, 0x34, 0xFF, 0xD9});
  return b;
}

std::string write(const std::string& name, const Bytes& b) {
  std::string path = ::testing::TempDir() + "/lkjip_doc_" + name;
  std::ofstream(path, std::ios::binary)
      .write(reinterpret_cast<const char*>(b.data()), static_cast<std::streamsize>(b.size()));
  return path;
}

const SourceLoc kLoc{"r.toml", 7, 1};

TEST(Images, PngSizeIsReadFromTheHeader) {
  DiagnosticSink sink;
  auto img = read_image(write("ok.png", png(640, 480)), kLoc, sink);
  ASSERT_TRUE(img);
  EXPECT_EQ(img->kind, frame::ImageData::Kind::png);
  EXPECT_EQ(img->width_px, 640);
  EXPECT_EQ(img->height_px, 480);
  EXPECT_TRUE(sink.all().empty());
}

TEST(Images, JpegSizeIsReadFromTheFrameHeader) {
  DiagnosticSink sink;
  auto img = read_image(write("ok.jpeg", jpeg(300, 200)), kLoc, sink);
  ASSERT_TRUE(img);
  EXPECT_EQ(img->kind, frame::ImageData::Kind::jpeg);
  EXPECT_EQ(img->width_px, 300);
  EXPECT_EQ(img->height_px, 200);
}

TEST(Images, TruncatedFilesAreLocatedErrors) {
  Bytes p = png(10, 10);
  p.resize(p.size() - 12);  // drop IEND
  Bytes j = jpeg(10, 10);
  j.resize(j.size() - 2);  // drop EOI
  for (const auto& [name, bytes] : {std::pair{"cut.png", p}, std::pair{"cut.jpg", j}}) {
    DiagnosticSink sink;
    EXPECT_FALSE(read_image(write(name, bytes), kLoc, sink));
    ASSERT_EQ(sink.error_count(), 1u);
    EXPECT_EQ(sink.all()[0].loc.line, 7);
    EXPECT_NE(sink.all()[0].message.find("truncated"), std::string::npos) << sink.all()[0].message;
  }
}

TEST(Images, CorruptChunkIsAnError) {
  Bytes p = png(10, 10);
  p[20] ^= 0x01;  // inside IHDR's height: the checksum no longer matches
  DiagnosticSink sink;
  EXPECT_FALSE(read_image(write("bad.png", p), kLoc, sink));
  ASSERT_EQ(sink.error_count(), 1u);
  EXPECT_NE(sink.all()[0].message.find("checksum"), std::string::npos);
}

TEST(Images, PngNamedJpgIsReadByContentWithAWarning) {
  DiagnosticSink sink;
  auto img = read_image(write("renamed.jpg", png(4, 4)), kLoc, sink);
  ASSERT_TRUE(img);
  EXPECT_EQ(img->kind, frame::ImageData::Kind::png);
  ASSERT_EQ(sink.warning_count(), 1u);
  EXPECT_EQ(sink.error_count(), 0u);
  EXPECT_NE(sink.all()[0].message.find("extension .jpg but is a PNG"), std::string::npos);
}

TEST(Images, MoreThanFiftyMegapixelsIsRefused) {
  DiagnosticSink sink;
  EXPECT_FALSE(read_image(write("huge.png", png(10000, 5001)), kLoc, sink));
  ASSERT_EQ(sink.error_count(), 1u);
  EXPECT_NE(sink.all()[0].message.find("megapixels"), std::string::npos);
  DiagnosticSink ok;
  EXPECT_TRUE(read_image(write("limit.png", png(10000, 5000)), kLoc, ok));
}

TEST(Images, AFileAboveTheByteLimitIsRefusedUnread) {
  // A PNG header followed by a 2 GiB hole: refused from its size, never read (it took 2.1 GB).
  const std::string path = write("sparse.png", png(4, 4));
  std::filesystem::resize_file(path, uint64_t{2} << 30);
  DiagnosticSink sink;
  EXPECT_FALSE(read_image(path, kLoc, sink));
  std::filesystem::remove(path);
  ASSERT_EQ(sink.error_count(), 1u);
  EXPECT_EQ(sink.all()[0].loc.line, 7);
  EXPECT_NE(sink.all()[0].message.find("more than the limit of 67108864 bytes"), std::string::npos)
      << sink.all()[0].message;
}

TEST(Images, OtherFormatsAndMissingFiles) {
  DiagnosticSink sink;
  EXPECT_FALSE(read_image(write("x.gif", {'G', 'I', 'F', '8', '9', 'a'}), kLoc, sink));
  EXPECT_FALSE(read_image(::testing::TempDir() + "/lkjip_doc_missing.png", kLoc, sink));
  EXPECT_EQ(sink.error_count(), 2u);
}

TEST(OrgChart, ParentsBecomeIndices) {
  auto nodes = org_nodes(testing::sample_report());
  ASSERT_EQ(nodes.size(), 3u);
  EXPECT_EQ(nodes[0].parent, -1);
  EXPECT_EQ(nodes[2].parent, 0);
  EXPECT_TRUE(nodes[2].staff);
  EXPECT_EQ(nodes[2].name, "KELOMPOK JABATAN FUNGSIONAL");
}

TEST(Charts, SerapanLeavesOutProgramsWithoutRealisasi) {
  testing::Sample s(testing::sample_report());
  report::Chart spec;
  spec.kind = report::Chart::Kind::serapan;
  DiagnosticSink sink;
  Chart c = make_chart(spec, s.computed, "Gambar 1", sink);
  EXPECT_TRUE(c.has_data());
  EXPECT_EQ(sink.warning_count(), 0u);
  ASSERT_EQ(c.categories.size(), 1u);  // p2 has no realisasi_anggaran
  EXPECT_EQ(c.categories[0], s.report.programs[0].name);
  EXPECT_NE(c.note.find(s.report.programs[1].name), std::string::npos);
}

TEST(Charts, TrendHasOneLinePerIkuOverAllYears) {
  testing::Sample s(testing::sample_report());
  report::Chart spec;
  spec.kind = report::Chart::Kind::trend;
  spec.iku = {"ikm", "akip"};
  DiagnosticSink sink;
  Chart c = make_chart(spec, s.computed, "Gambar 1", sink);
  EXPECT_EQ(c.categories, (std::vector<std::string>{"2022", "2023", "2024"}));
  ASSERT_EQ(c.series.size(), 2u);
  EXPECT_EQ(c.series[0].name, "IKM Kecamatan Megaluh");
  EXPECT_TRUE(std::isnan(c.series[0].values[0]));  // no IKM figure for 2022
  EXPECT_EQ(c.series[1].labels[2], s.computed.iku[0].history.back().realisasi.text);
}

/// A chart none of whose values is known is not drawn: the note says why (naming what lacks
/// data) and a warning at the [[chart]] names the figure.
void expect_not_drawn(const report::Report& r, report::Chart::Kind kind,
                      const std::string& named) {
  testing::Sample s(r);
  report::Chart spec;
  spec.id = "grafik";
  spec.kind = kind;
  spec.loc = {"sample.toml", 42, 1};
  DiagnosticSink sink;
  Chart c = make_chart(spec, s.computed, "Gambar 3.1", sink);
  EXPECT_FALSE(c.has_data());
  EXPECT_EQ(c.note.rfind("Grafik tidak digambarkan", 0), 0u) << c.note;
  EXPECT_NE(c.note.find(named), std::string::npos) << c.note;
  ASSERT_EQ(sink.warning_count(), 1u);
  const Diagnostic d = sink.all().front();
  EXPECT_EQ(d.loc.line, 42);
  EXPECT_NE(d.message.find("Gambar 3.1"), std::string::npos) << d.message;
  EXPECT_NE(d.message.find("'grafik' is not drawn"), std::string::npos) << d.message;
}

TEST(Charts, WithoutAnyValueAreNotDrawn) {
  report::Report r = testing::sample_report();
  for (auto& k : r.iku) {
    k.realisasi.reset();
    k.no_data = "Survei tidak dilaksanakan";
  }
  expect_not_drawn(r, report::Chart::Kind::target_realisasi, r.iku[1].name);

  r = testing::sample_report();
  for (auto& k : r.iku) k.history.clear();
  r.iku[0].realisasi.reset();  // the report year is a point of the trend too
  r.iku[0].no_data = "LHE belum terbit";
  r.iku[1].realisasi.reset();
  r.iku[1].no_data = "LHE belum terbit";
  r.iku[2].realisasi.reset();
  r.iku[2].no_data = "LHE belum terbit";
  expect_not_drawn(r, report::Chart::Kind::trend, r.iku[2].name);

  r = testing::sample_report();
  r.programs[0].children[0].children[0].realisasi_anggaran.reset();
  expect_not_drawn(r, report::Chart::Kind::serapan, r.programs[0].name);
}

}  // namespace
}  // namespace lkjip::doc
