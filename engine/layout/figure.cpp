#include "layout/figure.h"

#include <cmath>
#include <cstdio>

#include "frame/ops.h"
#include "layout/draw.h"
#include "layout/tags.h"

namespace lkjip::layout {
namespace {

constexpr double kCaptionGap = 6;         // pt between the graphic and its caption
constexpr double kNoteGap = 3;            // pt between the caption and the chart's note
constexpr double kPxPerPt = 96.0 / 72.0;  // an image pixel at 96 dpi

/// Lines set below the graphic (the caption, a chart's note), `gap` below what precedes them.
struct TextBelow {
  std::vector<draw::AlignedLine> lines;
  draw::LineBox box;
  Pt gap;
  Pt height() const {
    return lines.empty() ? Pt(0) : box.height * static_cast<double>(lines.size()) + gap;
  }
};

/// A figure: its graphic (centred), caption and note lines, handed out as one fragment.
/// The structure elements of a figure's graphic, caption and note (0: not tagged).
struct FigureTags {
  bool on = false;
  uint32_t graphic = 0, caption = 0, note = 0;
};

class FigureFlow : public BlockFlow {
 public:
  FigureFlow(frame::Frame graphic, TextBelow caption, TextBelow note, Pt width,
             std::string anchor, FigureTags tags)
      : tags_(tags),
        graphic_(std::move(graphic)),
        caption_(std::move(caption)),
        note_(std::move(note)),
        width_(width),
        anchor_(std::move(anchor)) {}

  std::optional<Fragment> next(Pt avail, bool at_page_top) override {
    if (done_) return std::nullopt;
    if (min_first_height() > avail) {
      if (!at_page_top) return std::nullopt;
      // Taller than a page: the graphic shrinks so that the whole figure fits.
      const Pt room = avail - text_height();
      if (room.v > 0 && graphic_.size.height.v > 0)
        draw::scale(graphic_, room / graphic_.size.height);
    }
    Fragment f;
    if (!anchor_.empty()) f.frame.add(frame::Anchor{anchor_, Point{}});
    mark(f.frame, tags_.graphic);
    frame::append(f.frame, graphic_, {(width_ - graphic_.size.width) / 2, Pt(0)});
    Pt y = graphic_.size.height;
    for (const auto& [t, elem] : {std::pair{&caption_, tags_.caption}, {&note_, tags_.note}}) {
      if (t->lines.empty()) continue;
      mark(f.frame, elem);
      y = draw::lines(f.frame, t->lines, t->box, Pt(0), y + t->gap);
    }
    f.frame.size = {width_, y};
    done_ = true;
    return f;
  }
  bool done() const override { return done_; }
  Pt min_first_height() const override { return graphic_.size.height + text_height(); }

 private:
  Pt text_height() const { return caption_.height() + note_.height(); }
  void mark(frame::Frame& f, uint32_t elem) const {
    if (tags_.on) f.items.emplace_back(frame::Mark{frame::Mark::Kind::content, elem});
  }

  FigureTags tags_;
  frame::Frame graphic_;
  TextBelow caption_, note_;
  Pt width_;
  std::string anchor_;
  bool done_ = false;
};

/// The image at its display size: the requested width, else its size at 96 dpi, never wider
/// than `width` or taller than `max_height`. Shown larger than 96 dpi allows: a warning.
frame::Frame image_graphic(const Context& ctx, const doc::Figure& fig, Pt width, Pt max_height) {
  frame::Frame f;
  const auto& img = fig.image;
  if (!img || img->width_px <= 0 || img->height_px <= 0) {
    ctx.sink.warning(fig.loc, fig.label +
                                  ": the figure has no usable image; only its caption "
                                  "is printed");
    return f;
  }
  const Pt natural(img->width_px / kPxPerPt);
  Pt w = min(fig.width.value_or(natural), width);
  const double aspect = static_cast<double>(img->height_px) / img->width_px;
  if (w * aspect > max_height) w = max_height / aspect;
  if (w > natural * 1.001) {
    const double dpi = img->width_px / (w.v / 72.0);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.0f", dpi);
    ctx.sink.warning(
        fig.loc,
        fig.label + ": image " + img->source_path + " is shown at " + buf +
            " dpi, below 96 dpi; it will look blurred in print",
        {"use an image at least " + std::to_string(static_cast<int>(std::ceil(w.v * kPxPerPt))) +
         " pixels wide"});
  }
  f.size = {w, w * aspect};
  f.items.emplace_back(std::in_place_type<frame::Image>,
                       frame::Image{Rect{Pt(0), Pt(0), w, w * aspect}, img});
  return f;
}

std::string inline_text(const doc::Inlines& in) {
  std::string s;
  for (const auto& i : in) s += i.text;
  return s;
}

/// "A, B dan C".
std::string join_and(const std::vector<std::string>& parts) {
  std::string s;
  for (size_t i = 0; i < parts.size(); ++i)
    s += (i == 0 ? "" : i + 1 == parts.size() ? " dan " : ", ") + parts[i];
  return s;
}

std::string chart_alt(const doc::Chart& c) {
  std::string s = c.kind == doc::Chart::Kind::bars ? "Grafik batang" : "Grafik garis";
  if (!c.has_data()) return s + " tanpa data" + (c.note.empty() ? "" : ": " + c.note);
  std::vector<std::string> names;
  for (const auto& ser : c.series) names.push_back(ser.name);
  s += ": " + join_and(names);
  if (!c.y_title.empty()) s += " (" + c.y_title + ")";
  s += ", " + std::to_string(c.categories.size()) + " kategori";
  for (size_t k = 0; k < c.categories.size(); ++k) {
    s += (k == 0 ? "; " : "; ") + c.categories[k];
    for (size_t i = 0; i < c.series.size(); ++i) {
      const auto& ser = c.series[i];
      const bool known = k < ser.values.size() && std::isfinite(ser.values[k]) &&
                         k < ser.labels.size() && !ser.labels[k].empty();
      s += (i == 0 ? " " : " / ") + (known ? ser.labels[k] : std::string("tanpa data"));
    }
  }
  return s;
}

std::string orgchart_alt(const std::vector<doc::OrgNode>& nodes) {
  std::string s = "Bagan organisasi, " + std::to_string(nodes.size()) + " unit";
  for (size_t i = 0; i < nodes.size(); ++i) {
    std::vector<std::string> line, staff;
    for (const auto& n : nodes)
      if (n.parent == static_cast<int>(i)) (n.staff ? staff : line).push_back(n.name);
    if (line.empty() && staff.empty()) continue;
    s += "; " + nodes[i].name;
    if (!line.empty()) s += " membawahkan " + join_and(line);
    if (!staff.empty()) s += std::string(line.empty() ? "" : ",") + " dibantu " + join_and(staff);
  }
  return s;
}

}  // namespace

std::string figure_alt(const doc::Figure& figure) {
  switch (figure.kind) {
    case doc::Figure::Kind::chart:
      return chart_alt(figure.chart);
    case doc::Figure::Kind::orgchart:
      return orgchart_alt(figure.org);
    case doc::Figure::Kind::image:
      break;
  }
  // An image says no more than its caption does.
  const std::string caption = inline_text(figure.caption);
  return figure.label.empty() ? caption : caption.empty() ? figure.label
                                                          : figure.label + " " + caption;
}

FlowPtr make_figure_flow(const Context& ctx, const doc::Figure& figure, Pt width, Pt max_height) {
  const Pt w = min(figure.width.value_or(width), width);
  frame::Frame graphic;
  switch (figure.kind) {
    case doc::Figure::Kind::image:
      graphic = image_graphic(ctx, figure, width, max_height);
      break;
    case doc::Figure::Kind::orgchart:
      graphic = draw_orgchart(ctx, figure.org, w);
      break;
    case doc::Figure::Kind::chart:
      graphic = draw_chart(ctx, figure.chart, w);
      break;
  }
  if (graphic.size.height > max_height && graphic.size.height.v > 0) {
    draw::scale(graphic, max_height / graphic.size.height);
  }
  const auto& cs = ctx.style.caption_style;
  TextBelow caption{draw::compose_aligned(ctx, draw::caption(figure.label, figure.caption), cs,
                                          width, report::HAlign::center),
                    draw::line_box(ctx, cs), Pt(kCaptionGap)};
  // A chart's note (scaling, what was left out) goes below the caption, as a table's source
  // goes below the table; a chart without data already shows it in its place.
  TextBelow note{{}, draw::line_box(ctx, ctx.style.source_style), Pt(kNoteGap)};
  if (figure.kind == doc::Figure::Kind::chart && figure.chart.has_data() &&
      !figure.chart.note.empty())
    note.lines = draw::compose_aligned(ctx, draw::plain(figure.chart.note), ctx.style.source_style,
                                       width, report::HAlign::left);
  // Figure (with its alt text) and its Caption, then the note as a paragraph.
  FigureTags tags;
  tags.on = ctx.tags != nullptr;
  if (tags.on) {
    tags.graphic = tag(ctx, frame::Role::figure);
    ctx.tags->at(tags.graphic).alt = figure_alt(figure);
    tags.caption = tag(ctx, frame::Role::caption);
    if (!note.lines.empty()) tags.note = tag(ctx, frame::Role::p);
  }
  auto flow = std::make_unique<FigureFlow>(std::move(graphic), std::move(caption), std::move(note),
                                           width, figure.anchor, tags);
  flow->space_before = ctx.style.table_space_before;
  flow->space_after = ctx.style.table_space_after;
  return flow;
}

}  // namespace lkjip::layout
