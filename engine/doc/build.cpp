#include "doc/build.h"

#include <map>

#include "compute/format.h"
#include "doc/figures.h"
#include "doc/markup.h"
#include "doc/numbering.h"
#include "doc/signature.h"
#include "doc/tables.h"
#include "doc/text_util.h"

namespace lkjip::doc {

namespace {

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
int64_t days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

/// The front-matter sections: anchor and title.
struct FrontPart {
  const char* anchor;
  const char* title;
};
constexpr FrontPart kForeword{"kata-pengantar", "KATA PENGANTAR"};
constexpr FrontPart kContents{"daftar-isi", "DAFTAR ISI"};
constexpr FrontPart kTables{"daftar-tabel", "DAFTAR TABEL"};
constexpr FrontPart kFigures{"daftar-gambar", "DAFTAR GAMBAR"};
constexpr FrontPart kReview{"pernyataan-reviu", ""};  // titles from the description
constexpr FrontPart kSummary{"ringkasan-eksekutif", ""};

/// The label line of appendix `n` (1-based) above its title, and the chapter part of its
/// caption labels ("Tabel L1.1"): a Lampiran is no BAB (PermenPANRB 53/2014: after BAB IV).
std::string appendix_label(int n) { return "LAMPIRAN " + std::to_string(n); }
std::string appendix_caption_chapter(int n) { return "L" + std::to_string(n); }

class Builder {
 public:
  Builder(const report::Report& r, const compute::ComputedTables& c,
          const report::LayoutStyle& style, DiagnosticSink& sink)
      : r_(r), c_(c), style_(style), sink_(sink) {}

  std::optional<Document> run() {
    const size_t errors_before = sink_.error_count();
    reserve_anchors();
    number_captions();
    Document doc;
    doc.front = front();
    doc.body = body();
    doc.cover = cover();
    doc.info = info();
    doc.running_header =
        expand(style_.header_text,
               {{"unit", r_.unit},
                {"region", r_.region},
                {"year", std::to_string(r_.year)},
                {"title", r_.title}});
    if (r_.status == report::Status::draft) doc.draft_mark = style_.draft_mark;
    if (sink_.error_count() > errors_before) return std::nullopt;
    return doc;
  }

 private:
  const report::Report& r_;
  const compute::ComputedTables& c_;
  const report::LayoutStyle& style_;
  DiagnosticSink& sink_;
  AnchorSet anchors_;
  std::map<std::string, CrossRef> refs_;  // placed tables, figures and charts by id (first)
  /// Every placement by the location of its id: a table placed again (BAB IV repeating the
  /// measurement table of BAB III) gets its own number and anchor.
  std::map<std::pair<int, int>, CrossRef> placements_;
  int table_count_ = 0, figure_count_ = 0;

  /// The structural anchors are taken first, so a heading id cannot steal one of them.
  void reserve_anchors() {
    for (const FrontPart& p : {kForeword, kContents, kTables, kFigures, kReview, kSummary})
      anchors_.claim(p.anchor);
    for (size_t i = 0; i < r_.chapters.size(); ++i) anchors_.claim(chapter_anchor(i));
    for (size_t i = 0; i < r_.appendices.size(); ++i) anchors_.claim(appendix_anchor(i));
  }

  static std::string chapter_anchor(size_t index) { return "bab" + std::to_string(index + 1); }
  static std::string appendix_anchor(size_t index) {
    return "lampiran" + std::to_string(index + 1);
  }

  /// Chapters, then appendices: the parts whose bodies may place tables and figures. `number`
  /// is the part's counter (chapter n, or the number after the chapters for heading anchors).
  struct Part {
    const report::Chapter* source;
    int number;
    std::string caption_chapter;  // "3" in "Tabel 3.1", "L1" in "Tabel L1.1"
  };
  std::vector<Part> parts() const {
    std::vector<Part> out;
    for (size_t i = 0; i < r_.chapters.size(); ++i)
      out.push_back({&r_.chapters[i], static_cast<int>(i) + 1, std::to_string(i + 1)});
    for (size_t i = 0; i < r_.appendices.size(); ++i)
      out.push_back({&r_.appendices[i], static_cast<int>(r_.chapters.size() + i) + 1,
                     appendix_caption_chapter(static_cast<int>(i) + 1)});
    return out;
  }

  std::string place_date() const { return r_.place + ", " + compute::format_date(r_.date); }

  /// Numbers every placed table and figure before any text is parsed, so {ref:id} can point
  /// forward. Labels run per chapter in document order.
  void number_captions() {
    for (const Part& part : parts()) {
      int tables = 0, figures = 0;
      const report::Narrative& body = part.source->body;
      for (const BlockLine& b : scan_block_lines(body.text, {body.first_line, true})) {
        if (b.kind == BlockLine::Kind::signature || b.kind == BlockLine::Kind::pagebreak) continue;
        const BlockLine::Arg& arg = b.args.at(0);
        const bool table = b.kind == BlockLine::Kind::table;
        CrossRef ref;
        ref.label = caption_label(table ? style_.table_label : style_.figure_label,
                                  part.caption_chapter, table ? ++tables : ++figures);
        // Record ids are unique and have no '-', so "tabel-<id>" and its repeats
        // "tabel-<id>-2", "-3" … are free.
        ref.anchor = (table ? "tabel-" : "gambar-") + arg.id;
        for (int n = 2; !anchors_.claim(ref.anchor); ++n)
          ref.anchor = (table ? "tabel-" : "gambar-") + arg.id + "-" + std::to_string(n);
        refs_.try_emplace(arg.id, ref);
        placements_[{arg.loc.line, arg.loc.column}] = ref;
      }
      table_count_ += tables;
      figure_count_ += figures;
    }
  }

  MarkupEnv markup_env() const {
    MarkupEnv env;
    env.values = &c_.refs;
    env.refs = &refs_;
    env.align = style_.body_align;
    return env;
  }

  std::vector<Chapter> body() {
    std::vector<Chapter> chapters;
    for (const Part& part : parts()) {
      const report::Chapter& rc = *part.source;
      const int n = part.number;
      const size_t i = static_cast<size_t>(n - 1);
      const bool appendix = i >= r_.chapters.size();
      Chapter ch;
      ch.anchor = appendix ? appendix_anchor(i - r_.chapters.size()) : chapter_anchor(i);
      ch.label = appendix ? appendix_label(static_cast<int>(i - r_.chapters.size()) + 1)
                          : chapter_label(style_, n);
      ch.title = rc.title;
      HeadingNumbering headings(style_, n, anchors_);
      MarkupEnv env = markup_env();
      env.headings = &headings;
      env.place = [this](const BlockLine& b, Blocks& out) { place(b, out, true); };
      ch.blocks = parse_narrative(rc.body.text, {rc.body.first_line, true}, env, sink_);
      chapters.push_back(std::move(ch));
    }
    return chapters;
  }

  std::vector<Chapter> front() {
    std::vector<Chapter> front;
    auto add = [&](const FrontPart& part) -> Chapter& {
      Chapter ch;
      ch.anchor = part.anchor;
      ch.title = part.title;
      front.push_back(std::move(ch));
      return front.back();
    };
    if (r_.foreword) {
      Chapter& kp = add(kForeword);
      kp.blocks = front_narrative(*r_.foreword);
      if (const report::Signatory* s = r_.find_signatory(r_.signatory))
        kp.blocks.push_back({signature_block({s}, place_date())});
    }
    // The reviewer's statement and the executive summary follow the Kata Pengantar (whose
    // signature stays under it), before the lists; each on its own page, in the Daftar Isi.
    if (r_.review) {
      Chapter& rv = add({kReview.anchor, r_.review->section.title.c_str()});
      rv.blocks = front_narrative(r_.review->section.body);
      if (const report::Signatory* s = r_.find_signatory(r_.review->signatory))
        rv.blocks.push_back({signature_block({s}, place_date())});
    }
    if (r_.summary) add({kSummary.anchor, r_.summary->title.c_str()}).blocks =
        front_narrative(r_.summary->body);
    add(kContents).blocks.push_back({ListOf{ListOf::Kind::contents}});
    if (table_count_ > 0) add(kTables).blocks.push_back({ListOf{ListOf::Kind::tables}});
    if (figure_count_ > 0) add(kFigures).blocks.push_back({ListOf{ListOf::Kind::figures}});
    return front;
  }

  /// The blocks of a front-matter narrative: text, signatures and page breaks, no captions.
  Blocks front_narrative(const report::Narrative& n) {
    MarkupEnv env = markup_env();
    env.place = [this](const BlockLine& b, Blocks& out) { place(b, out, false); };
    return parse_narrative(n.text, {n.first_line, true}, env, sink_);
  }

  /// Builds the block a block line stands for. Tables and figures are numbered per chapter,
  /// so outside a chapter (the foreword) only signatures and page breaks may be placed.
  void place(const BlockLine& b, Blocks& out, bool in_chapter) {
    switch (b.kind) {
      case BlockLine::Kind::pagebreak:
        out.push_back({PageBreak{}});
        return;
      case BlockLine::Kind::signature:
        signature(b, out);
        return;
      default:
        break;
    }
    if (!in_chapter) {
      sink_.error(b.loc, "tables and figures are numbered per chapter and cannot be placed here",
                  {"place it in a [[chapter]] or [[appendix]] body"});
      return;
    }
    const BlockLine::Arg& arg = b.args.at(0);
    auto ref = placements_.find({arg.loc.line, arg.loc.column});
    if (ref == placements_.end()) internal_error("caption pre-pass missed '" + arg.id + "'");
    if (b.kind == BlockLine::Kind::table) {
      table(arg, ref->second, b.loc, out);
    } else {
      figure(arg, ref->second, b.kind == BlockLine::Kind::chart, b.loc, out);
    }
  }

  void table(const BlockLine::Arg& arg, const CrossRef& ref, const SourceLoc& loc, Blocks& out) {
    MarkupEnv env = markup_env();
    TableEnv te{r_, c_, style_, env, sink_};
    std::optional<Table> t = make_table(arg.id, te);
    if (!t) {
      std::vector<std::string> ids = generated_table_names();
      for (const auto& x : r_.tables) ids.push_back(x.id);
      for (const auto& x : r_.components) ids.push_back(x.id);
      for (const auto& x : r_.surveys) ids.push_back(x.id);
      auto hints = suggestion_hints(arg.id, ids, sink_);
      hints.push_back(
          "@table names a [[table]], [[components]] or [[survey]] id or a generated "
          "table (input/SCHEMA.md)");
      sink_.error(arg.loc, "unknown table '" + arg.id + "'", std::move(hints));
      return;
    }
    t->label = ref.label;
    t->anchor = ref.anchor;
    t->loc = loc;
    out.push_back({std::move(*t)});
  }

  void figure(const BlockLine::Arg& arg, const CrossRef& ref, bool chart, const SourceLoc& loc,
              Blocks& out) {
    Figure f;
    f.label = ref.label;
    f.anchor = ref.anchor;
    f.loc = loc;
    MarkupEnv env = markup_env();
    std::vector<std::string> ids;
    if (chart) {
      for (const report::Chart& spec : r_.charts) {
        ids.push_back(spec.id);
        if (spec.id != arg.id) continue;
        f.kind = Figure::Kind::chart;
        f.caption = parse_inline_text(spec.caption, {spec.loc, false}, env, sink_);
        f.chart = make_chart(spec, c_, f.label, sink_);
        out.push_back({std::move(f)});
        return;
      }
    } else {
      for (const report::Figure& spec : r_.figures) {
        ids.push_back(spec.id);
        if (spec.id != arg.id) continue;
        f.caption = parse_inline_text(spec.caption, {spec.loc, false}, env, sink_);
        if (spec.width_mm) f.width = mm(*spec.width_mm);
        if (spec.orgchart) {
          f.kind = Figure::Kind::orgchart;
          f.org = org_nodes(r_);
          if (f.org.empty())
            sink_.error(spec.loc, "the organisation chart '" + spec.id + "' has no units",
                        {"describe the units with [[organisation]] records"});
        } else {
          f.kind = Figure::Kind::image;
          f.image = read_image(spec.image_path, spec.image_loc, sink_);
        }
        out.push_back({std::move(f)});
        return;
      }
    }
    auto hints = suggestion_hints(arg.id, ids, sink_);
    hints.push_back(chart ? "@chart names a [[chart]] id" : "@figure names a [[figure]] id");
    sink_.error(arg.loc,
                std::string("unknown ") + (chart ? "chart" : "figure") + " '" + arg.id + "'",
                std::move(hints));
  }

  void signature(const BlockLine& b, Blocks& out) {
    std::vector<const report::Signatory*> parties;
    for (const BlockLine::Arg& arg : b.args) {
      const report::Signatory* s = r_.find_signatory(arg.id);
      if (!s) {
        std::vector<std::string> ids;
        for (const auto& x : r_.signatories) ids.push_back(x.id);
        sink_.error(arg.loc, "unknown signatory '" + arg.id + "'", suggestion_hints(arg.id, ids, sink_));
        return;
      }
      parties.push_back(s);
    }
    out.push_back({signature_block(parties, place_date())});
  }

  Cover cover() {
    Cover cv;
    cv.title = r_.title;
    cv.year_line = "TAHUN " + std::to_string(r_.year);
    cv.unit = upper(r_.unit);
    cv.region = upper(r_.region);
    if (!r_.logo_path.empty()) cv.logo = read_image(r_.logo_path, r_.logo_loc, sink_);
    return cv;
  }

  frame::DocumentInfo info() const {
    frame::DocumentInfo in;
    const std::string year = std::to_string(r_.year);
    in.title = "LKjIP " + r_.unit + " Tahun " + year;
    in.author = r_.unit;
    in.subject = r_.title + " " + r_.unit + " " + r_.region + " Tahun " + year;
    in.keywords = "LKjIP, SAKIP, laporan kinerja, " + r_.unit + ", " + r_.region + ", " + year;
    in.lang = "id-ID";
    in.epoch = days_from_civil(r_.date.year, r_.date.month, r_.date.day) * 86400;
    return in;
  }
};

/// Calls `f` on every signing party of the document, front matter first.
template <class F>
void for_each_party(Document& d, F f) {
  for (auto* chapters : {&d.front, &d.body})
    for (auto& c : *chapters)
      for (auto& b : c.blocks)
        if (auto* s = std::get_if<Signature>(&b.v))
          for (auto& p : s->parties) f(p);
}

/// PDF field names must be unique: when one signatory signs several blocks (the Kata
/// Pengantar and the closing), the later fields get "_2", "_3", … appended. A draft is not
/// signed: it makes no field at all (the blocks keep their room).
void name_signature_fields(Document& d, report::Status status) {
  std::map<std::string, int> seen;
  for_each_party(d, [&](SignatureParty& p) {
    if (status == report::Status::draft)
      p.field.clear();
    else if (const int n = ++seen[p.field]; n > 1)
      p.field += '_' + std::to_string(n);
  });
}

}  // namespace

std::optional<Document> build(const report::Report& r, const compute::ComputedTables& c,
                              const report::LayoutStyle& style, DiagnosticSink& sink) {
  auto d = Builder(r, c, style, sink).run();
  if (d) name_signature_fields(*d, r.status);
  return d;
}

}  // namespace lkjip::doc
