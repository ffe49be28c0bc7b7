// Content that fights the layout: each test renders a generated description through the real
// binary and asserts that it terminates (bounded by `timeout`), exits 0, passes qpdf --check
// and loses no text: every generated word is found, in order, by `pdftotext -layout` (plain
// pdftotext reads loosely justified lines as columns). Words are compared with whitespace and
// hyphens removed, so line breaks and hyphenation do not matter.
#include <cctype>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "tools.h"

namespace lkjip::golden {
namespace {

/// A valid description with one chapter whose body is `body`; `extra` is appended (tables).
std::string description(const std::string& body, const std::string& extra = "") {
  return R"([report]
unit = "Kecamatan Megaluh"
region = "Kabupaten Jombang"
year = 2024
place = "Jombang"
date = 2025-01-03
signatory = "camat"

[[signatory]]
id = "camat"
jabatan = "CAMAT MEGALUH"
name = "MOH. NURDIN PURWOKO, S.Pt., M.E."

[[sasaran]]
id = "s1"
name = "Meningkatnya Akuntabilitas Kinerja"

[[iku]]
id = "akip"
sasaran = "s1"
name = "Nilai Evaluasi AKIP"
target = 70.20
realisasi = 60.61
)" + extra + R"(
[[chapter]]
id = "isi"
title = "PENDAHULUAN"
body = '''
)" + body + "\n'''\n";
}

/// A word that is unique for `i` and has no hyphenation points Indonesian patterns could use
/// in the middle of its digits: "kata" + digits.
std::string word(size_t i) { return "kata" + std::to_string(100000 + i); }

/// `text` without whitespace and hyphens (line breaks, hyphenation and table cells undone).
std::string squeezed(const std::string& text) {
  std::string s;
  for (unsigned char c : text)
    if (!std::isspace(c) && c != '-') s += static_cast<char>(c);
  return s;
}

class Stress : public ::testing::Test {
 protected:
  Stress()
      : dir_("stress-" +
             std::string(::testing::UnitTest::GetInstance()->current_test_info()->name())) {}

  /// Renders `toml` (with `args`); checks termination, exit status and qpdf. Returns the text
  /// of `pdftotext -layout`, or nothing after a failure.
  std::optional<std::string> render(const std::string& toml, const std::string& args = "",
                                    int seconds = 600) {
    write_file(dir_ / "in.toml", toml);
    const std::string pdf = dir_ / "out.pdf";
    const Outcome r = run("timeout " + std::to_string(seconds) + " " + quoted(kBin) + " render " +
                          quoted(dir_ / "in.toml") + " -o " + quoted(pdf) + " " + args);
    EXPECT_EQ(r.code, 0) << "exit 124 means it did not finish in " << seconds << " s\n"
                         << r.out.substr(0, 4000);
    if (r.code != 0) return std::nullopt;
    const Outcome check = run("qpdf --check " + quoted(pdf));
    EXPECT_EQ(check.code, 0) << check.out.substr(0, 4000);
    return run("pdftotext -layout " + quoted(pdf) + " -").out;
  }

  /// Every word of `words` occurs in `text`, in this order.
  static void expect_in_order(const std::string& text, const std::vector<std::string>& words) {
    size_t at = 0, missing = 0;
    for (const auto& w : words) {
      const size_t found = text.find(w, at);
      if (found == std::string::npos) {
        if (++missing <= 5) ADD_FAILURE() << "lost or out of order: " << w;
        continue;
      }
      at = found + w.size();
    }
    EXPECT_EQ(missing, 0u);
  }

  ScratchDir dir_;
};

TEST_F(Stress, WordOf300CharactersWithoutHyphenationPoints) {
  const std::string giant(300, 'x');
  const auto text = render(description("Sebelum " + giant + " sesudah."));
  ASSERT_TRUE(text);
  expect_in_order(squeezed(*text), {"Sebelum", giant, "sesudah."});
}

TEST_F(Stress, TableCellTallerThanAPage) {
  std::vector<std::string> words;
  std::string cell;
  for (size_t i = 0; i < 1800; ++i) {  // 19,800 bytes: just under the cell limit
    words.push_back(word(i));
    cell += (i ? " " : "") + words.back();
  }
  const std::string table = R"(
[[table]]
id = "panjang"
caption = "Tabel dengan Sel Panjang"
columns = [{ title = "No", kind = "rownum" }, { title = "Uraian", kind = "text" }]
rows = [["awal"], [")" + cell + R"("], ["akhir"]]
)";
  const auto text = render(description("@table panjang", table));
  ASSERT_TRUE(text);
  words.insert(words.begin(), "awal");
  words.push_back("akhir");
  expect_in_order(squeezed(*text), words);
}

TEST_F(Stress, TableWith40Columns) {
  // Two-digit values fit even the narrowest column, so each row must come out as one line of
  // pdftotext -layout: its row number, then the 39 values in order.
  std::string columns = R"({ title = "No", kind = "rownum" })";
  std::vector<std::string> rows[2];
  for (int c = 1; c < 40; ++c) {
    columns += ", { title = \"K" + std::to_string(c) + "\", kind = \"integer\" }";
    rows[0].push_back(std::to_string(10 + c));
    rows[1].push_back(std::to_string(50 + c));
  }
  auto joined = [](const std::vector<std::string>& v) {
    std::string s;
    for (const auto& x : v) s += (s.empty() ? "" : ", ") + x;
    return s;
  };
  const std::string table = "\n[[table]]\nid = \"lebar\"\ncaption = \"Tabel 40 Kolom\"\ncolumns = [" +
                            columns + "]\nrows = [[" + joined(rows[0]) + "], [" + joined(rows[1]) +
                            "]]\n";
  const auto text = render(description("@table lebar", table));
  ASSERT_TRUE(text);
  for (int r = 0; r < 2; ++r) {
    std::vector<std::string> want = {std::to_string(r + 1)};
    want.insert(want.end(), rows[r].begin(), rows[r].end());
    bool found = false;
    std::istringstream lines(*text);
    for (std::string line; !found && std::getline(lines, line);) {
      std::istringstream words(line);
      std::vector<std::string> got;
      for (std::string w; words >> w;) got.push_back(w);
      found = got == want;
    }
    EXPECT_TRUE(found) << "row " << r + 1 << " is not one line of its 40 cells:\n" << *text;
  }
}

TEST_F(Stress, EmptyChapter) {
  const auto text = render(description(""));
  ASSERT_TRUE(text);
  // Once in the table of contents, once on the chapter's own page.
  expect_in_order(squeezed(*text), {"BABI", "PENDAHULUAN", "BABI", "PENDAHULUAN"});
}

TEST_F(Stress, TableOf5000Rows) {
  std::string rows;
  std::vector<std::string> words;
  for (size_t i = 0; i < 5000; ++i) {
    words.push_back(word(i));
    rows += (i ? ",\n" : "") + std::string("[\"") + words.back() + "\", " + std::to_string(i) + "]";
  }
  const std::string table = R"(
[[table]]
id = "besar"
caption = "Tabel 5000 Baris"
columns = [
  { title = "No", kind = "rownum" },
  { title = "Desa", kind = "text" },
  { title = "Jumlah", kind = "integer", total = "sum" },
]
rows = [
)" + rows + "\n]\n";
  const auto text = render(description("@table besar", table));
  ASSERT_TRUE(text);
  const std::string squeezed_text = squeezed(*text);
  expect_in_order(squeezed_text, words);
  EXPECT_NE(squeezed_text.find("12.497.500"), std::string::npos);  // Σ 0…4999, grouped
}

TEST_F(Stress, ParagraphOf20000Words) {
  std::vector<std::string> words;
  std::string body;
  for (size_t i = 0; i < 20000; ++i) {
    words.push_back(word(i));
    body += (i ? " " : "") + words.back();
  }
  const auto text = render(description(body));
  ASSERT_TRUE(text);
  expect_in_order(squeezed(*text), words);
}

TEST_F(Stress, ListNestedToTheDeepestLevel) {
  // Eight levels (the limit, doc/markup.cpp) of long items: the deepest text still fits.
  std::vector<std::string> words;
  std::string body;
  for (int level = 0; level < 8; ++level) {
    body += std::string(2 * static_cast<size_t>(level), ' ') + "1.";
    for (int w = 0; w < 60; ++w) {
      words.push_back(word(words.size()));
      body += " " + words.back();
    }
    body += "\n";
  }
  const auto text = render(description(body));
  ASSERT_TRUE(text);
  expect_in_order(squeezed(*text), words);
}

TEST_F(Stress, CaptionLongerThanAPage) {
  // The longest caption a description may hold (4000 bytes), in a 28 pt caption style.
  std::vector<std::string> words;
  std::string caption;
  while (caption.size() + 12 < 4000) {
    words.push_back(word(words.size()));
    caption += (caption.empty() ? "" : " ") + words.back();
  }
  write_file(dir_ / "besar.toml", "[caption]\nsize_pt = 28\n");
  const std::string table = "\n[[table]]\nid = \"t\"\ncaption = \"" + caption +
                            "\"\ncolumns = [{ title = \"Uraian\", kind = \"text\" }]\n"
                            "rows = [[\"isi\"]]\n";
  const auto text =
      render(description("@table t", table), "--layout " + quoted(dir_ / "besar.toml"));
  ASSERT_TRUE(text);
  // The whole caption twice: in the list of tables, then above the table.
  std::vector<std::string> twice = words;
  twice.insert(twice.end(), words.begin(), words.end());
  expect_in_order(squeezed(*text), twice);
}

}  // namespace
}  // namespace lkjip::golden
