// End-to-end tests through the real lkjip binary, read back with poppler, qpdf and mutool,
// as a reader and a signer would. Compares PDFs by extracted text and structure, never bytes
// against a frozen file.
#include <regex>
#include <sstream>
#include <string>

#include "tools.h"

namespace lkjip::golden {
namespace {

class Cli : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("lkjip-golden-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string path(const std::string& name) const { return (dir_ / name).string(); }
  fs::path dir_;
};

}  // namespace

TEST_F(Cli, HelpVersionAndUsageErrors) {
  EXPECT_EQ(run(kBin + " --help").code, 0);
  EXPECT_NE(run(kBin + " --version").out.find("lkjip "), std::string::npos);
  EXPECT_EQ(run(kBin + " frobnicate").code, 2);
  EXPECT_EQ(run(kBin + " render").code, 2);
  EXPECT_EQ(run(kBin + " render a.toml --bogus").code, 2);
}

TEST_F(Cli, RendersMinimalReport) {
  const std::string pdf = path("minimal.pdf");
  const auto r = run(kBin + " render " + (kSrc / "tests/data/minimal.toml").string() + " -o " + pdf);
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_EQ(run("qpdf --check '" + pdf + "'").code, 0);
  // Fonts: every one embedded as a subset CID font.
  const auto fonts = run("pdffonts '" + pdf + "'").out;
  std::istringstream lines(fonts);
  std::string line;
  int font_rows = 0;
  for (int i = 0; std::getline(lines, line); ++i) {
    if (i < 2 || line.empty()) continue;
    ++font_rows;
    EXPECT_NE(line.find("CID TrueType"), std::string::npos) << line;
    EXPECT_NE(line.find(" yes yes "), std::string::npos) << line;  // emb sub
    EXPECT_TRUE(std::regex_search(line, std::regex("^[A-Z]{6}\\+"))) << line;
  }
  EXPECT_GT(font_rows, 0);
  // Page size A4 and page labels: cover, then i, ii …, then 1, 2 …
  EXPECT_NE(run("pdfinfo '" + pdf + "'").out.find("595.276 x 841.89"), std::string::npos);
  const auto labels = run("pdfinfo -l 100 '" + pdf + "' ").out;
  const int pages = page_count(pdf);
  ASSERT_GT(pages, 4);
  // The footer of the second page reads "i" and the first body page "1".
  EXPECT_TRUE(std::regex_search(page_text(pdf, 2), std::regex("\\n\\s*i\\s*\\n")));
}

TEST_F(Cli, SameInputGivesIdenticalBytesAcrossRunsAndTimeZones) {
  const std::string in = (kSrc / "tests/data/minimal.toml").string();
  ASSERT_EQ(run(kBin + " render " + in + " -o " + path("a.pdf")).code, 0);
  ASSERT_EQ(run("TZ=Asia/Jakarta " + kBin + " render " + in + " -o " + path("b.pdf")).code, 0);
  EXPECT_EQ(slurp(path("a.pdf")), slurp(path("b.pdf")));
}

TEST_F(Cli, BadInputWritesNothingAndKeepsThePreviousFile) {
  const std::string bad = path("bad.toml");
  std::ofstream(bad) << "[report]\nunit = \"Kecamatan X\"\nyear = \"dua ribu\"\n";
  const std::string out = path("out.pdf");
  std::ofstream(out) << "previous";
  const auto r = run(kBin + " render " + bad + " -o " + out);
  EXPECT_EQ(r.code, 1) << r.out;
  EXPECT_TRUE(std::regex_search(r.out, std::regex("bad\\.toml:\\d+:\\d+: error: "))) << r.out;
  EXPECT_EQ(slurp(out), "previous");
  const auto r2 = run(kBin + " render " + bad + " -o " + path("new.pdf"));
  EXPECT_FALSE(fs::exists(path("new.pdf")));
  for (const auto& e : fs::directory_iterator(dir_))
    EXPECT_EQ(e.path().filename().string().find(".tmp-"), std::string::npos) << e.path();
}

TEST_F(Cli, SignSpotsMatchTheFieldsInThePdf) {
  const std::string pdf = path("s.pdf"), json = path("spots.json");
  const std::string in = (kSrc / "tests/data/minimal.toml").string();
  ASSERT_EQ(run(kBin + " render " + in + " -o " + pdf + " --sign-spots " + json).code, 0);
  const std::string spots = slurp(json);
  std::smatch m;
  ASSERT_TRUE(std::regex_search(spots, m, std::regex("\"name\": \"([a-z0-9_]+)\", \"page\": (\\d+)")))
      << spots;
  // pdfsig lists the same field, unsigned.
  const auto sig = run("pdfsig '" + pdf + "'").out;
  EXPECT_NE(sig.find(m[1].str()), std::string::npos) << sig;
  EXPECT_NE(sig.find("not signed"), std::string::npos) << sig;
}

}  // namespace lkjip::golden
