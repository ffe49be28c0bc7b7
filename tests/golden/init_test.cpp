// `lkjip init`: for every kind the spec offers, the starter names the schema lkjip uses,
// renders at once from another folder, and is refused over a non-empty folder without --force.
// The kinds are read from the spec (engine/cli/spec.cpp), so a new kind is tested unedited.
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "cli/spec.h"
#include "tools.h"

namespace lkjip::golden {
namespace {

/// The values of `lkjip init --kind`, as the spec lists them.
std::vector<std::string> kinds() {
  std::vector<std::string> out;
  for (const auto& o : cli::find_command("init")->options)
    if (o.name == "--kind") {
      std::istringstream in{std::string(o.choices)};
      for (std::string k; std::getline(in, k, '|');) out.push_back(k);
    }
  return out;
}

/// The string value of `key` in the first line `key = "…"` of `toml`.
std::string value_of(const std::string& toml, const std::string& key) {
  std::smatch m;
  return std::regex_search(toml, m, std::regex("\n" + key + " = \"([^\"]*)\"")) ? m[1].str() : "";
}

}  // namespace

TEST(Init, EveryKindRendersAtOnceFromAnotherFolder) {
  const auto all = kinds();
  ASSERT_GE(all.size(), 4u);
  ScratchDir dir("init");
  fs::create_directories(dir.path() / "elsewhere");
  for (const auto& kind : all) {
    SCOPED_TRACE(kind);
    const fs::path target = dir.path() / kind;
    const auto init = run(kBin + " init --kind " + kind + " --year 2025 " + quoted(target));
    ASSERT_EQ(init.code, 0) << init.out;
    const fs::path file = target / ("lkjip-" + kind + "-2025.toml");
    ASSERT_TRUE(fs::exists(file)) << init.out;
    const std::string text = slurp(file);

    // The first line names the schema file, which exists (the source tree's, for this binary).
    std::smatch m;
    ASSERT_TRUE(std::regex_search(text, m, std::regex("^#:schema (/\\S+)\n"))) << text;
    EXPECT_TRUE(fs::exists(m[1].str())) << m[1];
    EXPECT_EQ(slurp(m[1].str()), slurp(kSrc / "input/lkjip.schema.json"));
    // Every section is introduced by a comment line.
    for (const char* section : {"[report]", "[[signatory]]", "[strategy]", "[[organisation]]",
                                "[[sasaran]]", "[[iku]]", "[[program]]", "[foreword]"})
      EXPECT_TRUE(std::regex_search(
          text, std::regex("\n# [^\n]+\n(# [^\n]+\n)*" +
                           std::regex_replace(section, std::regex("[\\[\\]]"), "\\$&") + "\n")))
          << section;

    // Rendered as it is, from another folder, without a warning.
    const std::string pdf = (dir.path() / (kind + ".pdf")).string();
    const auto r = run("cd " + quoted(dir / "elsewhere") + " && " + kBin + " render " +
                       quoted(file) + " -o " + quoted(pdf));
    ASSERT_EQ(r.code, 0) << r.out;
    EXPECT_EQ(r.out, "");
    EXPECT_GT(page_count(pdf), 5);
    std::string unit = value_of(text, "unit");
    ASSERT_FALSE(unit.empty());
    for (char& c : unit) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    const std::string cover = page_text(pdf, 1);
    EXPECT_NE(cover.find(unit), std::string::npos) << cover;
    EXPECT_NE(cover.find("TAHUN 2025"), std::string::npos) << cover;
    const std::string all_text = run("pdftotext " + quoted(pdf) + " -").out;
    EXPECT_NE(all_text.find(value_of(text, "jabatan")), std::string::npos);
    // A draft: its realisations are not written yet, so they print t.a.d. (no invented 0),
    // the cover carries the mark, and `check` lists both IKU as still missing.
    EXPECT_EQ(text.find("realisasi = 0"), std::string::npos);
    EXPECT_NE(cover.find("DRAF"), std::string::npos) << cover;
    const auto check = run(kBin + " check " + quoted(file));
    EXPECT_EQ(check.code, 4) << check.out;
    EXPECT_NE(check.out.find("2 figures still missing before the report can be final"),
              std::string::npos)
        << check.out;
  }
}

TEST(Init, RefusesANonEmptyFolderWithoutForce) {
  ScratchDir dir("init-refuse");
  write_file(dir / "catatan.txt", "milik pengguna\n");
  const auto r = run(kBin + " init --kind dinas --year 2025 " + quoted(dir.path().string()));
  EXPECT_EQ(r.code, 3) << r.out;
  EXPECT_NE(r.out.find("refusing to write into"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("hint: choose a new or empty folder, or add --force"), std::string::npos);
  EXPECT_FALSE(fs::exists(dir / "lkjip-dinas-2025.toml"));
  EXPECT_EQ(slurp(dir / "catatan.txt"), "milik pengguna\n");

  const auto forced =
      run(kBin + " init --kind dinas --year 2025 --force " + quoted(dir.path().string()));
  EXPECT_EQ(forced.code, 0) << forced.out;
  EXPECT_TRUE(fs::exists(dir / "lkjip-dinas-2025.toml"));
  EXPECT_EQ(slurp(dir / "catatan.txt"), "milik pengguna\n");

  // A file where the folder should be is refused too.
  const auto file = run(kBin + " init --kind dinas " + quoted(dir / "catatan.txt"));
  EXPECT_EQ(file.code, 3) << file.out;
  EXPECT_NE(file.out.find("is not a folder"), std::string::npos) << file.out;
}

TEST(Init, YearDefaultsToTheYearBeforeAndBadArgumentsAreUsageErrors) {
  ScratchDir dir("init-year");
  // 2026-03-01 00:00 UTC: the report of 2025 is being written.
  const auto r =
      run("SOURCE_DATE_EPOCH=1772323200 " + kBin + " init --kind inspektorat " + quoted(dir / "x"));
  ASSERT_EQ(r.code, 0) << r.out;
  const std::string text = slurp(dir / "x/lkjip-inspektorat-2025.toml");
  EXPECT_NE(text.find("\nyear = 2025\n"), std::string::npos);
  EXPECT_NE(text.find("\ndate = 2026-01-31\n"), std::string::npos);

  const auto kind = run(kBin + " init --kind kelurahan " + quoted(dir / "y"));
  EXPECT_EQ(kind.code, 2) << kind.out;
  const auto none = run(kBin + " init " + quoted(dir / "y"));
  EXPECT_EQ(none.code, 2) << none.out;
  EXPECT_NE(none.out.find("init needs --kind"), std::string::npos) << none.out;
  const auto year = run(kBin + " init --kind dinas --year 1800 " + quoted(dir / "y"));
  EXPECT_EQ(year.code, 2) << year.out;
  EXPECT_FALSE(fs::exists(dir / "y"));
}

}  // namespace lkjip::golden
