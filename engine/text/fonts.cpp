#include "text/fonts.h"

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_TRUETYPE_TABLES_H
#include <hb.h>

#include <filesystem>
#include <map>
#include <shared_mutex>
#include <unordered_map>

#include "io/world.h"

namespace lkjip::text {
namespace {

/// Vertical metrics in font units, read once with FreeType at load time.
struct Metrics {
  int upem = 1000;
  int ascender = 0;   // positive
  int descender = 0;  // positive
  int cap_height = 0;
  int underline_position = 0;  // positive below the baseline
  int underline_thickness = 0;
};

/// Transparent hashing so the shaping cache can be probed with a string_view.
struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

/// One HarfBuzz buffer per thread, reused across calls: creating a buffer per word would cost
/// more than shaping a short cached-miss word.
hb_buffer_t* thread_buffer() {
  struct Holder {
    hb_buffer_t* buf = hb_buffer_create();
    ~Holder() { hb_buffer_destroy(buf); }
  };
  thread_local Holder holder;
  return holder.buf;
}

class FontImpl final : public Font {
 public:
  FontImpl(FontFile file, const Metrics& m) : file_(std::move(file)), m_(m) {
    blob_ = hb_blob_create(reinterpret_cast<const char*>(file_.bytes.data()),
                           static_cast<unsigned>(file_.bytes.size()), HB_MEMORY_MODE_READONLY,
                           nullptr, nullptr);
    hb_face_t* face = hb_face_create(blob_, file_.face_index);
    font_ = hb_font_create(face);
    hb_face_destroy(face);
    hb_font_set_scale(font_, m_.upem, m_.upem);
    hb_font_make_immutable(font_);
  }
  ~FontImpl() override {
    hb_font_destroy(font_);
    hb_blob_destroy(blob_);
  }
  FontImpl(const FontImpl&) = delete;
  FontImpl& operator=(const FontImpl&) = delete;

  const FontFile& file() const override { return file_; }
  int units_per_em() const override { return m_.upem; }
  Pt ascender(Pt size) const override { return to_pt(m_.ascender, size); }
  Pt descender(Pt size) const override { return to_pt(m_.descender, size); }
  Pt cap_height(Pt size) const override { return to_pt(m_.cap_height, size); }
  Pt underline_position(Pt size) const override { return to_pt(m_.underline_position, size); }
  Pt underline_thickness(Pt size) const override { return to_pt(m_.underline_thickness, size); }

  Shaped shape(std::string_view utf8) const override {
    {
      std::shared_lock lock(cache_mutex_);
      auto it = cache_.find(utf8);
      if (it != cache_.end()) return it->second;
    }
    Shaped result = shape_uncached(utf8);
    std::unique_lock lock(cache_mutex_);
    // Bulk rendering shares fonts across many reports; a vocabulary is far below this bound,
    // so clearing is rare and only costs re-shaping (results handed out stay alive).
    if (cache_.size() >= kMaxCacheEntries) cache_.clear();
    cache_.emplace(std::string(utf8), result);
    return result;
  }

 private:
  static constexpr size_t kMaxCacheEntries = 200000;

  Shaped shape_uncached(std::string_view utf8) const {
    hb_buffer_t* buf = thread_buffer();
    hb_buffer_clear_contents(buf);
    hb_buffer_add_utf8(buf, utf8.data(), static_cast<int>(utf8.size()), 0,
                       static_cast<int>(utf8.size()));
    hb_buffer_set_direction(buf, HB_DIRECTION_LTR);
    hb_buffer_set_script(buf, HB_SCRIPT_LATIN);
    static const hb_language_t indonesian = hb_language_from_string("id", -1);
    hb_buffer_set_language(buf, indonesian);
    static const hb_feature_t kern{HB_TAG('k', 'e', 'r', 'n'), 1, HB_FEATURE_GLOBAL_START,
                                   HB_FEATURE_GLOBAL_END};
    hb_shape(font_, buf, &kern, 1);
    unsigned n = 0;
    const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buf, &n);
    const hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buf, &n);
    auto out = std::make_shared<ShapedText>();
    out->glyphs.reserve(n);
    for (unsigned i = 0; i < n; ++i) {
      out->glyphs.push_back(
          {info[i].codepoint, pos[i].x_advance, pos[i].x_offset, pos[i].y_offset, info[i].cluster});
      out->advance += pos[i].x_advance;
    }
    return out;
  }

  FontFile file_;
  Metrics m_;
  hb_blob_t* blob_ = nullptr;
  hb_font_t* font_ = nullptr;
  mutable std::shared_mutex cache_mutex_;
  mutable std::unordered_map<std::string, Shaped, StringHash, std::equal_to<>> cache_;
};

/// Reads metrics with FreeType; false when the bytes are not a font FreeType can open.
bool read_metrics(const std::vector<unsigned char>& bytes, unsigned face_index, Metrics& m) {
  FT_Library lib = nullptr;
  if (FT_Init_FreeType(&lib) != 0) return false;
  FT_Face face = nullptr;
  bool ok = FT_New_Memory_Face(lib, bytes.data(), static_cast<FT_Long>(bytes.size()),
                               static_cast<FT_Long>(face_index), &face) == 0 &&
            FT_IS_SCALABLE(face) && face->units_per_EM > 0;
  if (ok) {
    m.upem = face->units_per_EM;
    const auto* os2 = static_cast<const TT_OS2*>(FT_Get_Sfnt_Table(face, FT_SFNT_OS2));
    const bool has_os2 = os2 != nullptr && os2->version != 0xFFFF;
    // OS/2 USE_TYPO_METRICS (fsSelection bit 7) asks for the typo values; otherwise hhea,
    // which FreeType exposes as face->ascender/descender (itself falling back to OS/2).
    if (has_os2 && (os2->fsSelection & (1u << 7)) != 0 && os2->sTypoAscender > 0) {
      m.ascender = os2->sTypoAscender;
      m.descender = -os2->sTypoDescender;
    } else if (face->ascender > 0) {
      m.ascender = face->ascender;
      m.descender = -face->descender;
    } else {
      m.ascender = static_cast<int>(face->bbox.yMax);
      m.descender = static_cast<int>(-face->bbox.yMin);
    }
    if (has_os2 && os2->version >= 2 && os2->sCapHeight > 0) {
      m.cap_height = os2->sCapHeight;
    } else if (FT_Load_Char(face, 'H', FT_LOAD_NO_SCALE) == 0 && face->glyph->metrics.height > 0) {
      m.cap_height = static_cast<int>(face->glyph->metrics.horiBearingY);
    } else {
      m.cap_height = m.ascender * 7 / 10;  // a typical Latin cap height / ascender ratio
    }
    m.underline_position = face->underline_position != 0 ? -face->underline_position : m.upem / 10;
    m.underline_thickness = face->underline_thickness > 0 ? face->underline_thickness : m.upem / 20;
  }
  if (face != nullptr) FT_Done_Face(face);
  FT_Done_FreeType(lib);
  return ok;
}

const char* style_name(FontStyle s) {
  switch (s) {
    case FontStyle::regular:
      return "regular";
    case FontStyle::bold:
      return "bold";
    case FontStyle::italic:
      return "italic";
    case FontStyle::bold_italic:
      return "bold italic";
  }
  return "regular";
}

class FontSetImpl final : public FontSet {
 public:
  const Font* find(std::string_view family, FontStyle style) const override {
    auto it = by_key_.find(std::pair{family, style});
    return it == by_key_.end() ? nullptr : it->second;
  }

  std::vector<std::unique_ptr<FontImpl>> fonts;
  /// Orders (family, style) keys and compares them with a string_view family, so a lookup
  /// (one per styled run of every paragraph) allocates nothing.
  struct KeyLess {
    using is_transparent = void;
    template <class A, class B>
    bool operator()(const A& a, const B& b) const {
      return std::pair<std::string_view, FontStyle>(a.first, a.second) <
             std::pair<std::string_view, FontStyle>(b.first, b.second);
    }
  };
  std::map<std::pair<std::string, FontStyle>, const Font*, KeyLess> by_key_;
};

std::string search_hint(const FontConfig& config) {
  std::string dirs;
  for (const auto& d : config.search_dirs) dirs += (dirs.empty() ? "" : ", ") + d;
  return "searched in: " + (dirs.empty() ? std::string("(no search folders configured)") : dirs);
}

/// Loads one configured file; null plus an error in `sink` when it cannot be used.
std::unique_ptr<FontImpl> load_file(const FontConfig& config, const std::string& family,
                                    FontStyle style, const std::string& name,
                                    DiagnosticSink& sink) {
  namespace fs = std::filesystem;
  const SourceLoc loc{config.config_path};
  const std::string what = "font file '" + name + "' (" + family + ", " + style_name(style) + ")";
  fs::path found;
  std::error_code ec;
  if (fs::path(name).is_absolute()) {
    if (fs::is_regular_file(name, ec)) found = name;
  } else {
    for (const auto& dir : config.search_dirs) {
      fs::path candidate = fs::path(dir) / name;
      if (fs::is_regular_file(candidate, ec)) {
        found = candidate;
        break;
      }
    }
  }
  if (found.empty()) {
    sink.error(loc, what + " not found", {search_hint(config)});
    return nullptr;
  }
  FontFile file;
  file.path = found.string();
  file.family = family;
  file.style = style;
  io::FileProblem problem;
  const auto bytes = io::disk().read(file.path, kMaxFontFileBytes, problem);
  if (!bytes) {
    sink.error(loc, what + " cannot be read: " + problem.message, {search_hint(config)});
    return nullptr;
  }
  file.bytes.assign(bytes->begin(), bytes->end());
  Metrics m;
  if (file.bytes.empty() || !read_metrics(file.bytes, file.face_index, m)) {
    sink.error(loc, what + " is not a usable font: " + file.path,
               {"expected a TrueType or OpenType file", search_hint(config)});
    return nullptr;
  }
  return std::make_unique<FontImpl>(std::move(file), m);
}

}  // namespace

std::shared_ptr<const FontSet> FontSet::load(const FontConfig& config,
                                             const std::vector<std::string>& families,
                                             DiagnosticSink& sink,
                                             const std::map<std::string, SourceLoc>& asked_at) {
  auto set = std::make_shared<FontSetImpl>();
  bool ok = true;
  const SourceLoc loc{config.config_path};
  for (const auto& family : families) {
    const FontFamilyConfig* fc = nullptr;
    for (const auto& f : config.families) {
      if (f.family == family) fc = &f;
    }
    if (fc == nullptr) {
      std::string known;
      for (const auto& f : config.families) known += (known.empty() ? "" : ", ") + f.family;
      const auto asked = asked_at.find(family);
      const bool elsewhere = asked != asked_at.end();
      sink.error(elsewhere ? asked->second : loc,
                 "font family '" + family + "' is not configured" +
                     (elsewhere ? " in " + config.config_path : std::string()),
                 {"configured families: " + (known.empty() ? std::string("(none)") : known),
                  search_hint(config)});
      ok = false;
      continue;
    }
    if (fc->regular.empty()) {
      sink.error(loc, "font family '" + family + "' names no regular file", {search_hint(config)});
      ok = false;
      continue;
    }
    const std::pair<FontStyle, const std::string*> styles[] = {
        {FontStyle::regular, &fc->regular},
        {FontStyle::bold, &fc->bold},
        {FontStyle::italic, &fc->italic},
        {FontStyle::bold_italic, &fc->bold_italic}};
    for (const auto& [style, name] : styles) {
      if (name->empty()) continue;
      auto font = load_file(config, family, style, *name, sink);
      if (!font) {
        ok = false;
        continue;
      }
      set->by_key_[{family, style}] = font.get();
      set->fonts.push_back(std::move(font));
    }
    // A style the config names no file for is served by the regular face.
    auto regular = set->by_key_.find({family, FontStyle::regular});
    if (regular == set->by_key_.end()) continue;
    for (const auto& [style, name] : styles) {
      if (name->empty()) set->by_key_[{family, style}] = regular->second;
    }
  }
  if (!ok) return nullptr;
  return set;
}

}  // namespace lkjip::text
