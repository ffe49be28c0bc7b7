// The PDF writer's internals, shared by pdf/pdf_writer.cpp (the document and its pages),
// pdf/page_resources.cpp (fonts and images named by the page content that
// pdf/content_stream.h builds), pdf/navigation.cpp (links, signature fields, outline, page
// labels) and pdf/metadata.cpp (Info, XMP, OutputIntent).
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
#include "pdf/content_stream.h"
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

/// A page box as PoDoFo's rectangle.
inline PdfRect pdf_rect(const PageBox& b) {
  return PdfRect(b.left, b.bottom, b.right - b.left, b.top - b.bottom);
}
/// [left bottom right top] to PdfRect's 6 decimals, as raw numbers (see real_obj).
inline PdfArray pdf_array(const PageBox& b) {
  PdfArray a;
  for (double v : {b.left, b.bottom, b.right, b.top}) a.push_back(real_obj(v, 6));
  return a;
}

struct PageState {
  size_t index = 0;
  PdfPage* page = nullptr;
  std::set<std::string> resources;  // names already in this page's /Resources
  std::vector<PendingLink> links;
  std::vector<PendingSig> sigs;
  std::vector<uint32_t> mcid_elems;  // the structure element of each MCID of the page
};

/// Checks the container structure PoDoFo's decoders rely on, so damaged files become a clear
/// diagnostic instead of a libjpeg/libpng failure deep inside PoDoFo.
std::string image_problem(const frame::ImageData& img);

/// Decodes the whole image (row by row, one row of memory) with lkjip's own libpng/libjpeg
/// error handlers: what is damaged, in lkjip's words, or empty. Nothing reaches stderr.
std::string decode_problem(const frame::ImageData& img);

/// Writes one document. Implements ContentResources over PoDoFo for the page being built.
class Writer : private ContentResources {
 public:
  Writer(const frame::PagedDocument& doc, const PdfOptions& opt, DiagnosticSink& sink)
      : in_(doc), opt_(opt), sink_(sink), date_(pdf_date(doc.info.epoch)) {
    std::lock_guard lock(podofo_clock_mutex());
    pdf_ = std::make_unique<PdfMemDocument>();
    fonts_ = std::make_unique<FontEmbedder>(*pdf_);
  }

  std::optional<std::string> run();

 private:
  // ContentResources, for the page `page_`.
  const std::string* font(const FontFile& file) override;
  std::optional<double> glyph(uint32_t gid, std::string_view cluster) override;
  const std::string* image(const frame::ImageData& image) override;
  void add_resource(PageState& ps, const std::string& name, const PdfReference& ref,
                    const char* kind);
  PdfArray destination(const AnchorPos& a) const;
  PdfAnnotation* create_annotation(PdfPage* page, EPdfAnnotation type, const PageBox& box);
  void write_annotations(PageState& ps);
  void write_outline();
  void write_page_labels();
  void write_metadata();
  /// The structure tree of a tagged document (in_.structure not empty), from the pages' MCIDs.
  void write_structure(const std::vector<PageState>& pages);
  std::optional<std::string> serialise();

  /// Throws InternalError naming every breach when there is one; forwards their warnings.
  void raise_breaches();

  const frame::PagedDocument& in_;
  const PdfOptions& opt_;
  DiagnosticSink& sink_;
  /// Frames that break the layout stage's contract (a run without a font, a link to no anchor,
  /// a field twice, unordered page labels …): a bug in lkjip, never the user's fault, so they
  /// end the run as an internal error (exit 70), all of them named, not as a user error.
  DiagnosticSink breaches_;
  const std::string date_;
  std::unique_ptr<PdfMemDocument> pdf_;
  std::vector<std::unique_ptr<PdfPage>> pages_;  // by index; destroyed before pdf_
  std::unique_ptr<FontEmbedder> fonts_;
  PageState* page_ = nullptr;                   // the page being built
  FontEmbedder::Font* current_font_ = nullptr;  // of the last font() call
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
