// The PDF stage: serialises a PagedDocument with PoDoFo 0.9.8 as the object layer and hand-built
// Type0/CIDFontType2 fonts for shaped text. The only folder that includes PoDoFo.
#pragma once

#include <optional>
#include <string>

#include "base/diagnostic.h"
#include "frame/frame.h"

namespace lkjip::pdf {

struct PdfOptions {
  /// Adds the PDF/A-2b ingredients: XMP metadata stream and the sRGB OutputIntent.
  bool pdfa = true;
  /// ICC profile for the OutputIntent (ICC v2 sRGB from icc-profiles-free), read when pdfa.
  std::string icc_profile = "/usr/share/color/icc/sRGB.icc";
};

/// Serialises the document. Never throws: PoDoFo exceptions and bad images become errors in
/// `sink` and the result is empty. Output is a pure function of `doc` and the ICC file, so the
/// same document gives the same bytes in any time zone. Safe to call from several threads at
/// once for different documents.
std::optional<std::string> write_pdf(const frame::PagedDocument& doc, const PdfOptions& opt,
                                     DiagnosticSink& sink);

/// True when the file at `path` exists and carries at least one signed signature field (a /Sig
/// with /ByteRange and /Contents) — used to refuse overwriting a signed original. A file PoDoFo
/// cannot parse counts as signed when its bytes contain "/ByteRange", erring on the safe side.
bool file_carries_signature(const std::string& path);

}  // namespace lkjip::pdf
