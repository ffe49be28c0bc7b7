#include "pdf/pdf_writer.h"

#include <podofo/podofo.h>

#include <algorithm>
#include <cmath>
#include <deque>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <mutex>
#include <set>

#include "pdf/file_id.h"
#include "pdf/flate.h"
#include "pdf/font_embedder.h"
#include "pdf/pdf_format.h"
#include "pdf/pdf_objects.h"

namespace lkjip::pdf {

using namespace PoDoFo;

namespace {

/// PoDoFo's PdfDate, stamped by PdfMemDocument's Info and by every PdfAnnotation constructor,
/// calls the non-reentrant localtime(). This mutex serialises those PoDoFo calls between
/// concurrent writers; every such date is overwritten afterwards. PoDoFo's other shared state
/// (encoding factory, font-config wrapper) is guarded inside the library (PODOFO_MULTI_THREAD).
std::mutex& podofo_clock_mutex() {
  static std::mutex m;
  return m;
}

/// PoDoFo's debug and log switches are unsynchronised statics: set them exactly once.
void quiet_podofo() {
  static std::once_flag once;
  std::call_once(once, [] {
    PdfError::EnableDebug(false);
    PdfError::EnableLogging(false);
  });
}

/// A PDF string from UTF-8: plain ASCII stays a literal string, anything else becomes UTF-16BE
/// (PdfString(std::string) would read the bytes as PdfDocEncoding and garble them).
PdfString text_string(const std::string& s) {
  if (is_plain_ascii(s)) return PdfString(s);
  return PdfString(reinterpret_cast<const pdf_utf8*>(s.c_str()));
}

/// An affine map in PDF's row-vector convention: (x y 1) · [a b 0; c d 0; e f 1].
struct Matrix {
  double a = 1, b = 0, c = 0, d = 1, e = 0, f = 0;
  std::pair<double, double> apply(double x, double y) const {
    return {a * x + c * y + e, b * x + d * y + f};
  }
  /// This map followed by `o`.
  Matrix then(const Matrix& o) const {
    return {a * o.a + b * o.c, a * o.b + b * o.d,       c * o.a + d * o.c,
            c * o.b + d * o.d, e * o.a + f * o.c + o.e, e * o.b + f * o.d + o.f};
  }
};

/// A rectangle in page space (PDF user space, origin bottom-left).
struct PageBox {
  double left = 0, bottom = 0, right = 0, top = 0;
  PdfRect rect() const { return PdfRect(left, bottom, right - left, top - bottom); }
  /// [left bottom right top] to PdfRect's 6 decimals, as raw numbers (see real_obj).
  PdfArray array() const {
    PdfArray a;
    for (double v : {left, bottom, right, top}) a.push_back(real_obj(v, 6));
    return a;
  }
};

struct AnchorPos {
  size_t page = 0;
  double x = 0, y = 0;  // page space
};

struct PendingLink {
  PageBox box;
  std::string target;
};

struct PendingSig {
  PageBox box;
  std::string name;
};

/// What the content stream has set so far, so each glyph run states only what changes. Font,
/// size, fill colour and rise are graphics state (restored by Q).
struct TextState {
  bool in_text = false;  // between BT and ET
  std::string font;      // resource name of the current Tf; empty before the first
  double size = 0;
  std::optional<Color> fill;  // unset until the first rg: the initial DeviceGray is not used
  int64_t rise = 0;           // thousandths of a point
};

struct PageState {
  size_t index = 0;
  PdfPage* page = nullptr;
  std::set<std::string> resources;  // names already in this page's /Resources
  std::string content;
  TextState text;
  std::vector<PendingLink> links;
  std::vector<PendingSig> sigs;
};

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

/// Writes a glyph id as its two-byte Identity-H code inside a literal string (half the bytes
/// of a hex string) to `p`, which has room for 4 bytes, and returns the end. Parentheses and
/// backslashes are escaped, and CR too (a bare one reads as LF).
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

/// Ends the open text object, if any, before an operator that is not allowed inside one.
void end_text(PageState& ps) {
  if (!ps.text.in_text) return;
  ps.content += "ET\n";
  ps.text.in_text = false;
}

std::string page_where(size_t index) { return "page " + std::to_string(index + 1) + ": "; }

/// Checks the container structure PoDoFo's decoders rely on, so damaged files become a clear
/// diagnostic instead of a libjpeg/libpng failure deep inside PoDoFo.
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

class Writer {
 public:
  Writer(const frame::PagedDocument& doc, const PdfOptions& opt, DiagnosticSink& sink)
      : in_(doc), opt_(opt), sink_(sink), date_(pdf_date(doc.info.epoch)) {
    std::lock_guard lock(podofo_clock_mutex());
    pdf_ = std::make_unique<PdfMemDocument>();
    fonts_ = std::make_unique<FontEmbedder>(*pdf_);
  }

  std::optional<std::string> run();

 private:
  void emit_frame(const frame::Frame& fr, const Matrix& to_page, PageState& ps);
  void emit_run(const frame::GlyphRun& run, PageState& ps);
  void emit_image(const frame::Image& img, PageState& ps);
  void add_resource(PageState& ps, const std::string& name, const PdfReference& ref,
                    const char* kind);
  PageBox map_rect(const Rect& r, const Matrix& to_page) const;
  PdfArray destination(const AnchorPos& a) const;
  PdfAnnotation* create_annotation(PdfPage* page, EPdfAnnotation type, const PageBox& box);
  void write_annotations(PageState& ps);
  void write_outline();
  void write_page_labels();
  void write_metadata();
  std::optional<std::string> serialise();

  const frame::PagedDocument& in_;
  const PdfOptions& opt_;
  DiagnosticSink& sink_;
  const std::string date_;
  std::unique_ptr<PdfMemDocument> pdf_;
  std::vector<std::unique_ptr<PdfPage>> pages_;  // by index; destroyed before pdf_
  std::unique_ptr<FontEmbedder> fonts_;
  std::string scratch_;  // emit_run's buffer for the glyphs of one run, reused
  std::map<std::string, AnchorPos> anchors_;
  struct ImageEntry {
    std::string name;  // empty when loading failed
    PdfReference ref;
  };
  std::map<const frame::ImageData*, ImageEntry> images_;  // lookup only; names by first use
  size_t image_count_ = 0;
  PdfAcroForm* acro_form_ = nullptr;
  std::set<std::string> field_names_;
};

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

PdfArray Writer::destination(const AnchorPos& a) const {
  PdfArray dest;
  dest.push_back(pages_.at(a.page)->GetObject()->Reference());
  dest.push_back(PdfName("XYZ"));
  dest.push_back(real_obj(a.x));
  dest.push_back(real_obj(a.y));
  dest.push_back(PdfVariant::NullValue);  // keep the reader's zoom
  return dest;
}

PdfAnnotation* Writer::create_annotation(PdfPage* page, EPdfAnnotation type, const PageBox& box) {
  PdfAnnotation* annot = nullptr;
  {
    std::lock_guard lock(podofo_clock_mutex());
    annot = page->CreateAnnotation(type, box.rect());
  }
  annot->SetFlags(ePdfAnnotationFlags_Print);  // PDF/A: annotations must print
  annot->GetObject()->GetDictionary().AddKey("Rect", box.array());
  annot->GetObject()->GetDictionary().AddKey("M", PdfString(date_));
  return annot;
}

void Writer::write_annotations(PageState& ps) {
  for (const PendingLink& link : ps.links) {
    auto it = anchors_.find(link.target);
    if (it == anchors_.end()) {
      sink_.error({}, page_where(ps.index) + "link to unknown anchor '" + link.target + "'");
      continue;
    }
    PdfAnnotation* annot = create_annotation(ps.page, ePdfAnnotation_Link, link.box);
    PdfArray no_border;  // integers: SetBorderStyle would write three PoDoFo reals
    for (int k = 0; k < 3; ++k) no_border.push_back(int_obj(0));
    annot->GetObject()->GetDictionary().AddKey("Border", no_border);
    annot->GetObject()->GetDictionary().AddKey("Dest", destination(it->second));
  }
  for (const PendingSig& sig : ps.sigs) {
    if (sig.name.empty() || sig.name.find('.') != std::string::npos) {
      sink_.error({}, page_where(ps.index) + "signature field name '" + sig.name +
                          "' must be non-empty and contain no '.'");
      continue;
    }
    if (!field_names_.insert(sig.name).second) {
      sink_.error({}, page_where(ps.index) + "signature field '" + sig.name + "' appears twice");
      continue;
    }
    // The None appearance mode keeps PoDoFo from adding a non-embedded Helvetica in /DR.
    if (!acro_form_) acro_form_ = pdf_->GetAcroForm(true, ePdfAcroFormDefaultAppearance_None);
    PdfAnnotation* widget = create_annotation(ps.page, ePdfAnnotation_Widget, sig.box);
    // bInit=false: no /V, the field stays empty until a signing tool fills it.
    PdfSignatureField field(widget, acro_form_, pdf_.get(), false);
    field.SetFieldName(text_string(sig.name));

    // Appearance: an empty form XObject. PDF/A-2 needs a normal appearance (/AP /N) on every
    // widget and the Print flag set (NoView/Hidden forbidden), so whatever the appearance draws
    // is printed; the reserved space must reach paper blank for the wet signature and stamp or
    // the TTE QR code. An empty stream draws nothing and references no font; viewers still
    // highlight the unsigned field on screen, and signing tools replace the appearance anyway.
    const double w = sig.box.right - sig.box.left, h = sig.box.top - sig.box.bottom;
    PdfObject* ap = pdf_->GetObjects().CreateObject("XObject");
    PdfDictionary& apd = ap->GetDictionary();
    apd.AddKey("Subtype", PdfName("Form"));
    PdfArray bbox;
    for (double v : {0.0, 0.0, w, h}) bbox.push_back(real_obj(v));
    apd.AddKey("BBox", bbox);
    apd.AddKey("Resources", PdfDictionary());
    ap->GetStream()->Set("", 0, TVecFilters());
    PdfDictionary appearance;
    appearance.AddKey("N", ap->Reference());
    widget->GetObject()->GetDictionary().AddKey("AP", appearance);
  }
}

// Built by hand: PdfOutlines never writes /Count. Top-level entries are open, deeper ones
// closed, so the reader shows chapters and their first-level sections.
void Writer::write_outline() {
  const auto& entries = in_.outline;
  if (entries.empty()) return;
  const size_t n = entries.size();
  std::vector<long> parent(n, -1);
  std::vector<std::vector<size_t>> children(n);
  std::vector<size_t> top;
  std::vector<size_t> stack;  // open ancestors, by level
  bool ok = true;
  for (size_t i = 0; i < n; ++i) {
    const int level = entries[i].level;
    if (level < 0 || static_cast<size_t>(level) > stack.size()) {
      sink_.error({}, "outline entry '" + entries[i].title + "' has level " +
                          std::to_string(level) + " but follows level " +
                          std::to_string(static_cast<long>(stack.size()) - 1));
      ok = false;
      continue;
    }
    stack.resize(static_cast<size_t>(level));
    if (level == 0) {
      top.push_back(i);
    } else {
      parent[i] = static_cast<long>(stack.back());
      children[stack.back()].push_back(i);
    }
    stack.push_back(i);
    if (!anchors_.count(entries[i].anchor)) {
      sink_.error({}, "outline entry '" + entries[i].title + "' points to unknown anchor '" +
                          entries[i].anchor + "'");
      ok = false;
    }
  }
  if (!ok) return;

  PdfObject* root = pdf_->GetObjects().CreateObject("Outlines");
  std::vector<PdfObject*> objs(n);
  for (size_t i = 0; i < n; ++i) objs[i] = pdf_->GetObjects().CreateObject();
  // Visible descendants when `i` is open, walking children last to first.
  std::vector<long> visible(n, 0);
  for (size_t k = n; k-- > 0;) {
    for (size_t c : children[k]) visible[k] += 1 + (entries[c].level == 0 ? visible[c] : 0);
  }
  auto link_siblings = [&](PdfObject* parent_obj, const std::vector<size_t>& kids) {
    for (size_t j = 0; j < kids.size(); ++j) {
      PdfDictionary& d = objs[kids[j]]->GetDictionary();
      d.AddKey("Parent", parent_obj->Reference());
      if (j > 0) d.AddKey("Prev", objs[kids[j - 1]]->Reference());
      if (j + 1 < kids.size()) d.AddKey("Next", objs[kids[j + 1]]->Reference());
    }
    if (!kids.empty()) {
      parent_obj->GetDictionary().AddKey("First", objs[kids.front()]->Reference());
      parent_obj->GetDictionary().AddKey("Last", objs[kids.back()]->Reference());
    }
  };
  link_siblings(root, top);
  long root_count = 0;
  for (size_t t : top) root_count += 1 + visible[t];
  root->GetDictionary().AddKey("Count", int_obj(root_count));
  for (size_t i = 0; i < n; ++i) {
    PdfDictionary& d = objs[i]->GetDictionary();
    d.AddKey("Title", text_string(entries[i].title));
    d.AddKey("Dest", destination(anchors_.at(entries[i].anchor)));
    link_siblings(objs[i], children[i]);
    if (!children[i].empty())
      d.AddKey("Count", int_obj(entries[i].level == 0 ? visible[i] : -visible[i]));
  }
  PdfDictionary& catalog = pdf_->GetCatalog()->GetDictionary();
  catalog.AddKey("Outlines", root->Reference());
  catalog.AddKey("PageMode", PdfName("UseOutlines"));
}

void Writer::write_page_labels() {
  const auto& ranges = in_.page_labels;
  if (ranges.empty()) return;
  PdfArray nums;
  for (size_t i = 0; i < ranges.size(); ++i) {
    const auto& r = ranges[i];
    const bool ordered = i == 0 ? r.first_page == 0 : r.first_page > ranges[i - 1].first_page;
    if (!ordered || r.first_page >= in_.pages.size() || r.start < 1) {
      sink_.error({}, "page label ranges must start at page 0, increase, stay within the " +
                          std::to_string(in_.pages.size()) +
                          " pages and number from 1 or more (range " + std::to_string(i + 1) +
                          " starts at page " + std::to_string(r.first_page) + ")");
      return;
    }
    PdfDictionary label;
    switch (r.style) {
      case frame::PageLabelRange::Style::none:
        break;
      case frame::PageLabelRange::Style::decimal:
        label.AddKey("S", PdfName("D"));
        break;
      case frame::PageLabelRange::Style::roman_lower:
        label.AddKey("S", PdfName("r"));
        break;
      case frame::PageLabelRange::Style::roman_upper:
        label.AddKey("S", PdfName("R"));
        break;
    }
    if (r.start != 1) label.AddKey("St", int_obj(r.start));
    if (!r.prefix.empty()) label.AddKey("P", text_string(r.prefix));
    nums.push_back(int_obj(static_cast<int64_t>(r.first_page)));
    nums.push_back(label);
  }
  PdfDictionary tree;
  tree.AddKey("Nums", nums);
  pdf_->GetCatalog()->GetDictionary().AddKey("PageLabels", tree);
}

void Writer::write_metadata() {
  const frame::DocumentInfo& info = in_.info;
  const std::string producer = std::string("lkjip ") + LKJIP_VERSION;
  const std::string creator = info.creator.empty() ? std::string("lkjip") : info.creator;

  // Replace PoDoFo's Info (wall-clock CreationDate, its own Producer) entirely.
  PdfDictionary& d = pdf_->GetInfo()->GetObject()->GetDictionary();
  d.Clear();
  auto put = [&](const char* key, const std::string& value) {
    if (!value.empty()) d.AddKey(key, text_string(value));
  };
  put("Title", info.title);
  put("Author", info.author);
  put("Subject", info.subject);
  put("Keywords", info.keywords);
  put("Creator", creator);
  put("Producer", producer);
  d.AddKey("CreationDate", PdfString(date_));
  d.AddKey("ModDate", PdfString(date_));

  PdfDictionary& catalog = pdf_->GetCatalog()->GetDictionary();
  catalog.AddKey("Lang", text_string(info.lang.empty() ? std::string("id-ID") : info.lang));
  if (!opt_.pdfa) return;

  // XMP mirrors Info field by field, as PDF/A requires.
  const std::string xdate = xmp_date(info.epoch);
  std::string x =
      "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
      "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
      " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
      "  <rdf:Description rdf:about=\"\"\n"
      "    xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\"\n"
      "    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
      "    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
      "    xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n"
      "   <pdfaid:part>2</pdfaid:part>\n"
      "   <pdfaid:conformance>B</pdfaid:conformance>\n"
      "   <dc:format>application/pdf</dc:format>\n";
  auto alt = [&](const char* tag, const std::string& v) {
    if (v.empty()) return;
    x += std::string("   <") + tag + "><rdf:Alt><rdf:li xml:lang=\"x-default\">" + xml_escape(v) +
         "</rdf:li></rdf:Alt></" + tag + ">\n";
  };
  alt("dc:title", info.title);
  if (!info.author.empty())
    x += "   <dc:creator><rdf:Seq><rdf:li>" + xml_escape(info.author) +
         "</rdf:li></rdf:Seq></dc:creator>\n";
  alt("dc:description", info.subject);
  if (!info.keywords.empty())
    x += "   <pdf:Keywords>" + xml_escape(info.keywords) + "</pdf:Keywords>\n";
  x += "   <pdf:Producer>" + xml_escape(producer) + "</pdf:Producer>\n";
  x += "   <xmp:CreatorTool>" + xml_escape(creator) + "</xmp:CreatorTool>\n";
  x += "   <xmp:CreateDate>" + xdate + "</xmp:CreateDate>\n";
  x += "   <xmp:ModifyDate>" + xdate + "</xmp:ModifyDate>\n";
  x += "   <xmp:MetadataDate>" + xdate + "</xmp:MetadataDate>\n";
  x += "  </rdf:Description>\n </rdf:RDF>\n</x:xmpmeta>\n"
       "<?xpacket end=\"w\"?>";
  PdfObject* meta = pdf_->GetObjects().CreateObject("Metadata");
  meta->GetDictionary().AddKey("Subtype", PdfName("XML"));
  meta->GetStream()->Set(x.data(), static_cast<pdf_long>(x.size()), TVecFilters());
  catalog.AddKey("Metadata", meta->Reference());

  std::ifstream icc_in(opt_.icc_profile, std::ios::binary);
  const std::string icc((std::istreambuf_iterator<char>(icc_in)), std::istreambuf_iterator<char>());
  if (!icc_in.good() && !icc_in.eof()) {
    sink_.error({opt_.icc_profile, 0, 0}, "cannot read the sRGB ICC profile for PDF/A",
                {"install icc-profiles-free, or turn PDF/A output off"});
    return;
  }
  if (icc.size() < 128 || icc.compare(36, 4, "acsp") != 0) {
    sink_.error({opt_.icc_profile, 0, 0}, "not an ICC profile (no 'acsp' signature)",
                {"install icc-profiles-free, or turn PDF/A output off"});
    return;
  }
  PdfObject* profile = pdf_->GetObjects().CreateObject();
  profile->GetDictionary().AddKey("N", int_obj(3));
  set_flate_stream(*profile, icc);
  PdfDictionary intent;
  intent.AddKey("Type", PdfName("OutputIntent"));
  intent.AddKey("S", PdfName("GTS_PDFA1"));
  intent.AddKey("OutputConditionIdentifier", PdfString("sRGB IEC61966-2.1"));
  intent.AddKey("Info", PdfString("sRGB IEC61966-2.1"));
  intent.AddKey("DestOutputProfile", profile->Reference());
  PdfArray intents;
  intents.push_back(intent);
  catalog.AddKey("OutputIntents", intents);
}

/// Writes to memory, then gives the file its content-derived /ID (see set_content_file_id).
std::optional<std::string> Writer::serialise() {
  pdf_->SetPdfVersion(ePdfVersion_1_7);
  PdfRefCountedBuffer buffer;
  PdfOutputDevice device(&buffer);
  pdf_->Write(&device);
  std::string bytes(buffer.GetBuffer(), device.GetLength());

  if (!set_content_file_id(bytes)) {
    sink_.error({}, "PDF writer: PoDoFo wrote no 32-digit trailer /ID to replace");
    return std::nullopt;
  }
  return bytes;
}

std::optional<std::string> Writer::run() {
  const size_t n = in_.pages.size();
  if (n == 0) {
    sink_.error({}, "the document has no pages");
    return std::nullopt;
  }
  // All pages in one call: inserting them one by one walks the page tree each time.
  std::vector<PdfRect> sizes;
  sizes.reserve(n);
  for (const frame::Page& p : in_.pages) {
    if (!(p.size.width.v > 0 && p.size.height.v > 0)) {
      sink_.error({}, "page size " + num(p.size.width.v) + " x " + num(p.size.height.v) +
                          " is not positive");
      return std::nullopt;
    }
    sizes.emplace_back(0, 0, p.size.width.v, p.size.height.v);
  }
  pdf_->CreatePages(sizes);
  // Page wrappers of our own over the flat /Kids of the fresh tree: PoDoFo 0.9.8's GetPage(i)
  // walks the kids from the first for every call (quadratic in the page count), and the
  // wrappers CreatePages makes sit in the wrong slots of its page cache.
  PdfObject* tree = pdf_->GetPagesTree()->GetObject();
  const PdfArray& kids = tree->GetDictionary().GetKey("Kids")->GetArray();
  if (kids.size() != n) internal_error("PoDoFo's new page tree is not flat");
  const std::deque<PdfObject*> parents{tree};
  for (size_t i = 0; i < n; ++i) {
    PdfObject* page = pdf_->GetObjects().GetObject(kids[i].GetReference());
    const Size& size = in_.pages[i].size;
    page->GetDictionary().AddKey("MediaBox", PageBox{0, 0, size.width.v, size.height.v}.array());
    pages_.push_back(std::make_unique<PdfPage>(page, parents));
  }
  std::vector<PageState> pages(n);
  for (size_t i = 0; i < n; ++i) {
    PageState& ps = pages[i];
    ps.index = i;
    ps.page = pages_[i].get();
    const double h = in_.pages[i].size.height.v;
    ps.content = "1 0 0 1 0 ";
    append_num(ps.content, h);
    ps.content += " cm\n";
    emit_frame(in_.pages[i].content, Matrix{1, 0, 0, 1, 0, h}, ps);
    end_text(ps);
    set_flate_stream(*ps.page->GetContentsForAppending(), ps.content);
  }
  fonts_->finish(sink_);
  for (PageState& ps : pages) write_annotations(ps);
  write_outline();
  write_page_labels();
  write_metadata();
  if (sink_.has_errors()) return std::nullopt;
  return serialise();
}

}  // namespace

std::optional<std::string> write_pdf(const frame::PagedDocument& doc, const PdfOptions& opt,
                                     DiagnosticSink& sink) {
  quiet_podofo();
  try {
    Writer writer(doc, opt, sink);
    return writer.run();
  } catch (const PdfError& e) {
    sink.error({}, std::string("PDF writer (PoDoFo) failed: ") + PdfError::ErrorName(e.GetError()));
  } catch (const std::bad_alloc&) {
    sink.error({}, "out of memory while writing the PDF");
  }
  return std::nullopt;
}

namespace {

bool is_signature_dictionary(const PdfObject& obj) {
  if (!obj.IsDictionary()) return false;
  const PdfDictionary& d = obj.GetDictionary();
  const PdfObject* range = d.GetKey("ByteRange");
  const PdfObject* contents = d.GetKey("Contents");
  return range && range->IsArray() && range->GetArray().size() >= 4 && contents &&
         (contents->IsString() || contents->IsHexString());
}

}  // namespace

bool file_carries_signature(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return false;  // a folder reads as a stream
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) return false;
  std::string bytes(size, '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  bytes.resize(static_cast<size_t>(in.gcount()));
  // A signature's byte ranges leave out its /Contents string in the file itself, so the
  // signature dictionary is never inside a compressed object stream: without these bytes
  // nothing is signed, and the full parse (a tenth of a render when overwriting) is skipped.
  if (bytes.find("/ByteRange") == std::string::npos) return false;
  quiet_podofo();
  try {
    std::unique_ptr<PdfMemDocument> doc;
    {
      std::lock_guard lock(podofo_clock_mutex());  // loading may date a missing Info
      doc = std::make_unique<PdfMemDocument>(path.c_str());
    }
    for (const PdfObject* obj : doc->GetObjects()) {
      if (is_signature_dictionary(*obj)) return true;
      // Signature values written as direct dictionaries inside a field's /V.
      if (obj->IsDictionary()) {
        const PdfObject* v = obj->GetDictionary().GetKey("V");
        if (v && is_signature_dictionary(*v)) return true;
      }
    }
    return false;
  } catch (const PdfError&) {
    return true;  // unparsable, but it holds a /ByteRange: refuse rather than destroy a signature
  }
}

}  // namespace lkjip::pdf
