// The whole pipeline for one report: description -> model -> computed tables -> document tree
// -> pages -> PDF bytes. Shared resources (layouts, fonts, hyphenation patterns) are loaded once
// per process and shared read-only between reports rendered in parallel.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"
#include "frame/frame.h"
#include "report/layout_style.h"
#include "text/fonts.h"
#include "text/hyphenate.h"

namespace lkjip::pipeline {

/// Process-wide caches. Thread-safe; failures are not cached, so every report that needs a
/// broken resource gets its own diagnostics.
class Resources {
 public:
  explicit Resources(std::string data_dir) : data_dir_(std::move(data_dir)) {}
  const std::string& data_dir() const { return data_dir_; }
  /// `asked_at`: where the name was written, for the unknown-layout error; `beside_dir`: the
  /// description's folder, whose layouts/ comes first (report::layout_file). Cached by file.
  std::optional<report::LayoutStyle> layout(const std::string& name, DiagnosticSink& sink,
                                            const SourceLoc& asked_at = {},
                                            const std::string& beside_dir = {});
  /// Fonts of every family the layout names.
  std::shared_ptr<const text::FontSet> fonts(const report::LayoutStyle& style,
                                             DiagnosticSink& sink);
  std::shared_ptr<const text::Hyphenator> hyphenator(const std::string& path,
                                                     DiagnosticSink& sink);

 private:
  std::string data_dir_;
  std::mutex mutex_;
  std::map<std::string, report::LayoutStyle> layouts_;
  std::map<std::string, std::shared_ptr<const text::FontSet>> fonts_;
  std::map<std::string, std::shared_ptr<const text::Hyphenator>> hyphenators_;
};

struct RenderOptions {
  std::string layout;            // overrides the description's layout when non-empty
  bool allow_outside = false;    // image paths may leave the description's folder
  std::optional<int64_t> epoch;  // SOURCE_DATE_EPOCH: overrides the date from the description
  std::string dump;              // "", "doctree" or "frames": also return that dump
  std::optional<std::string> sign_anchor;  // --sign-anchor: replaces the layout's anchor
};

/// Where an empty signature field sits, for electronic signing services that place the
/// visible signature by page and coordinates (BSrE).
struct SignSpot {
  std::string field;
  size_t page = 0;  // 1-based physical page
  std::string page_label;
  Rect rect;        // points, origin top-left of the page
  Size page_size;
};

struct Rendered {
  std::string pdf;
  size_t pages = 0;
  int layout_passes = 0;
  std::vector<SignSpot> sign_spots;
  std::string dump;
};

/// Renders one description file. Every problem is a diagnostic in `sink`; the result is empty
/// when there was any error (then nothing may be written). Never throws except InternalError.
std::optional<Rendered> render(const std::string& input, const RenderOptions& options,
                               Resources& resources, DiagnosticSink& sink);

/// The same for description text already in memory (fuzzing, tests); `path` names it in
/// diagnostics and anchors its relative paths.
std::optional<Rendered> render_text(std::string_view text, const std::string& path,
                                    const RenderOptions& options, Resources& resources,
                                    DiagnosticSink& sink);

/// Writes `bytes` to `path` through a temporary file in the same folder (`.NAME.tmp-PID-XXXXXX`)
/// and a rename, so a failure never leaves a truncated file and never damages the previous one.
/// After a successful write, temporary files of the same target left by processes that no
/// longer run (killed mid-write) are removed. Returns an error message, or empty on success.
std::string write_file_atomically(const std::string& path, const std::string& bytes);

}  // namespace lkjip::pipeline
