// Shared helpers for the pdf/ tests: fonts loaded from the Debian packages, HarfBuzz shaping
// straight into frame glyph runs (no text/ stage needed), command-line tool runs, and the
// sample four-page report every structural test inspects.
#pragma once

#include <gtest/gtest.h>
#include <hb.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include "frame/frame.h"
#include "pdf/pdf_writer.h"
#include "test_images.h"

namespace lkjip::pdf::test {

inline std::shared_ptr<FontFile> load_font(const std::string& path, const std::string& family,
                                           FontStyle style) {
  auto f = std::make_shared<FontFile>();
  f->path = path;
  f->family = family;
  f->style = style;
  std::ifstream in(path, std::ios::binary);
  f->bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return f;
}

struct Fonts {
  std::shared_ptr<FontFile> serif =
      load_font("/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf",
                "Liberation Serif", FontStyle::regular);
  std::shared_ptr<FontFile> serif_bold =
      load_font("/usr/share/fonts/truetype/liberation2/LiberationSerif-Bold.ttf",
                "Liberation Serif", FontStyle::bold);
  std::shared_ptr<FontFile> carlito = load_font(
      "/usr/share/fonts/truetype/crosextra/Carlito-Regular.ttf", "Carlito", FontStyle::regular);
  bool ok() const {
    return !serif->bytes.empty() && !serif_bold->bytes.empty() && !carlito->bytes.empty();
  }
};

/// The process-wide fonts: FontFile pointers must outlive every document that uses them.
inline const Fonts& fonts() {
  static const Fonts f;
  return f;
}

/// Shapes `text` as Indonesian with HarfBuzz (default features: kerning, Carlito's ligatures)
/// and fills cluster ranges the way text/ does: the first glyph of a cluster gets its bytes.
inline frame::GlyphRun shape(const FontFile& font, double size, double x, double y,
                             const std::string& text) {
  hb_blob_t* blob = hb_blob_create(reinterpret_cast<const char*>(font.bytes.data()),
                                   static_cast<unsigned>(font.bytes.size()),
                                   HB_MEMORY_MODE_READONLY, nullptr, nullptr);
  hb_face_t* face = hb_face_create(blob, 0);
  hb_font_t* hbf = hb_font_create(face);
  const unsigned upem = hb_face_get_upem(face);
  hb_font_set_scale(hbf, static_cast<int>(upem), static_cast<int>(upem));
  hb_buffer_t* buf = hb_buffer_create();
  hb_buffer_add_utf8(buf, text.data(), static_cast<int>(text.size()), 0, -1);
  hb_buffer_set_direction(buf, HB_DIRECTION_LTR);
  hb_buffer_set_script(buf, HB_SCRIPT_LATIN);
  hb_buffer_set_language(buf, hb_language_from_string("id", -1));
  hb_shape(hbf, buf, nullptr, 0);
  unsigned n = 0;
  const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buf, &n);
  const hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buf, &n);
  frame::GlyphRun run;
  run.font = &font;
  run.size = Pt(size);
  run.origin = {Pt(x), Pt(y)};
  run.text = text;
  const double k = size / upem;
  for (unsigned i = 0; i < n; ++i) {
    frame::Glyph g;
    g.gid = info[i].codepoint;
    g.advance = Pt(pos[i].x_advance * k);
    g.x_offset = Pt(pos[i].x_offset * k);
    g.y_offset = Pt(-pos[i].y_offset * k);  // frames are y-down
    if (i == 0 || info[i].cluster != info[i - 1].cluster) {
      uint32_t end = static_cast<uint32_t>(text.size());
      for (unsigned j = i + 1; j < n; ++j) {
        if (info[j].cluster != info[i].cluster) {
          end = info[j].cluster;
          break;
        }
      }
      g.cluster_begin = info[i].cluster;
      g.cluster_end = end;
    } else {
      g.cluster_begin = g.cluster_end = info[i].cluster;
    }
    run.glyphs.push_back(g);
  }
  hb_buffer_destroy(buf);
  hb_font_destroy(hbf);
  hb_face_destroy(face);
  hb_blob_destroy(blob);
  return run;
}

/// The nominal glyph of one code point (for hand-built runs).
inline uint32_t glyph_of(const FontFile& font, char32_t cp) {
  hb_blob_t* blob = hb_blob_create(reinterpret_cast<const char*>(font.bytes.data()),
                                   static_cast<unsigned>(font.bytes.size()),
                                   HB_MEMORY_MODE_READONLY, nullptr, nullptr);
  hb_face_t* face = hb_face_create(blob, 0);
  hb_font_t* hbf = hb_font_create(face);
  hb_codepoint_t gid = 0;
  hb_font_get_nominal_glyph(hbf, cp, &gid);
  hb_font_destroy(hbf);
  hb_face_destroy(face);
  hb_blob_destroy(blob);
  return gid;
}

struct ToolResult {
  int status = -1;
  std::string out;  // stdout and stderr together
};

/// Runs a shell command and captures its output; the exit status is the command's.
inline ToolResult run(const std::string& cmd) {
  ToolResult r;
  FILE* p = popen((cmd + " 2>&1").c_str(), "r");
  if (!p) return r;
  char buf[4096];
  size_t got = 0;
  while ((got = fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, got);
  const int st = pclose(p);
  r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  return r;
}

/// Fails the current test, loudly, when a required tool is not installed.
#define LKJIP_REQUIRE_TOOL(tool)                                   \
  ASSERT_EQ(::lkjip::pdf::test::run("command -v " tool).status, 0) \
      << "required tool '" tool                                    \
         "' is not installed (qpdf, poppler-utils, mupdf-tools, "  \
         "libnss3-tools, openssl, libpodofo-utils)"

inline std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

inline void write_file(const std::filesystem::path& p, const std::string& bytes) {
  std::ofstream out(p, std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

constexpr double kA4W = 595.276, kA4H = 841.89;

inline std::shared_ptr<frame::ImageData> png_image() {
  auto d = std::make_shared<frame::ImageData>();
  d->kind = frame::ImageData::Kind::png;
  d->bytes = testdata::kAlphaPng;
  d->width_px = d->height_px = 4;
  d->source_path = "alpha.png";
  return d;
}

inline std::shared_ptr<frame::ImageData> jpeg_image() {
  auto d = std::make_shared<frame::ImageData>();
  d->kind = frame::ImageData::Kind::jpeg;
  d->bytes = testdata::kTinyJpeg;
  d->width_px = d->height_px = 8;
  d->source_path = "tiny.jpg";
  return d;
}

/// Positions the sample document's justified line uses, so tests can check where words land.
struct JustifiedLine {
  static constexpr double x = 72, y = 300, size = 11, stretch = 6;  // extra points per space
};

/// Four A4 pages labelled i, ii, 1, 2: front matter with a link, a table grid with images and a
/// rotated group, body text with a justified line, glyph offsets and a non-BMP ToUnicode entry,
/// and a signature field `ttd_camat` on the last page. Outline two levels deep.
inline frame::PagedDocument sample_document() {
  const Fonts& f = fonts();
  frame::PagedDocument doc;
  doc.info.title = "Laporan Kinerja Instansi Pemerintah (LKjIP) Kecamatan Megaluh 2024";
  doc.info.author = "Kecamatan Megaluh";
  doc.info.subject = "LKjIP Tahun 2024";
  doc.info.keywords = "LKjIP, kinerja, akuntabilitas";
  doc.info.epoch = 1735689600;  // 2025-01-01T00:00:00Z

  auto page = [&] {
    frame::Page p;
    p.size = {Pt(kA4W), Pt(kA4H)};
    p.content.size = p.size;
    return p;
  };

  // Page i: foreword and a table-of-contents line that links to BAB I.
  frame::Page p1 = page();
  p1.content.add(frame::Anchor{"kata-pengantar", {Pt(72), Pt(72)}});
  p1.content.add(shape(*f.serif_bold, 16, 72, 100, "KATA PENGANTAR"));
  p1.content.add(shape(*f.serif, 11, 72, 130, "Laporan Kinerja Kecamatan Megaluh Tahun 2024."));
  p1.content.add(shape(*f.serif, 11, 72, 160, "BAB I PENDAHULUAN"));
  p1.content.add(frame::Link{{Pt(72), Pt(150), Pt(200), Pt(14)}, "bab1"});
  p1.content.add(shape(*f.carlito, 11, 72, 190, "Efisiensi dan afiliasi official"));
  doc.pages.push_back(p1);

  // Page ii: a 3x3 table with a filled header, two images, a chart path, a rotated group.
  frame::Page p2 = page();
  p2.content.add(frame::Anchor{"daftar-tabel", {Pt(72), Pt(72)}});
  p2.content.add(shape(*f.serif_bold, 14, 72, 100, "DAFTAR TABEL"));
  const double tx = 72, ty = 130, cw = 150, rh = 20;
  frame::Box header{{Pt(tx), Pt(ty), Pt(3 * cw), Pt(rh)}, Color::gray(0.85), std::nullopt};
  p2.content.add(header);
  for (int r = 0; r <= 3; ++r)
    p2.content.add(frame::Line{{Pt(tx), Pt(ty + r * rh)}, {Pt(tx + 3 * cw), Pt(ty + r * rh)}});
  for (int c = 0; c <= 3; ++c)
    p2.content.add(frame::Line{{Pt(tx + c * cw), Pt(ty)}, {Pt(tx + c * cw), Pt(ty + 3 * rh)}});
  const char* cells[3][3] = {{"Indikator", "Target", "Realisasi"},
                             {"Capaian kinerja", "90,00%", "87,48%"},
                             {"Anggaran", "Rp 3.456.000.000", "Rp 3.023.722.086"}};
  for (int r = 0; r < 3; ++r)
    for (int c = 0; c < 3; ++c)
      p2.content.add(shape(*f.carlito, 10, tx + c * cw + 4, ty + r * rh + 14, cells[r][c]));
  p2.content.add(frame::Image{{Pt(72), Pt(250), Pt(40), Pt(40)}, png_image()});
  p2.content.add(frame::Image{{Pt(130), Pt(250), Pt(40), Pt(40)}, jpeg_image()});
  frame::Path chart;
  chart.points = {{Pt(200), Pt(290)}, {Pt(240), Pt(260)}, {Pt(280), Pt(270)}, {Pt(320), Pt(250)}};
  chart.stroke = Color{0.1, 0.3, 0.7};
  chart.stroke_width = Pt(1);
  p2.content.add(chart);
  auto landscape = std::make_shared<frame::Frame>();
  landscape->size = {Pt(200), Pt(40)};
  landscape->add(frame::Box{{Pt(0), Pt(0), Pt(200), Pt(40)}, std::nullopt, Color::black()});
  landscape->add(shape(*f.serif, 12, 10, 25, "Tabel Lanskap"));
  p2.content.add(frame::Group{{Pt(300), Pt(700)}, 90, landscape});
  doc.pages.push_back(p2);

  // Page 1: BAB I with a justified line, glyph offsets and a hand-built non-BMP mapping.
  frame::Page p3 = page();
  p3.content.add(frame::Anchor{"bab1", {Pt(72), Pt(72)}});
  p3.content.add(shape(*f.serif_bold, 16, 72, 100, "BAB I PENDAHULUAN"));
  p3.content.add(frame::Anchor{"sub1.1", {Pt(72), Pt(130)}});
  p3.content.add(shape(*f.serif_bold, 12, 72, 140, "1.1 Latar Belakang"));
  p3.content.add(shape(*f.serif, 11, 72, 170,
                       "Capaian \xE2\x80\x9Csangat baik\xE2\x80\x9D \xE2\x80\x93 "
                       "naik 5,2% dari tahun 2023."));
  frame::GlyphRun justified = shape(*f.serif, JustifiedLine::size, JustifiedLine::x,
                                    JustifiedLine::y, "Kinerja instansi pemerintah daerah");
  const uint32_t space = glyph_of(*f.serif, ' ');
  for (auto& g : justified.glyphs)
    if (g.gid == space) g.advance += Pt(JustifiedLine::stretch);
  p3.content.add(justified);
  frame::GlyphRun offsets = shape(*f.serif, 11, 72, 330, "x2 y");
  offsets.glyphs[1].y_offset = Pt(-4);  // superscript-like raise of the "2"
  offsets.glyphs[1].x_offset = Pt(1);
  p3.content.add(offsets);
  frame::GlyphRun emoji;  // one glyph whose /ToUnicode text lies outside the BMP
  emoji.font = f.carlito.get();
  emoji.size = Pt(11);
  emoji.origin = {Pt(72), Pt(360)};
  emoji.text = "\xF0\x9F\x98\x80";  // U+1F600
  emoji.glyphs.push_back({glyph_of(*f.carlito, U'\u00A4'), Pt(6), Pt(0), Pt(0), 0, 4});
  p3.content.add(emoji);
  p3.content.add(frame::Link{{Pt(72), Pt(400), Pt(100), Pt(14)}, "kata-pengantar"});
  p3.content.add(shape(*f.serif, 11, 72, 410, "Kembali ke Kata Pengantar"));
  doc.pages.push_back(p3);

  // Page 2: sub-section 1.2 and the signature block.
  frame::Page p4 = page();
  p4.content.add(frame::Anchor{"sub1.2", {Pt(72), Pt(72)}});
  p4.content.add(shape(*f.serif_bold, 12, 72, 90, "1.2 Maksud dan Tujuan"));
  p4.content.add(shape(*f.serif, 11, 350, 590, "Camat Megaluh,"));
  p4.content.add(frame::SignatureField{{Pt(350), Pt(600), Pt(180), Pt(70)}, "ttd_camat"});
  doc.pages.push_back(p4);

  doc.page_labels = {{0, frame::PageLabelRange::Style::roman_lower, 1, ""},
                     {2, frame::PageLabelRange::Style::decimal, 1, ""}};
  doc.outline = {{"Kata Pengantar", 0, "kata-pengantar"},
                 {"Daftar Tabel", 0, "daftar-tabel"},
                 {"BAB I PENDAHULUAN", 0, "bab1"},
                 {"1.1 Latar Belakang", 1, "sub1.1"},
                 {"1.2 Maksud dan Tujuan", 1, "sub1.2"}};
  return doc;
}

}  // namespace lkjip::pdf::test
