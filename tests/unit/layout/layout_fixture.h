// Shared test scaffolding for layout tests: real Liberation fonts, a context, document
// builders and frame text extraction.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "doc/doc.h"
#include "layout/context.h"
#include "text/fonts.h"

namespace lkjip::layout::testing {

/// Liberation Serif from the Debian fonts folder, loaded once per test binary.
inline std::shared_ptr<const text::FontSet> liberation() {
  static std::shared_ptr<const text::FontSet> fonts = [] {
    FontConfig cfg;
    cfg.search_dirs = {"/usr/share/fonts/truetype/liberation2"};
    cfg.families = {{"Liberation Serif", "LiberationSerif-Regular.ttf", "LiberationSerif-Bold.ttf",
                     "LiberationSerif-Italic.ttf", "LiberationSerif-BoldItalic.ttf"}};
    cfg.config_path = "test";
    DiagnosticSink sink;
    return text::FontSet::load(cfg, {"Liberation Serif"}, sink);
  }();
  return fonts;
}

class LayoutTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_NE(fonts_, nullptr) << "Liberation Serif not loadable"; }
  report::LayoutStyle style_;
  std::shared_ptr<const text::FontSet> fonts_ = liberation();
  DiagnosticSink sink_;
  Context ctx_{style_, *fonts_, nullptr, sink_};
};

inline doc::Cell cell(std::string text, doc::CellAlign align = doc::CellAlign::left) {
  doc::Paragraph p;
  p.content = {doc::Inline{std::move(text), false, false, false, ""}};
  p.indent = false;
  doc::Cell c;
  c.blocks.push_back({std::move(p)});
  c.align = align;
  return c;
}

inline doc::Row row(std::vector<doc::Cell> cells, doc::Row::Kind kind = doc::Row::Kind::body) {
  doc::Row r;
  r.cells = std::move(cells);
  r.kind = kind;
  return r;
}

/// Every glyph run of `f` (groups included, offsets ignored) in item order.
inline void runs(const frame::Frame& f, std::vector<const frame::GlyphRun*>& out) {
  for (const auto& item : f.items) {
    if (const auto* r = std::get_if<frame::GlyphRun>(&item)) out.push_back(r);
    if (const auto* g = std::get_if<frame::Group>(&item)) runs(*g->frame, out);
  }
}

/// The text of every glyph run, one run per line.
inline std::string text_of(const frame::Frame& f) {
  std::vector<const frame::GlyphRun*> rs;
  runs(f, rs);
  std::string s;
  for (const auto* r : rs) s += r->text + "\n";
  return s;
}

inline size_t count(const std::string& hay, const std::string& needle) {
  size_t n = 0;
  for (size_t p = hay.find(needle); p != std::string::npos; p = hay.find(needle, p + 1)) ++n;
  return n;
}

}  // namespace lkjip::layout::testing
