// Shared fixture data for the text tests: the Debian fonts and hyphenation dictionary.
#pragma once

#include <memory>

#include "text/fonts.h"
#include "text/hyphenate.h"

namespace lkjip::text::testing {

inline const char* kLiberationDir = "/usr/share/fonts/truetype/liberation2";
inline const char* kCrosextraDir = "/usr/share/fonts/truetype/crosextra";
inline const char* kDictionary = "/usr/share/hyphen/hyph_id_ID.dic";

inline FontConfig debian_fonts() {
  FontConfig c;
  c.search_dirs = {kLiberationDir, kCrosextraDir};
  c.families = {
      {"Liberation Serif", "LiberationSerif-Regular.ttf", "LiberationSerif-Bold.ttf",
       "LiberationSerif-Italic.ttf", "LiberationSerif-BoldItalic.ttf"},
      {"Liberation Sans", "LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf", "", ""},
      {"Carlito", "Carlito-Regular.ttf", "Carlito-Bold.ttf", "Carlito-Italic.ttf",
       "Carlito-BoldItalic.ttf"}};
  c.config_path = "fonts/fonts.toml";
  return c;
}

/// Loaded once per test binary; FontSet and Hyphenator are immutable and thread-safe.
inline std::shared_ptr<const FontSet> shared_fonts() {
  static auto fonts = [] {
    DiagnosticSink sink;
    return FontSet::load(debian_fonts(), {"Liberation Serif", "Liberation Sans", "Carlito"}, sink);
  }();
  return fonts;
}

inline std::shared_ptr<const Hyphenator> shared_hyphenator() {
  static auto h = [] {
    DiagnosticSink sink;
    return Hyphenator::load(kDictionary, sink);
  }();
  return h;
}

}  // namespace lkjip::text::testing
