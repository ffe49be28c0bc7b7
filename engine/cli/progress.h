// What a bulk render prints while its workers run: messages (diagnostics, one report's result)
// and, on a terminal, a progress bar on the last line.
#pragma once

#include <cstdio>
#include <mutex>
#include <string>

namespace lkjip::cli {

/// Owns `out` for the duration of a bulk run. Every write goes through here, so that lines from
/// worker threads never interleave and never share the bar's line: the bar is erased before a
/// message and drawn again beneath it (a bar is drawn at once, at 0/total). Without a bar (not a
/// terminal, or TERM=dumb) each finished report gets its own line instead.
class Progress {
 public:
  Progress(std::FILE* out, size_t total, bool bar);
  /// `text`: whole lines, each ending in '\n'.
  void message(const std::string& text);
  /// One report is done: the bar advances, or `line` (without '\n') is printed.
  void finished(const std::string& line);
  /// Leaves the bar's line empty, so that what follows starts at column 0.
  void end();

  /// Whether a bar suits `out`: a terminal that can return to column 0 and erase.
  static bool bar_suits(std::FILE* out);

 private:
  void draw();
  void erase();

  std::FILE* out_;
  size_t total_, done_ = 0;
  bool bar_, drawn_ = false;
  std::mutex mutex_;
};

}  // namespace lkjip::cli
