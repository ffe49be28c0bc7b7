// The bad-input suite (tests/bad/README.md): every NN-name.toml is rendered by the real binary
// from inside tests/bad, and its first diagnostic (with hints) must equal NN-name.expected.
// A case expecting an error must exit 1 and leave the output untouched: no new file, an
// existing file byte-identical, no temporary file left behind. A usage case ("lkjip: …")
// exits 2 likewise; a case expecting a warning documents an input that is accepted.
#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "tools.h"

namespace lkjip::golden {
namespace {

const fs::path kBad = kSrc / "tests" / "bad";

std::vector<std::string> case_names() {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(kBad))
    if (e.path().extension() == ".toml") names.push_back(e.path().stem().string());
  std::sort(names.begin(), names.end());
  return names;
}

/// Extra command-line arguments from a first line "# args: …" of the case.
std::string case_args(const fs::path& toml) {
  const std::string text = slurp(toml);
  const std::string tag = "# args: ";
  if (text.rfind(tag, 0) != 0) return "";
  return text.substr(tag.size(), text.find('\n') - tag.size());
}

/// The first diagnostic of `severity` ("error", "warning") with its hint lines, or for a usage
/// error the message lines; the source folder is written <src> so expectations are portable.
std::string first_diagnostic(std::string out, const std::string& severity) {
  const std::string src = kSrc.string();
  for (size_t at; (at = out.find(src)) != std::string::npos;) out.replace(at, src.size(), "<src>");
  std::istringstream lines(out);
  std::string line, found;
  bool in = false;
  while (std::getline(lines, line)) {
    if (in && line.rfind("  hint: ", 0) == 0) {
      found += "\n" + line;
    } else if (in) {
      break;
    } else if (line.find(": " + severity + ": ") != std::string::npos ||
               line.rfind(severity + ": ", 0) == 0 ||
               (severity == "usage" && line.rfind("lkjip: ", 0) == 0)) {
      found = line;
      in = true;
    }
  }
  return found;
}

std::string trimmed(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.pop_back();
  return s;
}

class BadInput : public ::testing::TestWithParam<std::string> {};

TEST_P(BadInput, ExactDiagnosticNonZeroExitAndNoOutput) {
  const std::string name = GetParam();
  const fs::path expected_file = kBad / (name + ".expected");
  ASSERT_TRUE(fs::exists(expected_file)) << "missing " << expected_file;
  const std::string expected = trimmed(slurp(expected_file));
  const bool usage = expected.rfind("lkjip: ", 0) == 0;
  const bool accepted = !usage && expected.find(": warning: ") != std::string::npos;
  const std::string severity = usage ? "usage" : accepted ? "warning" : "error";
  const int want_code = usage ? 2 : accepted ? 0 : 1;

  ScratchDir dir("bad-" + name);
  auto render = [&](const std::string& out) {
    // `timeout`: a hang fails the case instead of the whole suite.
    return run("cd " + quoted(kBad.string()) + " && timeout 120 " + quoted(kBin) + " render " +
               quoted(name + ".toml") + " -o " + quoted(out) + " " + case_args(kBad / (name + ".toml")));
  };

  const std::string fresh = dir / "new.pdf";
  const Outcome r = render(fresh);
  EXPECT_EQ(r.code, want_code) << r.out;
  EXPECT_EQ(first_diagnostic(r.out, severity), expected) << "full output:\n" << r.out;
  if (accepted) {
    EXPECT_EQ(slurp(fresh).rfind("%PDF-", 0), 0u) << "an accepted input must give a PDF";
    return;
  }
  EXPECT_FALSE(fs::exists(fresh)) << "a failed run created its output";

  const std::string existing = dir / "old.pdf";
  const std::string previous = "%PDF-1.7\n% the previous, good report\n";
  write_file(existing, previous);
  const Outcome again = render(existing);
  EXPECT_EQ(again.code, want_code) << again.out;
  EXPECT_EQ(slurp(existing), previous) << "a failed run changed the existing output";
  for (const auto& e : fs::directory_iterator(dir.path()))
    EXPECT_EQ(e.path().filename(), "old.pdf") << "left behind: " << e.path();
}

INSTANTIATE_TEST_SUITE_P(Cases, BadInput, ::testing::ValuesIn(case_names()),
                         [](const ::testing::TestParamInfo<std::string>& param_info) {
                           std::string id = "case_" + param_info.param;
                           std::replace(id.begin(), id.end(), '-', '_');
                           return id;
                         });

TEST(BadInputSuite, EveryCaseHasItsExpectationAndTheSuiteIsComplete) {
  EXPECT_GE(case_names().size(), 60u);
  for (const auto& e : fs::directory_iterator(kBad))
    if (e.path().extension() == ".expected") {
      fs::path toml = e.path();
      toml.replace_extension(".toml");
      EXPECT_TRUE(fs::exists(toml)) << e.path() << " has no description";
    }
}

TEST(BadInputSuite, EachCaseHasANumberOfItsOwn) {
  std::map<std::string, std::string> by_number;  // NN -> the first case using it
  for (const auto& name : case_names()) {
    const std::string number = name.substr(0, name.find('-'));
    ASSERT_FALSE(number.empty() || number.find_first_not_of("0123456789") != std::string::npos)
        << name << " does not start with its number";
    const auto [it, fresh] = by_number.emplace(number, name);
    EXPECT_TRUE(fresh) << name << " and " << it->second << " share the number " << number;
  }
}

}  // namespace
}  // namespace lkjip::golden
