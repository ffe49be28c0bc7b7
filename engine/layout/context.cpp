#include "layout/context.h"

#include "layout/draw.h"

namespace lkjip::layout {

const text::Font& Context::font(const report::TextStyle& ts, bool bold, bool italic) const {
  const bool b = ts.bold || bold;
  const bool i = ts.italic || italic;
  const FontStyle fs = b && i ? FontStyle::bold_italic
                       : b    ? FontStyle::bold
                       : i    ? FontStyle::italic
                              : FontStyle::regular;
  const text::Font* f = fonts.find(ts.family, fs);
  if (!f) f = fonts.find(ts.family, FontStyle::regular);
  if (!f) internal_error("font family not loaded: " + ts.family);
  return *f;
}

std::vector<text::Span> Context::spans(const doc::Inlines& inlines,
                                       const report::TextStyle& ts) const {
  std::vector<text::Span> out;
  out.reserve(inlines.size());
  for (const auto& in : inlines) {
    text::Span s;
    s.text = in.text;
    s.font = &font(ts, in.bold, in.italic);
    s.size = ts.size;
    s.color = ts.color;
    s.underline = in.underline;
    s.link = in.link;
    out.push_back(std::move(s));
  }
  return out;
}

text::ComposedParagraph Context::compose(const doc::Inlines& inlines, const report::TextStyle& ts,
                                         Pt width, report::HAlign align, Pt first_indent,
                                         bool hyphenate) const {
  text::ParagraphOptions opt;
  switch (align) {
    case report::HAlign::left: opt.align = text::Align::left; break;
    case report::HAlign::center: opt.align = text::Align::center; break;
    case report::HAlign::right: opt.align = text::Align::right; break;
    case report::HAlign::justify: opt.align = text::Align::justify; break;
  }
  opt.first_line_indent = first_indent;
  opt.hyphenate = hyphenate && style.hyphenate && hyphenator != nullptr;
  opt.hyphenate_capitalised = style.hyphenate_capitalised;
  opt.tolerance = style.tolerance;
  opt.line_widths = {width};
  return text::compose_paragraph(spans(inlines, ts), opt, opt.hyphenate ? hyphenator : nullptr);
}

Pt place_lines(frame::Frame& out, std::vector<text::SetLine> lines, Pt x, Pt y, Pt leading,
               Pt first_ascent) {
  for (size_t i = 0; i < lines.size(); ++i)
    draw::set_line(out, std::move(lines[i]), x, y + first_ascent + leading * static_cast<double>(i));
  return y + leading * static_cast<double>(lines.size());
}

}  // namespace lkjip::layout
