#include "layout/draw.h"

#include <cmath>
#include <cstdio>
#include <type_traits>
#include <utility>

namespace lkjip::layout::draw {

LineBox line_box(const Context& ctx, const report::TextStyle& ts) {
  const auto& f = ctx.font(ts);
  const Pt lead = Context::leading(ts);
  return {lead, (lead + f.ascender(ts.size) - f.descender(ts.size)) / 2};
}

namespace {

/// set_line for a line to copy from (`Line` a const lvalue reference) or to move from.
template <class Line>
void place_line(frame::Frame& out, Line&& line, Point base) {
  // Each item is copied or moved as the line is.
  const auto pass = [](auto& item) -> decltype(auto) {
    if constexpr (std::is_const_v<std::remove_reference_t<Line>>)
      return item;
    else
      return std::move(item);
  };
  // Emplacing in place (not add(Item)) also keeps GCC 12 free of a false
  // -Wmaybe-uninitialized on the variant temporary.
  for (auto& run : line.runs) {
    auto& r = std::get<frame::GlyphRun>(out.items.emplace_back(pass(run)));
    r.origin = r.origin + base;
  }
  for (auto& u : line.underlines) {
    auto& l = std::get<frame::Line>(out.items.emplace_back(pass(u)));
    l.from = l.from + base;
    l.to = l.to + base;
  }
  for (auto& link : line.links) {
    auto& l = std::get<frame::Link>(out.items.emplace_back(pass(link)));
    l.rect.x += base.x;
    l.rect.y += base.y;
  }
}

}  // namespace

void set_line(frame::Frame& out, const text::SetLine& line, Pt x, Pt baseline) {
  place_line(out, line, {x, baseline});
}

void set_line(frame::Frame& out, text::SetLine&& line, Pt x, Pt baseline) {
  place_line(out, std::move(line), {x, baseline});
}

std::vector<AlignedLine> compose_aligned(const Context& ctx, const doc::Inlines& inlines,
                                         const report::TextStyle& ts, Pt width,
                                         report::HAlign align, bool hyphenate) {
  auto composed = ctx.compose(inlines, ts, width, report::HAlign::left, Pt(0), hyphenate);
  std::vector<AlignedLine> out;
  out.reserve(composed.lines.size());
  for (auto& line : composed.lines) {
    const Pt spare = max(Pt(0), width - line.natural_width);
    Pt x;
    if (align == report::HAlign::center) x = spare / 2;
    if (align == report::HAlign::right) x = spare;
    out.push_back({std::move(line), x});
  }
  return out;
}

text::SetLine single_line(const Context& ctx, const doc::Inlines& inlines,
                          const report::TextStyle& ts) {
  auto composed = ctx.compose(inlines, ts, Pt(1e6), report::HAlign::left, Pt(0), false);
  if (composed.lines.empty()) return {};
  return std::move(composed.lines.front());
}

void scale(frame::Frame& f, double k) {
  auto pt = [k](Point p) { return Point{p.x * k, p.y * k}; };
  auto rect = [k](Rect r) { return Rect{r.x * k, r.y * k, r.width * k, r.height * k}; };
  for (auto& item : f.items) {
    if (auto* r = std::get_if<frame::GlyphRun>(&item)) {
      r->size *= k;
      r->origin = pt(r->origin);
      for (auto& g : r->glyphs) {
        g.advance *= k;
        g.x_offset *= k;
        g.y_offset *= k;
      }
    } else if (auto* l = std::get_if<frame::Line>(&item)) {
      l->from = pt(l->from);
      l->to = pt(l->to);
      l->width *= k;
    } else if (auto* b = std::get_if<frame::Box>(&item)) {
      b->rect = rect(b->rect);
      b->stroke_width *= k;
    } else if (auto* p = std::get_if<frame::Path>(&item)) {
      for (auto& q : p->points) q = pt(q);
      p->stroke_width *= k;
    } else if (auto* i = std::get_if<frame::Image>(&item)) {
      i->rect = rect(i->rect);
    } else if (auto* ln = std::get_if<frame::Link>(&item)) {
      ln->rect = rect(ln->rect);
    } else if (auto* a = std::get_if<frame::Anchor>(&item)) {
      a->pos = pt(a->pos);
    } else if (auto* s = std::get_if<frame::SignatureField>(&item)) {
      s->rect = rect(s->rect);
    } else if (auto* g = std::get_if<frame::Group>(&item)) {
      auto copy = std::make_shared<frame::Frame>(*g->frame);
      scale(*copy, k);
      g->offset = pt(g->offset);
      g->frame = std::move(copy);
    }
  }
  f.size = {f.size.width * k, f.size.height * k};
}

Pt lines(frame::Frame& out, const std::vector<AlignedLine>& ls, const LineBox& box, Pt x, Pt top) {
  for (const auto& l : ls) {
    set_line(out, l.line, x + l.x, top + box.baseline);
    top += box.height;
  }
  return top;
}

doc::Inlines caption(const std::string& label, const doc::Inlines& text) {
  doc::Inlines out;
  if (!label.empty()) {
    doc::Inline l;
    l.text = text.empty() ? label : label + " ";
    l.bold = true;
    out.push_back(std::move(l));
  }
  out.insert(out.end(), text.begin(), text.end());
  return out;
}

doc::Inlines plain(std::string text, bool bold) {
  doc::Inline in;
  in.text = std::move(text);
  in.bold = bold;
  return {in};
}

std::string number_id(double v, int decimals) {
  const double scale = std::pow(10.0, decimals);
  long long scaled = std::llround(std::fabs(v) * scale);
  const bool negative = v < 0 && scaled != 0;
  const long long whole = scaled / static_cast<long long>(scale);
  long long frac = scaled % static_cast<long long>(scale);
  int digits = decimals;
  while (digits > 0 && frac % 10 == 0) {
    frac /= 10;
    --digits;
  }
  std::string w = std::to_string(whole);
  std::string grouped;
  for (size_t i = 0; i < w.size(); ++i) {
    if (i > 0 && (w.size() - i) % 3 == 0) grouped += '.';
    grouped += w[i];
  }
  std::string out = (negative ? "-" : "") + grouped;
  if (digits > 0) {
    std::string f = std::to_string(frac);
    out += ',' + std::string(static_cast<size_t>(digits) - f.size(), '0') + f;
  }
  return out;
}

}  // namespace lkjip::layout::draw
