#include "layout/table_paint.h"

#include <algorithm>
#include <cmath>

#include "frame/ops.h"

namespace lkjip::layout::table {

void Painter::unit(const Unit& u, Pt y, bool repeated) {
  std::vector<Pt> top(u.heights.size() + 1, y);
  for (size_t r = 0; r < u.heights.size(); ++r) top[r + 1] = top[r] + u.heights[r];
  for (const auto& c : u.cells) {
    const Pt x0 = g_.col_x[static_cast<size_t>(c.col)];
    const Pt x1 = g_.col_x[static_cast<size_t>(c.col + c.colspan)];
    const Pt y0 = top[static_cast<size_t>(c.row)];
    const Pt y1 = top[static_cast<size_t>(c.row + c.rowspan)];
    if (c.fill) fills_.push_back(frame::Box{{x0, y0, x1 - x0, y1 - y0}, c.fill, {}, Pt(0)});
    if (tagging_)
      text_.items.emplace_back(repeated ? frame::Mark{frame::Mark::Kind::pagination, 0}
                                        : frame::Mark{frame::Mark::Kind::content, c.elem});
    Pt ty = y0 + g_.pad_y;
    if (c.vcenter) ty += max(Pt(0), (y1 - y0 - g_.pad_y * 2 - c.content()) / 2);
    for (size_t i = c.first; i < c.end; ++i) {
      const auto& l = (*c.lines)[i];
      draw::set_line(text_, l.line, x0 + g_.pad_x + c.indent + l.x, ty + c.box.baseline);
      ty += c.box.height;
    }
    edge(h_, y0, x0, x1);
    edge(h_, y1, x0, x1);
    edge(v_, x0, y0, y1);
    edge(v_, x1, y0, y1);
  }
}

void Painter::finish(frame::Frame& out) {
  const frame::Mark artifact{frame::Mark::Kind::layout, 0};
  if (tagging_) out.items.emplace_back(artifact);
  for (auto& f : fills_) out.add(std::move(f));
  frame::append(out, std::move(text_), Point{});
  if (tagging_) out.items.emplace_back(artifact);
  const Pt ext = g_.rule / 2;  // square ends so that perpendicular lines close the corners
  auto emit = [&](Edges& edges, bool horizontal) {
    for (auto& [key, segs] : edges) {
      std::sort(segs.begin(), segs.end());
      const Pt at(static_cast<double>(key) / kScale);
      for (size_t i = 0; i < segs.size();) {
        Pt a = segs[i].first, b = segs[i].second;
        for (++i; i < segs.size() && segs[i].first <= b + Pt(1e-6); ++i) b = max(b, segs[i].second);
        frame::Line line;
        line.width = g_.rule;
        line.from = horizontal ? Point{a - ext, at} : Point{at, a - ext};
        line.to = horizontal ? Point{b + ext, at} : Point{at, b + ext};
        // Emplaced (not add(Item)): GCC 12 warns falsely about the variant temporary.
        out.items.emplace_back(line);
      }
    }
  };
  emit(h_, true);
  emit(v_, false);
}

void Painter::edge(Edges& e, Pt at, Pt a, Pt b) {
  e[std::llround(at.v * kScale)].push_back({a, b});
}

}  // namespace lkjip::layout::table
