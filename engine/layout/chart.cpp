// Data charts (capaian per IKU, realisasi anggaran per tahun): grouped bars or lines with
// markers, drawn as vector paths with every label a glyph run, so text extraction finds them.
#include "layout/figure.h"

#include <algorithm>
#include <cmath>

#include "layout/draw.h"

namespace lkjip::layout {
namespace {

constexpr double kPlotRatio = 0.45;  // plot height / width: a landscape-shaped chart
constexpr double kRule = 0.5;
constexpr int kTargetTicks = 5;

/// Axis ticks: a "nice" step (1, 2, 2.5 or 5 × 10ⁿ) and the range it covers, 0 included.
struct Axis {
  double lo = 0, hi = 1, step = 1;
  int decimals = 0;
};

Axis nice_axis(double vmin, double vmax) {
  vmin = std::min(0.0, vmin);
  vmax = std::max(0.0, vmax);
  if (vmax - vmin <= 0) vmax = vmin + 1;
  const double raw = (vmax - vmin) / kTargetTicks;
  const double mag = std::pow(10.0, std::floor(std::log10(raw)));
  double step = 10 * mag;
  for (double m : {1.0, 2.0, 2.5, 5.0}) {
    if (m * mag >= raw) {
      step = m * mag;
      break;
    }
  }
  Axis a;
  a.step = step;
  a.hi = std::ceil(vmax * 1.08 / step - 1e-9) * step;  // headroom for the value labels
  a.lo = std::floor(vmin * 1.08 / step + 1e-9) * step;
  for (double s = step; a.decimals < 3 && std::fabs(s - std::round(s)) > 1e-9; s *= 10) {
    ++a.decimals;
  }
  return a;
}

/// Marker shapes per series (square, circle, triangle, diamond), so lines read in greyscale.
std::vector<Point> marker(int series, Point c, Pt r) {
  std::vector<Point> pts;
  switch (series % 4) {
    case 0:
      return {{c.x - r, c.y - r}, {c.x + r, c.y - r}, {c.x + r, c.y + r}, {c.x - r, c.y + r}};
    case 1:
      for (int i = 0; i < 12; ++i) {
        const double a = i * M_PI / 6;
        pts.push_back({c.x + r * std::cos(a), c.y + r * std::sin(a)});
      }
      return pts;
    case 2:
      return {{c.x, c.y - r * 1.2}, {c.x + r * 1.2, c.y + r}, {c.x - r * 1.2, c.y + r}};
    default:
      return {
          {c.x, c.y - r * 1.3}, {c.x + r * 1.3, c.y}, {c.x, c.y + r * 1.3}, {c.x - r * 1.3, c.y}};
  }
}

class ChartDrawing {
 public:
  ChartDrawing(const Context& ctx, const doc::Chart& chart, Pt width)
      : ctx_(ctx), chart_(chart), width_(width) {
    ts_ = ctx.style.table_text;
    ts_.size = ts_.size * 0.8;
    small_ = ts_;
    small_.size = ts_.size * 0.9;
    box_ = draw::line_box(ctx, ts_);
    palette_ = ctx.style.chart_palette;
    if (palette_.empty()) palette_ = {Color::gray(0.3)};
  }

  frame::Frame draw() {
    if (!chart_.has_data()) return placeholder();
    double vmin = 0, vmax = 0;
    for (const auto& s : chart_.series) {
      for (double v : s.values) {
        if (!std::isfinite(v)) continue;
        vmin = std::min(vmin, v);
        vmax = std::max(vmax, v);
      }
    }
    axis_ = nice_axis(vmin, vmax);
    Pt label_w;
    for (double t : ticks()) {
      label_w = max(label_w, draw::single_line(ctx_, draw::plain(tick(t)), ts_).natural_width);
    }
    Pt y;
    if (!chart_.y_title.empty()) {
      draw::set_line(out_, draw::single_line(ctx_, draw::plain(chart_.y_title), ts_), Pt(0),
                     box_.baseline);
      y += box_.height + Pt(4);
    }
    plot_ = {label_w + Pt(6), y + box_.height / 2, Pt(0), width_ * kPlotRatio};
    plot_.width = width_ - plot_.x - Pt(4);
    grid_and_axes();
    if (chart_.kind == doc::Chart::Kind::bars) {
      bars();
    } else {
      lines();
    }
    y = categories(plot_.bottom() + Pt(4));
    y = legend(y + Pt(8));
    out_.size = {width_, y};
    return std::move(out_);
  }

 private:
  /// A chart without data: its note in a thin frame of the plot's width, no empty axes.
  frame::Frame placeholder() {
    const Pt pad(8);
    const auto& ts = ctx_.style.source_style;
    const auto note = draw::compose_aligned(ctx_, draw::plain(chart_.note), ts,
                                            width_ - pad * 2, report::HAlign::center);
    const Pt bottom = draw::lines(out_, note, draw::line_box(ctx_, ts), pad, pad) + pad;
    add(frame::Box{{Pt(0), Pt(0), width_, bottom}, std::nullopt, Color::gray(0.5), Pt(kRule)});
    out_.size = {width_, bottom};
    return std::move(out_);
  }

  std::vector<double> ticks() const {
    const auto n = std::lround((axis_.hi - axis_.lo) / axis_.step);
    std::vector<double> out;
    for (long k = 0; k <= n; ++k) out.push_back(axis_.lo + axis_.step * static_cast<double>(k));
    return out;
  }
  std::string tick(double v) const { return draw::number_id(v, axis_.decimals); }
  Pt y_of(double v) const {
    return plot_.bottom() - plot_.height * ((v - axis_.lo) / (axis_.hi - axis_.lo));
  }
  size_t categories_count() const {
    size_t n = chart_.categories.size();
    for (const auto& s : chart_.series) n = std::max(n, s.values.size());
    return n;
  }
  Pt slot() const {
    return plot_.width / static_cast<double>(std::max<size_t>(1, categories_count()));
  }
  Color color(size_t s) const { return palette_[s % palette_.size()]; }

  void add(frame::Item item) { out_.items.push_back(std::move(item)); }
  void rule(Point a, Point b, Color c, Pt w = Pt(kRule)) {
    out_.items.emplace_back(std::in_place_type<frame::Line>, frame::Line{a, b, w, c});
  }

  /// Text centred on x with its baseline at `baseline`.
  void centred(const std::string& s, const report::TextStyle& ts, Pt x, Pt baseline) {
    const auto line = draw::single_line(ctx_, draw::plain(s), ts);
    draw::set_line(out_, line, x - line.natural_width / 2, baseline);
  }

  void grid_and_axes() {
    const Pt half_cap = ctx_.font(ts_).cap_height(ts_.size) / 2;
    for (double t : ticks()) {
      const Pt y = y_of(t);
      if (std::fabs(t) > axis_.step * 1e-6) {
        rule({plot_.x, y}, {plot_.right(), y}, Color::gray(0.85), Pt(0.4));
      }
      const auto line = draw::single_line(ctx_, draw::plain(tick(t)), ts_);
      draw::set_line(out_, line, plot_.x - Pt(4) - line.natural_width, y + half_cap);
      rule({plot_.x - Pt(2), y}, {plot_.x, y}, Color::black());
    }
    rule({plot_.x, plot_.y}, {plot_.x, plot_.bottom()}, Color::black());
    rule({plot_.x, y_of(0)}, {plot_.right(), y_of(0)}, Color::black());
  }

  std::string value_label(const doc::ChartSeries& s, size_t i) const {
    if (i < s.labels.size() && !s.labels[i].empty()) return s.labels[i];
    return draw::number_id(s.values[i]);
  }

  void bars() {
    const size_t ns = std::max<size_t>(1, chart_.series.size());
    const Pt group = slot() * 0.75;
    const Pt bar = group / static_cast<double>(ns);
    const Pt zero = y_of(0);
    const Pt descent = ctx_.font(small_).descender(small_.size);
    for (size_t s = 0; s < chart_.series.size(); ++s) {
      const auto& series = chart_.series[s];
      for (size_t i = 0; i < series.values.size(); ++i) {
        const double v = series.values[i];
        if (!std::isfinite(v)) continue;
        const Pt x = plot_.x + slot() * static_cast<double>(i) + (slot() - group) / 2 +
                     bar * static_cast<double>(s);
        const Pt top = min(zero, y_of(v)), bottom = max(zero, y_of(v));
        add(frame::Box{{x, top, bar, bottom - top}, color(s), Color::black(), Pt(0.3)});
        const Pt baseline = v >= 0 ? top - descent - Pt(1)
                                   : bottom + ctx_.font(small_).ascender(small_.size) + Pt(1);
        centred(value_label(series, i), small_, x + bar / 2, baseline);
      }
    }
  }

  void lines() {
    const Pt r(2.2);
    for (size_t s = 0; s < chart_.series.size(); ++s) {
      const auto& series = chart_.series[s];
      frame::Path path;
      path.stroke = color(s);
      path.stroke_width = Pt(1.5);
      std::vector<Point> points;
      for (size_t i = 0; i < series.values.size(); ++i) {
        if (!std::isfinite(series.values[i])) continue;
        points.push_back(
            {plot_.x + slot() * (static_cast<double>(i) + 0.5), y_of(series.values[i])});
      }
      path.points = points;
      if (points.size() > 1) add(path);
      size_t k = 0;
      for (size_t i = 0; i < series.values.size(); ++i) {
        if (!std::isfinite(series.values[i])) continue;
        const Point c = points[k++];
        frame::Path m;
        m.points = marker(static_cast<int>(s), c, r);
        m.closed = true;
        m.fill = color(s);
        m.stroke = Color::black();
        m.stroke_width = Pt(0.3);
        add(m);
        // Above the highest point of the category, below the others: labels of nearby
        // points of different series do not overprint each other.
        const bool top = highest(i) == s;
        const Pt baseline = top ? c.y - r * 1.5 - Pt(1)
                                : c.y + r * 1.5 + Pt(1) + ctx_.font(small_).ascender(small_.size);
        centred(value_label(series, i), small_, c.x, baseline);
      }
    }
  }

  /// Index of the series with the largest finite value in category `i`.
  size_t highest(size_t i) const {
    size_t best = 0;
    double v = -HUGE_VAL;
    for (size_t s = 0; s < chart_.series.size(); ++s) {
      const auto& vals = chart_.series[s].values;
      if (i < vals.size() && std::isfinite(vals[i]) && vals[i] > v) {
        v = vals[i];
        best = s;
      }
    }
    return best;
  }

  /// Category names under the axis, wrapped to their slot; returns the y below them.
  Pt categories(Pt y) {
    Pt deepest = y;
    for (size_t i = 0; i < chart_.categories.size(); ++i) {
      const Pt x = plot_.x + slot() * static_cast<double>(i);
      const auto ls = draw::compose_aligned(ctx_, draw::plain(chart_.categories[i]), ts_,
                                            max(Pt(1), slot() - Pt(4)), report::HAlign::center);
      deepest = max(deepest, draw::lines(out_, ls, box_, x + Pt(2), y));
    }
    return deepest;
  }

  /// Swatch and name per series, centred, wrapped onto more rows when wide.
  Pt legend(Pt y) {
    if (chart_.series.empty()) return y;
    const Pt sw(8), gap(3), between(12);
    struct Entry {
      text::SetLine line;
      Pt width;
    };
    std::vector<Entry> entries;
    for (const auto& s : chart_.series) {
      auto line = draw::single_line(ctx_, draw::plain(s.name), ts_);
      const Pt w = sw + gap + line.natural_width;
      entries.push_back({std::move(line), w});
    }
    size_t i = 0;
    while (i < entries.size()) {
      size_t j = i;
      Pt row = entries[j++].width;
      while (j < entries.size() && row + between + entries[j].width <= width_) {
        row += between + entries[j++].width;
      }
      Pt x = (width_ - row) / 2;
      for (size_t k = i; k < j; ++k) {
        const Pt mid = y + box_.height / 2;
        if (chart_.kind == doc::Chart::Kind::bars) {
          add(frame::Box{{x, mid - sw / 2, sw, sw}, color(k), Color::black(), Pt(0.3)});
        } else {
          rule({x - Pt(2), mid}, {x + sw + Pt(2), mid}, color(k), Pt(1.5));
          frame::Path m;
          m.points = marker(static_cast<int>(k), {x + sw / 2, mid}, Pt(2.2));
          m.closed = true;
          m.fill = color(k);
          m.stroke = Color::black();
          m.stroke_width = Pt(0.3);
          add(m);
        }
        draw::set_line(out_, entries[k].line, x + sw + gap, y + box_.baseline);
        x += entries[k].width + between;
      }
      y += box_.height + Pt(2);
      i = j;
    }
    return y;
  }

  const Context& ctx_;
  const doc::Chart& chart_;
  Pt width_;
  report::TextStyle ts_, small_;
  draw::LineBox box_;
  std::vector<Color> palette_;
  Axis axis_;
  Rect plot_;
  frame::Frame out_;
};

}  // namespace

frame::Frame draw_chart(const Context& ctx, const doc::Chart& chart, Pt width) {
  return ChartDrawing(ctx, chart, width).draw();
}

}  // namespace lkjip::layout
