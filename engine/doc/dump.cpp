// doc::dump: one line per item, two spaces of indentation per level. Inline formatting is
// shown Markdown-style (**bold**, *italic*, [text](#anchor)); table cells are " | "-joined
// with {cN}/{rN} for spans and ">" per indentation level.
#include "doc/doc.h"

#include <charconv>
#include <cmath>

namespace lkjip::doc {

namespace {

std::string inlines(const Inlines& in) {
  std::string out;
  for (const Inline& i : in) {
    std::string t = i.text;
    if (i.italic) t = "*" + t + "*";
    if (i.bold) t = "**" + t + "**";
    if (i.underline) t = "_" + t + "_";
    if (!i.link.empty()) t = "[" + t + "](#" + i.link + ")";
    out += t;
  }
  return out;
}

/// A cell's blocks on one line: paragraphs joined by " / ", list items by their markers.
std::string flat(const Blocks& blocks) {
  std::string out;
  for (const Block& b : blocks) {
    if (!out.empty()) out += " / ";
    if (const auto* p = std::get_if<Paragraph>(&b.v)) {
      out += inlines(p->content);
    } else if (const auto* l = std::get_if<List>(&b.v)) {
      for (size_t i = 0; i < l->items.size(); ++i)
        out += (i ? " " : "") + l->items[i].marker + " " + flat(l->items[i].blocks);
    }
  }
  return out;
}

std::string number(double v) {
  if (std::isnan(v)) return "-";
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, 2);  // no locale
  return std::string(buf, res.ptr);
}

class Dumper {
 public:
  std::string out;

  void line(int depth, const std::string& text) {
    out.append(static_cast<size_t>(depth) * 2, ' ');
    out += text;
    out += '\n';
  }

  void blocks(int depth, const Blocks& bs) {
    for (const Block& b : bs) std::visit([&](const auto& v) { block(depth, v); }, b.v);
  }

  void block(int depth, const Paragraph& p) {
    line(depth, std::string("para") + (p.indent ? "" : " noindent") + ": " + inlines(p.content));
  }

  void block(int depth, const Heading& h) {
    line(depth, "heading " + std::to_string(h.level) + " #" + h.anchor + ": " +
                    (h.number.empty() ? "" : h.number + " ") + inlines(h.title));
  }

  void block(int depth, const List& l) {
    line(depth, "list");
    for (const ListItem& item : l.items) {
      line(depth + 1, "item " + item.marker);
      blocks(depth + 2, item.blocks);
    }
  }

  void row(int depth, const Row& r) {
    static const char* kKinds[] = {"row", "group", "total", "numbers"};
    std::string text = kKinds[static_cast<int>(r.kind)];
    text += ":";
    for (size_t i = 0; i < r.cells.size(); ++i) {
      const Cell& c = r.cells[i];
      text += i ? " | " : " ";
      text += std::string(static_cast<size_t>(c.level), '>') + flat(c.blocks);
      if (c.colspan > 1) text += "{c" + std::to_string(c.colspan) + "}";
      if (c.rowspan > 1) text += "{r" + std::to_string(c.rowspan) + "}";
    }
    line(depth, text);
  }

  void block(int depth, const Table& t) {
    line(depth, "table #" + t.anchor + " " + t.label + ": " + inlines(t.caption));
    std::string widths = "columns:";
    for (const ColumnSpec& c : t.columns) {
      widths += ' ';
      widths += number(c.relative_width);
      if (c.numeric) widths += 'n';
    }
    line(depth + 1, widths);
    for (const Row& r : t.header) row(depth + 1, r);
    line(depth + 1, "--");
    for (const Row& r : t.body) row(depth + 1, r);
    if (!t.source.empty()) line(depth + 1, "source: " + t.source);
  }

  void block(int depth, const Figure& f) {
    static const char* kKinds[] = {"image", "orgchart", "chart"};
    line(depth, std::string("figure ") + kKinds[static_cast<int>(f.kind)] + " #" + f.anchor + " " +
                    f.label + ": " + inlines(f.caption));
    if (f.width) line(depth + 1, "width: " + number(f.width->v) + "pt");
    if (f.image)
      line(depth + 1, std::string("image: ") +
                          (f.image->kind == frame::ImageData::Kind::png ? "png " : "jpeg ") +
                          std::to_string(f.image->width_px) + "x" +
                          std::to_string(f.image->height_px));
    for (const OrgNode& n : f.org)
      line(depth + 1,
           "unit: " + n.name + " parent=" + std::to_string(n.parent) + (n.staff ? " staff" : ""));
    if (f.kind != Figure::Kind::chart) return;
    const Chart& c = f.chart;
    std::string cats;
    for (const auto& cat : c.categories) cats += (cats.empty() ? "" : " | ") + cat;
    line(depth + 1, std::string(c.kind == Chart::Kind::bars ? "bars" : "lines") + " y=\"" +
                        c.y_title + "\": " + cats);
    for (const ChartSeries& s : c.series) {
      std::string vals;
      for (size_t i = 0; i < s.values.size(); ++i)
        vals += (i ? " | " : "") + number(s.values[i]) + " \"" + s.labels.at(i) + "\"";
      line(depth + 2, "series " + s.name + ": " + vals);
    }
    if (!c.note.empty()) line(depth + 1, "note: " + c.note);
  }

  void block(int depth, const Signature& s) {
    line(depth, "signature: " + s.place_date);
    for (const SignatureParty& p : s.parties) {
      std::string text = "party";
      if (!p.party.empty()) text += " \"" + p.party + "\"";
      text += " field=" + p.field + (p.electronic ? " electronic" : "") + ":";
      for (const auto& j : p.jabatan_lines) text += " " + j + " /";
      text += " **" + p.name + "** / " + p.pangkat_line + " / " + p.nip_line;
      line(depth + 1, text);
    }
  }

  void block(int depth, const ListOf& l) {
    static const char* kKinds[] = {"contents", "tables", "figures"};
    line(depth, std::string("listof ") + kKinds[static_cast<int>(l.kind)]);
  }

  void block(int depth, const PageBreak&) { line(depth, "pagebreak"); }

  void chapter(const char* part, const Chapter& c) {
    line(0, std::string(part) + " #" + c.anchor + ": " + (c.label.empty() ? "" : c.label + " ") +
                c.title + (c.in_toc ? "" : " (not in toc)"));
    blocks(1, c.blocks);
  }
};

}  // namespace

std::string dump(const Document& doc) {
  Dumper d;
  d.line(0, "cover: " + doc.cover.title + " / " + doc.cover.year_line + " / " + doc.cover.unit +
                " / " + doc.cover.region + (doc.cover.logo ? " / logo" : ""));
  d.line(0, "info: title=\"" + doc.info.title + "\" author=\"" + doc.info.author +
                "\" lang=" + doc.info.lang + " epoch=" + std::to_string(doc.info.epoch));
  d.line(1, "subject: " + doc.info.subject);
  d.line(1, "keywords: " + doc.info.keywords);
  d.line(0, "header: " + doc.running_header);
  for (const Chapter& c : doc.front) d.chapter("front", c);
  for (const Chapter& c : doc.body) d.chapter("chapter", c);
  return d.out;
}

}  // namespace lkjip::doc
