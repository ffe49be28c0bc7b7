#include "layout/blocks.h"

#include <cmath>
#include <cstdio>

#include "frame/ops.h"
#include "layout/draw.h"
#include "layout/tags.h"

namespace lkjip::layout {
namespace {

using draw::line_box;
using draw::LineBox;
using draw::plain;
using draw::single_line;
using frame::Role;

/// Marks pieces [first, end) as content of `elem`, each at its start: a piece is handed out
/// alone, so it must carry its own Mark.
void mark_pieces(const Context& ctx, std::vector<Piece>& pieces, size_t first, uint32_t elem) {
  if (!ctx.tags) return;
  for (size_t i = first; i < pieces.size(); ++i) {
    auto& items = pieces[i].frame.items;
    items.insert(items.begin(), frame::Mark{frame::Mark::Kind::content, elem});
  }
}

/// Sets `line` in front of what `f` already holds, after its leading Mark, so that it reads
/// first (a heading's number before its title, a contents entry's number before its text).
void set_line_first(frame::Frame& f, text::SetLine line, Pt x, Pt baseline) {
  frame::Frame lead;
  draw::set_line(lead, std::move(line), x, baseline);
  auto at = f.items.begin();
  if (at != f.items.end() && std::holds_alternative<frame::Mark>(*at)) ++at;
  f.items.insert(at, std::make_move_iterator(lead.items.begin()),
                 std::make_move_iterator(lead.items.end()));
}

/// One piece per set line, placed at `x`. A page never turns after a hyphenated line: the
/// reader would carry half a word across the turn (the page breaks a line earlier instead).
void line_pieces(std::vector<text::SetLine> lines, const LineBox& box, Pt x, Pt width,
                 std::vector<Piece>& out) {
  bool after_hyphen = false;
  for (auto& line : lines) {
    Piece piece;
    piece.frame.size = {width, box.height};
    piece.break_before = !after_hyphen;
    after_hyphen = line.ends_with_hyphen;
    draw::set_line(piece.frame, std::move(line), x, box.baseline);
    out.push_back(std::move(piece));
  }
}

/// One piece per line of a title (heading, chapter, contents entry) that a page never breaks
/// unless the title alone is taller than a page: then it continues on the next one instead of
/// running off the bottom (VListFlow breaks at a forbidden point only at a page top). Never
/// empty: a title without text still has the piece carrying its anchor.
std::vector<Piece> unbroken_pieces(std::vector<text::SetLine> lines, const LineBox& box, Pt x,
                                   Pt width) {
  std::vector<Piece> out;
  line_pieces(std::move(lines), box, x, width, out);
  if (out.empty()) {
    out.emplace_back();
    out.back().frame.size = {width, Pt(0)};
  }
  for (size_t i = 1; i < out.size(); ++i) out[i].break_before = false;
  return out;
}

std::string upper_ascii(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

/// The BSrE anchor (tag_koordinat) centred on `field`: white and 1 pt, so it never shows on
/// paper (the field is blank paper, the stamp covers it), yet it is ordinary text that
/// pdftotext and the signing service's text search extract with its position. Invisible
/// rendering mode 3 would hide it on any background too, but white text needs nothing beyond
/// what the frame IR already carries.
void add_anchor_character(const Context& ctx, const Rect& field, frame::Frame& out) {
  report::TextStyle ts = ctx.style.signature_style;
  ts.size = Pt(1);
  ts.color = Color::white();
  const text::SetLine line = single_line(ctx, plain(ctx.style.signature_anchor), ts);
  const auto& font = ctx.font(ts);
  const Pt cx = field.x + field.width / 2, cy = field.y + field.height / 2;
  // Baseline placed so the font's ascender-to-descender band is centred vertically.
  const Pt baseline = cy + (font.ascender(ts.size) - font.descender(ts.size)) / 2;
  draw::set_line(out, line, cx - line.natural_width / 2, baseline);
}

class SpacedFlow : public VListFlow {
 public:
  SpacedFlow(Pt width, std::vector<Piece> pieces, Pt before, Pt after, bool keep)
      : VListFlow(width, std::move(pieces)) {
    space_before = before;
    space_after = after;
    keep_with_next = keep;
  }
};

/// "2.5": a space factor to one decimal, for warnings.
std::string format_factor(double f) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", f);
  return buf;
}

}  // namespace

void paragraph_pieces(const Context& ctx, const doc::Paragraph& p, const report::TextStyle& ts,
                      Pt x, Pt width, std::vector<Piece>& out, uint32_t parent) {
  const Pt indent = p.indent ? ctx.style.first_line_indent : Pt(0);
  auto composed = ctx.compose(p.content, ts, width, p.align, indent);
  // One warning per kind and paragraph, naming its lines (a 20,000-word paragraph must not
  // print thousands of identical lines).
  std::vector<size_t> overfull, loose, broken;
  double widest_space = 1;  // over the loose lines: what the warning reports is what is set
  for (size_t i = 0; i < composed.lines.size(); ++i) {
    const auto& line = composed.lines[i];
    if (line.breaks_word) broken.push_back(i + 1);
    if (line.overfull)
      overfull.push_back(i + 1);
    else if (p.align == report::HAlign::justify && line.ratio > ctx.style.tolerance &&
             i + 1 < composed.lines.size())
    {
      loose.push_back(i + 1);
      widest_space = std::max(widest_space, line.space_factor);
    }
  }
  auto which = [](const std::vector<size_t>& lines) {
    std::string s = "line" + std::string(lines.size() > 1 ? "s " : " ");
    for (size_t i = 0; i < lines.size() && i < 5; ++i)
      s += (i ? ", " : "") + std::to_string(lines[i]);
    if (lines.size() > 5) s += " and " + std::to_string(lines.size() - 5) + " more";
    return s + " of the paragraph";
  };
  if (!overfull.empty())
    ctx.sink.warning(p.loc,
                     std::string(overfull.size() == 1 ? "overfull line" : "overfull lines") +
                         ": a word does not fit the line width (" + which(overfull) + ")",
                     {"the line is set wider than the text; hyphenate or shorten the word"});
  if (!loose.empty())
    ctx.sink.warning(p.loc, std::string(loose.size() == 1 ? "loose line" : "loose lines") +
                                ": spaces stretched beyond the layout's tolerance (" +
                                which(loose) + "; word spaces set up to " +
                                format_factor(widest_space) + "x their natural width)");
  if (!broken.empty())
    ctx.sink.warning(
        p.loc,
        "a word wider than the line is broken without a hyphen at the end of " + which(broken),
        {"the word has no hyphenation point there (a code, a URL, a run of "
         "letters); shorten it, or write a space, '-' or '/' where it may break"});
  const size_t first = out.size();
  line_pieces(std::move(composed.lines), line_box(ctx, ts), x, x + width, out);
  if (out.size() > first) mark_pieces(ctx, out, first, tag(ctx, Role::p, parent));
  protect_widows_orphans(out, first, out.size() - first);
}

namespace {

/// True when the paragraph's text ends with a colon: a lead-in ("… sebagai berikut :") that
/// must not end a page apart from the list or table it introduces.
bool introduces_next(const doc::Paragraph& p) {
  for (auto it = p.content.rbegin(); it != p.content.rend(); ++it) {
    const auto end = it->text.find_last_not_of(" \t\n");
    if (end != std::string::npos) return it->text[end] == ':';
  }
  return false;
}

/// A list whose last item ends in a lead-in ("… sebagai berikut:") introduces the next block.
bool introduces_next(const doc::List& l) {
  if (l.items.empty() || l.items.back().blocks.empty()) return false;
  const auto& last = l.items.back().blocks.back().v;
  if (const auto* p = std::get_if<doc::Paragraph>(&last)) return introduces_next(*p);
  if (const auto* nested = std::get_if<doc::List>(&last)) return introduces_next(*nested);
  return false;
}

}  // namespace

FlowPtr make_paragraph_flow(const Context& ctx, const doc::Paragraph& p, Pt width) {
  std::vector<Piece> pieces;
  paragraph_pieces(ctx, p, ctx.style.body, Pt(0), width, pieces);
  return std::make_unique<SpacedFlow>(width, std::move(pieces), Pt(0), ctx.style.paragraph_space,
                                      introduces_next(p));
}

FlowPtr make_heading_flow(const Context& ctx, const doc::Heading& h, Pt width) {
  const int lvl = std::clamp(h.level, 1, 3);
  const auto& hs = ctx.style.heading[lvl - 1];
  doc::Inlines title = h.title;
  if (hs.uppercase)
    for (auto& in : title) in.text = upper_ascii(in.text);
  Pt number_w;
  text::SetLine number_line;
  if (!h.number.empty()) {
    number_line = single_line(ctx, plain(h.number), hs.text);
    number_w = max(number_line.natural_width + Pt(6), mm(8));
  }
  const Pt x = hs.indent + number_w;
  auto composed = ctx.compose(title, hs.text, width - x, report::HAlign::left, Pt(0), false);
  const LineBox box = line_box(ctx, hs.text);
  std::vector<Piece> pieces = unbroken_pieces(std::move(composed.lines), box, x, width);
  // Chapter titles are H1, so a heading of level n is H(n+1).
  static constexpr Role roles[] = {Role::h2, Role::h3, Role::h4};
  mark_pieces(ctx, pieces, 0, tag(ctx, roles[lvl - 1]));
  pieces.front().frame.add(frame::Anchor{h.anchor, {Pt(0), Pt(0)}});
  if (!h.number.empty())
    set_line_first(pieces.front().frame, std::move(number_line), hs.indent, box.baseline);
  return std::make_unique<SpacedFlow>(width, std::move(pieces), hs.space_before, hs.space_after,
                                      true);
}

FlowPtr make_chapter_title_flow(const Context& ctx, const doc::Chapter& c, Pt width) {
  const auto& ts = ctx.style.chapter_style;
  const LineBox box = line_box(ctx, ts);
  std::vector<text::SetLine> lines;
  if (!c.label.empty()) {
    auto l = ctx.compose(plain(c.label), ts, width, report::HAlign::center, Pt(0), false);
    for (auto& line : l.lines) lines.push_back(std::move(line));
  }
  auto t = ctx.compose(plain(c.title), ts, width, report::HAlign::center, Pt(0), false);
  for (auto& line : t.lines) lines.push_back(std::move(line));
  std::vector<Piece> pieces = unbroken_pieces(std::move(lines), box, Pt(0), width);
  mark_pieces(ctx, pieces, 0, tag(ctx, Role::h1));
  pieces.front().frame.add(frame::Anchor{c.anchor, {Pt(0), Pt(0)}});
  return std::make_unique<SpacedFlow>(width, std::move(pieces), Pt(0),
                                      ctx.style.chapter_space_after, true);
}

namespace {

void list_pieces(const Context& ctx, const doc::List& list, Pt x, Pt width,
                 std::vector<Piece>& out, uint32_t parent) {
  const auto& ts = ctx.style.body;
  const LineBox box = line_box(ctx, ts);
  const uint32_t l = tag(ctx, Role::l, parent);
  for (const auto& item : list.items) {
    const uint32_t li = tag(ctx, Role::li, l);
    const uint32_t lbl = tag(ctx, Role::lbl, li);
    const uint32_t body = tag(ctx, Role::lbody, li);
    const text::SetLine marker = single_line(ctx, plain(item.marker), ts);
    const Pt marker_w = max(ctx.style.list_indent, marker.natural_width + Pt(4));
    const Pt inner_x = x + marker_w;
    const Pt inner_w = width - inner_x;
    const size_t item_first = out.size();
    for (const auto& block : item.blocks) {
      if (const auto* p = std::get_if<doc::Paragraph>(&block.v)) {
        doc::Paragraph q = *p;
        q.indent = false;
        paragraph_pieces(ctx, q, ts, inner_x, inner_w, out, body);
      } else if (const auto* sub = std::get_if<doc::List>(&block.v)) {
        list_pieces(ctx, *sub, inner_x, width, out, body);
      }
    }
    if (out.size() == item_first) {  // an empty item still shows its marker
      Piece empty;
      empty.frame.size = {width, box.height};
      out.push_back(std::move(empty));
    }
    mark(ctx, out[item_first].frame, lbl);
    draw::set_line(out[item_first].frame, marker, x, box.baseline);
    out[item_first].break_before = true;
    // An item's first line never ends a page alone (a one-line label such as "e. Akuntabel"
    // stays with the text that follows it).
    if (out.size() > item_first + 1) out[item_first + 1].break_before = false;
    if (ctx.style.list_item_space > Pt(0)) {
      Piece gap;
      gap.frame.size = {width, ctx.style.list_item_space};
      out.push_back(std::move(gap));
    }
  }
}

}  // namespace

FlowPtr make_list_flow(const Context& ctx, const doc::List& list, Pt width) {
  std::vector<Piece> pieces;
  list_pieces(ctx, list, Pt(0), width, pieces, Tagger::kSection);
  return std::make_unique<SpacedFlow>(width, std::move(pieces), Pt(0), ctx.style.paragraph_space,
                                      introduces_next(list));
}

FlowPtr make_signature_flow(const Context& ctx, const doc::Signature& s, Pt width) {
  const auto& ts = ctx.style.signature_style;
  const LineBox box = line_box(ctx, ts);
  const size_t n = s.parties.size();
  // The column is the layout's signature width, widened (up to its share of the text width)
  // so that a long name or jabatan line is never wrapped: rows of the parties must align.
  Pt widest;
  auto widen = [&](const std::string& text, bool bold) {
    if (!text.empty()) widest = max(widest, single_line(ctx, plain(text, bold), ts).natural_width);
  };
  widen(s.place_date, false);
  for (const auto& p : s.parties) {
    widen(p.party, false);
    for (const auto& j : p.jabatan_lines) widen(j, false);
    widen(p.name, true);
    widen(p.pangkat_line, false);
    widen(p.nip_line, false);
  }
  const Pt share = n > 1 ? width / 2 : width;
  const Pt col_w = min(share, max(ctx.style.signature_width, widest + Pt(2)));
  auto col_x = [&](size_t i) { return n > 1 && i == 0 ? Pt(0) : width - col_w; };
  // One paragraph per line group, in reading order: place and date, then party by party.
  auto centred = [&](frame::Frame& f, const doc::Inlines& in, Pt x, Pt y) {
    mark(ctx, f, tag(ctx, Role::p));
    auto c = ctx.compose(in, ts, col_w, report::HAlign::center, Pt(0), false);
    return place_lines(f, std::move(c.lines), x, y, box.height, box.baseline);
  };
  Piece piece;
  // Rows above the signature space: place/date, party caption, jabatan lines. Parties are
  // aligned so that their signature spaces and names sit on the same lines.
  size_t head_rows = 0;
  for (const auto& p : s.parties)
    head_rows = std::max(
        head_rows, p.jabatan_lines.size() + (p.party.empty() ? 0 : 1) + (p.electronic ? 1 : 0));
  Pt top;
  if (!s.place_date.empty()) top = centred(piece.frame, plain(s.place_date), col_x(n - 1), Pt(0));
  const Pt sig_top = top + box.height * static_cast<double>(head_rows);
  Pt bottom;
  for (size_t i = 0; i < n; ++i) {
    const auto& p = s.parties[i];
    const Pt x = col_x(i);
    Pt y = sig_top -
           box.height * static_cast<double>(p.jabatan_lines.size() + (p.party.empty() ? 0 : 1) +
                                            (p.electronic ? 1 : 0));
    if (!p.party.empty()) y = centred(piece.frame, plain(p.party), x, y);
    // TTE (KemenPANRB/SRIKANDI naskah format): the wording introduces the office and the name,
    // the QR code goes in the space between them.
    if (p.electronic)
      y = centred(piece.frame, plain("Ditandatangani secara elektronik oleh:"), x, y);
    for (const auto& j : p.jabatan_lines) y = centred(piece.frame, plain(j), x, y);
    const Pt space = ctx.style.signature_space;
    const Pt field_w = min(col_w, mm(60));
    const Rect field{x + (col_w - field_w) / 2, y, field_w, space};
    if (!p.field.empty()) {
      piece.frame.add(frame::SignatureField{field, p.field});
      if (!ctx.style.signature_anchor.empty()) {
        mark_artifact(ctx, piece.frame);  // a machine's anchor, not text for a reader
        add_anchor_character(ctx, field, piece.frame);
      }
    }
    y += space;
    doc::Inline name;
    name.text = p.name;
    name.bold = true;
    name.underline = true;
    y = centred(piece.frame, {name}, x, y);
    if (!p.pangkat_line.empty()) y = centred(piece.frame, plain(p.pangkat_line), x, y);
    if (!p.nip_line.empty()) y = centred(piece.frame, plain(p.nip_line), x, y);
    bottom = max(bottom, y);
  }
  piece.frame.size = {width, bottom};
  std::vector<Piece> pieces;
  pieces.push_back(std::move(piece));
  return std::make_unique<SpacedFlow>(width, std::move(pieces), ctx.style.paragraph_space * 2,
                                      ctx.style.paragraph_space, false);
}

FlowPtr make_listof_flow(const Context& ctx, const std::vector<ListEntry>& entries,
                         const PageLabels& labels, Pt width) {
  const auto& ts = ctx.style.toc_style;
  const LineBox box = line_box(ctx, ts);
  const auto& font = ctx.font(ts);
  const Pt label_w = font.width("0000", ts.size);
  const Pt gap = Pt(4);
  // Leader dots on a fixed grid so that they line up from entry to entry.
  const text::Shaped dot = font.shape(ctx.style.toc_leader);
  const Pt step = Pt(ts.size.v * 0.45);
  std::vector<Piece> pieces;
  const uint32_t toc = tag(ctx, Role::toc);
  for (const auto& e : entries) {
    const bool top_level = e.level == 0;
    const Pt indent = ctx.style.toc_indent * static_cast<double>(e.level);
    Pt number_w;
    text::SetLine number_line;
    if (!e.number.empty()) {
      number_line = single_line(ctx, plain(e.number, top_level), ts);
      number_w = number_line.natural_width + Pt(6);
      if (e.level > 0) number_w = max(number_w, mm(10));
    }
    const Pt text_x = indent + number_w;
    const Pt text_w = width - text_x - label_w - gap * 2;
    auto composed =
        ctx.compose(plain(e.title, top_level), ts, text_w, report::HAlign::left, Pt(0), false);
    if (composed.lines.empty()) continue;
    const auto it = labels.find(e.anchor);
    const std::string label = it != labels.end() ? it->second : "000";
    const text::SetLine label_line = single_line(ctx, plain(label, top_level), ts);

    // One piece per line, so that an entry taller than a page continues on the next one.
    const Pt last_line_width = composed.lines.back().natural_width;
    std::vector<Piece> lines = unbroken_pieces(std::move(composed.lines), box, text_x, width);
    mark_pieces(ctx, lines, 0, tag(ctx, Role::toci, toc));
    if (!e.number.empty())
      set_line_first(lines.front().frame, std::move(number_line), indent, box.baseline);
    frame::Frame& last = lines.back().frame;
    draw::set_line(last, label_line, width - label_line.natural_width, box.baseline);
    mark_artifact(ctx, last);  // the leader dots
    // Leaders from the end of the last text line to the label.
    if (!dot->glyphs.empty()) {
      const Pt from = text_x + last_line_width + gap;
      const Pt to = width - label_w - gap;
      frame::GlyphRun run;
      run.font = &font.file();
      run.size = ts.size;
      run.color = ts.color;
      Pt x0 = Pt(std::ceil(from.v / step.v) * step.v);
      run.origin = {x0, box.baseline};
      for (Pt x = x0; x + step <= to; x += step) {
        frame::Glyph g;
        g.gid = dot->glyphs.front().gid;
        g.advance = step;
        g.cluster_begin = static_cast<uint32_t>(run.text.size());
        run.text += ctx.style.toc_leader;
        g.cluster_end = static_cast<uint32_t>(run.text.size());
        run.glyphs.push_back(g);
      }
      if (!run.glyphs.empty()) last.add(std::move(run));
    }
    for (Piece& line : lines) {
      line.frame.add(frame::Link{{indent, Pt(0), width - indent, line.frame.size.height}, e.anchor});
      pieces.push_back(std::move(line));
    }
  }
  return std::make_unique<SpacedFlow>(width, std::move(pieces), Pt(0), Pt(0), false);
}

}  // namespace lkjip::layout
