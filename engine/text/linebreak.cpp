#include "text/linebreak.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "base/diagnostic.h"

namespace lkjip::text {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
/// Stretch at or above this counts as infinite (TeX's "fil"): the final glue of a paragraph.
constexpr double kFil = 1e9;
/// Badness cap, reached only in the emergency pass (lines with no stretch at all have r = inf).
constexpr double kMaxBad = 1e7;
/// Added to an overfull line's demerits in the emergency pass, so any set of breaks without
/// one wins over a set with one.
constexpr double kOverfullDemerits = 1e12;

/// Running sums over boxes and glue; penalties add width only when a line ends at them.
struct Sums {
  double width = 0, stretch = 0, shrink = 0, fil = 0;
};

struct Node {
  size_t pos = 0;   // item index of the break (unused for the start node, nodes_[0])
  size_t line = 0;  // number of lines before this break's successor line
  int fitness = 2;  // of the line ending here
  double demerits = 0;
  double ratio = 0;
  bool flagged = false;
  int run = 0;  // hyphenated lines in succession ending here (0 when this line is not)
  bool overfull = false;
  long prev = -1;  // index into the node store
  Sums after;      // sums at the first item of the next line
};

bool is_forced(const BreakItem& it) {
  return it.kind == BreakItem::Kind::penalty && it.penalty <= -10000;
}

struct Candidate {
  size_t line_class = 0;
  int fitness = 0;
  double demerits = kInf;
  double ratio = 0;
  long from = -1;
  size_t line = 0;
  bool overfull = false;
  int run = 0;  // Node::run of the break this candidate makes
};

/// The breaker's working vectors, one set per thread and reused across paragraphs.
struct Scratch {
  std::vector<Sums> sums;
  std::vector<Candidate> cands;
  std::vector<Node> nodes;
  std::vector<size_t> active;
};

class Breaker {
 public:
  Breaker(const std::vector<BreakItem>& items, const BreakParams& params, Scratch& scratch)
      : items_(items),
        params_(params),
        widths_(params.line_widths),
        sums_(scratch.sums),
        cands_(scratch.cands),
        nodes_(scratch.nodes),
        active_(scratch.active) {
    sums_.assign(items.size() + 1, Sums{});
    for (size_t i = 0; i < items.size(); ++i) {
      Sums s = sums_[i];
      const auto& it = items[i];
      if (it.kind == BreakItem::Kind::box) {
        s.width += it.width;
        s.stretch += it.stretch;
        s.shrink += it.shrink;
      } else if (it.kind == BreakItem::Kind::glue) {
        s.width += it.width;
        if (it.stretch >= kFil) {
          s.fil += 1;
        } else {
          s.stretch += it.stretch;
        }
        s.shrink += it.shrink;
      }
      sums_[i + 1] = s;
    }
    // From the last width on, lines are interchangeable and break nodes need not be told
    // apart by line number (TeX's easy_line).
    easy_line_ = 0;
    for (size_t l = widths_.size() - 1; l-- > 0;) {
      if (widths_[l] != widths_.back()) {
        easy_line_ = l + 1;
        break;
      }
    }
  }

  /// One pass at `tolerance`; empty when no feasible breaks exist (never in `emergency`).
  std::vector<LineBreak> run(double tolerance, bool emergency) {
    nodes_.clear();
    active_.clear();
    Node start;
    start.after = after_break(0, true);
    nodes_.push_back(start);
    active_.push_back(0);
    for (size_t i = 0; i < items_.size(); ++i) {
      const auto& it = items_[i];
      bool legal = false;
      if (it.kind == BreakItem::Kind::glue) {
        legal = i > 0 && items_[i - 1].kind == BreakItem::Kind::box;
      } else if (it.kind == BreakItem::Kind::penalty) {
        legal = it.penalty < 10000;
      }
      // A break whose next line would be empty (only discardable items before a forced break)
      // is useless: TeX avoids it with \penalty10000 before \parfillskip.
      if (legal && !is_forced(it) && is_forced(items_[next_line_start(i)])) legal = false;
      if (legal) try_break(i, tolerance, emergency);
      if (active_.empty()) return {};
    }
    long best = -1;
    for (size_t a : active_) {
      if (a != 0 && nodes_[a].pos + 1 == items_.size() &&
          (best < 0 || nodes_[a].demerits < nodes_[best].demerits)) {
        best = static_cast<long>(a);
      }
    }
    if (best < 0) return {};
    std::vector<LineBreak> out;
    for (long n = best; n > 0; n = nodes_[n].prev) {
      out.push_back({nodes_[n].pos, nodes_[n].ratio, nodes_[n].overfull});
    }
    std::reverse(out.begin(), out.end());
    return out;
  }

 private:
  /// Sums at the start of the line following a break at `b`: glue and non-forced penalties
  /// after a break are discarded, as in TeX. The paragraph start discards nothing.
  Sums after_break(size_t b, bool paragraph_start) const {
    return paragraph_start ? sums_[0] : sums_[next_line_start(b)];
  }

  /// Index of the first item after a break at `b` that is kept: a box or a forced break.
  size_t next_line_start(size_t b) const {
    size_t j = b + 1;
    while (j < items_.size() && items_[j].kind != BreakItem::Kind::box && !is_forced(items_[j])) {
      ++j;
    }
    return j;
  }

  void try_break(size_t b, double tolerance, bool emergency) {
    const auto& item = items_[b];
    const bool forced = is_forced(item);
    const bool is_penalty = item.kind == BreakItem::Kind::penalty;
    const bool flagged = is_penalty && item.flagged;
    const double penalty = is_penalty ? item.penalty : 0;
    const Sums& at = sums_[b];
    auto& cands = cands_;
    cands.clear();
    long best_deactivated = -1;
    double best_overflow = kInf;
    double best_deactivated_ratio = 0;
    size_t kept = 0;
    for (size_t k = 0; k < active_.size(); ++k) {
      const size_t a = active_[k];
      const Node& n = nodes_[a];
      const double avail = widths_[std::min(n.line, widths_.size() - 1)];
      const double natural = at.width - n.after.width + (is_penalty ? item.width : 0);
      double r = 0;
      if (natural < avail) {
        if (at.fil - n.after.fil > 0) {
          r = 0;
        } else {
          const double st = at.stretch - n.after.stretch + (is_penalty ? item.stretch : 0);
          r = st > 0 ? (avail - natural) / st : kInf;
        }
      } else if (natural > avail) {
        const double sh = at.shrink - n.after.shrink + (is_penalty ? item.shrink : 0);
        r = sh > 0 ? (avail - natural) / sh : -kInf;
      }
      const int run = flagged ? n.run + 1 : 0;
      const bool run_too_long = params_.max_hyphen_run > 0 && run > params_.max_hyphen_run;
      if (r >= -1 && (r <= tolerance || emergency) && (!run_too_long || emergency)) {
        const double a3 = std::fabs(r * r * r);
        double d = params_.line_penalty + (a3 < kMaxBad / 100 ? 100 * a3 : kMaxBad);
        d = d * d;
        if (penalty >= 0) {
          d += penalty * penalty;
        } else if (!forced) {
          d -= penalty * penalty;
        }
        if (flagged && n.flagged) d += params_.flagged_demerits;
        if (run_too_long) d += params_.flagged_demerits * params_.flagged_demerits;
        const int fit = r < -0.5 ? 3 : r <= 0.5 ? 2 : r <= 1 ? 1 : 0;
        if (std::abs(fit - n.fitness) > 1) d += params_.fitness_demerits;
        if (forced && b + 1 == items_.size() && n.flagged) d += params_.final_hyphen_demerits;
        d += n.demerits;
        const size_t cls = std::min(n.line + 1, easy_line_);
        // Breaks differing in the hyphen run they end are kept apart: a shorter run leaves
        // more choice to the lines after it.
        auto c = std::find_if(cands.begin(), cands.end(), [&](const Candidate& x) {
          return x.line_class == cls && x.fitness == fit && x.run == run;
        });
        if (c == cands.end()) {
          cands.push_back({cls, fit});
          c = cands.end() - 1;
        }
        if (d < c->demerits) {
          *c = {cls, fit, d, r, static_cast<long>(a), n.line + 1, false, run};
        }
      }
      if (r < -1 || forced) {
        // A line from `a` can only get wider past here (or cannot cross a forced break).
        // The emergency fallback wants the least overflowing of these lines.
        const double overflow = natural - avail;
        if (r < -1 &&
            (overflow < best_overflow ||
             (overflow == best_overflow && n.demerits < nodes_[best_deactivated].demerits))) {
          best_deactivated = static_cast<long>(a);
          best_overflow = overflow;
          best_deactivated_ratio = r;
        }
        continue;
      }
      active_[kept++] = a;
    }
    active_.resize(kept);
    if (emergency && cands.empty() && active_.empty() && best_deactivated >= 0) {
      // Nothing can reach this break without overflowing: accept the least overfull line so
      // the paragraph is always set (TeX's final pass does the same with its last node).
      const Node& n = nodes_[best_deactivated];
      cands.push_back({std::min(n.line + 1, easy_line_), 3, n.demerits + kOverfullDemerits,
                       std::max(best_deactivated_ratio, -1e9), best_deactivated, n.line + 1, true,
                       flagged ? n.run + 1 : 0});
    }
    // A candidate worse than the best of its line class by more than the fitness demerits
    // can never become part of an optimal solution (TeX's minimal_demerits pruning); one
    // ending a longer hyphen run is not comparable and is pruned only against its like.
    for (const auto& c : cands) {
      double best_in_class = kInf;
      for (const auto& o : cands) {
        if (o.line_class == c.line_class && o.run <= c.run)
          best_in_class = std::min(best_in_class, o.demerits);
      }
      if (c.demerits > best_in_class + params_.fitness_demerits) continue;
      Node n;
      n.pos = b;
      n.line = c.line;
      n.fitness = c.fitness;
      n.demerits = c.demerits;
      n.ratio = c.ratio;
      n.flagged = flagged;
      n.run = c.run;
      n.overfull = c.overfull;
      n.prev = c.from;
      n.after = after_break(b, false);
      nodes_.push_back(n);
      active_.push_back(nodes_.size() - 1);
    }
  }

  const std::vector<BreakItem>& items_;
  const BreakParams& params_;
  const std::vector<double>& widths_;  // params_.line_widths
  size_t easy_line_ = 0;
  // Parts of the thread's Scratch.
  std::vector<Sums>& sums_;        // sums_[i]: totals of items [0, i)
  std::vector<Candidate>& cands_;  // of try_break
  std::vector<Node>& nodes_;
  std::vector<size_t>& active_;
};

}  // namespace

std::vector<LineBreak> break_lines(const std::vector<BreakItem>& items, const BreakParams& params) {
  if (items.empty()) return {};
  if (!is_forced(items.back())) internal_error("break_lines: items must end with a forced break");
  if (params.line_widths.empty()) internal_error("break_lines: no line widths");
  thread_local Scratch scratch;
  Breaker breaker(items, params, scratch);
  // First at the requested tolerance, then looser, then an emergency pass that accepts any
  // underfull line and, where nothing fits, an overfull one.
  for (double tol : {params.tolerance, std::max(params.tolerance * 2, 4.0)}) {
    auto result = breaker.run(tol, false);
    if (!result.empty()) return result;
  }
  return breaker.run(kInf, true);
}

}  // namespace lkjip::text
