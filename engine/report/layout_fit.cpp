// check_fits_page (config_files.h): the layout's values against its page, so that nothing
// lkjip places can reach outside the paper or over the text area. The bounds are generous
// (a layout that works for any report stays well inside them); each only keeps out a value
// whose result cannot be set on the page: a line no word fits, a heading taller than a
// page, a signature field pushed above the top edge.

#include <cstdio>

#include "report/config_files.h"

namespace lkjip::report {
namespace {

class FitChecker {
 public:
  FitChecker(const LayoutStyle& s, DiagnosticSink& sink, const SourceLoc& paper_at)
      : s_(s), sink_(sink), paper_at_(paper_at) {
    width_ = s.paper.width - s.margin_left - s.margin_right;
    height_ = s.paper.height - s.margin_top - s.margin_bottom;
  }

  bool run() {
    margins();
    if (failed_) return false;  // every other bound is relative to the text area
    furniture();
    fonts();
    spacing();
    indents();
    signature();
    return !failed_;
  }

 private:
  const LayoutStyle& s_;
  DiagnosticSink& sink_;
  SourceLoc paper_at_;
  Pt width_, height_;  // of the text area
  bool failed_ = false;

  /// `name` as "[table] name" (see LayoutStyle::set_at).
  const LayoutStyle::SetAt* set(const std::string& name) const {
    auto it = s_.set_at.find(name);
    return it == s_.set_at.end() ? nullptr : &it->second;
  }

  /// A length in the unit its key is written in ("30 mm", "900 pt"); a default in the unit
  /// layouts/lkjip.toml writes it in (millimetres for the page geometry, indents and the
  /// signature, points for the rest).
  std::string shown(const std::string& name, Pt v) const {
    const auto* at = set(name);
    bool pt =
        !(name.find("margin") != std::string::npos || name.find("offset") != std::string::npos ||
          name.find("indent") != std::string::npos || name == "[signature] width" ||
          name == "[signature] space");
    if (at) pt = at->key.ends_with("_pt");
    char buf[48];
    std::snprintf(buf, sizeof buf, "%.1f", pt ? v.v : v.v / mm(1).v);
    std::string num = buf;
    if (num.ends_with(".0")) num.resize(num.size() - 2);
    return num + (pt ? " pt" : " mm");
  }

  /// "`margin_left_mm` (30 mm)" for a value the file sets, "the default [page] margin_left
  /// (30 mm)" for one it leaves alone.
  std::string named(const std::string& name, Pt v) const {
    if (const auto* at = set(name)) return "`" + at->key + "` (" + shown(name, v) + ")";
    return "the default " + name + " (" + shown(name, v) + ")";
  }

  /// The paper as a message names it: "A4 paper (210 x 297 mm)".
  std::string paper() const {
    char buf[64];
    std::snprintf(buf, sizeof buf, " paper (%.0f x %.0f mm)", s_.paper.width.v / mm(1).v,
                  s_.paper.height.v / mm(1).v);
    return s_.paper_name + buf;
  }

  /// An error at the first of `names` the file sets; when it sets none of them the defaults
  /// do not fit the paper, so the error is at the paper (the report's or the layout's).
  void fail(std::initializer_list<std::string> names, const std::string& message,
            std::vector<std::string> hints) {
    failed_ = true;
    SourceLoc loc;
    for (const auto& n : names)
      if (const auto* at = set(n)) {
        loc = at->loc;
        break;
      }
    if (!loc.known()) loc = paper_at_.known() ? paper_at_ : SourceLoc{};
    if (!loc.known())
      if (const auto* at = set("[page] paper")) loc = at->loc;
    if (!loc.known()) loc = {s_.source_path, 0, 0};
    sink_.error(loc, message, std::move(hints));
  }

  void margins() {
    // At least a fifth of the paper stays for text in each direction.
    auto pair = [&](const char* a, Pt va, const char* b, Pt vb, Pt paper_side, const char* side) {
      if (va + vb <= paper_side * 0.8) return;
      const std::string na = std::string("[page] ") + a, nb = std::string("[page] ") + b;
      // Located at the larger margin the file sets.
      std::initializer_list<std::string> order = {va >= vb ? na : nb, va >= vb ? nb : na};
      fail(order,
           "the margins " + named(na, va) + " and " + named(nb, vb) + " leave " +
               shown(na, max(paper_side - va - vb, Pt(0))) + " of the " + side + " of " + paper() +
               " for text",
           {"keep at least a fifth of the " + std::string(side) + " (" +
                shown(na, paper_side * 0.2) + ") for text",
            "margins are in millimetres with `_mm` keys, points with `_pt` keys"});
    };
    pair("margin_left", s_.margin_left, "margin_right", s_.margin_right, s_.paper.width, "width");
    pair("margin_top", s_.margin_top, "margin_bottom", s_.margin_bottom, s_.paper.height, "height");
  }

  /// A line of `ts` with its baseline `offset` below the top edge (`from_top`) or above the
  /// bottom edge: its glyphs must stay on the paper and out of the text area's margin band.
  void edge_line(const std::string& what, const std::string& offset_name, Pt offset,
                 const TextStyle& ts, const std::string& size_name, bool from_top) {
    const Pt ascent = ts.size * 0.8, descent = ts.size * 0.25;
    const Pt margin = from_top ? s_.margin_top : s_.margin_bottom;
    const std::string margin_name = from_top ? "[page] margin_top" : "[page] margin_bottom";
    const Pt beyond_edge = from_top ? ascent : descent;
    const Pt into_text = from_top ? descent : ascent;
    if (offset < beyond_edge) {
      fail({offset_name, size_name},
           what + " at " + named(offset_name, offset) + " from the " +
               (from_top ? "top" : "bottom") + " edge reaches beyond the edge of the paper",
           {"its " + shown(size_name, ts.size) + " letters need at least " +
            shown(offset_name, beyond_edge) + " between the edge and the baseline"});
    } else if (offset + into_text > margin) {
      fail({offset_name, margin_name, size_name},
           what + " at " + named(offset_name, offset) + " from the " +
               (from_top ? "top" : "bottom") + " edge lies in the text area (" +
               named(margin_name, margin) + ")",
           {"make the offset smaller or the margin larger by " +
            shown(offset_name, offset + into_text - margin)});
    }
  }

  void furniture() {
    if (!s_.header_text.empty())
      edge_line("the running header", "[page] header_offset", s_.header_offset, s_.header_style,
                "[header] size", true);
    edge_line("the page number", "[page] footer_offset", s_.footer_offset, s_.footer_style,
              "[footer] size", false);
    edge_line("the draft mark", "[draft] offset", s_.draft_offset, s_.draft_style, "[draft] size",
              true);
  }

  /// A font size no line of which fits would run off: at most a fifth of the text width (room
  /// for a short word) and a quarter of the text height per line.
  void font(const std::string& table, const TextStyle& ts) {
    const Pt by_width = width_ * 0.2, by_height = height_ * (0.25 / ts.leading);
    const Pt most = min(by_width, by_height);
    if (ts.size <= most) return;
    const std::string name = table + " size";
    fail({name},
         "font size " + named(name, ts.size) + " is too large for the text area of " + paper(),
         {"at most " + shown(name, most) +
          " here: a line must hold a short word and a page "
          "at least four lines"});
  }

  void fonts() {
    const std::pair<const char*, const TextStyle*> styles[] = {
        {"[header]", &s_.header_style},
        {"[footer]", &s_.footer_style},
        {"[body]", &s_.body},
        {"[chapter]", &s_.chapter_style},
        {"[heading1]", &s_.heading[0].text},
        {"[heading2]", &s_.heading[1].text},
        {"[heading3]", &s_.heading[2].text},
        {"[table.text]", &s_.table_text},
        {"[table.header]", &s_.table_header},
        {"[caption]", &s_.caption_style},
        {"[source]", &s_.source_style},
        {"[cover.title]", &s_.cover_title},
        {"[cover.text]", &s_.cover_text},
        {"[front_heading]", &s_.front_heading},
        {"[toc]", &s_.toc_style},
        {"[signature]", &s_.signature_style},
        {"[draft]", &s_.draft_style}};
    for (const auto& [table, ts] : styles) font(table, *ts);
    // Wide tables shrink their text down to min_size: below 4 pt nothing is legible.
    if (s_.table_min_size < Pt(4))
      fail({"[table] min_size"},
           named("[table] min_size", s_.table_min_size) + " is below 4 pt, too small to read",
           {"wide tables shrink down to this size, then turn landscape; 7 pt is usual"});
  }

  /// A space more than half the text height leaves no room for what it separates.
  void space(const std::string& name, Pt v) {
    if (v <= height_ * 0.5) return;
    fail({name},
         named(name, v) + " is more than half the text height (" + shown(name, height_) + ") of " +
             paper(),
         {"spaces between blocks are a few points, e.g. space_after_pt = 6"});
  }

  void spacing() {
    space("[body] paragraph_space", s_.paragraph_space);
    space("[list] item_space", s_.list_item_space);
    space("[chapter] space_after", s_.chapter_space_after);
    for (int i = 0; i < 3; ++i) {
      const std::string t = "[heading" + std::to_string(i + 1) + "] ";
      space(t + "space_before", s_.heading[i].space_before);
      space(t + "space_after", s_.heading[i].space_after);
    }
    space("[table] space_before", s_.table_space_before);
    space("[table] space_after", s_.table_space_after);
    padding("[table] cell_padding_y", s_.cell_padding_y, height_, "height",
            "cell_padding_y_pt = 3");
    if (s_.table_rule > Pt(4))
      fail({"[table] rule"}, named("[table] rule", s_.table_rule) + " is thicker than 4 pt",
           {"table rules are hairlines, e.g. rule_pt = 0.5"});
  }

  /// Cell padding beyond a twentieth of the text extent it eats into (`what`: "height" or
  /// "width") leaves cells with no room for their text.
  void padding(const std::string& name, Pt v, Pt extent, const char* what, const char* example) {
    if (v <= extent * 0.05) return;
    fail({name},
         named(name, v) + " is more than a twentieth of the text " + what + " (" +
             shown(name, extent) + ")",
         {std::string("cell padding is a few points, e.g. ") + example});
  }

  /// An indent (times the levels that add it up) beyond half the text width leaves the
  /// indented text too narrow to set.
  void indent(const std::string& name, Pt v, int levels, const std::string& per) {
    if (v * static_cast<double>(levels) <= width_ * 0.5) return;
    fail({name},
         named(name, v) + (levels > 1 ? " " + per : std::string()) +
             " takes more than half the text width (" + shown(name, width_) + ") of " + paper(),
         {"at most " + shown(name, width_ * (0.5 / levels)) + (levels > 1 ? " " + per : "")});
  }

  void indents() {
    indent("[body] first_line_indent", s_.first_line_indent, 1, "");
    for (int i = 0; i < 3; ++i)
      indent("[heading" + std::to_string(i + 1) + "] indent", s_.heading[i].indent, 1, "");
    indent("[list] indent", s_.list_indent, kMaxListDepth,
           "per level, at " + std::to_string(kMaxListDepth) + " levels");
    indent("[toc] indent", s_.toc_indent, 2, "per level, at 2 levels");
    padding("[table] cell_padding_x", s_.cell_padding_x, width_, "width", "cell_padding_x_pt = 4");
  }

  /// The signature block is never split: the space for the wet signature and stamp plus the
  /// lines around it (place and date, party, office, name, rank, NIP) fit one page.
  void signature() {
    if (s_.signature_width > width_)
      fail({"[signature] width"},
           named("[signature] width", s_.signature_width) + " is wider than the text (" +
               shown("[signature] width", width_) + ") of " + paper(),
           {"the signature column sits inside the text width; 75 mm is usual"});
    constexpr int kLines = 8;
    const Pt lines = s_.signature_style.size * s_.signature_style.leading * kLines;
    if (s_.signature_space + lines > height_)
      fail({"[signature] space", "[signature] size"},
           named("[signature] space", s_.signature_space) +
               " and the signatory's lines do not fit the text height (" +
               shown("[signature] space", height_) + ") of " + paper(),
           {"at most " + shown("[signature] space", max(height_ - lines, Pt(0))) + " with " +
            std::to_string(kLines) + " lines of the signature's text; 25 mm is usual"});
  }
};

}  // namespace

bool check_fits_page(const LayoutStyle& s, DiagnosticSink& sink, const SourceLoc& paper_at) {
  return FitChecker(s, sink, paper_at).run();
}

}  // namespace lkjip::report
