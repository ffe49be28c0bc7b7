// Navigation as a reader uses it: every page label printed in the table of contents and the
// lists of tables and figures is the page where that heading or caption really is; the outline
// and the links jump there too. Ground truth is the text of each page and its printed footer.
#include <gtest/gtest.h>

#include <map>
#include <regex>
#include <set>
#include <vector>

#include "tools.h"

using namespace lkjip::golden;

namespace {

std::string squeeze(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

/// The rendered minimal description, page by page (text and printed footer label).
struct Rendered {
  ScratchDir dir{"nav"};
  std::string pdf = dir / "minimal.pdf";
  std::vector<std::string> text;    // [physical page - 1] -> squeezed text
  std::vector<std::string> labels;  // [physical page - 1] -> last line (the page number)

  Rendered() {
    const auto r = run(kBin + " render " + quoted((kSrc / "tests/data/minimal.toml").string()) +
                       " -o " + quoted(pdf));
    EXPECT_EQ(r.code, 0) << r.out;
    for (int p = 1;; ++p) {
      const auto t = run("pdftotext -layout -f " + std::to_string(p) + " -l " +
                         std::to_string(p) + " " + quoted(pdf) + " - ");
      if (t.code != 0) break;
      std::istringstream lines(t.out);
      std::string line, last;
      for (std::string l; std::getline(lines, l);)
        if (!squeeze(l).empty()) last = squeeze(l);
      text.push_back(squeeze(t.out));
      labels.push_back(last);
    }
  }
  /// Physical page (1-based) whose footer prints `label`; 0 when none.
  int page_of(const std::string& label) const {
    for (size_t i = 0; i < labels.size(); ++i)
      if (labels[i] == label) return static_cast<int>(i) + 1;
    return 0;
  }
  /// Entries "title . . . label" of the list page headed `heading`.
  std::vector<std::pair<std::string, std::string>> entries(const std::string& heading) const {
    std::vector<std::pair<std::string, std::string>> out;
    for (int p = 1; p <= static_cast<int>(text.size()); ++p) {
      if (text[p - 1].rfind(heading, 0) != 0) continue;
      const auto raw = run("pdftotext -layout -f " + std::to_string(p) + " -l " +
                           std::to_string(p) + " " + quoted(pdf) + " - ").out;
      std::istringstream lines(raw);
      static const std::regex entry(R"(^\s*(\S.*?)\s*(?:\. ){3,}.*?\s(\S+)\s*$)");
      for (std::string l; std::getline(lines, l);) {
        std::smatch m;
        if (std::regex_match(l, m, entry)) out.emplace_back(squeeze(m[1]), m[2]);
      }
    }
    return out;
  }
};

const Rendered& doc() {
  static const Rendered r;
  return r;
}

}  // namespace

TEST(Navigation, ContentsLabelsAreWhereTheHeadingsAre) {
  const auto entries = doc().entries("DAFTAR ISI");
  ASSERT_GE(entries.size(), 8u);
  for (const auto& [title, label] : entries) {
    const int page = doc().page_of(label);
    ASSERT_GT(page, 0) << "no page prints the label " << label << " (" << title << ")";
    EXPECT_NE(doc().text[page - 1].find(title), std::string::npos)
        << "'" << title << "' is listed on page " << label << " but is not there";
  }
}

TEST(Navigation, TableAndFigureListsPointAtTheirCaptions) {
  for (const char* heading : {"DAFTAR TABEL", "DAFTAR GAMBAR"}) {
    const auto entries = doc().entries(heading);
    ASSERT_FALSE(entries.empty()) << heading;
    for (const auto& [title, label] : entries) {
      const int page = doc().page_of(label);
      ASSERT_GT(page, 0) << label;
      // "Tabel 2.1 Pencapaian …": the label and the caption's first words are on that page.
      const std::string head = title.substr(0, std::min<size_t>(title.size(), 25));
      EXPECT_NE(doc().text[page - 1].find(head), std::string::npos)
          << heading << ": '" << head << "' listed on " << label;
    }
  }
}

TEST(Navigation, OutlineEntriesOpenTheirHeadings) {
  const auto outline = run("mutool show " + quoted(doc().pdf) + " outline").out;
  static const std::regex item("\"([^\"]+)\"\\s+#page=(\\d+)");
  int checked = 0;
  bool bab1 = false;
  for (std::sregex_iterator it(outline.begin(), outline.end(), item), end; it != end; ++it) {
    const std::string title = (*it)[1];
    const int page = std::stoi((*it)[2]);
    ASSERT_LE(page, static_cast<int>(doc().text.size()));
    // Chapter entries read "BAB I PENDAHULUAN" while the page sets label and title on two lines.
    std::string probe = title;
    if (probe.rfind("BAB ", 0) == 0) probe = probe.substr(probe.find(' ', 4) + 1), bab1 = true;
    EXPECT_NE(doc().text[page - 1].find(probe), std::string::npos) << title << " -> " << page;
    ++checked;
  }
  EXPECT_GE(checked, 8);
  EXPECT_TRUE(bab1) << outline;
}

TEST(Navigation, ContentsEntriesLinkToTheirPages) {
  int toc = 0;
  for (size_t i = 0; i < doc().text.size(); ++i)
    if (doc().text[i].rfind("DAFTAR ISI", 0) == 0) toc = static_cast<int>(i) + 1;
  ASSERT_GT(toc, 0);
  const auto xml = run("pdftohtml -xml -i -stdout -f " + std::to_string(toc) + " -l " +
                       std::to_string(toc) + " " + quoted(doc().pdf)).out;
  std::set<int> targets;
  static const std::regex link("<a href=\"[^\"#]*#(\\d+)\"");
  for (std::sregex_iterator it(xml.begin(), xml.end(), link), end; it != end; ++it)
    targets.insert(std::stoi((*it)[1]));
  std::set<int> expected;
  for (const auto& [title, label] : doc().entries("DAFTAR ISI")) expected.insert(doc().page_of(label));
  EXPECT_EQ(targets, expected);
}

TEST(Navigation, ChartNumbersAreTextAndImagesAreEmbedded) {
  bool chart = false;
  for (const auto& t : doc().text)
    if (t.find("Target dan Realisasi IKU") != std::string::npos &&
        std::regex_search(t, std::regex("\\d+,\\d\\d")))
      chart = true;
  EXPECT_TRUE(chart);
  const auto images = run("pdfimages -list " + quoted(doc().pdf)).out;
  EXPECT_NE(images.find("image"), std::string::npos) << images;
}
