// Hand-built Type0 / CIDFontType2 fonts (Identity-H, /CIDToGIDMap /Identity) for HarfBuzz glyph
// ids, which PoDoFo's own font classes cannot take. One PDF font per FontFile, named /F1, /F2…
// in order of first use; the embedded program is an hb-subset of the used glyphs.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <podofo/podofo.h>

#include "base/diagnostic.h"
#include "base/font_file.h"

namespace lkjip::pdf {

class FontEmbedder {
 public:
  struct Font;

  explicit FontEmbedder(PoDoFo::PdfMemDocument& doc);
  ~FontEmbedder();
  FontEmbedder(const FontEmbedder&) = delete;
  FontEmbedder& operator=(const FontEmbedder&) = delete;

  /// The PDF font for `file`, created on first use. Null (with an error in `sink`) when the
  /// bytes are not a usable font; the failure is remembered and reported once.
  Font* get(const FontFile& file, DiagnosticSink& sink);

  /// Resource name ("F1") and the Type0 object to put in a page's /Font resources.
  static const std::string& resource_name(const Font& font);
  static PoDoFo::PdfReference reference(const Font& font);

  /// Records that `gid` is shown for `text` (the UTF-8 cluster, may be empty; the first
  /// non-empty text per glyph feeds /ToUnicode) and returns the glyph's /W width in 1/1000 em.
  /// Empty when `gid` is not in the font.
  std::optional<double> use(Font& font, uint32_t gid, std::string_view text);

  /// Writes descriptor, /W, /ToUnicode and the subset program of every font used.
  /// False (with errors in `sink`) when subsetting fails.
  bool finish(DiagnosticSink& sink);

 private:
  PoDoFo::PdfMemDocument& doc_;
  std::vector<std::unique_ptr<Font>> fonts_;            // in order of first use
  std::unordered_map<const FontFile*, Font*> by_file_;  // lookup only, never iterated
  std::unordered_set<const FontFile*> failed_;
};

}  // namespace lkjip::pdf
