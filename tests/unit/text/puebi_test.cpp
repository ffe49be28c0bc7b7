#include "text/puebi.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "test_fonts.h"

namespace lkjip::text {
namespace {

/// Words divided by PUEBI's rules (Pemenggalan Kata) by hand: its own examples (bu-ah, ma-in,
/// pan-dai, ba-ngun, in-stru-men, trans-pa-ran-si, ...) and report vocabulary. Syllables
/// only: V, VK, KV, KVK...; two vowels part unless ai/au/ei/oi form a diphthong; one consonant
/// goes with the next vowel, two are divided, of three or more the first stays behind; kh, ng,
/// ny, sy are one consonant; a combining element (trans-, infra-) is divided off.
constexpr const char* kDivided = R"(
bu-ah ma-in ni-at sa-at pan-dai au-la sau-da-ra sur-vei ba-pak la-wan de-ngan ke-nyang
mu-ta-khir mu-sya-wa-rah makh-luk man-di sang-gup som-bong swas-ta ul-tra ben-trok
in-stru-men ikh-las kong-res bang-sa ba-nyak ba-ngun ma-sya-ra-kat me-mi-li-ki
trans-pa-ran-si trans-por-ta-si in-fra-struk-tur ki-ner-ja a-kun-ta-bi-li-tas in-di-ka-tor
re-a-li-sa-si e-va-lu-a-si ad-mi-nis-tra-si ka-bu-pa-ten da-e-rah ca-pai-an pen-ca-pai-an
ter-ca-pai mau-pun ko-or-di-na-si sin-kro-ni-sa-si fa-si-li-ta-si so-si-al pe-ga-wai
stra-te-gis struk-tur in-stan-si ren-stra jum-lah ting-kat a-khir sya-rat i-sya-rat eks-por
pe-ren-ca-na-an pe-nye-leng-ga-ra-an par-ti-si-pa-si ba-ik la-ut da-un e-fi-si-en-si
me-nyu-sun ke-lu-ra-han la-pa-ngan di-se-la-ras-kan ke-u-a-ngan me-ga-luh sa-kip
ke-ca-ma-tan pe-me-rin-ta-han ang-ga-ran ke-gi-a-tan pe-la-ya-nan sa-sa-ran la-po-ran
pem-ba-ngu-nan pe-ngu-ku-ran pe-ra-tu-ran ke-se-jah-te-ra-an pe-ning-ka-tan ke-bi-ja-kan
pe-le-ta-kan ha-sil sek-re-ta-ri-at ta-hun ren-ca-na tu-ju-an ke-pa-la ke-pen-du-du-kan
per-ta-na-han ling-ku-ngan ke-a-ma-nan ke-ter-ti-ban pen-di-di-kan ke-se-ha-tan
pe-re-ko-no-mi-an ke-ber-ha-si-lan pe-ngen-da-li-an o-pe-ra-si-o-nal pe-num-pang
per-sen-ta-se tar-get do-ku-men pe-ngu-a-tan pe-lak-sa-na-an me-la-ku-kan me-lak-sa-na-kan
di-lak-sa-na-kan me-nin-dak-lan-ju-ti re-ko-men-da-si pe-nga-wa-san pem-bi-na-an
ko-or-di-na-tor pe-me-rik-sa-an in-spek-to-rat kon-sul-tan ka-pa-si-tas sum-ber da-ya
ma-nu-si-a sis-tem in-for-ma-si tek-no-lo-gi ren-dah-nya peng-gu-na-an per-lin-du-ngan
ben-ca-na ke-sa-tu-an po-li-si pa-mong wi-la-yah ker-ja ke-lem-ba-ga-an ke-bu-da-ya-an
pe-mu-da o-lah-ra-ga ke-te-na-ga-ker-ja-an pe-rem-pu-an a-nak ke-lu-ar-ga ber-da-sar-kan
pe-nyu-su-nan me-ning-kat-nya ku-a-li-tas te-pat wak-tu ca-pai-an-nya ni-lai ra-ta
pre-di-kat sa-ngat bu-pa-ti ca-mat de-sa
)";

std::string divided(const std::string& word) {
  const std::vector<bool> ok = puebi_divisions(word);
  std::string out;
  for (size_t i = 0; i < word.size(); ++i) {
    if (ok[i]) out.push_back('-');
    out.push_back(word[i]);
  }
  return out;
}

std::vector<std::string> divided_words() {
  std::istringstream in(kDivided);
  std::vector<std::string> out;
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

std::string undivided(std::string d) {
  std::erase(d, '-');
  return d;
}

TEST(Puebi, DividesTheWordListExactly) {
  const auto words = divided_words();
  ASSERT_GE(words.size(), 150u);
  for (const auto& d : words) EXPECT_EQ(divided(undivided(d)), d);
}

TEST(Puebi, EndsAreNeverDivisionsAndDegenerateWordsGetNone) {
  EXPECT_EQ(puebi_divisions("").size(), 1u);
  for (const char* w : {"a", "ab", "str", "rpjmd", "aa"}) {
    const auto ok = puebi_divisions(w);
    ASSERT_EQ(ok.size(), std::string_view(w).size() + 1) << w;
    EXPECT_FALSE(ok.front()) << w;
    EXPECT_FALSE(ok.back()) << w;
  }
  EXPECT_EQ(divided("rpjmd"), "rpjmd");  // no vowel pair to divide between
  EXPECT_EQ(divided("aa"), "a-a");
}

/// The issue's wrong breaks (hyph_id_ID proposed them) are never offered, and every point
/// the hyphenator offers for a listed word is one of its PUEBI divisions.
TEST(Puebi, HyphenatorOffersOnlyPuebiDivisions) {
  const auto h = testing::shared_hyphenator();
  ASSERT_NE(h, nullptr);
  const std::pair<const char*, size_t> wrong[] = {
      {"kelurahan", 5},    {"memiliki", 5},      {"lapangan", 3},     {"transparansi", 4},
      {"diselaraskan", 8}, {"kesejahteraan", 6}, {"pemerintahan", 5}, {"kecamatan", 3},
      {"anggaran", 4},     {"masyarakat", 3},    {"mengambil", 3},    {"penyelenggaraan", 6},
      {"kinerja", 3},      {"akuntabilitas", 5}, {"pencapaian", 7}};
  for (const auto& [word, at] : wrong) {
    const auto pts = h->points(word, 2, 2);
    EXPECT_EQ(std::count(pts.begin(), pts.end(), at), 0)
        << std::string(word).insert(at, "-") << " offered";
  }
  size_t offered = 0, possible = 0;
  for (const auto& d : divided_words()) {
    const std::string w = undivided(d);
    const auto ok = puebi_divisions(w);
    for (size_t p : h->points(w, 2, 2)) EXPECT_TRUE(ok[p]) << w.substr(0, p) << "-" << w.substr(p);
    offered += h->points(w, 2, 2).size();
    for (size_t p = 2; p + 2 <= w.size(); ++p) possible += ok[p];
  }
  // The patterns must still propose most syllable breaks, or lines lose their flexibility.
  EXPECT_GE(static_cast<double>(offered), 0.6 * static_cast<double>(possible))
      << offered << " of " << possible;
}

TEST(Puebi, CapitalisedWordsDivideAsLowerCaseAcronymsNever) {
  const auto h = testing::shared_hyphenator();
  EXPECT_EQ(h->hyphenated("Kelurahan", 2, 2), "Ke-lu-rahan");
  for (const char* w : {"KEUANGAN", "RPJMD", "SAKIP", "RPJMDes", "Megaluh2024"})
    EXPECT_TRUE(h->points(w, 2, 2).empty()) << w;
}

}  // namespace
}  // namespace lkjip::text
