#include "cli/progress.h"

#include <unistd.h>

#include <cstdlib>
#include <cstring>

namespace lkjip::cli {

Progress::Progress(std::FILE* out, size_t total, bool bar) : out_(out), total_(total), bar_(bar) {
  if (bar_) {
    draw();
    std::fflush(out_);
  }
}

bool Progress::bar_suits(std::FILE* out) {
  const char* term = std::getenv("TERM");
  return isatty(fileno(out)) && !(term && std::strcmp(term, "dumb") == 0);
}

void Progress::message(const std::string& text) {
  if (text.empty()) return;
  std::lock_guard lock(mutex_);
  erase();
  std::fputs(text.c_str(), out_);
  if (bar_) draw();
  std::fflush(out_);
}

void Progress::finished(const std::string& line) {
  std::lock_guard lock(mutex_);
  ++done_;
  if (bar_)
    draw();
  else
    std::fprintf(out_, "%s\n", line.c_str());
  std::fflush(out_);
}

void Progress::end() {
  std::lock_guard lock(mutex_);
  erase();
  std::fflush(out_);
}

void Progress::draw() {
  constexpr size_t kWidth = 30;
  const size_t filled = total_ ? kWidth * done_ / total_ : kWidth;
  std::fprintf(out_, "\r[%s%s] %zu/%zu", std::string(filled, '#').c_str(),
               std::string(kWidth - filled, ' ').c_str(), done_, total_);
  drawn_ = true;
}

void Progress::erase() {
  if (!drawn_) return;
  std::fputs("\r\x1b[K", out_);  // column 0, erase to the end of the line
  drawn_ = false;
}

}  // namespace lkjip::cli
