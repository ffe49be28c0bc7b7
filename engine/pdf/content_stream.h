// Page content streams: a page's frame becomes PDF operators (paths, TJ glyph arrays, image
// XObjects), and the links, signature fields and anchors it places are collected in page space.
// Pure: fonts and images are named through ContentResources, which the writer implements over
// PoDoFo and tests implement with fakes; no PoDoFo here.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/diagnostic.h"
#include "base/font_file.h"
#include "frame/frame.h"

namespace lkjip::pdf {

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
};

/// Where an anchor landed: its page index and its point in page space.
struct AnchorPos {
  size_t page = 0;
  double x = 0, y = 0;
};

struct PendingLink {
  PageBox box;
  std::string target;
};

struct PendingSig {
  PageBox box;
  std::string name;
};

/// The fonts and images a page's content names, registered in the page's /Resources by the
/// implementation. Names must stay valid until the page is built.
class ContentResources {
 public:
  virtual ~ContentResources() = default;
  /// Makes the font of `file` current and names it in the page's resources ("F1"); null when
  /// the font is unusable (the implementation reports it).
  virtual const std::string* font(const FontFile& file) = 0;
  /// Records that the current font shows `gid` for `cluster` (UTF-8, may be empty) and returns
  /// the glyph's /W width in 1/1000 em; empty when the font has no such glyph.
  virtual std::optional<double> glyph(uint32_t gid, std::string_view cluster) = 0;
  /// Names `image` in the page's resources ("Im1"), embedding it on first use; null when it
  /// cannot be embedded (the implementation reports it).
  virtual const std::string* image(const frame::ImageData& image) = 0;
};

/// What building one page gives: its content stream (uncompressed), the links and signature
/// fields it placed, in page space, in item order, and for each marked-content id (MCID) of
/// the page the structure element it belongs to.
struct PageContent {
  std::string stream;
  std::vector<PendingLink> links;
  std::vector<PendingSig> sigs;
  std::vector<uint32_t> mcid_elems;
};

/// Builds content streams page by page. Each glyph run states only what changed since the
/// previous one (font, size, colour, rise); positions are absolute (Tm), and adjustments under
/// 0.05/1000 em are dropped without drift. Problems (a run without a font, a rotation that is
/// not a multiple of 90, a glyph missing from its font, an anchor defined twice) go to `sink`
/// prefixed "page N: ". One builder serves a whole document: it reuses its glyph buffer.
///
/// With `structure` (a tagged document), frame::Marks become marked content: the content of an
/// element is a "/TD <</MCID n>> BDC … EMC" sequence (MCIDs numbered per page), an artifact
/// "/Artifact BMC … EMC" (or with /Type /Pagination). A sequence always closes a text object
/// first and never spans a Group's q … Q. Without it, Marks are ignored.
class ContentStreamBuilder {
 public:
  ContentStreamBuilder(ContentResources& resources, DiagnosticSink& sink,
                       const frame::Structure* structure = nullptr)
      : res_(resources), sink_(sink), structure_(structure) {}

  /// The content of `page` (index `index`); its anchors are added to `anchors`, where the first
  /// definition of an id wins.
  PageContent build(const frame::Page& page, size_t index,
                    std::map<std::string, AnchorPos>& anchors);

 private:
  /// What the content stream has set so far, so each glyph run states only what changes.
  /// Font, size, fill colour and rise are graphics state (restored by Q).
  struct TextState {
    bool in_text = false;  // between BT and ET
    std::string font;      // resource name of the current Tf; empty before the first
    double size = 0;
    std::optional<Color> fill;  // unset until the first rg: the initial DeviceGray is not used
    int64_t rise = 0;           // thousandths of a point
  };

  void emit_frame(const frame::Frame& fr, const Matrix& to_page);
  /// Before painting: opens the marked-content sequence of the Mark in force, if not open.
  void enter_marked();
  void close_marked();
  void emit_run(const frame::GlyphRun& run);
  void emit_image(const frame::Image& img);
  void end_text();

  ContentResources& res_;
  DiagnosticSink& sink_;
  std::string scratch_;  // emit_run's buffer for the glyphs of one run, reused
  // The page being built.
  size_t index_ = 0;
  PageContent out_;
  TextState text_;
  std::map<std::string, AnchorPos>* anchors_ = nullptr;
  const frame::Structure* structure_;
  std::optional<frame::Mark> mark_;  // in force for the items being written
  std::optional<frame::Mark> open_;  // whose sequence is open in the stream
};

/// The smallest page-space box holding `r` (frame coordinates, y down) mapped by `to_page`.
PageBox map_rect(const Rect& r, const Matrix& to_page);

/// "page 3: ", the prefix of a diagnostic about page index 2.
std::string page_where(size_t index);

}  // namespace lkjip::pdf
