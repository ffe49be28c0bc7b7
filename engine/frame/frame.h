// The frame IR: the dumb, fully positioned output of layout and the only input of pdf/.
// Coordinates are points with the origin at the top-left of the enclosing frame and y
// growing downwards; pdf/ converts to PDF user space. Nothing here knows about documents.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "base/diagnostic.h"
#include "base/font_file.h"
#include "base/units.h"

namespace lkjip::frame {

/// One positioned glyph. `advance` is the advance actually used on the page (shaped advance
/// plus kerning plus any justification stretch), so pdf/ can emit TJ adjustments from it.
/// [cluster_begin, cluster_end) is the byte range of GlyphRun::text this glyph represents;
/// glyphs after the first in a cluster have an empty range.
struct Glyph {
  uint32_t gid = 0;
  Pt advance;
  Pt x_offset, y_offset;
  uint32_t cluster_begin = 0, cluster_end = 0;
};

/// Shaped text in one font and size. `origin` is the start of the baseline.
struct GlyphRun {
  const FontFile* font = nullptr;  // non-owning, see FontFile
  Pt size;
  Point origin;
  Color color = Color::black();
  std::string text;  // the UTF-8 text the glyphs came from (for /ToUnicode)
  std::vector<Glyph> glyphs;
  Pt width() const {
    Pt w;
    for (const auto& g : glyphs) w += g.advance;
    return w;
  }
};

struct Line {
  Point from, to;
  Pt width = Pt(0.5);
  Color color = Color::black();
};

/// A rectangle, filled and/or stroked.
struct Box {
  Rect rect;
  std::optional<Color> fill;
  std::optional<Color> stroke;
  Pt stroke_width = Pt(0.5);
};

/// A polyline or polygon (charts, connectors).
struct Path {
  std::vector<Point> points;
  bool closed = false;
  std::optional<Color> fill;
  std::optional<Color> stroke;
  Pt stroke_width = Pt(0.5);
};

/// Decoded-enough image data: the original file bytes (JPEG is passed through unchanged,
/// PNG is decoded by pdf/) and its pixel size, already validated by the stage that loaded it.
struct ImageData {
  enum class Kind { png, jpeg } kind = Kind::png;
  std::vector<unsigned char> bytes;
  int width_px = 0, height_px = 0;
  std::string source_path;
  SourceLoc loc;  // the description line that names the image: where its errors are reported
};

struct Image {
  Rect rect;
  std::shared_ptr<const ImageData> data;
};

/// A clickable area that jumps to an Anchor of the same document.
struct Link {
  Rect rect;
  std::string target;
};

/// A named position (heading, caption) for links, outlines and page-number introspection.
struct Anchor {
  std::string id;
  Point pos;
};

/// An empty AcroForm signature field (/FT /Sig) covering `rect`, named `name`.
struct SignatureField {
  Rect rect;
  std::string name;
};

/// The standard structure types lkjip tags with (PDF 32000-1 14.8.4), written by pdf/ as /S.
enum class Role : uint8_t {
  document, sect, h1, h2, h3, h4, p, l, li, lbl, lbody, table, thead, tbody, tr, th, td,
  caption, figure, toc, toci
};

/// One element of the structure tree (the logical document a screen reader or a reflowing
/// viewer reads). `kids` are in reading order; the element's own content is what the Marks
/// naming it cover, in content order. Data only: layout/ fills it, pdf/ writes it.
struct StructElem {
  Role role = Role::p;
  uint32_t parent = 0;
  std::vector<uint32_t> kids;
  std::string alt;               // Figure: what a screen reader says instead of the drawing
  int colspan = 1, rowspan = 1;  // TH, TD
  bool column_header = false;    // TH: /Scope /Column
};

/// The PDF standard structure type of `role` ("Document", "H1", "TD").
const char* structure_type(Role role);

/// The structure tree; elems[0] is the Document root (empty: the document is not tagged).
struct Structure {
  std::vector<StructElem> elems;
};

/// Marks the items after it in the same frame, up to the next Mark, as the content of
/// structure element `elem`, or as an artifact: `layout` (rules, fills, leader dots) or
/// `pagination` (running heads, page numbers, repeated table headers). Content under no
/// Mark is written untagged, which the tagging tests catch.
struct Mark {
  enum class Kind : uint8_t { content, layout, pagination } kind = Kind::content;
  uint32_t elem = 0;
};

struct Frame;

/// A sub-frame placed at `offset`, optionally rotated by a multiple of 90 degrees, for
/// landscape tables. Rotation 90 turns the sub-frame a quarter turn counter-clockwise as seen on
/// the page: its top edge lies along the left and its top-left corner lands at `offset`, so a
/// sub-frame point (u, v) lands at (offset.x + v, offset.y - u).
struct Group {
  Point offset;
  int rotation = 0;  // 0, 90, 180 or 270
  std::shared_ptr<const Frame> frame;
};

using Item =
    std::variant<GlyphRun, Line, Box, Path, Image, Link, Anchor, SignatureField, Group, Mark>;

struct Frame {
  Size size;
  std::vector<Item> items;
  void add(Item item) { items.push_back(std::move(item)); }
};

struct Page {
  Size size;  // media box
  Frame content;
  /// Quarter turns clockwise a viewer applies when showing the page (PDF /Rotate, 0 or 90):
  /// 90 on a page whose body is a Group turned 90 (landscape), so it reads upright on screen.
  /// The content, page number included, stays where it is on the sheet, so print is unchanged.
  int view_rotation = 0;
};

/// /PageLabels: from page `first_page` (0-based) on, labels are `prefix` + number in `style`.
struct PageLabelRange {
  size_t first_page = 0;
  enum class Style { none, decimal, roman_lower, roman_upper } style = Style::decimal;
  int start = 1;
  std::string prefix;
};

/// One bookmark; `level` 0 is a top-level entry, children follow their parent.
struct OutlineEntry {
  std::string title;
  int level = 0;
  std::string anchor;
};

/// Document information. `epoch` (seconds since 1970, UTC) dates the document; it comes from
/// the description or SOURCE_DATE_EPOCH, never from the wall clock, so output is reproducible.
struct DocumentInfo {
  std::string title, author, subject, keywords;
  std::string creator = "lkjip";
  std::string lang = "id-ID";
  int64_t epoch = 0;
};

struct PagedDocument {
  std::vector<Page> pages;
  std::vector<PageLabelRange> page_labels;
  std::vector<OutlineEntry> outline;
  DocumentInfo info;
  Structure structure;
};

/// Line-per-item text dump of a paged document, for golden tests and `--dump=frames`.
std::string dump(const PagedDocument& doc);

}  // namespace lkjip::frame
