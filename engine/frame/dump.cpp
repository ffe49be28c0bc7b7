// frame::dump: one line per item, nested group items indented, numbers with 2 decimals via
// std::to_chars (classic locale whatever the process locale), for golden tests.
#include "frame/frame.h"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace lkjip::frame {

namespace {

class Dumper {
 public:
  std::string out;

  void num(double v) {
    if (!std::isfinite(v)) v = 0;
    char buf[64];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, 2);
    std::string_view s = ec == std::errc() ? std::string_view(buf, end - buf) : "0.00";
    if (s == "-0.00") s = "0.00";
    out += ' ';
    out += s;
  }
  void num(Pt p) { num(p.v); }
  void integer(long long v) {
    out += ' ';
    out += std::to_string(v);
  }
  void word(std::string_view w) {
    out += ' ';
    out += w;
  }
  void quoted(std::string_view s) {
    out += " \"";
    for (char ch : s) {
      const auto c = static_cast<unsigned char>(ch);
      if (ch == '"' || ch == '\\') {
        out += '\\';
        out += ch;
      } else if (c < 0x20) {
        static constexpr char hex[] = "0123456789abcdef";
        out += "\\x";
        out += hex[c >> 4];
        out += hex[c & 0xF];
      } else {
        out += ch;
      }
    }
    out += '"';
  }
  void color(const Color& c) {
    static constexpr char hex[] = "0123456789abcdef";
    out += " #";
    for (double v : {c.r, c.g, c.b}) {
      const int b = static_cast<int>(std::lround(std::clamp(v, 0.0, 1.0) * 255));
      out += hex[b >> 4];
      out += hex[b & 0xF];
    }
  }
  void opt_color(const char* what, const std::optional<Color>& c) {
    word(what);
    if (c)
      color(*c);
    else
      word("none");
  }
  void rect(const Rect& r) {
    num(r.x);
    num(r.y);
    num(r.width);
    num(r.height);
  }
  void indent(int depth) { out.append(static_cast<size_t>(depth) * 2, ' '); }

  void frame(const Frame& f, int depth) {
    for (const Item& item : f.items) {
      indent(depth);
      std::visit([&](const auto& it) { this->item(it, depth); }, item);
      out += '\n';
    }
  }

  void item(const GlyphRun& r, int) {
    out += "text";
    num(r.origin.x);
    num(r.origin.y);
    num(r.size);
    if (r.font) {
      static constexpr const char* styles[] = {"regular", "bold", "italic", "bold-italic"};
      quoted(r.font->family + " " + styles[static_cast<int>(r.font->style)]);
    } else {
      word("(no-font)");
    }
    quoted(r.text);
    word("glyphs");
    integer(static_cast<long long>(r.glyphs.size()));
    word("width");
    num(r.width());
    if (r.color != Color::black()) color(r.color);
  }
  void item(const Line& l, int) {
    out += "line";
    num(l.from.x);
    num(l.from.y);
    num(l.to.x);
    num(l.to.y);
    word("w");
    num(l.width);
    color(l.color);
  }
  void item(const Box& b, int) {
    out += "box";
    rect(b.rect);
    opt_color("fill", b.fill);
    opt_color("stroke", b.stroke);
    if (b.stroke) num(b.stroke_width);
  }
  void item(const Path& p, int) {
    out += p.closed ? "path closed" : "path open";
    opt_color("fill", p.fill);
    opt_color("stroke", p.stroke);
    if (p.stroke) num(p.stroke_width);
    word("points");
    for (const Point& pt : p.points) {
      num(pt.x);
      num(pt.y);
    }
  }
  void item(const Image& i, int) {
    out += "image";
    rect(i.rect);
    if (i.data) {
      word(i.data->kind == ImageData::Kind::png ? "png" : "jpeg");
      word(std::to_string(i.data->width_px) + "x" + std::to_string(i.data->height_px));
      quoted(i.data->source_path);
    } else {
      word("(no-data)");
    }
  }
  void item(const Link& l, int) {
    out += "link";
    rect(l.rect);
    word("->");
    quoted(l.target);
  }
  void item(const Anchor& a, int) {
    out += "anchor";
    num(a.pos.x);
    num(a.pos.y);
    quoted(a.id);
  }
  void item(const SignatureField& s, int) {
    out += "sig";
    rect(s.rect);
    quoted(s.name);
  }
  void item(const Mark& m, int) {
    static constexpr const char* kinds[] = {"content", "artifact layout", "artifact pagination"};
    out += "mark ";
    out += kinds[static_cast<int>(m.kind)];
    if (m.kind == Mark::Kind::content) integer(m.elem);
  }
  void item(const Group& g, int depth) {
    out += "group";
    num(g.offset.x);
    num(g.offset.y);
    word("rot");
    integer(g.rotation);
    if (!g.frame) {
      word("(empty)");
      return;
    }
    word("size");
    num(g.frame->size.width);
    num(g.frame->size.height);
    out += '\n';
    frame(*g.frame, depth + 1);
    out.pop_back();  // the caller ends the group's own line
  }
};

}  // namespace

std::string dump(const PagedDocument& doc) {
  Dumper d;
  d.out += "info";
  d.quoted(doc.info.title);
  d.quoted(doc.info.author);
  d.word("lang");
  d.quoted(doc.info.lang);
  d.word("epoch");
  d.integer(doc.info.epoch);
  d.out += '\n';
  for (const PageLabelRange& l : doc.page_labels) {
    static constexpr const char* styles[] = {"none", "decimal", "roman-lower", "roman-upper"};
    d.out += "label from";
    d.integer(static_cast<long long>(l.first_page + 1));
    d.word(styles[static_cast<int>(l.style)]);
    d.word("start");
    d.integer(l.start);
    if (!l.prefix.empty()) d.quoted(l.prefix);
    d.out += '\n';
  }
  for (const OutlineEntry& e : doc.outline) {
    d.out += "outline";
    d.integer(e.level);
    d.quoted(e.title);
    d.word("->");
    d.quoted(e.anchor);
    d.out += '\n';
  }
  for (size_t i = 0; i < doc.structure.elems.size(); ++i) {
    const StructElem& e = doc.structure.elems[i];
    d.out += "struct";
    d.integer(static_cast<long long>(i));
    d.word(structure_type(e.role));
    if (i > 0) {
      d.word("in");
      d.integer(e.parent);
    }
    if (e.colspan > 1 || e.rowspan > 1) {
      d.word("span");
      d.integer(e.colspan);
      d.integer(e.rowspan);
    }
    if (e.column_header) d.word("scope-column");
    if (!e.alt.empty()) {
      d.word("alt");
      d.quoted(e.alt);
    }
    d.out += '\n';
  }
  for (size_t i = 0; i < doc.pages.size(); ++i) {
    const Page& p = doc.pages[i];
    d.out += "page";
    d.integer(static_cast<long long>(i + 1));
    d.num(p.size.width);
    d.num(p.size.height);
    if (p.view_rotation != 0) {
      d.word("view_rotation");
      d.integer(p.view_rotation);
    }
    d.out += '\n';
    d.frame(p.content, 1);
  }
  return d.out;
}

}  // namespace lkjip::frame
