#include "layout/figure.h"

#include <cmath>
#include <cstdio>

#include "frame/ops.h"
#include "layout/draw.h"

namespace lkjip::layout {
namespace {

constexpr double kCaptionGap = 6;         // pt between the graphic and its caption
constexpr double kPxPerPt = 96.0 / 72.0;  // an image pixel at 96 dpi

/// A figure: its graphic (centred) and caption lines, handed out as one fragment.
class FigureFlow : public BlockFlow {
 public:
  FigureFlow(frame::Frame graphic, std::vector<draw::AlignedLine> caption, draw::LineBox box,
             Pt width, std::string anchor)
      : graphic_(std::move(graphic)),
        caption_(std::move(caption)),
        box_(box),
        width_(width),
        anchor_(std::move(anchor)) {}

  std::optional<Fragment> next(Pt avail, bool at_page_top) override {
    if (done_) return std::nullopt;
    if (min_first_height() > avail) {
      if (!at_page_top) return std::nullopt;
      // Taller than a page: the graphic shrinks so that the whole figure fits.
      const Pt room = avail - caption_height();
      if (room.v > 0 && graphic_.size.height.v > 0)
        draw::scale(graphic_, room / graphic_.size.height);
    }
    Fragment f;
    if (!anchor_.empty()) f.frame.add(frame::Anchor{anchor_, Point{}});
    frame::append(f.frame, graphic_, {(width_ - graphic_.size.width) / 2, Pt(0)});
    Pt y = graphic_.size.height;
    if (!caption_.empty()) y = draw::lines(f.frame, caption_, box_, Pt(0), y + Pt(kCaptionGap));
    f.frame.size = {width_, y};
    done_ = true;
    return f;
  }
  bool done() const override { return done_; }
  Pt min_first_height() const override { return graphic_.size.height + caption_height(); }

 private:
  Pt caption_height() const {
    return caption_.empty() ? Pt(0)
                            : box_.height * static_cast<double>(caption_.size()) + Pt(kCaptionGap);
  }

  frame::Frame graphic_;
  std::vector<draw::AlignedLine> caption_;
  draw::LineBox box_;
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

}  // namespace

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
  const auto& ts = ctx.style.caption_style;
  auto caption = draw::compose_aligned(ctx, draw::caption(figure.label, figure.caption), ts, width,
                                       report::HAlign::center);
  auto flow = std::make_unique<FigureFlow>(std::move(graphic), std::move(caption),
                                           draw::line_box(ctx, ts), width, figure.anchor);
  flow->space_before = ctx.style.table_space_before;
  flow->space_after = ctx.style.table_space_after;
  return flow;
}

}  // namespace lkjip::layout
