// The semantic document tree: what the report says, in reading order, with every number
// already computed and formatted and every caption numbered. No geometry: layout/ decides
// where things go. Built by doc::build from the report, the computed tables and the layout.
#pragma once

#include <cmath>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "base/diagnostic.h"
#include "frame/frame.h"
#include "report/layout_style.h"

namespace lkjip::doc {

/// A run of inline text. Computed values arrive here already formatted; `link` is the anchor
/// id a cross-reference points to (empty: not a link).
struct Inline {
  std::string text;
  bool bold = false;
  bool italic = false;
  bool underline = false;
  std::string link;
};
using Inlines = std::vector<Inline>;

struct Block;
using Blocks = std::vector<Block>;

struct Paragraph {
  Inlines content;
  bool indent = true;  // first-line indent of body paragraphs
  report::HAlign align = report::HAlign::justify;
  SourceLoc loc;       // where the paragraph starts in the description (warnings)
};

/// Heading inside a chapter (level 1..3). Chapters themselves are doc::Chapter.
struct Heading {
  int level = 1;
  std::string number;  // formatted per layout ("2.1", "A.", "") — empty when unnumbered
  Inlines title;
  std::string anchor;  // unique id for TOC, outline and links
  SourceLoc loc;
};

struct ListItem {
  std::string marker;  // "a.", "1.", "•", "(1)"
  Blocks blocks;       // paragraphs and nested lists
};

struct List {
  std::vector<ListItem> items;
};

enum class CellAlign { left, center, right, decimal };

/// A table cell: paragraphs/lists (text cells) or a single formatted number. `level` indents
/// the cell text (hierarchical program/kegiatan/sub-kegiatan rows).
struct Cell {
  Blocks blocks;  // usually one Paragraph with indent=false
  int colspan = 1;
  int rowspan = 1;
  CellAlign align = CellAlign::left;
  int level = 0;
  bool bold = false;
};

struct Row {
  enum class Kind { body, group, total, number_row } kind = Kind::body;
  std::vector<Cell> cells;  // cells covered by a span from the left/above are omitted
};

struct ColumnSpec {
  double relative_width = 0;  // > 0: fixed share of the table width; 0: automatic
  bool numeric = false;       // numbers: keep on one line when possible
};

struct Table {
  std::string anchor;
  std::string label;    // "Tabel 3.1"
  Inlines caption;      // caption text after the label
  std::vector<ColumnSpec> columns;
  std::vector<Row> header;  // repeated on every page the table continues on
  std::vector<Row> body;
  std::string source;   // note below, complete ("Sumber: …" with style.source_prefix, or a
                        // formula such as the efficiency one); empty for none
  bool allow_landscape = true;  // too wide even at the minimum size: landscape pages
  SourceLoc loc;
};

/// An organisation chart: units with parents; staff units hang beside the command line.
struct OrgNode {
  std::string name;
  int parent = -1;  // index into nodes, -1 for the root
  bool staff = false;
};

/// A chart drawn from computed data. Values are numbers; labels are formatted Indonesian text.
struct ChartSeries {
  std::string name;  // legend entry
  std::vector<double> values;  // one per category; NaN = no data (no bar/point drawn)
  std::vector<std::string> labels;  // value labels printed on bars/points (formatted)
};

struct Chart {
  enum class Kind { bars, lines } kind = Kind::bars;
  std::vector<std::string> categories;  // x-axis categories (IKU names, years, programs)
  std::vector<ChartSeries> series;
  std::string y_title;  // e.g. "Capaian (%)"
  std::string note;     // printed below the caption: how values are scaled, what was left out;
                        // without data, why nothing is drawn (printed in the chart's place)
  /// Whether any series has a value to draw; a chart without one is not drawn.
  bool has_data() const {
    for (const auto& s : series)
      for (double v : s.values)
        if (std::isfinite(v)) return true;
    return false;
  }
};

struct Figure {
  std::string anchor;
  std::string label;  // "Gambar 1.1"
  Inlines caption;
  enum class Kind { image, orgchart, chart } kind = Kind::image;
  std::shared_ptr<const frame::ImageData> image;
  std::optional<Pt> width;  // requested width; default fits the text width
  std::vector<OrgNode> org;
  Chart chart;
  SourceLoc loc;
};

/// A signature block: already-formatted lines, per Tata Naskah Dinas.
struct SignatureParty {
  std::string party;           // "Pihak Pertama" (optional caption)
  std::vector<std::string> jabatan_lines;  // "Plt. CAMAT MEGALUH," …
  std::string name;            // bold, underlined
  std::string pangkat_line;    // "Pembina (IV/a)"
  std::string nip_line;        // "NIP. 19791024 200501 1 007"
  std::string field;           // PDF signature field name; empty: none (a draft is not signed)
  bool electronic = false;     // "Ditandatangani secara elektronik" variant with QR space
};

struct Signature {
  std::string place_date;      // "Jombang, 3 Januari 2025" (above the right-hand party)
  std::vector<SignatureParty> parties;  // 1 (right-aligned) or 2 (side by side)
};

/// Table of contents, list of tables or list of figures, filled by layout from the document.
struct ListOf {
  enum class Kind { contents, tables, figures } kind = Kind::contents;
};

struct PageBreak {};

struct Block {
  std::variant<Paragraph, Heading, List, Table, Figure, Signature, ListOf, PageBreak> v;
};

/// A front-matter section (KATA PENGANTAR, DAFTAR ISI …) or a body chapter (BAB I …).
struct Chapter {
  std::string anchor;
  std::string label;   // "BAB I" for chapters, "" for front matter
  std::string title;   // "PENDAHULUAN", "KATA PENGANTAR"
  bool in_toc = true;
  Blocks blocks;
};

struct Cover {
  std::string title;          // LAPORAN KINERJA INSTANSI PEMERINTAH (LKjIP)
  std::string year_line;      // TAHUN 2024
  std::string unit, region;   // KECAMATAN MEGALUH / KABUPATEN JOMBANG
  std::shared_ptr<const frame::ImageData> logo;
};

/// Front matter pages are numbered i, ii, …; body chapters restart at 1 (arabic).
struct Document {
  Cover cover;
  std::vector<Chapter> front;  // Kata Pengantar, Daftar Isi, Daftar Tabel, Daftar Gambar
  std::vector<Chapter> body;   // BAB I … BAB IV
  frame::DocumentInfo info;
  std::string running_header;  // already expanded ("LKjIP Kecamatan Megaluh Tahun 2024")
  std::string draft_mark;      // on every page of a draft ("DRAF"); empty for a final
};

/// Line-per-item dump of the tree (`--dump=doctree`, golden tests).
std::string dump(const Document& doc);

}  // namespace lkjip::doc
