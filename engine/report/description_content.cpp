// The description reader: the content records (components, surveys, tables, figures, charts,
// captions, foreword, chapters).
#include "report/description_reader.h"

#include <algorithm>
#include <cmath>

#include "report/checks.h"
#include "report/keys.h"

namespace lkjip::report::detail {

void DescriptionReader::read_components(const toml::table& t) {
  Fields f(ctx_, t, "[[components]]", keys_of("components"));
  Components c;
  c.id = f.id();
  c.loc = f.loc();
  define(c.id, "components table", f.loc("id"));
  c.caption = f.text("caption", true).value_or("");
  if (auto m = f.choice("mode", {"score", "weighted"}))
    c.mode = *m == "weighted" ? Components::Mode::weighted : Components::Mode::score;
  c.item_header = f.text("item_header").value_or(c.item_header);
  c.value_header = f.text("value_header").value_or(c.value_header);
  c.source = f.text("source").value_or("");
  c.realisasi_of = ref_text(f, "realisasi_of", "iku");
  c.realisasi_of_loc = f.loc("realisasi_of");
  for (const auto* it : entries(f, "items", "components.items", true)) {
    Fields itf(ctx_, *it, "an item of [[components]]", keys_of("components.items"));
    ComponentItem item;
    item.name = itf.text("name", true).value_or("");
    auto weight = itf.number("weight", true);
    item.value = itf.number("value", true).value_or(0);
    item.note = itf.text("note").value_or("");
    if (weight) {
      item.weight = *weight;
      if (*weight < 0 || (*weight == 0 && c.mode == Components::Mode::score))
        ctx_.error(itf.loc("weight"), "`weight` must be > 0, found " + format_plain(*weight),
                   {"in mode \"score\" capaian = value / weight × 100"});
    }
    itf.finish();
    c.items.push_back(std::move(item));
  }
  c.stated = read_stated(f, "components");
  f.finish();
  r_.components.push_back(std::move(c));
}

void DescriptionReader::read_survey(const toml::table& t) {
  Fields f(ctx_, t, "[[survey]]", keys_of("survey"));
  Survey s;
  s.id = f.id();
  s.loc = f.loc();
  define(s.id, "survey", f.loc("id"));
  s.caption = f.text("caption", true).value_or("");
  s.item_header = f.text("item_header").value_or(s.item_header);
  s.value_header = f.text("value_header").value_or(s.value_header);
  s.scale = ref_text(f, "scale", "scale");
  s.source = f.text("source").value_or("");
  for (const auto* it : entries(f, "items", "survey.items", true)) {
    Fields itf(ctx_, *it, "an item of [[survey]]", keys_of("survey.items"));
    SurveyItem item;
    item.name = itf.text("name", true).value_or("");
    item.value = itf.number("value", true).value_or(0);
    itf.finish();
    s.items.push_back(std::move(item));
  }
  s.stated = read_stated(f, "survey");
  f.finish();
  r_.surveys.push_back(std::move(s));
}

bool DescriptionReader::numeric(Column::Kind k) {
  return k != Column::Kind::text && k != Column::Kind::rownum;
}

std::optional<Cell> DescriptionReader::read_cell(const toml::node& n, const Column& col,
                                                 const std::string& what) {
  Cell cell;
  if (!numeric(col.kind)) {
    auto text = as_text(ctx_, n, what, kMaxCell);
    if (!text) return std::nullopt;
    cell.text = *text;
    return cell;
  }
  if (const auto* s = n.as_string()) {
    if (s->get().empty() || s->get() == "-") {
      cell.text = s->get();
      return cell;
    }
    std::string error;
    auto qty = parse_quantity_text(s->get(), error);
    std::vector<std::string> hints = {"column \"" + col.title +
                                      "\" holds numbers; write "
                                      "\"-\" for no data"};
    if (qty)
      hints.insert(hints.begin(), "write the number without quotes: " + format_plain(qty->value));
    ctx_.error(ctx_.at(n), what + ": expected a number, found text \"" + s->get() + "\"", hints);
    return std::nullopt;
  }
  bool whole = col.kind == Column::Kind::integer || col.kind == Column::Kind::money;
  if (whole && !n.is_integer()) {
    ctx_.error(ctx_.at(n), what + ": expected an integer, found " + type_name(n),
               {"column \"" + col.title + "\" holds whole numbers"});
    return std::nullopt;
  }
  auto v = as_number(ctx_, n, what);
  if (!v) return std::nullopt;
  // Money is printed from int64 rupiah: 5000 rows of at most 10^15 keep the total in range.
  if (col.kind == Column::Kind::money && std::abs(*v) > static_cast<double>(kMaxMoney)) {
    ctx_.error(ctx_.at(n), what + " is beyond the limit of 10^15 rupiah (either sign)",
               {"amounts are whole rupiah without separators; look for extra digits"});
    return std::nullopt;
  }
  cell.number = *v;
  cell.is_number = true;
  return cell;
}

void DescriptionReader::read_table(const toml::table& t) {
  Fields f(ctx_, t, "[[table]]", keys_of("table"));
  FreeTable tab;
  tab.id = f.id();
  tab.loc = f.loc();
  define(tab.id, "table", f.loc("id"));
  tab.caption = f.text("caption", true).value_or("");
  tab.source = f.text("source").value_or("");
  auto columns = entries(f, "columns", "table.columns", true);
  if (columns.size() > kMaxColumns)
    ctx_.error(f.loc("columns"), "table has " + std::to_string(columns.size()) +
                                     " columns, more than the limit of " +
                                     std::to_string(kMaxColumns));
  bool columns_ok = columns.size() <= kMaxColumns;
  std::vector<std::pair<std::size_t, SourceLoc>> ratio_locs;  // computed columns and where
  for (const auto* c : columns) {
    Fields cf(ctx_, *c, "a column of [[table]]", keys_of("table.columns"));
    Column col;
    col.title = cf.text("title", true).value_or("");
    static const std::vector<std::string> kinds = {"rownum", "text",  "integer",
                                                   "number", "money", "percent"};
    if (auto k = cf.choice("kind", kinds)) {
      col.kind =
          static_cast<Column::Kind>(std::find(kinds.begin(), kinds.end(), *k) - kinds.begin());
    } else if (cf.has("kind")) {
      columns_ok = false;
    }
    if (auto total = cf.choice("total", {"sum", "average"})) {
      col.total = *total == "sum" ? Column::Total::sum : Column::Total::average;
      if (!numeric(col.kind))
        ctx_.error(cf.loc("total"), "column \"" + col.title + "\" cannot have a total",
                   {"only integer, number, money and percent columns are totalled"});
    }
    if (const auto* ratio = cf.array("ratio")) {
      ratio_locs.emplace_back(tab.columns.size(), cf.loc("ratio"));
      std::vector<std::size_t> of;
      for (size_t i = 0; i < ratio->size(); ++i) {
        const toml::node& n = *ratio->get(i);
        const auto v = n.value<int64_t>();
        if (!v || *v < 1 || *v > static_cast<int64_t>(kMaxColumns)) {
          ctx_.error(ctx_.at(n), "`ratio` names columns by their number from 1, found " +
                                     std::string(n.is_integer() ? "an integer out of range"
                                                                : type_name(n)));
          continue;
        }
        of.push_back(static_cast<std::size_t>(*v - 1));
      }
      if (of.size() == 2) {
        col.ratio = std::pair{of[0], of[1]};
      } else if (of.size() == ratio->size()) {
        ctx_.error(cf.loc("ratio"), "`ratio` takes two column numbers, found " +
                                        std::to_string(of.size()),
                   {"`ratio = [5, 3]`: each row's column 5 / column 3 × 100, printed as percent"});
      }
      if (col.ratio && cf.has("kind") && col.kind != Column::Kind::percent)
        ctx_.error(cf.loc("kind"), "a `ratio` column is a percent column",
                   {"leave `kind` out or write `kind = \"percent\"`"});
      if (col.ratio) col.kind = Column::Kind::percent;
      if (col.ratio && col.total != Column::Total::none)
        ctx_.error(cf.loc("total"), "a `ratio` column has no total",
                   {"a sum or mean of ratios is not the ratio of the sums; total the columns "
                    "it divides instead"});
      col.total = Column::Total::none;
    }
    if (const toml::node* st = cf.node("stated")) {
      if (!col.ratio && !cf.has("ratio"))
        ctx_.error(cf.loc("stated"), "only a `ratio` column has `stated` values",
                   {"printed totals go into the table's `stated = { total = [...] }`"});
      std::vector<const toml::node*> values{st};
      if (const auto* a = st->as_array()) {
        values.clear();
        for (size_t i = 0; i < a->size() && i < kMaxRecords; ++i) values.push_back(a->get(i));
      }
      for (const toml::node* v : values)
        if (auto x = as_number(ctx_, *v, "`stated` of column \"" + col.title + "\""))
          col.stated.push_back({*x, ctx_.at(*v)});
    }
    cf.finish();
    tab.columns.push_back(std::move(col));
  }
  // A ratio divides two numeric columns given in the rows.
  for (const auto& [index, loc] : ratio_locs) {
    const Column& col = tab.columns[index];
    if (!col.ratio) continue;
    for (std::size_t other : {col.ratio->first, col.ratio->second}) {
      if (other >= tab.columns.size() || !numeric(tab.columns[other].kind) ||
          tab.columns[other].computed()) {
        ctx_.error(loc, "`ratio` of column \"" + col.title + "\" names column " +
                            std::to_string(other + 1) + ", which is not a number column",
                   {"name two integer, number, money or percent columns the rows give, "
                    "counted from 1 (row-number columns included)"});
        tab.columns[index].ratio.reset();
        columns_ok = false;
        break;
      }
    }
  }
  std::vector<const Column*> data_columns;
  for (const auto& col : tab.columns)
    if (col.kind != Column::Kind::rownum && !col.computed()) data_columns.push_back(&col);
  if (const auto* rows = bounded_array(f, "rows", true)) {
    for (size_t i = 0; i < rows->size(); ++i) {
      const toml::node& rn = *rows->get(i);
      std::string row_name = "row " + std::to_string(i + 1);
      const auto* row = rn.as_array();
      if (!row) {
        ctx_.error(ctx_.at(rn), row_name + ": expected an array of cells, found " + type_name(rn));
        continue;
      }
      if (!columns_ok) continue;
      if (row->size() != data_columns.size()) {
        ctx_.error(ctx_.at(rn),
                   row_name + " has " + std::to_string(row->size()) + " cells, the table has " +
                       std::to_string(data_columns.size()) + " columns (besides row numbers and ratios)",
                   {"give one value per column; \"rownum\" and `ratio` columns are generated"});
        continue;
      }
      std::vector<Cell> cells;
      for (size_t c = 0; c < row->size(); ++c) {
        auto cell = read_cell(*row->get(c), *data_columns[c],
                              row_name + ", column \"" + data_columns[c]->title + "\"");
        cells.push_back(cell.value_or(Cell{}));
      }
      tab.rows.push_back(std::move(cells));
    }
  }
  tab.total_label = f.text("total_label").value_or(tab.total_label);
  tab.stated = read_stated(f, "table");
  if (const auto* widths = f.array("widths")) {
    for (size_t i = 0; i < widths->size(); ++i) {
      auto w = as_number(ctx_, *widths->get(i), "item " + std::to_string(i + 1) + " of `widths`");
      if (w && *w <= 0) ctx_.error(ctx_.at(*widths->get(i)), "column widths must be > 0");
      tab.widths.push_back(w.value_or(1));
    }
    if (widths->size() != tab.columns.size())
      ctx_.error(f.loc("widths"), "`widths` has " + std::to_string(widths->size()) +
                                      " entries, the table has " +
                                      std::to_string(tab.columns.size()) + " columns");
  }
  for (const Column& col : tab.columns)
    if (!col.stated.empty() && col.stated.size() != tab.rows.size())
      ctx_.error(col.stated.front().loc,
                 "`stated` of column \"" + col.title + "\" has " +
                     std::to_string(col.stated.size()) + " values, the table has " +
                     std::to_string(tab.rows.size()) + " rows",
                 {"give the printed value of every row, in row order"});
  size_t totalled = std::count_if(tab.columns.begin(), tab.columns.end(),
                                  [](const Column& c) { return c.total != Column::Total::none; });
  if (auto it = tab.stated.numbers.find("total"); it != tab.stated.numbers.end()) {
    if (it->second.size() != totalled)
      ctx_.error(it->second.front().loc,
                 "`stated.total` has " + std::to_string(it->second.size()) +
                     " values, the table has " + std::to_string(totalled) + " totalled columns",
                 {"give one stated total per column with `total = \"sum\"` or \"average\", "
                  "in column order"});
  }
  f.finish();
  r_.tables.push_back(std::move(tab));
}

void DescriptionReader::read_figure(const toml::table& t) {
  Fields f(ctx_, t, "[[figure]]", keys_of("figure"));
  Figure fig;
  fig.id = f.id();
  fig.loc = f.loc();
  define(fig.id, "figure", f.loc("id"));
  fig.caption = f.text("caption", true).value_or("");
  fig.orgchart = f.boolean("orgchart").value_or(false);
  fig.image_path = resolve_path(f, "image");
  fig.image_loc = f.loc("image");
  if (auto w = f.number("width")) {
    if (*w <= 0 || *w > kMaxFigureWidthMm)
      ctx_.error(f.loc("width"), "`width` must be between 0 and " +
                                     format_plain(kMaxFigureWidthMm) + " mm, found " +
                                     format_plain(*w));
    else
      fig.width_mm = *w;
  }
  if (fig.orgchart && f.has("image"))
    ctx_.error(f.loc(), "a [[figure]] is either `orgchart = true` or has an `image`, not both");
  else if (!fig.orgchart && !f.has("image"))
    ctx_.error(f.loc(), "a [[figure]] needs `image = \"…\"` or `orgchart = true`");
  f.finish();
  r_.figures.push_back(std::move(fig));
}

void DescriptionReader::read_chart(const toml::table& t) {
  Fields f(ctx_, t, "[[chart]]", keys_of("chart"));
  Chart c;
  c.id = f.id();
  c.loc = f.loc();
  define(c.id, "chart", f.loc("id"));
  if (auto k = f.choice("kind", {"target_realisasi", "trend", "serapan"}))
    c.kind = *k == "trend"     ? Chart::Kind::trend
             : *k == "serapan" ? Chart::Kind::serapan
                               : Chart::Kind::target_realisasi;
  c.caption = f.text("caption", true).value_or("");
  if (const auto* a = bounded_array(f, "iku")) {
    for (size_t i = 0; i < a->size(); ++i) {
      auto id = as_text(ctx_, *a->get(i), "item " + std::to_string(i + 1) + " of `iku`", kMaxId);
      if (!id) continue;
      refer("iku", *id, ctx_.at(*a->get(i)));
      c.iku.push_back(*id);
    }
  }
  f.finish();
  r_.charts.push_back(std::move(c));
}

void DescriptionReader::read_captions(const toml::table& t) {
  Fields f(ctx_, t, "[captions]", keys_of("captions"));
  for (const auto& key : keys_of("captions"))
    if (auto v = f.text(key)) r_.captions[key] = *v;
  f.finish();
}

std::optional<Narrative> DescriptionReader::narrative(Fields& f, bool required) {
  const toml::node* n = f.node("body", required);
  if (!n) return std::nullopt;
  auto text = as_text(ctx_, *n, "`body`", kMaxNarrative);
  if (!text) return std::nullopt;
  return Narrative{*text, ctx_.string_content(n->source().begin)};
}

void DescriptionReader::read_foreword(const toml::table& t) {
  Fields f(ctx_, t, "[foreword]", keys_of("foreword"));
  r_.foreword = narrative(f, true);
  f.finish();
}

void DescriptionReader::read_chapter(const toml::table& t, const char* what,
                                     std::vector<Chapter>& into) {
  const bool appendix = std::string_view(what) == "[[appendix]]";
  Fields f(ctx_, t, what, keys_of(appendix ? "appendix" : "chapter"));
  Chapter c;
  c.id = f.id();
  c.loc = f.loc();
  define(c.id, appendix ? "appendix" : "chapter", f.loc("id"));
  if (auto title = f.text("title", true)) {
    if (title->find_first_not_of(" \t\r\n") == std::string::npos)
      ctx_.error(f.loc("title"), std::string(appendix ? "appendix" : "chapter") + " title is empty",
                 {appendix ? "the title is printed under \"LAMPIRAN …\", e.g. title = "
                             "\"PERJANJIAN KINERJA\""
                           : "the title is printed under \"BAB …\", e.g. title = \"PENDAHULUAN\""});
    c.title = *title;
  }
  c.body = narrative(f, true).value_or(Narrative{});
  f.finish();
  into.push_back(std::move(c));
}

std::optional<FrontSection> DescriptionReader::front_section(Fields& f,
                                                             const std::string& default_title) {
  FrontSection s;
  s.title = f.text("title").value_or(default_title);
  if (s.title.find_first_not_of(" \t\r\n") == std::string::npos)
    ctx_.error(f.loc("title"), "the title is empty",
               {"leave `title` out for \"" + default_title + "\""});
  auto body = narrative(f, true);
  if (!body) return std::nullopt;
  s.body = std::move(*body);
  return s;
}

void DescriptionReader::read_review(const toml::table& t) {
  Fields f(ctx_, t, "[review]", keys_of("review"));
  Review r;
  r.signatory = ref_text(f, "signatory", "signatory", true);
  if (auto s = front_section(f, "PERNYATAAN TELAH DIREVIU")) {
    r.section = std::move(*s);
    r_.review = std::move(r);
  }
  f.finish();
}

void DescriptionReader::read_summary(const toml::table& t) {
  Fields f(ctx_, t, "[summary]", keys_of("summary"));
  r_.summary = front_section(f, "RINGKASAN EKSEKUTIF");
  f.finish();
}

}  // namespace lkjip::report::detail
