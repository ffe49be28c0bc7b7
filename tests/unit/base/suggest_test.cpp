#include "base/suggest.h"

#include <gtest/gtest.h>

#include <map>
#include <ranges>
#include <string>
#include <vector>

namespace lkjip {
namespace {

/// The whole table, for comparing the banded one against it.
size_t full_distance(std::string_view a, std::string_view b) {
  std::vector<std::vector<size_t>> t(a.size() + 1, std::vector<size_t>(b.size() + 1));
  for (size_t i = 0; i <= a.size(); ++i) t[i][0] = i;
  for (size_t j = 0; j <= b.size(); ++j) t[0][j] = j;
  for (size_t i = 1; i <= a.size(); ++i)
    for (size_t j = 1; j <= b.size(); ++j) {
      t[i][j] =
          std::min({t[i - 1][j] + 1, t[i][j - 1] + 1, t[i - 1][j - 1] + (a[i - 1] != b[j - 1])});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        t[i][j] = std::min(t[i][j], t[i - 2][j - 2] + 1);
    }
  return t[a.size()][b.size()];
}

TEST(Suggest, EditDistance) {
  EXPECT_EQ(edit_distance("realisai", "realisasi"), 1u);
  EXPECT_EQ(edit_distance("tabel", "table"), 1u);  // a swap of neighbours is one edit
  EXPECT_EQ(edit_distance("", "abc"), 3u);
  EXPECT_EQ(edit_distance("kitten", "sitting"), 3u);
  EXPECT_EQ(edit_distance("kitten", "sitting", 2), 3u);  // past the limit: limit + 1
  EXPECT_EQ(edit_distance("a", "abcdefgh", 3), 4u);
}

TEST(Suggest, BandedDistanceEqualsTheFullTableWithinTheLimit) {
  // Every pair of short words over a three-letter alphabet, so swaps and bands are exercised.
  std::vector<std::string> words = {""};
  for (size_t len = 1; len <= 5; ++len) {
    const size_t before = words.size();
    for (size_t i = 0; i < before; ++i)
      if (words[i].size() == len - 1)
        for (char c : {'a', 'b', 'c'}) words.push_back(words[i] + c);
  }
  size_t pairs = 0;
  for (size_t i = 0; i < words.size(); i += 3)
    for (size_t j = 0; j < words.size(); j += 5)
      for (size_t limit : {0u, 1u, 2u, 3u}) {
        const size_t full = full_distance(words[i], words[j]);
        ASSERT_EQ(edit_distance(words[i], words[j], limit), std::min(full, limit + 1))
            << words[i] << " / " << words[j] << " limit " << limit;
        ++pairs;
      }
  EXPECT_GT(pairs, 10000u);
}

TEST(Suggest, Budget) {
  EXPECT_EQ(typo_budget(0), 0u);
  EXPECT_EQ(typo_budget(1), 0u);
  EXPECT_EQ(typo_budget(2), 1u);
  EXPECT_EQ(typo_budget(5), 2u);
  EXPECT_EQ(typo_budget(9), 3u);
  EXPECT_EQ(typo_budget(60), 3u);
}

TEST(Suggest, Nearest) {
  const std::vector<std::string> keys = {"target", "realisasi", "renstra_target"};
  EXPECT_EQ(did_you_mean("realisai", keys), "realisasi");
  EXPECT_EQ(did_you_mean("xyz", keys), "");
  EXPECT_EQ(did_you_mean("ab", std::vector<std::string>{"xy"}), "");  // 2 edits of 2 letters
  EXPECT_EQ(did_you_mean("s2", std::vector<std::string>{"s1"}), "s1");
  EXPECT_EQ(did_you_mean("target", keys), "");  // an exact match is no suggestion
  // Nearest wins over first; on a tie the first given.
  EXPECT_EQ(did_you_mean("camta", std::vector<std::string>{"cmxta", "camat"}), "camat");
  EXPECT_EQ(did_you_mean("s9", std::vector<std::string>{"s1", "s2"}), "s1");
}

TEST(Suggest, DottedPathsAreJudgedByTheirLastPart) {
  const std::map<std::string, int> paths = {
      {"iku.akip.capaian", 0}, {"iku.akip.kabupaten", 0}, {"iku.ikm.target", 0}};
  EXPECT_EQ(did_you_mean("iku.akip.capain", std::views::keys(paths)), "iku.akip.capaian");
  EXPECT_EQ(did_you_mean("iku.akp.capaian", std::views::keys(paths)), "iku.akip.capaian");
  EXPECT_EQ(did_you_mean("iku.akip.zzzzzz", std::views::keys(paths)), "");
}

}  // namespace
}  // namespace lkjip
