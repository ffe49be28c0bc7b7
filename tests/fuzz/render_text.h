// The steps of pipeline::render applied to description text held in memory, shared by the
// libFuzzer target (fuzz_render.cpp) and the replay of its findings (tests/golden). Problems in
// the input end as diagnostics in `sink`; only a bug (crash, sanitizer report, InternalError)
// escapes.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "compute/computed.h"
#include "doc/build.h"
#include "layout/paginate.h"
#include "pdf/pdf_writer.h"
#include "pipeline/render.h"
#include "report/model.h"

namespace lkjip::fuzz {

/// Where fuzz inputs pretend to live: tests/data, so that seeds from there find their images.
inline std::string input_path() { return LKJIP_SOURCE_DIR "/tests/data/fuzz-input.toml"; }

/// PDF bytes of `text`, or empty when the input has errors (then `sink` says why).
inline std::optional<std::string> render_text(std::string_view text,
                                              pipeline::Resources& resources,
                                              DiagnosticSink& sink) {
  auto rep = report::parse_description(text, input_path(), {}, sink);
  if (!rep) return std::nullopt;
  auto style = resources.layout(rep->layout, sink, rep->layout_loc);
  if (!style) return std::nullopt;
  if (rep->paper == "F4") {
    style->paper = {mm(215), mm(330)};
    style->paper_name = "F4";
  } else if (rep->paper == "A4") {
    style->paper = {Pt(595.276), Pt(841.89)};
    style->paper_name = "A4";
  }
  auto fonts = resources.fonts(*style, sink);
  std::shared_ptr<const text::Hyphenator> hyph;
  if (style->hyphenate) hyph = resources.hyphenator(style->hyphenation_dictionary, sink);
  if (!fonts || sink.has_errors()) return std::nullopt;
  const auto computed = compute::compute(*rep);
  auto document = doc::build(*rep, computed, *style, sink);
  if (!document || sink.has_errors()) return std::nullopt;
  const layout::Context ctx{*style, *fonts, hyph.get(), sink};
  const auto paged = layout::layout_document(ctx, *document);
  auto bytes = pdf::write_pdf(paged, pdf::PdfOptions{}, sink);
  if (!bytes || sink.has_errors()) return std::nullopt;
  return bytes;
}

}  // namespace lkjip::fuzz
