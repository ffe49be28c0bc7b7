// Help, man page and bash completion, all generated from the command specs (engine/cli/spec.cpp):
// every command answers `help COMMAND` and `COMMAND --help`, the man page formats without
// warnings and names every command and option, and the completion offers commands, options,
// choices, layout names and the right files. The specs are iterated, so a new command or
// option is tested without editing this file.
#include <sstream>
#include <string>
#include <vector>

#include "cli/spec.h"
#include "tools.h"

namespace lkjip::golden {
namespace {

const std::string kMan = LKJIP_MAN_PAGE;
const std::string kCompletion = LKJIP_BASH_COMPLETION;

/// The candidates the completion offers for the words typed so far (the last one being
/// completed), one per line, sorted.
std::string complete(const std::vector<std::string>& words,
                     const fs::path& cwd = fs::current_path()) {
  std::string array;
  for (const auto& w : words) array += quoted(w) + " ";
  const std::string script = "cd " + quoted(cwd.string()) + " && source " + quoted(kCompletion) +
                             " && COMP_WORDS=(" + array +
                             ") && COMP_CWORD=" + std::to_string(words.size() - 1) + " && _lkjip " +
                             quoted(kBin) + " && printf '%s\\n' \"${COMPREPLY[@]}\" | sort";
  return run("bash -c " + quoted(script)).out;
}

}  // namespace

TEST(Help, EveryCommandAnswersHelpBothWaysWithItsOptions) {
  for (const auto& c : cli::commands()) {
    const std::string name(c.name);
    const auto a = run(kBin + " help " + name);
    const auto b = run(kBin + " " + name + " --help");
    ASSERT_EQ(a.code, 0) << name << a.out;
    EXPECT_EQ(b.code, 0) << name;
    EXPECT_EQ(a.out, b.out) << name;
    EXPECT_EQ(run(kBin + " " + name + " -h").out, a.out) << name;
    EXPECT_NE(a.out.find("lkjip " + name + " - " + std::string(c.summary)), std::string::npos);
    for (const auto& o : c.options)
      EXPECT_NE(a.out.find(std::string(o.name)), std::string::npos) << name << " " << o.name;
    for (const auto& line : c.usage)
      EXPECT_NE(a.out.find(std::string(line)), std::string::npos) << name << " " << line;
    // No line is wider than a terminal.
    std::istringstream lines(a.out);
    for (std::string line; std::getline(lines, line);)
      EXPECT_LE(line.size(), 80u) << name << ": " << line;
  }
  const auto overview = run(kBin + " help");
  EXPECT_EQ(overview.code, 0);
  EXPECT_EQ(run(kBin + " --help").out, overview.out);
  for (const auto& c : cli::commands())
    EXPECT_NE(overview.out.find("  " + std::string(c.name)), std::string::npos) << c.name;
  const auto unknown = run(kBin + " help frobnicate");
  EXPECT_EQ(unknown.code, 2);
  EXPECT_NE(unknown.out.find("no command 'frobnicate'"), std::string::npos) << unknown.out;
}

TEST(Help, EveryCommandInTheSpecsIsImplemented) {
  // Without arguments a command reports a usage error (2) or does its work (0); a command
  // with a spec but no implementation would be an internal error (70).
  for (const auto& c : cli::commands()) {
    const auto r = run(kBin + " " + std::string(c.name) + " </dev/null");
    EXPECT_TRUE(r.code == 0 || r.code == 2) << c.name << ": " << r.code << " " << r.out;
  }
}

TEST(Help, UsageErrorsNameTheProblemAndTheCommandsHelp) {
  const std::string in = (kSrc / "tests/data/minimal.toml").string();
  auto r = run(kBin + " render " + in + " -o x.pdf --layot lkjip");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.out.find("unknown option --layot for render (did you mean --layout?)"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("Try 'lkjip help render'."), std::string::npos) << r.out;
  r = run(kBin + " render " + in + " --out-dir x --jobs abc");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.out.find("--jobs takes a whole number from 1 to 256, not 'abc'"), std::string::npos)
      << r.out;
  for (const std::string bad : {"0", "99999", "-3", "1e3", "9999999999999999999999"}) {
    r = run(kBin + " render " + in + " --out-dir x --jobs " + bad);
    EXPECT_EQ(r.code, 2) << bad;
    EXPECT_NE(r.out.find("--jobs takes a whole number from 1 to 256, not '" + bad + "'"),
              std::string::npos)
        << r.out;
  }
  r = run(kBin + " render " + in + " -o x.pdf --dump=pages");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.out.find("--dump takes one of: doctree frames (not 'pages')"), std::string::npos)
      << r.out;
  r = run(kBin + " render " + in + " -o a.pdf -o b.pdf");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.out.find("--output given twice"), std::string::npos) << r.out;
  r = run(kBin + " render " + in + " -o");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.out.find("--output needs a value (FILE)"), std::string::npos) << r.out;
  r = run(kBin + " check " + in + " --force");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.out.find("unknown option --force for check"), std::string::npos) << r.out;
}

TEST(Help, ManPageFormatsWithoutWarningsAndNamesEveryCommandAndOption) {
  const std::string man = "LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -l " + quoted(kMan);
  const auto r = run(man);
  ASSERT_EQ(r.code, 0) << r.out;
  // groff's warnings go to stderr: there must be none.
  EXPECT_EQ(run("(" + man + " 2>&1 >/dev/null)").out, "");
  EXPECT_NE(r.out.find("LKJIP(1)"), std::string::npos);
  // man may hyphenate and justify: compare with the spaces squeezed.
  std::string text;
  for (char ch : r.out)
    if (!(ch == ' ' && !text.empty() && text.back() == ' ')) text += ch;
  for (const std::string section : {"NAME", "SYNOPSIS", "DESCRIPTION", "COMMANDS", "EXIT STATUS",
                                    "ENVIRONMENT", "FILES", "SEE ALSO"})
    EXPECT_NE(text.find("\n" + section + "\n"), std::string::npos) << section;
  for (const auto& c : cli::commands()) {
    EXPECT_NE(text.find("lkjip " + std::string(c.name) + " - "), std::string::npos) << c.name;
    for (const auto& o : c.options)
      EXPECT_NE(text.find(std::string(o.name)), std::string::npos) << c.name << " " << o.name;
  }
  EXPECT_NE(text.find("LKJIP_DATA_DIR"), std::string::npos);
  EXPECT_NE(text.find("SOURCE_DATE_EPOCH"), std::string::npos);
}

TEST(Help, BashCompletionOffersCommandsOptionsChoicesLayoutsAndFiles) {
  EXPECT_EQ(complete({"lkjip", "re"}), "recap\nrender\n");
  EXPECT_EQ(complete({"lkjip", "render", "--la"}), "--layout\n");
  EXPECT_EQ(complete({"lkjip", "recap", "--sort", "c"}), "capaian\n");
  EXPECT_EQ(complete({"lkjip", "render", "--dump", "=", ""}), "doctree\nframes\n");
  EXPECT_EQ(complete({"lkjip", "help", "wa"}), "watch\n");
  // Layout names come from the binary itself (`lkjip layouts`).
  const auto layouts = run(kBin + " layouts");
  ASSERT_EQ(layouts.code, 0);
  EXPECT_NE(layouts.out.find("lkjip\n"), std::string::npos) << layouts.out;
  EXPECT_NE(layouts.out.find("tata-naskah-dinas\n"), std::string::npos) << layouts.out;
  EXPECT_EQ(complete({"lkjip", "render", "--layout", ""}), layouts.out);
  // Files: descriptions (and folders) as operands, PDFs (and folders) for -o.
  ScratchDir dir("completion");
  write_file(dir / "laporan.toml", "");
  write_file(dir / "laporan.pdf", "");
  write_file(dir / "catatan.txt", "");
  fs::create_directories(dir.path() / "arsip");
  EXPECT_EQ(complete({"lkjip", "render", ""}, dir.path()), "arsip\nlaporan.toml\n");
  EXPECT_EQ(complete({"lkjip", "render", "laporan.toml", "-o", ""}, dir.path()),
            "arsip\nlaporan.pdf\n");
  EXPECT_EQ(complete({"lkjip", "render", "x.toml", "--out-dir", ""}, dir.path()), "arsip\n");
}

}  // namespace lkjip::golden
