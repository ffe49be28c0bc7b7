// Drawing a table fragment: fills, cell text and the merged grid rules.
#pragma once

#include <map>
#include <utility>
#include <vector>

#include "frame/frame.h"
#include "layout/table_rows.h"

namespace lkjip::layout::table {

/// Collects one fragment's fills, text and grid; the grid is drawn as merged continuous lines
/// per x or y so that shared cell edges are stroked once and corners meet.
class Painter {
 public:
  /// With `tagging`, cell text is marked as its cell's element, fills and rules as artifacts.
  Painter(const Geometry& g, bool tagging) : g_(g), tagging_(tagging) {}

  /// `repeated`: header rows repeated on a continuation page, marked as pagination artifacts.
  void unit(const Unit& u, Pt y, bool repeated = false);

  /// Moves everything into `out`: fills under text under rules.
  void finish(frame::Frame& out);

 private:
  using Edges = std::map<long long, std::vector<std::pair<Pt, Pt>>>;
  static constexpr double kScale = 1000;  // edges closer than a thousandth of a point merge
  static void edge(Edges& e, Pt at, Pt a, Pt b);
  const Geometry& g_;
  bool tagging_;
  std::vector<frame::Item> fills_;
  frame::Frame text_;
  Edges h_, v_;
};

}  // namespace lkjip::layout::table
