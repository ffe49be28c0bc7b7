// End-to-end tests through the real lkjip binary, read back with poppler, qpdf and mutool,
// as a reader and a signer would. Compares PDFs by extracted text and structure, never bytes
// against a frozen file.
#include <regex>
#include <sstream>
#include <string>
#include <vector>

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

// No output may be one of the inputs, however it is reached: the same name, a symbolic link or
// a hard link to the description. Refused before rendering, the description unchanged.
TEST_F(Cli, OutputThatIsAnInputIsRefused) {
  const std::string desc = path("x.toml");
  fs::copy_file(kSrc / "tests/data/minimal.toml", desc);
  fs::copy(kSrc / "tests/data/images", dir_ / "images");
  const std::string text = slurp(desc);
  fs::create_symlink(desc, path("link.pdf"));
  fs::create_hard_link(desc, path("hard.pdf"));
  const std::vector<std::string> commands = {
      " render " + desc + " -o " + desc,
      " render " + desc + " -o " + path("link.pdf"),
      " render " + desc + " -o " + path("hard.pdf"),
      " render " + desc + " -o " + path("o.pdf") + " --sign-spots " + desc,
      " render " + desc + " -o " + path("o.pdf") + " --sign-spots " + path("o.pdf"),
      " recap " + desc + " -o " + path("link.pdf"),
      " render " + desc + " --out-dir " + path("od") + " --combine " + path("hard.pdf"),
  };
  for (const auto& command : commands) {
    SCOPED_TRACE(command);
    const auto r = run(kBin + command);
    EXPECT_EQ(r.code, 3) << r.out;
    EXPECT_NE(r.out.find(": error: refusing to write over "), std::string::npos) << r.out;
    EXPECT_NE(r.out.find(", a file this command reads or writes"), std::string::npos) << r.out;
    EXPECT_EQ(slurp(desc), text);
    EXPECT_FALSE(fs::exists(path("od/x.pdf")));
  }
  EXPECT_FALSE(fs::exists(path("o.pdf")));
}

// Bulk: two descriptions that would write the same PDF (or the same field-name prefix in the
// combined file), or a --combine file that is one of the PDFs, are refused before any render.
TEST_F(Cli, BulkOutputNameCollisionsAreRefusedBeforeWriting) {
  for (const char* sub : {"ca", "cb"}) {
    fs::create_directories(dir_ / sub);
    fs::copy_file(kSrc / "tests/data/minimal.toml", dir_ / sub / "x.toml");
    fs::copy(kSrc / "tests/data/images", dir_ / sub / "images");
  }
  fs::copy_file(kSrc / "tests/data/minimal.toml", dir_ / "ca" / "x-y.toml");
  fs::copy_file(kSrc / "tests/data/minimal.toml", dir_ / "cb" / "x.y.toml");
  const std::string od = path("o");
  const auto same_name = run(kBin + " render " + path("ca/x.toml") + " " + path("cb/x.toml") +
                             " --out-dir " + od + " --combine " + path("all.pdf"));
  EXPECT_EQ(same_name.code, 2) << same_name.out;
  EXPECT_NE(same_name.out.find("lkjip: error: " + path("ca/x.toml") + " and " +
                               path("cb/x.toml") + " would both be written to " + od + "/x.pdf"),
            std::string::npos)
      << same_name.out;
  const auto same_prefix = run(kBin + " render " + path("ca/x-y.toml") + " " +
                               path("cb/x.y.toml") + " --out-dir " + od + " --combine " +
                               path("all.pdf"));
  EXPECT_EQ(same_prefix.code, 2) << same_prefix.out;
  EXPECT_NE(same_prefix.out.find("would give the same signature-field names (prefix \"x-y-\")"),
            std::string::npos)
      << same_prefix.out;
  const auto combine_is_part = run(kBin + " render " + path("ca/x.toml") + " --out-dir " + od +
                                   " --combine " + od + "/x.pdf");
  EXPECT_EQ(combine_is_part.code, 2) << combine_is_part.out;
  EXPECT_NE(combine_is_part.out.find("is the PDF rendered from " + path("ca/x.toml")),
            std::string::npos)
      << combine_is_part.out;
  EXPECT_FALSE(fs::exists(od));
  EXPECT_FALSE(fs::exists(path("all.pdf")));
  // Without --combine the prefixes do not matter: both render.
  const auto distinct = run(kBin + " render " + path("ca/x-y.toml") + " " + path("cb/x.y.toml") +
                            " --out-dir " + od);
  EXPECT_EQ(distinct.code, 0) << distinct.out;
  EXPECT_TRUE(fs::exists(od + "/x-y.pdf") && fs::exists(od + "/x.y.pdf"));
}

// One report gives the same exit code alone (-o) and in bulk (--out-dir), for every kind of
// failure: 1 input error, 2 usage error, 3 I/O failure, 70 a bug (a broken invariant or a
// stray exception, injected by LKJIP_FAULT); a bulk run with several kinds gives the worst.
TEST_F(Cli, EachExitCodeIsTheSameAloneAndInBulk) {
  fs::copy_file(kSrc / "tests/data/minimal.toml", dir_ / "x.toml");
  fs::copy(kSrc / "tests/data/images", dir_ / "images");
  std::ofstream(path("bad.toml")) << "[report]\nunit = 5\n";
  fs::create_directories(path("taken.pdf"));    // -o onto a folder
  fs::create_directories(path("taken/x.pdf"));  // the bulk PDF onto a folder
  struct Case {
    std::string env, input, alone_out, bulk_dir;
    int code;
    std::string says;
  };
  const std::vector<Case> cases = {
      {"", "bad.toml", "o.pdf", "od1", 1, "error:"},
      {"SOURCE_DATE_EPOCH=1e9 ", "x.toml", "o.pdf", "od2", 2, "SOURCE_DATE_EPOCH"},
      {"", "x.toml", "taken.pdf", "taken", 3, "error: cannot replace"},
      {"LKJIP_FAULT=internal ", "x.toml", "o.pdf", "od3", 70, "(this is a bug in lkjip)"},
      {"LKJIP_FAULT=exception ", "x.toml", "o.pdf", "od4", 70, "(this is a bug in lkjip)"},
  };
  for (const Case& c : cases) {
    const auto alone = run(c.env + kBin + " render " + path(c.input) + " -o " + path(c.alone_out));
    EXPECT_EQ(alone.code, c.code) << c.env << c.input << "\n" << alone.out;
    EXPECT_NE(alone.out.find(c.says), std::string::npos) << alone.out;
    const auto bulk =
        run(c.env + kBin + " render " + path(c.input) + " --out-dir " + path(c.bulk_dir));
    EXPECT_EQ(bulk.code, c.code) << c.env << c.input << " in bulk\n" << bulk.out;
    EXPECT_NE(bulk.out.find(c.says), std::string::npos) << bulk.out;
  }
  EXPECT_FALSE(fs::exists(path("o.pdf")));
  const auto mixed = run(kBin + " render " + path("bad.toml") + " " + path("x.toml") +
                         " --out-dir " + path("taken"));
  EXPECT_EQ(mixed.code, 3) << mixed.out;
  EXPECT_NE(mixed.out.find("summary: 0 rendered, 2 failed"), std::string::npos) << mixed.out;
}

// A file-size limit (ulimit -f, in 512-byte blocks) below the PDF's size: an error naming the
// file and the limit, exit 3 (not death by SIGXFSZ), no temporary file, the previous file kept.
// Standard output past the limit is an error too.
TEST_F(Cli, FileSizeLimitIsAnErrorAndLeavesNoTemporaryFile) {
  const std::string out = path("t.pdf");
  std::ofstream(out) << "previous";
  const std::string minimal = (kSrc / "tests/data/minimal.toml").string();
  const auto r = run("ulimit -f 10; " + kBin + " render " + minimal + " -o " + out);
  EXPECT_EQ(r.code, 3) << r.out;
  EXPECT_NE(r.out.find("lkjip: error: cannot write " + out +
                       ": the file-size limit (ulimit -f) is reached"),
            std::string::npos)
      << r.out;
  EXPECT_EQ(slurp(out), "previous");
  for (const auto& e : fs::directory_iterator(dir_))
    EXPECT_EQ(e.path().filename().string().find(".tmp-"), std::string::npos) << e.path();
  const auto json = run("(ulimit -f 1; " + kBin + " compute --json " + minimal + " > " +
                        path("c.json") + ")");
  EXPECT_EQ(json.code, 3) << json.out;
  EXPECT_NE(json.out.find("lkjip: error: cannot write standard output"), std::string::npos)
      << json.out;
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
