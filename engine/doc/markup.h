// The narrative markup of input/SCHEMA.md ("Narrative markup"): paragraphs, headings, nested
// lists, inline bold/italic, escapes, computed values, cross-references and block lines.
// The parser knows nothing of tables or figures: block lines are handed to the caller.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"
#include "compute/computed.h"
#include "doc/doc.h"
#include "doc/numbering.h"

namespace lkjip::doc {

/// A numbered caption, known before any text is parsed so references may point forward.
struct CrossRef {
  std::string label;   // "Tabel 3.1"
  std::string anchor;  // "tabel-penduduk"
};

/// A line `@keyword arg…` on its own.
struct BlockLine {
  enum class Kind { table, figure, chart, signature, pagebreak } kind = Kind::pagebreak;
  struct Arg {
    std::string id;
    SourceLoc loc;
  };
  std::vector<Arg> args;
  SourceLoc loc;  // of the '@'
};

/// What a narrative may refer to. A null member disables the feature: its markup is then
/// reported as an error ("headings are not allowed here").
struct MarkupEnv {
  const std::map<std::string, compute::Value>* values = nullptr;  // computed-value paths
  const std::map<std::string, CrossRef>* refs = nullptr;          // {ref:id} targets
  HeadingNumbering* headings = nullptr;
  bool indent_paragraphs = true;  // first-line indent of top-level paragraphs (body text)
  report::HAlign align = report::HAlign::justify;
  /// Appends the block(s) a block line stands for, reporting its own errors (unknown ids).
  std::function<void(const BlockLine&, Blocks&)> place;
};

/// Where a text's characters were typed. `exact`: the text starts at `first` (line:column
/// inside the description) and each later line at column 1 of the next source line, so a
/// diagnostic points at the offending character. Otherwise (a caption, a cell of a TOML
/// array) the text was not typed verbatim and every diagnostic points at `first`.
struct TextOrigin {
  SourceLoc first;
  bool exact = true;
};

/// Parses a narrative. Errors go to `sink` at their position; the blocks are then incomplete.
Blocks parse_narrative(std::string_view text, const TextOrigin& origin, const MarkupEnv& env,
                       DiagnosticSink& sink);

/// Inline markup of a one-line text (captions): no blocks, lines joined like a paragraph.
Inlines parse_inline_text(std::string_view text, const TextOrigin& origin, const MarkupEnv& env,
                          DiagnosticSink& sink);

/// The block lines of a narrative, in order, without reporting anything: the caption
/// pre-pass numbers tables and figures with it before the narratives are parsed.
std::vector<BlockLine> scan_block_lines(std::string_view text, const TextOrigin& origin);

}  // namespace lkjip::doc
