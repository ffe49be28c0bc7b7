// The document layout (layouts/<name>.toml) as plain data: page geometry, fonts, sizes,
// spacing, numbering and table styling. Defaults equal layouts/lkjip.toml, so a struct built
// in a test is a realistic layout. All lengths are points; the TOML gives millimetres (mm keys)
// or points (pt keys) as documented in layouts/README.md.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "base/units.h"

namespace lkjip::report {

/// Deepest list nesting (doc/markup refuses deeper lists): every level indents its text further,
/// so a deeper list would run off the page, and list indents are checked against the text width
/// at this depth.
inline constexpr int kMaxListDepth = 8;

struct TextStyle {
  std::string family = "Liberation Serif";
  Pt size = Pt(12);
  bool bold = false;
  bool italic = false;
  double leading = 1.15;  // baseline distance = size × leading
  Color color = Color::black();
};

enum class HAlign { left, center, right, justify };

struct HeadingStyle {
  TextStyle text{"Liberation Serif", Pt(12), true};
  /// Number format; placeholders: {chapter} (arabic chapter number), {chapter_roman},
  /// {n} (this level's counter), {n_alpha} / {n_ALPHA} (a/A), {n_roman}, {1} {2} (counters of
  /// levels 1 and 2). Empty: unnumbered.
  std::string numbering = "{chapter}.{n}";
  Pt space_before = Pt(12);
  Pt space_after = Pt(6);
  Pt indent;              // left indent of the heading
  bool uppercase = false;
};

struct LayoutStyle {
  std::string name = "lkjip";
  std::string source_path;  // file it was read from (diagnostics)
  /// Where the layout file first names each font family (defaults it keeps are not here), so
  /// that a family fonts.toml does not configure is reported at the layout's key.
  std::map<std::string, SourceLoc> family_locs;
  /// Where the layout file sets a length or font size, by table and name ("[page]
  /// margin_left", "[heading2] size"), with the key as written ("margin_left_mm"), so that a
  /// value that does not fit the page is reported at its key (check_fits_page).
  struct SetAt {
    std::string key;
    SourceLoc loc;
  };
  std::map<std::string, SetAt> set_at;

  // Page
  Size paper{Pt(595.276), Pt(841.89)};  // A4; F4 is 609.449 × 935.433
  std::string paper_name = "A4";
  Pt margin_top = mm(25), margin_bottom = mm(25), margin_left = mm(30), margin_right = mm(25);
  Pt header_offset = mm(12);  // baseline of the running header from the top edge
  Pt footer_offset = mm(12);  // baseline of the page number from the bottom edge
  std::string header_text = "LKjIP {unit} Tahun {year}";  // empty: no running header
  TextStyle header_style{"Liberation Serif", Pt(9), false, true};
  TextStyle footer_style{"Liberation Serif", Pt(10)};
  HAlign page_number_align = HAlign::center;

  // Body text
  TextStyle body{"Liberation Serif", Pt(12), false, false, 1.5};
  Pt first_line_indent = mm(10);
  Pt paragraph_space = Pt(6);  // extra space between paragraphs
  HAlign body_align = HAlign::justify;
  bool hyphenate = true;
  bool hyphenate_capitalised = false;  // names and title words as freely as other words
  double tolerance = 2.0;  // maximum adjustment ratio before a line is reported as loose
  std::string hyphenation_dictionary = "/usr/share/hyphen/hyph_id_ID.dic";

  // Chapters: "BAB I" label line above the title, both centred, new page per chapter.
  TextStyle chapter_style{"Liberation Serif", Pt(14), true};
  std::string chapter_label = "BAB {chapter_roman}";
  Pt chapter_space_after = Pt(24);
  bool chapter_new_page = true;
  HeadingStyle heading[3] = {
      {{"Liberation Serif", Pt(12), true}, "{chapter}.{n}", Pt(12), Pt(6), Pt(0), false},
      {{"Liberation Serif", Pt(12), true}, "{chapter}.{1}.{n}", Pt(10), Pt(4), Pt(0), false},
      {{"Liberation Serif", Pt(12), true, true}, "{n_alpha}.", Pt(8), Pt(4), Pt(0), false},
  };

  // Lists
  Pt list_indent = mm(7);      // hanging indent per level (marker box width)
  Pt list_item_space = Pt(2);

  // Tables
  TextStyle table_text{"Liberation Serif", Pt(10), false, false, 1.15};
  TextStyle table_header{"Liberation Serif", Pt(10), true, false, 1.15};
  Pt table_min_size = Pt(7);        // wide tables shrink down to this size, then go landscape
  Color table_header_fill = Color::gray(0.85);
  Color table_total_fill = Color::gray(0.93);
  Color table_group_fill = Color::gray(0.95);
  Pt table_rule = Pt(0.5);
  Pt cell_padding_x = Pt(4), cell_padding_y = Pt(3);
  bool table_number_row = true;     // the "1 2 3 …" column-number row under the header
  std::string continued_suffix = " (lanjutan)";  // appended to repeated captions; empty: none
  Pt table_space_before = Pt(8), table_space_after = Pt(10);
  /// A table or figure that cannot start on the current page moves to the top of the next one
  /// while the text after it fills the gap (as LaTeX floats); false: the gap stays.
  bool table_float = true;

  // Captions: "Tabel 3.1" above tables, "Gambar 1.1" below figures, numbered per chapter.
  TextStyle caption_style{"Liberation Serif", Pt(11), true};
  std::string table_label = "Tabel {chapter}.{n}";
  std::string figure_label = "Gambar {chapter}.{n}";
  TextStyle source_style{"Liberation Serif", Pt(9), false, true};
  std::string source_prefix = "Sumber: ";

  // Front matter
  TextStyle cover_title{"Liberation Serif", Pt(20), true};
  TextStyle cover_text{"Liberation Serif", Pt(16), true};
  TextStyle front_heading{"Liberation Serif", Pt(14), true};  // KATA PENGANTAR, DAFTAR ISI …
  TextStyle toc_style{"Liberation Serif", Pt(11)};
  Pt toc_indent = mm(6);            // per level
  std::string toc_leader = ".";

  // Signature block
  Pt signature_width = mm(75);
  Pt signature_space = mm(25);      // room for the wet signature and stamp
  TextStyle signature_style{"Liberation Serif", Pt(12)};
  /// BSrE `tag_koordinat`: one character set invisibly (white, 1 pt) at the centre of every
  /// signature field, found by text search to place the electronic stamp. Empty: none.
  std::string signature_anchor;

  // Draft mark: set on every page of a draft ([report] status = "draft"), never on a final.
  std::string draft_mark = "DRAF";
  TextStyle draft_style{"Liberation Serif", Pt(16), true, false, 1.15, Color{191 / 255.0, 0, 0}};  // #BF0000
  Pt draft_offset = mm(10);  // baseline of the mark from the top edge
  HAlign draft_align = HAlign::right;

  // Charts
  std::vector<Color> chart_palette = {{0.12, 0.27, 0.53}, {0.55, 0.71, 0.87}, {0.35, 0.35, 0.35},
                                      {0.80, 0.80, 0.80}};
};

}  // namespace lkjip::report
