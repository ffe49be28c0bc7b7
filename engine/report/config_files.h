// Reading the layout (layouts/<name>.toml) and font configuration (fonts/fonts.toml) files.
// Both are TOML, so they live here with the only toml++ code (DESIGN.md).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "base/diagnostic.h"
#include "base/font_file.h"
#include "report/layout_style.h"

namespace lkjip::report {

/// True for a layout name (no '/', no .toml), false for a path to a layout file.
bool is_layout_name(const std::string& name);

/// The file a layout `name` means: for a plain name (no '/', no .toml), `<beside_dir>/layouts/
/// <name>.toml` when that file exists (a layout kept beside the description; `beside_dir` empty:
/// none), else `<data_dir>/layouts/<name>.toml`; any other name is a path to a .toml file
/// (a description's own layout file arrives resolved and confined by the description reader).
std::string layout_file(const std::string& name, const std::string& data_dir,
                        const std::string& beside_dir);

/// Loads the layout `name` (see layout_file). Unknown layout, unknown keys, wrong types:
/// located errors, empty result. `asked_at` is where the name was written (a description's
/// `layout` key), the location of the unknown-layout error; unknown for a name from the
/// command line. A layout with `extends = "<name>"` starts from that layout and overrides it.
std::optional<LayoutStyle> load_layout(const std::string& name, const std::string& data_dir,
                                       DiagnosticSink& sink, const SourceLoc& asked_at = {},
                                       const std::string& beside_dir = {});

/// Checks the layout's values against its page: margins, running header, page number and
/// draft mark within the paper and outside the text area, font sizes, spacing, indents and
/// the signature space small enough that what they shape fits the text area. Each problem is
/// an error at the key that sets the value (at the paper when the value is a default, so the
/// paper is what does not fit). False when there was one. load_layout checks its layout; a
/// caller that changes the paper afterwards ([report] paper) checks again.
bool check_fits_page(const LayoutStyle& s, DiagnosticSink& sink, const SourceLoc& paper_at = {});

/// True when `s` is empty (no anchor) or exactly one visible character (one UTF-8 code point,
/// no space or control character): the rule for the BSrE signature anchor (`[signature]
/// anchor`, `--sign-anchor`).
bool is_anchor_character(std::string_view s);

/// Loads <data_dir>/fonts/fonts.toml; search_dirs = <data_dir>/fonts first, then the folders
/// the file lists (the Debian font folders).
std::optional<FontConfig> load_font_config(const std::string& data_dir, DiagnosticSink& sink);

}  // namespace lkjip::report
