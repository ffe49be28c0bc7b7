// Bulk rendering on a terminal: the progress bar and the messages (warnings from worker threads)
// never share a line, and the bar is off when stderr is not a terminal or TERM=dumb. The
// terminal is a real pseudo-terminal (forkpty); what a reader would see on it is rebuilt by
// replaying carriage returns, erase-to-end-of-line and newlines.
#include <pty.h>

#include <algorithm>
#include <cerrno>
#include <regex>
#include <string>
#include <vector>

#include "tools.h"

namespace lkjip::golden {
namespace {

/// Runs `cmd` with stdin, stdout and stderr on a new pseudo-terminal; everything it wrote.
Outcome run_on_terminal(const std::string& cmd, const std::string& term) {
  Outcome r;
  int fd = -1;
  const pid_t pid = forkpty(&fd, nullptr, nullptr, nullptr);
  if (pid < 0) return r;
  if (pid == 0) {
    setenv("TERM", term.c_str(), 1);
    execl("/bin/sh", "sh", "-c", cmd.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  char buf[4096];
  for (ssize_t n; (n = read(fd, buf, sizeof buf)) > 0 || (n < 0 && errno == EINTR);)
    if (n > 0) r.out.append(buf, static_cast<size_t>(n));
  close(fd);  // EIO: the child closed its side
  int status = 0;
  waitpid(pid, &status, 0);
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

/// The lines a terminal shows after `bytes`: '\r' returns to column 0, ESC [ K erases to the
/// end of the line, '\n' starts the next line; other characters overwrite at the cursor. The
/// last line is included when not empty.
std::vector<std::string> screen_lines(const std::string& bytes) {
  std::vector<std::string> lines;
  std::string line;
  size_t col = 0;
  for (size_t i = 0; i < bytes.size(); ++i) {
    const char c = bytes[i];
    if (c == '\r') {
      col = 0;
    } else if (c == '\n') {
      lines.push_back(line);
      line.clear();
      col = 0;
    } else if (bytes.compare(i, 3, "\x1b[K") == 0) {
      line.resize(col);
      i += 2;
    } else {
      if (col < line.size())
        line[col] = c;
      else
        line += c;
      ++col;
    }
  }
  if (!line.empty()) lines.push_back(line);
  return lines;
}

const std::regex kBar(R"(\[[# ]{30}\] \d+/\d+)");

/// A folder of four descriptions that each render with warnings (one of them with two).
void make_inputs(const fs::path& dir) {
  fs::create_directories(dir / "in");
  fs::copy(kSrc / "tests/data/images", dir / "in/images", fs::copy_options::recursive);
  fs::copy(kSrc / "tests/bad/images/png-named.jpg", dir / "in/images/png-named.jpg");
  const std::string minimal = slurp(kSrc / "tests/data/minimal.toml");
  for (const char* name : {"a", "b", "c"})
    write_file(dir / "in" / (name + std::string(".toml")), minimal);
  write_file(dir / "in/d.toml",
             std::regex_replace(minimal, std::regex("images/logo\\.png"), "images/png-named.jpg"));
}

std::vector<std::string> sorted_messages(const std::vector<std::string>& lines) {
  std::vector<std::string> out;
  for (const auto& l : lines)
    if (l.find(": warning: ") != std::string::npos || l.rfind("  hint: ", 0) == 0) out.push_back(l);
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST(Terminal, ProgressBarAndMessagesNeverShareALine) {
  ScratchDir dir("terminal");
  make_inputs(dir.path());
  const std::string cmd =
      "cd " + quoted(dir.path().string()) + " && " + kBin + " render in/ --out-dir out --jobs 2";

  // Not a terminal: no bar, no carriage return, one line per report.
  const auto piped = run(cmd);
  ASSERT_EQ(piped.code, 0) << piped.out;
  EXPECT_EQ(piped.out.find('\r'), std::string::npos);
  EXPECT_FALSE(std::regex_search(piped.out, kBar)) << piped.out;
  for (const char* name : {"a", "b", "c", "d"})
    EXPECT_NE(piped.out.find("in/" + std::string(name) + ".toml: rendered ("), std::string::npos)
        << piped.out;
  const auto messages = sorted_messages(screen_lines(piped.out));
  ASSERT_GE(messages.size(), 10u) << piped.out;  // 5 warnings, each with its hint

  // A terminal: the bar is drawn, ends full, and is gone from the final screen; every message
  // line stands alone, the same lines as without the bar.
  const auto tty = run_on_terminal(cmd, "xterm");
  ASSERT_EQ(tty.code, 0) << tty.out;
  EXPECT_NE(tty.out.find("[##############################] 4/4"), std::string::npos) << tty.out;
  // The pty turns each "\n" into "\r\n".
  const auto lines = screen_lines(std::regex_replace(tty.out, std::regex("\r\n"), "\n"));
  for (const auto& l : lines) {
    EXPECT_FALSE(std::regex_search(l, kBar)) << "bar left on a line: " << l;
    EXPECT_TRUE(std::regex_match(l, std::regex(R"(in/[a-d]\.toml:\d+:\d+: warning: .*)")) ||
                l.rfind("  hint: ", 0) == 0 || l.rfind("summary: 4 rendered", 0) == 0)
        << "unexpected line: " << l;
  }
  EXPECT_EQ(sorted_messages(lines), messages);
  // Each warning is followed by its hint, whole: no bar drawn between a message's lines.
  for (size_t i = 0; i < lines.size(); ++i)
    if (lines[i].find(": warning: ") != std::string::npos) {
      ASSERT_LT(i + 1, lines.size());
      EXPECT_EQ(lines[i + 1].rfind("  hint: ", 0), 0u) << lines[i];
    }

  // TERM=dumb cannot erase a line: no bar there either.
  const auto dumb = run_on_terminal(cmd, "dumb");
  ASSERT_EQ(dumb.code, 0) << dumb.out;
  EXPECT_FALSE(std::regex_search(dumb.out, kBar)) << dumb.out;
  EXPECT_NE(dumb.out.find("in/a.toml: rendered ("), std::string::npos) << dumb.out;
}

}  // namespace lkjip::golden
