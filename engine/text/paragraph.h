// Paragraph composition: styled spans -> shaped, hyphenated, broken and justified lines of
// positioned glyphs, ready for layout to stack. Knows line widths, never pages.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "frame/frame.h"
#include "text/fonts.h"
#include "text/hyphenate.h"

namespace lkjip::text {

/// A run of text in one style. `link` (optional) is an anchor id the run links to. `text`
/// views the caller's string, which must outlive the compose_paragraph call (composed lines
/// hold copies).
struct Span {
  std::string_view text;
  const Font* font = nullptr;
  Pt size = Pt(12);
  Color color = Color::black();
  bool underline = false;
  std::string link;
};

enum class Align { justify, left, center, right };

/// Justified lines spread their letters a little along with their spaces, so that a line short
/// of material is not made of wide holes, and fewer capitalised names need dividing
/// (letter-spacing justification as in InDesign; pdfTeX expands the glyphs instead). Per gap
/// between two letters of a word, in ems of its size, at adjustment ratio 1 (spaces at 1.5x
/// their width): 1.5 % of an em wider, or at most 0.5 % narrower. Ragged lines keep their
/// letters as shaped.
inline constexpr double kLetterStretchEm = 0.015;
inline constexpr double kLetterShrinkEm = 0.005;

struct ParagraphOptions {
  Align align = Align::justify;
  Pt first_line_indent;
  bool hyphenate = true;
  /// Capitalised words (names, title words: Kecamatan, Megaluh) are divided freely only where
  /// they open a sentence (the paragraph's first word, or after . ! ? :); elsewhere only as a
  /// last resort against a loose line, unless this is set.
  bool hyphenate_capitalised = false;
  double tolerance = 2.0;  // see BreakParams
  /// Available width of line i (0-based); lines past the end use the last. Not empty.
  std::vector<Pt> line_widths;
};

/// A set line: glyph runs positioned relative to the line's start on the baseline (y = 0),
/// already justified. `ascent`/`descent` are the maximum over its runs (positive values).
struct SetLine {
  std::vector<frame::GlyphRun> runs;
  std::vector<frame::Line> underlines;   // relative to the baseline like the runs
  std::vector<frame::Link> links;        // rect relative to the baseline origin (y < 0 above)
  Pt natural_width;  // width the content occupies after justification
  Pt ascent, descent;
  double ratio = 0;
  double space_factor = 1;  // widest word space as set / its natural width
  bool overfull = false;
  bool ends_with_hyphen = false;
  /// Ends inside a word that is wider than the line and has no hyphenation point there: the
  /// word continues on the next line with nothing marking the break.
  bool breaks_word = false;
};

struct ComposedParagraph {
  std::vector<SetLine> lines;
  size_t overfull_lines = 0;
};

/// Composes a paragraph. Spaces are glue (stretch 1/2, shrink 1/3 of the space width, as TeX);
/// words are hyphenated with `hyphenator` when options.hyphenate and it is non-null; an explicit
/// "\n" in a span forces a line break. An empty paragraph gives zero lines. A word wider than the
/// line is set overfull (never dropped). Thread-safe for distinct calls.
ComposedParagraph compose_paragraph(const std::vector<Span>& spans, const ParagraphOptions& options,
                                    const Hyphenator* hyphenator);

}  // namespace lkjip::text
