// One print-ready PDF from several finished report PDFs (bulk printing for a secretariat):
// every report starts on a right-hand (odd) page, with blank pages inserted for duplex
// printing; one outline entry per report with the report's own outline nested below it; each
// report keeps its page labels behind a prefix, and its signature fields behind the same prefix.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/diagnostic.h"

namespace lkjip::pdf {

struct CombinePart {
  std::string pdf;  // the bytes of a finished PDF, e.g. from write_pdf
  /// Outline entry of the report; empty: the part's Info /Title (else "Laporan N").
  std::string title;
  /// Put before each of the part's page labels ("megaluh-" gives "megaluh-i", "megaluh-3")
  /// and signature field names, which must stay unique in one file. No '.' (field names).
  std::string prefix;
};

struct Combined {
  std::string pdf;
  size_t pages = 0;                 // including the blank ones
  size_t blank_pages = 0;           // inserted so that every part starts on an odd page
  std::vector<size_t> first_pages;  // 1-based first page of each part
};

/// Concatenates `parts` in order. Deterministic: the bytes depend only on the parts, their
/// titles and prefixes and `title` (Info /Title of the result); the dates are the latest
/// CreationDate of the parts. Not PDF/A (it is a print file). Problems (unreadable part, bad
/// prefix) are errors in `sink` and give nullopt. Must not run while another thread writes a
/// PDF: PoDoFo stamps new documents through the non-reentrant localtime().
std::optional<Combined> combine_pdfs(const std::vector<CombinePart>& parts,
                                     const std::string& title, DiagnosticSink& sink);

}  // namespace lkjip::pdf
