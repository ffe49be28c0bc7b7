// Total-fit (Knuth–Plass) line breaking over abstract items. Pure: no fonts, no pages.
#pragma once

#include <cstddef>
#include <vector>

namespace lkjip::text {

/// Knuth–Plass items. Widths are in points (plain doubles: this module is unit-free and is
/// tested with a constant-width measurer).
struct BreakItem {
  enum class Kind { box, glue, penalty } kind = Kind::box;
  double width = 0;
  /// Glue: how far the space may grow or shrink. Box: the same for its letter spacing
  /// (justification spreads the gaps between its letters along with the spaces). Penalty:
  /// added to the line that ends here (negative: a letter gap the break takes away).
  double stretch = 0;
  double shrink = 0;
  double penalty = 0;  // penalty only; >= 10000 forbids, <= -10000 forces a break
  bool flagged = false;  // penalty only: a hyphenation break (the hyphen is its width)
};

struct BreakParams {
  double tolerance = 2.0;           // maximum adjustment ratio of an acceptable line
  double line_penalty = 10;
  double flagged_demerits = 3000;   // two hyphenated lines in a row
  double final_hyphen_demerits = 5000;  // hyphen on the second-to-last line
  double fitness_demerits = 100;
  /// Most hyphenated (flagged) lines in succession; a longer run is never chosen except in
  /// the emergency pass, where it costs `flagged_demerits` squared. 0: no limit.
  int max_hyphen_run = 2;
  /// Available width of line i (0-based); lines past the end use the last. Not empty.
  std::vector<double> line_widths;
};

/// One chosen break. `item` is the index of the glue or penalty where the line ends (the last
/// line ends at the final forced penalty). `ratio` is the adjustment ratio of the line ending
/// here (negative: shrunk; > tolerance only when nothing better existed).
struct LineBreak {
  size_t item = 0;
  double ratio = 0;
  bool overfull = false;  // the line is wider than its width even fully shrunk
};

/// Chooses breaks minimising total demerits. The caller ends the item list with
/// glue(0, inf stretch) + forced penalty, as TeX does. When no feasible set of breaks exists
/// within the tolerance, falls back to the least-bad breaks (overfull lines are marked) so
/// that every paragraph is always set. Runs in O(items × active nodes).
std::vector<LineBreak> break_lines(const std::vector<BreakItem>& items, const BreakParams& params);

}  // namespace lkjip::text
