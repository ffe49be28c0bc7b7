#include "text/hyphenate.h"

#include <hyphen.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <shared_mutex>
#include <unordered_map>

#include "text/puebi.h"

namespace lkjip::text {
namespace {

/// Longest word (in Latin-1 characters) handed to libhyphen; longer input is hyphenated in
/// its first kMaxWord characters only. No Indonesian word comes close; the cap protects
/// libhyphen's fixed-size work buffers from pathological input.
constexpr size_t kMaxWord = 100;

bool is_latin1_letter(unsigned c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= 0xC0 && c <= 0xFF && c != 0xD7 && c != 0xF7);
}

unsigned latin1_lower(unsigned c) {
  if ((c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7)) return c + 0x20;
  return c;
}

/// Decodes one UTF-8 code point at `i`; returns its byte length, 0 when malformed.
size_t decode_utf8(std::string_view s, size_t i, unsigned& cp) {
  const auto b = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned c = b(i);
  if (c < 0x80) {
    cp = c;
    return 1;
  }
  size_t len = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
  if (len == 0 || i + len > s.size()) return 0;
  cp = c & (0x7F >> len);
  for (size_t k = 1; k < len; ++k) {
    if ((b(i + k) & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (b(i + k) & 0x3F);
  }
  return len;
}

/// Transparent hashing so the cache can be probed with a string_view.
struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

class HyphenatorImpl final : public Hyphenator {
 public:
  explicit HyphenatorImpl(HyphenDict* dict) : dict_(dict) {}
  ~HyphenatorImpl() override { hnj_hyphen_free(dict_); }
  HyphenatorImpl(const HyphenatorImpl&) = delete;
  HyphenatorImpl& operator=(const HyphenatorImpl&) = delete;

  void points(std::string_view word, std::vector<size_t>& out, int left_min,
              int right_min) const override {
    // The key is the word followed by the two minima, built in a reused per-thread buffer.
    thread_local std::string key;
    key.resize(word.size() + 2);
    std::copy(word.begin(), word.end(), key.begin());
    key[word.size()] = static_cast<char>(left_min);
    key[word.size() + 1] = static_cast<char>(right_min);
    {
      std::shared_lock lock(mutex_);
      auto it = cache_.find(std::string_view(key));
      if (it != cache_.end()) {
        out.assign(it->second.begin(), it->second.end());
        return;
      }
    }
    out = compute(word, left_min, right_min);
    std::unique_lock lock(mutex_);
    if (cache_.size() >= kMaxCacheEntries) cache_.clear();
    cache_.emplace(key, out);
  }

 private:
  static constexpr size_t kMaxCacheEntries = 100000;

  /// Hyphenates the letters between leading and trailing punctuation ("(akuntabilitas),");
  /// anything else inside that core (digits, inner punctuation, non-Latin-1) means no breaks.
  std::vector<size_t> compute(std::string_view word, int left_min, int right_min) const {
    std::string latin;           // lower-cased Latin-1 letters of the core
    std::vector<size_t> offset;  // UTF-8 byte offset of each Latin-1 character
    bool ended = false;          // trailing punctuation has started
    for (size_t i = 0; i < word.size();) {
      unsigned cp = 0;
      size_t len = decode_utf8(word, i, cp);
      if (len == 0 || cp > 0xFF) return {};
      if (is_latin1_letter(cp)) {
        // A capital after the first letter marks an acronym (RPJMD, RPJMDes) or an all-caps
        // word (KEUANGAN): never divided, a reader cannot tell its syllables. Whether a
        // capitalised word (a name, or a sentence's first word) is divided is the caller's call.
        if (ended || (!latin.empty() && latin1_lower(cp) != cp)) return {};
        latin.push_back(static_cast<char>(latin1_lower(cp)));
        offset.push_back(i);
      } else if (cp >= '0' && cp <= '9') {
        return {};
      } else if (!latin.empty()) {
        ended = true;
      }
      i += len;
    }
    const size_t n = std::min(latin.size(), kMaxWord);
    if (n < static_cast<size_t>(std::max(left_min, 1) + std::max(right_min, 1))) return {};
    latin.resize(n);
    std::vector<char> hyphens(n + 5, '0');
    char** rep = nullptr;
    int* pos = nullptr;
    int* cut = nullptr;
    hnj_hyphen_hyphenate3(dict_, latin.c_str(), static_cast<int>(n), hyphens.data(), nullptr, &rep,
                          &pos, &cut, left_min, right_min, 2, 2);
    std::vector<size_t> result;
    // The patterns propose, PUEBI disposes: hyph_id_ID's candidates include non-syllable
    // breaks (kelur-ahan, tran-sparansi), so only those PUEBI allows are kept.
    const std::vector<bool> puebi = puebi_divisions(latin);
    // hyphens[i] odd: a break after character i. Non-standard breaks (rep[i] set) change
    // spelling and cannot be expressed as a plain break point, so they are skipped.
    for (size_t i = 0; i + 1 < n; ++i) {
      if ((hyphens[i] & 1) == 0 || (rep != nullptr && rep[i] != nullptr)) continue;
      if (!puebi[i + 1]) continue;
      if (i + 1 < static_cast<size_t>(left_min) || n - (i + 1) < static_cast<size_t>(right_min))
        continue;
      result.push_back(offset[i + 1]);
    }
    if (rep != nullptr) {
      for (size_t i = 0; i < n; ++i) std::free(rep[i]);
      std::free(rep);
    }
    std::free(pos);
    std::free(cut);
    return result;
  }

  HyphenDict* dict_;
  mutable std::shared_mutex mutex_;
  mutable std::unordered_map<std::string, std::vector<size_t>, StringHash, std::equal_to<>> cache_;
};

}  // namespace

std::shared_ptr<const Hyphenator> Hyphenator::load(const std::string& dic_path,
                                                   DiagnosticSink& sink) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(dic_path, ec)) {
    sink.error(SourceLoc{dic_path}, "hyphenation dictionary not found",
               {"install the Debian package hyphen-id, which provides "
                "/usr/share/hyphen/hyph_id_ID.dic"});
    return nullptr;
  }
  HyphenDict* dict = hnj_hyphen_load(dic_path.c_str());
  if (dict == nullptr) {
    sink.error(SourceLoc{dic_path}, "hyphenation dictionary cannot be read",
               {"expected a libhyphen pattern file (.dic)"});
    return nullptr;
  }
  return std::make_shared<HyphenatorImpl>(dict);
}

std::string Hyphenator::hyphenated(std::string_view word, int left_min, int right_min) const {
  std::string out;
  size_t prev = 0;
  for (size_t p : points(word, left_min, right_min)) {
    out.append(word.substr(prev, p - prev));
    out.push_back('-');
    prev = p;
  }
  out.append(word.substr(prev));
  return out;
}

}  // namespace lkjip::text
