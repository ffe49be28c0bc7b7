// Fonts: loading with FreeType, shaping with HarfBuzz. Knows nothing of paragraphs or pages.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"
#include "base/font_file.h"
#include "base/units.h"

namespace lkjip::text {

/// A configured font file larger than this is refused from its size, unread (the largest
/// Debian font, a Noto CJK collection, is about 20 MiB).
inline constexpr uint64_t kMaxFontFileBytes = uint64_t{32} << 20;

/// One glyph of shaped text, in font units (units_per_em per em).
struct ShapedGlyph {
  uint32_t gid = 0;
  int32_t advance = 0;
  int32_t x_offset = 0, y_offset = 0;
  uint32_t cluster = 0;  // byte offset into the shaped UTF-8 string
};

struct ShapedText {
  std::vector<ShapedGlyph> glyphs;
  int64_t advance = 0;  // sum of advances, font units
};

/// A shaping result shared with the font's cache: shaping the same word again costs a lookup,
/// not a copy of its glyphs.
using Shaped = std::shared_ptr<const ShapedText>;

/// One loaded face. Immutable after construction and safe to use from several threads
/// (shaping results are cached behind a mutex).
class Font {
 public:
  virtual ~Font() = default;
  virtual const FontFile& file() const = 0;
  virtual int units_per_em() const = 0;
  /// Typographic ascender (positive, above baseline) and descender (positive, below).
  virtual Pt ascender(Pt size) const = 0;
  virtual Pt descender(Pt size) const = 0;
  virtual Pt cap_height(Pt size) const = 0;
  /// Underline offset below the baseline (positive) and stroke thickness, from the font's
  /// post table; the defaults (a tenth and a twentieth of the size) serve fonts without one.
  virtual Pt underline_position(Pt size) const { return size * 0.1; }
  virtual Pt underline_thickness(Pt size) const { return size * 0.05; }
  /// Shapes UTF-8 text as Indonesian (Latin script, left to right) with kerning and the
  /// font's default ligatures.
  virtual Shaped shape(std::string_view utf8) const = 0;
  /// Advance width of `utf8` set at `size`.
  Pt width(std::string_view utf8, Pt size) const { return to_pt(shape(utf8)->advance, size); }
  /// Font units to points at `size`.
  Pt to_pt(int64_t units, Pt size) const {
    return Pt(static_cast<double>(units) * size.v / units_per_em());
  }
};

/// The fonts of one or more families, loaded once and shared read-only (bulk rendering
/// shares one FontSet between threads). Owns the Font objects and their FontFile bytes.
class FontSet {
 public:
  virtual ~FontSet() = default;
  /// Loads every style of each family in `families` as configured in `config`. A family that
  /// is not configured, or a file that cannot be found in the search folders or cannot be read
  /// as a font, is an error in `sink` and the result is null. The error is located where
  /// `asked_at` says the family was asked for (a layout's key), else at config.config_path.
  static std::shared_ptr<const FontSet> load(const FontConfig& config,
                                             const std::vector<std::string>& families,
                                             DiagnosticSink& sink,
                                             const std::map<std::string, SourceLoc>& asked_at = {});
  /// Null when the family/style was not loaded. A missing italic/bold style falls back
  /// to regular only if the config names no file for it.
  virtual const Font* find(std::string_view family, FontStyle style) const = 0;
};

}  // namespace lkjip::text
