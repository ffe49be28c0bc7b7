#include "text/paragraph.h"

#include <algorithm>
#include <limits>

#include "text/linebreak.h"

namespace lkjip::text {
namespace {

constexpr double kFil = std::numeric_limits<double>::infinity();
/// TeX's \hyphenpenalty and \exhyphenpenalty, raised from TeX's 50: Indonesian words are long
/// and divisible, and at 50 a quarter of the body lines ended in a hyphen (pdf-typo-lint
/// hyphen_share on Megaluh 0.23 A4 / 0.21 F4). With letters spread along with the spaces
/// (kLetterStretchEm), 150 gives 0.08 on both with a median word space of 1.12x.
constexpr double kHyphenPenalty = 150;
/// Dividing a capitalised word inside a sentence (a name or title word: Keca-matan): its
/// demerits (penalty²) outweigh those of a line stretched to about 2.5x its spaces, so it is
/// taken only where every alternative is loose.
constexpr double kNameHyphenPenalty = 3000;
/// Breaking inside an unhyphenatable over-long word (a URL, a 300-letter token): allowed, but
/// only when nothing else fits.
constexpr double kEmergencyPenalty = 5000;
/// Ragged alignment: the stretch, in ems, each potential line end offers (Knuth–Plass,
/// "ragged-right" construction: glue(0, S) penalty(0) glue(space, -S)).
constexpr double kRaggedStretchEm = 3;

/// A maximal part of a word set in one span, shaped as a whole so kerning is kept.
struct Fragment {
  size_t span = 0;
  size_t offset = 0, len = 0;  // byte range in the span's text
  Shaped shaped;
};

/// What an item puts on the page; parallel to the BreakItem list.
struct Content {
  enum class Kind { none, piece, space, hyphen, forced } kind = Kind::none;
  size_t span = 0;
  size_t frag = 0;                  // piece
  uint32_t begin = 0, end = 0;      // piece: byte range in the fragment
  uint32_t g_begin = 0, g_end = 0;  // piece: glyph range in the fragment
  bool word_end = false;            // piece: the word's last (no letter gap after it)
};

/// Gaps between letters inside glyphs [gb, ge) of `shaped`: one before each glyph that starts
/// a new cluster (a mark stays on its base).
uint32_t letter_gaps(const ShapedText& shaped, uint32_t gb, uint32_t ge) {
  uint32_t n = 0;
  for (uint32_t g = gb + 1; g < ge; ++g) n += shaped.glyphs[g].cluster != shaped.glyphs[g - 1].cluster;
  return n;
}

/// explicit_hyphen, slash: after a hyphen or slash written in the text (nothing is added).
/// name_hyphen: a hyphenation point inside a capitalised word that does not open a sentence.
enum class BreakKind : uint8_t { none, emergency, hyphen, name_hyphen, explicit_hyphen, slash };

bool is_utf8_lead(char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }

/// True when the first letter of `part` is a capital (A-Z or Latin-1 À-Þ); leading
/// punctuation such as "(" or a quote is skipped.
bool capitalised(std::string_view part) {
  for (size_t i = 0; i < part.size(); ++i) {
    const auto c = static_cast<unsigned char>(part[i]);
    if (c >= 'A' && c <= 'Z') return true;
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) return false;
    if (c == 0xC3 && i + 1 < part.size()) {  // U+00C0-U+00FF
      const auto d = static_cast<unsigned char>(part[i + 1]);
      return d >= 0x80 && d <= 0x9E && d != 0x97;
    }
  }
  return false;
}

/// True when `word` ends a sentence: its last character other than closing brackets and
/// quotes is . ! ? or : ("berikut:", "(2024).", "selesai.\u201D").
bool ends_sentence(std::string_view word) {
  size_t n = word.size();
  while (n > 0) {
    const char c = word[n - 1];
    if (c == ')' || c == ']' || c == '"' || c == '\'') {
      --n;
    } else if (n >= 3 && word.substr(n - 3, 2) == "\xE2\x80" &&
               (word[n - 1] == '\x9D' || word[n - 1] == '\x99')) {
      n -= 3;  // U+201D, U+2019
    } else {
      return c == '.' || c == '!' || c == '?' || c == ':';
    }
  }
  return false;
}

struct SpanStyle {
  double scale = 0;  // points per font unit
  Shaped space, hyphen;
  Pt ascent, descent;
};

/// The composer's working vectors, one set per thread and reused from paragraph to paragraph
/// (a report composes thousands of short paragraphs and table cells; allocating these afresh
/// for each cost more than composing a cell).
struct Scratch {
  std::vector<SpanStyle> style;
  std::vector<BreakItem> items;
  std::vector<Content> content;
  std::vector<Fragment> frag_store;
  std::vector<Fragment> word;      // the fragments of the word being tokenized
  std::string text;                // the word's bytes
  std::vector<size_t> frag_start;  // offset of each fragment in text
  std::vector<bool> boundary;      // a break may fall before this byte (a cluster start)
  std::vector<BreakKind> kind;     // the break opportunity before each byte
  std::vector<size_t> points;      // hyphenation points of one part of the word
};

class Composer {
 public:
  Composer(const std::vector<Span>& spans, const ParagraphOptions& options,
           const Hyphenator* hyphenator, Scratch& scratch)
      : spans_(spans),
        opt_(options),
        hyph_(options.hyphenate ? hyphenator : nullptr),
        style_(scratch.style),
        items_(scratch.items),
        content_(scratch.content),
        frag_store_(scratch.frag_store),
        word_(scratch.word),
        text_(scratch.text),
        frag_start_(scratch.frag_start),
        boundary_(scratch.boundary),
        kind_(scratch.kind),
        points_(scratch.points) {
    if (opt_.line_widths.empty()) internal_error("compose_paragraph: no line widths");
    // Per-span constants, computed once: every space and hyphen of the span reuses them.
    style_.assign(spans_.size(), SpanStyle{});
    for (size_t s = 0; s < spans_.size(); ++s) {
      if (spans_[s].text.empty()) continue;
      const Font* f = spans_[s].font;
      if (f == nullptr) internal_error("compose_paragraph: span without a font");
      style_[s].scale = spans_[s].size.v / f->units_per_em();
      style_[s].space = f->shape(" ");
      style_[s].hyphen = f->shape("-");
      style_[s].ascent = f->ascender(spans_[s].size);
      style_[s].descent = f->descender(spans_[s].size);
    }
    min_width_ = opt_.line_widths.front().v;
    for (const Pt w : opt_.line_widths) min_width_ = std::min(min_width_, w.v);
  }

  ComposedParagraph run() {
    ComposedParagraph out;
    if (!tokenize()) return out;
    BreakParams params;
    params.tolerance = opt_.tolerance;
    for (const Pt w : opt_.line_widths) params.line_widths.push_back(w.v);
    const auto breaks = break_lines(items_, params);
    size_t start = 0;
    for (size_t k = 0; k < breaks.size(); ++k) {
      out.lines.push_back(set_line(k, start, breaks[k]));
      if (out.lines.back().overfull) ++out.overfull_lines;
      start = breaks[k].item + 1;
      while (start < items_.size() && items_[start].kind != BreakItem::Kind::box &&
             !(items_[start].kind == BreakItem::Kind::penalty && items_[start].penalty <= -10000)) {
        ++start;
      }
    }
    return out;
  }

 private:
  const Font& font_of(size_t span) const { return *spans_[span].font; }

  Pt pt(size_t span, int64_t units) const {
    return Pt(static_cast<double>(units) * style_[span].scale);
  }

  /// Splits the spans into words (maximal runs of non-space bytes, possibly crossing spans),
  /// spaces and forced breaks, and emits the items for each, ending with TeX's final
  /// glue and forced break. Runs of spaces collapse to one, as do runs of "\n"; leading and
  /// trailing ones are dropped (TeX would set an underfull empty line). False when there is
  /// nothing to set.
  bool tokenize() {
    items_.clear();
    content_.clear();
    frag_store_.clear();
    std::vector<Fragment>& word = word_;
    word.clear();
    bool pending_space = false;
    size_t space_span = 0;
    auto flush_word = [&] {
      if (word.empty()) return;
      if (pending_space && has_content_) add_space(space_span, !closing_punctuation(word));
      pending_space = false;
      add_word(word);
      word.clear();
    };
    for (size_t s = 0; s < spans_.size(); ++s) {
      const std::string_view t = spans_[s].text;
      for (size_t i = 0; i < t.size(); ++i) {
        const char c = t[i];
        if (c == ' ' || c == '\t' || c == '\r') {
          flush_word();
          if (!pending_space) space_span = s;
          pending_space = true;
        } else if (c == '\n') {
          flush_word();
          pending_space = false;
          pending_newline_ = true;
          newline_span_ = s;
        } else {
          if (pending_newline_) {
            if (has_content_) add_forced_break();
            pending_newline_ = false;
          }
          if (!word.empty() && word.back().span == s && word.back().offset + word.back().len == i) {
            ++word.back().len;
          } else {
            word.push_back({s, i, 1, {}});
          }
        }
      }
    }
    flush_word();
    if (items_.empty()) return false;
    items_.push_back({BreakItem::Kind::glue, 0, kFil, 0});
    content_.push_back({});
    items_.push_back({BreakItem::Kind::penalty, 0, 0, 0, -10000});
    content_.push_back({Content::Kind::forced, last_span_});
    return true;
  }

  void add_forced_break() {
    sentence_start_ = true;
    items_.push_back({BreakItem::Kind::glue, 0, kFil, 0});
    content_.push_back({});
    items_.push_back({BreakItem::Kind::penalty, 0, 0, 0, -10000});
    content_.push_back({Content::Kind::forced, newline_span_});
  }

  /// True for a "word" that is only closing punctuation, as in "sebagai berikut :" typed with
  /// a space before the colon: the line must not break before it and leave it alone.
  bool closing_punctuation(const std::vector<Fragment>& word) const {
    for (const auto& f : word)
      for (size_t i = f.offset; i < f.offset + f.len; ++i)
        if (std::string_view(":;!?)]%").find(spans_[f.span].text[i]) == std::string_view::npos)
          return false;
    return true;
  }

  /// An inter-word space; `breakable` false makes it a tie (no line break there).
  void add_space(size_t span, bool breakable = true) {
    const double w = pt(span, style_[span].space->advance).v;
    if (!breakable) {  // a glue is a legal break only right after a box
      items_.push_back({BreakItem::Kind::penalty, 0, 0, 0, 10000});
      content_.push_back({});
    }
    if (opt_.align == Align::justify) {
      items_.push_back({BreakItem::Kind::glue, w, w / 2, w / 3});
      content_.push_back({Content::Kind::space, span});
    } else {
      const double s = kRaggedStretchEm * spans_[span].size.v;
      items_.push_back({BreakItem::Kind::glue, 0, s, 0});
      content_.push_back({});
      items_.push_back({BreakItem::Kind::penalty, 0, 0, 0, breakable ? 0.0 : 10000.0});
      content_.push_back({});
      items_.push_back({BreakItem::Kind::glue, w, -s, 0});
      content_.push_back({Content::Kind::space, span});
    }
  }

  void add_word(std::vector<Fragment>& word) {
    if (!has_content_ && opt_.first_line_indent.v != 0) {
      items_.push_back({BreakItem::Kind::box, opt_.first_line_indent.v});
      content_.push_back({});
    }
    has_content_ = true;
    std::string& text = text_;
    std::vector<size_t>& frag_start = frag_start_;
    std::vector<bool>& boundary = boundary_;
    text.clear();
    frag_start.clear();
    boundary.clear();
    double width = 0;
    for (auto& f : word) {
      f.shaped = font_of(f.span).shape(spans_[f.span].text.substr(f.offset, f.len));
      width += pt(f.span, f.shaped->advance).v;
      frag_start.push_back(text.size());
      boundary.resize(text.size() + f.len + 1, false);
      boundary[text.size()] = true;
      for (const auto& g : f.shaped->glyphs) boundary[text.size() + g.cluster] = true;
      text.append(spans_[f.span].text.substr(f.offset, f.len));
    }
    boundary[text.size()] = true;

    std::vector<BreakKind>& kind = kind_;
    kind.assign(text.size() + 1, BreakKind::none);
    if (width > min_width_) {
      for (size_t p = 1; p < text.size(); ++p) {
        if (is_utf8_lead(text[p])) kind[p] = BreakKind::emergency;
      }
    }
    // Parts between explicit hyphens and slashes ("Desa/Kelurahan", "perundang-undangan") are
    // hyphenated one by one, and a line may end after the hyphen or slash itself. A slash
    // needs two characters on each side, so "s/d" stays whole.
    const auto separator = [&](size_t p) { return text[p] == '-' || text[p] == '/'; };
    size_t part = 0;  // start of the current part
    for (size_t p = 0; p <= text.size(); ++p) {
      if (p < text.size() && !separator(p)) continue;
      // A part of fewer bytes than the minima together has fewer letters: no point to ask.
      const std::string_view part_text = std::string_view(text).substr(part, p - part);
      if (hyph_ != nullptr && p - part >= static_cast<size_t>(kLeftMin + kRightMin)) {
        const bool name = !opt_.hyphenate_capitalised && !sentence_start_ && capitalised(part_text);
        hyph_->points(part_text, points_);
        for (size_t h : points_) kind[part + h] = name ? BreakKind::name_hyphen : BreakKind::hyphen;
      }
      if (p > 0 && p + 1 < text.size() && !separator(p - 1) && !separator(p + 1)) {
        size_t next = p + 1;
        while (next < text.size() && !separator(next)) ++next;
        if (text[p] == '-')
          kind[p + 1] = BreakKind::explicit_hyphen;
        else if (p - part >= 2 && next - (p + 1) >= 2)
          kind[p + 1] = BreakKind::slash;
      }
      part = p + 1;
    }

    size_t piece = 0;
    for (size_t p = 1; p <= text.size(); ++p) {
      if (p < text.size() && (kind[p] == BreakKind::none || !boundary[p])) continue;
      add_piece(word, frag_start, piece, p);
      piece = p;
      if (p == text.size()) break;
      const size_t fi =
          std::upper_bound(frag_start.begin(), frag_start.end(), p - 1) - frag_start.begin() - 1;
      add_break(kind[p], word[fi].span);
    }
    frag_store_.insert(frag_store_.end(), word.begin(), word.end());
    last_span_ = word.back().span;
    sentence_start_ = ends_sentence(text);
  }

  /// Boxes for the word bytes [a, b), one per fragment it touches.
  void add_piece(const std::vector<Fragment>& word, const std::vector<size_t>& frag_start, size_t a,
                 size_t b) {
    for (size_t fi = 0; fi < word.size(); ++fi) {
      const size_t fs = frag_start[fi], fe = fs + word[fi].len;
      const size_t lo = std::max(a, fs), hi = std::min(b, fe);
      if (lo >= hi) continue;
      Content c{Content::Kind::piece, word[fi].span, frag_store_.size() + fi,
                static_cast<uint32_t>(lo - fs), static_cast<uint32_t>(hi - fs)};
      const auto& glyphs = word[fi].shaped->glyphs;
      int64_t units = 0;
      c.g_begin = static_cast<uint32_t>(glyphs.size());
      for (size_t g = 0; g < glyphs.size(); ++g) {
        if (glyphs[g].cluster < c.begin || glyphs[g].cluster >= c.end) continue;
        c.g_begin = std::min(c.g_begin, static_cast<uint32_t>(g));
        c.g_end = static_cast<uint32_t>(g + 1);
        units += glyphs[g].advance;
      }
      if (c.g_begin > c.g_end) c.g_begin = c.g_end;
      c.word_end = hi == frag_start.back() + word.back().len;
      BreakItem box{BreakItem::Kind::box, pt(word[fi].span, units).v};
      if (opt_.align == Align::justify) {
        // Its letter gaps, and the one to the next piece of the word (lost only when the
        // line ends between the two, at a hyphen).
        const double gaps = letter_gaps(*word[fi].shaped, c.g_begin, c.g_end) + !c.word_end;
        const double em = spans_[word[fi].span].size.v;
        box.stretch = gaps * kLetterStretchEm * em;
        box.shrink = gaps * kLetterShrinkEm * em;
      }
      items_.push_back(box);
      content_.push_back(c);
    }
  }

  /// A break between two pieces of a word. The line ending there loses the letter gap the
  /// piece before it counted (add_piece).
  void add_break(BreakKind kind, size_t span) {
    const bool justify = opt_.align == Align::justify;
    const double em = justify ? spans_[span].size.v : 0;
    const double lost_stretch = -kLetterStretchEm * em, lost_shrink = -kLetterShrinkEm * em;
    switch (kind) {
      case BreakKind::hyphen:
      case BreakKind::name_hyphen:
        // Ragged lines get no stretch here: they are not hyphenated unless a word is wider
        // than the line (emergency breaks), as before slashes were breakable.
        items_.push_back({BreakItem::Kind::penalty, hyphen_width(span).v, lost_stretch,
                          lost_shrink,
                          kind == BreakKind::hyphen ? kHyphenPenalty : kNameHyphenPenalty, true});
        content_.push_back({Content::Kind::hyphen, span});
        break;
      case BreakKind::explicit_hyphen:
        word_break({BreakItem::Kind::penalty, 0, lost_stretch, lost_shrink, kHyphenPenalty, true},
                   {}, span);
        break;
      case BreakKind::slash:  // TeX's \slash: a plain, unflagged penalty
        word_break({BreakItem::Kind::penalty, 0, lost_stretch, lost_shrink, kHyphenPenalty}, {},
                   span);
        break;
      case BreakKind::emergency: {
        // Ragged break: the line ending here may stop short without stretching its spaces.
        const double s = min_width_;
        items_.push_back({BreakItem::Kind::penalty, 0, 0, 0, 10000});
        content_.push_back({});
        items_.push_back({BreakItem::Kind::glue, 0, s, 0});
        content_.push_back({});
        items_.push_back(
            {BreakItem::Kind::penalty, 0, lost_stretch, lost_shrink, kEmergencyPenalty});
        content_.push_back({});
        items_.push_back({BreakItem::Kind::glue, 0, -s, 0});
        content_.push_back({});
        break;
      }
      case BreakKind::none:
        break;
    }
  }

  /// A break after a hyphen or slash written in a word. Ragged lines get the stretch a space
  /// offers them (add_space), so a ragged line may end there too ("Desa/" in a table cell),
  /// not only at an emergency break in the middle of a letter run.
  void word_break(BreakItem penalty, Content content, size_t span) {
    const bool ragged = opt_.align != Align::justify;
    const double s = kRaggedStretchEm * spans_[span].size.v;
    if (ragged) {
      items_.push_back({BreakItem::Kind::penalty, 0, 0, 0, 10000});  // no break at the glue
      content_.push_back({});
      items_.push_back({BreakItem::Kind::glue, 0, s, 0});
      content_.push_back({});
    }
    items_.push_back(penalty);
    content_.push_back(content);
    if (ragged) {
      items_.push_back({BreakItem::Kind::glue, 0, -s, 0});
      content_.push_back({});
    }
  }

  Pt hyphen_width(size_t span) const { return pt(span, style_[span].hyphen->advance); }

  /// Places the items of one line: glyph runs merged per style, justified spaces, the
  /// hyphen of a hyphenated break, underlines and link rectangles.
  SetLine set_line(size_t index, size_t start, const LineBreak& br) {
    SetLine line;
    const size_t end = br.item;
    const BreakItem& brk = items_[end];
    const bool forced = brk.kind == BreakItem::Kind::penalty && brk.penalty <= -10000;
    const double avail = opt_.line_widths[std::min(index, opt_.line_widths.size() - 1)].v;
    double natural = 0, stretch = 0, shrink = 0;
    size_t glyphs = 1, bytes = 1;  // an upper bound for the line (the 1: a final hyphen)
    const bool justify = opt_.align == Align::justify;
    // Letter gaps of the piece at item i on this line: inside it, and after it when the word
    // goes on in the line.
    auto trailing_gap = [&](size_t i) {
      if (content_[i].word_end) return false;
      for (size_t j = i + 1; j < end; ++j)
        if (items_[j].kind == BreakItem::Kind::box) return true;
      return false;
    };
    auto gaps_of = [&](size_t i) {
      const Content& c = content_[i];
      return letter_gaps(*frag_store_[c.frag].shaped, c.g_begin, c.g_end) + trailing_gap(i);
    };
    for (size_t i = start; i < end; ++i) {
      const auto& it = items_[i];
      const auto& c = content_[i];
      if (c.kind == Content::Kind::piece) {
        glyphs += c.g_end - c.g_begin;
        bytes += c.end - c.begin;
        if (justify) {
          const double em = spans_[c.span].size.v * gaps_of(i);
          stretch += kLetterStretchEm * em;
          shrink += kLetterShrinkEm * em;
        }
      } else if (c.kind == Content::Kind::space) {
        glyphs += style_[c.span].space->glyphs.size();
        bytes += 1;
      }
      if (it.kind == BreakItem::Kind::penalty) continue;
      natural += it.width;
      if (it.kind == BreakItem::Kind::glue && it.stretch != kFil) {
        stretch += it.stretch;
        shrink += it.shrink;
      }
    }
    if (brk.kind == BreakItem::Kind::penalty) natural += brk.width;
    // Applied to glue in this line. A paragraph's last line is not stretched (the final fil
    // glue takes up the rest) but is shrunk like any other when the breaker chose it shrunk:
    // set at its natural width it would run into the margin.
    double ratio = 0;
    if (justify) {
      if (natural < avail && stretch > 0 && !forced) ratio = (avail - natural) / stretch;
      if (natural > avail && shrink > 0) ratio = std::max(-1.0, (avail - natural) / shrink);
    }
    auto glue_width = [&](const BreakItem& it) {
      if (it.stretch == kFil) return it.width;
      return it.width + (ratio >= 0 ? ratio * it.stretch : ratio * it.shrink);
    };
    // Added to each letter gap of a span of size `em`.
    auto letter_space = [&](double em) {
      return justify ? em * (ratio >= 0 ? ratio * kLetterStretchEm : ratio * kLetterShrinkEm) : 0;
    };
    double width = 0;
    double space_factor = 1;
    for (size_t i = start; i < end; ++i) {
      const auto& it = items_[i];
      if (it.kind != BreakItem::Kind::penalty)
        width += it.kind == BreakItem::Kind::glue ? glue_width(it) : it.width;
      if (content_[i].kind == Content::Kind::piece)
        width += gaps_of(i) * letter_space(spans_[content_[i].span].size.v);
      if (it.kind == BreakItem::Kind::glue && it.width > 0 && it.stretch != kFil)
        space_factor = std::max(space_factor, glue_width(it) / it.width);
    }
    if (brk.kind == BreakItem::Kind::penalty) width += brk.width;
    double x = 0;
    if (opt_.align == Align::right) x = std::max(0.0, avail - width);
    if (opt_.align == Align::center) x = std::max(0.0, (avail - width) / 2);

    frame::GlyphRun* run = nullptr;
    // `extra` widens the first glyph (a justified space); `letter` is added before each new
    // cluster and, when `trailing`, after the last glyph.
    auto place = [&](size_t span, std::string_view text, const ShapedText& shaped, uint32_t tb,
                     uint32_t te, uint32_t gb, uint32_t ge, double extra, double letter,
                     bool trailing) {
      const Span& sp = spans_[span];
      const FontFile* file = &font_of(span).file();
      if (run == nullptr || run->font != file || run->size != sp.size || run->color != sp.color) {
        run = &line.runs.emplace_back();
        run->glyphs.reserve(glyphs);  // one allocation for the whole line, not log2(n)
        run->text.reserve(bytes);
        run->font = file;
        run->size = sp.size;
        run->origin = Point{Pt(x), Pt(0)};
        run->color = sp.color;
      }
      const auto base = static_cast<uint32_t>(run->text.size());
      run->text.append(text.substr(tb, te - tb));
      const double x0 = x;
      for (uint32_t g = gb; g < ge; ++g) {
        const auto& sg = shaped.glyphs[g];
        frame::Glyph fg;
        fg.gid = sg.gid;
        fg.advance = pt(span, sg.advance);
        if (g == gb) fg.advance += Pt(extra);
        if (g + 1 < ge ? shaped.glyphs[g + 1].cluster != sg.cluster : trailing)
          fg.advance += Pt(letter);
        fg.x_offset = pt(span, sg.x_offset);
        fg.y_offset = -pt(span, sg.y_offset);  // HarfBuzz y grows upwards, frames downwards
        const bool continues = g > gb && shaped.glyphs[g - 1].cluster == sg.cluster;
        uint32_t cend = te;
        for (uint32_t n = g + 1; n < ge; ++n) {
          if (shaped.glyphs[n].cluster != sg.cluster) {
            cend = shaped.glyphs[n].cluster;
            break;
          }
        }
        fg.cluster_begin = base + (sg.cluster - tb);
        fg.cluster_end = continues ? fg.cluster_begin : base + (cend - tb);
        x += fg.advance.v;
        run->glyphs.push_back(fg);
      }
      note_extent(line, span, x0, x);
    };

    for (size_t i = start; i < end; ++i) {
      const auto& it = items_[i];
      const auto& c = content_[i];
      if (c.kind == Content::Kind::piece) {
        const Fragment& f = frag_store_[c.frag];
        place(c.span, spans_[c.span].text.substr(f.offset, f.len), *f.shaped, c.begin, c.end,
              c.g_begin, c.g_end, 0, letter_space(spans_[c.span].size.v), trailing_gap(i));
      } else if (c.kind == Content::Kind::space) {
        const ShapedText& sp = *style_[c.span].space;
        place(c.span, " ", sp, 0, 1, 0, static_cast<uint32_t>(sp.glyphs.size()),
              glue_width(it) - it.width, 0, false);
      } else if (it.kind != BreakItem::Kind::penalty) {
        const double w = it.kind == BreakItem::Kind::glue ? glue_width(it) : it.width;
        if (w != 0) run = nullptr;  // a gap: following glyphs need a new origin
        x += w;
      }
    }
    if (content_[end].kind == Content::Kind::hyphen) {
      const ShapedText& h = *style_[content_[end].span].hyphen;
      place(content_[end].span, "-", h, 0, 1, 0, static_cast<uint32_t>(h.glyphs.size()), 0, 0,
            false);
    }
    line.ends_with_hyphen = brk.kind == BreakItem::Kind::penalty && brk.flagged;
    line.breaks_word = brk.kind == BreakItem::Kind::penalty && brk.penalty == kEmergencyPenalty;
    line.natural_width = Pt(width);
    line.ratio = br.ratio;
    line.space_factor = space_factor;
    line.overfull = br.overfull;
    if (line.runs.empty()) {  // defensive: breaking never yields empty lines
      const size_t span =
          content_[end].kind == Content::Kind::forced ? content_[end].span : last_span_;
      line.ascent = style_[span].ascent;
      line.descent = style_[span].descent;
    }
    return line;
  }

  /// Records the horizontal extent [x0, x1) of content from `span`, for underlines, links
  /// and the line's ascent and descent.
  void note_extent(SetLine& line, size_t span, double x0, double x1) {
    const Span& sp = spans_[span];
    const Font& f = font_of(span);
    line.ascent = max(line.ascent, style_[span].ascent);
    line.descent = max(line.descent, style_[span].descent);
    if (sp.underline) {
      const Pt y = f.underline_position(sp.size);
      const Pt w = f.underline_thickness(sp.size);
      auto& u = line.underlines;
      if (!u.empty() && u.back().to.x.v == x0 && u.back().to.y == y && u.back().width == w &&
          u.back().color == sp.color) {
        u.back().to.x = Pt(x1);
      } else {
        u.push_back({Point{Pt(x0), y}, Point{Pt(x1), y}, w, sp.color});
      }
    }
    if (!sp.link.empty()) {
      const Pt top = -style_[span].ascent;
      const Pt bottom = style_[span].descent;
      auto& l = line.links;
      if (!l.empty() && l.back().target == sp.link && l.back().rect.right().v == x0) {
        Rect& r = l.back().rect;
        const Pt y0 = min(r.y, top), y1 = max(r.bottom(), bottom);
        r = Rect{r.x, y0, Pt(x1) - r.x, y1 - y0};
      } else {
        l.push_back({Rect{Pt(x0), top, Pt(x1 - x0), bottom - top}, sp.link});
      }
    }
  }

  const std::vector<Span>& spans_;
  const ParagraphOptions& opt_;
  const Hyphenator* hyph_;
  double min_width_ = 0;
  // Parts of the thread's Scratch (see there).
  std::vector<SpanStyle>& style_;
  std::vector<BreakItem>& items_;
  std::vector<Content>& content_;
  std::vector<Fragment>& frag_store_;
  std::vector<Fragment>& word_;
  std::string& text_;
  std::vector<size_t>& frag_start_;
  std::vector<bool>& boundary_;
  std::vector<BreakKind>& kind_;
  std::vector<size_t>& points_;
  bool has_content_ = false;
  bool sentence_start_ = true;  // the next word opens a sentence
  bool pending_newline_ = false;
  size_t newline_span_ = 0;
  size_t last_span_ = 0;
};

}  // namespace

ComposedParagraph compose_paragraph(const std::vector<Span>& spans, const ParagraphOptions& options,
                                    const Hyphenator* hyphenator) {
  thread_local Scratch scratch;
  return Composer(spans, options, hyphenator, scratch).run();
}

}  // namespace lkjip::text
