// The tables a description types: [[table]], [[components]] and [[survey]].
#include "doc/table_parts.h"

namespace lkjip::doc::tables {

Table free_table(const compute::TableResult& tr, const TableEnv& e) {
  const report::FreeTable& ft = *tr.table;
  std::vector<Col> cols;
  for (size_t i = 0; i < ft.columns.size(); ++i) {
    const report::Column& col = ft.columns[i];
    // Without `widths` the layout sizes the columns to their content.
    double w = i < ft.widths.size() ? ft.widths[i] : 0;
    cols.push_back({col.title, w, col.kind != report::Column::Kind::text});
  }
  Table t = shaped(cols);
  MarkupEnv cell_env = e.markup;
  cell_env.headings = nullptr;
  cell_env.place = nullptr;
  cell_env.indent_paragraphs = false;
  cell_env.align = report::HAlign::left;
  for (const auto& row : tr.cells) {
    Cells r;
    for (size_t i = 0; i < row.size(); ++i) {
      const report::Column::Kind kind = ft.columns.at(i).kind;
      if (kind == report::Column::Kind::text) {
        Cell cell;
        cell.blocks = parse_narrative(row[i].text, {ft.loc, false}, cell_env, e.sink);
        r.push_back(std::move(cell));
      } else if (kind == report::Column::Kind::rownum) {
        r.push_back(number_cell(row[i].text));
      } else {
        r.push_back(value_cell(row[i]));
      }
    }
    t.body.push_back(body_row(std::move(r)));
  }
  size_t first_total = tr.totals.size();
  for (size_t i = 0; i < ft.columns.size() && first_total == tr.totals.size(); ++i)
    if (ft.columns[i].total != report::Column::Total::none) first_total = i;
  if (first_total < tr.totals.size()) {
    Cells total;
    if (first_total > 0)
      total.push_back(spanning(text_cell(ft.total_label), static_cast<int>(first_total)));
    for (size_t i = first_total; i < tr.totals.size(); ++i)
      total.push_back(ft.columns[i].total == report::Column::Total::none
                          ? text_cell("")
                          : value_cell(tr.totals[i]));
    t.body.push_back(total_row(std::move(total)));
  }
  return finish(std::move(t), e.style);
}

Table components(const compute::ComponentsResult& cr, const TableEnv& e) {
  const report::Components& co = *cr.components;
  const bool score = co.mode == report::Components::Mode::score;
  const bool notes = std::any_of(co.items.begin(), co.items.end(),
                                 [](const report::ComponentItem& i) { return !i.note.empty(); });
  std::vector<Col> cols{{"No"},
                        {co.item_header},
                        {"Bobot", 0, true},
                        {co.value_header, 0, true},
                        {score ? "Capaian" : "Nilai Tertimbang", 0, true}};
  if (notes) cols.push_back({"Keterangan"});
  Table t = shaped(cols);
  for (size_t i = 0; i < cr.rows.size(); ++i) {
    const compute::ComponentRow& row = cr.rows[i];
    Cells r{number_cell(std::to_string(i + 1)), text_cell(row.item->name), value_cell(row.weight),
            value_cell(row.value), value_cell(score ? row.capaian : row.weighted)};
    if (notes) r.push_back(text_cell(row.item->note));
    t.body.push_back(body_row(std::move(r)));
  }
  Cells total{spanning(text_cell("Jumlah"), 2), value_cell(cr.weight_total),
              score ? value_cell(cr.total) : text_cell(""),
              score ? text_cell("") : value_cell(cr.total)};
  if (notes) total.push_back(text_cell(""));
  t.body.push_back(total_row(std::move(total)));
  return finish(std::move(t), e.style);
}

Table survey(const compute::SurveyResult& sr, const TableEnv& e) {
  const report::Survey& sv = *sr.survey;
  const bool keterangan = !sv.scale.empty();
  std::vector<Col> cols{{"No"}, {sv.item_header}, {sv.value_header, 0, true}};
  if (keterangan) cols.push_back({"Keterangan"});
  Table t = shaped(cols);
  for (size_t i = 0; i < sr.rows.size(); ++i) {
    Cells r{number_cell(std::to_string(i + 1)), text_cell(sr.rows[i].item->name),
            value_cell(sr.rows[i].value)};
    if (keterangan) r.push_back(value_cell(sr.rows[i].keterangan));
    t.body.push_back(body_row(std::move(r)));
  }
  Cells total{spanning(text_cell("Rata-rata"), 2), value_cell(sr.average)};
  if (keterangan) total.push_back(value_cell(sr.keterangan));
  t.body.push_back(total_row(std::move(total)));
  return finish(std::move(t), e.style);
}

}  // namespace lkjip::doc::tables
