// Font files and the font configuration, as plain data shared by text/ (shaping) and pdf/
// (embedding and subsetting). Loaded once, immutable afterwards, shared across threads.
#pragma once

#include <memory>
#include <string>
#include <vector>

namespace lkjip {

enum class FontStyle { regular, bold, italic, bold_italic };

/// Bytes of one font face, read once from disk. Owned by text::FontSet; frames and pdf/
/// hold plain pointers that stay valid while the FontSet lives.
struct FontFile {
  std::string path;
  std::string family;  // as named in fonts/fonts.toml, e.g. "Liberation Serif"
  FontStyle style = FontStyle::regular;
  std::vector<unsigned char> bytes;
  unsigned face_index = 0;
};

/// Which files serve which family and style (fonts/fonts.toml). File names are looked up in
/// `search_dirs` in order: the project's fonts/ folder first, then the Debian font folders.
struct FontFamilyConfig {
  std::string family;
  std::string regular, bold, italic, bold_italic;  // file names
};

struct FontConfig {
  std::vector<std::string> search_dirs;
  std::vector<FontFamilyConfig> families;
  std::string config_path;  // for diagnostics
};

}  // namespace lkjip
