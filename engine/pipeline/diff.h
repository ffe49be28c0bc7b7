// `lkjip diff OLD.toml NEW.toml`: what a correction changed, before the head signs again.
#pragma once

#include <string>

#include "base/diagnostic.h"
#include "pipeline/render.h"

namespace lkjip::pipeline {

struct DiffResult {
  bool ok = false;        // both descriptions loaded and built
  size_t changes = 0;     // changed figures + changed document lines
  std::string text;       // the report, one change per line
};

/// Compares every computed figure (by its reference path) and every line of the two document
/// trees (paragraphs, headings, list items, table rows, captions, signature lines), each shown
/// with the chapter and the nearest heading or table it belongs to.
DiffResult diff_reports(const std::string& old_path, const std::string& new_path,
                        Resources& resources, DiagnosticSink& sink);

}  // namespace lkjip::pipeline
