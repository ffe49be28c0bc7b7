// The PDF writer's internals, shared by pdf/pdf_writer.cpp (the document and its pages),
// pdf/content_stream.cpp (page content), pdf/navigation.cpp (links, signature fields, outline,
// page labels) and pdf/metadata.cpp (Info, XMP, OutputIntent).
#pragma once

#include <podofo/podofo.h>

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "frame/frame.h"
#include "pdf/font_embedder.h"
#include "pdf/pdf_format.h"
#include "pdf/pdf_objects.h"
#include "pdf/pdf_writer.h"

namespace lkjip::pdf::detail {

using namespace PoDoFo;

/// PoDoFo's PdfDate, stamped by PdfMemDocument's Info and by every PdfAnnotation constructor,
/// calls the non-reentrant localtime(). This mutex serialises those PoDoFo calls between
/// concurrent writers; every such date is overwritten afterwards. PoDoFo's other shared state
/// (encoding factory, font-config wrapper) is guarded inside the library (PODOFO_MULTI_THREAD).
std::mutex& podofo_clock_mutex();

/// PoDoFo's debug and log switches are unsynchronised statics: set them exactly once.
void quiet_podofo();

/// A PDF string from UTF-8: plain ASCII stays a literal string, anything else becomes UTF-16BE
/// (PdfString(std::string) would read the bytes as PdfDocEncoding and garble them).
PdfString text_string(const std::string& s);

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

void append_color(std::string& out, const Color& c, const char* op);

void append_nums(std::string& out, std::initializer_list<double> values);

/// Writes a glyph id as its two-byte Identity-H code inside a literal string (half the bytes
/// of a hex string) to `p`, which has room for 4 bytes, and returns the end. Parentheses and
/// backslashes are escaped, and CR too (a bare one reads as LF).
char* write_code(char* p, unsigned v);

/// Ends the open text object, if any, before an operator that is not allowed inside one.
void end_text(PageState& ps);

std::string page_where(size_t index);

/// Checks the container structure PoDoFo's decoders rely on, so damaged files become a clear
/// diagnostic instead of a libjpeg/libpng failure deep inside PoDoFo.
std::string image_problem(const frame::ImageData& img);

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

}  // namespace lkjip::pdf::detail
