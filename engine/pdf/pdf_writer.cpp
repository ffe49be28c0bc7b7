#include "pdf/pdf_writer.h"

#include <podofo/podofo.h>

#include <deque>
#include <mutex>

#include "pdf/file_id.h"
#include "pdf/flate.h"
#include "pdf/font_embedder.h"
#include "pdf/pdf_format.h"
#include "pdf/pdf_objects.h"
#include "pdf/writer.h"

namespace lkjip::pdf::detail {

using namespace PoDoFo;

std::mutex& podofo_clock_mutex() {
  static std::mutex m;
  return m;
}

void quiet_podofo() {
  static std::once_flag once;
  std::call_once(once, [] {
    PdfError::EnableDebug(false);
    PdfError::EnableLogging(false);
  });
}

PdfString text_string(const std::string& s) {
  if (is_plain_ascii(s)) return PdfString(s);
  return PdfString(reinterpret_cast<const pdf_utf8*>(s.c_str()));
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
  if (n == 0) internal_error("the PDF writer was given a document without pages");
  // All pages in one call: inserting them one by one walks the page tree each time.
  std::vector<PdfRect> sizes;
  sizes.reserve(n);
  for (const frame::Page& p : in_.pages) {
    if (!(p.size.width.v > 0 && p.size.height.v > 0))
      breaches_.error({}, "page size " + num(p.size.width.v) + " x " + num(p.size.height.v) +
                              " is not positive");
    if (p.view_rotation % 90 != 0)
      breaches_.error(
          {}, "page view rotation " + std::to_string(p.view_rotation) + " is not a multiple of 90");
    sizes.emplace_back(0, 0, p.size.width.v, p.size.height.v);
  }
  raise_breaches();
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
    page->GetDictionary().AddKey("MediaBox", pdf_array(PageBox{0, 0, size.width.v, size.height.v}));
    if (const int rot = in_.pages[i].view_rotation; rot != 0)
      page->GetDictionary().AddKey("Rotate", static_cast<pdf_int64>(rot));
    pages_.push_back(std::make_unique<PdfPage>(page, parents));
  }
  std::vector<PageState> pages(n);
  ContentStreamBuilder content(*this, breaches_,
                               in_.structure.elems.empty() ? nullptr : &in_.structure);
  for (size_t i = 0; i < n; ++i) {
    PageState& ps = pages[i];
    ps.index = i;
    ps.page = pages_[i].get();
    page_ = &ps;
    PageContent built = content.build(in_.pages[i], i, anchors_);
    ps.links = std::move(built.links);
    ps.sigs = std::move(built.sigs);
    ps.mcid_elems = std::move(built.mcid_elems);
    set_flate_stream(*ps.page->GetContentsForAppending(), built.stream);
  }
  page_ = nullptr;
  fonts_->finish(sink_);
  for (PageState& ps : pages) write_annotations(ps);
  write_outline();
  write_page_labels();
  write_metadata();
  write_structure(pages);
  raise_breaches();
  if (sink_.has_errors()) return std::nullopt;
  return serialise();
}

void Writer::raise_breaches() {
  std::string what;
  for (const Diagnostic& d : breaches_.all()) {
    if (d.severity != Severity::error) {
      sink_.report(d);
      continue;
    }
    what += (what.empty() ? "" : "; ") + d.message;
  }
  if (!what.empty()) internal_error("the PDF writer was given broken frames: " + what);
}

}  // namespace lkjip::pdf::detail

namespace lkjip::pdf {

using namespace PoDoFo;
using namespace detail;

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

}  // namespace lkjip::pdf
