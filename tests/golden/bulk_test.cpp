// Bulk printing end to end: descriptions made by lkjip-gen (built next to lkjip), rendered by one
// process, combined into a duplex print file, and summarised by `lkjip recap`; read back with
// pdfinfo, pdftotext, mutool and qpdf.
#include <algorithm>
#include <cctype>
#include <regex>
#include <string>
#include <vector>

#include "tools.h"

namespace lkjip::golden {
namespace {

const std::string kGen = (fs::path(kBin).parent_path() / "lkjip-gen").string();

/// The balanced JSON object that starts at the first '{' at or after `from` (strings skipped).
std::string object_at(const std::string& json, size_t from) {
  const size_t open = json.find('{', from);
  if (open == std::string::npos) return {};
  int depth = 0;
  bool in_string = false;
  for (size_t i = open; i < json.size(); ++i) {
    const char c = json[i];
    if (in_string) {
      if (c == '\\')
        ++i;
      else if (c == '"')
        in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{') {
      ++depth;
    } else if (c == '}' && --depth == 0) {
      return json.substr(open, i - open + 1);
    }
  }
  return {};
}

/// The object that is the value of the first `"key":` in `json`.
std::string member(const std::string& json, const std::string& key) {
  const size_t at = json.find("\"" + key + "\":");
  return at == std::string::npos ? std::string() : object_at(json, at);
}

/// The string value of `"key": "…"` in a flat object (recap rows) or of `"key":{…"text":"…"}`
/// in a figure object (compute --json).
std::string text_of(const std::string& obj, const std::string& key, bool figure) {
  std::smatch m;
  const std::string re = figure ? "\"" + key + "\":\\{[^{}]*\"text\":\"([^\"]*)\""
                                : "\"" + key + "\":\\s*\"([^\"]*)\"";
  return std::regex_search(obj, m, std::regex(re)) ? m[1].str() : "<missing " + key + ">";
}

/// The records of a CSV with separator `sep` (RFC 4180 quoting, CRLF lines).
std::vector<std::vector<std::string>> csv_rows(const std::string& text, char sep) {
  std::vector<std::vector<std::string>> rows(1, std::vector<std::string>(1));
  bool quoted_field = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted_field) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"')
        rows.back().back() += text[++i];
      else if (c == '"')
        quoted_field = false;
      else
        rows.back().back() += c;
    } else if (c == '"') {
      quoted_field = true;
    } else if (c == sep) {
      rows.back().emplace_back();
    } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      ++i;
      if (i + 1 < text.size()) rows.emplace_back(1);
    } else {
      rows.back().back() += c;
    }
  }
  return rows;
}

/// Text of the whole PDF with line-end hyphens removed and all white space collapsed, so that
/// names wrapped inside table cells read as written.
std::string flat_text(const std::string& pdf) {
  std::string t = run("pdftotext " + quoted(pdf) + " -").out;
  t = std::regex_replace(t, std::regex("-\\n"), "");
  return std::regex_replace(t, std::regex("\\s+"), " ");
}

class Bulk : public ::testing::Test {
 protected:
  Bulk()
      : dir_(std::string("bulk-") +
             ::testing::UnitTest::GetInstance()->current_test_info()->name()) {}

  /// Writes `n` synthetic descriptions into in/ and returns their paths in file-name order.
  std::vector<std::string> generate(int n) {
    const auto r = run(quoted(kGen) + " --count " + std::to_string(n) + " --seed 11 --out " +
                       quoted(dir_ / "in"));
    EXPECT_EQ(r.code, 0) << r.out;
    std::vector<std::string> files;
    for (const auto& e : fs::directory_iterator(dir_.path() / "in"))
      files.push_back(e.path().string());
    std::sort(files.begin(), files.end());
    return files;
  }

  /// The [report] unit of a description.
  static std::string unit_of(const std::string& toml) {
    std::smatch m;
    const std::string text = slurp(toml);
    return std::regex_search(text, m, std::regex("\\nunit = \"([^\"]+)\"")) ? m[1].str() : "";
  }

  ScratchDir dir_;
};

TEST_F(Bulk, GeneratorIsDeterministicAndItsDescriptionsAreValid) {
  const auto files = generate(3);
  ASSERT_EQ(files.size(), 3u);
  const auto again = run(quoted(kGen) + " --count 3 --seed 11 --out " + quoted(dir_ / "again"));
  ASSERT_EQ(again.code, 0) << again.out;
  for (const auto& f : files) {
    EXPECT_EQ(slurp(f), slurp(dir_.path() / "again" / fs::path(f).filename())) << f;
    const auto check = run(kBin + " check " + quoted(f));
    EXPECT_TRUE(check.code == 0 || check.code == 4) << check.out;  // 4: stated figures differ
  }
  EXPECT_NE(unit_of(files[0]), unit_of(files[1]));
  EXPECT_EQ(run(quoted(kGen) + " --count 0 --out " + quoted(dir_ / "x")).code, 2);
}

TEST_F(Bulk, BrokenDescriptionFailsAloneAndTheSummarySaysSo) {
  const auto files = generate(5);
  // A sixth unit whose year is not a number: a located input error.
  std::string broken = slurp(files[0]);
  broken.replace(broken.find("year = 2024"), 11, "year = \"dua ribu\"");
  write_file(dir_.path() / "in" / "9-rusak.toml", broken);

  const auto r = run(kBin + " render " + quoted(dir_ / "in") + " --out-dir " +
                     quoted(dir_ / "out") + " --jobs 2 --combine " + quoted(dir_ / "all.pdf"));
  EXPECT_EQ(r.code, 1) << r.out;
  EXPECT_NE(r.out.find("summary: 5 rendered, 1 failed"), std::string::npos) << r.out;
  EXPECT_TRUE(std::regex_search(r.out, std::regex("failed: [^\\n]*9-rusak\\.toml: [^\\n]*9-rusak\\."
                                                  "toml:\\d+:\\d+: error: ")))
      << r.out;
  for (const auto& f : files)
    EXPECT_TRUE(fs::exists(dir_.path() / "out" / (fs::path(f).stem().string() + ".pdf"))) << f;
  EXPECT_FALSE(fs::exists(dir_.path() / "out" / "9-rusak.pdf"));
  // The print file holds the five good reports and says that one is missing.
  EXPECT_NE(r.out.find("combined: 5 of 6 reports"), std::string::npos) << r.out;
  EXPECT_EQ(run("qpdf --check " + quoted(dir_ / "all.pdf")).code, 0);
}

TEST_F(Bulk, DescriptionNestedTooDeepFailsAloneInEveryCommand) {
  // toml++ recurses over the tree it builds: 40,000 dotted parts or nested arrays of tables
  // used to overflow the stack (exit 139) in render, check, recap and the whole bulk run.
  const auto files = generate(2);
  std::string dotted = "x", tables;
  for (int i = 0; i < 40000; ++i) dotted += ".x";
  for (std::string header = "a"; header.size() < 4000; header += ".a")
    tables += "[[" + header + "]]\n";
  write_file(dir_.path() / "in" / "8-dotted.toml", slurp(files[0]) + dotted + " = 1\n");
  write_file(dir_.path() / "in" / "9-tables.toml", tables);
  const std::string located = "toml:\\d+:\\d+: error: nesting 129 levels deep";
  for (const std::string name : {"8-dotted.toml", "9-tables.toml"}) {
    const std::string path = quoted(dir_.path() / "in" / name);
    for (const std::string command : {"check ", "recap --json ", "compute --json "}) {
      const auto r = run(kBin + " " + command + path);
      EXPECT_EQ(r.code, 1) << command << name << r.out;
      EXPECT_TRUE(std::regex_search(r.out, std::regex(located))) << command << name << r.out;
    }
  }
  const auto r = run(kBin + " render " + quoted(dir_ / "in") + " --out-dir " +
                     quoted(dir_ / "out") + " --jobs 2");
  EXPECT_EQ(r.code, 1) << r.out;
  EXPECT_NE(r.out.find("summary: 2 rendered, 2 failed"), std::string::npos) << r.out;
  EXPECT_TRUE(std::regex_search(r.out, std::regex("failed: [^\\n]*8-dotted\\." + located)))
      << r.out;
  for (const auto& f : files)
    EXPECT_TRUE(fs::exists(dir_.path() / "out" / (fs::path(f).stem().string() + ".pdf"))) << f;
}

TEST_F(Bulk, CombinedFileStartsEveryReportOnAnOddPageWithItsOwnOutline) {
  const auto files = generate(6);
  const std::string all = dir_ / "all.pdf";
  const auto r = run(kBin + " render " + quoted(dir_ / "in") + " --out-dir " +
                     quoted(dir_ / "out") + " --jobs 2 --combine " + quoted(all));
  ASSERT_EQ(r.code, 0) << r.out;
  ASSERT_EQ(run("qpdf --check " + quoted(all)).code, 0);

  // Expected layout: each report from the next odd page; blanks fill the gaps.
  std::vector<int> starts;
  int next = 1, sum = 0, last = 0;
  for (const auto& f : files) {
    last = page_count(dir_ / ("out/" + fs::path(f).stem().string() + ".pdf"));
    ASSERT_GT(last, 0);
    starts.push_back(next);
    sum += last;
    next += last + last % 2;
  }
  const int total = page_count(all);
  EXPECT_EQ(total, starts.back() + last - 1);
  const int blanks = total - sum;
  EXPECT_GT(blanks, 0) << "six reports with no odd page count: change the seed";
  EXPECT_NE(r.out.find(std::to_string(total) + " pages (" + std::to_string(blanks) + " blank)"),
            std::string::npos)
      << r.out;

  // Each start page is the cover of its report (the unit in capitals); the page before it is
  // the report before's last page or a blank one.
  for (size_t i = 0; i < files.size(); ++i) {
    std::string unit = unit_of(files[i]);
    for (char& c : unit) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    const std::string p = std::to_string(starts[i]);
    const std::string cover =
        run("pdftotext -f " + p + " -l " + p + " " + quoted(all) + " - | tr -s ' \\n' '  '").out;
    EXPECT_NE(cover.find(unit), std::string::npos) << "page " << p << ": " << cover;
    EXPECT_EQ(starts[i] % 2, 1);
  }

  // One top-level outline entry per report, titled after it, pointing at its start page, with
  // the report's own chapters nested below.
  const std::string outline = run("mutool show " + quoted(all) + " outline").out;
  std::vector<std::pair<std::string, int>> top;
  std::regex top_entry("(^|\\n)[-+|]\\t\"([^\"]*)\"\\t#page=(\\d+)");
  for (std::sregex_iterator it(outline.begin(), outline.end(), top_entry), end; it != end; ++it)
    top.push_back({(*it)[2].str(), std::stoi((*it)[3].str())});
  ASSERT_EQ(top.size(), files.size()) << outline;
  for (size_t i = 0; i < files.size(); ++i) {
    EXPECT_EQ(top[i].first, "LKjIP " + unit_of(files[i]) + " Tahun 2024");
    EXPECT_EQ(top[i].second, starts[i]);
  }
  EXPECT_NE(outline.find("\t\t\"BAB I PENDAHULUAN\""), std::string::npos) << outline;

  // Page labels keep each report's numbering behind its file name.
  const std::string labels = run("qpdf --json --json-key=pagelabels " + quoted(all)).out;
  for (const auto& f : files)
    EXPECT_NE(labels.find("\"u:" + fs::path(f).stem().string() + "-Sampul\""), std::string::npos)
        << labels;

  // Same reports, same bytes.
  ASSERT_EQ(run(kBin + " render " + quoted(dir_ / "in") + " --out-dir " + quoted(dir_ / "out2") +
                " --jobs 2 --combine " + quoted(dir_ / "all2.pdf"))
                .code,
            0);
  EXPECT_EQ(slurp(all), slurp(dir_ / "all2.pdf"));
}

TEST_F(Bulk, RecapRowsAreTheComputedFiguresOfEachUnit) {
  const auto files = generate(6);
  const auto json = run(kBin + " recap " + quoted(dir_ / "in") + " --json --sort capaian");
  ASSERT_EQ(json.code, 0) << json.out;
  double previous = 1e9;
  for (const auto& f : files) {
    const std::string unit = unit_of(f);
    const size_t at = json.out.find("{\"unit\": \"" + unit + "\"");
    ASSERT_NE(at, std::string::npos) << unit << "\n" << json.out;
    const std::string row = object_at(json.out, at);
    const auto c = run(kBin + " compute --json " + quoted(f));
    ASSERT_EQ(c.code, 0) << c.out;
    const std::string overall = member(c.out, "overall");
    const std::string budget = member(c.out, "figures");  // the report total, BudgetTotal
    EXPECT_EQ(text_of(row, "capaian_text", false), text_of(overall, "rata_rata", true)) << unit;
    EXPECT_EQ(text_of(row, "predikat", false), text_of(overall, "predikat", true)) << unit;
    for (const char* k : {"jumlah_iku", "melampaui", "tercapai", "tidak_tercapai", "tanpa_data"})
      EXPECT_EQ(text_of(row, std::string(k) + "_text", false), text_of(overall, k, true)) << k;
    for (const char* k : {"anggaran", "realisasi", "serapan"})
      EXPECT_EQ(text_of(row, std::string(k) + "_text", false), text_of(budget, k, true)) << k;
  }
  // --sort capaian: descending.
  std::regex capaian("\\{\"unit\": [^\\n]*?\"capaian\": ([0-9.]+)");
  int rows = 0;
  for (std::sregex_iterator it(json.out.begin(), json.out.end(), capaian), end; it != end; ++it) {
    const double v = std::stod((*it)[1].str());
    EXPECT_LE(v, previous);
    previous = v;
    ++rows;
  }
  EXPECT_EQ(rows, 6);

  // CSV: header, six units, the totals line.
  const auto csv = run(kBin + " recap " + quoted(dir_ / "in") + " --csv");
  ASSERT_EQ(csv.code, 0) << csv.out;
  EXPECT_EQ(std::count(csv.out.begin(), csv.out.end(), '\n'), 8) << csv.out;
  EXPECT_EQ(csv.out.rfind("\r\nJUMLAH,") + 2, csv.out.rfind('\n', csv.out.size() - 2) + 1)
      << csv.out;

  // --csv-excel: the same fields, for Excel with Indonesian regional settings: a UTF-8 BOM,
  // ';' between fields, decimal commas, no decimal point left in any figure.
  const auto excel = run(kBin + " recap " + quoted(dir_ / "in") + " --csv-excel");
  ASSERT_EQ(excel.code, 0) << excel.out;
  ASSERT_EQ(excel.out.rfind("\xEF\xBB\xBFunit;capaian;predikat;", 0), 0u) << excel.out;
  const auto plain_rows = csv_rows(csv.out, ',');
  const auto excel_rows = csv_rows(excel.out.substr(3), ';');
  ASSERT_EQ(excel_rows.size(), plain_rows.size());
  int decimals = 0;
  for (size_t i = 0; i < plain_rows.size(); ++i) {
    ASSERT_EQ(excel_rows[i].size(), 11u) << excel.out;
    ASSERT_EQ(plain_rows[i].size(), 11u) << csv.out;
    for (size_t f = 0; f < 11; ++f) {
      std::string expected = plain_rows[i][f];
      if (i > 0 && f != 0 && f != 2) {  // a figure
        EXPECT_EQ(excel_rows[i][f].find('.'), std::string::npos) << excel_rows[i][f];
        decimals += expected.find('.') != std::string::npos;
        std::replace(expected.begin(), expected.end(), '.', ',');
      }
      EXPECT_EQ(excel_rows[i][f], expected) << "row " << i << " field " << f;
    }
  }
  EXPECT_GT(decimals, 6);  // capaian and serapan of every unit
  EXPECT_NE(run(kBin + " recap " + quoted(dir_ / "in") + " --csv --csv-excel").code, 0);

  // The typeset recap: a valid PDF naming every unit.
  const std::string pdf = dir_ / "rekap.pdf";
  const auto r = run(kBin + " recap " + quoted(dir_ / "in") + " -o " + quoted(pdf));
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_EQ(run("qpdf --check " + quoted(pdf)).code, 0);
  const std::string text = flat_text(pdf);
  for (const auto& f : files) EXPECT_NE(text.find(unit_of(f)), std::string::npos) << unit_of(f);
  EXPECT_NE(text.find("JUMLAH"), std::string::npos);
}

// IKU without a realisation (`no_data`) are counted in the recap's tanpa_data column: the
// unit's own computed count, summed in JUMLAH; the PDF shows the column only when one exists.
TEST_F(Bulk, RecapCountsIkuWithoutData) {
  const std::string unmeasured = std::string(LKJIP_SOURCE_DIR) + "/tests/data/unmeasured.toml";
  const std::string minimal = std::string(LKJIP_SOURCE_DIR) + "/tests/data/minimal.toml";
  const std::string text = slurp(unmeasured);
  const std::regex no_data_key("\\nno_data = ");
  const auto declared = std::distance(
      std::sregex_iterator(text.begin(), text.end(), no_data_key), std::sregex_iterator());
  ASSERT_GT(declared, 0);
  const auto csv = run(kBin + " recap " + quoted(unmeasured) + " " + quoted(minimal) + " --csv");
  ASSERT_EQ(csv.code, 0) << csv.out;
  const auto rows = csv_rows(csv.out.substr(csv.out.find("unit,")), ',');
  ASSERT_EQ(rows.size(), 4u) << csv.out;
  const auto column = std::find(rows[0].begin(), rows[0].end(), "tanpa_data") - rows[0].begin();
  ASSERT_LT(column, static_cast<long>(rows[0].size())) << csv.out;
  EXPECT_EQ(rows[1][column], std::to_string(declared)) << csv.out;
  EXPECT_EQ(rows[2][column], "0") << csv.out;
  EXPECT_EQ(rows[3][0], "JUMLAH");
  EXPECT_EQ(rows[3][column], std::to_string(declared)) << csv.out;
  // jumlah_iku = melampaui + tercapai + tidak_tercapai + tanpa_data, in every line.
  for (size_t i = 1; i < rows.size(); ++i)
    EXPECT_EQ(std::stoi(rows[i][3]), std::stoi(rows[i][4]) + std::stoi(rows[i][5]) +
                                         std::stoi(rows[i][6]) + std::stoi(rows[i][7]))
        << csv.out;

  const std::string with = dir_ / "with.pdf", without = dir_ / "without.pdf";
  ASSERT_EQ(run(kBin + " recap " + quoted(unmeasured) + " " + quoted(minimal) + " -o " +
                quoted(with)).code, 0);
  ASSERT_EQ(run(kBin + " recap " + quoted(minimal) + " -o " + quoted(without)).code, 0);
  EXPECT_NE(flat_text(with).find("Tanpa Data"), std::string::npos);
  EXPECT_EQ(flat_text(without).find("Tanpa Data"), std::string::npos);
}

}  // namespace
}  // namespace lkjip::golden
