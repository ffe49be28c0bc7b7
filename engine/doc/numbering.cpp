#include "doc/numbering.h"

#include "compute/format.h"
#include "doc/text_util.h"

namespace lkjip::doc {

std::string chapter_label(const report::LayoutStyle& style, int n) {
  return expand(style.chapter_label,
                {{"chapter", std::to_string(n)}, {"chapter_roman", compute::roman(n, true)}});
}

std::string caption_label(const std::string& format, int chapter, int n) {
  return expand(format, {{"chapter", std::to_string(chapter)},
                         {"chapter_roman", compute::roman(chapter, true)},
                         {"n", std::to_string(n)}});
}

std::string caption_label(const std::string& format, const std::string& chapter, int n) {
  return expand(format, {{"chapter", chapter}, {"chapter_roman", chapter}, {"n", std::to_string(n)}});
}

bool HeadingNumbering::assign(Heading& h, bool numbered, const std::string& id) {
  const int level = h.level;
  if (level < 1 || level > 3) internal_error("heading level out of range");
  std::string derived;
  if (numbered) {
    ++counters_[level - 1];
    for (int l = level; l < 3; ++l) counters_[l] = 0;
    const int n = counters_[level - 1];
    // {n_roman} is lower case like {n_alpha}; {n_ROMAN} is the upper-case twin of {n_ALPHA}.
    h.number = expand(style_.heading[level - 1].numbering,
                      {{"chapter", std::to_string(chapter_)},
                       {"chapter_roman", compute::roman(chapter_, true)},
                       {"n", std::to_string(n)},
                       {"n_alpha", compute::alpha(n, false)},
                       {"n_ALPHA", compute::alpha(n, true)},
                       {"n_roman", compute::roman(n, false)},
                       {"n_ROMAN", compute::roman(n, true)},
                       {"1", std::to_string(counters_[0])},
                       {"2", std::to_string(counters_[1])}});
    derived = "bab" + std::to_string(chapter_) + "-sec" + std::to_string(counters_[0]);
    for (int l = 1; l < level; ++l) {
      derived += '-';
      derived += std::to_string(counters_[l]);
    }
  } else {
    h.number.clear();
    derived = "bab" + std::to_string(chapter_) + "-u" + std::to_string(++unnumbered_);
  }
  if (!id.empty()) {
    h.anchor = id;
    return anchors_.claim(id);
  }
  // Derived ids cannot collide with each other; a user id that happens to look like one is
  // caught when that id is claimed, so suffix until free instead of failing here.
  h.anchor = derived;
  while (!anchors_.claim(h.anchor)) h.anchor += "x";
  return true;
}

}  // namespace lkjip::doc
