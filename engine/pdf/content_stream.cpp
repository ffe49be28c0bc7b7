// Page content streams: frame items to PDF operators, glyph runs to TJ arrays, images to
// XObjects.
#include "pdf/writer.h"

#include <algorithm>
#include <cmath>
#include <iterator>

#include "pdf/pdf_format.h"
#include "pdf/pdf_objects.h"

namespace lkjip::pdf::detail {

using namespace PoDoFo;

void append_color(std::string& out, const Color& c, const char* op) {
  for (double v : {c.r, c.g, c.b}) {
    append_num(out, std::clamp(v, 0.0, 1.0));
    out += ' ';
  }
  out += op;
  out += ' ';
}

void append_nums(std::string& out, std::initializer_list<double> values) {
  for (double v : values) {
    append_num(out, v);
    out += ' ';
  }
}

char* write_code(char* p, unsigned v) {
  for (char b : {static_cast<char>(v >> 8), static_cast<char>(v & 0xFF)}) {
    if (b == '(' || b == ')' || b == '\\' || b == '\r') {
      *p++ = '\\';
      if (b == '\r') b = 'r';
    }
    *p++ = b;
  }
  return p;
}

void end_text(PageState& ps) {
  if (!ps.text.in_text) return;
  ps.content += "ET\n";
  ps.text.in_text = false;
}

std::string page_where(size_t index) { return "page " + std::to_string(index + 1) + ": "; }

std::string image_problem(const frame::ImageData& img) {
  const auto& b = img.bytes;
  if (img.kind == frame::ImageData::Kind::png) {
    static constexpr unsigned char sig[] = {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    if (b.size() < 33 || !std::equal(std::begin(sig), std::end(sig), b.begin()))
      return "not a PNG file (bad signature)";
    return {};
  }
  if (b.size() < 4 || b[0] != 0xFF || b[1] != 0xD8) return "not a JPEG file (no SOI marker)";
  size_t i = 2;
  while (i + 4 <= b.size()) {
    if (b[i] != 0xFF) return "damaged JPEG (marker expected)";
    const unsigned marker = b[i + 1];
    if (marker == 0xFF) {  // fill byte
      ++i;
      continue;
    }
    const size_t len = (size_t{b[i + 2]} << 8) | b[i + 3];
    const bool sof =
        marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    if (sof) {
      if (i + 10 > b.size()) return "damaged JPEG (truncated frame header)";
      const unsigned h = (unsigned{b[i + 5]} << 8) | b[i + 6];
      const unsigned w = (unsigned{b[i + 7]} << 8) | b[i + 8];
      const unsigned comps = b[i + 9];
      if (w == 0 || h == 0) return "JPEG with zero width or height";
      if (comps != 1 && comps != 3 && comps != 4)
        return "JPEG with " + std::to_string(comps) + " colour components";
      return {};
    }
    if (marker == 0xDA || len < 2) break;  // scan data before any frame header
    i += 2 + len;
  }
  return "damaged JPEG (no frame header)";
}

void Writer::add_resource(PageState& ps, const std::string& name, const PdfReference& ref,
                          const char* kind) {
  if (ps.resources.insert(name).second) ps.page->AddResource(PdfName(name), ref, PdfName(kind));
}

PageBox Writer::map_rect(const Rect& r, const Matrix& to_page) const {
  PageBox box{1e300, 1e300, -1e300, -1e300};
  for (auto [x, y] : {std::pair{r.x.v, r.y.v}, std::pair{r.right().v, r.y.v},
                      std::pair{r.x.v, r.bottom().v}, std::pair{r.right().v, r.bottom().v}}) {
    auto [px, py] = to_page.apply(x, -y);
    box.left = std::min(box.left, px);
    box.right = std::max(box.right, px);
    box.bottom = std::min(box.bottom, py);
    box.top = std::max(box.top, py);
  }
  return box;
}

// Items are written in frame-local coordinates (x, −y): the page content starts with a
// translation to the top-left corner and each group adds its own `cm`, so only annotation
// rectangles, which live in page space, need `to_page`.
void Writer::emit_frame(const frame::Frame& fr, const Matrix& to_page, PageState& ps) {
  std::string& out = ps.content;
  for (const frame::Item& item : fr.items) {
    if (const auto* run = std::get_if<frame::GlyphRun>(&item)) {
      emit_run(*run, ps);
    } else if (const auto* line = std::get_if<frame::Line>(&item)) {
      end_text(ps);
      out += "q ";
      append_num(out, line->width.v);
      out += " w ";
      append_color(out, line->color, "RG");
      append_nums(out, {line->from.x.v, -line->from.y.v});
      out += "m ";
      append_nums(out, {line->to.x.v, -line->to.y.v});
      out += "l S Q\n";
    } else if (const auto* box = std::get_if<frame::Box>(&item)) {
      if (!box->fill && !box->stroke) continue;
      end_text(ps);
      out += "q ";
      if (box->fill) append_color(out, *box->fill, "rg");
      if (box->stroke) {
        append_color(out, *box->stroke, "RG");
        append_num(out, box->stroke_width.v);
        out += " w ";
      }
      const Rect& r = box->rect;
      append_nums(out, {r.x.v, -r.bottom().v, r.width.v, r.height.v});
      out += box->fill && box->stroke ? "re B Q\n" : box->fill ? "re f Q\n" : "re S Q\n";
    } else if (const auto* path = std::get_if<frame::Path>(&item)) {
      if (path->points.size() < 2 || (!path->fill && !path->stroke)) continue;
      end_text(ps);
      out += "q ";
      if (path->fill) append_color(out, *path->fill, "rg");
      if (path->stroke) {
        append_color(out, *path->stroke, "RG");
        append_num(out, path->stroke_width.v);
        out += " w ";
      }
      for (size_t i = 0; i < path->points.size(); ++i) {
        append_nums(out, {path->points[i].x.v, -path->points[i].y.v});
        out += i == 0 ? "m " : "l ";
      }
      if (path->closed) out += "h ";
      out += path->fill && path->stroke ? "B Q\n" : path->fill ? "f Q\n" : "S Q\n";
    } else if (const auto* img = std::get_if<frame::Image>(&item)) {
      emit_image(*img, ps);
    } else if (const auto* link = std::get_if<frame::Link>(&item)) {
      ps.links.push_back({map_rect(link->rect, to_page), link->target});
    } else if (const auto* anchor = std::get_if<frame::Anchor>(&item)) {
      auto [x, y] = to_page.apply(anchor->pos.x.v, -anchor->pos.y.v);
      if (!anchors_.try_emplace(anchor->id, AnchorPos{ps.index, x, y}).second)
        sink_.warning({}, page_where(ps.index) + "anchor '" + anchor->id +
                              "' is defined twice; links go to the first one");
    } else if (const auto* sig = std::get_if<frame::SignatureField>(&item)) {
      ps.sigs.push_back({map_rect(sig->rect, to_page), sig->name});
    } else if (const auto* group = std::get_if<frame::Group>(&item)) {
      if (!group->frame) continue;
      // Counter-clockwise rotation about the group's top-left corner, then the offset.
      static constexpr int cos_tab[] = {1, 0, -1, 0};
      static constexpr int sin_tab[] = {0, 1, 0, -1};
      const int rot = ((group->rotation % 360) + 360) % 360;
      if (rot % 90 != 0) {
        sink_.error({}, page_where(ps.index) + "group rotation " + std::to_string(group->rotation) +
                            " is not a multiple of 90");
        continue;
      }
      const int q = rot / 90;
      const Matrix local{double(cos_tab[q]), double(sin_tab[q]), double(-sin_tab[q]),
                         double(cos_tab[q]), group->offset.x.v,  -group->offset.y.v};
      end_text(ps);
      const TextState outside = ps.text;
      out += "q ";
      append_nums(out, {local.a, local.b, local.c, local.d, local.e, local.f});
      out += "cm\n";
      emit_frame(*group->frame, local.then(to_page), ps);
      end_text(ps);
      out += "Q\n";
      ps.text = outside;
    }
  }
}

// Glyphs are shown with TJ; each adjustment moves the text position from where the /W width
// left it to where the frame puts the next glyph (kerning, justification, x_offset).
// Glyph::y_offset follows the frame's y-down convention and becomes text rise (Ts).
void Writer::emit_run(const frame::GlyphRun& run, PageState& ps) {
  if (run.glyphs.empty()) return;
  if (!run.font) {
    sink_.error({}, page_where(ps.index) + "glyph run without a font: \"" + run.text + "\"");
    return;
  }
  const double size = run.size.v;
  if (!(size > 0)) {
    sink_.error({}, page_where(ps.index) + "glyph run with font size " + num(size) + ": \"" +
                        run.text + "\"");
    return;
  }
  FontEmbedder::Font* font = fonts_->get(*run.font, sink_);
  if (!font) return;
  const std::string& res = FontEmbedder::resource_name(*font);

  std::string& out = ps.content;
  TextState& ts = ps.text;
  if (!ts.in_text) {
    out += "BT\n";
    ts.in_text = true;
  }
  if (ts.fill != run.color) {
    append_color(out, run.color, "rg");
    ts.fill = run.color;
  }
  if (ts.font != res || ts.size != size) {
    // Any font current on this page was registered when it became current.
    if (ts.font != res) add_resource(ps, res, FontEmbedder::reference(*font), "Font");
    out += '/';
    out += res;
    out += ' ';
    append_num(out, size);
    out += " Tf ";
    ts.font = res;
    ts.size = size;
  }
  // An absolute Tm, not a relative Td: a reader summing Td moves in floating point may land a
  // glyph a rounding error away and render it a pixel differently.
  out += "1 0 0 1 ";
  append_nums(out, {run.origin.x.v, -run.origin.y.v});
  out += "Tm [";
  // The glyphs are written through a pointer into scratch_, which has room for the worst case
  // of each (string break, rise change, adjustment, escaped code): appending byte by byte to a
  // std::string was a third of the cost of a glyph.
  constexpr size_t kMaxPerGlyph = 16 + 2 * kMaxScaledChars;
  if (scratch_.size() < (run.glyphs.size() + 1) * kMaxPerGlyph)
    scratch_.resize((run.glyphs.size() + 1) * kMaxPerGlyph);
  char* const begin = scratch_.data();
  char* p = begin;
  auto put = [&p](std::string_view s) { p = std::copy(s.begin(), s.end(), p); };
  double pen = 0;  // where the frame puts the current glyph's origin, along the baseline
  double cur = 0;  // where the PDF text position actually is
  int64_t& rise = ts.rise;
  bool in_string = false;
  auto close_string = [&] {
    if (in_string) *p++ = ')';
    in_string = false;
  };
  for (const frame::Glyph& g : run.glyphs) {
    std::string_view cluster;
    if (g.cluster_begin < g.cluster_end && g.cluster_end <= run.text.size())
      cluster = std::string_view(run.text).substr(g.cluster_begin, g.cluster_end - g.cluster_begin);
    const std::optional<double> width = fonts_->use(*font, g.gid, cluster);
    if (!width) {
      sink_.error({run.font->path, 0, 0}, page_where(ps.index) + "glyph id " +
                                              std::to_string(g.gid) + " is not in the font");
      pen += g.advance.v;
      continue;
    }
    const int64_t want_rise = to_milli(-g.y_offset.v);
    if (want_rise != rise) {
      close_string();
      put("] TJ ");
      p = write_scaled(p, want_rise, 3);
      put(" Ts [");
      rise = want_rise;
    }
    // Adjustments under 0.05/1000 em are rounding noise between the frame's advances and the
    // 3-decimal /W; skipping them cannot drift, because `cur` keeps the true position.
    // In thousandths of the text-space unit (1/1000 em), i.e. millionths of an em.
    const int64_t adjust = to_milli(-(pen + g.x_offset.v - cur) * 1000.0 / size);
    if (adjust >= 50 || adjust <= -50) {
      close_string();
      p = write_scaled(p, adjust, 3);
      cur -= adjust / 1000.0 * size / 1000.0;
    }
    if (!in_string) *p++ = '(';
    in_string = true;
    p = write_code(p, g.gid);
    cur += *width * size / 1000.0;
    pen += g.advance.v;
  }
  close_string();
  put("] TJ\n");
  out.append(begin, p);
}

void Writer::emit_image(const frame::Image& img, PageState& ps) {
  if (!img.data) {
    sink_.error({}, page_where(ps.index) + "image item without image data");
    return;
  }
  auto [it, inserted] = images_.try_emplace(img.data.get());
  ImageEntry& entry = it->second;
  const SourceLoc loc{img.data->source_path, 0, 0};
  if (inserted) {
    if (const std::string problem = image_problem(*img.data); !problem.empty()) {
      sink_.error(loc, problem, {"re-export the image as PNG or baseline JPEG"});
      return;
    }
    try {
      PdfImage image(pdf_.get());
      const auto* bytes = img.data->bytes.data();
      const auto len = static_cast<pdf_long>(img.data->bytes.size());
      if (img.data->kind == frame::ImageData::Kind::jpeg)
        image.LoadFromJpegData(bytes, len);  // passed through as /DCTDecode
      else
        image.LoadFromPngData(bytes, len);  // decoded, Flate, alpha as /SMask
      entry.ref = image.GetObject()->Reference();
      entry.name = "Im" + std::to_string(++image_count_);
    } catch (const PdfError& e) {
      sink_.error(loc, std::string("cannot embed image: ") + PdfError::ErrorName(e.GetError()),
                  {"re-export the image as PNG or baseline JPEG"});
      return;
    }
  }
  if (entry.name.empty()) return;  // already reported
  add_resource(ps, entry.name, entry.ref, "XObject");
  const Rect& r = img.rect;
  std::string& out = ps.content;
  end_text(ps);
  out += "q ";
  append_nums(out, {r.width.v, 0, 0, r.height.v, r.x.v, -r.bottom().v});
  out += "cm /" + entry.name + " Do Q\n";
}

}  // namespace lkjip::pdf::detail
